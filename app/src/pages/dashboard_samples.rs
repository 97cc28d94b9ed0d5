//! The supplier dashboard's sample section: the requests waiting for an answer, refreshed every
//! 10 s, with a link to `/samples` where they are answered.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::i18n::{use_i18n, Locale};
use crate::types::money::format_amount;
use crate::types::samples::{SampleRequest, SampleStatus};
use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;
use uuid::Uuid;

const REFRESH_EVERY: Duration = Duration::from_secs(10);

/// How many waiting requests the section lists.
const SHOWN: usize = 5;

#[component]
pub fn DashboardSamples(organisation_id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let requests = LocalResource::new(move || crate::api::samples::list_incoming(organisation_id));
    if let Ok(handle) = set_interval_with_handle(move || requests.refetch(), REFRESH_EVERY) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <section class="panel" aria-labelledby="sd-samples" data-slot="sd-samples">
            <h2 id="sd-samples">{move || i18n.t().scorecard.slot_samples}</h2>
            <Transition fallback=|| view! { <SkeletonRows rows=2 /> }>
                {move || Suspend::new(async move {
                    match requests.await {
                        Ok(rows) => view! { <Waiting rows /> }.into_any(),
                        Err(error) => view! {
                            <ErrorPanel error on_retry=move |_| requests.refetch() />
                        }.into_any(),
                    }
                })}
            </Transition>
            <A href="/samples">{move || i18n.t().alerts.open_samples}</A>
        </section>
    }
}

#[component]
fn Waiting(rows: Vec<SampleRequest>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().alerts;
    let waiting: Vec<SampleRequest> = rows
        .into_iter()
        .filter(|row| row.status == SampleStatus::Requested)
        .collect();
    if waiting.is_empty() {
        return view! { <p class="muted">{move || t().samples_none_waiting}</p> }.into_any();
    }
    let count = waiting.len();
    view! {
        <p>{move || (t().samples_waiting)(count)}</p>
        <ul class="dashboard-samples">
            {waiting.into_iter().take(SHOWN).map(|row| {
                let product = move || match i18n.locale() {
                    Locale::ZhCn => row.product_name_zh.clone(),
                    Locale::En => row.product_name_en.clone(),
                };
                view! {
                    <li>
                        <strong>{product}</strong>" · "{row.buyer_name.clone()}" · "
                        <span class="num">{format_amount(row.quantity, 0)}" "{row.unit.clone()}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
