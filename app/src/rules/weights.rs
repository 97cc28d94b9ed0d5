//! Weights a person sets on sliders (a buyer's comparison, staff's scorecard): each from 0 to
//! [`MAX_WEIGHT`], not all zero, in any scale (they are divided by their sum).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The largest weight accepted (a weight is a slider position, not an amount).
pub const MAX_WEIGHT: u32 = 1000;

/// Why a set of weights cannot be used; `C` names the criterion at fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum WeightsError<C: std::fmt::Debug> {
    #[error("the weight of {criterion:?} is negative")]
    Negative { criterion: C },
    #[error("the weight of {criterion:?} is above the maximum")]
    TooLarge { criterion: C },
    #[error("the weights add up to zero")]
    SumIsZero,
}

/// Checks every `(criterion, weight)` pair and that they do not all add up to zero.
pub fn check_weights<C: Copy + std::fmt::Debug>(
    weights: impl IntoIterator<Item = (C, Decimal)>,
) -> Result<(), WeightsError<C>> {
    let mut sum = Decimal::ZERO;
    for (criterion, weight) in weights {
        if weight < Decimal::ZERO {
            return Err(WeightsError::Negative { criterion });
        }
        if weight > Decimal::from(MAX_WEIGHT) {
            return Err(WeightsError::TooLarge { criterion });
        }
        sum += weight;
    }
    if sum.is_zero() {
        Err(WeightsError::SumIsZero)
    } else {
        Ok(())
    }
}
