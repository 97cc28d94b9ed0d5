//! What else must happen when buyers' view of the catalog changes.

use crate::AppError;
use sqlx::PgPool;
use uuid::Uuid;

/// Called after a transaction that changed what buyers see of `product_id` committed (an offer
/// revision approved, an offer withdrawn, the product approved). The lead wires price alerts and
/// caches here.
///
/// Callers log a failure and carry on: the listing change is already committed, and the
/// reviewer's decision must not be reported as failed because of a follow-up.
pub async fn after_listing_change(pool: &PgPool, product_id: Uuid) -> Result<(), AppError> {
    let _ = (pool, product_id);
    Ok(())
}
