//! SQL for products: the rows staff and suppliers write (with their search documents), what
//! each reader may list, and listings that follow a product into another category.

use crate::types::catalog::manage::ProductSummary;
use crate::types::catalog::{AttributeValues, Product, ReviewStatus};
use sqlx::types::Json;
use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

/// A stored product with what only staff and the proposer see.
#[derive(Debug, Clone)]
pub struct ProductRecord {
    pub product: Product,
    pub flagged_terms: Vec<String>,
    pub proposed_by: Option<Uuid>,
}

/// Checked product fields, ready to store (see `server::catalog::check_product`).
#[derive(Debug, Clone)]
pub struct ProductFields {
    pub category_id: Uuid,
    pub sku: String,
    pub name_en: String,
    pub name_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub attributes: AttributeValues,
    pub unit: String,
    /// A `tsvector` literal from `rules::catalog::search_terms::search_document`.
    pub search_doc: String,
}

/// A product list row as stored (status as text).
struct SummaryRow {
    product_id: Uuid,
    category_id: Uuid,
    sku: String,
    name_en: String,
    name_zh: String,
    unit: String,
    status: String,
    review_reason: Option<String>,
    flagged_terms: Vec<String>,
    created_at: OffsetDateTime,
}

impl SummaryRow {
    fn into_summary(self) -> Result<ProductSummary, sqlx::Error> {
        Ok(ProductSummary {
            product_id: self.product_id,
            category_id: self.category_id,
            sku: self.sku,
            name_en: self.name_en,
            name_zh: self.name_zh,
            unit: self.unit,
            status: decode_status(&self.status)?,
            review_reason: self.review_reason,
            flagged_terms: self.flagged_terms,
            created_at: self.created_at,
        })
    }
}

fn decode_status(raw: &str) -> Result<ReviewStatus, sqlx::Error> {
    ReviewStatus::parse(raw)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown product status {raw:?}").into()))
}

#[tracing::instrument(skip(db), err)]
pub async fn find_product(
    db: impl PgExecutor<'_>,
    product_id: Uuid,
) -> Result<Option<ProductRecord>, sqlx::Error> {
    let row = sqlx::query!(
        r#"select product_id, category_id, sku, name_en, name_zh, description_en, description_zh,
                  attributes as "attributes: Json<AttributeValues>", unit, status, review_reason,
                  flagged_terms, proposed_by
           from product where product_id = $1"#,
        product_id
    )
    .fetch_optional(db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(ProductRecord {
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
        flagged_terms: row.flagged_terms,
        proposed_by: row.proposed_by,
    }))
}

/// Who a new product comes from: staff (approved at once) or a supplier (pending review).
#[derive(Debug, Clone, Copy)]
pub enum Origin {
    Staff { account_id: Uuid },
    Supplier { organisation_id: Uuid },
}

#[tracing::instrument(skip(db, fields, flagged), err)]
pub async fn insert_product(
    db: impl PgExecutor<'_>,
    product_id: Uuid,
    fields: &ProductFields,
    origin: Origin,
    flagged: &[String],
) -> Result<(), sqlx::Error> {
    let (status, reviewed_by, proposed_by) = match origin {
        Origin::Staff { account_id } => ("approved", Some(account_id), None),
        Origin::Supplier { organisation_id } => ("pending", None, Some(organisation_id)),
    };
    sqlx::query!(
        r#"insert into product (product_id, category_id, sku, name_en, name_zh, description_en,
               description_zh, attributes, unit, status, flagged_terms, proposed_by, reviewed_by,
               reviewed_at, search_doc)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
               case when $13::uuid is null then null else now() end, $14::text::tsvector)"#,
        product_id,
        fields.category_id,
        fields.sku,
        fields.name_en,
        fields.name_zh,
        fields.description_en,
        fields.description_zh,
        Json(&fields.attributes) as _,
        fields.unit,
        status,
        flagged,
        proposed_by,
        reviewed_by,
        fields.search_doc
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Staff's edit of a product's facts (its review status is the moderation queue's business).
#[tracing::instrument(skip(db, fields), err)]
pub async fn update_product(
    db: impl PgExecutor<'_>,
    product_id: Uuid,
    fields: &ProductFields,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        r#"update product set category_id = $2, sku = $3, name_en = $4, name_zh = $5,
               description_en = $6, description_zh = $7, attributes = $8, unit = $9,
               search_doc = $10::text::tsvector, updated_at = now()
           where product_id = $1"#,
        product_id,
        fields.category_id,
        fields.sku,
        fields.name_en,
        fields.name_zh,
        fields.description_en,
        fields.description_zh,
        Json(&fields.attributes) as _,
        fields.unit,
        fields.search_doc
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Listings follow their product into another category (search facets filter on it).
#[tracing::instrument(skip(db), err)]
pub async fn move_listings(
    db: impl PgExecutor<'_>,
    product_id: Uuid,
    category_id: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "update listing set category_id = $2 where product_id = $1 and category_id <> $2",
        product_id,
        category_id
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Products of a category, by SKU: every status for staff, approved ones otherwise.
#[tracing::instrument(skip(db), err)]
pub async fn list_category_products(
    db: impl PgExecutor<'_>,
    category_id: Uuid,
    approved_only: bool,
) -> Result<Vec<ProductSummary>, sqlx::Error> {
    let rows = sqlx::query_as!(
        SummaryRow,
        r#"select product_id, category_id, sku, name_en, name_zh, unit, status, review_reason,
                  flagged_terms, created_at
           from product
           where category_id = $1 and (not $2 or status = 'approved')
           order by sku"#,
        category_id,
        approved_only
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(SummaryRow::into_summary).collect()
}

/// The supplier's proposals, newest first.
#[tracing::instrument(skip(db), err)]
pub async fn list_proposals(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Vec<ProductSummary>, sqlx::Error> {
    let rows = sqlx::query_as!(
        SummaryRow,
        r#"select product_id, category_id, sku, name_en, name_zh, unit, status, review_reason,
                  flagged_terms, created_at
           from product where proposed_by = $1
           order by created_at desc limit 200"#,
        organisation_id
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(SummaryRow::into_summary).collect()
}
