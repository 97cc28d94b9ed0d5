//! The scorecard's criteria, how each fact maps onto 0–100, and the weights staff give them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A scored aspect of a supplier's performance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// Share of deliveries on time, %.
    OnTimeDelivery,
    /// Share of deliveries accepted at quality inspection, %.
    QualityAcceptance,
    /// Share of RFQ invitations answered, %.
    RfqResponseRate,
    /// Share of quotations that won, %.
    QuoteWinRate,
    /// Share of orders disputed, %: lower is better.
    DisputeRate,
    /// Mean buyer rating, 1–5.
    BuyerRating,
}

impl Criterion {
    pub const ALL: [Criterion; 6] = [
        Criterion::OnTimeDelivery,
        Criterion::QualityAcceptance,
        Criterion::RfqResponseRate,
        Criterion::QuoteWinRate,
        Criterion::DisputeRate,
        Criterion::BuyerRating,
    ];

    /// The fact mapped onto 0–100, higher is better.
    pub fn normalise(self, value: Decimal) -> Decimal {
        let hundred = Decimal::ONE_HUNDRED;
        match self {
            Criterion::DisputeRate => hundred - value.clamp(Decimal::ZERO, hundred),
            Criterion::BuyerRating => {
                (value.clamp(Decimal::ONE, Decimal::from(5)) - Decimal::ONE) * Decimal::from(25)
            }
            _ => value.clamp(Decimal::ZERO, hundred),
        }
    }
}

/// One value per criterion: the facts of a period, or the weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PerCriterion<T> {
    pub on_time_delivery: T,
    pub quality_acceptance: T,
    pub rfq_response_rate: T,
    pub quote_win_rate: T,
    pub dispute_rate: T,
    pub buyer_rating: T,
}

impl<T: Copy> PerCriterion<T> {
    pub fn get(&self, criterion: Criterion) -> T {
        match criterion {
            Criterion::OnTimeDelivery => self.on_time_delivery,
            Criterion::QualityAcceptance => self.quality_acceptance,
            Criterion::RfqResponseRate => self.rfq_response_rate,
            Criterion::QuoteWinRate => self.quote_win_rate,
            Criterion::DisputeRate => self.dispute_rate,
            Criterion::BuyerRating => self.buyer_rating,
        }
    }
}

/// A period's facts; `None` where no data exists yet. Decimals travel as strings.
pub type ScorecardFacts = PerCriterion<Option<Decimal>>;

/// Why staff's weights cannot be used.
pub type WeightsError = crate::rules::weights::WeightsError<Criterion>;

pub use crate::rules::weights::MAX_WEIGHT;

/// Validated weights: 0 to [`MAX_WEIGHT`], not all zero, any scale (they are divided by their sum).
/// Deserialising checks them too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PerCriterion<Decimal>", into = "PerCriterion<Decimal>")]
pub struct ScoreWeights(PerCriterion<Decimal>);

impl TryFrom<PerCriterion<Decimal>> for ScoreWeights {
    type Error = WeightsError;
    fn try_from(raw: PerCriterion<Decimal>) -> Result<Self, Self::Error> {
        ScoreWeights::new(raw)
    }
}

impl From<ScoreWeights> for PerCriterion<Decimal> {
    fn from(weights: ScoreWeights) -> Self {
        weights.0
    }
}

impl Default for ScoreWeights {
    /// On-time 25, quality 25, response 15, dispute 15, win rate 10, rating 10.
    fn default() -> Self {
        ScoreWeights(PerCriterion {
            on_time_delivery: Decimal::from(25),
            quality_acceptance: Decimal::from(25),
            rfq_response_rate: Decimal::from(15),
            quote_win_rate: Decimal::from(10),
            dispute_rate: Decimal::from(15),
            buyer_rating: Decimal::from(10),
        })
    }
}

impl ScoreWeights {
    pub fn new(weights: PerCriterion<Decimal>) -> Result<ScoreWeights, WeightsError> {
        crate::rules::weights::check_weights(Criterion::ALL.map(|c| (c, weights.get(c))))?;
        Ok(ScoreWeights(weights))
    }

    pub fn get(&self, criterion: Criterion) -> Decimal {
        self.0.get(criterion)
    }

    /// The sum of the weights; never zero.
    pub fn sum(&self) -> Decimal {
        Criterion::ALL.into_iter().map(|c| self.get(c)).sum()
    }
}
