//! SQL for listing moderation: the filter's terms, the staff queue, product proposals and their
//! decisions, and the notices that tell the submitter (offer revisions: `db::offer_review`).

use super::offer::decode_status;
use crate::rules::catalog::moderation::{Term, TermKind};
use crate::types::catalog::{
    AttributeValues, ModerationItem, ModerationKind, Product, ReviewStatus,
};
use sqlx::types::Json;
use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

/// The configured terms, sensitive first.
#[tracing::instrument(skip(db), err)]
pub async fn terms(db: impl PgExecutor<'_>) -> Result<Vec<Term>, sqlx::Error> {
    let rows = sqlx::query!(r#"select term, kind from moderation_term order by kind desc, term"#)
        .fetch_all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            let kind = TermKind::parse(&row.kind).ok_or_else(|| {
                sqlx::Error::Decode(format!("unknown term kind {:?}", row.kind).into())
            })?;
            Ok(Term {
                term: row.term,
                kind,
            })
        })
        .collect()
}

/// Adds a term, or changes the kind of one already there.
#[tracing::instrument(skip(db), err)]
pub async fn upsert_term(
    db: impl PgExecutor<'_>,
    term: &str,
    kind: TermKind,
    created_by: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into moderation_term (term, kind, created_by) values ($1, $2, $3)
           on conflict (term) do update set kind = excluded.kind"#,
        term,
        kind.as_str(),
        created_by
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Removes a term (matching ignores case); whether one was there.
#[tracing::instrument(skip(db), err)]
pub async fn delete_term(db: impl PgExecutor<'_>, term: &str) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        r#"delete from moderation_term where lower(term) = lower($1)"#,
        term
    )
    .execute(db)
    .await
    .map(|done| done.rows_affected() > 0)
}

/// Pending product proposals and offer revisions, oldest first.
#[tracing::instrument(skip(db), err)]
pub async fn queue(
    db: impl PgExecutor<'_>,
    limit: i64,
) -> Result<Vec<ModerationItem>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select kind as "kind!", id as "id!", supplier_id, supplier_name,
                  title as "title!", flagged_terms as "flagged_terms!",
                  submitted_at as "submitted_at!"
           from (
               select 'product' as kind, p.product_id as id, p.proposed_by as supplier_id,
                      org.name as supplier_name, p.sku || ' · ' || p.name_en as title,
                      p.flagged_terms, p.created_at as submitted_at
               from product p
               left join organisation org on org.organisation_id = p.proposed_by
               where p.status = 'pending'
               union all
               select 'offer', r.revision_id, o.supplier_id, org.name,
                      p.sku || ' · ' || o.reference, r.flagged_terms, r.submitted_at
               from offer_revision r
               join offer o on o.offer_id = r.offer_id
               join product p on p.product_id = o.product_id
               join organisation org on org.organisation_id = o.supplier_id
               where r.status = 'pending'
           ) pending
           order by submitted_at, id
           limit $1"#,
        limit
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ModerationItem {
            kind: if row.kind == "product" {
                ModerationKind::Product
            } else {
                ModerationKind::Offer
            },
            id: row.id,
            supplier_id: row.supplier_id,
            supplier_name: row.supplier_name,
            title: row.title,
            flagged_terms: row.flagged_terms,
            submitted_at: row.submitted_at,
        })
        .collect())
}

/// A product proposal in full, with its category's names.
#[derive(Debug)]
pub struct ProductForReview {
    pub product: Product,
    pub proposed_by: Option<Uuid>,
    pub supplier_name: Option<String>,
    pub category_name_en: String,
    pub category_name_zh: String,
    pub flagged_terms: Vec<String>,
    pub created_at: OffsetDateTime,
}

/// Locks the product until the transaction ends; its status.
#[tracing::instrument(skip(db), err)]
pub async fn lock_product(
    db: impl PgExecutor<'_>,
    product_id: Uuid,
) -> Result<Option<ReviewStatus>, sqlx::Error> {
    let status = sqlx::query_scalar!(
        r#"select status from product where product_id = $1 for update"#,
        product_id
    )
    .fetch_optional(db)
    .await?;
    status.as_deref().map(decode_status).transpose()
}

/// The product with its category's names and who proposed it.
#[tracing::instrument(skip(db), err)]
pub async fn product_for_review(
    db: impl PgExecutor<'_>,
    product_id: Uuid,
) -> Result<Option<ProductForReview>, sqlx::Error> {
    let row = sqlx::query!(
        r#"select p.product_id, p.category_id, p.sku, p.name_en, p.name_zh, p.description_en,
                  p.description_zh, p.attributes as "attributes: Json<AttributeValues>", p.unit,
                  p.status, p.review_reason, p.flagged_terms, p.proposed_by, p.created_at,
                  org.name as "supplier_name?", c.name_en as category_name_en,
                  c.name_zh as category_name_zh
           from product p
           join category c on c.category_id = p.category_id
           left join organisation org on org.organisation_id = p.proposed_by
           where p.product_id = $1"#,
        product_id
    )
    .fetch_optional(db)
    .await?;
    row.map(|row| {
        Ok(ProductForReview {
            product: Product {
                product_id: row.product_id,
                category_id: row.category_id,
                sku: row.sku,
                name_en: row.name_en,
                name_zh: row.name_zh,
                description_en: row.description_en,
                description_zh: row.description_zh,
                attributes: row.attributes.0,
                unit: row.unit,
                status: decode_status(&row.status)?,
                review_reason: row.review_reason,
            },
            proposed_by: row.proposed_by,
            supplier_name: row.supplier_name,
            category_name_en: row.category_name_en,
            category_name_zh: row.category_name_zh,
            flagged_terms: row.flagged_terms,
            created_at: row.created_at,
        })
    })
    .transpose()
}

/// Records a reviewer's decision on a product proposal.
#[tracing::instrument(skip(db), err)]
pub async fn decide_product(
    db: impl PgExecutor<'_>,
    product_id: Uuid,
    status: ReviewStatus,
    reason: Option<&str>,
    reviewer: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"update product
           set status = $2, review_reason = $3, reviewed_by = $4, reviewed_at = now(),
               updated_at = now()
           where product_id = $1"#,
        product_id,
        status.as_str(),
        reason,
        reviewer
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// The admins of an organisation (who hear about its product proposals).
#[tracing::instrument(skip(db), err)]
pub async fn organisation_admins(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select account_id from account where organisation_id = $1 and role = 'admin'"#,
        organisation_id
    )
    .fetch_all(db)
    .await
}

/// An in-app notice to one person (`kind` is `listing_approved` or `listing_rejected`).
#[tracing::instrument(skip(db), err)]
pub async fn notify_account(
    db: impl PgExecutor<'_>,
    account_id: Uuid,
    kind: &str,
    payload: &serde_json::Value,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into account_notification (notification_id, account_id, kind, payload)
           values ($1, $2, $3, $4)"#,
        Uuid::now_v7(),
        account_id,
        kind,
        payload
    )
    .execute(db)
    .await
    .map(|_| ())
}
