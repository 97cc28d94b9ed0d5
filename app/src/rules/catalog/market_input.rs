//! The staff market tables as typed in their forms: exchange rates, freight and duty entries,
//! parsed into checked values with one issue per bad field (the same names as the forms).

use crate::rules::pricing::fx::{validate_rate, FxRateIssue, MAX_RATE_DECIMALS};
use crate::rules::pricing::{FreightBasis, FreightCharge, FxRate, Incoterm};
use crate::types::catalog::compare::FreightEntry;
use crate::types::catalog::Region;
use crate::types::money::{Currency, Money, SignRule};
use crate::types::{FieldErrors, FieldIssue};
use rust_decimal::Decimal;
use time::Date;

/// Most integer digits of a rate (`numeric(20,10)` leaves ten).
const MAX_RATE_INTEGER_DIGITS: u32 = 10;

/// Highest duty in percent the table stores.
pub const MAX_DUTY_PERCENT: u32 = 1000;

/// Incoterms whose price leaves the main carriage to the buyer: the only ones freight is kept for.
pub const FREIGHT_INCOTERMS: [Incoterm; 3] = [Incoterm::Exw, Incoterm::Fca, Incoterm::Fob];

/// A `YYYY-MM-DD` date.
pub fn parse_date(raw: &str) -> Result<Date, FieldIssue> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(FieldIssue::Required);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text, &format).map_err(|_| FieldIssue::InvalidFormat)
}

/// A rate as typed: plain digits with an optional point, up to ten decimals.
pub fn parse_rate(raw: &str) -> Result<Decimal, FieldIssue> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(FieldIssue::Required);
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    let plain = digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|b| *b == b'.').count() <= 1
        && digits.bytes().any(|b| b.is_ascii_digit());
    if !plain {
        return Err(FieldIssue::NotANumber);
    }
    let integer = digits
        .split('.')
        .next()
        .unwrap_or("")
        .trim_start_matches('0');
    if integer.len() > MAX_RATE_INTEGER_DIGITS as usize {
        let max_integer_digits = MAX_RATE_INTEGER_DIGITS;
        return Err(FieldIssue::TooLarge { max_integer_digits });
    }
    let fraction = digits.split_once('.').map_or("", |(_, f)| f);
    if fraction.trim_end_matches('0').len() > MAX_RATE_DECIMALS as usize {
        let max = MAX_RATE_DECIMALS;
        return Err(FieldIssue::TooManyDecimals { max });
    }
    text.parse::<Decimal>()
        .map(|rate| rate.normalize())
        .map_err(|_| FieldIssue::NotANumber)
}

/// An exchange rate from its form: `base`, `quote`, `rate`, `valid_from`.
pub fn parse_fx_rate(
    base: &str,
    quote: &str,
    rate: &str,
    valid_from: &str,
) -> Result<FxRate, FieldErrors> {
    let mut errors = FieldErrors::default();
    let base = errors.check("base", Currency::parse(base));
    let quote = errors.check("quote", Currency::parse(quote));
    let rate = errors.check("rate", parse_rate(rate));
    let valid_from = errors.check("valid_from", parse_date(valid_from));
    let (Some(base), Some(quote), Some(rate), Some(valid_from)) = (base, quote, rate, valid_from)
    else {
        return Err(errors);
    };
    let parsed = FxRate {
        base,
        quote,
        rate,
        valid_from,
    };
    validate_rate(&parsed).map_err(|(field, issue)| {
        let issue = match issue {
            FxRateIssue::SameCurrency => FieldIssue::InvalidChoice,
            FxRateIssue::NotPositive => FieldIssue::NotPositive,
            FxRateIssue::TooManyDecimals { max } => FieldIssue::TooManyDecimals { max },
        };
        let mut errors = FieldErrors::default();
        errors.add(field, issue);
        errors
    })?;
    Ok(parsed)
}

/// The freight form's fields, as typed.
#[derive(Debug, Clone, Copy)]
pub struct FreightForm<'a> {
    pub incoterm: &'a str,
    pub origin_region: &'a str,
    pub destination_region: &'a str,
    pub basis: &'a str,
    pub amount: &'a str,
    pub currency: &'a str,
}

/// Which lane a freight row prices: incoterm (EXW, FCA or FOB), origin and destination region.
pub fn parse_lane(
    errors: &mut FieldErrors,
    incoterm: &str,
    origin_region: &str,
    destination_region: &str,
) -> Option<(Incoterm, Region, Region)> {
    let incoterm = Incoterm::parse(incoterm).and_then(|term| {
        if FREIGHT_INCOTERMS.contains(&term) {
            Ok(term)
        } else {
            Err(FieldIssue::InvalidChoice)
        }
    });
    let incoterm = errors.check("incoterm", incoterm);
    let origin = errors.check("origin_region", Region::parse(origin_region));
    let destination = errors.check("destination_region", Region::parse(destination_region));
    Some((incoterm?, origin?, destination?))
}

/// A freight-table row from its form.
pub fn parse_freight(form: FreightForm<'_>) -> Result<FreightEntry, FieldErrors> {
    let mut errors = FieldErrors::default();
    let lane = parse_lane(
        &mut errors,
        form.incoterm,
        form.origin_region,
        form.destination_region,
    );
    let basis = match form.basis.trim() {
        "per_unit" => Ok(FreightBasis::PerUnit),
        "per_shipment" => Ok(FreightBasis::PerShipment),
        "" => Err(FieldIssue::Required),
        _ => Err(FieldIssue::InvalidChoice),
    };
    let basis = errors.check("basis", basis);
    let amount = Money::parse_amount(form.amount, SignRule::NonNegative).map_err(FieldIssue::from);
    let amount = errors.check("amount", amount);
    let currency = errors.check("currency", Currency::parse(form.currency));
    match (lane, basis, amount, currency) {
        (
            Some((incoterm, origin_region, destination_region)),
            Some(basis),
            Some(amount),
            Some(currency),
        ) => Ok(FreightEntry {
            incoterm,
            origin_region,
            destination_region,
            charge: FreightCharge {
                basis,
                amount: Money::new(amount, currency),
            },
        }),
        _ => Err(errors),
    }
}

/// A duty in percent of the customs value: 0 to [`MAX_DUTY_PERCENT`], up to four decimals.
pub fn parse_duty_percent(raw: &str) -> Result<Decimal, FieldIssue> {
    let percent = Money::parse_amount(raw, SignRule::NonNegative).map_err(FieldIssue::from)?;
    if percent > Decimal::from(MAX_DUTY_PERCENT) {
        return Err(FieldIssue::OutOfRange {
            min: 0,
            max: MAX_DUTY_PERCENT,
        });
    }
    Ok(percent)
}

#[cfg(test)]
mod tests;
