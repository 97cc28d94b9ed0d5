//! A category's products on the staff catalog page: the list (every status) and the product
//! editor, opened for a new product or for one of the list.

use super::fields::{focus_element, focus_on_mount};
use super::product_form::{Mode, ProductForm};
use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::product_view::{localized, ReviewChip};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::types::catalog::manage::{ProductDetail, ProductSummary};
use crate::types::catalog::{Category, ProductInput};
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

/// What the editor below the list shows.
#[derive(Debug, Clone, PartialEq)]
enum Editing {
    New,
    Product(Box<ProductInput>, Uuid),
}

#[component]
pub fn CategoryProducts(
    category_id: Uuid,
    #[prop(into)] categories: Signal<Vec<Category>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let toasts = use_toasts();
    let list = LocalResource::new(move || crate::api::catalog::list_category_products(category_id));
    let editing: RwSignal<Option<Editing>> = RwSignal::new(None);
    let open = Action::new_local(move |id: &Uuid| crate::api::catalog::get_product(*id));
    Effect::new(move |_| match open.value().get() {
        Some(Ok(detail)) => editing.set(Some(Editing::Product(
            Box::new(input_of(&detail)),
            detail.product.product_id,
        ))),
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    let saved = Callback::new(move |_: ProductDetail| {
        toasts.success(t().product_saved);
        editing.set(None);
        focus_element("cat-products-heading");
        list.refetch();
    });
    let table = move || {
        list.get().map(|loaded| match loaded {
            Err(error) => {
                view! { <ErrorPanel error on_retry=move |_| list.refetch() /> }.into_any()
            }
            Ok(products) if products.is_empty() => {
                view! { <p class="muted">{move || t().no_products}</p> }.into_any()
            }
            Ok(products) => view! { <ProductTable products open /> }.into_any(),
        })
    };
    view! {
        <section class="panel" aria-labelledby="cat-products-heading">
            <div class="cat-section-head">
                <h2 id="cat-products-heading" tabindex="-1">{move || t().products}</h2>
                <button class="button secondary" type="button" on:click=move |_| editing.set(Some(Editing::New))>
                    {move || t().new_product}
                </button>
            </div>
            <Suspense fallback=|| view! { <SkeletonRows rows=3 /> }>{table}</Suspense>
            {move || editing.get().map(|state| {
                let (title, mode, initial) = match state {
                    Editing::New => (
                        t().new_product_title,
                        Mode::Staff { product_id: None },
                        ProductInput { category_id: Some(category_id), ..Default::default() },
                    ),
                    Editing::Product(input, id) => (t().edit_product_title, Mode::Staff { product_id: Some(id) }, *input),
                };
                focus_on_mount("cat-product-editor-heading");
                view! {
                    <div class="cat-editor">
                        <div class="cat-section-head">
                            <h3 id="cat-product-editor-heading" tabindex="-1">{title}</h3>
                            <button class="button secondary small" type="button" on:click=move |_| {
                                editing.set(None);
                                focus_element("cat-products-heading");
                            }>
                                {move || t().close}
                            </button>
                        </div>
                        <ProductForm mode categories initial on_saved=saved />
                    </div>
                }
            })}
        </section>
    }
}

fn input_of(detail: &ProductDetail) -> ProductInput {
    let p = &detail.product;
    ProductInput {
        category_id: Some(p.category_id),
        sku: p.sku.clone(),
        name_en: p.name_en.clone(),
        name_zh: p.name_zh.clone(),
        description_en: p.description_en.clone(),
        description_zh: p.description_zh.clone(),
        attributes: p.attributes.clone(),
        unit: p.unit.clone(),
    }
}

#[component]
fn ProductTable(
    products: Vec<ProductSummary>,
    open: Action<Uuid, Result<ProductDetail, crate::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    view! {
        <div class="table-wrap">
            <table class="data-table responsive">
                <thead><tr>
                    <th scope="col">{move || t().sku}</th>
                    <th scope="col">{move || t().product_title}</th>
                    <th scope="col">{move || t().product_unit}</th>
                    <th scope="col">{move || i18n.t().status}</th>
                    <th scope="col"><span class="visually-hidden">{move || t().actions}</span></th>
                </tr></thead>
                <tbody>
                    {products.into_iter().map(|p| {
                        let id = p.product_id;
                        let (en, zh) = (p.name_en.clone(), p.name_zh.clone());
                        let name = move || localized(i18n.locale(), &en, &zh);
                        let sku = p.sku.clone();
                        view! {
                            <tr>
                                <th scope="row" data-label=move || t().sku><code>{p.sku}</code></th>
                                <td data-label=move || t().product_title>
                                    <A href=format!("/products/{id}")>{name}</A>
                                </td>
                                <td data-label=move || t().product_unit>{p.unit}</td>
                                <td data-label=move || i18n.t().status><ReviewChip status=p.status /></td>
                                <td>
                                    <button class="button secondary small" type="button"
                                        aria-label=move || format!("{} {sku}", t().edit)
                                        disabled=move || open.pending().get()
                                        on:click=move |_| { open.dispatch_local(id); }>
                                        {move || t().edit}
                                    </button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
