//! What else must happen when buyers' view of the catalog changes.

use crate::server::catalog_index::{announce, Change};
use crate::AppError;
use sqlx::PgPool;
use uuid::Uuid;

/// Called after a transaction that changed what buyers see of `product_id` committed (an offer
/// revision approved, an offer withdrawn, the product approved): the catalog index reloads the
/// product here and on every other instance, then the product's price alerts are checked (a new
/// listing may cross a buyer's target).
///
/// Callers log a failure and carry on: the listing change is already committed, and the
/// reviewer's decision must not be reported as failed because of a follow-up (the index reloads
/// fully every minute and the alert sweep runs every minute too).
pub async fn after_listing_change(pool: &PgPool, product_id: Uuid) -> Result<(), AppError> {
    announce(Change::Product(product_id)).await?;
    let today = time::OffsetDateTime::now_utc().date();
    crate::server::price_alerts::check_product(pool, product_id, today).await?;
    Ok(())
}
