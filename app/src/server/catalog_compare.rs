//! The comparison matrix on the server: the buyer's request checked, and the columns priced from
//! the catalog index with the same rules the browser runs.

use crate::api::search::MAX_COMPARED_PRODUCTS;
use crate::rules::catalog::landed::{price_listing, Basis};
use crate::rules::pricing::FxRate;
use crate::server::catalog_index::Snapshot;
use crate::types::catalog::compare::{ColumnOutcome, CompareRequest, ComparisonData, MarketTables};
use crate::types::money::{Money, SignRule};
use crate::types::{FieldErrors, FieldIssue};
use crate::AppError;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use time::Date;
use uuid::Uuid;

/// The highest yearly cost of money a buyer may enter, in percent.
const MAX_ANNUAL_RATE: u32 = 100;

/// The request's quantity and cost of money, checked, as of `today`.
pub fn parse_request(request: &CompareRequest, today: Date) -> Result<Basis, AppError> {
    let mut errors = FieldErrors::default();
    if request.product_ids.is_empty() {
        errors.add("product_ids", FieldIssue::Required);
    } else if request.product_ids.len() > MAX_COMPARED_PRODUCTS {
        let max = MAX_COMPARED_PRODUCTS;
        errors.add("product_ids", FieldIssue::TooManyItems { max });
    }
    let quantity = errors.check(
        "quantity",
        Money::parse_amount(&request.quantity, SignRule::Positive).map_err(FieldIssue::from),
    );
    let rate = errors.check(
        "annual_rate_percent",
        Money::parse_amount(&request.annual_rate_percent, SignRule::NonNegative)
            .map_err(FieldIssue::from)
            .and_then(|rate| {
                if rate > Decimal::from(MAX_ANNUAL_RATE) {
                    Err(FieldIssue::OutOfRange {
                        min: 0,
                        max: MAX_ANNUAL_RATE,
                    })
                } else {
                    Ok(rate)
                }
            }),
    );
    errors.into_result()?;
    Ok(Basis {
        quantity: quantity.unwrap_or(Decimal::ONE),
        destination: request.destination,
        currency: request.currency,
        on: today,
        annual_rate_percent: rate.unwrap_or_default(),
    })
}

/// The matrix for the approved products among `product_ids` (in the order asked, each once), or
/// `None` when none of them is in the catalog. Offers no longer valid on the day are left out.
pub fn compare(snapshot: &Snapshot, product_ids: &[Uuid], basis: &Basis) -> Option<ComparisonData> {
    let mut seen = HashSet::new();
    let products: Vec<_> = product_ids
        .iter()
        .filter(|id| seen.insert(**id))
        .filter_map(|id| snapshot.products.get(id))
        .collect();
    if products.is_empty() {
        return None;
    }
    let listings: Vec<_> = products
        .iter()
        .flat_map(|p| p.listings.iter())
        .filter(|l| l.valid_until >= basis.on)
        .cloned()
        .collect();
    let categories: HashSet<Uuid> = products.iter().map(|p| p.category_id).collect();
    let tables = MarketTables {
        fx_rates: rates_in_force(&snapshot.tables.fx_rates, basis.on),
        freight: snapshot
            .tables
            .freight
            .iter()
            .filter(|f| f.destination_region == basis.destination)
            .copied()
            .collect(),
        duty: snapshot
            .tables
            .duty
            .iter()
            .filter(|d| {
                d.destination_region == basis.destination && categories.contains(&d.category_id)
            })
            .copied()
            .collect(),
    };
    let columns = listings
        .iter()
        .map(|listing| match price_listing(listing, &tables, basis) {
            Ok((unit_price, landed)) => ColumnOutcome::Priced {
                unit_price,
                landed_unit: landed.unit,
                landed_total: landed.total,
            },
            Err(issue) => ColumnOutcome::Unavailable { issue },
        })
        .collect();
    Some(ComparisonData {
        on: basis.on,
        products: products.iter().map(|p| p.head.clone()).collect(),
        listings,
        tables,
        columns,
    })
}

/// The latest rate of each pair not dated after `on`: all a conversion on `on` can use.
fn rates_in_force(rates: &[FxRate], on: Date) -> Vec<FxRate> {
    let mut latest: HashMap<(_, _), FxRate> = HashMap::new();
    for rate in rates.iter().filter(|r| r.valid_from <= on) {
        latest
            .entry((rate.base, rate.quote))
            .and_modify(|kept| {
                if rate.valid_from > kept.valid_from {
                    *kept = *rate;
                }
            })
            .or_insert(*rate);
    }
    let mut kept: Vec<FxRate> = latest.into_values().collect();
    kept.sort_by_key(|r| (r.base, r.quote));
    kept
}
