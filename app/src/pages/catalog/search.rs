//! The search page: query box, facets beside the results, pagination and the compare tray.

use super::facets::FacetPanel;
use super::results::{CompareTray, ResultList};
use super::url;
use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::i18n::use_i18n;
use crate::types::catalog::search::{SearchQuery, PAGE_SIZE};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;

#[component]
pub fn CatalogPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        url::from_pairs((&*params).into_iter().map(|(k, v)| (k.as_ref(), v)))
    });
    let results = LocalResource::new(move || crate::api::search::search_products(query.get()));
    let navigate = use_navigate();
    // Every change of the query is a navigation, so the back button walks through searches.
    let go =
        Callback::new(move |next: SearchQuery| navigate(&url::href(&next), Default::default()));
    let text = RwSignal::new(query.get_untracked().text);
    Effect::new(move |_| text.set(query.get().text));
    let selected = RwSignal::new(Vec::<Uuid>::new());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut next = query.get_untracked();
        next.text = text.get_untracked();
        next.page = 1;
        go.run(next);
    };
    view! {
        <section class="page catalog">
            <h1>{move || t().search_title}</h1>
            <form class="catalog-search" role="search" on:submit=on_submit>
                <label class="visually-hidden" for="catalog-q">{move || t().search_label}</label>
                <input id="catalog-q" type="search" name="q" class="search" bind:value=text
                    autocomplete="off" placeholder=move || t().search_placeholder />
                <button type="submit" class="button">{move || t().search_button}</button>
            </form>
            <Transition fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(found) => {
                            let pages = found.total.div_ceil(PAGE_SIZE).max(1);
                            view! {
                                <div class="catalog-body">
                                    <FacetPanel query results=found.clone() go />
                                    <div class="catalog-results">
                                        <p class="muted" aria-live="polite">{move || (t().results_count)(found.total)}</p>
                                        <ResultList hits=found.hits.clone() selected />
                                        <Pager page=found.page pages query go />
                                    </div>
                                </div>
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| results.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
            <CompareTray selected />
        </section>
    }
}

#[component]
fn Pager(
    page: u32,
    pages: u32,
    query: Memo<SearchQuery>,
    go: Callback<SearchQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    let to = move |page: u32| {
        let mut next = query.get_untracked();
        next.page = page;
        go.run(next);
    };
    (pages > 1).then(|| view! {
        <nav class="pager" aria-label=move || (t().page_of)(page, pages)>
            <button type="button" class="button secondary" disabled=page <= 1 on:click=move |_| to(page - 1)>
                {move || t().previous}
            </button>
            <span>{move || (t().page_of)(page, pages)}</span>
            <button type="button" class="button secondary" disabled=page >= pages on:click=move |_| to(page + 1)>
                {move || t().next}
            </button>
        </nav>
    })
}
