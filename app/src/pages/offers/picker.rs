//! The product picker: the SKU input suggests approved products (SKU or name) as the supplier
//! types, through the browser's own list, so it works with the keyboard and screen readers.

use super::fields::{use_offer_errors, OfferInputField};
use super::product_name;
use crate::i18n::use_i18n;
use crate::types::catalog::compare::ProductHead;
use leptos::prelude::*;

/// `fixed`: the offer exists and keeps its product (shown, not editable); `known` is that product.
#[component]
pub fn ProductPicker(
    value: RwSignal<String>,
    fixed: bool,
    known: Option<ProductHead>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let errors = use_offer_errors();
    let choices = LocalResource::new(move || {
        let text = value.get();
        async move {
            if fixed {
                return Ok(Vec::new());
            }
            crate::api::offers::product_choices(text).await
        }
    });
    let found = move || -> Option<ProductHead> {
        let sku = value.get().trim().to_ascii_uppercase();
        known.clone().filter(|p| p.sku == sku).or_else(|| {
            choices
                .get()
                .and_then(|c| c.ok())
                .and_then(|c| c.into_iter().find(|p| p.sku == sku))
        })
    };
    let picked = move || {
        found().map(|p| {
            let name = product_name(&p.name_en, &p.name_zh, i18n.locale()).to_owned();
            (t().product_unit)(&name, &p.unit)
        })
    };
    let nothing = move || {
        !fixed
            && value.with(|v| v.trim().len() >= 2)
            && errors.server.with(|s| s.get("product_sku").is_empty())
            && choices
                .get()
                .and_then(|c| c.ok())
                .is_some_and(|c| c.is_empty())
    };
    let hint = if fixed {
        |t: &'static crate::i18n::Texts| t.offers.product_fixed
    } else {
        |t: &'static crate::i18n::Texts| t.offers.product_hint
    };
    view! {
        <div class="offer-picker span-2">
            <OfferInputField name="product_sku" label=|t| t.offers.product_sku value readonly=fixed
                list="offer-product-choices" hint />
            <datalist id="offer-product-choices">
                {move || choices.get().and_then(|c| c.ok()).unwrap_or_default().into_iter().map(|p| {
                    let name = product_name(&p.name_en, &p.name_zh, i18n.locale()).to_owned();
                    view! { <option value=p.sku.clone()>{format!("{name} ({})", p.unit)}</option> }
                }).collect_view()}
            </datalist>
            <p class="offer-picked" aria-live="polite">
                {move || picked().or_else(|| nothing().then(|| t().no_product_match.to_owned()))}
            </p>
        </div>
    }
}
