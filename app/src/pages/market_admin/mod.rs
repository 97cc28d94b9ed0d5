//! `/staff/market`: the tables every landed cost is computed from — dated exchange rates,
//! freight lanes and import duty — each with its form and field errors.

mod duty;
mod freight;
mod fx;

use crate::i18n::use_i18n;
use crate::types::catalog::Region;
use crate::types::money::Currency;
use leptos::prelude::*;

#[component]
pub fn MarketAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    view! {
        <section class="page cat-market">
            <h1>{move || t().market_title}</h1>
            <p class="lead">{move || t().market_lead}</p>
            <fx::FxRates />
            <freight::Freight />
            <duty::Duty />
        </section>
    }
}

/// Regions as (code, name in the current language), for selects.
pub fn region_options() -> Signal<Vec<(String, String)>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        Region::ALL
            .into_iter()
            .map(|r| {
                (
                    r.as_str().to_owned(),
                    (i18n.t().catalog_admin.region_name)(r).to_owned(),
                )
            })
            .collect()
    })
}

/// Currencies as (code, code), for selects.
pub fn currency_options() -> Signal<Vec<(String, String)>> {
    Signal::derive(|| {
        Currency::all()
            .map(|c| (c.code().to_owned(), c.code().to_owned()))
            .collect()
    })
}

/// Today's date (UTC, as the server dates rates), `YYYY-MM-DD`.
pub fn today_iso() -> String {
    #[cfg(feature = "csr")]
    {
        let iso: String = js_sys::Date::new_0().to_iso_string().into();
        iso.chars().take(10).collect()
    }
    #[cfg(not(feature = "csr"))]
    {
        String::new()
    }
}
