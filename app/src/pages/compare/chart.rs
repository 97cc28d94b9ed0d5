//! A stacked bar per priced column: what the landed unit cost is made of (goods, freight, duty,
//! payment term), on one scale, so the cheapest and the reason it is cheapest show at a glance.

use super::model::Matrix;
use crate::i18n::use_i18n;
use crate::rules::pricing::ComponentKind;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const BAR_HEIGHT: f64 = 22.0;
const GAP: f64 = 10.0;
const LABEL_WIDTH: f64 = 180.0;
const PLOT_WIDTH: f64 = 460.0;

/// One bar: the supplier, the per-unit parts and the landed unit cost.
struct Bar {
    name: String,
    parts: Vec<(ComponentKind, Decimal)>,
    unit: Decimal,
}

#[component]
pub fn CostChart(matrix: Matrix) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog;
    let bars: Vec<Bar> = matrix
        .columns
        .iter()
        .filter_map(|column| {
            let (_, landed) = column.priced.as_ref().ok()?;
            let quantity = landed
                .total
                .amount
                .checked_div(landed.unit.amount)
                .filter(|q| !q.is_zero())?;
            let parts = landed
                .components
                .iter()
                .map(|c| (c.kind, c.amount.amount / quantity))
                .collect();
            Some(Bar {
                name: column.listing.supplier_name.clone(),
                parts,
                unit: landed.unit.amount,
            })
        })
        .collect();
    let widest = bars
        .iter()
        .map(|bar| bar.unit)
        .max()
        .unwrap_or(Decimal::ONE);
    if bars.is_empty() || widest.is_zero() {
        return ().into_any();
    }
    let scale = |amount: Decimal| (amount / widest).to_f64().unwrap_or(0.0) * PLOT_WIDTH;
    let height = bars.len() as f64 * (BAR_HEIGHT + GAP) + GAP;
    let kinds = [
        ComponentKind::Goods,
        ComponentKind::Freight,
        ComponentKind::Duty,
        ComponentKind::Financing,
    ];
    view! {
        <figure class="cost-chart">
            <figcaption>{move || t().chart_title}</figcaption>
            <svg viewBox=format!("0 0 {} {height}", LABEL_WIDTH + PLOT_WIDTH + 90.0) role="img"
                aria-label=move || t().chart_title>
                {bars.into_iter().enumerate().map(|(row, Bar { name, parts, unit })| {
                    let y = GAP + row as f64 * (BAR_HEIGHT + GAP);
                    let mut x = LABEL_WIDTH;
                    let segments = parts.into_iter().map(|(kind, amount)| {
                        let width = scale(amount);
                        let start = x;
                        x += width;
                        view! { <rect x=start y=y width=width height=BAR_HEIGHT class=format!("part-{kind:?}").to_lowercase() /> }
                    }).collect_view();
                    view! {
                        <g>
                            <text x=LABEL_WIDTH - 8.0 y=y + BAR_HEIGHT * 0.7 text-anchor="end" class="bar-label">{name}</text>
                            {segments}
                            <text x=x + 6.0 y=y + BAR_HEIGHT * 0.7 class="bar-value">{unit.round_dp(2).to_string()}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
            <ul class="chart-legend">
                {kinds.into_iter().map(|kind| view! {
                    <li><span class=format!("swatch part-{kind:?}").to_lowercase()></span>{move || (t().component_name)(kind)}</li>
                }).collect_view()}
            </ul>
        </figure>
    }
    .into_any()
}
