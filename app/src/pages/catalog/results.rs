//! The result cards and the tray of products picked for comparison.

use crate::i18n::{use_i18n, Locale};
use crate::types::catalog::search::SearchHit;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

/// Most products the tray takes (the matrix compares up to twenty).
const MAX_SELECTED: usize = 20;

#[component]
pub fn ResultList(hits: Vec<SearchHit>, selected: RwSignal<Vec<Uuid>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    if hits.is_empty() {
        return view! { <p class="empty">{move || t().no_results}</p> }.into_any();
    }
    view! {
        <ul class="result-list">
            {hits.into_iter().map(|hit| view! { <ResultCard hit selected /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn ResultCard(hit: SearchHit, selected: RwSignal<Vec<Uuid>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    let id = hit.product_id;
    let (name_en, name_zh) = (hit.name_en.clone(), hit.name_zh.clone());
    let name = move || match i18n.locale() {
        Locale::En => name_en.clone(),
        Locale::ZhCn => name_zh.clone(),
    };
    let (other_en, other_zh) = (hit.name_en.clone(), hit.name_zh.clone());
    let other = move || match i18n.locale() {
        Locale::En => other_zh.clone(),
        Locale::ZhCn => other_en.clone(),
    };
    let attributes: String = hit
        .attributes
        .iter()
        .take(4)
        .map(|(key, value)| match value {
            serde_json::Value::String(text) => format!("{key}: {text}"),
            other => format!("{key}: {other}"),
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let checked = move || selected.read().contains(&id);
    let toggle = move |_| {
        selected.update(|list| {
            if let Some(position) = list.iter().position(|p| *p == id) {
                list.remove(position);
            } else if list.len() < MAX_SELECTED {
                list.push(id);
            }
        })
    };
    let checkbox_id = format!("compare-{id}");
    let from = hit.from_price.clone();
    let lead = hit.min_lead_time_days;
    view! {
        <li class="result-card">
            <div class="result-main">
                <A href=format!("/products/{id}") attr:class="result-name">{name}</A>
                <span class="result-other muted">{other}</span>
                <span class="mono muted">{hit.sku.clone()}</span>
                <span class="result-attributes">{attributes}</span>
            </div>
            <div class="result-facts">
                <span>{move || (t().offers_count)(hit.offer_count)}</span>
                {from.map(|(currency, price)| view! {
                    <span class="result-price">
                        {move || t().from_price}" "<strong>{format!("{currency} {price}")}</strong>" / "{hit.unit.clone()}
                    </span>
                })}
                {lead.map(|days| view! { <span>{move || (t().lead_from)(days)}</span> })}
            </div>
            <label class="result-compare" for=checkbox_id.clone()>
                <input type="checkbox" id=checkbox_id.clone() prop:checked=checked on:change=toggle />
                {move || t().add_to_compare}
            </label>
        </li>
    }
}

/// Sticky bar that appears once products are picked.
#[component]
pub fn CompareTray(selected: RwSignal<Vec<Uuid>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    let href = move || {
        let ids: Vec<String> = selected.read().iter().map(Uuid::to_string).collect();
        format!("/compare?p={}", ids.join(","))
    };
    move || {
        let count = selected.read().len();
        (count > 0).then(|| view! {
            <div class="compare-tray" role="region" aria-label=move || (t().compare_selected)(count)>
                <A href=href attr:class="button">{move || (t().compare_selected)(count)}</A>
            </div>
        })
    }
}
