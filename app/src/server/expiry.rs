//! The document expiry job and the re-review a replacement starts.
//!
//! [`run_expiry_pass`] applies `rules::qualification::documents` to every submitted supplier for
//! the day it is given (the server runs it at start-up and hourly; tests pass any date). It is
//! safe to run as often as wanted and from several instances at once: each supplier is handled in
//! one transaction that locks its profile row, and a warning is written once per document and
//! threshold (a unique index says so, not the job's memory).

use crate::rules::qualification::documents::{expiry_notices, lapsed, Lapsed, Notice};
use crate::rules::qualification::status::{
    transition, Action, QualificationStatus, SuspensionReason,
};
use crate::server::db;
use crate::server::db::notification::NewNotification;
use crate::types::scorecard::NotificationKind;
use sqlx::{PgConnection, PgPool};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// The audit action of a suspension for a lapsed document (also how a later upload recognises it).
pub const SUSPENDED_FOR_EXPIRY: &str = "suspended_document_expired";
/// The audit action of a re-review started by a replacement upload.
pub const RE_REVIEW_STARTED: &str = "re_review_started";

/// What a pass did, for logs and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExpiryPass {
    pub warnings: usize,
    pub suspensions: usize,
}

/// Warns about documents expiring within 30 and 7 days and suspends approved suppliers whose
/// required document lapsed before `today`. A failure on one supplier is logged and the others
/// still run.
pub async fn run_expiry_pass(pool: &PgPool, today: Date) -> Result<ExpiryPass, sqlx::Error> {
    let mut pass = ExpiryPass::default();
    for organisation_id in db::expiry::watched_suppliers(pool).await? {
        match check_supplier(pool, organisation_id, today).await {
            Ok(done) => {
                pass.warnings += done.warnings;
                pass.suspensions += done.suspensions;
            }
            Err(error) => {
                tracing::error!(%organisation_id, %error, "expiry check failed for a supplier");
            }
        }
    }
    Ok(pass)
}

async fn check_supplier(
    pool: &PgPool,
    organisation_id: Uuid,
    today: Date,
) -> Result<ExpiryPass, sqlx::Error> {
    let mut done = ExpiryPass::default();
    let mut tx = pool.begin().await?;
    let Some(Some(status)) = db::qualification::lock_status(&mut *tx, organisation_id).await?
    else {
        return Ok(done);
    };
    let documents = db::expiry::usable_documents(&mut *tx, organisation_id).await?;
    let sent = db::notification::sent_notices(&mut *tx, organisation_id).await?;
    for notice in expiry_notices(&documents, &sent, today) {
        if warn(&mut tx, organisation_id, &notice).await? {
            done.warnings += 1;
        }
    }
    if status == QualificationStatus::Approved {
        if let Some(first) = lapsed(&documents, today).first() {
            suspend(&mut tx, organisation_id, first, today).await?;
            done.suspensions += 1;
        }
    }
    tx.commit().await?;
    Ok(done)
}

/// Writes one warning and its e-mails; `false` if it was already written.
async fn warn(
    tx: &mut PgConnection,
    organisation_id: Uuid,
    notice: &Notice,
) -> Result<bool, sqlx::Error> {
    let new = NewNotification {
        organisation_id,
        kind: NotificationKind::DocumentExpiring,
        document_id: Some(notice.document_id),
        document_kind: Some(notice.kind),
        threshold: Some(notice.threshold),
        expires_on: Some(notice.expires_on),
    };
    if !db::notification::insert_notification(&mut *tx, &new).await? {
        return Ok(false);
    }
    let payload = serde_json::json!({
        "organisation_id": organisation_id,
        "document_id": notice.document_id,
        "document_kind": notice.kind,
        "threshold": notice.threshold,
        "expires_on": notice.expires_on.to_string(),
        "days_left": notice.days_left,
    });
    db::notification::queue_email_to_admins(
        &mut *tx,
        organisation_id,
        "document_expiring",
        payload,
    )
    .await?;
    Ok(true)
}

async fn suspend(
    tx: &mut PgConnection,
    organisation_id: Uuid,
    lapsed: &Lapsed,
    today: Date,
) -> Result<(), sqlx::Error> {
    let action = Action::Suspend {
        reason: SuspensionReason::DocumentExpired {
            document: lapsed.kind,
        },
    };
    let at = today.midnight().assume_utc();
    let Ok(change) = transition(QualificationStatus::Approved, action, at) else {
        // The state machine always allows this; if it ever stops, leave the supplier alone.
        return Ok(());
    };
    let kind = db::supplier_document::kind_str(lapsed.kind);
    // The supplier reads this; the dashboard shows the same in its own language.
    let reason = format!("The {kind} expired on {}.", lapsed.expired_on);
    db::qualification::update_status(&mut *tx, organisation_id, change.to, Some(&reason), false)
        .await?;
    db::expiry::insert_system_event(
        &mut *tx,
        organisation_id,
        SUSPENDED_FOR_EXPIRY,
        Some(&reason),
        Some(change.to),
    )
    .await?;
    let new = NewNotification {
        organisation_id,
        kind: NotificationKind::SuspendedDocumentExpired,
        document_id: Some(lapsed.document_id),
        document_kind: Some(lapsed.kind),
        threshold: None,
        expires_on: Some(lapsed.expired_on),
    };
    db::notification::insert_notification(&mut *tx, &new).await?;
    let payload = serde_json::json!({
        "organisation_id": organisation_id,
        "document_kind": lapsed.kind,
        "expired_on": lapsed.expired_on.to_string(),
    });
    db::notification::queue_email_to_admins(&mut *tx, organisation_id, "suspended", payload)
        .await?;
    Ok(())
}

/// After an upload (inside its transaction): a supplier suspended for a lapsed document whose
/// documents no longer contain a lapsed one goes back to review. Returns the new status if it
/// changed. A supplier suspended by staff stays suspended: only staff lift that.
pub async fn after_upload(
    tx: &mut PgConnection,
    organisation_id: Uuid,
    now: OffsetDateTime,
) -> Result<Option<QualificationStatus>, sqlx::Error> {
    let status = db::qualification::lock_status(&mut *tx, organisation_id)
        .await?
        .flatten();
    if status != Some(QualificationStatus::Suspended) {
        return Ok(None);
    }
    let why = db::expiry::last_status_action(&mut *tx, organisation_id).await?;
    if why.as_deref() != Some(SUSPENDED_FOR_EXPIRY) {
        return Ok(None);
    }
    let documents = db::expiry::usable_documents(&mut *tx, organisation_id).await?;
    if !lapsed(&documents, now.date()).is_empty() {
        return Ok(None);
    }
    let Ok(change) = transition(QualificationStatus::Suspended, Action::ReplaceDocument, now)
    else {
        return Ok(None);
    };
    db::qualification::update_status(&mut *tx, organisation_id, change.to, None, true).await?;
    db::expiry::insert_system_event(
        &mut *tx,
        organisation_id,
        RE_REVIEW_STARTED,
        None,
        Some(change.to),
    )
    .await?;
    let new = NewNotification {
        organisation_id,
        kind: NotificationKind::ReReviewStarted,
        document_id: None,
        document_kind: None,
        threshold: None,
        expires_on: None,
    };
    db::notification::insert_notification(&mut *tx, &new).await?;
    Ok(Some(change.to))
}
