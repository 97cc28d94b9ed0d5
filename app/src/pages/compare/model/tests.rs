//! Tests of the matrix model: the ranking follows the weights and the quantity.

use super::*;
use crate::rules::pricing::{FxRate, Incoterm, PriceTier};
use crate::rules::qualification::band::Band;
use crate::types::catalog::compare::{MarketTables, ProductHead};
use crate::types::catalog::Region;
use crate::types::money::Currency;
use time::macros::date;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn listing(n: u128, tiers: &[(&str, &str)], lead: u32, score: &str) -> ListingFacts {
    ListingFacts {
        offer_id: Uuid::from_u128(n),
        product_id: Uuid::from_u128(100),
        category_id: Uuid::from_u128(200),
        supplier_id: Uuid::from_u128(n + 10),
        supplier_name: format!("Supplier {n}"),
        supplier_score: d(score),
        band: Band::Standard,
        certifications: vec![],
        tiers: tiers
            .iter()
            .map(|(q, p)| PriceTier {
                min_quantity: d(q),
                unit_price: d(p),
            })
            .collect(),
        moq: d(tiers[0].0),
        lead_time_days: lead,
        incoterm: Incoterm::Ddp,
        origin_country: "CN".into(),
        origin_region: Region::EastAsia,
        currency: Currency::USD,
        stock: None,
        valid_until: date!(2027 - 01 - 01),
        sample_available: true,
        sample_price: None,
        payment_days: 0,
    }
}

fn data() -> ComparisonData {
    ComparisonData {
        on: date!(2026 - 11 - 25),
        products: vec![ProductHead {
            product_id: Uuid::from_u128(100),
            sku: "AG-1".into(),
            name_en: "Bolt, M12".into(),
            name_zh: "螺栓".into(),
            unit: "pc".into(),
        }],
        listings: vec![
            // Cheap at volume, slow.
            listing(1, &[("10", "10"), ("1000", "6")], 60, "50"),
            // Steady price, fast, good supplier.
            listing(2, &[("10", "8")], 5, "90"),
            // Cannot serve small orders.
            listing(3, &[("500", "7")], 20, "70"),
        ],
        tables: MarketTables {
            fx_rates: vec![FxRate {
                base: Currency::EUR,
                quote: Currency::USD,
                rate: d("1.25"),
                valid_from: date!(2026 - 11 - 01),
            }],
            ..MarketTables::default()
        },
        columns: vec![],
    }
}

fn params(quantity: &str, weights: [u32; 4]) -> CompareParams {
    CompareParams {
        quantity: quantity.into(),
        weights: weights.map(Decimal::from),
        ..CompareParams::default()
    }
}

fn order(params: &CompareParams) -> Vec<u128> {
    let data = data();
    let matrix = build(
        &data,
        params,
        &basis(params, &data).unwrap(),
        &weights(params).unwrap(),
    );
    matrix
        .columns
        .iter()
        .map(|c| c.listing.offer_id.as_u128())
        .collect()
}

#[test]
fn price_only_weights_rank_by_landed_cost_and_the_quantity_changes_the_winner() {
    // At 100 pieces offer 3 cannot serve (MOQ 500) and goes last.
    assert_eq!(order(&params("100", [1, 0, 0, 0])), [2, 1, 3]);
    // At 1,000 pieces offer 1's volume tier wins.
    assert_eq!(order(&params("1000", [1, 0, 0, 0])), [1, 3, 2]);
}

#[test]
fn weighing_lead_time_lifts_the_fast_offer() {
    assert_eq!(order(&params("1000", [1, 0, 0, 0]))[0], 1);
    assert_eq!(order(&params("1000", [1, 3, 0, 0]))[0], 2);
}

#[test]
fn pinned_columns_come_first_and_hidden_ones_are_left_out() {
    let mut p = params("1000", [1, 0, 0, 0]);
    p.pinned = vec![Uuid::from_u128(2)];
    p.hidden = vec![Uuid::from_u128(3)];
    assert_eq!(order(&p), [2, 1]);
}

#[test]
fn every_column_is_priced_in_the_target_currency_and_best_marked() {
    let mut p = params("1000", [1, 0, 0, 0]);
    p.currency = Currency::EUR;
    let data = data();
    let matrix = build(&data, &p, &basis(&p, &data).unwrap(), &weights(&p).unwrap());
    let (_, landed) = matrix.columns[0].priced.as_ref().unwrap();
    assert_eq!(landed.total, Money::new(d("4800.00"), Currency::EUR));
    assert_eq!(matrix.best[&Criterion::LandedCost], [Uuid::from_u128(1)]);
    assert_eq!(matrix.best[&Criterion::LeadTime], [Uuid::from_u128(2)]);
}

#[test]
fn bad_entries_are_reported_not_guessed() {
    let data = data();
    assert!(matches!(
        basis(&params("0", [1, 0, 0, 0]), &data),
        Err(EntryIssue::Quantity(_))
    ));
    assert_eq!(
        weights(&params("1", [0, 0, 0, 0])),
        Err(EntryIssue::Weights)
    );
    assert_eq!(default_quantity(&data), d("500"));
}

#[test]
fn the_csv_has_one_quoted_row_per_offer() {
    let p = params("1000", [1, 0, 0, 0]);
    let data = data();
    let csv = to_csv(&build(
        &data,
        &p,
        &basis(&p, &data).unwrap(),
        &weights(&p).unwrap(),
    ));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[1].starts_with("1,"));
    assert!(lines[1].contains("\"Bolt, M12\""));
    assert!(lines[1].contains(",6000.00,USD,"));
}
