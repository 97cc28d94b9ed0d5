//! Catalog data written straight into a test's database: categories, approved products, listed
//! offers (offer, approved revision and listing, as an approval writes them) and the staff's FX,
//! freight and duty tables. For tests that need listings without going through the offer and
//! moderation API. Dates are relative to the database's `current_date`, so tests never age.

use crate::helpers::TestApp;
use app::rules::pricing::{Incoterm, PriceTier};
use app::types::catalog::{OfferContent, Region};
use app::types::money::Currency;
use rust_decimal::Decimal;
use uuid::Uuid;

fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

fn tag() -> String {
    Uuid::new_v4().simple().to_string()[..10].to_owned()
}

/// A new top-level category; returns its id.
pub async fn category(app: &TestApp) -> Uuid {
    let category_id = Uuid::new_v4();
    sqlx::query(
        "insert into category (category_id, code, name_en, name_zh) values ($1, $2, 'Steel', '钢材')",
    )
    .bind(category_id)
    .bind(format!("cat-{}", tag()))
    .execute(&app.pool)
    .await
    .expect("insert a category");
    category_id
}

/// A new approved product of `category_id`, priced per tonne; returns its id.
pub async fn product(app: &TestApp, category_id: Uuid) -> Uuid {
    let product_id = Uuid::new_v4();
    sqlx::query(
        "insert into product (product_id, category_id, sku, name_en, name_zh, unit, status, search_doc)
         values ($1, $2, $3, 'Rebar HRB400 12 mm', '钢筋 HRB400 12毫米', 't', 'approved',
                 to_tsvector('simple', 'rebar'))",
    )
    .bind(product_id)
    .bind(category_id)
    .bind(format!("SKU-{}", tag().to_uppercase()))
    .execute(&app.pool)
    .await
    .expect("insert a product");
    product_id
}

/// What a listed offer says; [`Offer::default`] is a CNY 700/t FOB offer from China with an MOQ
/// of 1 t, samples available and payment on delivery.
#[derive(Debug, Clone)]
pub struct Offer {
    /// Break quantity and unit price.
    pub tiers: Vec<(&'static str, &'static str)>,
    pub moq: &'static str,
    pub incoterm: Incoterm,
    pub origin_country: &'static str,
    pub currency: Currency,
    pub lead_time_days: u32,
    pub stock: Option<&'static str>,
    pub sample_available: bool,
    pub sample_price: Option<&'static str>,
    pub payment_days: u32,
}

impl Default for Offer {
    fn default() -> Self {
        Offer {
            tiers: vec![("1", "700")],
            moq: "1",
            incoterm: Incoterm::Fob,
            origin_country: "CN",
            currency: Currency::CNY,
            lead_time_days: 20,
            stock: None,
            sample_available: true,
            sample_price: None,
            payment_days: 0,
        }
    }
}

/// Lists an offer of `supplier_org` for `product_id` as if staff had just approved it (valid from
/// yesterday for a year); returns the offer id.
pub async fn listing(app: &TestApp, supplier_org: Uuid, product_id: Uuid, offer: &Offer) -> Uuid {
    let offer_id = Uuid::new_v4();
    let revision_id = Uuid::new_v4();
    let reference = format!("REF-{}", tag());
    let tiers: Vec<PriceTier> = offer
        .tiers
        .iter()
        .map(|(min_quantity, unit_price)| PriceTier {
            min_quantity: dec(min_quantity),
            unit_price: dec(unit_price),
        })
        .collect();
    let today = time::OffsetDateTime::now_utc().date();
    let origin_region = Region::of_country(offer.origin_country).expect("a known country");
    let content = OfferContent {
        product_sku: String::new(),
        reference: reference.clone(),
        tiers: tiers.clone(),
        moq: dec(offer.moq),
        lead_time_days: offer.lead_time_days,
        incoterm: offer.incoterm,
        origin_country: offer.origin_country.into(),
        origin_region,
        currency: offer.currency,
        stock: offer.stock.map(dec),
        valid_from: today.previous_day().expect("a date"),
        valid_until: today + time::Duration::days(365),
        sample_available: offer.sample_available,
        sample_price: offer.sample_price.map(dec),
        payment_days: offer.payment_days,
        description: String::new(),
    };
    let content = serde_json::to_string(&content).expect("offer content as JSON");
    let tiers = serde_json::to_string(&tiers).expect("tiers as JSON");
    let mut tx = app.pool.begin().await.expect("a transaction");
    sqlx::query(
        "insert into offer (offer_id, product_id, supplier_id, reference) values ($1, $2, $3, $4)",
    )
    .bind(offer_id)
    .bind(product_id)
    .bind(supplier_org)
    .bind(&reference)
    .execute(&mut *tx)
    .await
    .expect("insert an offer");
    sqlx::query(
        "insert into offer_revision (revision_id, offer_id, content, status, submitted_by, reviewed_at)
         select $1, $2, $3::jsonb, 'approved', account_id, now() from account
         where organisation_id = $4 order by created_at limit 1",
    )
    .bind(revision_id)
    .bind(offer_id)
    .bind(&content)
    .bind(supplier_org)
    .execute(&mut *tx)
    .await
    .expect("insert an approved revision");
    sqlx::query(
        "insert into listing (offer_id, revision_id, product_id, category_id, supplier_id, tiers,
             moq, lead_time_days, incoterm, origin_country, origin_region, currency, from_price,
             stock, valid_from, valid_until, sample_available, sample_price, payment_days, approved_at)
         select $1, $2, product_id, category_id, $3, $4::jsonb, $5, $6, $7, $8, $9, $10,
                ($4::jsonb -> 0 ->> 'unit_price')::numeric, $11, current_date - 1,
                current_date + 365, $12, $13, $14, now()
         from product where product_id = $15",
    )
    .bind(offer_id)
    .bind(revision_id)
    .bind(supplier_org)
    .bind(&tiers)
    .bind(dec(offer.moq))
    .bind(offer.lead_time_days as i32)
    .bind(offer.incoterm.as_str())
    .bind(offer.origin_country)
    .bind(origin_region.as_str())
    .bind(offer.currency.code())
    .bind(offer.stock.map(dec))
    .bind(offer.sample_available)
    .bind(offer.sample_price.map(dec))
    .bind(offer.payment_days as i32)
    .bind(product_id)
    .execute(&mut *tx)
    .await
    .expect("insert a listing");
    tx.commit().await.expect("commit the listing");
    offer_id
}

/// 1 `base` = `rate` `quote` from `days_ago` days before today.
pub async fn fx_rate(app: &TestApp, base: &str, quote: &str, rate: &str, days_ago: i32) {
    sqlx::query(
        "insert into fx_rate (base, quote, rate, valid_from) values ($1, $2, $3, current_date - $4)",
    )
    .bind(base)
    .bind(quote)
    .bind(dec(rate))
    .bind(days_ago)
    .execute(&app.pool)
    .await
    .expect("insert an FX rate");
}

/// A freight-table entry (`basis`: `per_unit` or `per_shipment`), replacing any for the route.
pub async fn freight(
    app: &TestApp,
    incoterm: Incoterm,
    route: (Region, Region),
    basis: &str,
    amount: &str,
    currency: &str,
) {
    sqlx::query(
        "insert into freight_rate (incoterm, origin_region, destination_region, basis, amount, currency)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (incoterm, origin_region, destination_region)
         do update set basis = excluded.basis, amount = excluded.amount, currency = excluded.currency",
    )
    .bind(incoterm.as_str())
    .bind(route.0.as_str())
    .bind(route.1.as_str())
    .bind(basis)
    .bind(dec(amount))
    .bind(currency)
    .execute(&app.pool)
    .await
    .expect("insert a freight rate");
}

/// Import duty of `percent` for `category_id` entering `destination`.
pub async fn duty(app: &TestApp, category_id: Uuid, destination: Region, percent: &str) {
    sqlx::query(
        "insert into duty_rate (category_id, destination_region, percent) values ($1, $2, $3)",
    )
    .bind(category_id)
    .bind(destination.as_str())
    .bind(dec(percent))
    .execute(&app.pool)
    .await
    .expect("insert a duty rate");
}

/// A product with one listing of `supplier_org` on the default [`Offer`]: (category, product,
/// offer).
pub async fn listed_product(app: &TestApp, supplier_org: Uuid) -> (Uuid, Uuid, Uuid) {
    let category_id = category(app).await;
    let product_id = product(app, category_id).await;
    let offer_id = listing(app, supplier_org, product_id, &Offer::default()).await;
    (category_id, product_id, offer_id)
}
