//! `/products/propose`: a supplier proposes a product missing from the catalog (the same form
//! as staff's, sent for review) and follows its proposals: status and the reviewer's reason.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::org_table::format_date;
use crate::components::product_view::{localized, ReviewChip};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::pages::catalog_admin::product_form::{Mode, ProductForm};
use crate::session::use_session;
use crate::types::catalog::manage::{ProductDetail, ProductSummary};
use crate::types::catalog::{Category, ProductInput};
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

#[component]
pub fn ProposeProductPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let session = use_session();
    let organisation_id = move || {
        session
            .user
            .get()
            .and_then(|user| user.organisation)
            .map(|org| org.organisation_id)
    };
    view! {
        <section class="page cat-propose">
            <h1>{move || t().propose_title}</h1>
            <p class="lead">{move || t().propose_lead}</p>
            {move || organisation_id().map(|organisation_id| view! { <Proposals organisation_id /> })}
        </section>
    }
}

#[component]
fn Proposals(organisation_id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let toasts = use_toasts();
    let loaded = LocalResource::new(crate::api::catalog::list_categories);
    let categories: RwSignal<Vec<Category>> = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        if let Some(Ok(list)) = loaded.get() {
            categories.set(list);
        }
    });
    let proposals =
        LocalResource::new(move || crate::api::catalog::list_my_proposals(organisation_id));
    // A fresh, empty form after each proposal.
    let generation = RwSignal::new(0u32);
    let on_saved = Callback::new(move |detail: ProductDetail| {
        if detail.flagged_terms.is_empty() {
            toasts.success(t().proposal_sent);
        } else {
            toasts.success((t().proposal_flagged)(&detail.flagged_terms));
        }
        proposals.refetch();
        generation.update(|g| *g += 1);
    });
    let mode = Mode::Propose { organisation_id };
    view! {
        <div class="panel">
            {move || loaded.get().and_then(Result::err).map(|error| view! { <ErrorPanel error on_retry=move |_| loaded.refetch() /> })}
            {move || {
                generation.get();
                view! { <ProductForm mode categories initial=ProductInput::default() on_saved /> }
            }}
        </div>
        <h2>{move || t().my_proposals}</h2>
        <Suspense fallback=|| view! { <SkeletonRows rows=3 /> }>
            {move || proposals.get().map(|result| match result {
                Err(error) => view! { <ErrorPanel error on_retry=move |_| proposals.refetch() /> }.into_any(),
                Ok(list) if list.is_empty() => view! { <p class="muted">{move || t().no_proposals}</p> }.into_any(),
                Ok(list) => view! { <ProposalTable list categories /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ProposalTable(list: Vec<ProductSummary>, categories: RwSignal<Vec<Category>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let category_name = move |id: Uuid| {
        categories.with(|all| {
            all.iter()
                .find(|c| c.category_id == id)
                .map(|c| localized(i18n.locale(), &c.name_en, &c.name_zh))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="table-wrap">
            <table class="data-table responsive">
                <thead><tr>
                    <th scope="col">{move || t().sku}</th>
                    <th scope="col">{move || t().product_title}</th>
                    <th scope="col">{move || t().category}</th>
                    <th scope="col">{move || i18n.t().status}</th>
                    <th scope="col">{move || t().reason}</th>
                    <th scope="col">{move || t().submitted}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|p| {
                        let (en, zh) = (p.name_en.clone(), p.name_zh.clone());
                        let category = p.category_id;
                        view! {
                            <tr>
                                <th scope="row" data-label=move || t().sku><code>{p.sku}</code></th>
                                <td data-label=move || t().product_title>
                                    <A href=format!("/products/{}", p.product_id)>{move || localized(i18n.locale(), &en, &zh)}</A>
                                </td>
                                <td data-label=move || t().category>{move || category_name(category)}</td>
                                <td data-label=move || i18n.t().status><ReviewChip status=p.status /></td>
                                <td data-label=move || t().reason>{p.review_reason.unwrap_or_default()}</td>
                                <td data-label=move || t().submitted class="num">{format_date(p.created_at)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
