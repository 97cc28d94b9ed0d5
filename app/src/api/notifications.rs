//! A person's own notices (price alerts, sample requests and decisions, listing reviews):
//! listed newest first and marked read together.

use crate::types::notice::AccountNotification;
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// How many notices the list shows.
pub const LIST_LIMIT: i64 = 50;

/// The caller's newest notices.
#[server(prefix = "/api", endpoint = "notifications/list_mine", input = Json)]
pub async fn list_mine() -> Result<Vec<AccountNotification>, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    let pool = context::pool()?;
    Ok(db::account_notification::list_for_account(&pool, user.user_id, LIST_LIMIT).await?)
}

/// How many of the caller's notices are unread (the navigation's badge).
#[server(prefix = "/api", endpoint = "notifications/count_unread", input = Json)]
pub async fn count_unread() -> Result<i64, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    Ok(db::account_notification::count_unread(&context::pool()?, user.user_id).await?)
}

/// Marks all of the caller's notices read; returns how many were unread.
#[server(prefix = "/api", endpoint = "notifications/mark_read", input = Json)]
pub async fn mark_read() -> Result<u64, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    let now = time::OffsetDateTime::now_utc();
    Ok(db::account_notification::mark_all_read(&context::pool()?, user.user_id, now).await?)
}
