//! An organisation's members: listing them, changing roles, removing people.

use crate::types::{Member, Role};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

/// The members of an organisation (its own members and platform staff may look).
#[server(prefix = "/api", endpoint = "members/list_members", input = Json)]
pub async fn list_members(organisation_id: Uuid) -> Result<Vec<Member>, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_can_read_org(&user, organisation_id)?;
    Ok(db::account::list_members(&context::pool()?, organisation_id).await?)
}

/// Makes a member an admin or a plain member. An organisation always keeps one admin.
#[server(prefix = "/api", endpoint = "members/set_member_role", input = Json)]
pub async fn set_member_role(
    organisation_id: Uuid,
    user_id: Uuid,
    role: Role,
) -> Result<(), AppError> {
    use crate::server::{access, context, db};
    use crate::types::FieldIssue;
    let user = access::require_user().await?;
    access::ensure_org_admin(&user, organisation_id)?;
    if !matches!(role, Role::Admin | Role::Member) {
        return Err(AppError::field("role", FieldIssue::InvalidChoice));
    }
    let mut tx = context::pool()?.begin().await?;
    let admins = db::account::lock_admin_count(&mut *tx, organisation_id).await?;
    let current = db::account::lock_member_role(&mut *tx, organisation_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if current == Role::Admin && role != Role::Admin && admins <= 1 {
        return Err(AppError::conflict(crate::error::ConflictReason::LastAdmin));
    }
    db::account::update_role(&mut *tx, organisation_id, user_id, role).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a member from the organisation (deleting their account). Not the last admin.
#[server(prefix = "/api", endpoint = "members/remove_member", input = Json)]
pub async fn remove_member(organisation_id: Uuid, user_id: Uuid) -> Result<(), AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_org_admin(&user, organisation_id)?;
    if user.user_id == user_id {
        return Err(AppError::conflict(crate::error::ConflictReason::RemoveSelf));
    }
    let mut tx = context::pool()?.begin().await?;
    let admins = db::account::lock_admin_count(&mut *tx, organisation_id).await?;
    let current = db::account::lock_member_role(&mut *tx, organisation_id, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if current == Role::Admin && admins <= 1 {
        return Err(AppError::conflict(crate::error::ConflictReason::LastAdmin));
    }
    db::account::delete_member(&mut *tx, organisation_id, user_id).await?;
    tx.commit().await?;
    Ok(())
}
