//! How a scorecard looks: the score with stars, band and tier; the breakdown that explains it
//! (every derived number shows how it was computed); and the criteria that would raise it.

use crate::i18n::use_i18n;
use crate::rules::qualification::band::Band;
use crate::rules::qualification::scorecard::Scorecard;
use crate::types::scorecard::{band_str, Tier};
use crate::types::supplier_page::Improvement;
use leptos::prelude::*;

/// Stars as text (★ full, ½ half, ☆ empty) beside the number, so it reads without colour.
pub fn star_glyphs(stars: rust_decimal::Decimal) -> String {
    let halves = (stars * rust_decimal::Decimal::TWO)
        .trunc()
        .to_string()
        .parse::<usize>()
        .unwrap_or(0)
        .min(10);
    let full = halves / 2;
    let half = halves % 2;
    format!(
        "{}{}{}",
        "★".repeat(full),
        "½".repeat(half),
        "☆".repeat(5 - full - half)
    )
}

#[component]
pub fn BandChip(band: Band) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("chip band-{}", band_str(band))>
            {move || (i18n.t().scorecard.band_name)(band)}
        </span>
    }
}

#[component]
pub fn TierChip(tier: Tier) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("chip tier-{}", tier.as_str())>
            {move || (i18n.t().scorecard.tier_name)(tier)}
        </span>
    }
}

/// The headline numbers.
#[component]
pub fn ScoreSummary(card: Scorecard, tier: Tier) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().scorecard;
    view! {
        <dl class="facts score-summary">
            <dt>{move || t().score}</dt><dd class="num big">{card.score.to_string()}</dd>
            <dt>{move || t().stars}</dt>
            <dd><span aria-hidden="true" class="stars">{star_glyphs(card.stars)}</span>" "{card.stars.to_string()}</dd>
            <dt>{move || t().band}</dt><dd><BandChip band=card.band /></dd>
            <dt>{move || t().tier}</dt><dd><TierChip tier /></dd>
        </dl>
    }
}

/// The criteria lines: fact, normalised value, weight and points; missing facts say so.
#[component]
pub fn ScoreBreakdown(card: Scorecard) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().scorecard;
    view! {
        <details class="score-breakdown">
            <summary>{move || t().how_computed}</summary>
            <div class="table-wrap">
                <table class="data-table">
                    <thead><tr>
                        <th scope="col"></th>
                        <th scope="col" class="num">{move || t().fact}</th>
                        <th scope="col" class="num">{move || t().normalised}</th>
                        <th scope="col" class="num">{move || t().weight}</th>
                        <th scope="col" class="num">{move || t().contribution}</th>
                    </tr></thead>
                    <tbody>
                        {card.lines.into_iter().map(|line| {
                            let criterion = line.criterion;
                            view! {
                                <tr>
                                    <th scope="row">{move || (t().criterion_name)(criterion)}</th>
                                    <td class="num">{match line.value {
                                        Some(value) => value.normalize().to_string().into_any(),
                                        None => view! { <span class="muted">{move || t().no_data}</span> }.into_any(),
                                    }}</td>
                                    <td class="num">{line.normalised.to_string()}</td>
                                    <td class="num">{line.weight.normalize().to_string()}</td>
                                    <td class="num">{line.contribution.to_string()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

/// "What would raise your score": the criteria with the most points to gain.
#[component]
pub fn Improvements(items: Vec<Improvement>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().scorecard;
    if items.is_empty() {
        return view! { <p class="muted">{move || t().nothing_to_raise}</p> }.into_any();
    }
    view! {
        <ul class="improvements">
            {items.into_iter().map(|item| {
                let criterion = item.criterion;
                let points = item.points.to_string();
                view! {
                    <li>
                        <strong>{move || (t().criterion_name)(criterion)}</strong>
                        " — "{move || (t().raise_points)(&points)}
                        {item.no_data.then(|| view! { <span class="muted">" ("{move || t().counts_neutral}")"</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
