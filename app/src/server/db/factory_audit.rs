//! SQL for staff's factory audits and sample test results on a supplier.

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
                  coalesce(a.display_name, '—') as "recorded_by!", f.recorded_at
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
            })
        })
        .collect()
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
