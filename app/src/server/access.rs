//! Who may touch what. Every server function starts here.
//!
//! Objects of another organisation answer `NotFound`, not `Forbidden`: a stranger must not even
//! learn that they exist.

use crate::server::{context, db};
use crate::types::{CurrentUser, Role};
use crate::AppError;
use uuid::Uuid;

const SESSION_ACCOUNT_KEY: &str = "account_id";

/// The signed-in user, freshly loaded (so role changes apply at once), or `Unauthorized`.
pub async fn require_user() -> Result<CurrentUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthorized)
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
    Ok(db::account::load_current_user(&context::pool()?, account_id).await?)
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
        .map_err(|e| crate::server::error::internal(e, "writing the session"))
}

/// Ends the session and deletes it from the store.
pub async fn end_session() -> Result<(), AppError> {
    context::session()?
        .flush()
        .await
        .map_err(|e| crate::server::error::internal(e, "ending the session"))
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
