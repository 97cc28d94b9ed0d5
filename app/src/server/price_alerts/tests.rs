//! Tests of choosing the cheapest listing for an alert.

use super::*;
use crate::rules::pricing::{Incoterm, PriceTier};
use crate::rules::qualification::band::Band;
use crate::types::catalog::Region;
use crate::types::money::Currency;
use rust_decimal::Decimal;
use time::macros::date;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn listing(offer: u128, price: &str, moq: &str) -> ListingFacts {
    ListingFacts {
        offer_id: Uuid::from_u128(offer),
        product_id: Uuid::from_u128(100),
        category_id: Uuid::from_u128(200),
        supplier_id: Uuid::from_u128(300 + offer),
        supplier_name: format!("Supplier {offer}"),
        supplier_score: d("50"),
        band: Band::Standard,
        certifications: vec![],
        tiers: vec![PriceTier {
            min_quantity: d("1"),
            unit_price: d(price),
        }],
        moq: d(moq),
        lead_time_days: 10,
        incoterm: Incoterm::Ddp,
        origin_country: "CN".into(),
        origin_region: Region::EastAsia,
        currency: Currency::USD,
        stock: None,
        valid_until: date!(2026 - 12 - 31),
        sample_available: true,
        sample_price: None,
        payment_days: 0,
    }
}

fn alert(quantity: &str) -> OpenAlert {
    OpenAlert {
        alert_id: Uuid::from_u128(1),
        account_id: Uuid::from_u128(2),
        quantity: d(quantity),
        destination: Region::Europe,
        currency: Currency::USD,
        target_unit_cost: d("100"),
    }
}

#[test]
fn the_cheapest_listing_that_can_serve_the_quantity_wins() {
    let listings = [
        listing(1, "120", "1"),
        listing(2, "90", "1000"),
        listing(3, "95", "1"),
    ];
    let on = date!(2026 - 11 - 25);
    let (best, cost) = cheapest(&listings, &MarketTables::default(), &alert("10"), on).unwrap();
    // Offer 2 is cheaper but its MOQ is above the alert's quantity.
    assert_eq!(best.offer_id, Uuid::from_u128(3));
    assert_eq!(cost, Money::new(d("95.0000"), Currency::USD));
}

#[test]
fn ties_go_to_the_first_offer_and_nothing_priced_gives_none() {
    let listings = [listing(1, "95", "1"), listing(2, "95", "1")];
    let on = date!(2026 - 11 - 25);
    let (best, _) = cheapest(&listings, &MarketTables::default(), &alert("10"), on).unwrap();
    assert_eq!(best.offer_id, Uuid::from_u128(1));
    let expired = date!(2027 - 01 - 01);
    assert!(cheapest(&listings, &MarketTables::default(), &alert("10"), expired).is_none());
}
