//! SQL for staff's factory audits (with their photos) and sample test results on a supplier.

use crate::types::audit::{AuditResult, FactoryAudit, NewFactoryAudit, NewSampleTest, SampleTest};
use sqlx::PgExecutor;
use uuid::Uuid;

#[tracing::instrument(skip(db), err)]
pub async fn insert_audit(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    audit: &NewFactoryAudit,
    recorded_by: Uuid,
) -> Result<Uuid, sqlx::Error> {
    let audit_id = Uuid::new_v4();
    sqlx::query!(
        r#"insert into factory_audit
               (audit_id, organisation_id, audited_on, auditor, result, score, notes, recorded_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8)"#,
        audit_id,
        organisation_id,
        audit.audited_on,
        audit.auditor,
        audit.result.as_str(),
        audit.score,
        audit.notes,
        recorded_by
    )
    .execute(db)
    .await?;
    Ok(audit_id)
}

#[tracing::instrument(skip(db), err)]
pub async fn insert_sample_test(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    test: &NewSampleTest,
    recorded_by: Uuid,
) -> Result<Uuid, sqlx::Error> {
    let test_id = Uuid::new_v4();
    sqlx::query!(
        r#"insert into sample_test
               (test_id, organisation_id, tested_on, product, laboratory, passed, notes, recorded_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8)"#,
        test_id,
        organisation_id,
        test.tested_on,
        test.product,
        test.laboratory,
        test.passed,
        test.notes,
        recorded_by
    )
    .execute(db)
    .await?;
    Ok(test_id)
}

/// The organisation's factory audits, newest first.
#[tracing::instrument(skip(db), err)]
pub async fn list_audits(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Vec<FactoryAudit>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select f.audit_id, f.audited_on, f.auditor, f.result, f.score, f.notes,
                  coalesce(a.display_name, '—') as "recorded_by!", f.recorded_at,
                  array(select p.photo_id from factory_audit_photo p where p.audit_id = f.audit_id
                        order by p.uploaded_at, p.photo_id) as "photos!"
           from factory_audit f left join account a on a.account_id = f.recorded_by
           where f.organisation_id = $1 order by f.audited_on desc, f.recorded_at desc limit 100"#,
        organisation_id
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(FactoryAudit {
                audit_id: row.audit_id,
                audited_on: row.audited_on,
                auditor: row.auditor,
                result: AuditResult::parse(&row.result).ok_or_else(|| {
                    sqlx::Error::Decode(format!("unknown audit result {:?}", row.result).into())
                })?,
                score: row.score,
                notes: row.notes,
                recorded_by: row.recorded_by,
                recorded_at: row.recorded_at,
                photos: row.photos,
            })
        })
        .collect()
}

/// The organisation that owns an audit.
#[tracing::instrument(skip(db), err)]
pub async fn audit_owner(
    db: impl PgExecutor<'_>,
    audit_id: Uuid,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select organisation_id from factory_audit where audit_id = $1"#,
        audit_id
    )
    .fetch_optional(db)
    .await
}

/// A checked photo to store.
pub struct NewPhoto<'a> {
    pub audit_id: Uuid,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub sha256: &'a str,
    pub content: &'a [u8],
    pub uploaded_by: Uuid,
}

#[tracing::instrument(skip_all, err)]
pub async fn insert_photo(db: impl PgExecutor<'_>, new: NewPhoto<'_>) -> Result<Uuid, sqlx::Error> {
    let photo_id = Uuid::new_v4();
    sqlx::query!(
        r#"insert into factory_audit_photo
               (photo_id, audit_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8)"#,
        photo_id,
        new.audit_id,
        new.file_name,
        new.content_type,
        new.content.len() as i64,
        new.sha256,
        new.content,
        new.uploaded_by,
    )
    .execute(db)
    .await?;
    Ok(photo_id)
}

/// A stored photo with the organisation it belongs to, for download.
#[tracing::instrument(skip(db), err)]
pub async fn get_photo(
    db: impl PgExecutor<'_>,
    photo_id: Uuid,
) -> Result<Option<super::supplier_document::DocumentContent>, sqlx::Error> {
    sqlx::query_as!(
        super::supplier_document::DocumentContent,
        r#"select f.organisation_id, p.file_name, p.content_type, p.content
           from factory_audit_photo p join factory_audit f using (audit_id)
           where p.photo_id = $1"#,
        photo_id
    )
    .fetch_optional(db)
    .await
}

/// The organisation's sample tests, newest first.
#[tracing::instrument(skip(db), err)]
pub async fn list_sample_tests(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Vec<SampleTest>, sqlx::Error> {
    sqlx::query_as!(
        SampleTest,
        r#"select t.test_id, t.tested_on, t.product, t.laboratory, t.passed, t.notes,
                  coalesce(a.display_name, '—') as "recorded_by!", t.recorded_at
           from sample_test t left join account a on a.account_id = t.recorded_by
           where t.organisation_id = $1 order by t.tested_on desc, t.recorded_at desc limit 100"#,
        organisation_id
    )
    .fetch_all(db)
    .await
}
