//! SQL for sample requests: the listing a request is made from, the requests each side lists,
//! and the one-time decision.

use crate::types::notice::NoticeProduct;
use crate::types::samples::{SampleRequest, SampleStatus};
use rust_decimal::Decimal;
use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

/// The listed offer a buyer asks a sample of.
#[derive(Debug, Clone)]
pub struct SampleOffer {
    pub offer_id: Uuid,
    pub supplier_id: Uuid,
    pub supplier_name: String,
    pub sample_available: bool,
    pub product: NoticeProduct,
}

/// The live listing of `offer_id` (none: not approved, or withdrawn).
#[tracing::instrument(skip(db), err)]
pub async fn listed_offer(
    db: impl PgExecutor<'_>,
    offer_id: Uuid,
) -> Result<Option<SampleOffer>, sqlx::Error> {
    let row = sqlx::query!(
        r#"select l.offer_id, l.supplier_id, o.name as supplier_name, l.sample_available,
                  p.product_id, p.sku, p.name_en, p.name_zh
           from listing l
           join organisation o on o.organisation_id = l.supplier_id
           join product p on p.product_id = l.product_id
           where l.offer_id = $1"#,
        offer_id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|row| SampleOffer {
        offer_id: row.offer_id,
        supplier_id: row.supplier_id,
        supplier_name: row.supplier_name,
        sample_available: row.sample_available,
        product: NoticeProduct {
            product_id: row.product_id,
            sku: row.sku,
            name_en: row.name_en,
            name_zh: row.name_zh,
        },
    }))
}

/// A request to store.
#[derive(Debug)]
pub struct NewSampleRequest<'a> {
    pub request_id: Uuid,
    pub offer_id: Uuid,
    pub buyer_id: Uuid,
    pub supplier_id: Uuid,
    pub requested_by: Uuid,
    pub quantity: Decimal,
    pub note: &'a str,
}

#[tracing::instrument(skip(db), err)]
pub async fn insert_request(
    db: impl PgExecutor<'_>,
    new: &NewSampleRequest<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into sample_request
               (request_id, offer_id, buyer_id, supplier_id, requested_by, quantity, note, status)
           values ($1, $2, $3, $4, $5, $6, $7, 'requested')"#,
        new.request_id,
        new.offer_id,
        new.buyer_id,
        new.supplier_id,
        new.requested_by,
        new.quantity,
        new.note,
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Columns of a listed request, before its status is decoded.
struct Row {
    request_id: Uuid,
    offer_id: Uuid,
    product_id: Uuid,
    sku: String,
    product_name_en: String,
    product_name_zh: String,
    unit: String,
    buyer_id: Uuid,
    buyer_name: String,
    supplier_id: Uuid,
    supplier_name: String,
    requested_by_name: String,
    quantity: Decimal,
    note: String,
    status: String,
    shipping_reference: Option<String>,
    decline_reason: Option<String>,
    created_at: OffsetDateTime,
    decided_at: Option<OffsetDateTime>,
}

impl TryFrom<Row> for SampleRequest {
    type Error = sqlx::Error;
    fn try_from(row: Row) -> Result<SampleRequest, sqlx::Error> {
        let status = SampleStatus::parse(&row.status).ok_or_else(|| {
            sqlx::Error::Decode(format!("unknown sample status {:?}", row.status).into())
        })?;
        Ok(SampleRequest {
            request_id: row.request_id,
            offer_id: row.offer_id,
            product_id: row.product_id,
            sku: row.sku,
            product_name_en: row.product_name_en,
            product_name_zh: row.product_name_zh,
            unit: row.unit,
            buyer_id: row.buyer_id,
            buyer_name: row.buyer_name,
            supplier_id: row.supplier_id,
            supplier_name: row.supplier_name,
            requested_by_name: row.requested_by_name,
            quantity: row.quantity,
            note: row.note,
            status,
            shipping_reference: row.shipping_reference,
            decline_reason: row.decline_reason,
            created_at: row.created_at,
            decided_at: row.decided_at,
        })
    }
}

// The three readers below select the same columns; only their filters differ (sqlx needs a
// literal query per call, so the select list is repeated).

/// One request, whoever asks (callers check the caller is one of its two parties).
#[tracing::instrument(skip(db), err)]
pub async fn find_request(
    db: impl PgExecutor<'_>,
    request_id: Uuid,
) -> Result<Option<SampleRequest>, sqlx::Error> {
    let row = sqlx::query_as!(
        Row,
        r#"select r.request_id, r.offer_id, p.product_id, p.sku, p.name_en as product_name_en,
                  p.name_zh as product_name_zh, p.unit, r.buyer_id, b.name as buyer_name,
                  r.supplier_id, s.name as supplier_name, a.display_name as requested_by_name,
                  r.quantity, r.note, r.status, r.shipping_reference, r.decline_reason,
                  r.created_at, r.decided_at
           from sample_request r
           join offer f on f.offer_id = r.offer_id
           join product p on p.product_id = f.product_id
           join organisation b on b.organisation_id = r.buyer_id
           join organisation s on s.organisation_id = r.supplier_id
           join account a on a.account_id = r.requested_by
           where r.request_id = $1"#,
        request_id
    )
    .fetch_optional(db)
    .await?;
    row.map(SampleRequest::try_from).transpose()
}

/// The buyer organisation's newest `limit` requests.
#[tracing::instrument(skip(db), err)]
pub async fn list_for_buyer(
    db: impl PgExecutor<'_>,
    buyer_id: Uuid,
    limit: i64,
) -> Result<Vec<SampleRequest>, sqlx::Error> {
    let rows = sqlx::query_as!(
        Row,
        r#"select r.request_id, r.offer_id, p.product_id, p.sku, p.name_en as product_name_en,
                  p.name_zh as product_name_zh, p.unit, r.buyer_id, b.name as buyer_name,
                  r.supplier_id, s.name as supplier_name, a.display_name as requested_by_name,
                  r.quantity, r.note, r.status, r.shipping_reference, r.decline_reason,
                  r.created_at, r.decided_at
           from sample_request r
           join offer f on f.offer_id = r.offer_id
           join product p on p.product_id = f.product_id
           join organisation b on b.organisation_id = r.buyer_id
           join organisation s on s.organisation_id = r.supplier_id
           join account a on a.account_id = r.requested_by
           where r.buyer_id = $1
           order by r.created_at desc, r.request_id desc limit $2"#,
        buyer_id,
        limit
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(SampleRequest::try_from).collect()
}

/// The supplier organisation's newest `limit` incoming requests.
#[tracing::instrument(skip(db), err)]
pub async fn list_for_supplier(
    db: impl PgExecutor<'_>,
    supplier_id: Uuid,
    limit: i64,
) -> Result<Vec<SampleRequest>, sqlx::Error> {
    let rows = sqlx::query_as!(
        Row,
        r#"select r.request_id, r.offer_id, p.product_id, p.sku, p.name_en as product_name_en,
                  p.name_zh as product_name_zh, p.unit, r.buyer_id, b.name as buyer_name,
                  r.supplier_id, s.name as supplier_name, a.display_name as requested_by_name,
                  r.quantity, r.note, r.status, r.shipping_reference, r.decline_reason,
                  r.created_at, r.decided_at
           from sample_request r
           join offer f on f.offer_id = r.offer_id
           join product p on p.product_id = f.product_id
           join organisation b on b.organisation_id = r.buyer_id
           join organisation s on s.organisation_id = r.supplier_id
           join account a on a.account_id = r.requested_by
           where r.supplier_id = $1
           order by r.created_at desc, r.request_id desc limit $2"#,
        supplier_id,
        limit
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(SampleRequest::try_from).collect()
}

/// The supplier's decision.
#[derive(Debug, Clone, Copy)]
pub enum Decision<'a> {
    Accept { shipping_reference: &'a str },
    Decline { reason: &'a str },
}

/// Records the decision if the request is still undecided and returns who asked for the sample
/// (to tell them); `None` when it was decided already (by a colleague a moment earlier: the
/// status check and the write are one statement).
#[tracing::instrument(skip(db), err)]
pub async fn decide(
    db: impl PgExecutor<'_>,
    request_id: Uuid,
    decision: Decision<'_>,
    decided_by: Uuid,
    now: OffsetDateTime,
) -> Result<Option<Uuid>, sqlx::Error> {
    let (status, shipping_reference, decline_reason) = match decision {
        Decision::Accept { shipping_reference } => {
            (SampleStatus::Accepted, Some(shipping_reference), None)
        }
        Decision::Decline { reason } => (SampleStatus::Declined, None, Some(reason)),
    };
    sqlx::query_scalar!(
        r#"update sample_request
           set status = $2, shipping_reference = $3, decline_reason = $4, decided_by = $5,
               decided_at = $6
           where request_id = $1 and status = 'requested'
           returning requested_by"#,
        request_id,
        status.as_str(),
        shipping_reference,
        decline_reason,
        decided_by,
        now,
    )
    .fetch_optional(db)
    .await
}
