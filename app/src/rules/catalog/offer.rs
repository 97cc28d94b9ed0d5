//! A supplier's offer as typed (form or CSV row) checked into the content a revision stores.
//!
//! The same function gives the browser form its instant field errors, the server its final check
//! and the CSV import its row report, so the three can never disagree. Every issue is reported at
//! once, keyed by the field names of `OfferInput` (`tiers[2].unit_price` is the third tier row as
//! the supplier entered it, blank rows included).

use crate::rules::pricing::tiers::{to_field_errors, validate_tiers};
use crate::rules::pricing::{Incoterm, PriceTier};
use crate::types::catalog::{OfferContent, OfferInput, Region, TierInput};
use crate::types::money::{Currency, Money, SignRule};
use crate::types::validation::bounded_text;
use crate::types::{FieldErrors, FieldIssue};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use time::Date;

/// Longest lead time an offer may quote: two years.
pub const MAX_LEAD_TIME_DAYS: u32 = 730;
/// Longest payment term: a year.
pub const MAX_PAYMENT_DAYS: u32 = 365;
/// Longest supplier reference (the column's check constraint).
pub const MAX_REFERENCE_CHARS: usize = 60;
/// Longest description.
pub const MAX_DESCRIPTION_CHARS: usize = 2000;

/// Checks an offer, reporting every bad field; `today` bounds the end of the validity window.
pub fn parse_offer(input: &OfferInput, today: Date) -> Result<OfferContent, FieldErrors> {
    let mut errors = FieldErrors::default();
    let product_sku = errors.check("product_sku", parse_sku(&input.product_sku));
    let reference = errors.check(
        "reference",
        bounded_text(&input.reference, 1, MAX_REFERENCE_CHARS),
    );
    let moq = errors.check("moq", amount(&input.moq, SignRule::Positive));
    let tiers = parse_tiers(&input.tiers, moq, &mut errors);
    let lead_time_days = errors.check(
        "lead_time_days",
        whole_number(&input.lead_time_days, MAX_LEAD_TIME_DAYS),
    );
    let incoterm = errors.check("incoterm", Incoterm::parse(&input.incoterm));
    let origin_region = errors.check("origin_country", Region::of_country(&input.origin_country));
    let currency = errors.check("currency", Currency::parse(&input.currency));
    let stock = errors.check("stock", optional_amount(&input.stock));
    let valid_from = errors.check("valid_from", parse_date(&input.valid_from));
    let valid_until = errors.check("valid_until", parse_date(&input.valid_until));
    if let (Some(from), Some(until)) = (valid_from, valid_until) {
        if until < from {
            errors.add("valid_until", FieldIssue::EndBeforeStart);
        } else if until < today {
            errors.add("valid_until", FieldIssue::InThePast);
        }
    } else if valid_until.is_some_and(|until| until < today) {
        errors.add("valid_until", FieldIssue::InThePast);
    }
    // A price for a sample nobody can order means nothing: it is dropped, not refused, so a
    // supplier unticking "samples" in the form keeps a valid offer.
    let sample_price = if input.sample_available {
        errors.check("sample_price", optional_amount(&input.sample_price))
    } else {
        Some(None)
    };
    let payment_days = errors.check(
        "payment_days",
        whole_number(&input.payment_days, MAX_PAYMENT_DAYS),
    );
    let description = errors.check(
        "description",
        bounded_text(&input.description, 0, MAX_DESCRIPTION_CHARS),
    );
    let (
        Some(product_sku),
        Some(reference),
        Some(tiers),
        Some(moq),
        Some(lead_time_days),
        Some(incoterm),
        Some(origin_region),
        Some(currency),
        Some(stock),
        Some(valid_from),
        Some(valid_until),
        Some(sample_price),
        Some(payment_days),
        Some(description),
    ) = (
        product_sku,
        reference,
        tiers,
        moq,
        lead_time_days,
        incoterm,
        origin_region,
        currency,
        stock,
        valid_from,
        valid_until,
        sample_price,
        payment_days,
        description,
    )
    else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors); // the validity window's order or end
    }
    Ok(OfferContent {
        product_sku,
        reference,
        tiers,
        moq,
        lead_time_days,
        incoterm,
        origin_country: input.origin_country.trim().to_ascii_uppercase(),
        origin_region,
        currency,
        stock,
        valid_from,
        valid_until,
        sample_available: input.sample_available,
        sample_price,
        payment_days,
        description,
    })
}

/// The form text of a checked offer (to edit it, or to export it): parsing it gives it back.
pub fn to_input(content: &OfferContent) -> OfferInput {
    let text = |value: Option<Decimal>| value.map(|v| v.to_string()).unwrap_or_default();
    OfferInput {
        product_sku: content.product_sku.clone(),
        reference: content.reference.clone(),
        tiers: content
            .tiers
            .iter()
            .map(|tier| TierInput {
                min_quantity: tier.min_quantity.to_string(),
                unit_price: tier.unit_price.to_string(),
            })
            .collect(),
        moq: content.moq.to_string(),
        lead_time_days: content.lead_time_days.to_string(),
        incoterm: content.incoterm.as_str().to_owned(),
        origin_country: content.origin_country.clone(),
        currency: content.currency.code().to_owned(),
        stock: text(content.stock),
        valid_from: format_date(content.valid_from),
        valid_until: format_date(content.valid_until),
        sample_available: content.sample_available,
        sample_price: text(content.sample_price),
        payment_days: content.payment_days.to_string(),
        description: content.description.clone(),
    }
}

/// `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A product code as the catalog stores it: upper case, letters, digits and dashes, 3–60 long.
pub fn parse_sku(raw: &str) -> Result<String, FieldIssue> {
    let sku = raw.trim().to_ascii_uppercase();
    if sku.is_empty() {
        return Err(FieldIssue::Required);
    }
    let mut chars = sku.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let rest_ok = chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    if first_ok && rest_ok && (3..=60).contains(&sku.len()) {
        Ok(sku)
    } else {
        Err(FieldIssue::InvalidFormat)
    }
}

/// A strict `YYYY-MM-DD` date.
pub fn parse_date(raw: &str) -> Result<Date, FieldIssue> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(FieldIssue::Required);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text, format).map_err(|_| FieldIssue::InvalidFormat)
}

/// The tiers, skipping rows left entirely blank; issues name the row as entered.
fn parse_tiers(
    rows: &[TierInput],
    moq: Option<Decimal>,
    errors: &mut FieldErrors,
) -> Option<Vec<PriceTier>> {
    let mut tiers = Vec::new();
    // Position in `rows` of each parsed tier, to name the right row in errors.
    let mut positions = Vec::new();
    let mut complete = true;
    for (index, row) in rows.iter().enumerate() {
        if row.min_quantity.trim().is_empty() && row.unit_price.trim().is_empty() {
            continue;
        }
        let min_quantity = errors.check(
            &format!("tiers[{index}].min_quantity"),
            amount(&row.min_quantity, SignRule::Positive),
        );
        let unit_price = errors.check(
            &format!("tiers[{index}].unit_price"),
            amount(&row.unit_price, SignRule::Positive),
        );
        match (min_quantity, unit_price) {
            (Some(min_quantity), Some(unit_price)) => {
                tiers.push(PriceTier {
                    min_quantity,
                    unit_price,
                });
                positions.push(index);
            }
            _ => complete = false,
        }
    }
    if !complete {
        return None;
    }
    // Without a valid MOQ (already reported) the table is still checked, against a MOQ no first
    // break can exceed.
    let checked_moq = moq.unwrap_or(Decimal::MAX);
    let Err(issues) = validate_tiers(&tiers, checked_moq) else {
        return Some(tiers);
    };
    for (field, field_issues) in to_field_errors(&issues).0 {
        if field == "moq" {
            continue; // the MOQ's own parse reported it
        }
        let field = renumber(&field, &positions);
        for issue in field_issues {
            errors.add(&field, issue);
        }
    }
    None
}

/// `tiers[i].x` of the parsed list back to the index of the row the supplier entered.
fn renumber(field: &str, positions: &[usize]) -> String {
    let Some(rest) = field.strip_prefix("tiers[") else {
        return field.to_owned();
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return field.to_owned();
    };
    match index.parse::<usize>().ok().and_then(|i| positions.get(i)) {
        Some(position) => format!("tiers[{position}]{tail}"),
        None => field.to_owned(),
    }
}

fn amount(raw: &str, sign: SignRule) -> Result<Decimal, FieldIssue> {
    Money::parse_amount(raw, sign).map_err(FieldIssue::from)
}

/// Empty means "not given"; otherwise a number of at least zero.
fn optional_amount(raw: &str) -> Result<Option<Decimal>, FieldIssue> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        amount(raw, SignRule::NonNegative).map(Some)
    }
}

/// A whole number from 0 to `max`.
fn whole_number(raw: &str, max: u32) -> Result<u32, FieldIssue> {
    let value = amount(raw, SignRule::Any)?;
    if !value.fract().is_zero() {
        return Err(FieldIssue::NotANumber);
    }
    let out_of_range = FieldIssue::OutOfRange { min: 0, max };
    if value.is_sign_negative() || value > Decimal::from(max) {
        return Err(out_of_range);
    }
    value.to_u32().ok_or(out_of_range)
}

#[cfg(test)]
pub(crate) mod tests;
