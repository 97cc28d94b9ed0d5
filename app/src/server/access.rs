//! Who may touch what. Every server function starts here.
//!
//! Objects of another organisation answer `NotFound`, not `Forbidden`: a stranger must not even
//! learn that they exist.

use crate::server::{context, db};
use crate::types::{CurrentUser, Role};
use crate::AppError;
use std::collections::HashMap;
use uuid::Uuid;

/// The session key holding the signed-in account id (also read by the file download route).
pub const SESSION_ACCOUNT_KEY: &str = "account_id";
const SESSION_REFRESHED_KEY: &str = "refreshed_at";

/// A session lives this long after its last write, so an active user stays signed in. Writing on
/// every request would cost a database write per call; once an hour keeps the sliding window.
const SESSION_REFRESH_AFTER: time::Duration = time::Duration::hours(1);

/// The signed-in user, freshly loaded (so role changes apply at once), or `Unauthorized`.
pub async fn require_user() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthorized)
}

/// How long the hot paths may reuse a loaded user: bids (thousands a second on one lot) and
/// the buyers' catalog reads (search, comparison). What they need of the user (account,
/// organisation) almost never changes; the lot's sequencer checks the organisation's
/// eligibility on every bid anyway, and catalog reads show only what every buyer may see.
const BIDDER_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(2);

type UserCache = std::sync::Mutex<HashMap<Uuid, (std::time::Instant, CurrentUser)>>;

/// As [`require_user`], but a user loaded in the last two seconds is reused (bids and catalog
/// reads only: every other server function sees role and membership changes at once).
pub async fn require_user_cached() -> Result<CurrentUser, AppError> {
    static CACHE: std::sync::OnceLock<UserCache> = std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let session = context::session()?;
    let account_id: Option<Uuid> = session
        .get(SESSION_ACCOUNT_KEY)
        .await
        .map_err(|e| crate::server::error::internal(e, "reading the session"))?;
    let account_id = account_id.ok_or(AppError::Unauthorized)?;
    let now = std::time::Instant::now();
    if let Ok(cached) = cache.lock() {
        if let Some((at, user)) = cached.get(&account_id) {
            if now.duration_since(*at) < BIDDER_CACHE_TTL {
                return Ok(user.clone());
            }
        }
    }
    let user = require_user().await?;
    if let Ok(mut cached) = cache.lock() {
        // Keep the map small: drop stale entries whenever it grows.
        if cached.len() > 10_000 {
            cached.retain(|_, (at, _)| now.duration_since(*at) < BIDDER_CACHE_TTL);
        }
        cached.insert(account_id, (now, user.clone()));
    }
    Ok(user)
}

/// The signed-in user, if any.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let session = context::session()?;
    let account_id: Option<Uuid> = session
        .get(SESSION_ACCOUNT_KEY)
        .await
        .map_err(|e| crate::server::error::internal(e, "reading the session"))?;
    let Some(account_id) = account_id else {
        return Ok(None);
    };
    let user = db::account::load_current_user(&context::pool()?, account_id).await?;
    if user.is_some() {
        keep_alive(&session).await?;
    }
    Ok(user)
}

/// Re-saves the session (pushing its expiry forward) when the last save is an hour old.
async fn keep_alive(session: &tower_sessions::Session) -> Result<(), AppError> {
    let internal = |e| crate::server::error::internal(e, "refreshing the session");
    let now = time::OffsetDateTime::now_utc();
    let refreshed: Option<i64> = session.get(SESSION_REFRESHED_KEY).await.map_err(internal)?;
    if needs_refresh(refreshed, now) {
        session
            .insert(SESSION_REFRESHED_KEY, now.unix_timestamp())
            .await
            .map_err(internal)?;
    }
    Ok(())
}

/// Binds the session to `account_id`, with a new session id (no session fixation).
pub async fn start_session(account_id: Uuid) -> Result<(), AppError> {
    let session = context::session()?;
    session
        .cycle_id()
        .await
        .map_err(|e| crate::server::error::internal(e, "cycling the session id"))?;
    session
        .insert(SESSION_ACCOUNT_KEY, account_id)
        .await
        .map_err(|e| crate::server::error::internal(e, "writing the session"))?;
    session
        .insert(
            SESSION_REFRESHED_KEY,
            time::OffsetDateTime::now_utc().unix_timestamp(),
        )
        .await
        .map_err(|e| crate::server::error::internal(e, "writing the session"))
}

/// Ends the session and deletes it from the store.
pub async fn end_session() -> Result<(), AppError> {
    context::session()?
        .flush()
        .await
        .map_err(|e| crate::server::error::internal(e, "ending the session"))
}

/// Whether a session last saved at `refreshed` (unix seconds) should be saved again at `now`.
fn needs_refresh(refreshed: Option<i64>, now: time::OffsetDateTime) -> bool {
    refreshed.is_none_or(|at| now.unix_timestamp() - at >= SESSION_REFRESH_AFTER.whole_seconds())
}

/// The user may read objects of `organisation_id`: a member of it, or platform staff.
pub fn ensure_can_read_org(user: &CurrentUser, organisation_id: Uuid) -> Result<(), AppError> {
    if user.is_staff() || own_org(user) == Some(organisation_id) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The user administers `organisation_id`.
pub fn ensure_org_admin(user: &CurrentUser, organisation_id: Uuid) -> Result<(), AppError> {
    if own_org(user) != Some(organisation_id) {
        return Err(AppError::NotFound);
    }
    if user.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The user is platform staff.
pub fn ensure_staff(user: &CurrentUser) -> Result<(), AppError> {
    if user.is_staff() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn own_org(user: &CurrentUser) -> Option<Uuid> {
    user.organisation.as_ref().map(|org| org.organisation_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_session_is_saved_again_only_once_an_hour() {
        let now = datetime!(2026-11-25 10:00 UTC);
        let minutes_ago = |m: i64| Some((now - time::Duration::minutes(m)).unix_timestamp());
        assert!(!needs_refresh(minutes_ago(59), now));
        assert!(needs_refresh(minutes_ago(60), now));
        assert!(needs_refresh(None, now));
    }
}
