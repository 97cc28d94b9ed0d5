//! SQL for the document expiry job: the documents it checks and the audit rows it writes without
//! a person behind them.

use super::qualification::status_str;
use super::supplier_document::decode_kind;
use crate::rules::qualification::documents::Document;
use crate::rules::qualification::status::QualificationStatus;
use sqlx::PgExecutor;
use uuid::Uuid;

/// Suppliers whose documents the job watches: everyone submitted and not rejected.
#[tracing::instrument(skip(db), err)]
pub async fn watched_suppliers(db: impl PgExecutor<'_>) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select organisation_id from supplier_profile
           where status in ('applied', 'under_review', 'approved', 'suspended')
           order by organisation_id"#
    )
    .fetch_all(db)
    .await
}

/// The documents the expiry rules consider: every one a reviewer has not rejected (a pending
/// replacement counts, so uploading it silences the warnings about the one it replaces).
#[tracing::instrument(skip(db), err)]
pub async fn usable_documents(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Vec<Document>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select document_id, kind, expires_on from supplier_document
           where organisation_id = $1 and review <> 'rejected'"#,
        organisation_id
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(Document {
                document_id: row.document_id,
                kind: decode_kind(&row.kind)?,
                expires_on: row.expires_on,
            })
        })
        .collect()
}

/// The audit action of the latest status change, to tell why a supplier is suspended.
#[tracing::instrument(skip(db), err)]
pub async fn last_status_action(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select action from qualification_event
           where organisation_id = $1 and status_after is not null
           order by at desc, event_id desc limit 1"#,
        organisation_id
    )
    .fetch_optional(db)
    .await
}

/// An audit-trail entry written by the platform itself (no actor). Stamped with the clock, not
/// the transaction start, so it sorts after the person's entry that caused it in the same
/// transaction (an upload, then the re-review it starts).
#[tracing::instrument(skip(db), err)]
pub async fn insert_system_event(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    action: &str,
    note: Option<&str>,
    status_after: Option<QualificationStatus>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into qualification_event
               (event_id, organisation_id, actor_id, action, note, status_after, at)
           values ($1, $2, null, $3, $4, $5, clock_timestamp())"#,
        Uuid::new_v4(),
        organisation_id,
        action,
        note,
        status_after.map(status_str),
    )
    .execute(db)
    .await
    .map(|_| ())
}
