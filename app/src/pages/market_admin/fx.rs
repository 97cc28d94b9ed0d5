//! Exchange rates: the form that adds a dated rate and the history per pair, newest first, with
//! which rate is in force today.

use super::{currency_options, today_iso};
use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::org_table::format_date;
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::pages::catalog_admin::fields::{text, FormErrors, Input, Select, Unmatched};
use crate::types::catalog::manage::{FxRateEntry, RateState};
use leptos::prelude::*;

fn state_slug(state: RateState) -> &'static str {
    match state {
        RateState::Scheduled => "scheduled",
        RateState::InForce => "in-force",
        RateState::Superseded => "superseded",
    }
}

#[component]
pub fn FxRates() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let toasts = use_toasts();
    let errors = FormErrors::provide();
    let loaded = LocalResource::new(crate::api::catalog::market::list_fx_rates);
    let rates: RwSignal<Option<Vec<FxRateEntry>>> = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(Ok(list)) = loaded.get() {
            rates.set(Some(list));
        }
    });
    let base = RwSignal::new("USD".to_owned());
    let quote = RwSignal::new("CNY".to_owned());
    let rate = RwSignal::new(String::new());
    let valid_from = RwSignal::new(today_iso());
    let save = Action::new_local(
        move |(base, quote, rate, valid_from): &(String, String, String, String)| {
            crate::api::catalog::market::save_fx_rate(
                base.clone(),
                quote.clone(),
                rate.clone(),
                valid_from.clone(),
            )
        },
    );
    Effect::new(move |_| match save.value().get() {
        Some(Ok(list)) => {
            rates.set(Some(list));
            rate.set(String::new());
            toasts.success(t().rate_saved);
        }
        Some(Err(error)) => errors.fail(error),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The button stays enabled (a disabled button drops the keyboard focus): ignore repeats.
        if save.pending().get_untracked() {
            return;
        }
        errors.clear();
        save.dispatch_local((
            base.get_untracked(),
            quote.get_untracked(),
            rate.get_untracked(),
            valid_from.get_untracked(),
        ));
    };
    view! {
        <section class="panel" aria-labelledby="cat-fx-heading">
            <h2 id="cat-fx-heading">{move || t().fx_title}</h2>
            <p class="muted">{move || t().fx_lead}</p>
            <form class="inline-form cat-inline" on:submit=submit novalidate>
                <Unmatched />
                <Select form="fx" name="base" label=text(|t| t.catalog_admin.base) value=base options=currency_options() />
                <Select form="fx" name="quote" label=text(|t| t.catalog_admin.quote) value=quote options=currency_options() />
                <Input form="fx" name="rate" label=text(|t| t.catalog_admin.rate) value=rate inputmode="decimal"
                    hint=text(|t| t.catalog_admin.rate_hint) />
                <Input form="fx" name="valid_from" label=text(|t| t.catalog_admin.valid_from) value=valid_from input_type="date"
                    hint=text(|t| t.catalog_admin.valid_from_hint) />
                <button class="button" type="submit" aria-disabled=move || save.pending().get().to_string()>{move || t().add_rate}</button>
            </form>
            {move || match (rates.get(), loaded.get()) {
                (Some(list), _) if list.is_empty() => view! { <p class="muted">{move || t().no_rates}</p> }.into_any(),
                (Some(list), _) => view! { <RateTable list /> }.into_any(),
                (None, Some(Err(error))) => view! { <ErrorPanel error on_retry=move |_| loaded.refetch() /> }.into_any(),
                (None, _) => view! { <SkeletonRows rows=3 /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn RateTable(list: Vec<FxRateEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    view! {
        <div class="table-wrap">
            <table class="data-table responsive">
                <thead><tr>
                    <th scope="col">{move || format!("{} / {}", t().base, t().quote)}</th>
                    <th scope="col" class="num">{move || t().rate}</th>
                    <th scope="col">{move || t().valid_from}</th>
                    <th scope="col">{move || i18n.t().status}</th>
                    <th scope="col">{move || t().entered_by}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|entry| {
                        let state = entry.state;
                        let pair = format!("{}/{}", entry.rate.base, entry.rate.quote);
                        view! {
                            <tr class:cat-superseded=state == RateState::Superseded>
                                <th scope="row" data-label=move || format!("{} / {}", t().base, t().quote)>{pair}</th>
                                <td class="num" data-label=move || t().rate>{entry.rate.rate.to_string()}</td>
                                <td class="num" data-label=move || t().valid_from>{entry.rate.valid_from.to_string()}</td>
                                <td data-label=move || i18n.t().status>
                                    <span class=format!("chip cat-rate-{}", state_slug(state))>{move || (t().rate_state)(state)}</span>
                                </td>
                                <td data-label=move || t().entered_by>
                                    {entry.entered_by.unwrap_or_default()}" "
                                    <span class="muted small">{format_date(entry.entered_at)}</span>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
