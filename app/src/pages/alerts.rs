//! `/alerts`: the buyer's price alerts (target, state, the offer and landed cost that reached
//! it) with delete. Refreshed every 30 s, since the server sweeps alerts every minute.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::toast::use_toasts;
use crate::i18n::{use_i18n, Locale};
use crate::pages::qualification::format_moment;
use crate::types::alerts::PriceAlert;
use crate::types::money::{format_amount, Money};
use leptos::prelude::*;
use std::time::Duration;
use uuid::Uuid;

const REFRESH_EVERY: Duration = Duration::from_secs(30);

#[component]
pub fn AlertsPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().alerts;
    let alerts = LocalResource::new(crate::api::alerts::list_alerts);
    if let Ok(handle) = set_interval_with_handle(move || alerts.refetch(), REFRESH_EVERY) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <section class="page alerts">
            <h1>{move || t().alerts_title}</h1>
            <p class="lead">{move || t().alerts_lead}</p>
            <Transition fallback=|| view! { <SkeletonRows rows=3 /> }>
                {move || Suspend::new(async move {
                    match alerts.await {
                        Ok(rows) if rows.is_empty() => view! {
                            <p class="empty">{move || t().alerts_none}</p>
                        }.into_any(),
                        Ok(rows) => view! {
                            <AlertTable rows on_change=Callback::new(move |_| alerts.refetch()) />
                        }.into_any(),
                        Err(error) => view! {
                            <ErrorPanel error on_retry=move |_| alerts.refetch() />
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn AlertTable(rows: Vec<PriceAlert>, on_change: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().alerts;
    let toasts = use_toasts();
    let delete = Action::new_local(move |id: &Uuid| crate::api::alerts::delete_alert(*id));
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => {
            toasts.success(t().alert_deleted);
            on_change.run(());
        }
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    view! {
        <div class="table-wrap">
            <table class="data-table responsive alerts-table">
                <thead><tr>
                    <th scope="col">{move || t().product}</th>
                    <th scope="col" class="num">{move || t().quantity}</th>
                    <th scope="col">{move || t().destination}</th>
                    <th scope="col" class="num">{move || t().target_unit_cost}</th>
                    <th scope="col">{move || t().alert_state}</th>
                    <th scope="col"><span class="visually-hidden">{move || t().delete}</span></th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let PriceAlert { alert_id, sku, product_name_en, product_name_zh, unit, quantity,
                            destination, currency, target_unit_cost, created_at, triggered, .. } = row;
                        let product = move || match i18n.locale() {
                            Locale::ZhCn => product_name_zh.clone(),
                            Locale::En => product_name_en.clone(),
                        };
                        let target = Money::new(target_unit_cost, currency);
                        let reached = triggered.is_some();
                        let delete_label = {
                            let sku = sku.clone();
                            move || format!("{} {sku}", t().delete)
                        };
                        view! {
                            <tr>
                                <th scope="row" data-label=move || t().product>
                                    <span class="mono">{sku}</span>" "{product}
                                    <p class="muted small">{format_moment(created_at)}</p>
                                </th>
                                <td class="num" data-label=move || t().quantity>{format_amount(quantity, 0)}" "{unit}</td>
                                <td data-label=move || t().destination>{move || (i18n.t().catalog.region_name)(destination)}</td>
                                <td class="num" data-label=move || t().target_unit_cost>{move || target.format(i18n.locale())}</td>
                                <td data-label=move || t().alert_state>
                                    <span class="chip" class:alerts-reached=reached class:alerts-watching=!reached>
                                        {move || if reached { t().reached } else { t().watching }}
                                    </span>
                                    {triggered.map(|hit| {
                                        let supplier = hit.supplier_name;
                                        view! {
                                            <p class="alerts-hit">
                                                {move || (t().reached_by)(&hit.unit_cost.format(i18n.locale()), supplier.as_deref())}
                                                " · "<span class="muted">{format_moment(hit.at)}</span>
                                            </p>
                                        }
                                    })}
                                </td>
                                <td>
                                    <button class="button small danger" type="button" aria-label=delete_label
                                        disabled=move || delete.pending().get()
                                        on:click=move |_| { delete.dispatch_local(alert_id); }>
                                        {move || t().delete}
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
