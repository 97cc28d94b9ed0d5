//! Checking a tender as the buyer entered it; every issue is reported at its field (dotted paths
//! such as `lots.0.rules.ceiling`), all at once.

use crate::rules::auction::validate;
use crate::server::db::tender::{NewLot, NewTender};
use crate::server::eligibility::band_str;
use crate::types::money::{Currency, Money, SignRule};
use crate::types::tender::{LotInput, TenderInput, MAX_INVITED, MAX_LOTS};
use crate::types::{FieldErrors, FieldIssue};
use crate::AppError;

fn text(
    errors: &mut FieldErrors,
    field: &str,
    raw: &str,
    min: usize,
    max: usize,
) -> Option<String> {
    let trimmed = raw.trim();
    let length = trimmed.chars().count();
    let issue = if length == 0 && min > 0 {
        FieldIssue::Required
    } else if length < min {
        FieldIssue::TooShort { min }
    } else if length > max {
        FieldIssue::TooLong { max }
    } else {
        return Some(trimmed.to_owned());
    };
    errors.add(field, issue);
    None
}

fn lot(errors: &mut FieldErrors, index: usize, input: &LotInput) -> Option<NewLot> {
    let at = |field: &str| format!("lots.{index}.{field}");
    let title = text(errors, &at("title"), &input.title, 1, 200);
    let specification = text(errors, &at("specification"), &input.specification, 0, 5000);
    let quantity = errors.check(
        &at("quantity"),
        Money::parse_amount(&input.quantity, SignRule::Positive).map_err(FieldIssue::from),
    );
    let unit = text(errors, &at("unit"), &input.unit, 1, 20);
    let issues = validate(&input.rules);
    for issue in issues.iter().cloned() {
        let field = at(&format!("rules.{}", issue.field()));
        errors.add(&field, FieldIssue::AuctionRule { issue });
    }
    if input.rules.closes_at <= crate::server::auction::now() {
        errors.add(&at("rules.closes_at"), FieldIssue::InThePast);
    }
    Some(NewLot {
        title: title?,
        specification: specification?,
        quantity: quantity?,
        unit: unit?,
        rules: issues.is_empty().then(|| input.rules.clone())?,
    })
}

/// The tender ready to store, or every field issue.
pub fn validate_tender(input: &TenderInput) -> Result<NewTender, AppError> {
    let mut errors = FieldErrors::default();
    let title = text(&mut errors, "title", &input.title, 3, 200);
    let description = text(&mut errors, "description", &input.description, 0, 5000);
    let currency = errors.check("currency", Currency::parse(&input.currency));
    let bid_bond = if input.bid_bond.trim().is_empty() {
        Some(None)
    } else {
        errors
            .check(
                "bid_bond",
                Money::parse_amount(&input.bid_bond, SignRule::Positive).map_err(FieldIssue::from),
            )
            .map(Some)
    };
    let mut invited = input.invited_suppliers.clone();
    invited.sort();
    invited.dedup();
    if invited.is_empty() {
        errors.add("invited_suppliers", FieldIssue::Required);
    } else if invited.len() > MAX_INVITED {
        errors.add(
            "invited_suppliers",
            FieldIssue::TooManyItems { max: MAX_INVITED },
        );
    }
    if input.lots.is_empty() {
        errors.add("lots", FieldIssue::Required);
    } else if input.lots.len() > MAX_LOTS {
        errors.add("lots", FieldIssue::TooManyItems { max: MAX_LOTS });
    }
    let lots: Vec<Option<NewLot>> = input
        .lots
        .iter()
        .take(MAX_LOTS)
        .enumerate()
        .map(|(index, input)| lot(&mut errors, index, input))
        .collect();
    if !errors.is_empty() {
        return Err(AppError::Validation { fields: errors });
    }
    let internal =
        || crate::server::error::internal("validated field missing", "checking a tender");
    Ok(NewTender {
        title: title.ok_or_else(internal)?,
        description: description.ok_or_else(internal)?,
        currency: currency.ok_or_else(internal)?.code().to_owned(),
        minimum_band: input.minimum_band.map(|band| band_str(band).to_owned()),
        bid_bond: bid_bond.ok_or_else(internal)?,
        invited,
        lots: lots
            .into_iter()
            .collect::<Option<_>>()
            .ok_or_else(internal)?,
    })
}
