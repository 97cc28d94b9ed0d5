//! The matrix as the page shows it, computed in the browser from the server's data with the same
//! rules the server uses: each column priced at the quantity, scored with the buyer's weights,
//! ordered (pinned first), and the best value of each scored row marked. Changing the quantity,
//! the cost of money or a weight recomputes this without a round trip.

use super::url::{CompareParams, SortKey};
use crate::rules::catalog::landed::{price_listing, Basis, ColumnIssue};
use crate::rules::pricing::{
    best_in_row, score_offers, Criterion, LandedCost, OfferFacts, OfferScore, Weights,
};
use crate::types::catalog::compare::{ComparisonData, ListingFacts};
use crate::types::money::{Money, SignRule};
use crate::types::FieldIssue;
use rust_decimal::Decimal;
use std::collections::HashMap;
use uuid::Uuid;

/// One offer column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub listing: ListingFacts,
    pub product_name_en: String,
    pub product_name_zh: String,
    pub unit: String,
    pub priced: Result<(Decimal, LandedCost), ColumnIssue>,
    /// `None` when the column cannot be priced (it takes no part in the score).
    pub score: Option<OfferScore>,
    pub pinned: bool,
}

/// The computed matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    /// Visible columns in display order.
    pub columns: Vec<Column>,
    pub hidden: usize,
    /// The offers holding the best value of each scored row.
    pub best: HashMap<Criterion, Vec<Uuid>>,
}

/// Why the buyer's entries cannot be used (shown next to the entry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryIssue {
    Quantity(FieldIssue),
    Rate(FieldIssue),
    Weights,
}

/// The pricing basis from the entries, or what is wrong with them.
pub fn basis(params: &CompareParams, data: &ComparisonData) -> Result<Basis, EntryIssue> {
    let quantity = Money::parse_amount(&params.quantity, SignRule::Positive)
        .map_err(|issue| EntryIssue::Quantity(issue.into()))?;
    let annual_rate_percent = Money::parse_amount(&params.annual_rate, SignRule::NonNegative)
        .map_err(|issue| EntryIssue::Rate(issue.into()))?;
    Ok(Basis {
        quantity,
        destination: params.destination,
        currency: params.currency,
        on: data.on,
        annual_rate_percent,
    })
}

pub fn weights(params: &CompareParams) -> Result<Weights, EntryIssue> {
    let [landed, lead, score, certificates] = params.weights;
    Weights::new(landed, lead, score, certificates).map_err(|_| EntryIssue::Weights)
}

/// The largest MOQ among the offers: a quantity every offer accepts (if its stock allows).
pub fn default_quantity(data: &ComparisonData) -> Decimal {
    data.listings
        .iter()
        .map(|l| l.moq)
        .max()
        .unwrap_or(Decimal::ONE)
        .normalize()
}

/// Prices, scores and orders the columns.
pub fn build(
    data: &ComparisonData,
    params: &CompareParams,
    basis: &Basis,
    weights: &Weights,
) -> Matrix {
    let names: HashMap<Uuid, _> = data.products.iter().map(|p| (p.product_id, p)).collect();
    let mut columns: Vec<Column> = data
        .listings
        .iter()
        .filter(|l| !params.hidden.contains(&l.offer_id))
        .map(|listing| {
            let product = names.get(&listing.product_id);
            Column {
                priced: price_listing(listing, &data.tables, basis),
                product_name_en: product.map(|p| p.name_en.clone()).unwrap_or_default(),
                product_name_zh: product.map(|p| p.name_zh.clone()).unwrap_or_default(),
                unit: product.map(|p| p.unit.clone()).unwrap_or_default(),
                listing: listing.clone(),
                score: None,
                pinned: params.pinned.contains(&listing.offer_id),
            }
        })
        .collect();
    let facts: Vec<OfferFacts> = columns.iter().filter_map(facts_of).collect();
    let scores: HashMap<Uuid, OfferScore> = score_offers(&facts, weights)
        .into_iter()
        .map(|s| (s.offer_id, s))
        .collect();
    for column in &mut columns {
        column.score = scores.get(&column.listing.offer_id).copied();
    }
    columns.sort_by(|a, b| {
        b.pinned
            .cmp(&a.pinned)
            .then_with(|| sort_value(a, params.sort).cmp(&sort_value(b, params.sort)))
            .then_with(|| a.listing.offer_id.cmp(&b.listing.offer_id))
    });
    let best = Criterion::ALL
        .into_iter()
        .map(|criterion| (criterion, best_in_row(&facts, criterion)))
        .collect();
    Matrix {
        hidden: data.listings.len() - columns.len(),
        columns,
        best,
    }
}

fn facts_of(column: &Column) -> Option<OfferFacts> {
    let (_, landed) = column.priced.as_ref().ok()?;
    Some(OfferFacts {
        offer_id: column.listing.offer_id,
        landed_unit_cost: landed.unit.amount,
        lead_time_days: column.listing.lead_time_days,
        supplier_score: column.listing.supplier_score,
        certifications: column.listing.certifications.len() as u32,
    })
}

/// Ascending sort value; columns that cannot be priced go last.
fn sort_value(column: &Column, key: SortKey) -> (bool, Decimal) {
    let unpriced = column.priced.is_err();
    let value = match key {
        SortKey::Score => column
            .score
            .map_or(Decimal::ZERO, |s| Decimal::from(s.rank)),
        SortKey::LandedCost => column
            .priced
            .as_ref()
            .map_or(Decimal::ZERO, |(_, landed)| landed.unit.amount),
        SortKey::LeadTime => Decimal::from(column.listing.lead_time_days),
    };
    (unpriced, value)
}

/// The matrix as CSV, one row per visible offer in display order (RFC 4180 quoting).
pub fn to_csv(matrix: &Matrix) -> String {
    let mut out = String::from(
        "rank,score,supplier,band,product,sku_offer,incoterm,origin,lead_time_days,moq,tier_price,\
         offer_currency,goods,freight,duty,payment_term_cost,landed_unit,landed_total,currency,\
         certifications,sample,issue\r\n",
    );
    for column in &matrix.columns {
        let l = &column.listing;
        let mut cells = vec![
            column.score.map(|s| s.rank.to_string()).unwrap_or_default(),
            column
                .score
                .map(|s| s.score.to_string())
                .unwrap_or_default(),
            l.supplier_name.clone(),
            format!("{:?}", l.band).to_lowercase(),
            column.product_name_en.clone(),
            l.offer_id.to_string(),
            l.incoterm.to_string(),
            l.origin_country.clone(),
            l.lead_time_days.to_string(),
            l.moq.normalize().to_string(),
        ];
        match &column.priced {
            Ok((unit_price, landed)) => {
                cells.push(unit_price.normalize().to_string());
                cells.push(l.currency.to_string());
                cells.extend(
                    landed
                        .components
                        .iter()
                        .map(|c| c.amount.amount.to_string()),
                );
                cells.push(landed.unit.amount.to_string());
                cells.push(landed.total.amount.to_string());
                cells.push(landed.total.currency.to_string());
            }
            Err(_) => cells.extend(std::iter::repeat_n(String::new(), 9)),
        }
        cells.push(l.certifications.join(" "));
        cells.push(match (l.sample_available, l.sample_price) {
            (false, _) => "no".into(),
            (true, None) => "free".into(),
            (true, Some(price)) => format!("{} {}", l.currency, price.normalize()),
        });
        cells.push(match &column.priced {
            Err(issue) => format!("{issue:?}"),
            Ok(_) => String::new(),
        });
        let line: Vec<String> = cells.iter().map(|cell| quote(cell)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests;
