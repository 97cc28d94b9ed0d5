//! SQL for the staff market tables landed costs are computed from: dated exchange rates (kept as
//! history), freight by lane and duty by category and destination.

use crate::rules::pricing::{FreightBasis, FreightCharge, FxRate, Incoterm};
use crate::types::catalog::compare::{DutyEntry, FreightEntry};
use crate::types::catalog::Region;
use crate::types::money::{Currency, Money};
use rust_decimal::Decimal;
use sqlx::PgExecutor;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A stored rate with who entered it and when.
#[derive(Debug, Clone)]
pub struct FxRow {
    pub rate: FxRate,
    pub entered_by: Option<String>,
    pub entered_at: OffsetDateTime,
}

fn decode<T, E>(parsed: Result<T, E>, what: &str, raw: &str) -> Result<T, sqlx::Error> {
    parsed.map_err(|_| sqlx::Error::Decode(format!("unknown {what} {raw:?}").into()))
}

fn currency(raw: &str) -> Result<Currency, sqlx::Error> {
    decode(Currency::parse(raw), "currency", raw)
}

fn region(raw: &str) -> Result<Region, sqlx::Error> {
    decode(Region::parse(raw), "region", raw)
}

/// Every rate, per pair newest first.
#[tracing::instrument(skip(db), err)]
pub async fn list_fx_rates(db: impl PgExecutor<'_>) -> Result<Vec<FxRow>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select r.base, r.quote, r.rate, r.valid_from, r.created_at,
                  a.display_name as "entered_by?"
           from fx_rate r left join account a on a.account_id = r.created_by
           order by r.base, r.quote, r.valid_from desc"#
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(FxRow {
                rate: FxRate {
                    base: currency(&row.base)?,
                    quote: currency(&row.quote)?,
                    rate: row.rate.normalize(),
                    valid_from: row.valid_from,
                },
                entered_by: row.entered_by,
                entered_at: row.created_at,
            })
        })
        .collect()
}

/// Stores a rate. A rate of the same pair and date is replaced only while it is dated after
/// `today` (not yet used); `false` means one already in force or past holds that date.
#[tracing::instrument(skip(db), err)]
pub async fn save_fx_rate(
    db: impl PgExecutor<'_>,
    rate: &FxRate,
    today: Date,
    account_id: Uuid,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        r#"insert into fx_rate (base, quote, rate, valid_from, created_by)
           values ($1, $2, $3, $4, $5)
           on conflict (base, quote, valid_from) do update
               set rate = excluded.rate, created_by = excluded.created_by, created_at = now()
               where fx_rate.valid_from > $6"#,
        rate.base.code(),
        rate.quote.code(),
        rate.rate,
        rate.valid_from,
        account_id,
        today
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every freight lane, by incoterm, origin and destination.
#[tracing::instrument(skip(db), err)]
pub async fn list_freight(db: impl PgExecutor<'_>) -> Result<Vec<FreightEntry>, sqlx::Error> {
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
                other => return decode(Err(()), "freight basis", other),
            };
            Ok(FreightEntry {
                incoterm: decode(Incoterm::parse(&row.incoterm), "incoterm", &row.incoterm)?,
                origin_region: region(&row.origin_region)?,
                destination_region: region(&row.destination_region)?,
                charge: FreightCharge {
                    basis,
                    amount: Money::new(row.amount.normalize(), currency(&row.currency)?),
                },
            })
        })
        .collect()
}

/// Adds a freight lane or replaces its charge.
#[tracing::instrument(skip(db), err)]
pub async fn save_freight(
    db: impl PgExecutor<'_>,
    entry: &FreightEntry,
    account_id: Uuid,
) -> Result<(), sqlx::Error> {
    let basis = match entry.charge.basis {
        FreightBasis::PerUnit => "per_unit",
        FreightBasis::PerShipment => "per_shipment",
    };
    sqlx::query!(
        r#"insert into freight_rate (incoterm, origin_region, destination_region, basis, amount,
               currency, updated_by)
           values ($1, $2, $3, $4, $5, $6, $7)
           on conflict (incoterm, origin_region, destination_region) do update
               set basis = excluded.basis, amount = excluded.amount, currency = excluded.currency,
                   updated_by = excluded.updated_by, updated_at = now()"#,
        entry.incoterm.as_str(),
        entry.origin_region.as_str(),
        entry.destination_region.as_str(),
        basis,
        entry.charge.amount.amount,
        entry.charge.amount.currency.code(),
        account_id
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Removes a freight lane; `false` when there was none.
#[tracing::instrument(skip(db), err)]
pub async fn delete_freight(
    db: impl PgExecutor<'_>,
    incoterm: Incoterm,
    origin: Region,
    destination: Region,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        r#"delete from freight_rate
           where incoterm = $1 and origin_region = $2 and destination_region = $3"#,
        incoterm.as_str(),
        origin.as_str(),
        destination.as_str()
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every duty entry, by category and destination.
#[tracing::instrument(skip(db), err)]
pub async fn list_duty(db: impl PgExecutor<'_>) -> Result<Vec<DutyEntry>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select category_id, destination_region, percent from duty_rate
           order by category_id, destination_region"#
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(DutyEntry {
                category_id: row.category_id,
                destination_region: region(&row.destination_region)?,
                percent: row.percent.normalize(),
            })
        })
        .collect()
}

/// Adds a duty entry or replaces its percentage.
#[tracing::instrument(skip(db), err)]
pub async fn save_duty(
    db: impl PgExecutor<'_>,
    category_id: Uuid,
    destination: Region,
    percent: Decimal,
    account_id: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into duty_rate (category_id, destination_region, percent, updated_by)
           values ($1, $2, $3, $4)
           on conflict (category_id, destination_region) do update
               set percent = excluded.percent, updated_by = excluded.updated_by,
                   updated_at = now()"#,
        category_id,
        destination.as_str(),
        percent,
        account_id
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Removes a duty entry; `false` when there was none.
#[tracing::instrument(skip(db), err)]
pub async fn delete_duty(
    db: impl PgExecutor<'_>,
    category_id: Uuid,
    destination: Region,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "delete from duty_rate where category_id = $1 and destination_region = $2",
        category_id,
        destination.as_str()
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}
