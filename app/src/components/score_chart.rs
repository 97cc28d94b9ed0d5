//! A small SVG line chart of a supplier's score per period, with the band thresholds drawn as
//! guides. Plain SVG: no chart library in the wasm bundle.

use crate::i18n::use_i18n;
use crate::types::scorecard::ScorePoint;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 120.0;
const PAD: f64 = 20.0;

/// Maps a 0–100 score onto the chart's height (100 at the top).
fn y_of(score: f64) -> f64 {
    PAD + (HEIGHT - 2.0 * PAD) * (1.0 - score.clamp(0.0, 100.0) / 100.0)
}

/// The x of point `i` of `n`, spread across the width (a single point sits in the middle).
fn x_of(i: usize, n: usize) -> f64 {
    if n <= 1 {
        WIDTH / 2.0
    } else {
        PAD + (WIDTH - 2.0 * PAD) * i as f64 / (n - 1) as f64
    }
}

/// `YYYY-MM` of a period.
fn month(point: &ScorePoint) -> String {
    format!(
        "{:04}-{:02}",
        point.period_start.year(),
        u8::from(point.period_start.month())
    )
}

#[component]
pub fn ScoreChart(
    points: Vec<ScorePoint>,
    /// Scores where the warned, standard and preferred bands start, drawn as dashed guides.
    guides: Vec<f64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = points.len();
    let coords: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .map(|(i, p)| (x_of(i, n), y_of(p.score.to_f64().unwrap_or(0.0))))
        .collect();
    let path = coords
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let first = points.first().map(month).unwrap_or_default();
    let last = points.last().map(month).unwrap_or_default();
    view! {
        <figure class="score-chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img"
                aria-label=move || (i18n.t().scorecard.trend_label)(n)>
                {guides.into_iter().map(|g| {
                    let y = format!("{:.1}", y_of(g));
                    view! {
                        <line class="guide" x1=PAD x2=WIDTH - PAD y1=y.clone() y2=y />
                        <text class="guide-label" x=2 y=format!("{:.1}", y_of(g) + 3.0)>{g.to_string()}</text>
                    }
                }).collect_view()}
                <polyline class="line" points=path />
                {coords.into_iter().zip(points).map(|((x, y), p)| view! {
                    <circle class="dot" cx=format!("{x:.1}") cy=format!("{y:.1}") r="3">
                        <title>{format!("{}: {}", month(&p), p.score)}</title>
                    </circle>
                }).collect_view()}
                <text class="axis" x=PAD y=HEIGHT - 4.0>{first}</text>
                <text class="axis end" x=WIDTH - PAD y=HEIGHT - 4.0 text-anchor="end">{last}</text>
            </svg>
        </figure>
    }
}
