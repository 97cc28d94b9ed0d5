//! `/staff/organisations`: every organisation on the platform, for platform staff.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::org_table::OrgTable;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn StaffOrganisationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let register = LocalResource::new(crate::api::organisations::list_organisations);
    view! {
        <section class="page">
            <h1>{move || i18n.t().organisations}</h1>
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match register.await {
                        Ok(rows) => view! {
                            <p class="muted">{let count = rows.len(); move || (i18n.t().organisation_count)(count)}</p>
                            <OrgTable rows show_kind=true />
                        }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| register.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
