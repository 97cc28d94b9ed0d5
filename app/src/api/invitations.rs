//! Invitations: an admin invites a colleague by e-mail; the colleague accepts through a link.

use crate::types::{CreatedInvitation, CurrentUser, Invitation, InvitationPreview, Role};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

#[cfg(feature = "ssr")]
fn to_invitation(
    record: crate::server::db::invitation::InvitationRecord,
    now: time::OffsetDateTime,
) -> Invitation {
    use crate::rules::invitation::invitation_status;
    Invitation {
        invitation_id: record.invitation_id,
        email: record.email,
        role: record.role,
        status: invitation_status(
            record.expires_at,
            record.accepted_at,
            record.revoked_at,
            now,
        ),
        expires_at: record.expires_at,
    }
}

/// Invites `email` to the admin's organisation with `role` (admin or member).
/// The answer carries the one-time accept link; only its hash is stored.
#[server(prefix = "/api", endpoint = "invitations/invite_member", input = Json)]
pub async fn invite_member(
    organisation_id: Uuid,
    email: String,
    role: Role,
) -> Result<CreatedInvitation, AppError> {
    use crate::rules::invitation::INVITATION_LIFETIME;
    use crate::server::{access, context, db, token};
    use crate::types::{Email, FieldIssue};

    let user = access::require_user().await?;
    access::ensure_org_admin(&user, organisation_id)?;
    let email = Email::parse(&email).map_err(|issue| AppError::field("email", issue))?;
    if !matches!(role, Role::Admin | Role::Member) {
        return Err(AppError::field("role", FieldIssue::InvalidChoice));
    }
    let pool = context::pool()?;
    if db::account::find_credentials(&pool, email.as_str())
        .await?
        .is_some()
    {
        return Err(AppError::field("email", FieldIssue::EmailTaken));
    }
    let secret = token::new_token();
    let now = time::OffsetDateTime::now_utc();
    let invitation_id = Uuid::now_v7();
    let expires_at = now + INVITATION_LIFETIME;
    let hash = token::token_hash(&secret);
    let new = db::invitation::NewInvitation {
        invitation_id,
        organisation_id,
        email: email.as_str(),
        role,
        token_hash: &hash,
        invited_by: user.user_id,
        expires_at,
    };
    db::invitation::insert_invitation(&pool, new).await?;
    tracing::info!(%invitation_id, %organisation_id, "invitation created");
    Ok(CreatedInvitation {
        invitation: Invitation {
            invitation_id,
            email: email.as_str().to_owned(),
            role,
            status: crate::rules::invitation::InvitationStatus::Pending,
            expires_at,
        },
        accept_path: format!("/invite/{secret}"),
    })
}

/// The organisation's invitations, newest first (admins only).
#[server(prefix = "/api", endpoint = "invitations/list_invitations", input = Json)]
pub async fn list_invitations(organisation_id: Uuid) -> Result<Vec<Invitation>, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_org_admin(&user, organisation_id)?;
    let now = time::OffsetDateTime::now_utc();
    let records = db::invitation::list_for_organisation(&context::pool()?, organisation_id).await?;
    Ok(records
        .into_iter()
        .map(|record| to_invitation(record, now))
        .collect())
}

/// Withdraws a pending invitation so its link stops working.
#[server(prefix = "/api", endpoint = "invitations/revoke_invitation", input = Json)]
pub async fn revoke_invitation(organisation_id: Uuid, invitation_id: Uuid) -> Result<(), AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_org_admin(&user, organisation_id)?;
    match db::invitation::revoke(&context::pool()?, organisation_id, invitation_id).await? {
        0 => Err(AppError::NotFound),
        _ => Ok(()),
    }
}

/// What the invitation link is for (public: the token is the credential).
#[server(prefix = "/api", endpoint = "invitations/get_invitation", input = Json)]
pub async fn get_invitation(token: String) -> Result<InvitationPreview, AppError> {
    let record = pending_invitation(&token).await?;
    Ok(InvitationPreview {
        organisation_name: record.organisation_name,
        organisation_name_zh: record.organisation_name_zh,
        email: record.email,
        role: record.role,
        expires_at: record.expires_at,
    })
}

/// Accepts an invitation: creates the account, joins the organisation and signs in.
#[server(prefix = "/api", endpoint = "invitations/accept_invitation", input = Json)]
pub async fn accept_invitation(
    token: String,
    display_name: String,
    password: String,
) -> Result<CurrentUser, AppError> {
    use crate::server::{access, context, db, error, password as pw};
    use crate::types::{parse_display_name, FieldErrors, FieldIssue, NewPassword};

    let mut errors = FieldErrors::default();
    let display_name = errors.check("display_name", parse_display_name(&display_name));
    let password = errors.check("password", NewPassword::parse(&password));
    let (Some(display_name), Some(password)) = (display_name, password) else {
        return Err(AppError::Validation { fields: errors });
    };
    let record = pending_invitation(&token).await?;
    let password_hash = pw::hash_password(password.expose().to_owned()).await?;
    let mut tx = context::pool()?.begin().await?;
    if !db::invitation::mark_accepted(&mut *tx, record.invitation_id).await? {
        return Err(AppError::field("token", FieldIssue::InvitationInvalid));
    }
    let account_id = Uuid::now_v7();
    let new = db::account::NewAccount {
        account_id,
        organisation_id: Some(record.organisation_id),
        email: &record.email,
        display_name: &display_name,
        password_hash: &password_hash,
        role: record.role,
    };
    if let Err(e) = db::account::insert_account(&mut *tx, new).await {
        return Err(match error::violated_constraint(&e) {
            Some("account_email_key") => AppError::field("token", FieldIssue::EmailTaken),
            _ => e.into(),
        });
    }
    tx.commit().await?;
    access::start_session(account_id).await?;
    access::require_user().await
}

/// The invitation behind `token` if it can still be accepted.
#[cfg(feature = "ssr")]
async fn pending_invitation(
    token: &str,
) -> Result<crate::server::db::invitation::InvitationRecord, AppError> {
    use crate::rules::invitation::{invitation_status, InvitationStatus};
    use crate::server::{context, db, token as tokens};
    use crate::types::FieldIssue;
    let invalid = || AppError::field("token", FieldIssue::InvitationInvalid);
    let record = db::invitation::find_by_token_hash(&context::pool()?, &tokens::token_hash(token))
        .await?
        .ok_or_else(invalid)?;
    let now = time::OffsetDateTime::now_utc();
    match invitation_status(
        record.expires_at,
        record.accepted_at,
        record.revoked_at,
        now,
    ) {
        InvitationStatus::Pending => Ok(record),
        _ => Err(invalid()),
    }
}
