//! Bid amounts: parsing what a supplier typed, and the exact decimal arithmetic of steps.
//!
//! Amounts are stored as `numeric(19,4)`, so they have at most four decimal places and fifteen
//! integer digits; every bound computed here is rounded *down* to four places, because a bid has
//! to be at or below it.

use super::Rejection;
use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places an amount may carry (`numeric(19,4)`).
pub const MAX_DECIMAL_PLACES: u32 = 4;

/// The largest amount `numeric(19,4)` holds: 999 999 999 999 999.9999.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(2_313_682_943, 2_328_306_436, 0, false, 4);

/// Parses what a supplier typed into the bid box: digits with an optional `.` and at most four
/// decimal places, surrounding blanks ignored. No thousands separators, exponents or `_`, so
/// `1,5` is never silently read as fifteen; a leading `-` parses so the answer is `NotPositive`.
pub fn parse_amount(raw: &str) -> Result<Decimal, Rejection> {
    let text = raw.trim();
    let unsigned = text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('+'))
        .unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits_only = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let has_point = unsigned.contains('.');
    let well_formed = digits_only(whole)
        && digits_only(fraction)
        && !(whole.is_empty() && fraction.is_empty())
        && !(has_point && fraction.is_empty());
    if !well_formed {
        return Err(Rejection::NotANumber);
    }
    let amount: Decimal = text.parse().map_err(|_| Rejection::NotANumber)?;
    if amount <= Decimal::ZERO {
        return Err(Rejection::NotPositive);
    }
    if decimal_places(amount) > MAX_DECIMAL_PLACES {
        return Err(Rejection::TooManyDecimals {
            max: MAX_DECIMAL_PLACES,
        });
    }
    Ok(amount)
}

/// Significant decimal places (`1.2300` has two).
pub(crate) fn decimal_places(amount: Decimal) -> u32 {
    amount.normalize().scale()
}

/// `percent` % of `base`, or `None` if it overflows (only possible with unvalidated rules).
pub(crate) fn percent_of(base: Decimal, percent: Decimal) -> Option<Decimal> {
    base.checked_mul(percent)?.checked_div(Decimal::ONE_HUNDRED)
}

/// Rounds down to four decimal places: the largest storable amount at or below `value`.
pub(crate) fn floor_to_cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(MAX_DECIMAL_PLACES, RoundingStrategy::ToNegativeInfinity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn plain_decimals_with_up_to_four_places_parse() {
        assert_eq!(parse_amount(" 1234.5 "), Ok(dec("1234.5")));
        assert_eq!(parse_amount("0.0001"), Ok(dec("0.0001")));
        assert_eq!(parse_amount("7"), Ok(dec("7")));
        assert_eq!(parse_amount(".5"), Ok(dec("0.5")));
        assert_eq!(parse_amount("12.30000"), Ok(dec("12.3")));
    }

    #[test]
    fn separators_exponents_and_words_are_not_numbers() {
        for raw in [
            "", " ", "abc", "1,5", "1 000", "1_000", "1e3", "12.", ".", "-", "1.2.3", "NaN", "٣",
        ] {
            assert_eq!(parse_amount(raw), Err(Rejection::NotANumber), "{raw:?}");
        }
    }

    #[test]
    fn zero_and_negative_amounts_are_not_positive() {
        assert_eq!(parse_amount("0"), Err(Rejection::NotPositive));
        assert_eq!(parse_amount("0.0000"), Err(Rejection::NotPositive));
        assert_eq!(parse_amount("-3.5"), Err(Rejection::NotPositive));
    }

    #[test]
    fn a_fifth_decimal_place_is_refused() {
        assert_eq!(
            parse_amount("1.00001"),
            Err(Rejection::TooManyDecimals { max: 4 })
        );
    }

    #[test]
    fn the_largest_amount_is_what_numeric_19_4_holds() {
        assert_eq!(MAX_AMOUNT, dec("999999999999999.9999"));
    }

    #[test]
    fn bounds_round_down_to_four_places() {
        assert_eq!(floor_to_cents(dec("95.123456")), dec("95.1234"));
        assert_eq!(percent_of(dec("80"), dec("2.5")), Some(dec("2")));
    }
}
