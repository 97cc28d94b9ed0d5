//! SQL for price alerts: a buyer's alerts, the untriggered alerts the check prices, and the
//! one-time trigger.

use super::market::{decode_currency, decode_region};
use crate::types::alerts::{AlertTrigger, PriceAlert};
use crate::types::catalog::Region;
use crate::types::money::{Currency, Money};
use crate::types::notice::NoticeProduct;
use rust_decimal::Decimal;
use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

/// A new alert, validated.
#[derive(Debug)]
pub struct NewAlert {
    pub alert_id: Uuid,
    pub buyer_id: Uuid,
    pub account_id: Uuid,
    pub product_id: Uuid,
    pub quantity: Decimal,
    pub destination: Region,
    pub currency: Currency,
    pub target_unit_cost: Decimal,
}

#[tracing::instrument(skip(db), err)]
pub async fn insert_alert(db: impl PgExecutor<'_>, new: &NewAlert) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into price_alert
               (alert_id, buyer_id, account_id, product_id, quantity, destination_region,
                currency, target_unit_cost)
           values ($1, $2, $3, $4, $5, $6, $7, $8)"#,
        new.alert_id,
        new.buyer_id,
        new.account_id,
        new.product_id,
        new.quantity,
        new.destination.as_str(),
        new.currency.code(),
        new.target_unit_cost,
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The approved product `product_id`, as notices name it (`None`: unknown or not approved).
#[tracing::instrument(skip(db), err)]
pub async fn approved_product(
    db: impl PgExecutor<'_>,
    product_id: Uuid,
) -> Result<Option<NoticeProduct>, sqlx::Error> {
    sqlx::query_as!(
        NoticeProduct,
        r#"select product_id, sku, name_en, name_zh from product
           where product_id = $1 and status = 'approved'"#,
        product_id
    )
    .fetch_optional(db)
    .await
}

/// The account's alerts, newest first, with the offer that triggered each (if any).
#[tracing::instrument(skip(db), err)]
pub async fn list_for_account(
    db: impl PgExecutor<'_>,
    account_id: Uuid,
    limit: i64,
) -> Result<Vec<PriceAlert>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select a.alert_id, a.product_id, p.sku, p.name_en, p.name_zh, p.unit, a.quantity,
                  a.destination_region, a.currency, a.target_unit_cost, a.created_at,
                  a.triggered_at, a.triggered_offer_id, a.triggered_unit_cost,
                  s.name as "supplier_name?"
           from price_alert a
           join product p on p.product_id = a.product_id
           left join offer f on f.offer_id = a.triggered_offer_id
           left join organisation s on s.organisation_id = f.supplier_id
           where a.account_id = $1
           order by a.created_at desc, a.alert_id desc limit $2"#,
        account_id,
        limit
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            let currency = decode_currency(&row.currency)?;
            let triggered = match (row.triggered_at, row.triggered_unit_cost) {
                (Some(at), Some(cost)) => Some(AlertTrigger {
                    at,
                    offer_id: row.triggered_offer_id,
                    supplier_name: row.supplier_name,
                    unit_cost: Money::new(cost, currency),
                }),
                _ => None,
            };
            Ok(PriceAlert {
                alert_id: row.alert_id,
                product_id: row.product_id,
                sku: row.sku,
                product_name_en: row.name_en,
                product_name_zh: row.name_zh,
                unit: row.unit,
                quantity: row.quantity,
                destination: decode_region(&row.destination_region)?,
                currency,
                target_unit_cost: row.target_unit_cost,
                created_at: row.created_at,
                triggered,
            })
        })
        .collect()
}

/// How many alerts the account keeps.
#[tracing::instrument(skip(db), err)]
pub async fn count_for_account(
    db: impl PgExecutor<'_>,
    account_id: Uuid,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select count(*) as "count!" from price_alert where account_id = $1"#,
        account_id
    )
    .fetch_one(db)
    .await
}

/// Deletes the account's alert; `false` when it has no such alert.
#[tracing::instrument(skip(db), err)]
pub async fn delete_alert(
    db: impl PgExecutor<'_>,
    alert_id: Uuid,
    account_id: Uuid,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "delete from price_alert where alert_id = $1 and account_id = $2",
        alert_id,
        account_id
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An alert still waiting for its target to be crossed.
#[derive(Debug, Clone)]
pub struct OpenAlert {
    pub alert_id: Uuid,
    pub account_id: Uuid,
    pub quantity: Decimal,
    pub destination: Region,
    pub currency: Currency,
    pub target_unit_cost: Decimal,
}

/// The untriggered alerts of `product_id`.
#[tracing::instrument(skip(db), err)]
pub async fn open_alerts_of_product(
    db: impl PgExecutor<'_>,
    product_id: Uuid,
) -> Result<Vec<OpenAlert>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select alert_id, account_id, quantity, destination_region, currency, target_unit_cost
           from price_alert where product_id = $1 and triggered_at is null
           order by created_at, alert_id"#,
        product_id
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(OpenAlert {
                alert_id: row.alert_id,
                account_id: row.account_id,
                quantity: row.quantity,
                destination: decode_region(&row.destination_region)?,
                currency: decode_currency(&row.currency)?,
                target_unit_cost: row.target_unit_cost,
            })
        })
        .collect()
}

/// Every product with an untriggered alert (what the sweep checks).
#[tracing::instrument(skip(db), err)]
pub async fn watched_products(db: impl PgExecutor<'_>) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select distinct product_id as "product_id!" from price_alert
           where triggered_at is null order by 1"#
    )
    .fetch_all(db)
    .await
}

/// Marks the alert triggered by `offer_id` at `unit_cost`; `false` when it already was (another
/// check, on this or another instance, got there first).
#[tracing::instrument(skip(db), err)]
pub async fn mark_triggered(
    db: impl PgExecutor<'_>,
    alert_id: Uuid,
    offer_id: Uuid,
    unit_cost: Decimal,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        r#"update price_alert
           set triggered_at = $2, triggered_offer_id = $3, triggered_unit_cost = $4
           where alert_id = $1 and triggered_at is null"#,
        alert_id,
        now,
        offer_id,
        unit_cost
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}
