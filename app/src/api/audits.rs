//! Factory audits and sample test results: staff record them on a supplier; the supplier's own
//! members and staff read them. Each record also enters the qualification audit trail.

use crate::types::audit::{FactoryAuditInput, SampleTestInput, SupplierAudits};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{Json, MultipartData, MultipartFormData};
use uuid::Uuid;

/// A supplier's factory audits and sample tests (its own members and staff; others `NotFound`).
#[server(prefix = "/api", endpoint = "audits/list_audits", input = Json)]
pub async fn list_audits(organisation_id: Uuid) -> Result<SupplierAudits, AppError> {
    use crate::server::{access, context, qualification};
    let user = access::require_user().await?;
    if !user.is_staff() {
        qualification::ensure_supplier_member(&user, organisation_id)?;
    }
    let pool = context::pool()?;
    qualification::load_application(&pool, organisation_id).await?;
    load(&pool, organisation_id).await
}

/// Staff record a factory audit (date, auditor, pass/conditional/fail, score 0–100, notes).
#[server(prefix = "/api", endpoint = "audits/record_factory_audit", input = Json)]
pub async fn record_factory_audit(
    organisation_id: Uuid,
    input: FactoryAuditInput,
) -> Result<SupplierAudits, AppError> {
    use crate::server::{access, context, db, qualification};
    use crate::types::audit::validate_factory_audit;
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let audit = validate_factory_audit(&input).map_err(|fields| AppError::Validation { fields })?;
    let pool = context::pool()?;
    qualification::load_application(&pool, organisation_id).await?;
    let mut tx = pool.begin().await?;
    db::factory_audit::insert_audit(&mut *tx, organisation_id, &audit, user.user_id).await?;
    let note = format!(
        "{} · {} · {}/100 · {}",
        audit.audited_on,
        audit.result.as_str(),
        audit.score,
        audit.auditor
    );
    let event = db::qualification::NewEvent {
        organisation_id,
        actor_id: user.user_id,
        action: "factory_audit_recorded",
        note: Some(&note),
        status_after: None,
    };
    db::qualification::insert_event(&mut *tx, event).await?;
    tx.commit().await?;
    load(&pool, organisation_id).await
}

/// Staff record a sample test result (date, product, laboratory, passed, notes).
#[server(prefix = "/api", endpoint = "audits/record_sample_test", input = Json)]
pub async fn record_sample_test(
    organisation_id: Uuid,
    input: SampleTestInput,
) -> Result<SupplierAudits, AppError> {
    use crate::server::{access, context, db, qualification};
    use crate::types::audit::validate_sample_test;
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let test = validate_sample_test(&input).map_err(|fields| AppError::Validation { fields })?;
    let pool = context::pool()?;
    qualification::load_application(&pool, organisation_id).await?;
    let mut tx = pool.begin().await?;
    db::factory_audit::insert_sample_test(&mut *tx, organisation_id, &test, user.user_id).await?;
    let verdict = if test.passed { "passed" } else { "failed" };
    let note = format!(
        "{} · {} · {} · {verdict}",
        test.tested_on, test.product, test.laboratory
    );
    let event = db::qualification::NewEvent {
        organisation_id,
        actor_id: user.user_id,
        action: "sample_test_recorded",
        note: Some(&note),
        status_after: None,
    };
    db::qualification::insert_event(&mut *tx, event).await?;
    tx.commit().await?;
    load(&pool, organisation_id).await
}

/// Staff attach a photo to a factory audit: multipart fields `audit_id` and `file` (PNG or JPEG by
/// content, ≤ 10 MiB). Recorded in the qualification audit trail.
#[server(prefix = "/api", endpoint = "audits/upload_audit_photo", input = MultipartFormData)]
pub async fn upload_audit_photo(data: MultipartData) -> Result<SupplierAudits, AppError> {
    use crate::server::{access, audit_photo, context, db};
    let user = access::require_user().await?;
    // Checked before the file is read, so nobody else's bytes are buffered.
    access::ensure_staff(&user)?;
    let photo = audit_photo::read_photo(data).await?;
    let pool = context::pool()?;
    let mut tx = pool.begin().await?;
    let organisation_id = db::factory_audit::audit_owner(&mut *tx, photo.audit_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let new = db::factory_audit::NewPhoto {
        audit_id: photo.audit_id,
        file_name: &photo.file_name,
        content_type: &photo.content_type,
        sha256: &photo.sha256,
        content: &photo.content,
        uploaded_by: user.user_id,
    };
    db::factory_audit::insert_photo(&mut *tx, new).await?;
    let event = db::qualification::NewEvent {
        organisation_id,
        actor_id: user.user_id,
        action: "audit_photo_uploaded",
        note: Some(&photo.file_name),
        status_after: None,
    };
    db::qualification::insert_event(&mut *tx, event).await?;
    tx.commit().await?;
    load(&pool, organisation_id).await
}

#[cfg(feature = "ssr")]
async fn load(pool: &sqlx::PgPool, organisation_id: Uuid) -> Result<SupplierAudits, AppError> {
    use crate::server::db;
    Ok(SupplierAudits {
        factory_audits: db::factory_audit::list_audits(pool, organisation_id).await?,
        sample_tests: db::factory_audit::list_sample_tests(pool, organisation_id).await?,
    })
}
