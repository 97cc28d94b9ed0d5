//! Money: an exact decimal amount with its ISO 4217 currency.
//!
//! Amounts are `rust_decimal::Decimal` from the user's text to `numeric(19,4)` and back, and JSON
//! strings on the wire (`"1234.50"`), so they never pass through a float. Rounding to a currency's
//! minor units is always half away from zero ([`ROUNDING`]).

mod amount;
mod currency;

pub use amount::{AmountIssue, SignRule};
pub use currency::Currency;

use crate::i18n::Locale;
use amount::{half_width, ungroup};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How money is rounded everywhere: half away from zero ("half-up", 2.345 → 2.35, −2.345 → −2.35).
/// Buyers check our figures with a calculator or a spreadsheet `ROUND`, both of which round half
/// up; banker's rounding would make a correct landed cost look wrong by a cent on hover.
pub const ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// Most decimals an entered amount (price, quantity) may carry: the scale of `numeric(19,4)`.
pub const MAX_DECIMALS: u32 = 4;

/// Most integer digits an entered amount may carry: `numeric(19,4)` leaves 15.
pub const MAX_INTEGER_DIGITS: u32 = 15;

/// An exact amount in a currency. The amount keeps the scale it was given (`1234.50` stays
/// `"1234.50"` on the wire); only [`Money::rounded`] trims it to the currency's minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// A JSON string; a JSON number is refused so no float ever sneaks in.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub currency: Currency,
}

impl Money {
    pub fn new(amount: Decimal, currency: Currency) -> Money {
        Money { amount, currency }
    }

    pub fn zero(currency: Currency) -> Money {
        Money::new(Decimal::ZERO, currency)
    }

    /// Parses what a person typed or a spreadsheet exported: `1234.5`, `1,234.50`, `-3`,
    /// full-width digits from a Chinese IME (`１２３．５`). Commas must group thousands (`1,5` is
    /// refused rather than guessed); no exponent, `NaN` or `inf`. At most [`MAX_DECIMALS`]
    /// significant decimals (zeros beyond them are dropped) and [`MAX_INTEGER_DIGITS`] digits.
    pub fn parse_amount(raw: &str, sign: SignRule) -> Result<Decimal, AmountIssue> {
        let text: String = raw.trim().chars().map(half_width).collect();
        if text.is_empty() {
            return Err(AmountIssue::Required);
        }
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (integer, fraction) = match unsigned.split_once('.') {
            Some((integer, fraction)) => (integer, Some(fraction)),
            None => (unsigned, None),
        };
        let integer = ungroup(integer).ok_or(AmountIssue::NotANumber)?;
        let fraction = match fraction {
            // Zeros beyond the allowed decimals are padding (ERP exports), not precision.
            Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                if digits.len() > MAX_DECIMALS as usize {
                    digits.trim_end_matches('0')
                } else {
                    digits
                }
            }
            Some(_) => return Err(AmountIssue::NotANumber),
            None => "",
        };
        if fraction.len() > MAX_DECIMALS as usize {
            return Err(AmountIssue::TooManyDecimals { max: MAX_DECIMALS });
        }
        if integer.trim_start_matches('0').len() > MAX_INTEGER_DIGITS as usize {
            return Err(AmountIssue::TooLarge {
                max_integer_digits: MAX_INTEGER_DIGITS,
            });
        }
        let mut amount: Decimal = format!("{integer}.{fraction}")
            .trim_end_matches('.')
            .parse()
            .map_err(|_| AmountIssue::NotANumber)?;
        amount.set_sign_negative(negative && !amount.is_zero());
        match sign {
            _ if amount.is_sign_negative() && sign != SignRule::Any => Err(AmountIssue::Negative),
            SignRule::Positive if amount.is_zero() => Err(AmountIssue::NotPositive),
            _ => Ok(amount),
        }
    }

    /// The amount rounded half-up to the currency's minor units, with exactly that many decimals.
    pub fn rounded(self) -> Money {
        Money::new(round_minor(self.amount, self.currency), self.currency)
    }

    /// For the UI: `USD 1,234.50`; in zh-CN, CNY shows as `¥1,234.50`. Shows the currency's minor
    /// units at least and any further significant decimals (a unit price of `USD 0.0125` is not
    /// hidden as `0.01`). Negative: `USD -1,234.50`, `-¥1,234.50`.
    pub fn format(&self, locale: Locale) -> String {
        let number = format_amount(self.amount.abs(), self.currency.minor_units());
        let sign = if self.amount.is_sign_negative() && !self.amount.is_zero() {
            "-"
        } else {
            ""
        };
        match locale {
            Locale::ZhCn if self.currency == Currency::CNY => format!("{sign}¥{number}"),
            _ => format!("{} {sign}{number}", self.currency),
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(Locale::En))
    }
}

/// `amount` rounded half-up to `currency`'s minor units, with exactly that scale.
pub fn round_minor(amount: Decimal, currency: Currency) -> Decimal {
    let mut rounded = amount.round_dp_with_strategy(currency.minor_units(), ROUNDING);
    rounded.rescale(currency.minor_units());
    rounded
}

/// Groups thousands with `,` and shows at least `min_decimals` decimals (more if significant):
/// `format_amount(1234567.5, 2)` is `1,234,567.50`. English and Chinese group alike.
pub fn format_amount(amount: Decimal, min_decimals: u32) -> String {
    let mut shown = amount;
    shown.rescale(amount.normalize().scale().max(min_decimals));
    let text = shown.abs().to_string();
    let (integer, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::with_capacity(text.len() + integer.len() / 3 + 1);
    if shown.is_sign_negative() && !shown.is_zero() {
        grouped.push('-');
    }
    for (index, digit) in integer.chars().enumerate() {
        if index > 0 && (integer.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if !fraction.is_empty() {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

#[cfg(test)]
mod tests;
