//! The price-over-time chart: an inline SVG step line of the price history, extended to "now"
//! while the lot is open. No chart library: a few dozen lines keep the wasm bundle small.

use super::state::use_board;
use crate::i18n::use_i18n;
use crate::live::clock::{format_time, from_ms, to_ms};
use crate::pages::tenders::format::money;
use crate::rules::auction::Phase;
use crate::types::tender::PricePoint;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 8.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 24.0;

/// The chart geometry for points spanning `[start, end]` ms: (x, y) per point in SVG units.
fn layout(points: &[PricePoint], start: f64, end: f64) -> (Vec<(f64, f64)>, Decimal, Decimal) {
    let low = points.iter().map(|p| p.amount).min().unwrap_or_default();
    let high = points.iter().map(|p| p.amount).max().unwrap_or_default();
    // Floats only for drawing; every number shown as text stays a Decimal.
    let (lo, hi) = (low.to_f64().unwrap_or(0.0), high.to_f64().unwrap_or(0.0));
    let pad = ((hi - lo) * 0.08).max(hi.abs() * 0.005).max(0.0001);
    let (lo, hi) = (lo - pad, hi + pad);
    let span = (end - start).max(1.0);
    let xy = points
        .iter()
        .map(|p| {
            let x = LEFT + (to_ms(p.at) - start).clamp(0.0, span) / span * (WIDTH - LEFT - RIGHT);
            let v = p.amount.to_f64().unwrap_or(0.0);
            let y = TOP + (hi - v) / (hi - lo) * (HEIGHT - TOP - BOTTOM);
            (x, y)
        })
        .collect();
    (xy, low, high)
}

/// `M x0 y0 H x1 V y1 …`, ending at `x_end`: prices hold until the next bid.
fn step_path(xy: &[(f64, f64)], x_end: f64) -> String {
    let mut path = String::new();
    for (i, (x, y)) in xy.iter().enumerate() {
        if i == 0 {
            path.push_str(&format!("M{x:.1} {y:.1}"));
        } else {
            path.push_str(&format!(" H{x:.1} V{y:.1}"));
        }
    }
    if !xy.is_empty() {
        path.push_str(&format!(" H{x_end:.1}"));
    }
    path
}

#[component]
pub fn PriceChart() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    // Redrawn once a second (the line grows to "now"), not on every clock tick.
    let second =
        Memo::new(move |_| ((board.now_ms.get() + board.offset_ms.get()) / 1000.0).floor());
    let chart = move || {
        let points = board.history.get();
        if points.is_empty() {
            return view! { <p class="empty chart-empty">{move || t().chart_empty}</p> }.into_any();
        }
        let currency = board
            .info
            .with(|i| i.as_ref().map(|i| i.currency.clone()).unwrap_or_default());
        let opens = board
            .info
            .with(|i| i.as_ref().map(|i| to_ms(i.rules.opens_at)));
        let (phase, ends) = board.view.with(|v| {
            v.as_ref()
                .map_or((Phase::Draft, 0.0), |v| (v.phase(), to_ms(v.ends_at())))
        });
        let first = to_ms(points[0].at);
        let start = opens.map_or(first, |o| o.min(first));
        let last = to_ms(points[points.len() - 1].at);
        let end = match phase {
            Phase::Open => (second.get() * 1000.0).max(last),
            _ => ends.max(last),
        };
        let (xy, low, high) = layout(&points, start, end);
        let path = step_path(&xy, WIDTH - RIGHT);
        let show = |a| money(a, &currency, i18n.locale());
        let summary = (t().chart_summary)(
            &show(points[0].amount),
            &show(points[points.len() - 1].amount),
            points.len(),
        );
        let (last_x, last_y) = xy[xy.len() - 1];
        let dots = xy[..xy.len() - 1]
            .iter()
            .map(|(x, y)| {
                view! {
                    <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="2.5" class="chart-dot" />
                }
            })
            .collect_view();
        let label = summary.clone();
        view! {
            <svg class="chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
                <title>{summary}</title>
                <line x1=LEFT y1=TOP x2=WIDTH - RIGHT y2=TOP class="chart-grid" />
                <line x1=LEFT y1=HEIGHT - BOTTOM x2=WIDTH - RIGHT y2=HEIGHT - BOTTOM class="chart-grid" />
                <text x=LEFT y=TOP - 6.0 class="chart-label">{show(high)}</text>
                <text x=LEFT y=HEIGHT - BOTTOM + 16.0 class="chart-label">{format_time(from_ms(start))}</text>
                <text x=WIDTH - RIGHT y=HEIGHT - BOTTOM + 16.0 class="chart-label" text-anchor="end">{format_time(from_ms(end))}</text>
                <text x=WIDTH - RIGHT y=HEIGHT - BOTTOM - 6.0 class="chart-label" text-anchor="end">{show(low)}</text>
                <path d=path class="chart-line" />
                {dots}
                <circle cx=format!("{last_x:.1}") cy=format!("{last_y:.1}") r="4.5" class="chart-dot chart-dot-last" />
            </svg>
        }.into_any()
    };
    view! {
        <section class="panel chart-panel" aria-labelledby="chart-title" class:stat-stale=move || !board.is_live()>
            <h2 id="chart-title">{move || t().chart_title}</h2>
            {chart}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_step_line_holds_each_price_until_the_next() {
        assert_eq!(
            step_path(&[(10.0, 50.0), (20.0, 80.0)], 30.0),
            "M10.0 50.0 H20.0 V80.0 H30.0"
        );
        assert_eq!(step_path(&[], 30.0), "");
    }
}
