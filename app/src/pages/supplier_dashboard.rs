//! The supplier's home: qualification status and whether it may trade, expiring documents, the
//! score with its trend and advice, and notifications. Tenders, offers, sample requests, RFQs and
//! orders have their own slots, filled by the work that brings them (no placeholder data).

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::score_chart::ScoreChart;
use crate::components::scorecard_view::{Improvements, ScoreBreakdown, ScoreSummary};
use crate::components::toast::use_toasts;
use crate::i18n::{use_i18n, ScorecardTexts};
use crate::pages::qualification::{format_moment, StatusChip};
use crate::types::supplier_page::SupplierDashboard;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

#[component]
pub fn SupplierDashboardSection(organisation_id: Uuid) -> impl IntoView {
    let data = LocalResource::new(move || crate::api::suppliers::get_dashboard(organisation_id));
    view! {
        <Suspense fallback=|| view! { <SkeletonRows rows=6 /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(dashboard) => view! { <Dashboard dashboard /> }.into_any(),
                    Err(error) => view! { <ErrorPanel error on_retry=move |_| data.refetch() /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Dashboard(dashboard: SupplierDashboard) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().scorecard;
    let SupplierDashboard {
        organisation_id,
        status,
        status_reason,
        not_eligible,
        expiring,
        scorecard,
        improvements,
        notifications,
        ..
    } = dashboard;
    let guides = {
        use rust_decimal::prelude::ToPrimitive;
        let t = scorecard.thresholds;
        [t.warned, t.standard, t.preferred]
            .iter()
            .filter_map(|d| d.to_f64())
            .collect::<Vec<_>>()
    };
    view! {
        <div class="supplier-dashboard">
            <section class="panel" aria-labelledby="sd-qualification">
                <h2 id="sd-qualification">{move || t().qualification}</h2>
                <p><StatusChip status /> " "
                    {move || match not_eligible {
                        Some(reason) => (t().not_eligible)(reason),
                        None => t().can_trade,
                    }}
                </p>
                {status_reason.map(|reason| view! {
                    <p class="q-reason"><strong>{move || i18n.t().qualification.reason} ": "</strong>{reason}</p>
                })}
                <A href="/qualification">{move || t().open_application}</A>
            </section>
            <section class="panel" aria-labelledby="sd-expiring">
                <h2 id="sd-expiring">{move || t().expiring_title}</h2>
                {if expiring.is_empty() {
                    view! { <p class="muted">{move || t().no_expiring}</p> }.into_any()
                } else {
                    view! {
                        <ul class="expiring">
                            {expiring.into_iter().map(|doc| {
                                let (kind, days) = (doc.kind, doc.days_left);
                                view! {
                                    <li class:lapsed=days < 0>
                                        <strong>{move || (i18n.t().qualification.kind_name)(kind)}</strong>
                                        " · "{doc.expires_on.to_string()}" · "
                                        {move || (t().days_left)(days)}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="panel" aria-labelledby="sd-score">
                <h2 id="sd-score">{move || t().score_title}</h2>
                <ScoreSummary card=scorecard.current.clone() tier=scorecard.tier />
                <h3>{move || t().trend_title}</h3>
                {if scorecard.history.is_empty() {
                    view! { <p class="muted">{move || t().no_history}</p> }.into_any()
                } else {
                    view! { <ScoreChart points=scorecard.history.clone() guides /> }.into_any()
                }}
                <h3>{move || t().raise_title}</h3>
                <Improvements items=improvements />
                <ScoreBreakdown card=scorecard.current />
            </section>
            <Notifications organisation_id notifications />
            // Slots for the work that brings these features; each fills its own section.
            <crate::pages::dashboard_tenders::DashboardTenders />
            <Slot title=|t| t.slot_offers id="sd-offers" />
            <crate::pages::dashboard_samples::DashboardSamples organisation_id />
            <Slot title=|t| t.slot_rfqs id="sd-rfqs" />
            <Slot title=|t| t.slot_orders id="sd-orders" />
        </div>
    }
}

/// An empty section another feature fills.
#[component]
fn Slot(title: fn(&'static ScorecardTexts) -> &'static str, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel slot" aria-labelledby=id data-slot=id>
            <h2 id=id>{move || title(i18n.t().scorecard)}</h2>
            <p class="muted">{move || i18n.t().scorecard.slot_empty}</p>
        </section>
    }
}

#[component]
fn Notifications(
    organisation_id: Uuid,
    notifications: Vec<crate::types::scorecard::SupplierNotification>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().scorecard;
    let toasts = use_toasts();
    let items = RwSignal::new(notifications);
    let mark = Action::new_local(move |_: &()| {
        crate::api::scorecard::mark_notifications_read(organisation_id)
    });
    Effect::new(move |_| match mark.value().get() {
        Some(Ok(_)) => items.update(|list| {
            let now = time::OffsetDateTime::UNIX_EPOCH;
            list.iter_mut().for_each(|n| {
                n.read_at.get_or_insert(now);
            })
        }),
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    let unread = move || items.with(|list| list.iter().any(|n| n.read_at.is_none()));
    view! {
        <section class="panel" aria-labelledby="sd-notifications">
            <h2 id="sd-notifications">{move || t().notifications}</h2>
            {move || if items.with(Vec::is_empty) {
                view! { <p class="muted">{move || t().no_notifications}</p> }.into_any()
            } else {
                view! {
                    <ul class="notifications">
                        {items.get().into_iter().map(|n| {
                            let unread = n.read_at.is_none();
                            let at = format_moment(n.created_at);
                            view! {
                                <li class:unread=unread>
                                    <time>{at}</time>" "
                                    {move || (t().notification_text)(&n)}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <button class="button secondary" type="button"
                disabled=move || !unread() || mark.pending().get()
                on:click=move |_| { mark.dispatch_local(()); }>
                {move || t().mark_read}
            </button>
        </section>
    }
}
