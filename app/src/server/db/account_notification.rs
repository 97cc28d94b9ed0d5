//! SQL for notices to one person (`account_notification`) and the e-mails announcing them.

use crate::types::notice::{AccountNotification, Notice, NoticeKind};
use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

fn encode(notice: &Notice) -> Result<String, sqlx::Error> {
    serde_json::to_string(notice).map_err(|e| sqlx::Error::Encode(format!("notice: {e}").into()))
}

/// Writes `notice` for `account_id`.
#[tracing::instrument(skip(db, notice), err)]
pub async fn insert_for_account(
    db: impl PgExecutor<'_>,
    account_id: Uuid,
    notice: &Notice,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into account_notification (notification_id, account_id, kind, payload)
           values ($1, $2, $3, $4::text::jsonb)"#,
        Uuid::now_v7(),
        account_id,
        notice.kind().as_str(),
        encode(notice)?,
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Writes `notice` for every admin of `organisation_id`; returns how many.
#[tracing::instrument(skip(db, notice), err)]
pub async fn insert_for_admins(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    notice: &Notice,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        r#"insert into account_notification (notification_id, account_id, kind, payload)
           select gen_random_uuid(), account_id, $2, $3::text::jsonb from account
           where organisation_id = $1 and role = 'admin'"#,
        organisation_id,
        notice.kind().as_str(),
        encode(notice)?,
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

/// Queues the e-mail announcing `notice` to `account_id`'s address (template: the kind).
#[tracing::instrument(skip(db, notice), err)]
pub async fn queue_email_to_account(
    db: impl PgExecutor<'_>,
    account_id: Uuid,
    notice: &Notice,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        r#"insert into email_outbox (email_id, to_address, template, payload)
           select gen_random_uuid(), email, $2, $3::text::jsonb from account where account_id = $1"#,
        account_id,
        notice.kind().as_str(),
        encode(notice)?,
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

/// The account's newest `limit` notices. A payload that no longer reads is skipped (and
/// logged) rather than hiding every other notice.
#[tracing::instrument(skip(db), err)]
pub async fn list_for_account(
    db: impl PgExecutor<'_>,
    account_id: Uuid,
    limit: i64,
) -> Result<Vec<AccountNotification>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select notification_id, kind, payload, read_at, created_at
           from account_notification where account_id = $1
           order by created_at desc, notification_id desc limit $2"#,
        account_id,
        limit
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let notice = NoticeKind::parse(&row.kind)
                .ok_or_else(|| format!("unknown kind {:?}", row.kind))
                .and_then(|kind| Notice::from_stored(kind, row.payload).map_err(|e| e.to_string()));
            match notice {
                Ok(notice) => Some(AccountNotification {
                    notification_id: row.notification_id,
                    notice,
                    read_at: row.read_at,
                    created_at: row.created_at,
                }),
                Err(error) => {
                    let id = row.notification_id;
                    tracing::warn!(%id, %error, "skipping a notice that does not read");
                    None
                }
            }
        })
        .collect())
}

/// How many of the account's notices are unread.
#[tracing::instrument(skip(db), err)]
pub async fn count_unread(db: impl PgExecutor<'_>, account_id: Uuid) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select count(*) as "count!" from account_notification
           where account_id = $1 and read_at is null"#,
        account_id
    )
    .fetch_one(db)
    .await
}

/// Marks every unread notice of the account read; returns how many.
#[tracing::instrument(skip(db), err)]
pub async fn mark_all_read(
    db: impl PgExecutor<'_>,
    account_id: Uuid,
    now: OffsetDateTime,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        r#"update account_notification set read_at = $2
           where account_id = $1 and read_at is null"#,
        account_id,
        now
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}
