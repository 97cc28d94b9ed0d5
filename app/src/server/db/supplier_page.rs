//! SQL for the public supplier profile: verified documents, rating and audit counts.

use super::supplier_document::decode_kind;
use crate::types::supplier_page::VerifiedBadge;
use rust_decimal::Decimal;
use sqlx::PgExecutor;
use time::Date;
use uuid::Uuid;

/// Documents a reviewer approved that are valid on `today`, newest verification first.
#[tracing::instrument(skip(db), err)]
pub async fn verified_badges(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    today: Date,
) -> Result<Vec<VerifiedBadge>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select d.kind, d.reviewed_at as "reviewed_at!", d.expires_on,
                  coalesce(a.display_name, '—') as "verified_by!"
           from supplier_document d left join account a on a.account_id = d.reviewed_by
           where d.organisation_id = $1 and d.review = 'approved' and d.reviewed_at is not null
             and (d.expires_on is null or d.expires_on >= $2)
           order by d.reviewed_at desc limit 50"#,
        organisation_id,
        today
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(VerifiedBadge {
                kind: decode_kind(&row.kind)?,
                verified_at: row.reviewed_at,
                verified_by: row.verified_by,
                expires_on: row.expires_on,
            })
        })
        .collect()
}

/// How many buyer ratings a supplier has and their mean (1–5, two decimals).
#[tracing::instrument(skip(db), err)]
pub async fn rating_summary(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<(i64, Option<Decimal>), sqlx::Error> {
    let row = sqlx::query!(
        r#"select count(*) as "count!", round(avg(stars), 2) as average
           from buyer_rating where supplier_id = $1"#,
        organisation_id
    )
    .fetch_one(db)
    .await?;
    Ok((row.count, row.average))
}

/// Factory audits passed outright (a conditional pass is not counted) and recorded in all.
#[tracing::instrument(skip(db), err)]
pub async fn audit_counts(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<(i64, i64), sqlx::Error> {
    let row = sqlx::query!(
        r#"select count(*) filter (where result = 'pass') as "passed!",
                  count(*) as "total!"
           from factory_audit where organisation_id = $1"#,
        organisation_id
    )
    .fetch_one(db)
    .await?;
    Ok((row.passed, row.total))
}
