//! The supplier scorecard: weighted performance criteria → a 0–100 score, stars and a band.
//!
//! Each criterion is normalised to 0–100 (higher is better): rates are percentages (0–100, clamped),
//! the dispute rate counts as `100 − rate`, and the buyer rating (1–5, clamped) as `(rating − 1) × 25`.
//! A missing fact — deliveries, disputes and ratings arrive with later work — counts as
//! [`NEUTRAL`] (50), never as a made-up value, and the explanation says it was missing. The score
//! is the weighted mean of the normalised values, rounded half-up to two decimals; each line's
//! contribution is rounded the same way, so the contributions may differ from the score by a cent.

use super::band::{stars, Band, BandThresholds};
pub use super::criteria::{
    Criterion, PerCriterion, ScoreWeights, ScorecardFacts, WeightsError, MAX_WEIGHT,
};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// The normalised value of a criterion whose fact is missing: the middle of the scale.
pub const NEUTRAL: Decimal = Decimal::from_parts(50, 0, 0, false, 0);

/// How one criterion entered the score, for the "how was this computed" view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionLine {
    pub criterion: Criterion,
    /// The fact as given; `None` when missing (then `normalised` is [`NEUTRAL`]).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub value: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str")]
    pub normalised: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub weight: Decimal,
    /// Points this criterion adds to the score: normalised × weight ÷ sum of weights.
    #[serde(with = "rust_decimal::serde::str")]
    pub contribution: Decimal,
}

/// A computed scorecard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scorecard {
    /// 0–100, two decimals.
    #[serde(with = "rust_decimal::serde::str")]
    pub score: Decimal,
    /// 0–5 in half steps.
    #[serde(with = "rust_decimal::serde::str")]
    pub stars: Decimal,
    pub band: Band,
    pub lines: Vec<CriterionLine>,
}

/// Scores a period's facts.
pub fn compute(
    facts: &ScorecardFacts,
    weights: &ScoreWeights,
    thresholds: &BandThresholds,
) -> Scorecard {
    let total = weights.sum();
    let mut weighted = Decimal::ZERO;
    let lines: Vec<CriterionLine> = Criterion::ALL
        .into_iter()
        .map(|criterion| {
            let value = facts.get(criterion);
            let normalised = value.map_or(NEUTRAL, |v| criterion.normalise(v));
            let weight = weights.get(criterion);
            weighted += normalised * weight;
            CriterionLine {
                criterion,
                value,
                normalised: round2(normalised),
                weight,
                contribution: round2(normalised * weight / total),
            }
        })
        .collect();
    let score = round2(weighted / total);
    Scorecard {
        score,
        stars: stars(score),
        band: thresholds.band(score),
        lines,
    }
}

fn round2(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

#[cfg(test)]
mod tests;
