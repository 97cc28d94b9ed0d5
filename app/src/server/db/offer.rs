//! SQL for supplier offers: the offer identity, its revisions and what the supplier sees of them.
//! Nothing here writes a `listing`: only moderation approval does (see `db::moderation`).

use crate::types::catalog::compare::ProductHead;
use crate::types::catalog::{OfferContent, ReviewStatus, SupplierOffer};
use sqlx::types::Json;
use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

pub(crate) fn decode_status(raw: &str) -> Result<ReviewStatus, sqlx::Error> {
    ReviewStatus::parse(raw)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown review status {raw:?}").into()))
}

/// An approved product an offer can be for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductRef {
    pub product_id: Uuid,
    pub sku: String,
}

/// The approved products among `skus`.
#[tracing::instrument(skip(db), err)]
pub async fn approved_products(
    db: impl PgExecutor<'_>,
    skus: &[String],
) -> Result<Vec<ProductRef>, sqlx::Error> {
    sqlx::query_as!(
        ProductRef,
        r#"select product_id, sku from product where sku = any($1) and status = 'approved'"#,
        skus
    )
    .fetch_all(db)
    .await
}

/// Approved products whose SKU or name contains `text` (any case), by SKU.
#[tracing::instrument(skip(db), err)]
pub async fn product_choices(
    db: impl PgExecutor<'_>,
    text: &str,
    limit: i64,
) -> Result<Vec<ProductHead>, sqlx::Error> {
    let escaped: String = text
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            other => vec![other],
        })
        .collect();
    let pattern = format!("%{escaped}%");
    sqlx::query_as!(
        ProductHead,
        r#"select product_id, sku, name_en, name_zh, unit from product
           where status = 'approved'
             and (sku ilike $1 or name_en ilike $1 or name_zh ilike $1)
           order by sku
           limit $2"#,
        pattern,
        limit
    )
    .fetch_all(db)
    .await
}

/// An offer's identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferHead {
    pub offer_id: Uuid,
    pub product_id: Uuid,
    pub supplier_id: Uuid,
    pub reference: String,
    pub withdrawn_at: Option<OffsetDateTime>,
}

/// The offer, locked until the transaction ends (two edits of one offer queue up).
#[tracing::instrument(skip(db), err)]
pub async fn lock_offer(
    db: impl PgExecutor<'_>,
    offer_id: Uuid,
) -> Result<Option<OfferHead>, sqlx::Error> {
    sqlx::query_as!(
        OfferHead,
        r#"select offer_id, product_id, supplier_id, reference, withdrawn_at
           from offer where offer_id = $1 for update"#,
        offer_id
    )
    .fetch_optional(db)
    .await
}

/// Who owns an offer (`None`: no such offer).
#[tracing::instrument(skip(db), err)]
pub async fn offer_supplier(
    db: impl PgExecutor<'_>,
    offer_id: Uuid,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select supplier_id from offer where offer_id = $1"#,
        offer_id
    )
    .fetch_optional(db)
    .await
}

/// Serialises the writes of one supplier's offers until the transaction ends (a CSV import and
/// a form save creating the same reference at once).
#[tracing::instrument(skip(db), err)]
pub async fn lock_supplier_offers(
    db: impl PgExecutor<'_>,
    supplier_id: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"select pg_advisory_xact_lock(hashtextextended('offers:' || $1, 0))"#,
        supplier_id.to_string()
    )
    .fetch_one(db)
    .await
    .map(|_| ())
}

/// Creates an offer's identity (its content goes in a revision). Fails on the constraint
/// `offer_reference_key` when the supplier already uses the reference.
#[tracing::instrument(skip(db), err)]
pub async fn insert_offer(
    db: impl PgExecutor<'_>,
    offer_id: Uuid,
    product_id: Uuid,
    supplier_id: Uuid,
    reference: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into offer (offer_id, product_id, supplier_id, reference) values ($1, $2, $3, $4)"#,
        offer_id,
        product_id,
        supplier_id,
        reference
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// A new submission of an existing offer: its (possibly changed) reference, and back from
/// withdrawn if it was.
#[tracing::instrument(skip(db), err)]
pub async fn resubmit_offer(
    db: impl PgExecutor<'_>,
    offer_id: Uuid,
    reference: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"update offer set reference = $2, withdrawn_at = null, updated_at = now()
           where offer_id = $1"#,
        offer_id,
        reference
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Earlier pending revisions of the offer are replaced by a newer submission (or a withdrawal).
#[tracing::instrument(skip(db), err)]
pub async fn supersede_pending(
    db: impl PgExecutor<'_>,
    offer_id: Uuid,
) -> Result<u64, sqlx::Error> {
    sqlx::query!(
        r#"update offer_revision set status = 'superseded'
           where offer_id = $1 and status = 'pending'"#,
        offer_id
    )
    .execute(db)
    .await
    .map(|done| done.rows_affected())
}

/// A pending revision waiting for review.
#[derive(Debug)]
pub struct NewRevision<'a> {
    pub revision_id: Uuid,
    pub offer_id: Uuid,
    pub content: &'a OfferContent,
    pub flagged_terms: &'a [String],
    pub submitted_by: Uuid,
}

#[tracing::instrument(skip(db), err)]
pub async fn insert_revision(
    db: impl PgExecutor<'_>,
    revision: NewRevision<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into offer_revision (revision_id, offer_id, content, status, flagged_terms, submitted_by)
           values ($1, $2, $3, 'pending', $4, $5)"#,
        revision.revision_id,
        revision.offer_id,
        Json(revision.content) as _,
        revision.flagged_terms,
        revision.submitted_by
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Buyers stop seeing the offer; the supplier still has it, marked withdrawn.
#[tracing::instrument(skip(db), err)]
pub async fn mark_withdrawn(db: impl PgExecutor<'_>, offer_id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"update offer set withdrawn_at = now(), updated_at = now() where offer_id = $1"#,
        offer_id
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Removes the offer's live listing (if it has one).
#[tracing::instrument(skip(db), err)]
pub async fn delete_listing(db: impl PgExecutor<'_>, offer_id: Uuid) -> Result<bool, sqlx::Error> {
    sqlx::query!(r#"delete from listing where offer_id = $1"#, offer_id)
        .execute(db)
        .await
        .map(|done| done.rows_affected() > 0)
}

/// A supplier's offers, most recently changed first.
#[tracing::instrument(skip(db), err)]
pub async fn list_supplier_offers(
    db: impl PgExecutor<'_>,
    supplier_id: Uuid,
) -> Result<Vec<SupplierOffer>, sqlx::Error> {
    let rows = sqlx::query_as!(
        OfferRow,
        r#"select o.offer_id, o.supplier_id, o.product_id, p.name_en, p.name_zh, p.unit,
                  lr.content as "live?: Json<OfferContent>",
                  r.revision_id, r.content as "latest: Json<OfferContent>", r.status,
                  r.review_reason, o.updated_at, o.withdrawn_at
           from offer o
           join product p on p.product_id = o.product_id
           join lateral (
               select revision_id, content, status, review_reason from offer_revision
               where offer_id = o.offer_id
               order by submitted_at desc, revision_id desc
               limit 1
           ) r on true
           left join listing l on l.offer_id = o.offer_id
           left join offer_revision lr on lr.revision_id = l.revision_id
           where o.supplier_id = $1
           order by o.updated_at desc, o.offer_id"#,
        supplier_id
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(OfferRow::into_offer).collect()
}

/// One offer as its supplier sees it.
#[tracing::instrument(skip(db), err)]
pub async fn get_supplier_offer(
    db: impl PgExecutor<'_>,
    offer_id: Uuid,
) -> Result<Option<SupplierOffer>, sqlx::Error> {
    let row = sqlx::query_as!(
        OfferRow,
        r#"select o.offer_id, o.supplier_id, o.product_id, p.name_en, p.name_zh, p.unit,
                  lr.content as "live?: Json<OfferContent>",
                  r.revision_id, r.content as "latest: Json<OfferContent>", r.status,
                  r.review_reason, o.updated_at, o.withdrawn_at
           from offer o
           join product p on p.product_id = o.product_id
           join lateral (
               select revision_id, content, status, review_reason from offer_revision
               where offer_id = o.offer_id
               order by submitted_at desc, revision_id desc
               limit 1
           ) r on true
           left join listing l on l.offer_id = o.offer_id
           left join offer_revision lr on lr.revision_id = l.revision_id
           where o.offer_id = $1"#,
        offer_id
    )
    .fetch_optional(db)
    .await?;
    row.map(OfferRow::into_offer).transpose()
}

struct OfferRow {
    offer_id: Uuid,
    supplier_id: Uuid,
    product_id: Uuid,
    name_en: String,
    name_zh: String,
    unit: String,
    live: Option<Json<OfferContent>>,
    revision_id: Uuid,
    latest: Json<OfferContent>,
    status: String,
    review_reason: Option<String>,
    updated_at: OffsetDateTime,
    withdrawn_at: Option<OffsetDateTime>,
}

impl OfferRow {
    fn into_offer(self) -> Result<SupplierOffer, sqlx::Error> {
        Ok(SupplierOffer {
            offer_id: self.offer_id,
            supplier_id: self.supplier_id,
            product_id: self.product_id,
            product_name_en: self.name_en,
            product_name_zh: self.name_zh,
            product_unit: self.unit,
            live: self.live.map(|json| json.0),
            latest: self.latest.0,
            latest_status: decode_status(&self.status)?,
            review_reason: self.review_reason,
            latest_revision_id: self.revision_id,
            updated_at: self.updated_at,
            withdrawn_at: self.withdrawn_at,
        })
    }
}
