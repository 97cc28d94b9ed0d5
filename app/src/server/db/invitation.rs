//! SQL for invitations: created by an admin, accepted once through a token link.

use super::decode_role;
use crate::types::Role;
use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

pub struct NewInvitation<'a> {
    pub invitation_id: Uuid,
    pub organisation_id: Uuid,
    pub email: &'a str,
    pub role: Role,
    pub token_hash: &'a [u8],
    pub invited_by: Uuid,
    pub expires_at: OffsetDateTime,
}

#[tracing::instrument(skip_all, err)]
pub async fn insert_invitation(
    db: impl PgExecutor<'_>,
    new: NewInvitation<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into invitation (invitation_id, organisation_id, email, role, token_hash, invited_by, expires_at)
           values ($1, $2, $3, $4, $5, $6, $7)"#,
        new.invitation_id,
        new.organisation_id,
        new.email,
        new.role.as_str(),
        new.token_hash,
        new.invited_by,
        new.expires_at,
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// An invitation as stored.
pub struct InvitationRecord {
    pub invitation_id: Uuid,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub organisation_name_zh: Option<String>,
    pub email: String,
    pub role: Role,
    pub expires_at: OffsetDateTime,
    pub accepted_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

/// The row shape both look-ups select; the role is decoded from text.
struct InvitationRow {
    invitation_id: Uuid,
    organisation_id: Uuid,
    organisation_name: String,
    organisation_name_zh: Option<String>,
    email: String,
    role: String,
    expires_at: OffsetDateTime,
    accepted_at: Option<OffsetDateTime>,
    revoked_at: Option<OffsetDateTime>,
}

impl TryFrom<InvitationRow> for InvitationRecord {
    type Error = sqlx::Error;

    fn try_from(row: InvitationRow) -> Result<Self, Self::Error> {
        Ok(InvitationRecord {
            invitation_id: row.invitation_id,
            organisation_id: row.organisation_id,
            organisation_name: row.organisation_name,
            organisation_name_zh: row.organisation_name_zh,
            email: row.email,
            role: decode_role(&row.role)?,
            expires_at: row.expires_at,
            accepted_at: row.accepted_at,
            revoked_at: row.revoked_at,
        })
    }
}

#[tracing::instrument(skip(db), err)]
pub async fn list_for_organisation(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Vec<InvitationRecord>, sqlx::Error> {
    let rows = sqlx::query_as!(
        InvitationRow,
        r#"select i.invitation_id, i.organisation_id, o.name as organisation_name, o.name_zh as organisation_name_zh, i.email, i.role,
                  i.expires_at, i.accepted_at, i.revoked_at
           from invitation i join organisation o using (organisation_id)
           where i.organisation_id = $1 order by i.created_at desc limit 200"#,
        organisation_id
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(InvitationRecord::try_from).collect()
}

#[tracing::instrument(skip_all, err)]
pub async fn find_by_token_hash(
    db: impl PgExecutor<'_>,
    token_hash: &[u8],
) -> Result<Option<InvitationRecord>, sqlx::Error> {
    let row = sqlx::query_as!(
        InvitationRow,
        r#"select i.invitation_id, i.organisation_id, o.name as organisation_name, o.name_zh as organisation_name_zh, i.email, i.role,
                  i.expires_at, i.accepted_at, i.revoked_at
           from invitation i join organisation o using (organisation_id)
           where i.token_hash = $1"#,
        token_hash
    )
    .fetch_optional(db)
    .await?;
    row.map(InvitationRecord::try_from).transpose()
}

/// Marks a still-pending invitation accepted. Returns false if it was used, revoked or expired
/// meanwhile: the check and the write are one statement, so a link works exactly once.
#[tracing::instrument(skip(db), err)]
pub async fn mark_accepted(
    db: impl PgExecutor<'_>,
    invitation_id: Uuid,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        r#"update invitation set accepted_at = now()
           where invitation_id = $1 and accepted_at is null and revoked_at is null and expires_at > now()"#,
        invitation_id
    )
    .execute(db)
    .await
    .map(|done| done.rows_affected() == 1)
}

#[tracing::instrument(skip(db), err)]
pub async fn revoke(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    invitation_id: Uuid,
) -> Result<u64, sqlx::Error> {
    sqlx::query!(
        r#"update invitation set revoked_at = now()
           where organisation_id = $1 and invitation_id = $2 and accepted_at is null and revoked_at is null"#,
        organisation_id,
        invitation_id
    )
    .execute(db)
    .await
    .map(|done| done.rows_affected())
}
