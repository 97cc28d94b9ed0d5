//! The matrix itself: one column per offer, one row per fact; costs explain themselves on hover
//! (title) or tap (a disclosure), the best value of each scored row is marked.

use super::model::{Column, Matrix};
use super::url::CompareParams;
use crate::components::sample_request::SampleRequestButton;
use crate::i18n::{use_i18n, Locale};
use crate::rules::pricing::{Component, Criterion};
use crate::types::money::Money;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

type Cell = fn(&Column, Locale) -> AnyView;

#[component]
pub fn MatrixTable(matrix: Matrix, params: RwSignal<CompareParams>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    let matrix = StoredValue::new(matrix);
    let is_best = move |criterion: Criterion, offer: Uuid| {
        matrix.with_value(|m| {
            m.best
                .get(&criterion)
                .is_some_and(|ids| ids.contains(&offer))
        })
    };
    let row = move |label: Signal<String>, best: Option<Criterion>, cell: Cell| {
        view! {
            <tr>
                <th scope="row">{move || label.get()}</th>
                {matrix.with_value(|m| m.columns.iter().map(|column| {
                    let offer = column.listing.offer_id;
                    let marked = best.is_some_and(|criterion| is_best(criterion, offer));
                    let column = column.clone();
                    view! {
                        <td class:best=marked>
                            {move || cell(&column, i18n.locale())}
                            {marked.then(|| view! { <span class="best-tag">{move || t().best}</span> })}
                        </td>
                    }
                }).collect_view())}
            </tr>
        }
    };
    let label = |text: fn(&'static crate::i18n::CatalogTexts) -> String| {
        Signal::derive(move || text(i18n.t().catalog))
    };
    view! {
        <div class="matrix-wrap" role="region" tabindex="0" aria-label=move || t().compare_title>
            <table class="matrix">
                <thead>
                    <tr>
                        <th scope="col" class="corner">{move || t().supplier}</th>
                        {matrix.with_value(|m| m.columns.iter().map(|column| view! { <ColumnHead column=column.clone() params /> }).collect_view())}
                    </tr>
                </thead>
                <tbody>
                    {row(label(|t| t.product.into()), None, |c, locale| text(if locale == Locale::En { &c.product_name_en } else { &c.product_name_zh }))}
                    {row(label(|t| t.score.into()), None, |c, _| text(&c.score.map(|s| format!("{} · #{}", s.score, s.rank)).unwrap_or_else(|| "—".into())))}
                    {row(label(|t| t.landed_unit.into()), Some(Criterion::LandedCost), |c, locale| match &c.priced {
                        Ok((_, landed)) => view! { <strong>{money(&landed.unit, locale)}</strong>" / "{c.unit.clone()} }.into_any(),
                        Err(issue) => view! { <IssueText issue=*issue /> }.into_any(),
                    })}
                    {row(label(|t| t.landed_total.into()), None, |c, locale| priced(c, |_, landed| money(&landed.total, locale)))}
                    {row(label(|t| (t.component_name)(crate::rules::pricing::ComponentKind::Goods).into()), None, |c, locale| component(c, 0, locale))}
                    {row(label(|t| (t.component_name)(crate::rules::pricing::ComponentKind::Freight).into()), None, |c, locale| component(c, 1, locale))}
                    {row(label(|t| (t.component_name)(crate::rules::pricing::ComponentKind::Duty).into()), None, |c, locale| component(c, 2, locale))}
                    {row(label(|t| (t.component_name)(crate::rules::pricing::ComponentKind::Financing).into()), None, |c, locale| component(c, 3, locale))}
                    {row(label(|t| t.unit_price.into()), None, |c, locale| priced(c, |unit_price, _| money(&Money::new(unit_price, c.listing.currency), locale)))}
                    {row(label(|t| t.moq.into()), None, |c, _| text(&format!("{} {}", c.listing.moq.normalize(), c.unit)))}
                    {row(label(|t| t.stock.into()), None, |c, _| match c.listing.stock {
                        Some(stock) => text(&format!("{} {}", stock.normalize(), c.unit)),
                        None => view! { <span class="muted">{move || use_i18n().t().catalog.made_to_order}</span> }.into_any(),
                    })}
                    {row(label(|t| t.lead_time.into()), Some(Criterion::LeadTime), |c, _| {
                        let days = c.listing.lead_time_days;
                        view! { {move || (use_i18n().t().catalog.days)(days)} }.into_any()
                    })}
                    {row(label(|t| t.incoterm.into()), None, |c, _| text(&format!("{} · {}", c.listing.incoterm, c.listing.origin_country)))}
                    {row(label(|t| t.payment.into()), None, |c, _| {
                        let days = c.listing.payment_days;
                        view! { {move || (use_i18n().t().catalog.payment_days)(days)} }.into_any()
                    })}
                    {row(label(|t| t.supplier_band.into()), Some(Criterion::SupplierScore), |c, _| {
                        let band = c.listing.band;
                        let score = c.listing.supplier_score.normalize().to_string();
                        view! { {score}" · "{move || (use_i18n().t().scorecard.band_name)(band)} }.into_any()
                    })}
                    {row(label(|t| t.certifications.into()), Some(Criterion::Certifications), |c, _| {
                        if c.listing.certifications.is_empty() {
                            view! { <span class="muted">{move || use_i18n().t().catalog.none}</span> }.into_any()
                        } else {
                            text(&c.listing.certifications.join(", ").to_uppercase())
                        }
                    })}
                    {row(label(|t| t.sample.into()), None, |c, locale| {
                        let listing = &c.listing;
                        let offer_id = listing.offer_id;
                        let availability = match (listing.sample_available, listing.sample_price) {
                            (false, _) => return view! { <span class="muted">{move || use_i18n().t().catalog.no_sample}</span> }.into_any(),
                            (true, None) => view! { <span>{move || use_i18n().t().catalog.sample_free}</span> }.into_any(),
                            (true, Some(price)) => money(&Money::new(price, listing.currency), locale),
                        };
                        let request = view! { <SampleRequestButton offer_id /> }.into_any();
                        view! { {availability}{request} }.into_any()
                    })}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ColumnHead(column: Column, params: RwSignal<CompareParams>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    let offer = column.listing.offer_id;
    let pinned = column.pinned;
    let toggle_pin = move |_| {
        params.update(|p| {
            if pinned {
                p.pinned.retain(|id| *id != offer);
            } else {
                p.pinned.push(offer);
            }
        })
    };
    let hide = move |_| params.update(|p| p.hidden.push(offer));
    view! {
        <th scope="col" class:pinned=pinned>
            <A href=format!("/suppliers/{}", column.listing.supplier_id) attr:class="supplier-link">
                {column.listing.supplier_name.clone()}
            </A>
            {column.score.map(|score| view! { <span class="rank-badge">"#"{score.rank}</span> })}
            <div class="column-actions">
                <button type="button" class="link" aria-pressed=pinned.to_string() on:click=toggle_pin>
                    {move || if pinned { t().unpin } else { t().pin }}
                </button>
                <button type="button" class="link" on:click=hide>{move || t().hide}</button>
            </div>
        </th>
    }
}

#[component]
fn IssueText(issue: crate::rules::catalog::landed::ColumnIssue) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class="column-issue">{move || (i18n.t().catalog.column_issue)(&issue)}</span> }
}

fn text(value: &str) -> AnyView {
    view! { <span>{value.to_owned()}</span> }.into_any()
}

fn money(value: &Money, locale: Locale) -> AnyView {
    view! { <span class="mono">{value.format(locale)}</span> }.into_any()
}

fn priced(
    column: &Column,
    show: impl Fn(rust_decimal::Decimal, &crate::rules::pricing::LandedCost) -> AnyView,
) -> AnyView {
    match &column.priced {
        Ok((unit_price, landed)) => show(*unit_price, landed),
        Err(_) => view! { <span class="muted">"—"</span> }.into_any(),
    }
}

/// A cost part with its formula: on hover through the title, on tap or keyboard through the
/// disclosure.
fn component(column: &Column, index: usize, locale: Locale) -> AnyView {
    priced(column, |_, landed| {
        match landed.components.get(index) {
        Some(Component { amount, formula, .. }) => view! {
            <details class="cost">
                <summary title=formula.clone()><span class="mono">{amount.format(locale)}</span></summary>
                <p class="formula mono">{formula.clone()}</p>
            </details>
        }
        .into_any(),
        None => text("—"),
    }
    })
}
