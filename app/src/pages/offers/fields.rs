//! The offer form's state and its fields. Errors come from two places: `parse_offer` run in the
//! browser on every keystroke (shown for a field once it was left, and for all after a submit),
//! and the server's answer (product, reference, listing filter), cleared when the field changes.

use crate::components::field::TextOf;
use crate::i18n::{use_i18n, I18n};
use crate::rules::catalog::offer::parse_offer;
use crate::types::catalog::{OfferInput, TierInput};
use crate::types::FieldErrors;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// One tier row; `key` keeps rows apart when one in the middle is removed.
#[derive(Clone, Copy)]
pub struct TierRow {
    pub key: u64,
    pub min_quantity: RwSignal<String>,
    pub unit_price: RwSignal<String>,
}

/// Every input of the form.
#[derive(Clone, Copy)]
pub struct OfferFields {
    pub product_sku: RwSignal<String>,
    pub reference: RwSignal<String>,
    pub tiers: RwSignal<Vec<TierRow>>,
    pub moq: RwSignal<String>,
    pub lead_time_days: RwSignal<String>,
    pub incoterm: RwSignal<String>,
    pub origin_country: RwSignal<String>,
    pub currency: RwSignal<String>,
    pub stock: RwSignal<String>,
    pub valid_from: RwSignal<String>,
    pub valid_until: RwSignal<String>,
    pub sample_available: RwSignal<bool>,
    pub sample_price: RwSignal<String>,
    pub payment_days: RwSignal<String>,
    pub description: RwSignal<String>,
    next_key: StoredValue<u64>,
}

impl OfferFields {
    pub fn new(input: &OfferInput) -> Self {
        let text = |value: &String| RwSignal::new(value.clone());
        let fields = OfferFields {
            product_sku: text(&input.product_sku),
            reference: text(&input.reference),
            tiers: RwSignal::new(Vec::new()),
            moq: text(&input.moq),
            lead_time_days: text(&input.lead_time_days),
            incoterm: text(&input.incoterm),
            origin_country: text(&input.origin_country),
            currency: text(&input.currency),
            stock: text(&input.stock),
            valid_from: text(&input.valid_from),
            valid_until: text(&input.valid_until),
            sample_available: RwSignal::new(input.sample_available),
            sample_price: text(&input.sample_price),
            payment_days: text(&input.payment_days),
            description: text(&input.description),
            next_key: StoredValue::new(0),
        };
        for tier in &input.tiers {
            fields.add_tier(tier);
        }
        if input.tiers.is_empty() {
            fields.add_tier(&TierInput::default());
        }
        fields
    }

    pub fn add_tier(&self, tier: &TierInput) {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        let row = TierRow {
            key,
            min_quantity: RwSignal::new(tier.min_quantity.clone()),
            unit_price: RwSignal::new(tier.unit_price.clone()),
        };
        self.tiers.update(|tiers| tiers.push(row));
    }

    /// The form as typed (reactive: tracks every input).
    pub fn input(&self) -> OfferInput {
        OfferInput {
            product_sku: self.product_sku.get(),
            reference: self.reference.get(),
            tiers: self
                .tiers
                .get()
                .iter()
                .map(|row| TierInput {
                    min_quantity: row.min_quantity.get(),
                    unit_price: row.unit_price.get(),
                })
                .collect(),
            moq: self.moq.get(),
            lead_time_days: self.lead_time_days.get(),
            incoterm: self.incoterm.get(),
            origin_country: self.origin_country.get(),
            currency: self.currency.get(),
            stock: self.stock.get(),
            valid_from: self.valid_from.get(),
            valid_until: self.valid_until.get(),
            sample_available: self.sample_available.get(),
            sample_price: self.sample_price.get(),
            payment_days: self.payment_days.get(),
            description: self.description.get(),
        }
    }
}

/// The form's errors, shared with its fields through context.
#[derive(Clone, Copy)]
pub struct OfferErrors {
    /// `parse_offer`'s verdict on what is typed now.
    pub local: Memo<FieldErrors>,
    /// The server's last answer.
    pub server: RwSignal<FieldErrors>,
    touched: RwSignal<BTreeSet<String>>,
    pub submitted: RwSignal<bool>,
    i18n: I18n,
}

impl OfferErrors {
    pub fn provide(fields: OfferFields) -> Self {
        let today = super::today();
        let errors = OfferErrors {
            local: Memo::new(move |_| {
                parse_offer(&fields.input(), today)
                    .err()
                    .unwrap_or_default()
            }),
            server: RwSignal::new(FieldErrors::default()),
            touched: RwSignal::new(BTreeSet::new()),
            submitted: RwSignal::new(false),
            i18n: use_i18n(),
        };
        provide_context(errors);
        errors
    }

    /// The user left the field: its local errors show from now on.
    pub fn touch(&self, name: &str) {
        if !self.touched.with_untracked(|t| t.contains(name)) {
            self.touched.update(|t| {
                t.insert(name.to_owned());
            });
        }
    }

    /// The user changed the field: the server's old verdict on it no longer applies.
    pub fn edited(&self, name: &str) {
        if self.server.with_untracked(|s| !s.get(name).is_empty()) {
            self.server.update(|s| {
                s.0.remove(name);
            });
        }
    }

    /// The translated messages shown for `name` now.
    pub fn messages(&self, name: &str) -> Vec<String> {
        let show_local = self.submitted.get() || self.touched.with(|t| t.contains(name));
        let mut issues = Vec::new();
        if show_local {
            issues.extend(self.local.with(|l| l.get(name).to_vec()));
        }
        for issue in self.server.with(|s| s.get(name).to_vec()) {
            if !issues.contains(&issue) {
                issues.push(issue);
            }
        }
        issues
            .iter()
            .map(|issue| (self.i18n.t().issue)(issue))
            .collect()
    }

    /// Whether the form as typed passes the rules.
    pub fn locally_valid(&self) -> bool {
        self.local.with_untracked(FieldErrors::is_empty)
    }
}

pub fn use_offer_errors() -> OfferErrors {
    expect_context::<OfferErrors>()
}

pub fn dom_id(name: &str) -> String {
    format!(
        "offer-{}",
        name.replace(['[', ']'], "").replace(['.', '_'], "-")
    )
}

/// A labelled input (or textarea) with its hint and messages.
#[component]
pub fn OfferInputField(
    name: &'static str,
    label: TextOf,
    value: RwSignal<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] inputmode: &'static str,
    #[prop(optional)] hint: Option<TextOf>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] readonly: bool,
    #[prop(optional)] list: &'static str,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = use_offer_errors();
    let id = dom_id(name);
    let (error_id, hint_id) = (format!("{id}-error"), format!("{id}-hint"));
    let messages = move || errors.messages(name).join(" · ");
    let invalid = move || !messages().is_empty();
    let described = format!("{hint_id} {error_id}");
    let on_input = move |_| errors.edited(name);
    let on_blur = move |_| errors.touch(name);
    let input = if multiline {
        view! { <textarea id=id.clone() name=name rows="4" maxlength="2000" bind:value=value readonly=readonly
            aria-invalid=move || invalid().to_string() aria-describedby=described
            on:input=on_input on:blur=on_blur></textarea> }
        .into_any()
    } else {
        view! { <input id=id.clone() name=name type=input_type autocomplete="off" bind:value=value
            inputmode=(!inputmode.is_empty()).then_some(inputmode) list=(!list.is_empty()).then_some(list)
            readonly=readonly aria-invalid=move || invalid().to_string() aria-describedby=described
            on:input=on_input on:blur=on_blur /> }
        .into_any()
    };
    view! {
        <div class=format!("field {class}") class:field-invalid=invalid>
            <label for=id>{move || label(i18n.t())}</label>
            {input}
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{move || hint(i18n.t())}</p> })}
            <p class="field-error" id=error_id aria-live="polite">{messages}</p>
        </div>
    }
}

/// A labelled select of codes (each code is its own label), with a "choose" option first.
#[component]
pub fn OfferSelect(
    name: &'static str,
    label: TextOf,
    value: RwSignal<String>,
    options: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = use_offer_errors();
    let id = dom_id(name);
    let error_id = format!("{id}-error");
    let messages = move || errors.messages(name).join(" · ");
    let invalid = move || !messages().is_empty();
    view! {
        <div class="field" class:field-invalid=invalid>
            <label for=id.clone()>{move || label(i18n.t())}</label>
            <select id=id name=name aria-invalid=move || invalid().to_string() aria-describedby=error_id.clone()
                on:change=move |ev| { value.set(event_target_value(&ev)); errors.edited(name); errors.touch(name); }>
                <option value="" prop:selected=move || value.get().is_empty()>{move || i18n.t().offers.choose}</option>
                {options.into_iter().map(|option| {
                    let selected = option.clone();
                    view! { <option value=option.clone() prop:selected=move || value.get().eq_ignore_ascii_case(&selected)>{option.clone()}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id aria-live="polite">{messages}</p>
        </div>
    }
}
