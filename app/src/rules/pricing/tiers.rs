//! Quantity price tiers of an offer: checked when a supplier saves them, and looked up for the
//! quantity a buyer compares at.
//!
//! A tier is a break quantity and the unit price from that quantity up to the next break, so
//! strictly increasing breaks can never overlap. The first break may not exceed the MOQ (it may be
//! below it: suppliers keep one tier table while their MOQ moves; the part under the MOQ is simply
//! never used). Together this means every quantity an offer accepts has exactly one price.

use crate::types::money::{MAX_DECIMALS, MAX_INTEGER_DIGITS};
use crate::types::{FieldErrors, FieldIssue};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Most tiers an offer may have.
pub const MAX_TIERS: usize = 20;

/// From `min_quantity` (in the offer's unit of measure) up to the next break, each unit costs
/// `unit_price` (in the offer's currency).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceTier {
    #[serde(with = "rust_decimal::serde::str")]
    pub min_quantity: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub unit_price: Decimal,
}

/// What is wrong with a tier table, a tier or the MOQ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum TierIssue {
    /// The offer has no tier.
    Required,
    TooMany {
        max: usize,
    },
    NotPositive,
    TooManyDecimals {
        max: u32,
    },
    TooLarge {
        max_integer_digits: u32,
    },
    /// This break is not above the previous tier's (equal breaks would overlap).
    NotIncreasing,
    /// The first break is above the MOQ, leaving the quantities between them without a price.
    AboveMoq,
}

impl From<TierIssue> for FieldIssue {
    fn from(issue: TierIssue) -> FieldIssue {
        match issue {
            TierIssue::Required => FieldIssue::Required,
            TierIssue::TooMany { max } => FieldIssue::TooManyItems { max },
            TierIssue::NotPositive => FieldIssue::NotPositive,
            TierIssue::TooManyDecimals { max } => FieldIssue::TooManyDecimals { max },
            TierIssue::TooLarge { max_integer_digits } => {
                FieldIssue::TooLarge { max_integer_digits }
            }
            TierIssue::NotIncreasing => FieldIssue::NotIncreasing,
            TierIssue::AboveMoq => FieldIssue::AboveMoq,
        }
    }
}

/// One issue with the field it concerns: `tiers`, `moq`, `tiers[2].min_quantity`,
/// `tiers[2].unit_price` (0-based, in the order the supplier gave them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierError {
    pub field: String,
    pub issue: TierIssue,
}

/// Checks a tier table and its MOQ, reporting every issue at once (CSV imports list them all).
pub fn validate_tiers(tiers: &[PriceTier], moq: Decimal) -> Result<(), Vec<TierError>> {
    let mut errors = Vec::new();
    let mut report = |field: String, issue| errors.push(TierError { field, issue });
    let moq_issue = number_issue(moq);
    if let Some(issue) = moq_issue {
        report("moq".into(), issue);
    }
    if tiers.is_empty() {
        report("tiers".into(), TierIssue::Required);
    } else if tiers.len() > MAX_TIERS {
        report("tiers".into(), TierIssue::TooMany { max: MAX_TIERS });
    }
    for (index, tier) in tiers.iter().enumerate() {
        let quantity_field = format!("tiers[{index}].min_quantity");
        if let Some(issue) = number_issue(tier.min_quantity) {
            report(quantity_field, issue);
        } else if index > 0 && tier.min_quantity <= tiers[index - 1].min_quantity {
            report(quantity_field, TierIssue::NotIncreasing);
        } else if index == 0 && moq_issue.is_none() && tier.min_quantity > moq {
            report(quantity_field, TierIssue::AboveMoq);
        }
        if let Some(issue) = number_issue(tier.unit_price) {
            report(format!("tiers[{index}].unit_price"), issue);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The errors as the house's field errors (for `AppError::Validation`).
pub fn to_field_errors(errors: &[TierError]) -> FieldErrors {
    let mut fields = FieldErrors::default();
    for error in errors {
        fields.add(&error.field, error.issue.into());
    }
    fields
}

/// Why an offer cannot serve a quantity; the matrix shows it in the offer's column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum CannotServe {
    QuantityNotPositive,
    BelowMoq {
        #[serde(with = "rust_decimal::serde::str")]
        moq: Decimal,
    },
    AboveStock {
        #[serde(with = "rust_decimal::serde::str")]
        stock: Decimal,
    },
    /// No tier starts at or below the quantity (only with an empty or unchecked table).
    NoTier,
}

/// The tier that prices `quantity`: the one with the highest break not above it. Tiers may be in
/// any order. `stock` is `None` when the supplier does not publish it (made to order).
pub fn tier_at(
    tiers: &[PriceTier],
    moq: Decimal,
    quantity: Decimal,
    stock: Option<Decimal>,
) -> Result<&PriceTier, CannotServe> {
    if quantity <= Decimal::ZERO {
        return Err(CannotServe::QuantityNotPositive);
    }
    if quantity < moq {
        return Err(CannotServe::BelowMoq { moq });
    }
    if let Some(stock) = stock.filter(|stock| quantity > *stock) {
        return Err(CannotServe::AboveStock { stock });
    }
    tiers
        .iter()
        .filter(|tier| tier.min_quantity <= quantity)
        .max_by_key(|tier| tier.min_quantity)
        .ok_or(CannotServe::NoTier)
}

/// The unit price (offer currency) at `quantity`; see [`tier_at`].
pub fn unit_price_at(
    tiers: &[PriceTier],
    moq: Decimal,
    quantity: Decimal,
    stock: Option<Decimal>,
) -> Result<Decimal, CannotServe> {
    tier_at(tiers, moq, quantity, stock).map(|tier| tier.unit_price)
}

/// Positive, at most four decimals and fifteen integer digits (`numeric(19,4)`).
fn number_issue(value: Decimal) -> Option<TierIssue> {
    if value <= Decimal::ZERO {
        Some(TierIssue::NotPositive)
    } else if value.normalize().scale() > MAX_DECIMALS {
        Some(TierIssue::TooManyDecimals { max: MAX_DECIMALS })
    } else if value >= Decimal::from(10_i64.pow(MAX_INTEGER_DIGITS)) {
        Some(TierIssue::TooLarge {
            max_integer_digits: MAX_INTEGER_DIGITS,
        })
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
