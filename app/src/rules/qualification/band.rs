//! Score bands and stars: what a 0–100 scorecard score means for eligibility and display.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// Where a score falls; bands gate eligibility for RFQs and tenders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// May not quote or bid.
    Blocked,
    /// May trade, but is shown a warning and what would raise the score.
    Warned,
    Standard,
    Preferred,
}

/// Why staff's band thresholds cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ThresholdsError {
    #[error("a threshold is outside 0–100")]
    OutOfRange,
    #[error("the thresholds must increase: warned < standard < preferred")]
    NotIncreasing,
}

/// The lower bound (inclusive) of each band above `Blocked`; staff configure them.
/// Deserialising checks them too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawThresholds", into = "RawThresholds")]
pub struct BandThresholds {
    warned: Decimal,
    standard: Decimal,
    preferred: Decimal,
}

/// The plain form of [`BandThresholds`], as stored and sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawThresholds {
    #[serde(with = "rust_decimal::serde::str")]
    pub warned: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub standard: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub preferred: Decimal,
}

impl TryFrom<RawThresholds> for BandThresholds {
    type Error = ThresholdsError;
    fn try_from(raw: RawThresholds) -> Result<Self, Self::Error> {
        BandThresholds::new(raw.warned, raw.standard, raw.preferred)
    }
}

impl From<BandThresholds> for RawThresholds {
    fn from(t: BandThresholds) -> Self {
        RawThresholds {
            warned: t.warned,
            standard: t.standard,
            preferred: t.preferred,
        }
    }
}

impl Default for BandThresholds {
    /// Blocked below 30, warned 30–50, standard 50–80, preferred from 80.
    fn default() -> Self {
        BandThresholds {
            warned: Decimal::from(30),
            standard: Decimal::from(50),
            preferred: Decimal::from(80),
        }
    }
}

impl BandThresholds {
    /// Each threshold within 0–100 and strictly increasing.
    pub fn new(
        warned: Decimal,
        standard: Decimal,
        preferred: Decimal,
    ) -> Result<BandThresholds, ThresholdsError> {
        let range = Decimal::ZERO..=Decimal::ONE_HUNDRED;
        if ![warned, standard, preferred]
            .iter()
            .all(|t| range.contains(t))
        {
            return Err(ThresholdsError::OutOfRange);
        }
        if !(warned < standard && standard < preferred) {
            return Err(ThresholdsError::NotIncreasing);
        }
        Ok(BandThresholds {
            warned,
            standard,
            preferred,
        })
    }

    /// The band of a 0–100 score; a score equal to a threshold belongs to the higher band.
    pub fn band(&self, score: Decimal) -> Band {
        if score < self.warned {
            Band::Blocked
        } else if score < self.standard {
            Band::Warned
        } else if score < self.preferred {
            Band::Standard
        } else {
            Band::Preferred
        }
    }
}

/// Stars for a 0–100 score: 0–5 in half steps (score / 20, to the nearest half, halves up).
pub fn stars(score: Decimal) -> Decimal {
    let clamped = score.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    let half_steps =
        (clamped / Decimal::TEN).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let mut stars = half_steps / Decimal::TWO;
    stars.rescale(1);
    stars
}

#[cfg(test)]
mod tests;
