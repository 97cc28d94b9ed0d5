//! `/compare`: the comparison matrix. The server sends the offers' facts and the tables they are
//! priced with once per product set, destination and currency; quantity, cost of money, weights,
//! sorting, pinning and hiding are recomputed in the browser ([`model`]) and mirrored into the
//! URL ([`url`]), so the share link reproduces the same matrix.

mod chart;
mod controls;
mod matrix;
pub mod model;
pub mod url;

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::i18n::use_i18n;
use crate::types::catalog::compare::{CompareRequest, ComparisonData};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use url::CompareParams;

#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    let query = use_query_map();
    let initial = {
        let map = query.read_untracked();
        url::from_pairs((&*map).into_iter().map(|(k, v)| (k.as_ref(), v)))
    };
    let params = RwSignal::new(initial);
    // Only these three need the server; everything else is recomputed here.
    let request = Memo::new(move |_| {
        params.with(|p| CompareRequest {
            product_ids: p.products.clone(),
            quantity: "1".into(),
            destination: p.destination,
            currency: p.currency,
            annual_rate_percent: "0".into(),
        })
    });
    let data = LocalResource::new(move || crate::api::search::compare_offers(request.get()));
    let navigate = use_navigate();
    Effect::new(move |_| {
        let href = url::href(&params.get());
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&href, options);
    });
    view! {
        <section class="page compare">
            <h1>{move || t().compare_title}</h1>
            <p class="muted">{move || t().compare_intro}</p>
            <Transition fallback=|| view! { <SkeletonRows rows=6 /> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(found) => view! { <Loaded data=found params /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| data.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Loaded(data: ComparisonData, params: RwSignal<CompareParams>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    if params.with_untracked(|p| p.quantity.trim().is_empty()) {
        let quantity = model::default_quantity(&data).to_string();
        params.update(|p| p.quantity = quantity);
    }
    if data.listings.is_empty() {
        return view! { <p class="empty">{move || t().no_offers}</p> }.into_any();
    }
    let data = StoredValue::new(data);
    let computed = Memo::new(move |_| {
        let p = params.get();
        data.with_value(|data| {
            let basis = model::basis(&p, data)?;
            let weights = model::weights(&p)?;
            Ok::<_, model::EntryIssue>(model::build(data, &p, &basis, &weights))
        })
    });
    let on = data.with_value(|d| d.on.to_string());
    view! {
        <controls::Controls params computed />
        <p class="muted small">{move || (t().rates_on)(&on)}" · "{move || t().explain_hint}</p>
        {move || match computed.get() {
            Ok(matrix) => view! {
                <matrix::MatrixTable matrix=matrix.clone() params />
                <chart::CostChart matrix />
            }.into_any(),
            Err(_) => ().into_any(),
        }}
        <WatchPrices data params />
    }
    .into_any()
}

/// A price alert per compared product, starting from the matrix's quantity, destination and
/// currency.
#[component]
fn WatchPrices(
    data: StoredValue<ComparisonData>,
    params: RwSignal<CompareParams>,
) -> impl IntoView {
    use crate::components::price_alert_form::PriceAlertForm;
    let i18n = use_i18n();
    let products = data.with_value(|d| d.products.clone());
    view! {
        <section class="compare-alerts">
            {products.into_iter().map(|product| {
                let (en, zh) = (product.name_en.clone(), product.name_zh.clone());
                let name = move || if i18n.locale() == crate::i18n::Locale::En { en.clone() } else { zh.clone() };
                view! {
                    <details class="watch-price">
                        <summary>{move || i18n.t().catalog.watch_price}": "{name}</summary>
                        <PriceAlertForm product_id=product.product_id
                            default_quantity=Signal::derive(move || params.with(|p| p.quantity.clone()))
                            default_destination=Signal::derive(move || params.with(|p| p.destination))
                            default_currency=Signal::derive(move || params.with(|p| p.currency)) />
                    </details>
                }
            }).collect_view()}
        </section>
    }
}
