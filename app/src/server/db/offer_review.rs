//! SQL for reviewing offer revisions: the revision in full (with what buyers see now), the
//! decision, and the live `listing` an approval writes. Only approval ever writes a listing.

use super::offer::decode_status;
use crate::rules::pricing::Incoterm;
use crate::types::catalog::compare::ProductHead;
use crate::types::catalog::{OfferContent, ReviewStatus};
use sqlx::types::Json;
use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

/// An offer revision with what a reviewer (and the approval) needs of its offer and product.
#[derive(Debug)]
pub struct RevisionForReview {
    pub revision_id: Uuid,
    pub offer_id: Uuid,
    pub status: ReviewStatus,
    pub review_reason: Option<String>,
    pub content: OfferContent,
    pub flagged_terms: Vec<String>,
    pub submitted_by: Uuid,
    pub submitted_at: OffsetDateTime,
    pub supplier_id: Uuid,
    pub supplier_name: String,
    pub product: ProductHead,
    pub category_id: Uuid,
    /// The approved content buyers see now.
    pub live: Option<OfferContent>,
}

/// Locks the revision and its offer until the transaction ends; the revision's status.
#[tracing::instrument(skip(db), err)]
pub async fn lock_revision(
    db: impl PgExecutor<'_>,
    revision_id: Uuid,
) -> Result<Option<ReviewStatus>, sqlx::Error> {
    let status = sqlx::query_scalar!(
        r#"select r.status from offer_revision r join offer o on o.offer_id = r.offer_id
           where r.revision_id = $1
           for update of r, o"#,
        revision_id
    )
    .fetch_optional(db)
    .await?;
    status.as_deref().map(decode_status).transpose()
}

/// The revision with its offer, product and the live content.
#[tracing::instrument(skip(db), err)]
pub async fn revision_for_review(
    db: impl PgExecutor<'_>,
    revision_id: Uuid,
) -> Result<Option<RevisionForReview>, sqlx::Error> {
    let row = sqlx::query_as!(
        RevisionRow,
        r#"select r.revision_id, r.offer_id, r.status, r.review_reason,
                  r.content as "content: Json<OfferContent>", r.flagged_terms,
                  r.submitted_by, r.submitted_at, o.supplier_id, org.name as supplier_name,
                  p.product_id, p.sku, p.name_en, p.name_zh, p.unit, p.category_id,
                  lr.content as "live?: Json<OfferContent>"
           from offer_revision r
           join offer o on o.offer_id = r.offer_id
           join product p on p.product_id = o.product_id
           join organisation org on org.organisation_id = o.supplier_id
           left join listing l on l.offer_id = o.offer_id
           left join offer_revision lr on lr.revision_id = l.revision_id
           where r.revision_id = $1"#,
        revision_id
    )
    .fetch_optional(db)
    .await?;
    row.map(RevisionRow::into_review).transpose()
}

struct RevisionRow {
    revision_id: Uuid,
    offer_id: Uuid,
    status: String,
    review_reason: Option<String>,
    content: Json<OfferContent>,
    flagged_terms: Vec<String>,
    submitted_by: Uuid,
    submitted_at: OffsetDateTime,
    supplier_id: Uuid,
    supplier_name: String,
    product_id: Uuid,
    sku: String,
    name_en: String,
    name_zh: String,
    unit: String,
    category_id: Uuid,
    live: Option<Json<OfferContent>>,
}

impl RevisionRow {
    fn into_review(self) -> Result<RevisionForReview, sqlx::Error> {
        Ok(RevisionForReview {
            revision_id: self.revision_id,
            offer_id: self.offer_id,
            status: decode_status(&self.status)?,
            review_reason: self.review_reason,
            content: self.content.0,
            flagged_terms: self.flagged_terms,
            submitted_by: self.submitted_by,
            submitted_at: self.submitted_at,
            supplier_id: self.supplier_id,
            supplier_name: self.supplier_name,
            product: ProductHead {
                product_id: self.product_id,
                sku: self.sku,
                name_en: self.name_en,
                name_zh: self.name_zh,
                unit: self.unit,
            },
            category_id: self.category_id,
            live: self.live.map(|json| json.0),
        })
    }
}

/// Records a reviewer's decision on a revision.
#[tracing::instrument(skip(db), err)]
pub async fn decide_revision(
    db: impl PgExecutor<'_>,
    revision_id: Uuid,
    status: ReviewStatus,
    reason: Option<&str>,
    reviewer: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"update offer_revision
           set status = $2, review_reason = $3, reviewed_by = $4, reviewed_at = now()
           where revision_id = $1"#,
        revision_id,
        status.as_str(),
        reason,
        reviewer
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// The offer's previously approved revision gives way to `approved`.
#[tracing::instrument(skip(db), err)]
pub async fn supersede_approved(
    db: impl PgExecutor<'_>,
    offer_id: Uuid,
    approved: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"update offer_revision set status = 'superseded'
           where offer_id = $1 and status = 'approved' and revision_id <> $2"#,
        offer_id,
        approved
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// What buyers will see of an approved revision.
#[derive(Debug)]
pub struct ListingRow<'a> {
    pub offer_id: Uuid,
    pub revision_id: Uuid,
    pub product_id: Uuid,
    pub category_id: Uuid,
    pub supplier_id: Uuid,
    pub content: &'a OfferContent,
}

/// Writes (or replaces) the offer's listing from the approved content.
#[tracing::instrument(skip(db), err)]
pub async fn upsert_listing(
    db: impl PgExecutor<'_>,
    listing: ListingRow<'_>,
) -> Result<(), sqlx::Error> {
    let content = listing.content;
    let from_price = content
        .tiers
        .first()
        .map(|tier| tier.unit_price)
        .ok_or_else(|| sqlx::Error::Protocol("an approved offer without tiers".into()))?;
    let incoterm: Incoterm = content.incoterm;
    sqlx::query!(
        r#"insert into listing (offer_id, revision_id, product_id, category_id, supplier_id, tiers,
               moq, lead_time_days, incoterm, origin_country, origin_region, currency, from_price,
               stock, valid_from, valid_until, sample_available, sample_price, payment_days,
               approved_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                   $18, $19, now())
           on conflict (offer_id) do update set
               revision_id = excluded.revision_id, product_id = excluded.product_id,
               category_id = excluded.category_id, supplier_id = excluded.supplier_id,
               tiers = excluded.tiers, moq = excluded.moq,
               lead_time_days = excluded.lead_time_days, incoterm = excluded.incoterm,
               origin_country = excluded.origin_country, origin_region = excluded.origin_region,
               currency = excluded.currency, from_price = excluded.from_price,
               stock = excluded.stock, valid_from = excluded.valid_from,
               valid_until = excluded.valid_until, sample_available = excluded.sample_available,
               sample_price = excluded.sample_price, payment_days = excluded.payment_days,
               approved_at = excluded.approved_at"#,
        listing.offer_id,
        listing.revision_id,
        listing.product_id,
        listing.category_id,
        listing.supplier_id,
        Json(&content.tiers) as _,
        content.moq,
        content.lead_time_days as i32,
        incoterm.as_str(),
        content.origin_country,
        content.origin_region.as_str(),
        content.currency.code(),
        from_price,
        content.stock,
        content.valid_from,
        content.valid_until,
        content.sample_available,
        content.sample_price,
        content.payment_days as i32
    )
    .execute(db)
    .await
    .map(|_| ())
}
