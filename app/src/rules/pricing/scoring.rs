//! Weighted scoring of the offers in a comparison matrix, and the best value in each row.
//!
//! Each criterion is normalised across the compared offers to 0–100 by min–max: the best value
//! gets 100, the worst 0, and when all are equal all get 100. Normalised values are rounded
//! half-up to two decimals, and the score is their weighted mean, rounded the same way, so a buyer
//! can redo the sum from what the hover shows. Ranks follow the score as shown; ties go to the
//! lower landed unit cost, then to the lower offer id. Score only the offers that can serve the
//! quantity (those with a landed cost) and that the buyer has not hidden.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A row of the matrix that takes part in the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// Landed unit cost in the target currency: lower is better.
    LandedCost,
    /// Lead time in days: lower is better.
    LeadTime,
    /// Supplier scorecard, 0–100: higher is better.
    SupplierScore,
    /// Number of valid certifications: higher is better.
    Certifications,
}

impl Criterion {
    pub const ALL: [Criterion; 4] = [
        Criterion::LandedCost,
        Criterion::LeadTime,
        Criterion::SupplierScore,
        Criterion::Certifications,
    ];

    pub fn higher_is_better(self) -> bool {
        matches!(self, Criterion::SupplierScore | Criterion::Certifications)
    }

    fn value(self, offer: &OfferFacts) -> Decimal {
        match self {
            Criterion::LandedCost => offer.landed_unit_cost,
            Criterion::LeadTime => offer.lead_time_days.into(),
            Criterion::SupplierScore => offer.supplier_score,
            Criterion::Certifications => offer.certifications.into(),
        }
    }
}

/// What the score looks at for one offer column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferFacts {
    pub offer_id: Uuid,
    /// In the matrix's target currency (all offers compared in the same one).
    #[serde(with = "rust_decimal::serde::str")]
    pub landed_unit_cost: Decimal,
    pub lead_time_days: u32,
    /// 0–100.
    #[serde(with = "rust_decimal::serde::str")]
    pub supplier_score: Decimal,
    pub certifications: u32,
}

/// Why the buyer's weights cannot be used.
pub type WeightsError = crate::rules::weights::WeightsError<Criterion>;

pub use crate::rules::weights::MAX_WEIGHT;

/// The buyer's weights: 0 to [`MAX_WEIGHT`], not all zero, in any scale (they are divided by their sum,
/// so 50/20/20/10 and 5/2/2/1 score alike). Deserialising checks them too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawWeights")]
pub struct Weights {
    #[serde(with = "rust_decimal::serde::str")]
    landed_cost: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    lead_time: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    supplier_score: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    certifications: Decimal,
}

#[derive(Deserialize)]
struct RawWeights {
    #[serde(with = "rust_decimal::serde::str")]
    landed_cost: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    lead_time: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    supplier_score: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    certifications: Decimal,
}

impl TryFrom<RawWeights> for Weights {
    type Error = WeightsError;
    fn try_from(raw: RawWeights) -> Result<Self, Self::Error> {
        Weights::new(
            raw.landed_cost,
            raw.lead_time,
            raw.supplier_score,
            raw.certifications,
        )
    }
}

impl Weights {
    pub fn new(
        landed_cost: Decimal,
        lead_time: Decimal,
        supplier_score: Decimal,
        certifications: Decimal,
    ) -> Result<Weights, WeightsError> {
        let weights = Weights {
            landed_cost,
            lead_time,
            supplier_score,
            certifications,
        };
        crate::rules::weights::check_weights(Criterion::ALL.map(|c| (c, weights.get(c))))?;
        Ok(weights)
    }

    pub fn get(&self, criterion: Criterion) -> Decimal {
        match criterion {
            Criterion::LandedCost => self.landed_cost,
            Criterion::LeadTime => self.lead_time,
            Criterion::SupplierScore => self.supplier_score,
            Criterion::Certifications => self.certifications,
        }
    }

    fn sum(&self) -> Decimal {
        Criterion::ALL.into_iter().map(|c| self.get(c)).sum()
    }
}

impl Default for Weights {
    /// Price 50, lead time 20, supplier score 20, certifications 10.
    fn default() -> Weights {
        let [landed_cost, lead_time, supplier_score, certifications] =
            [50, 20, 20, 10].map(Decimal::from);
        Weights {
            landed_cost,
            lead_time,
            supplier_score,
            certifications,
        }
    }
}

/// The score of one offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferScore {
    pub offer_id: Uuid,
    /// 0–100, two decimals.
    #[serde(with = "rust_decimal::serde::str")]
    pub score: Decimal,
    /// 1 for the best; every offer has a different rank.
    pub rank: u32,
    /// Each criterion normalised to 0–100 (two decimals), in [`Criterion::ALL`] order.
    pub normalised: [Decimal; 4],
}

/// Scores and ranks the offers; the result is in the offers' order.
pub fn score_offers(offers: &[OfferFacts], weights: &Weights) -> Vec<OfferScore> {
    let ranges = Criterion::ALL.map(|criterion| range(offers, criterion));
    let mut scores: Vec<OfferScore> = offers
        .iter()
        .map(|offer| {
            let normalised = std::array::from_fn(|i| {
                let criterion = Criterion::ALL[i];
                normalise(criterion, criterion.value(offer), ranges[i])
            });
            let weighted: Decimal = Criterion::ALL
                .iter()
                .zip(normalised)
                .map(|(criterion, value)| weights.get(*criterion) * value)
                .sum();
            OfferScore {
                offer_id: offer.offer_id,
                score: two_places(weighted / weights.sum()),
                rank: 0,
                normalised,
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..offers.len()).collect();
    order.sort_by(|a, b| {
        scores[*b]
            .score
            .cmp(&scores[*a].score)
            .then(
                offers[*a]
                    .landed_unit_cost
                    .cmp(&offers[*b].landed_unit_cost),
            )
            .then(offers[*a].offer_id.cmp(&offers[*b].offer_id))
    });
    for (position, index) in order.into_iter().enumerate() {
        scores[index].rank = position as u32 + 1;
    }
    scores
}

/// The offers holding the best value of a row (several when tied), in the offers' order: the
/// cells the matrix highlights.
pub fn best_in_row(offers: &[OfferFacts], criterion: Criterion) -> Vec<Uuid> {
    let Some((low, high)) = range(offers, criterion) else {
        return Vec::new();
    };
    let best = if criterion.higher_is_better() {
        high
    } else {
        low
    };
    offers
        .iter()
        .filter(|offer| criterion.value(offer) == best)
        .map(|offer| offer.offer_id)
        .collect()
}

fn range(offers: &[OfferFacts], criterion: Criterion) -> Option<(Decimal, Decimal)> {
    let values = offers.iter().map(|offer| criterion.value(offer));
    Some((values.clone().min()?, values.max()?))
}

fn normalise(criterion: Criterion, value: Decimal, range: Option<(Decimal, Decimal)>) -> Decimal {
    match range {
        Some((low, high)) if low != high => {
            let distance = if criterion.higher_is_better() {
                value - low
            } else {
                high - value
            };
            two_places(distance * Decimal::ONE_HUNDRED / (high - low))
        }
        _ => Decimal::ONE_HUNDRED,
    }
}

fn two_places(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, crate::types::money::ROUNDING)
}

#[cfg(test)]
mod tests;
