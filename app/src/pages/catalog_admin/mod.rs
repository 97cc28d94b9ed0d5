//! `/staff/catalog`: staff maintain the category tree (each category with its attribute schema)
//! and the products of each category. The tree is on the left (on top on a phone); the
//! selected category's editor and its products on the right.

mod attribute_inputs;
mod category_form;
pub mod fields;
pub mod product_form;
mod products;
mod schema_editor;

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::product_view::localized;
use crate::components::toast::use_toasts;
use crate::i18n::{use_i18n, Locale};
use crate::rules::catalog::tree::tree_order;
use crate::types::catalog::Category;
use category_form::CategoryForm;
use leptos::prelude::*;
use products::CategoryProducts;
use uuid::Uuid;

/// What the right-hand side edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Selection {
    NewCategory,
    Category(Uuid),
}

#[component]
pub fn CatalogAdminPage() -> impl IntoView {
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
    let selected: RwSignal<Option<Selection>> = RwSignal::new(None);
    let saved = Callback::new(move |category: Category| {
        toasts.success(t().category_saved);
        let id = category.category_id;
        // The editor reopens on the saved category at once, before the list reloads.
        categories.update(|all| match all.iter_mut().find(|c| c.category_id == id) {
            Some(existing) => *existing = category,
            None => all.push(category),
        });
        // A new category's editor reopens on it; an edited one stays as it is (keeping focus).
        let now = Some(Selection::Category(id));
        if selected.get_untracked() != now {
            selected.set(now);
        }
        loaded.refetch();
    });
    let editor = move || {
        let selection = selected.get()?;
        // Reads the list untracked: a refetch after saving must not reset a form being edited.
        let all = categories.get_untracked();
        Some(match selection {
            Selection::NewCategory => view! {
                <CategoryForm category=None categories=all on_saved=saved />
            }
            .into_any(),
            Selection::Category(id) => {
                let category = all.iter().find(|c| c.category_id == id).cloned();
                view! {
                    <CategoryForm category categories=all.clone() on_saved=saved />
                    <CategoryProducts category_id=id categories />
                }
                .into_any()
            }
        })
    };
    view! {
        <section class="page cat-admin">
            <h1>{move || t().catalog_title}</h1>
            <p class="lead">{move || t().catalog_lead}</p>
            <div class="cat-layout">
                <nav class="panel cat-tree" aria-labelledby="cat-tree-heading">
                    <div class="cat-section-head">
                        <h2 id="cat-tree-heading">{move || t().categories}</h2>
                        <button class="button secondary small" type="button"
                            on:click=move |_| selected.set(Some(Selection::NewCategory))>
                            {move || t().new_category}
                        </button>
                    </div>
                    <Suspense fallback=|| view! { <SkeletonRows rows=5 /> }>
                        {move || loaded.get().map(|result| match result {
                            Err(error) => view! { <ErrorPanel error on_retry=move |_| loaded.refetch() /> }.into_any(),
                            Ok(list) if list.is_empty() => view! { <p class="muted">{move || t().no_categories}</p> }.into_any(),
                            Ok(list) => view! { <Tree list selected /> }.into_any(),
                        })}
                    </Suspense>
                </nav>
                <div class="cat-main">
                    {move || editor().unwrap_or_else(|| view! { <p class="muted">{move || t().pick_category}</p> }.into_any())}
                </div>
            </div>
        </section>
    }
}

#[component]
fn Tree(list: Vec<Category>, selected: RwSignal<Option<Selection>>) -> impl IntoView {
    let i18n = use_i18n();
    let items = tree_order(&list)
        .into_iter()
        .map(|(depth, category)| {
            let id = category.category_id;
            let (en, zh) = (category.name_en.clone(), category.name_zh.clone());
            let other = {
                let (en, zh) = (en.clone(), zh.clone());
                move || match i18n.locale() {
                    Locale::ZhCn => en.clone(),
                    Locale::En => zh.clone(),
                }
            };
            let current = move || selected.get() == Some(Selection::Category(id));
            view! {
                <li style=format!("--depth: {depth}")>
                    <button type="button" class="cat-node" class:cat-node-current=current
                        aria-current=move || current().then_some("true")
                        on:click=move |_| selected.set(Some(Selection::Category(id)))>
                        <span>{move || localized(i18n.locale(), &en, &zh)}</span>
                        <span class="secondary-name">{other}</span>
                        <code class="cat-code">{category.code.clone()}</code>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="cat-tree-list">{items}</ul> }
}
