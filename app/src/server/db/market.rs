//! SQL for the market data offers are priced with: the listings of products with their
//! supplier's name, latest score and certifications, and the staff's FX, freight and duty tables.
//! Set-based on purpose: the comparison matrix reads 20 products × 10 offers per request.

use crate::rules::pricing::{FreightBasis, FreightCharge, FxRate, Incoterm, PriceTier};
use crate::types::catalog::compare::{DutyEntry, FreightEntry};
use crate::types::catalog::Region;
use crate::types::money::{Currency, Money};
use rust_decimal::Decimal;
use sqlx::types::Json;
use sqlx::PgExecutor;
use time::Date;
use uuid::Uuid;

/// A listing with its supplier's facts, before the score is banded.
#[derive(Debug, Clone)]
pub struct ListingRow {
    pub offer_id: Uuid,
    pub product_id: Uuid,
    pub category_id: Uuid,
    pub supplier_id: Uuid,
    pub supplier_name: String,
    /// The latest stored score; `None` when the supplier has none yet.
    pub score: Option<Decimal>,
    pub certifications: Vec<String>,
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

fn corrupt(what: &str, raw: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("unknown {what} {raw:?}").into())
}

pub(crate) fn decode_currency(raw: &str) -> Result<Currency, sqlx::Error> {
    Currency::parse(raw).map_err(|_| corrupt("currency", raw))
}

pub(crate) fn decode_region(raw: &str) -> Result<Region, sqlx::Error> {
    Region::parse(raw).map_err(|_| corrupt("region", raw))
}

fn decode_incoterm(raw: &str) -> Result<Incoterm, sqlx::Error> {
    Incoterm::parse(raw).map_err(|_| corrupt("incoterm", raw))
}

fn non_negative(value: i32, what: &str) -> Result<u32, sqlx::Error> {
    u32::try_from(value).map_err(|_| corrupt(what, &value.to_string()))
}

/// Every listing of `product_ids`, ordered by product then offer id. Scores and certificates
/// are looked up once per supplier, not per listing. Certifications are the kinds of the
/// supplier's approved documents other than the business licence that have not expired today.
#[tracing::instrument(skip(db), err)]
pub async fn listings_of_products(
    db: impl PgExecutor<'_>,
    product_ids: &[Uuid],
) -> Result<Vec<ListingRow>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"with listed as (
               select * from listing where product_id = any($1)
           ), suppliers as (
               select distinct supplier_id from listed
           ), scores as (
               select distinct on (organisation_id) organisation_id, score
               from supplier_score
               where organisation_id in (select supplier_id from suppliers)
               order by organisation_id, period_start desc
           ), certificates as (
               select organisation_id, array_agg(distinct kind order by kind) as kinds
               from supplier_document
               where organisation_id in (select supplier_id from suppliers)
                 and review = 'approved' and kind <> 'business_licence'
                 and (expires_on is null or expires_on >= current_date)
               group by organisation_id
           )
           select l.offer_id as "offer_id!", l.product_id as "product_id!",
                  l.category_id as "category_id!", l.supplier_id as "supplier_id!",
                  o.name as supplier_name, s.score as "score?",
                  coalesce(c.kinds, '{}') as "certifications!",
                  l.tiers as "tiers!: Json<Vec<PriceTier>>", l.moq as "moq!",
                  l.lead_time_days as "lead_time_days!", l.incoterm as "incoterm!",
                  l.origin_country as "origin_country!", l.origin_region as "origin_region!",
                  l.currency as "currency!", l.stock, l.valid_until as "valid_until!",
                  l.sample_available as "sample_available!", l.sample_price,
                  l.payment_days as "payment_days!"
           from listed l
           join organisation o on o.organisation_id = l.supplier_id
           left join scores s on s.organisation_id = l.supplier_id
           left join certificates c on c.organisation_id = l.supplier_id
           order by l.product_id, l.offer_id"#,
        product_ids
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
                score: row.score,
                certifications: row.certifications,
                tiers: row.tiers.0,
                moq: row.moq,
                lead_time_days: non_negative(row.lead_time_days, "lead time")?,
                incoterm: decode_incoterm(&row.incoterm)?,
                origin_country: row.origin_country,
                origin_region: decode_region(&row.origin_region)?,
                currency: decode_currency(&row.currency)?,
                stock: row.stock,
                valid_until: row.valid_until,
                sample_available: row.sample_available,
                sample_price: row.sample_price,
                payment_days: non_negative(row.payment_days, "payment days")?,
            })
        })
        .collect()
}

/// The FX rates in force on `on`: for each pair, the latest rate dated on or before it (an
/// older rate of a pair can never be chosen by `rules::pricing::fx`, so it is not sent).
#[tracing::instrument(skip(db), err)]
pub async fn fx_rates_on(db: impl PgExecutor<'_>, on: Date) -> Result<Vec<FxRate>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select distinct on (base, quote) base, quote, rate, valid_from
           from fx_rate where valid_from <= $1
           order by base, quote, valid_from desc"#,
        on
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(FxRate {
                base: decode_currency(&row.base)?,
                quote: decode_currency(&row.quote)?,
                rate: row.rate,
                valid_from: row.valid_from,
            })
        })
        .collect()
}

/// The whole freight table (at most incoterms × regions², a few hundred rows).
#[tracing::instrument(skip(db), err)]
pub async fn freight_table(db: impl PgExecutor<'_>) -> Result<Vec<FreightEntry>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select incoterm, origin_region, destination_region, basis, amount, currency
           from freight_rate order by incoterm, origin_region, destination_region"#
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            let basis = match row.basis.as_str() {
                "per_unit" => FreightBasis::PerUnit,
                "per_shipment" => FreightBasis::PerShipment,
                other => return Err(corrupt("freight basis", other)),
            };
            Ok(FreightEntry {
                incoterm: decode_incoterm(&row.incoterm)?,
                origin_region: decode_region(&row.origin_region)?,
                destination_region: decode_region(&row.destination_region)?,
                charge: FreightCharge {
                    basis,
                    amount: Money::new(row.amount, decode_currency(&row.currency)?),
                },
            })
        })
        .collect()
}

/// The duty rows of `category_ids`, every destination.
#[tracing::instrument(skip(db), err)]
pub async fn duty_of_categories(
    db: impl PgExecutor<'_>,
    category_ids: &[Uuid],
) -> Result<Vec<DutyEntry>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select category_id, destination_region, percent from duty_rate
           where category_id = any($1) order by category_id, destination_region"#,
        category_ids
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(DutyEntry {
                category_id: row.category_id,
                destination_region: decode_region(&row.destination_region)?,
                percent: row.percent,
            })
        })
        .collect()
}
