//! `/suppliers`: the supplier directory buyers search by name or industry.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::org_table::OrgTable;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn SuppliersPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let results =
        LocalResource::new(move || crate::api::organisations::search_suppliers(query.get()));
    view! {
        <section class="page">
            <h1>{move || i18n.t().suppliers}</h1>
            <div class="toolbar">
                <input type="search" class="search" bind:value=query
                    aria-label=move || i18n.t().search_suppliers placeholder=move || i18n.t().search_suppliers />
            </div>
            <Transition fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(rows) if rows.is_empty() => view! { <p class="empty">{move || i18n.t().no_suppliers}</p> }.into_any(),
                        Ok(rows) => view! {
                            <p class="muted">{let count = rows.len(); move || (i18n.t().organisation_count)(count)}</p>
                            <OrgTable rows supplier_links=true />
                        }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| results.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
