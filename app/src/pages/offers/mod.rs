//! The supplier's offer pages: `/offers` (list, withdraw, CSV export), `/offers/new` and
//! `/offers/:id` (the form, checked as it is typed with the server's own rules) and
//! `/offers/import` (CSV import with a preview).

pub mod fields;
pub mod form;
pub mod import;
pub mod list;
pub mod picker;
pub mod tiers;

use crate::i18n::{use_i18n, Locale};
use crate::pages::tenders::format::money;
use crate::types::catalog::{OfferContent, OfferState};
use leptos::prelude::*;
use time::Date;

/// The product's name in the reader's language.
pub fn product_name<'a>(name_en: &'a str, name_zh: &'a str, locale: Locale) -> &'a str {
    match locale {
        Locale::ZhCn if !name_zh.is_empty() => name_zh,
        _ => name_en,
    }
}

/// `from USD 612.50 / t`: the first tier's price.
pub fn from_price(content: &OfferContent, unit: &str, locale: Locale) -> String {
    let t = locale.texts().offers;
    match content.tiers.first() {
        Some(tier) => (t.from_price)(
            &money(tier.unit_price, content.currency.code(), locale),
            unit,
        ),
        None => "—".into(),
    }
}

/// Today's date (UTC, as the server checks validity windows).
pub fn today() -> Date {
    crate::live::clock::from_ms(crate::live::clock::local_now_ms()).date()
}

fn state_class(state: OfferState) -> &'static str {
    match state {
        OfferState::InReview | OfferState::LiveEditInReview => "chip offer-review",
        OfferState::Live => "chip offer-live",
        OfferState::LiveEditRejected | OfferState::Rejected => "chip offer-rejected",
        OfferState::Withdrawn => "chip offer-withdrawn",
    }
}

/// An offer's state as a coloured chip with its words (never colour alone).
#[component]
pub fn StateChip(state: OfferState) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=state_class(state)>{move || (i18n.t().offers.state_name)(state)}</span> }
}
