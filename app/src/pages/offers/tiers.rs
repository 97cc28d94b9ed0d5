//! The tier rows of the offer form: add and remove rows, each input labelled for screen readers
//! ("Tier 2 unit price") and showing its own errors.

use super::fields::{dom_id, use_offer_errors, OfferFields, TierRow};
use crate::i18n::use_i18n;
use crate::rules::pricing::tiers::MAX_TIERS;
use crate::types::catalog::TierInput;
use leptos::prelude::*;

#[component]
pub fn TierRows(fields: OfferFields) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let errors = use_offer_errors();
    let table_messages = move || errors.messages("tiers").join(" · ");
    let rows = fields.tiers;
    let add = move |_| fields.add_tier(&TierInput::default());
    view! {
        <fieldset class="panel field offer-tiers" class:field-invalid=move || !table_messages().is_empty()
            aria-describedby="offer-tiers-hint offer-tiers-error">
            <legend>{move || t().tiers}</legend>
            <p class="field-hint" id="offer-tiers-hint">{move || t().tiers_hint}</p>
            <div class="offer-tier-head" aria-hidden="true">
                <span></span>
                <span>{move || t().min_quantity}</span>
                <span>{move || t().unit_price}</span>
                <span></span>
            </div>
            <For each=move || rows.get().into_iter().enumerate() key=|(index, row)| (row.key, *index) let:((index, row))>
                <TierRowView index row fields />
            </For>
            <p class="field-error" id="offer-tiers-error" aria-live="polite">{table_messages}</p>
            <button type="button" class="button secondary small" on:click=add
                disabled=move || rows.with(|r| r.len() >= MAX_TIERS)>{move || t().add_tier}</button>
        </fieldset>
    }
}

#[component]
fn TierRowView(index: usize, row: TierRow, fields: OfferFields) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let errors = use_offer_errors();
    let remove = move |_| {
        fields
            .tiers
            .update(|rows| rows.retain(|r| r.key != row.key));
        errors.touch("tiers");
    };
    let only_row = move || fields.tiers.with(|rows| rows.len() <= 1);
    view! {
        <div class="offer-tier-row">
            <span class="offer-tier-n">{move || (t().tier_n)(index + 1)}</span>
            <TierInputCell name=format!("tiers[{index}].min_quantity") value=row.min_quantity />
            <TierInputCell name=format!("tiers[{index}].unit_price") value=row.unit_price />
            <button type="button" class="button small secondary" on:click=remove disabled=only_row
                aria-label=move || (t().remove_tier)(index + 1)>"×"</button>
        </div>
    }
}

#[component]
fn TierInputCell(name: String, value: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = use_offer_errors();
    let id = dom_id(&name);
    let error_id = format!("{id}-error");
    let key = StoredValue::new(name);
    let messages = move || key.with_value(|name| errors.messages(name).join(" · "));
    let label = move || key.with_value(|name| (i18n.t().offers.field_name)(name));
    view! {
        <div class="offer-tier-cell" class:field-invalid=move || !messages().is_empty()>
            <label class="visually-hidden" for=id.clone()>{label}</label>
            <input id=id type="text" inputmode="decimal" autocomplete="off" bind:value=value
                aria-invalid=move || (!messages().is_empty()).to_string() aria-describedby=error_id.clone()
                on:input=move |_| key.with_value(|name| errors.edited(name))
                on:blur=move |_| key.with_value(|name| { errors.touch(name); errors.touch("tiers"); }) />
            <p class="field-error" id=error_id aria-live="polite">{messages}</p>
        </div>
    }
}
