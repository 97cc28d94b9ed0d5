//! The market loaders the comparison matrix and the price alerts price with:
//! `app::server::market::{listing_facts, market_tables}` on fixture data.

use crate::catalog_fixtures::{self as fixtures, Offer};
use crate::helpers::{spawn_app, TestApp};
use app::rules::pricing::{FreightBasis, Incoterm};
use app::server::db::scorecard::Settings;
use app::server::market::{listing_facts, market_tables};
use app::server::scorecard::{neutral_scorecard, supplier_bands};
use app::types::catalog::Region;
use app::types::money::Currency;
use rust_decimal::Decimal;
use uuid::Uuid;

fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

/// A supplier document of `kind`, reviewed as `review`, expiring `expires` (SQL) or never.
async fn document(app: &TestApp, org: Uuid, kind: &str, review: &str, expires: &str) {
    app.execute(&format!(
        "insert into supplier_document (document_id, organisation_id, kind, number, issuer, expires_on,
             file_name, content_type, size_bytes, sha256, content, review, uploaded_by)
         select gen_random_uuid(), '{org}', '{kind}', 'N-1', 'Issuer', {expires}, 'f.pdf',
                'application/pdf', 4, 'x', '\\x25504446', '{review}', account_id
         from account where organisation_id = '{org}' limit 1"
    ))
    .await;
}

#[tokio::test]
async fn listing_facts_carry_each_suppliers_name_score_band_and_live_certificates() {
    let app = spawn_app().await;
    let (_, hengda) = app.org_admin("supplier").await;
    let (_, baosteel) = app.org_admin("supplier").await;
    let (hengda, baosteel) = (hengda.organisation_id(), baosteel.organisation_id());
    let (category_id, first, _) = fixtures::listed_product(&app, hengda).await;
    let second = fixtures::product(&app, category_id).await;
    let usd = Offer {
        currency: Currency::USD,
        incoterm: Incoterm::Cif,
        origin_country: "VN",
        stock: Some("40"),
        sample_price: Some("15"),
        payment_days: 30,
        ..Offer::default()
    };
    fixtures::listing(&app, baosteel, first, &usd).await;
    fixtures::listing(&app, baosteel, second, &Offer::default()).await;

    document(&app, hengda, "iso9001", "approved", "null").await;
    document(&app, hengda, "ce", "approved", "current_date - 1").await;
    document(&app, hengda, "sgs_test_report", "pending", "null").await;
    document(&app, hengda, "business_licence", "approved", "null").await;
    document(&app, baosteel, "ce", "approved", "current_date").await;
    document(&app, baosteel, "iso9001", "approved", "current_date + 90").await;
    app.execute(&format!(
        "insert into supplier_score (organisation_id, period_start, score, stars, band, lines, computed_at)
         values ('{baosteel}', date_trunc('month', current_date) - interval '1 month', 40, 2, 'warned', '[]', now()),
                ('{baosteel}', date_trunc('month', current_date), 91.5, 4.5, 'preferred', '[]', now())"
    ))
    .await;

    let facts = listing_facts(&app.pool, &[second, first]).await.unwrap();
    assert_eq!(facts.len(), 3);
    let order: Vec<(Uuid, Uuid)> = facts.iter().map(|f| (f.product_id, f.offer_id)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "ordered by product, then offer");

    let neutral = neutral_scorecard(&Settings::default());
    let bands = supplier_bands(&app.pool, &[hengda, baosteel])
        .await
        .unwrap();
    for fact in &facts {
        assert_eq!(
            fact.band, bands[&fact.supplier_id],
            "the band supplier_bands gives"
        );
        if fact.supplier_id == hengda {
            assert_eq!(
                fact.supplier_score, neutral.score,
                "no stored score: neutral"
            );
            assert_eq!(fact.certifications, ["iso9001"]);
            assert!(fact.supplier_name.starts_with("Test supplier"));
        } else {
            assert_eq!(
                fact.supplier_score,
                dec("91.5"),
                "the latest period's score"
            );
            assert_eq!(fact.certifications, ["ce", "iso9001"]);
        }
    }
    let vietnamese = facts
        .iter()
        .find(|f| f.currency == Currency::USD)
        .expect("the USD listing");
    assert_eq!(vietnamese.incoterm, Incoterm::Cif);
    assert_eq!(vietnamese.origin_region, Region::SoutheastAsia);
    assert_eq!(vietnamese.stock, Some(dec("40")));
    assert_eq!(vietnamese.sample_price, Some(dec("15")));
    assert_eq!(vietnamese.payment_days, 30);
    assert_eq!(vietnamese.tiers[0].unit_price, dec("700"));

    assert!(listing_facts(&app.pool, &[]).await.unwrap().is_empty());
    let unlisted = fixtures::product(&app, category_id).await;
    assert!(listing_facts(&app.pool, &[unlisted])
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn market_tables_hold_the_rates_in_force_and_the_duty_of_the_asked_categories() {
    let app = spawn_app().await;
    fixtures::fx_rate(&app, "USD", "CNY", "7", 30).await;
    fixtures::fx_rate(&app, "USD", "CNY", "7.2", 1).await;
    fixtures::fx_rate(&app, "USD", "CNY", "7.5", -1).await;
    fixtures::fx_rate(&app, "EUR", "USD", "1.1", 10).await;
    let europe = (Region::EastAsia, Region::Europe);
    let america = (Region::EastAsia, Region::NorthAmerica);
    fixtures::freight(&app, Incoterm::Fob, europe, "per_unit", "20", "USD").await;
    fixtures::freight(&app, Incoterm::Exw, america, "per_shipment", "900", "USD").await;
    let steel = fixtures::category(&app).await;
    let bolts = fixtures::category(&app).await;
    fixtures::duty(&app, steel, Region::Europe, "5").await;
    fixtures::duty(&app, bolts, Region::Europe, "7.5").await;

    let today = time::OffsetDateTime::now_utc().date();
    let tables = market_tables(&app.pool, today, &[steel]).await.unwrap();
    let rates: Vec<(Currency, Currency, Decimal)> = tables
        .fx_rates
        .iter()
        .map(|r| (r.base, r.quote, r.rate))
        .collect();
    assert_eq!(
        rates,
        [
            (Currency::EUR, Currency::USD, dec("1.1")),
            (Currency::USD, Currency::CNY, dec("7.2")),
        ]
    );
    assert_eq!(tables.freight.len(), 2);
    let per_shipment = tables
        .freight
        .iter()
        .find(|f| f.incoterm == Incoterm::Exw)
        .unwrap();
    assert_eq!(per_shipment.charge.basis, FreightBasis::PerShipment);
    assert_eq!(per_shipment.destination_region, Region::NorthAmerica);
    assert_eq!(tables.duty.len(), 1);
    assert_eq!(tables.duty[0].category_id, steel);
    assert_eq!(tables.duty[0].percent, dec("5"));

    // A month ago only the first rate was in force.
    let earlier = today - time::Duration::days(20);
    let tables = market_tables(&app.pool, earlier, &[]).await.unwrap();
    assert_eq!(tables.fx_rates.len(), 1);
    assert_eq!(tables.fx_rates[0].rate, dec("7"));
    assert!(tables.duty.is_empty());
}
