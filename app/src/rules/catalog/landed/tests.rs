//! Tests of pricing one offer column.

use super::*;
use crate::rules::pricing::{FreightBasis, FreightCharge, FxRate, Incoterm, PriceTier};
use crate::rules::qualification::band::Band;
use crate::types::catalog::compare::{DutyEntry, FreightEntry};
use time::macros::date;
use uuid::Uuid;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn listing(incoterm: Incoterm) -> ListingFacts {
    ListingFacts {
        offer_id: Uuid::from_u128(1),
        product_id: Uuid::from_u128(2),
        category_id: Uuid::from_u128(3),
        supplier_id: Uuid::from_u128(4),
        supplier_name: "Hengda".into(),
        supplier_score: d("80"),
        band: Band::Standard,
        certifications: vec![],
        tiers: vec![
            PriceTier {
                min_quantity: d("10"),
                unit_price: d("600"),
            },
            PriceTier {
                min_quantity: d("100"),
                unit_price: d("560"),
            },
        ],
        moq: d("10"),
        lead_time_days: 20,
        incoterm,
        origin_country: "CN".into(),
        origin_region: Region::EastAsia,
        currency: Currency::USD,
        stock: Some(d("500")),
        valid_until: date!(2026 - 12 - 31),
        sample_available: false,
        sample_price: None,
        payment_days: 30,
    }
}

fn tables() -> MarketTables {
    MarketTables {
        fx_rates: vec![FxRate {
            base: Currency::EUR,
            quote: Currency::USD,
            rate: d("1.25"),
            valid_from: date!(2026 - 11 - 01),
        }],
        freight: vec![FreightEntry {
            incoterm: Incoterm::Fob,
            origin_region: Region::EastAsia,
            destination_region: Region::Europe,
            charge: FreightCharge {
                basis: FreightBasis::PerUnit,
                amount: Money::new(d("50"), Currency::USD),
            },
        }],
        duty: vec![DutyEntry {
            category_id: Uuid::from_u128(3),
            destination_region: Region::Europe,
            percent: d("10"),
        }],
    }
}

fn basis(quantity: &str) -> Basis {
    Basis {
        quantity: d(quantity),
        destination: Region::Europe,
        currency: Currency::EUR,
        on: date!(2026 - 11 - 25),
        annual_rate_percent: d("0"),
    }
}

#[test]
fn the_column_uses_the_tier_freight_route_and_duty_of_the_category() {
    let (unit_price, landed) =
        price_listing(&listing(Incoterm::Fob), &tables(), &basis("100")).unwrap();
    assert_eq!(unit_price, d("560"));
    // Goods 56,000 USD = 44,800 EUR; freight 5,000 USD = 4,000 EUR; duty 10 % of 48,800.
    assert_eq!(landed.total.amount, d("53680.00"));
    assert_eq!(landed.unit.amount, d("536.8"));
}

#[test]
fn a_quantity_the_offer_cannot_serve_says_why() {
    let below = price_listing(&listing(Incoterm::Fob), &tables(), &basis("5"));
    assert_eq!(
        below,
        Err(ColumnIssue::CannotServe {
            reason: CannotServe::BelowMoq { moq: d("10") }
        })
    );
    let above = price_listing(&listing(Incoterm::Fob), &tables(), &basis("501"));
    assert!(matches!(
        above,
        Err(ColumnIssue::CannotServe {
            reason: CannotServe::AboveStock { .. }
        })
    ));
}

#[test]
fn an_expired_offer_or_a_missing_route_is_not_priced() {
    let mut expired = listing(Incoterm::Fob);
    expired.valid_until = date!(2026 - 11 - 24);
    assert_eq!(
        price_listing(&expired, &tables(), &basis("100")),
        Err(ColumnIssue::Expired)
    );
    let no_route = price_listing(&listing(Incoterm::Exw), &tables(), &basis("100"));
    assert!(matches!(no_route, Err(ColumnIssue::NotPriced { .. })));
    // A delivered price needs no freight route.
    assert!(price_listing(&listing(Incoterm::Dap), &tables(), &basis("100")).is_ok());
}
