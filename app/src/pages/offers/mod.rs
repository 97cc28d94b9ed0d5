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

/// Saves `text` as a CSV file through a Blob and a temporary link.
pub fn download_csv(text: &str, file_name: &str) {
    #[cfg(feature = "csr")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let save = || -> Option<()> {
            let parts = js_sys::Array::of1(&JsValue::from_str(text));
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("text/csv;charset=utf-8");
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            let document = web_sys::window()?.document()?;
            let link: web_sys::HtmlAnchorElement =
                document.create_element("a").ok()?.dyn_into().ok()?;
            link.set_href(&url);
            link.set_download(file_name);
            link.click();
            // Revoked a moment later: some browsers read the URL after `click` returns.
            set_timeout(
                move || {
                    let _ = web_sys::Url::revoke_object_url(&url);
                },
                std::time::Duration::from_secs(2),
            );
            Some(())
        };
        let _ = save();
    }
    #[cfg(not(feature = "csr"))]
    let _ = (text, file_name);
}
