//! SQL for supplier qualification: the profile with its status, the audit trail and the queue.

use crate::rules::qualification::status::QualificationStatus;
use crate::types::qualification::{QualificationEvent, ReviewQueueRow, SupplierProfileInput};
use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

/// The text a status is stored as.
pub fn status_str(status: QualificationStatus) -> &'static str {
    match status {
        QualificationStatus::Applied => "applied",
        QualificationStatus::UnderReview => "under_review",
        QualificationStatus::Approved => "approved",
        QualificationStatus::Rejected => "rejected",
        QualificationStatus::Suspended => "suspended",
    }
}

/// Decodes a stored status (the column has a check constraint, so failure is corruption).
pub(crate) fn decode_status(raw: &str) -> Result<QualificationStatus, sqlx::Error> {
    QualificationStatus::ALL
        .into_iter()
        .find(|status| status_str(*status) == raw)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown status {raw:?}").into()))
}

/// An organisation as qualification sees it, with its profile if one was saved.
pub struct ApplicationHead {
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub organisation_kind: String,
    pub profile: Option<SupplierProfileInput>,
    pub status: Option<QualificationStatus>,
    pub status_reason: Option<String>,
}

#[tracing::instrument(skip(db), err)]
pub async fn find_head(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Option<ApplicationHead>, sqlx::Error> {
    let row = sqlx::query!(
        r#"select o.organisation_id, o.name, o.kind,
                  p.legal_name as "legal_name?", p.registration_number as "registration_number?",
                  p.address as "address?", p.categories as "categories?",
                  p.production_capacity as "production_capacity?",
                  p.status, p.status_reason
           from organisation o left join supplier_profile p using (organisation_id)
           where o.organisation_id = $1"#,
        organisation_id
    )
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let profile = match (
        row.legal_name,
        row.registration_number,
        row.address,
        row.categories,
        row.production_capacity,
    ) {
        (
            Some(legal_name),
            Some(registration_number),
            Some(address),
            Some(categories),
            Some(production_capacity),
        ) => Some(SupplierProfileInput {
            legal_name,
            registration_number,
            address,
            categories,
            production_capacity,
        }),
        _ => None,
    };
    Ok(Some(ApplicationHead {
        organisation_id: row.organisation_id,
        organisation_name: row.name,
        organisation_kind: row.kind,
        profile,
        status: row.status.as_deref().map(decode_status).transpose()?,
        status_reason: row.status_reason,
    }))
}

/// The profile's status, locking the row: `None` when no profile was saved yet.
#[tracing::instrument(skip(db), err)]
pub async fn lock_status(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Option<Option<QualificationStatus>>, sqlx::Error> {
    let row = sqlx::query_scalar!(
        r#"select status from supplier_profile where organisation_id = $1 for update"#,
        organisation_id
    )
    .fetch_optional(db)
    .await?;
    row.map(|status| status.as_deref().map(decode_status).transpose())
        .transpose()
}

/// Inserts or replaces the company facts (already validated); the status is left alone.
#[tracing::instrument(skip(db), err)]
pub async fn upsert_profile(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    profile: &SupplierProfileInput,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into supplier_profile
               (organisation_id, legal_name, registration_number, address, categories, production_capacity)
           values ($1, $2, $3, $4, $5, $6)
           on conflict (organisation_id) do update set
               legal_name = excluded.legal_name,
               registration_number = excluded.registration_number,
               address = excluded.address,
               categories = excluded.categories,
               production_capacity = excluded.production_capacity,
               updated_at = now()"#,
        organisation_id,
        profile.legal_name,
        profile.registration_number,
        profile.address,
        &profile.categories,
        profile.production_capacity,
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Sets the status and the reason the supplier reads; `submitted` also stamps `submitted_at`.
#[tracing::instrument(skip(db), err)]
pub async fn update_status(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    status: QualificationStatus,
    reason: Option<&str>,
    submitted: bool,
) -> Result<u64, sqlx::Error> {
    sqlx::query!(
        r#"update supplier_profile
           set status = $2, status_reason = $3, updated_at = now(),
               submitted_at = case when $4 then now() else submitted_at end
           where organisation_id = $1"#,
        organisation_id,
        status_str(status),
        reason,
        submitted,
    )
    .execute(db)
    .await
    .map(|done| done.rows_affected())
}

/// One audit-trail entry to write.
#[derive(Debug)]
pub struct NewEvent<'a> {
    pub organisation_id: Uuid,
    pub actor_id: Uuid,
    pub action: &'a str,
    pub note: Option<&'a str>,
    pub status_after: Option<QualificationStatus>,
}

#[tracing::instrument(skip(db), err)]
pub async fn insert_event(db: impl PgExecutor<'_>, new: NewEvent<'_>) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into qualification_event (event_id, organisation_id, actor_id, action, note, status_after)
           values ($1, $2, $3, $4, $5, $6)"#,
        Uuid::new_v4(),
        new.organisation_id,
        new.actor_id,
        new.action,
        new.note,
        new.status_after.map(status_str),
    )
    .execute(db)
    .await
    .map(|_| ())
}

struct EventRow {
    at: OffsetDateTime,
    actor_name: String,
    action: String,
    note: Option<String>,
    status_after: Option<String>,
}

impl TryFrom<EventRow> for QualificationEvent {
    type Error = sqlx::Error;

    fn try_from(row: EventRow) -> Result<Self, Self::Error> {
        Ok(QualificationEvent {
            at: row.at,
            actor_name: row.actor_name,
            action: row.action,
            note: row.note,
            status_after: row.status_after.as_deref().map(decode_status).transpose()?,
        })
    }
}

/// The audit trail of one organisation, oldest first; the platform's own entries (the expiry
/// job) have no account and are signed "Agora".
#[tracing::instrument(skip(db), err)]
pub async fn list_events(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Vec<QualificationEvent>, sqlx::Error> {
    let rows = sqlx::query_as!(
        EventRow,
        r#"select e.at, coalesce(a.display_name, 'Agora') as "actor_name!", e.action, e.note,
                  e.status_after
           from qualification_event e left join account a on a.account_id = e.actor_id
           where e.organisation_id = $1 order by e.at, e.event_id limit 500"#,
        organisation_id
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(QualificationEvent::try_from).collect()
}

/// Applications waiting for staff (applied and under review), oldest submission first, and
/// approved suppliers with a document to review (a renewal uploaded before the old one lapsed).
#[tracing::instrument(skip(db), err)]
pub async fn review_queue(db: impl PgExecutor<'_>) -> Result<Vec<ReviewQueueRow>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select p.organisation_id, o.name, o.name_zh, p.status as "status!", p.submitted_at,
                  (select count(*) from supplier_document d
                   where d.organisation_id = p.organisation_id and d.review = 'pending') as "pending_documents!"
           from supplier_profile p join organisation o using (organisation_id)
           where p.status in ('applied', 'under_review')
              or (p.status = 'approved' and exists (select 1 from supplier_document d
                  where d.organisation_id = p.organisation_id and d.review = 'pending'))
           order by p.submitted_at nulls last, p.organisation_id
           limit 500"#
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(ReviewQueueRow {
                organisation_id: row.organisation_id,
                name: row.name,
                name_zh: row.name_zh,
                status: decode_status(&row.status)?,
                submitted_at: row.submitted_at,
                pending_documents: row.pending_documents,
            })
        })
        .collect()
}
