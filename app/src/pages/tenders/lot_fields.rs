//! The inputs of one lot in the new-tender form: the goods, the price rules, the schedule,
//! anti-sniping and what suppliers see.

use super::fields::{Check, Input, Label, Select};
use super::lot_draft::LotDraft;
use crate::components::field::TextOf;
use crate::i18n::use_i18n;
use crate::rules::auction::{ExtensionTrigger, SupplierVisibility};
use leptos::prelude::*;

fn options(list: &[(&str, TextOf)]) -> Vec<(String, Label)> {
    list.iter()
        .map(|(value, text)| ((*value).to_owned(), Label::Text(*text)))
        .collect()
}

#[component]
pub fn LotFields(
    index: usize,
    lot: LotDraft,
    /// Whether the remove button is offered (a tender keeps at least one lot).
    #[prop(into)]
    removable: Signal<bool>,
    on_remove: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let n = move |field: &str| format!("lots.{index}.{field}");
    let heading_id = format!("lot-{}-heading", lot.key);
    let labelled = heading_id.clone();
    let decrement_name = move || {
        if lot.decrement_kind.get() == "percent" {
            n("rules.decrement.percent")
        } else {
            n("rules.decrement.amount")
        }
    };
    view! {
        <fieldset class="panel lot-fields" aria-labelledby=labelled>
            <div class="lot-head">
                <h3 id=heading_id>{move || (t().lot_n)(index + 1)}</h3>
                {move || removable.get().then(|| view! {
                    <button type="button" class="button danger small" on:click=move |_| on_remove.run(())>
                        {move || t().remove_lot}
                    </button>
                })}
            </div>
            <div class="form-grid">
                <Input name=n("title") label=|t| t.tenders.lot_title value=lot.title class="span-2" />
                <Input name=n("specification") label=|t| t.tenders.specification value=lot.specification multiline=true class="span-2" />
                <Input name=n("quantity") label=|t| t.tenders.quantity value=lot.quantity inputmode="decimal" />
                <Input name=n("unit") label=|t| t.tenders.unit value=lot.unit />
                <Input name=n("rules.ceiling") label=|t| t.tenders.ceiling value=lot.ceiling inputmode="decimal" />
                <Select name=n("rules.decrement.kind") label=|t| t.tenders.decrement value=lot.decrement_kind
                    options=options(&[("absolute", |t| t.tenders.decrement_absolute), ("percent", |t| t.tenders.decrement_percent)]) />
                // Re-created when the kind changes, so its errors follow the right name.
                {move || view! {
                    <Input name=decrement_name() label=|t| t.tenders.decrement_value value=lot.decrement_value inputmode="decimal" />
                }}
                <Select name=n("rules.decrement_base") label=|t| t.tenders.decrement_base value=lot.decrement_base
                    options=options(&[("best_price", |t| t.tenders.base_best), ("own_last_bid", |t| t.tenders.base_own)]) />
                <Select name=n("rules.ties") label=|t| t.tenders.ties value=lot.ties
                    options=options(&[("rejected", |t| t.tenders.ties_rejected), ("earlier_ranks_higher", |t| t.tenders.ties_earlier)]) />
                <Select name=n("rules.visibility") label=|t| t.tenders.visibility value=lot.visibility
                    options=options(&[
                        ("own_rank_only", |t| (t.tenders.visibility_name)(SupplierVisibility::OwnRankOnly)),
                        ("rank_and_best_price", |t| (t.tenders.visibility_name)(SupplierVisibility::RankAndBestPrice)),
                        ("anonymous_ladder", |t| (t.tenders.visibility_name)(SupplierVisibility::AnonymousLadder)),
                    ]) />
                <Input name=n("rules.opens_at") label=|t| t.tenders.opens_at value=lot.opens input_type="datetime-local" />
                <Input name=n("rules.closes_at") label=|t| t.tenders.closes_at value=lot.closes input_type="datetime-local" />
                <Input name=n("rules.fat_finger_percent") label=|t| t.tenders.fat_finger value=lot.fat_finger
                    inputmode="decimal" hint=|t| t.tenders.fat_finger_hint class="span-2" />
            </div>
            <div class="check-row">
                <Check name=n("rules.blind") label=|t| t.tenders.blind value=lot.blind />
                <Check name=n("rules.sealed_pre_bids") label=|t| t.tenders.sealed_pre_bids value=lot.sealed />
                <Check name=n("rules.anti_sniping") label=|t| t.tenders.anti_sniping value=lot.anti_sniping />
            </div>
            {move || lot.anti_sniping.get().then(|| view! {
                <div class="form-grid anti-sniping">
                    <Select name=n("rules.anti_sniping.trigger") label=|t| t.tenders.trigger value=lot.trigger
                        options=options(&[
                            ("any_accepted_bid", |t| (t.tenders.trigger_name)(ExtensionTrigger::AnyAcceptedBid)),
                            ("rank_one_change", |t| (t.tenders.trigger_name)(ExtensionTrigger::RankOneChange)),
                        ]) />
                    <Input name=n("rules.anti_sniping.window_secs") label=|t| t.tenders.window_secs value=lot.window inputmode="numeric" />
                    <Input name=n("rules.anti_sniping.extension_secs") label=|t| t.tenders.extension_secs value=lot.extension inputmode="numeric" />
                    <Select name=n("rules.anti_sniping.cap.kind") label=|t| t.tenders.cap value=lot.cap_kind
                        options=options(&[("max", |t| t.tenders.cap_max), ("hard", |t| t.tenders.cap_hard)]) />
                    {move || if lot.cap_kind.get() == "hard" {
                        view! { <Input name=n("rules.anti_sniping.cap.at") label=|t| t.tenders.hard_stop value=lot.hard_stop input_type="datetime-local" /> }.into_any()
                    } else {
                        view! { <Input name=n("rules.anti_sniping.cap.count") label=|t| t.tenders.max_extensions value=lot.max_extensions inputmode="numeric" /> }.into_any()
                    }}
                </div>
            })}
        </fieldset>
    }
}
