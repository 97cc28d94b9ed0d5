//! Supplier qualification: the supplier's application and the reviewers' decisions.

#[cfg(feature = "ssr")]
use crate::error::ConflictReason;
use crate::types::qualification::{ReviewQueueRow, SupplierApplication, SupplierProfileInput};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{Json, MultipartData, MultipartFormData};
use uuid::Uuid;

/// The application of a supplier organisation (its own members and staff; others `NotFound`).
#[server(prefix = "/api", endpoint = "qualification/get_application", input = Json)]
pub async fn get_application(organisation_id: Uuid) -> Result<SupplierApplication, AppError> {
    use crate::server::{access, context, qualification};
    let user = access::require_user().await?;
    if !user.is_staff() {
        qualification::ensure_supplier_member(&user, organisation_id)?;
    }
    qualification::load_application(&context::pool()?, organisation_id).await
}

/// Saves the company profile (supplier admins, before submission or after a rejection).
#[server(prefix = "/api", endpoint = "qualification/save_profile", input = Json)]
pub async fn save_profile(
    organisation_id: Uuid,
    input: SupplierProfileInput,
) -> Result<SupplierApplication, AppError> {
    use crate::rules::qualification::status::QualificationStatus;
    use crate::server::{access, context, db, qualification};
    let user = access::require_user().await?;
    qualification::ensure_supplier_admin(&user, organisation_id)?;
    let profile = qualification::validate_profile(&input)?;
    let pool = context::pool()?;
    let mut tx = pool.begin().await?;
    let status = db::qualification::lock_status(&mut *tx, organisation_id).await?;
    if !matches!(
        status,
        None | Some(None) | Some(Some(QualificationStatus::Rejected))
    ) {
        return Err(AppError::conflict(ConflictReason::ApplicationLocked));
    }
    db::qualification::upsert_profile(&mut *tx, organisation_id, &profile).await?;
    let event = db::qualification::NewEvent {
        organisation_id,
        actor_id: user.user_id,
        action: "profile_saved",
        note: None,
        status_after: None,
    };
    db::qualification::insert_event(&mut *tx, event).await?;
    tx.commit().await?;
    qualification::load_application(&pool, organisation_id).await
}

/// Uploads one document: multipart fields `organisation_id`, `kind` (snake_case DocumentKind),
/// `number`, `issuer`, `expires_on` (YYYY-MM-DD or empty) and `file`. PDF/PNG/JPEG, ≤ 10 MiB.
#[server(prefix = "/api", endpoint = "qualification/upload_document", input = MultipartFormData)]
pub async fn upload_document(data: MultipartData) -> Result<SupplierApplication, AppError> {
    use crate::server::{access, context, db, qualification};
    let user = access::require_user().await?;
    let upload = qualification::read_upload(&user, data).await?;
    let organisation_id = upload.organisation_id;
    let pool = context::pool()?;
    let mut tx = pool.begin().await?;
    let document = db::supplier_document::NewDocument {
        document_id: Uuid::new_v4(),
        organisation_id,
        kind: upload.kind,
        number: &upload.number,
        issuer: &upload.issuer,
        expires_on: upload.expires_on,
        file_name: &upload.file_name,
        content_type: &upload.content_type,
        sha256: &upload.sha256,
        content: &upload.content,
        uploaded_by: user.user_id,
    };
    db::supplier_document::insert_document(&mut *tx, document).await?;
    let event = db::qualification::NewEvent {
        organisation_id,
        actor_id: user.user_id,
        action: "document_uploaded",
        note: Some(&upload.file_name),
        status_after: None,
    };
    db::qualification::insert_event(&mut *tx, event).await?;
    // A valid replacement for a lapsed licence puts a supplier suspended for it back into review.
    crate::server::expiry::after_upload(&mut tx, organisation_id, time::OffsetDateTime::now_utc())
        .await?;
    tx.commit().await?;
    qualification::load_application(&pool, organisation_id).await
}

/// Submits (or resubmits after a rejection) the application for review.
#[server(prefix = "/api", endpoint = "qualification/submit_application", input = Json)]
pub async fn submit_application(organisation_id: Uuid) -> Result<SupplierApplication, AppError> {
    use crate::rules::qualification::documents::DocumentKind;
    use crate::rules::qualification::status::{transition, Action, QualificationStatus};
    use crate::server::{access, context, db, qualification};
    let user = access::require_user().await?;
    qualification::ensure_supplier_admin(&user, organisation_id)?;
    let pool = context::pool()?;
    let mut tx = pool.begin().await?;
    let incomplete = || AppError::conflict(ConflictReason::ApplicationIncomplete);
    let current = db::qualification::lock_status(&mut *tx, organisation_id)
        .await?
        .ok_or_else(incomplete)?;
    let licences = db::supplier_document::count_usable(
        &mut *tx,
        organisation_id,
        DocumentKind::BusinessLicence,
    )
    .await?;
    if licences == 0 {
        return Err(incomplete());
    }
    let to = match current {
        None => QualificationStatus::Applied,
        Some(current) => {
            transition(current, Action::Submit, time::OffsetDateTime::now_utc())
                .map_err(transition_error)?
                .to
        }
    };
    db::qualification::update_status(&mut *tx, organisation_id, to, None, true).await?;
    let event = db::qualification::NewEvent {
        organisation_id,
        actor_id: user.user_id,
        action: "submitted",
        note: None,
        status_after: Some(to),
    };
    db::qualification::insert_event(&mut *tx, event).await?;
    tx.commit().await?;
    qualification::load_application(&pool, organisation_id).await
}

/// Applications waiting for staff (applied and under review), oldest first. Staff only.
#[server(prefix = "/api", endpoint = "qualification/review_queue", input = Json)]
pub async fn review_queue() -> Result<Vec<ReviewQueueRow>, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    Ok(db::qualification::review_queue(&context::pool()?).await?)
}

/// A reviewer approves or rejects one document (a rejection needs a note).
#[server(prefix = "/api", endpoint = "qualification/decide_document", input = Json)]
pub async fn decide_document(
    document_id: Uuid,
    approve: bool,
    note: String,
) -> Result<SupplierApplication, AppError> {
    use crate::server::{access, context, db, qualification};
    use crate::types::qualification::DocumentReview;
    use crate::types::validation::{bounded_text, FieldIssue};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let note = bounded_text(&note, 0, 1000).map_err(|issue| AppError::field("note", issue))?;
    if !approve && note.is_empty() {
        return Err(AppError::field("note", FieldIssue::Required));
    }
    let (review, action) = if approve {
        (DocumentReview::Approved, "document_approved")
    } else {
        (DocumentReview::Rejected, "document_rejected")
    };
    let note = Some(note.as_str()).filter(|note| !note.is_empty());
    let pool = context::pool()?;
    let mut tx = pool.begin().await?;
    let organisation_id = db::supplier_document::lock_owner(&mut *tx, document_id)
        .await?
        .ok_or(AppError::NotFound)?;
    db::supplier_document::set_review(&mut *tx, document_id, review, note, user.user_id).await?;
    let event = db::qualification::NewEvent {
        organisation_id,
        actor_id: user.user_id,
        action,
        note,
        status_after: None,
    };
    db::qualification::insert_event(&mut *tx, event).await?;
    tx.commit().await?;
    qualification::load_application(&pool, organisation_id).await
}

/// A reviewer decides the application: `start_review`, `approve`, `reject` (reason required),
/// `suspend` (note required) or `reinstate`.
#[server(prefix = "/api", endpoint = "qualification/decide_application", input = Json)]
pub async fn decide_application(
    organisation_id: Uuid,
    decision: String,
    reason: String,
) -> Result<SupplierApplication, AppError> {
    use crate::rules::qualification::status::{transition, Action, SuspensionReason};
    use crate::server::{access, context, db, qualification};
    use crate::types::validation::FieldIssue;
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let (action, event_action) = match decision.as_str() {
        "start_review" => (Action::StartReview, "review_started"),
        "approve" => (Action::Approve, "approved"),
        "reject" => (
            Action::Reject {
                reason: reason.clone(),
            },
            "rejected",
        ),
        "suspend" => (
            Action::Suspend {
                reason: SuspensionReason::Staff {
                    note: reason.clone(),
                },
            },
            "suspended",
        ),
        "reinstate" => (Action::Reinstate, "reinstated"),
        _ => return Err(AppError::field("decision", FieldIssue::InvalidChoice)),
    };
    let pool = context::pool()?;
    let mut tx = pool.begin().await?;
    let current = db::qualification::lock_status(&mut *tx, organisation_id)
        .await?
        .flatten()
        .ok_or(AppError::NotFound)?;
    let change =
        transition(current, action, time::OffsetDateTime::now_utc()).map_err(transition_error)?;
    // Rejections and suspensions carry the reason the supplier reads; other moves clear it.
    let shown_reason = change.reason.as_ref().map(|_| reason.trim());
    db::qualification::update_status(&mut *tx, organisation_id, change.to, shown_reason, false)
        .await?;
    let event = db::qualification::NewEvent {
        organisation_id,
        actor_id: user.user_id,
        action: event_action,
        note: Some(reason.trim()).filter(|note| !note.is_empty()),
        status_after: Some(change.to),
    };
    db::qualification::insert_event(&mut *tx, event).await?;
    tx.commit().await?;
    qualification::load_application(&pool, organisation_id).await
}

/// A refused transition: a missing reason is the reviewer's input (422 on `reason`), anything
/// else conflicts with the application's status (409).
#[cfg(feature = "ssr")]
fn transition_error(error: crate::rules::qualification::status::TransitionError) -> AppError {
    use crate::rules::qualification::status::TransitionError;
    match error {
        TransitionError::ReasonRequired => {
            AppError::field("reason", crate::types::validation::FieldIssue::Required)
        }
        TransitionError::NotAllowed { .. } => AppError::conflict(ConflictReason::InvalidTransition),
    }
}
