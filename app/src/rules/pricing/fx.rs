//! Dated exchange rates and conversion between currencies.
//!
//! A rate says "1 `base` = `rate` `quote`" from `valid_from` (inclusive) until a later rate for the
//! same pair takes over. Converting on a date uses, for the pair in either direction, the rate
//! with the latest `valid_from` on or before that date, so a rate entered for tomorrow never
//! prices today (a stored `EUR/USD` also converts USD to EUR, by division; on the same date a
//! direct quote beats an inverse one). Without a rate for the pair, the conversion goes through
//! the first of [`PIVOTS`] that has rates in force for both legs, each leg dated the same day.
//! Conversion results are exact: rounding to minor units is the caller's last step.

use crate::types::money::{Currency, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// Currencies a conversion may go through when no rate links the two currencies, in order.
pub const PIVOTS: [Currency; 2] = [Currency::USD, Currency::CNY];

/// Most decimals a stored rate may carry (store it as `numeric(20,10)`).
pub const MAX_RATE_DECIMALS: u32 = 10;

/// 1 `base` = `rate` `quote`, from `valid_from` on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FxRate {
    pub base: Currency,
    pub quote: Currency,
    #[serde(with = "rust_decimal::serde::str")]
    pub rate: Decimal,
    /// `YYYY-MM-DD` on the wire.
    #[serde(with = "iso_date")]
    pub valid_from: Date,
}

/// Why staff cannot save a rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FxRateIssue {
    /// `quote` equals `base`.
    SameCurrency,
    NotPositive,
    TooManyDecimals {
        max: u32,
    },
}

/// Checks a rate before it is stored; the error names the field (`quote` or `rate`).
pub fn validate_rate(rate: &FxRate) -> Result<(), (&'static str, FxRateIssue)> {
    if rate.base == rate.quote {
        Err(("quote", FxRateIssue::SameCurrency))
    } else if rate.rate <= Decimal::ZERO {
        Err(("rate", FxRateIssue::NotPositive))
    } else if rate.rate.normalize().scale() > MAX_RATE_DECIMALS {
        let max = MAX_RATE_DECIMALS;
        Err(("rate", FxRateIssue::TooManyDecimals { max }))
    } else {
        Ok(())
    }
}

/// Why an amount cannot be converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum FxError {
    #[error("no {from}/{to} rate in force on {on}, directly or through a pivot")]
    NoRate {
        from: Currency,
        to: Currency,
        #[serde(with = "iso_date")]
        on: Date,
    },
    #[error("the converted amount is too large")]
    Overflow,
}

/// One stored rate as used in a conversion: multiply by it, or divide when it quotes the
/// opposite direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FxLeg {
    pub rate: FxRate,
    /// The amount is in `rate.quote` and is divided by `rate.rate`.
    pub inverted: bool,
}

impl FxLeg {
    fn apply(&self, amount: Decimal) -> Option<Decimal> {
        if self.inverted {
            amount.checked_div(self.rate.rate)
        } else {
            amount.checked_mul(self.rate.rate)
        }
    }

    /// `× 7.1234 (USD/CNY 2026-11-20)`, or `÷` for an inverted leg.
    pub fn describe(&self) -> String {
        let operator = if self.inverted { '÷' } else { '×' };
        let FxRate {
            base,
            quote,
            rate,
            valid_from,
        } = self.rate;
        format!(
            "{operator} {} ({base}/{quote} {valid_from})",
            rate.normalize()
        )
    }
}

/// The rates a conversion uses: none (same currency), one, or two through a pivot.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FxPath {
    pub legs: Vec<FxLeg>,
}

impl FxPath {
    /// `amount` converted along the path, exactly (no rounding); `None` on overflow.
    pub fn apply(&self, amount: Decimal) -> Option<Decimal> {
        self.legs
            .iter()
            .try_fold(amount, |amount, leg| leg.apply(amount))
    }

    /// The legs for a formula, e.g. `× 0.1404 (CNY/USD 2026-11-20) × 0.92 (USD/EUR 2026-11-19)`;
    /// empty for the same currency.
    pub fn describe(&self) -> String {
        let legs: Vec<String> = self.legs.iter().map(FxLeg::describe).collect();
        legs.join(" ")
    }
}

/// The rates that convert `from` into `to` on `on` (see the module docs for the choice).
pub fn find_path(
    from: Currency,
    to: Currency,
    on: Date,
    rates: &[FxRate],
) -> Result<FxPath, FxError> {
    if from == to {
        return Ok(FxPath::default());
    }
    if let Some(leg) = leg_in_force(from, to, on, rates) {
        return Ok(FxPath { legs: vec![leg] });
    }
    PIVOTS
        .iter()
        .filter(|pivot| **pivot != from && **pivot != to)
        .find_map(|pivot| {
            let first = leg_in_force(from, *pivot, on, rates)?;
            let second = leg_in_force(*pivot, to, on, rates)?;
            Some(FxPath {
                legs: vec![first, second],
            })
        })
        .ok_or(FxError::NoRate { from, to, on })
}

/// `amount` of `from` in `to` on `on`, exact (not rounded to minor units).
pub fn convert(
    amount: Decimal,
    from: Currency,
    to: Currency,
    on: Date,
    rates: &[FxRate],
) -> Result<Money, FxError> {
    let path = find_path(from, to, on, rates)?;
    let converted = path.apply(amount).ok_or(FxError::Overflow)?;
    Ok(Money::new(converted, to))
}

/// The latest usable rate for the pair in either direction, not dated after `on`.
fn leg_in_force(from: Currency, to: Currency, on: Date, rates: &[FxRate]) -> Option<FxLeg> {
    rates
        .iter()
        .filter(|rate| rate.valid_from <= on && rate.rate > Decimal::ZERO)
        .filter_map(|rate| {
            let direct = rate.base == from && rate.quote == to;
            let inverse = rate.base == to && rate.quote == from;
            (direct || inverse).then_some(FxLeg {
                rate: *rate,
                inverted: inverse,
            })
        })
        .max_by(|a, b| {
            let key = |leg: &FxLeg| (leg.rate.valid_from, !leg.inverted);
            key(a).cmp(&key(b))
        })
}

#[cfg(test)]
mod tests;
