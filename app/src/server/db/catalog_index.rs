//! SQL the in-memory catalog index loads from: approved products, their listings with the
//! suppliers' names and certificates, the categories and the staff's market tables.

use crate::rules::pricing::{FreightBasis, FreightCharge, FxRate, Incoterm, PriceTier};
use crate::types::catalog::compare::{DutyEntry, FreightEntry};
use crate::types::catalog::{AttributeDef, AttributeValues, Category, Region};
use crate::types::money::{Currency, Money};
use rust_decimal::Decimal;
use sqlx::types::Json;
use sqlx::PgExecutor;
use std::collections::HashMap;
use time::Date;
use uuid::Uuid;

/// An approved product as the index keeps it.
#[derive(Debug, Clone)]
pub struct ProductRow {
    pub product_id: Uuid,
    pub category_id: Uuid,
    pub sku: String,
    pub name_en: String,
    pub name_zh: String,
    pub unit: String,
    pub attributes: AttributeValues,
}

/// A listing before the supplier's score and band are attached.
#[derive(Debug, Clone)]
pub struct ListingRow {
    pub offer_id: Uuid,
    pub product_id: Uuid,
    pub category_id: Uuid,
    pub supplier_id: Uuid,
    pub supplier_name: String,
    pub tiers: Vec<PriceTier>,
    pub moq: Decimal,
    pub lead_time_days: u32,
    pub incoterm: Incoterm,
    pub origin_country: String,
    pub origin_region: Region,
    pub currency: Currency,
    pub stock: Option<Decimal>,
    pub valid_until: Date,
    pub sample_available: bool,
    pub sample_price: Option<Decimal>,
    pub payment_days: u32,
}

fn decode<T>(parsed: Result<T, impl std::fmt::Debug>, what: &str) -> Result<T, sqlx::Error> {
    parsed.map_err(|issue| sqlx::Error::Decode(format!("bad {what}: {issue:?}").into()))
}

/// Approved products; all of them, or the one given.
#[tracing::instrument(skip(db), err)]
pub async fn approved_products(
    db: impl PgExecutor<'_>,
    only: Option<Uuid>,
) -> Result<Vec<ProductRow>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select product_id, category_id, sku, name_en, name_zh, unit,
                  attributes as "attributes: Json<AttributeValues>"
           from product where status = 'approved' and ($1::uuid is null or product_id = $1)"#,
        only
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ProductRow {
            product_id: row.product_id,
            category_id: row.category_id,
            sku: row.sku,
            name_en: row.name_en,
            name_zh: row.name_zh,
            unit: row.unit,
            attributes: row.attributes.0,
        })
        .collect())
}

/// Listings of approved products; all of them, or the given product's.
#[tracing::instrument(skip(db), err)]
pub async fn listings(
    db: impl PgExecutor<'_>,
    only: Option<Uuid>,
) -> Result<Vec<ListingRow>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select l.offer_id, l.product_id, l.category_id, l.supplier_id,
                  o.name as supplier_name, l.tiers as "tiers: Json<Vec<PriceTier>>", l.moq,
                  l.lead_time_days, l.incoterm, l.origin_country, l.origin_region, l.currency,
                  l.stock, l.valid_until, l.sample_available, l.sample_price, l.payment_days
           from listing l
           join product p on p.product_id = l.product_id and p.status = 'approved'
           join organisation o on o.organisation_id = l.supplier_id
           where $1::uuid is null or l.product_id = $1
           order by l.product_id, l.offer_id"#,
        only
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(ListingRow {
                offer_id: row.offer_id,
                product_id: row.product_id,
                category_id: row.category_id,
                supplier_id: row.supplier_id,
                supplier_name: row.supplier_name,
                tiers: row.tiers.0,
                moq: row.moq,
                lead_time_days: decode(u32::try_from(row.lead_time_days), "lead time")?,
                incoterm: decode(Incoterm::parse(&row.incoterm), "incoterm")?,
                origin_country: row.origin_country,
                origin_region: decode(Region::parse(&row.origin_region), "region")?,
                currency: decode(Currency::parse(&row.currency), "currency")?,
                stock: row.stock,
                valid_until: row.valid_until,
                sample_available: row.sample_available,
                sample_price: row.sample_price,
                payment_days: decode(u32::try_from(row.payment_days), "payment days")?,
            })
        })
        .collect()
}

/// Approved, unexpired certificates of each supplier (kinds, sorted), as of `today`.
#[tracing::instrument(skip(db), err)]
pub async fn certifications(
    db: impl PgExecutor<'_>,
    supplier_ids: &[Uuid],
    today: Date,
) -> Result<HashMap<Uuid, Vec<String>>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select organisation_id, array_agg(distinct kind order by kind) as "kinds!"
           from supplier_document
           where organisation_id = any($1) and review = 'approved'
             and kind in ('iso9001', 'sgs_test_report', 'ce', 'other_certificate')
             and (expires_on is null or expires_on >= $2)
           group by organisation_id"#,
        supplier_ids,
        today
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.organisation_id, row.kinds))
        .collect())
}

/// Every category, by English name.
#[tracing::instrument(skip(db), err)]
pub async fn categories(db: impl PgExecutor<'_>) -> Result<Vec<Category>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select category_id, parent_id, code, name_en, name_zh,
                  attributes as "attributes: Json<Vec<AttributeDef>>"
           from category order by name_en"#
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| Category {
            category_id: row.category_id,
            parent_id: row.parent_id,
            code: row.code,
            name_en: row.name_en,
            name_zh: row.name_zh,
            attributes: row.attributes.0,
        })
        .collect())
}

/// Every FX rate (the rules pick the one in force on a date).
#[tracing::instrument(skip(db), err)]
pub async fn fx_rates(db: impl PgExecutor<'_>) -> Result<Vec<FxRate>, sqlx::Error> {
    let rows = sqlx::query!("select base, quote, rate, valid_from from fx_rate")
        .fetch_all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok(FxRate {
                base: decode(Currency::parse(&row.base), "currency")?,
                quote: decode(Currency::parse(&row.quote), "currency")?,
                rate: row.rate,
                valid_from: row.valid_from,
            })
        })
        .collect()
}

/// The freight table.
#[tracing::instrument(skip(db), err)]
pub async fn freight(db: impl PgExecutor<'_>) -> Result<Vec<FreightEntry>, sqlx::Error> {
    let rows = sqlx::query!(
        "select incoterm, origin_region, destination_region, basis, amount, currency
         from freight_rate"
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            let basis = match row.basis.as_str() {
                "per_unit" => FreightBasis::PerUnit,
                _ => FreightBasis::PerShipment,
            };
            let currency = decode(Currency::parse(&row.currency), "currency")?;
            Ok(FreightEntry {
                incoterm: decode(Incoterm::parse(&row.incoterm), "incoterm")?,
                origin_region: decode(Region::parse(&row.origin_region), "region")?,
                destination_region: decode(Region::parse(&row.destination_region), "region")?,
                charge: FreightCharge {
                    basis,
                    amount: Money::new(row.amount, currency),
                },
            })
        })
        .collect()
}

/// The duty table.
#[tracing::instrument(skip(db), err)]
pub async fn duty(db: impl PgExecutor<'_>) -> Result<Vec<DutyEntry>, sqlx::Error> {
    let rows = sqlx::query!("select category_id, destination_region, percent from duty_rate")
        .fetch_all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok(DutyEntry {
                category_id: row.category_id,
                destination_region: decode(Region::parse(&row.destination_region), "region")?,
                percent: row.percent,
            })
        })
        .collect()
}

/// Approved products matching a `tsquery` literal (from `rules::catalog::search_terms`), with
/// their rank: names (weight A) count most.
#[tracing::instrument(skip(db), err)]
pub async fn text_matches(
    db: impl PgExecutor<'_>,
    tsquery: &str,
) -> Result<Vec<(Uuid, f32)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select product_id, ts_rank(search_doc, q) as "rank!"
           from product, cast($1::text as tsquery) as q
           where status = 'approved' and search_doc @@ q"#,
        tsquery
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.product_id, row.rank))
        .collect())
}
