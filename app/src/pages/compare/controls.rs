//! The buyer's entries above the matrix: quantity, destination, currency, cost of money, the
//! weights (live sliders), sorting, and the export and share actions.

use super::model::{self, EntryIssue, Matrix};
use super::url::{CompareParams, SortKey};
use crate::components::download::save_text_file;
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::rules::pricing::Criterion;
use crate::types::catalog::Region;
use crate::types::money::Currency;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// Currencies offered in the picker (any known code works through the URL).
const CURRENCIES: [Currency; 4] = [Currency::USD, Currency::EUR, Currency::CNY, Currency::GBP];

#[component]
pub fn Controls(
    params: RwSignal<CompareParams>,
    computed: Memo<Result<Matrix, EntryIssue>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    let issue = move |which: &dyn Fn(&EntryIssue) -> Option<String>| {
        computed.with(|c| c.as_ref().err().and_then(which))
    };
    let quantity_issue = move || {
        issue(&|e| match e {
            EntryIssue::Quantity(issue) => Some((i18n.t().issue)(issue)),
            _ => None,
        })
    };
    let rate_issue = move || {
        issue(&|e| match e {
            EntryIssue::Rate(issue) => Some((i18n.t().issue)(issue)),
            _ => None,
        })
    };
    let weights_issue = move || {
        issue(&|e| {
            matches!(e, EntryIssue::Weights).then(|| i18n.t().catalog.weights_all_zero.to_owned())
        })
    };
    let export = move |_| {
        if let Ok(matrix) = computed.get_untracked() {
            save_text_file(
                "agora-comparison.csv",
                "text/csv;charset=utf-8",
                &model::to_csv(&matrix),
            );
        }
    };
    let toasts = use_toasts();
    let share = move |_| {
        copy_current_url();
        toasts.success(i18n.t().catalog.link_copied);
    };
    view! {
        <div class="compare-controls">
            <div class="field">
                <label for="compare-qty">{move || t().quantity}</label>
                <input id="compare-qty" type="text" inputmode="decimal" autocomplete="off"
                    prop:value=move || params.with(|p| p.quantity.clone())
                    on:input=move |e| params.update(|p| p.quantity = event_target_value(&e))
                    aria-invalid=move || quantity_issue().is_some().to_string() />
                {move || quantity_issue().map(|text| view! { <p class="field-error" role="alert">{text}</p> })}
            </div>
            <div class="field">
                <label for="compare-dest">{move || t().destination}</label>
                <select id="compare-dest" on:change=move |e| {
                    if let Ok(region) = Region::parse(&event_target_value(&e)) { params.update(|p| p.destination = region) }
                }>
                    {Region::ALL.into_iter().map(|region| view! {
                        <option value=region.as_str() selected=move || params.with(|p| p.destination == region)>
                            {move || (t().region_name)(region)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="compare-cur">{move || t().currency}</label>
                <select id="compare-cur" on:change=move |e| {
                    if let Ok(currency) = Currency::parse(&event_target_value(&e)) { params.update(|p| p.currency = currency) }
                }>
                    {CURRENCIES.into_iter().map(|currency| view! {
                        <option value=currency.to_string() selected=move || params.with(|p| p.currency == currency)>
                            {currency.to_string()}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="compare-rate">{move || t().annual_rate}</label>
                <input id="compare-rate" type="text" inputmode="decimal"
                    prop:value=move || params.with(|p| p.annual_rate.clone())
                    on:input=move |e| params.update(|p| p.annual_rate = event_target_value(&e)) />
                {move || rate_issue().map(|text| view! { <p class="field-error" role="alert">{text}</p> })}
            </div>
        </div>
        <fieldset class="compare-weights">
            <legend>{move || t().weights}</legend>
            <p class="muted small">{move || t().weights_hint}</p>
            {Criterion::ALL.into_iter().enumerate().map(|(index, criterion)| {
                let id = format!("weight-{index}");
                view! {
                    <div class="weight">
                        <label for=id.clone()>{move || (t().criterion_name)(criterion)}</label>
                        <input id=id type="range" min="0" max="100" step="5"
                            prop:value=move || params.with(|p| p.weights[index].to_string())
                            on:input=move |e| {
                                let value: Decimal = event_target_value(&e).parse().unwrap_or_default();
                                params.update(|p| p.weights[index] = value);
                            } />
                        <output class="mono">{move || params.with(|p| p.weights[index].to_string())}</output>
                    </div>
                }
            }).collect_view()}
            {move || weights_issue().map(|text| view! { <p class="field-error" role="alert">{text}</p> })}
        </fieldset>
        <div class="compare-actions">
            <label for="compare-sort">{move || t().sort_by}</label>
            <select id="compare-sort" on:change=move |e| {
                let key = SortKey::parse(&event_target_value(&e));
                params.update(|p| p.sort = key);
            }>
                {SortKey::ALL.into_iter().map(|key| view! {
                    <option value=key.code() selected=move || params.with(|p| p.sort == key)>
                        {move || match key {
                            SortKey::Score => t().sort_score,
                            SortKey::LandedCost => t().sort_landed,
                            SortKey::LeadTime => t().sort_lead_time,
                        }}
                    </option>
                }).collect_view()}
            </select>
            {move || {
                let hidden = params.with(|p| p.hidden.len());
                (hidden > 0).then(|| view! {
                    <button type="button" class="button secondary" on:click=move |_| params.update(|p| p.hidden.clear())>
                        {move || (t().show_hidden)(hidden)}
                    </button>
                })
            }}
            <button type="button" class="button secondary" on:click=export>{move || t().export_csv}</button>
            <button type="button" class="button secondary" on:click=share>{move || t().copy_link}</button>
        </div>
    }
}

/// Puts the page's address (which carries the whole comparison) on the clipboard.
fn copy_current_url() {
    #[cfg(feature = "csr")]
    if let Some(window) = web_sys::window() {
        if let Ok(href) = window.location().href() {
            let _ = window.navigator().clipboard().write_text(&href);
        }
    }
}
