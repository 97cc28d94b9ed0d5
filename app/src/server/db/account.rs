//! SQL for accounts: credentials, the current user, and organisation membership.

use super::{decode_kind, decode_role};
use crate::types::{CurrentUser, Member, OrgSummary, Role};
use sqlx::PgExecutor;
use uuid::Uuid;

/// A new account row. `organisation_id` is `None` exactly for platform staff.
pub struct NewAccount<'a> {
    pub account_id: Uuid,
    pub organisation_id: Option<Uuid>,
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
}

#[tracing::instrument(skip_all, err)]
pub async fn insert_account(
    db: impl PgExecutor<'_>,
    new: NewAccount<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into account (account_id, organisation_id, email, display_name, password_hash, role)
           values ($1, $2, $3, $4, $5, $6)"#,
        new.account_id,
        new.organisation_id,
        new.email,
        new.display_name,
        new.password_hash,
        new.role.as_str(),
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// The stored hash for an e-mail address, with its account id.
pub struct Credentials {
    pub account_id: Uuid,
    pub password_hash: String,
}

#[tracing::instrument(skip(db), err)]
pub async fn find_credentials(
    db: impl PgExecutor<'_>,
    email: &str,
) -> Result<Option<Credentials>, sqlx::Error> {
    sqlx::query_as!(
        Credentials,
        r#"select account_id, password_hash from account where email = $1"#,
        email
    )
    .fetch_optional(db)
    .await
}

#[tracing::instrument(skip(db), err)]
pub async fn load_current_user(
    db: impl PgExecutor<'_>,
    account_id: Uuid,
) -> Result<Option<CurrentUser>, sqlx::Error> {
    let row = sqlx::query!(
        r#"select a.account_id, a.email, a.display_name, a.role,
                  o.organisation_id as "organisation_id?", o.name as "org_name?",
                  o.name_zh as "org_name_zh?", o.kind as "org_kind?"
           from account a left join organisation o using (organisation_id)
           where a.account_id = $1"#,
        account_id
    )
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let organisation = match (row.organisation_id, row.org_name, row.org_kind) {
        (Some(organisation_id), Some(name), Some(kind)) => Some(OrgSummary {
            organisation_id,
            name,
            name_zh: row.org_name_zh,
            kind: decode_kind(&kind)?,
        }),
        _ => None,
    };
    Ok(Some(CurrentUser {
        user_id: row.account_id,
        email: row.email,
        display_name: row.display_name,
        role: decode_role(&row.role)?,
        organisation,
    }))
}

#[tracing::instrument(skip(db), err)]
pub async fn list_members(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Vec<Member>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select account_id, email, display_name, role, created_at
           from account where organisation_id = $1 order by created_at, email"#,
        organisation_id
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(Member {
                user_id: row.account_id,
                email: row.email,
                display_name: row.display_name,
                role: decode_role(&row.role)?,
                joined_at: row.created_at,
            })
        })
        .collect()
}

/// The role of `account_id` in `organisation_id`, if it is a member; locks the row.
#[tracing::instrument(skip(db), err)]
pub async fn lock_member_role(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    account_id: Uuid,
) -> Result<Option<Role>, sqlx::Error> {
    let row = sqlx::query_scalar!(
        r#"select role from account where organisation_id = $1 and account_id = $2 for update"#,
        organisation_id,
        account_id
    )
    .fetch_optional(db)
    .await?;
    row.as_deref().map(decode_role).transpose()
}

/// Counts the admins of an organisation, locking their rows so two demotions cannot race.
#[tracing::instrument(skip(db), err)]
pub async fn lock_admin_count(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<i64, sqlx::Error> {
    let ids = sqlx::query_scalar!(
        r#"select account_id from account where organisation_id = $1 and role = 'admin' for update"#,
        organisation_id
    )
    .fetch_all(db)
    .await?;
    Ok(ids.len() as i64)
}

#[tracing::instrument(skip(db), err)]
pub async fn update_role(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    account_id: Uuid,
    role: Role,
) -> Result<u64, sqlx::Error> {
    sqlx::query!(
        r#"update account set role = $3, updated_at = now()
           where organisation_id = $1 and account_id = $2"#,
        organisation_id,
        account_id,
        role.as_str()
    )
    .execute(db)
    .await
    .map(|done| done.rows_affected())
}

#[tracing::instrument(skip(db), err)]
pub async fn delete_member(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    account_id: Uuid,
) -> Result<u64, sqlx::Error> {
    sqlx::query!(
        r#"delete from account where organisation_id = $1 and account_id = $2"#,
        organisation_id,
        account_id
    )
    .execute(db)
    .await
    .map(|done| done.rows_affected())
}

#[tracing::instrument(skip(db), err)]
pub async fn update_display_name(
    db: impl PgExecutor<'_>,
    account_id: Uuid,
    display_name: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"update account set display_name = $2, updated_at = now() where account_id = $1"#,
        account_id,
        display_name
    )
    .execute(db)
    .await
    .map(|_| ())
}

#[tracing::instrument(skip_all, err)]
pub async fn update_password_hash(
    db: impl PgExecutor<'_>,
    account_id: Uuid,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"update account set password_hash = $2, updated_at = now() where account_id = $1"#,
        account_id,
        password_hash
    )
    .execute(db)
    .await
    .map(|_| ())
}

#[tracing::instrument(skip(db), err)]
pub async fn password_hash_of(
    db: impl PgExecutor<'_>,
    account_id: Uuid,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select password_hash from account where account_id = $1"#,
        account_id
    )
    .fetch_optional(db)
    .await
}
