//! The market data an offer is priced with, loaded for `rules::catalog::landed::price_listing`:
//! the facts of every listing of some products ([`listing_facts`]) and the staff's tables in
//! force on a date ([`market_tables`]). The comparison matrix and the price alerts use these.

use crate::server::{db, scorecard};
use crate::types::catalog::compare::{ListingFacts, MarketTables};
use sqlx::PgPool;
use time::Date;
use uuid::Uuid;

/// Every listing of `product_ids` (only approved offers have one), ordered by product then
/// offer id, with its supplier's name, score and band, and certifications.
///
/// Two queries whatever the number of listings: the listings with their suppliers' latest
/// scores and certificates, and the scorecard settings. Bands follow
/// [`scorecard::supplier_bands`]: staff's current thresholds applied to the latest stored score,
/// and the all-neutral scorecard for a supplier without one (its score is the neutral score too).
/// Calling `supplier_bands` itself would read the scores a second time.
pub async fn listing_facts(
    db: &PgPool,
    product_ids: &[Uuid],
) -> Result<Vec<ListingFacts>, sqlx::Error> {
    if product_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = db::market::listings_of_products(db, product_ids).await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let settings = db::scorecard::current_settings(db).await?;
    let neutral = scorecard::neutral_scorecard(&settings);
    Ok(rows
        .into_iter()
        .map(|row| {
            let (supplier_score, band) = match row.score {
                Some(score) => (score, settings.thresholds.band(score)),
                None => (neutral.score, neutral.band),
            };
            ListingFacts {
                offer_id: row.offer_id,
                product_id: row.product_id,
                category_id: row.category_id,
                supplier_id: row.supplier_id,
                supplier_name: row.supplier_name,
                supplier_score,
                band,
                certifications: row.certifications,
                tiers: row.tiers,
                moq: row.moq,
                lead_time_days: row.lead_time_days,
                incoterm: row.incoterm,
                origin_country: row.origin_country,
                origin_region: row.origin_region,
                currency: row.currency,
                stock: row.stock,
                valid_until: row.valid_until,
                sample_available: row.sample_available,
                sample_price: row.sample_price,
                payment_days: row.payment_days,
            }
        })
        .collect())
}

/// The staff tables in force on `on`: the latest FX rate of each pair dated on or before `on`
/// (a rate entered for a later day never prices today), the whole freight table, and the duty
/// rows of `categories`.
pub async fn market_tables(
    db: &PgPool,
    on: Date,
    categories: &[Uuid],
) -> Result<MarketTables, sqlx::Error> {
    let fx_rates = db::market::fx_rates_on(db, on).await?;
    let freight = db::market::freight_table(db).await?;
    let duty = if categories.is_empty() {
        Vec::new()
    } else {
        db::market::duty_of_categories(db, categories).await?
    };
    Ok(MarketTables {
        fx_rates,
        freight,
        duty,
    })
}
