//! The filter column: category, attribute options and ranges of the chosen category, incoterm,
//! origin, lead time and supplier band, each value with the number of products it would give.

use super::url::{band_code, parse_band};
use crate::i18n::{use_i18n, Locale};
use crate::rules::pricing::Incoterm;
use crate::types::catalog::search::{FacetCount, NumberRange, SearchQuery, SearchResults};
use crate::types::catalog::{AttributeKind, Category};
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn FacetPanel(
    query: Memo<SearchQuery>,
    results: SearchResults,
    go: Callback<SearchQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    // Every filter change starts again at page one.
    let change = move |edit: Box<dyn FnOnce(&mut SearchQuery)>| {
        let mut next = query.get_untracked();
        edit(&mut next);
        next.page = 1;
        go.run(next);
    };
    let categories = results.categories.clone();
    let chosen = query
        .get_untracked()
        .category_id
        .and_then(|id| categories.iter().find(|c| c.category_id == id).cloned());
    let facets = results.facets.clone();
    let lead = RwSignal::new(
        query
            .get_untracked()
            .max_lead_time_days
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    view! {
        <aside class="facets" aria-label=move || t().filters>
            <div class="facets-head">
                <h2>{move || t().filters}</h2>
                <button type="button" class="link" on:click=move |_| change(Box::new(|q| {
                    *q = SearchQuery { text: q.text.clone(), ..SearchQuery::default() };
                }))>{move || t().clear_filters}</button>
            </div>
            <CategoryFacet categories counts=facets.categories.clone() query change=Callback::new(move |id| change(Box::new(move |q: &mut SearchQuery| {
                q.category_id = id;
                q.options.clear();
                q.ranges.clear();
            })))/>
            {chosen.map(|category| view! { <AttributeFacets category results=results.clone() query go /> })}
            <CheckboxFacet legend=Signal::derive(move || t().incoterm.to_owned()) counts=facets.incoterms.clone()
                is_checked=Callback::new(move |value: String| query.read().incoterms.iter().any(|i| i.as_str() == value))
                label=Callback::new(|value: String| value)
                toggle=Callback::new(move |value: String| change(Box::new(move |q: &mut SearchQuery| {
                    if let Ok(term) = Incoterm::parse(&value) { toggle_in(&mut q.incoterms, term) }
                }))) />
            <CheckboxFacet legend=Signal::derive(move || t().origin.to_owned()) counts=facets.origins.clone()
                is_checked=Callback::new(move |value: String| query.read().origins.contains(&value))
                label=Callback::new(|value: String| value)
                toggle=Callback::new(move |value: String| change(Box::new(move |q: &mut SearchQuery| toggle_in(&mut q.origins, value)))) />
            <CheckboxFacet legend=Signal::derive(move || t().supplier_band.to_owned()) counts=facets.bands.clone()
                is_checked=Callback::new(move |value: String| query.read().bands.iter().any(|b| band_code(*b) == value))
                label=Callback::new(move |value: String| parse_band(&value).map_or(value, |band| (i18n.t().scorecard.band_name)(band).to_owned()))
                toggle=Callback::new(move |value: String| change(Box::new(move |q: &mut SearchQuery| {
                    if let Some(band) = parse_band(&value) { toggle_in(&mut q.bands, band) }
                }))) />
            <form class="facet" on:submit=move |event| {
                event.prevent_default();
                let days = lead.get_untracked().trim().parse().ok();
                change(Box::new(move |q: &mut SearchQuery| q.max_lead_time_days = days));
            }>
                <label for="facet-lead">{move || t().max_lead_time}</label>
                <div class="facet-inline">
                    <input id="facet-lead" type="number" min="0" max="730" inputmode="numeric" bind:value=lead />
                    <button type="submit" class="button secondary">{move || t().apply}</button>
                </div>
            </form>
        </aside>
    }
}

fn toggle_in<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if let Some(position) = list.iter().position(|v| *v == value) {
        list.remove(position);
    } else {
        list.push(value);
    }
}

#[component]
fn CategoryFacet(
    categories: Vec<Category>,
    counts: Vec<FacetCount>,
    query: Memo<SearchQuery>,
    change: Callback<Option<uuid::Uuid>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    let count_of = move |id: uuid::Uuid| {
        counts
            .iter()
            .find(|c| c.value == id.to_string())
            .map_or(0, |c| c.count)
    };
    let options: Vec<(uuid::Uuid, String, String, u32)> = categories
        .iter()
        .map(|c| {
            (
                c.category_id,
                c.name_en.clone(),
                c.name_zh.clone(),
                count_of(c.category_id),
            )
        })
        .collect();
    let selected = move || {
        query
            .read()
            .category_id
            .map(|id| id.to_string())
            .unwrap_or_default()
    };
    view! {
        <div class="facet">
            <label for="facet-category">{move || t().category}</label>
            <select id="facet-category" prop:value=selected on:change=move |event| {
                change.run(event_target_value(&event).parse().ok());
            }>
                <option value="">{move || t().all_categories}</option>
                {options.into_iter().map(|(id, en, zh, count)| view! {
                    <option value=id.to_string() selected=move || selected() == id.to_string()>
                        {move || format!("{} ({count})", if i18n.locale() == Locale::En { &en } else { &zh })}
                    </option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn CheckboxFacet(
    legend: Signal<String>,
    counts: Vec<FacetCount>,
    is_checked: Callback<String, bool>,
    label: Callback<String, String>,
    toggle: Callback<String>,
) -> impl IntoView {
    (!counts.is_empty()).then(|| view! {
        <fieldset class="facet">
            <legend>{move || legend.get()}</legend>
            {counts.into_iter().map(|facet| {
                let value = facet.value.clone();
                let (for_check, for_toggle, for_label) = (value.clone(), value.clone(), value.clone());
                view! {
                    <label class="facet-option">
                        <input type="checkbox" prop:checked=move || is_checked.run(for_check.clone())
                            on:change=move |_| toggle.run(for_toggle.clone()) />
                        <span>{move || label.run(for_label.clone())}</span>
                        <span class="facet-count">{facet.count}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    })
}

/// Checkboxes for the chosen category's enumerations and min/max for its numbers.
#[component]
fn AttributeFacets(
    category: Category,
    results: SearchResults,
    query: Memo<SearchQuery>,
    go: Callback<SearchQuery>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    category.attributes.into_iter().map(|attribute| {
        let (name_en, name_zh) = (attribute.name_en.clone(), attribute.name_zh.clone());
        let name = move || if i18n.locale() == Locale::En { name_en.clone() } else { name_zh.clone() };
        let key = attribute.key.clone();
        match attribute.kind {
            AttributeKind::Enumeration { .. } => {
                let counts = results.facets.options.get(&key).cloned().unwrap_or_default();
                let (check_key, toggle_key) = (key.clone(), key.clone());
                view! {
                    <CheckboxFacet legend=Signal::derive(name.clone())
                        counts
                        is_checked=Callback::new(move |value: String| query.read().options.get(&check_key).is_some_and(|o| o.contains(&value)))
                        label=Callback::new(|value: String| value)
                        toggle=Callback::new(move |value: String| {
                            let mut next = query.get_untracked();
                            let options = next.options.entry(toggle_key.clone()).or_default();
                            toggle_in(options, value);
                            if options.is_empty() { next.options.remove(&toggle_key); }
                            next.page = 1;
                            go.run(next);
                        }) />
                }.into_any()
            }
            AttributeKind::Number { unit } => {
                let spread = results.facets.ranges.iter().find(|r| r.key == key).cloned();
                let current = query.get_untracked().ranges.get(&key).cloned().unwrap_or_default();
                let text = |value: Option<Decimal>| value.map(|v| v.normalize().to_string()).unwrap_or_default();
                let min = RwSignal::new(text(current.min));
                let max = RwSignal::new(text(current.max));
                let (min_id, max_id) = (format!("facet-{key}-min"), format!("facet-{key}-max"));
                let placeholder = |value: Option<Decimal>| text(value);
                view! {
                    <form class="facet" on:submit=move |event| {
                        event.prevent_default();
                        let range = NumberRange { min: min.get_untracked().trim().parse().ok(), max: max.get_untracked().trim().parse().ok() };
                        let mut next = query.get_untracked();
                        if range.min.is_none() && range.max.is_none() { next.ranges.remove(&key); } else { next.ranges.insert(key.clone(), range); }
                        next.page = 1;
                        go.run(next);
                    }>
                        <span class="facet-title">{name.clone()}" ("{unit.clone()}")"</span>
                        <div class="facet-inline">
                            <label class="visually-hidden" for=min_id.clone()>{move || t().min}</label>
                            <input id=min_id type="text" inputmode="decimal" bind:value=min
                                placeholder=placeholder(spread.as_ref().map(|s| s.min)) />
                            <span aria-hidden="true">"–"</span>
                            <label class="visually-hidden" for=max_id.clone()>{move || t().max}</label>
                            <input id=max_id type="text" inputmode="decimal" bind:value=max
                                placeholder=placeholder(spread.as_ref().map(|s| s.max)) />
                            <button type="submit" class="button secondary">{move || t().apply}</button>
                        </div>
                    </form>
                }.into_any()
            }
            AttributeKind::Text | AttributeKind::Boolean => ().into_any(),
        }
    }).collect_view()
}
