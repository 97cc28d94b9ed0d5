//! Price alerts on the server: pricing a product's listings for each waiting alert with
//! `rules::catalog::landed::price_listing` and firing the alerts whose target was crossed.
//!
//! [`check_product`] runs right after a listing is approved; [`sweep`] runs every minute over
//! every watched product, because a new FX rate or freight rate can cross a target too. Both are
//! safe to run at once and on several instances: an alert is marked triggered only while it is
//! not yet (`where triggered_at is null`), and its notice and e-mail are written in the same
//! transaction as the mark, so a buyer is told exactly once.

use crate::rules::catalog::landed::{price_listing, Basis};
use crate::server::db::price_alert::OpenAlert;
use crate::server::{db, market};
use crate::types::alerts::ALERT_ANNUAL_RATE_PERCENT;
use crate::types::catalog::compare::{ListingFacts, MarketTables};
use crate::types::money::Money;
use crate::types::notice::{Notice, NoticeProduct};
use sqlx::PgPool;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// Checks the untriggered alerts of `product_id` against its listings priced on `on`; returns
/// how many alerts this call triggered.
pub async fn check_product(pool: &PgPool, product_id: Uuid, on: Date) -> Result<u32, sqlx::Error> {
    let alerts = db::price_alert::open_alerts_of_product(pool, product_id).await?;
    if alerts.is_empty() {
        return Ok(0);
    }
    let listings = market::listing_facts(pool, &[product_id]).await?;
    if listings.is_empty() {
        return Ok(0);
    }
    let mut categories: Vec<Uuid> = listings.iter().map(|l| l.category_id).collect();
    categories.sort_unstable();
    categories.dedup();
    let tables = market::market_tables(pool, on, &categories).await?;
    let Some(product) = db::price_alert::approved_product(pool, product_id).await? else {
        // A product withdrawn from the catalog alerts nobody.
        return Ok(0);
    };
    let mut triggered = 0;
    for alert in &alerts {
        let Some((listing, unit_cost)) = cheapest(&listings, &tables, alert, on) else {
            continue;
        };
        if unit_cost.amount <= alert.target_unit_cost
            && trigger(pool, alert, listing, unit_cost, &product).await?
        {
            triggered += 1;
        }
    }
    Ok(triggered)
}

/// Checks every product that has an untriggered alert; returns how many alerts fired. A product
/// that fails is logged and the others are still checked.
pub async fn sweep(pool: &PgPool, on: Date) -> Result<u32, sqlx::Error> {
    let mut triggered = 0;
    for product_id in db::price_alert::watched_products(pool).await? {
        match check_product(pool, product_id, on).await {
            Ok(count) => triggered += count,
            Err(error) => tracing::error!(%product_id, %error, "checking price alerts failed"),
        }
    }
    Ok(triggered)
}

/// The listing with the lowest landed unit cost on the alert's basis, and that cost (listings
/// that cannot serve the quantity or lack a table entry are left out). Ties go to the first
/// listing in offer order, so repeated checks agree.
fn cheapest<'a>(
    listings: &'a [ListingFacts],
    tables: &MarketTables,
    alert: &OpenAlert,
    on: Date,
) -> Option<(&'a ListingFacts, Money)> {
    let basis = Basis {
        quantity: alert.quantity,
        destination: alert.destination,
        currency: alert.currency,
        on,
        annual_rate_percent: ALERT_ANNUAL_RATE_PERCENT,
    };
    listings
        .iter()
        .filter_map(|listing| {
            let (_, landed) = price_listing(listing, tables, &basis).ok()?;
            Some((listing, landed.unit))
        })
        .fold(
            None,
            |best: Option<(&ListingFacts, Money)>, candidate| match best {
                Some(best) if best.1.amount <= candidate.1.amount => Some(best),
                _ => Some(candidate),
            },
        )
}

/// Marks the alert triggered and tells its owner (notice and e-mail), all or nothing; `false`
/// when another check triggered it first.
async fn trigger(
    pool: &PgPool,
    alert: &OpenAlert,
    listing: &ListingFacts,
    unit_cost: Money,
    product: &NoticeProduct,
) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let now = OffsetDateTime::now_utc();
    let marked = db::price_alert::mark_triggered(
        &mut *tx,
        alert.alert_id,
        listing.offer_id,
        unit_cost.amount,
        now,
    )
    .await?;
    if !marked {
        return Ok(false);
    }
    let notice = Notice::PriceAlert {
        alert_id: alert.alert_id,
        product: product.clone(),
        offer_id: listing.offer_id,
        supplier_name: listing.supplier_name.clone(),
        quantity: alert.quantity,
        unit_cost,
        target: Money::new(alert.target_unit_cost, alert.currency),
    };
    db::account_notification::insert_for_account(&mut *tx, alert.account_id, &notice).await?;
    db::account_notification::queue_email_to_account(&mut *tx, alert.account_id, &notice).await?;
    tx.commit().await?;
    tracing::info!(alert_id = %alert.alert_id, offer_id = %listing.offer_id, "price alert triggered");
    Ok(true)
}

#[cfg(test)]
mod tests;
