//! Building index entries from the database, with the suppliers' scores, bands and certificates.

use super::{IndexedProduct, Snapshot};
use crate::server::db;
use crate::server::db::catalog_index::{ListingRow, ProductRow};
use crate::types::catalog::compare::{ListingFacts, MarketTables, ProductHead};
use crate::types::catalog::Category;
use sqlx::PgPool;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use uuid::Uuid;

pub async fn everything(pool: &PgPool) -> Result<Snapshot, sqlx::Error> {
    let products = db::catalog_index::approved_products(pool, None).await?;
    let listings = db::catalog_index::listings(pool, None).await?;
    let (categories, tables) = tables(pool).await?;
    let products = assemble(pool, products, listings).await?;
    Ok(Snapshot {
        products: products
            .into_iter()
            .map(|p| (p.head.product_id, Arc::new(p)))
            .collect(),
        categories: Arc::new(categories),
        tables: Arc::new(tables),
    })
}

pub async fn tables(pool: &PgPool) -> Result<(Vec<Category>, MarketTables), sqlx::Error> {
    let categories = db::catalog_index::categories(pool).await?;
    let tables = MarketTables {
        fx_rates: db::catalog_index::fx_rates(pool).await?,
        freight: db::catalog_index::freight(pool).await?,
        duty: db::catalog_index::duty(pool).await?,
    };
    Ok((categories, tables))
}

/// The product if it is approved, with its listings.
pub async fn product(
    pool: &PgPool,
    product_id: Uuid,
) -> Result<Option<IndexedProduct>, sqlx::Error> {
    let products = db::catalog_index::approved_products(pool, Some(product_id)).await?;
    let listings = db::catalog_index::listings(pool, Some(product_id)).await?;
    Ok(assemble(pool, products, listings).await?.pop())
}

async fn assemble(
    pool: &PgPool,
    products: Vec<ProductRow>,
    listings: Vec<ListingRow>,
) -> Result<Vec<IndexedProduct>, sqlx::Error> {
    let supplier_ids: Vec<Uuid> = listings
        .iter()
        .map(|l| l.supplier_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let today = time::OffsetDateTime::now_utc().date();
    let settings = db::scorecard::current_settings(pool).await?;
    let neutral = crate::server::scorecard::neutral_scorecard(&settings).score;
    let scores: HashMap<Uuid, _> = db::scorecard::latest_scores(pool, &supplier_ids)
        .await?
        .into_iter()
        .collect();
    let certificates = db::catalog_index::certifications(pool, &supplier_ids, today).await?;
    let mut by_product: HashMap<Uuid, Vec<ListingFacts>> = HashMap::new();
    for row in listings {
        let score = scores.get(&row.supplier_id).copied().unwrap_or(neutral);
        let facts = ListingFacts {
            offer_id: row.offer_id,
            product_id: row.product_id,
            category_id: row.category_id,
            supplier_id: row.supplier_id,
            supplier_score: score,
            band: settings.thresholds.band(score),
            certifications: certificates
                .get(&row.supplier_id)
                .cloned()
                .unwrap_or_default(),
            supplier_name: row.supplier_name,
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
        };
        by_product.entry(facts.product_id).or_default().push(facts);
    }
    Ok(products
        .into_iter()
        .map(|row| IndexedProduct {
            listings: by_product.remove(&row.product_id).unwrap_or_default(),
            head: ProductHead {
                product_id: row.product_id,
                sku: row.sku,
                name_en: row.name_en,
                name_zh: row.name_zh,
                unit: row.unit,
            },
            category_id: row.category_id,
            attributes: row.attributes,
        })
        .collect())
}
