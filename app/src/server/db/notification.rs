//! SQL for supplier notices: in-app notifications and the e-mail outbox rows that announce them.

use super::supplier_document::{decode_kind, kind_str};
use crate::rules::qualification::documents::{NoticeThreshold, SentNotice};
use crate::types::scorecard::{NotificationKind, SupplierNotification};
use sqlx::PgExecutor;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

pub fn threshold_str(threshold: NoticeThreshold) -> &'static str {
    match threshold {
        NoticeThreshold::ThirtyDays => "thirty_days",
        NoticeThreshold::SevenDays => "seven_days",
    }
}

fn decode_threshold(raw: &str) -> Result<NoticeThreshold, sqlx::Error> {
    [NoticeThreshold::ThirtyDays, NoticeThreshold::SevenDays]
        .into_iter()
        .find(|t| threshold_str(*t) == raw)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown threshold {raw:?}").into()))
}

pub fn notification_kind_str(kind: NotificationKind) -> &'static str {
    match kind {
        NotificationKind::DocumentExpiring => "document_expiring",
        NotificationKind::SuspendedDocumentExpired => "suspended_document_expired",
        NotificationKind::ReReviewStarted => "re_review_started",
    }
}

fn decode_notification_kind(raw: &str) -> Result<NotificationKind, sqlx::Error> {
    [
        NotificationKind::DocumentExpiring,
        NotificationKind::SuspendedDocumentExpired,
        NotificationKind::ReReviewStarted,
    ]
    .into_iter()
    .find(|k| notification_kind_str(*k) == raw)
    .ok_or_else(|| sqlx::Error::Decode(format!("unknown notification {raw:?}").into()))
}

/// The expiry warnings already sent to an organisation.
#[tracing::instrument(skip(db), err)]
pub async fn sent_notices(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Vec<SentNotice>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select document_id as "document_id!", threshold as "threshold!"
           from supplier_notification
           where organisation_id = $1 and kind = 'document_expiring'
             and document_id is not null and threshold is not null"#,
        organisation_id
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(SentNotice {
                document_id: row.document_id,
                threshold: decode_threshold(&row.threshold)?,
            })
        })
        .collect()
}

/// A notice to write.
#[derive(Debug)]
pub struct NewNotification {
    pub organisation_id: Uuid,
    pub kind: NotificationKind,
    pub document_id: Option<Uuid>,
    pub document_kind: Option<crate::rules::qualification::documents::DocumentKind>,
    pub threshold: Option<NoticeThreshold>,
    pub expires_on: Option<Date>,
}

/// Writes a notice; `false` when this expiry warning was already written (it is sent once only).
#[tracing::instrument(skip(db), err)]
pub async fn insert_notification(
    db: impl PgExecutor<'_>,
    new: &NewNotification,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        r#"insert into supplier_notification
               (notification_id, organisation_id, kind, document_id, document_kind, threshold, expires_on)
           values ($1, $2, $3, $4, $5, $6, $7)
           on conflict (document_id, threshold) where kind = 'document_expiring' do nothing"#,
        Uuid::new_v4(),
        new.organisation_id,
        notification_kind_str(new.kind),
        new.document_id,
        new.document_kind.map(kind_str),
        new.threshold.map(threshold_str),
        new.expires_on,
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Queues one e-mail per admin of the organisation; returns how many.
#[tracing::instrument(skip(db, payload), err)]
pub async fn queue_email_to_admins(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    template: &str,
    payload: serde_json::Value,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        r#"insert into email_outbox (email_id, to_address, template, payload)
           select gen_random_uuid(), email, $2, $3::text::jsonb from account
           where organisation_id = $1 and role = 'admin'"#,
        organisation_id,
        template,
        payload.to_string(),
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

/// The organisation's notices, newest first.
#[tracing::instrument(skip(db), err)]
pub async fn list_notifications(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    limit: i64,
) -> Result<Vec<SupplierNotification>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select notification_id, kind, document_kind, threshold, expires_on, read_at, created_at
           from supplier_notification where organisation_id = $1
           order by created_at desc, notification_id limit $2"#,
        organisation_id,
        limit
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(SupplierNotification {
                notification_id: row.notification_id,
                kind: decode_notification_kind(&row.kind)?,
                document_kind: row.document_kind.as_deref().map(decode_kind).transpose()?,
                threshold: row.threshold.as_deref().map(decode_threshold).transpose()?,
                expires_on: row.expires_on,
                read_at: row.read_at,
                created_at: row.created_at,
            })
        })
        .collect()
}

/// Marks every unread notice of the organisation read; returns how many.
#[tracing::instrument(skip(db), err)]
pub async fn mark_all_read(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    now: OffsetDateTime,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!(
        r#"update supplier_notification set read_at = $2
           where organisation_id = $1 and read_at is null"#,
        organisation_id,
        now
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}
