//! The supplier dashboard's tenders section: live and upcoming tenders the supplier is invited
//! to, its current rank in each and a link to the bidding board. Refreshed every few seconds,
//! so a new invitation or a lost rank shows without a reload.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::i18n::use_i18n;
use crate::pages::qualification::format_moment;
use crate::types::tender::{TenderRole, TenderStatus, TenderSummary};
use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;

/// How often the section asks again; the board itself is live over its WebSocket.
const REFRESH_EVERY: Duration = Duration::from_secs(5);

#[component]
pub fn DashboardTenders() -> impl IntoView {
    let i18n = use_i18n();
    let tenders = LocalResource::new(crate::api::tenders::list_tenders);
    if let Ok(handle) = set_interval_with_handle(move || tenders.refetch(), REFRESH_EVERY) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <section class="panel" aria-labelledby="sd-tenders" data-slot="sd-tenders">
            <h2 id="sd-tenders">{move || i18n.t().scorecard.slot_tenders}</h2>
            <Transition fallback=|| view! { <SkeletonRows rows=2 /> }>
                {move || Suspend::new(async move {
                    match tenders.await {
                        Ok(rows) => view! { <TenderRows rows /> }.into_any(),
                        Err(error) => view! {
                            <ErrorPanel error on_retry=move |_| tenders.refetch() />
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn TenderRows(rows: Vec<TenderSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let live: Vec<TenderSummary> = rows
        .into_iter()
        .filter(|row| row.role == TenderRole::Supplier)
        .filter(|row| matches!(row.status, TenderStatus::Scheduled | TenderStatus::Open))
        .collect();
    if live.is_empty() {
        return view! { <p class="muted">{move || i18n.t().scorecard.tenders_none}</p> }.into_any();
    }
    view! {
        <ul class="dashboard-tenders">
            {live
                .into_iter()
                .map(|row| {
                    let href = format!("/lots/{}", row.board_lot_id);
                    let rank = row.own_rank;
                    let status = row.status;
                    view! {
                        <li class="dashboard-tender">
                            <div>
                                <strong>{row.reference}" · "{row.title}</strong>
                                <span class="muted">" · "{row.buyer_name}</span>
                            </div>
                            <div class="muted">
                                {move || i18n.t().scorecard.tender_opens}" "{format_moment(row.opens_at)}
                                " · "{move || i18n.t().scorecard.tender_ends}" "{format_moment(row.ends_at)}
                            </div>
                            <div>
                                <span class="chip" class:chip-live=status == TenderStatus::Open>
                                    {move || (i18n.t().scorecard.tender_rank)(rank)}
                                </span>
                                " "
                                <A href=href>{move || i18n.t().scorecard.open_board}</A>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
