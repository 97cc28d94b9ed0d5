//! SQL for the catalog tree: categories with their attribute schemas, the values products hold
//! for them, and the moderation terms proposals are screened with. Products and the staff
//! market tables have their own modules.

pub mod market;
pub mod product;

use crate::rules::catalog::moderation::{Term, TermKind};
use crate::types::catalog::manage::CategoryInput;
use crate::types::catalog::{AttributeDef, AttributeValues, Category};
use sqlx::types::Json;
use sqlx::PgExecutor;
use uuid::Uuid;

/// A category row as stored (its schema as JSON).
struct CategoryRow {
    category_id: Uuid,
    parent_id: Option<Uuid>,
    code: String,
    name_en: String,
    name_zh: String,
    attributes: Json<Vec<AttributeDef>>,
}

impl From<CategoryRow> for Category {
    fn from(row: CategoryRow) -> Self {
        Category {
            category_id: row.category_id,
            parent_id: row.parent_id,
            code: row.code,
            name_en: row.name_en,
            name_zh: row.name_zh,
            attributes: row.attributes.0,
        }
    }
}

#[tracing::instrument(skip(db), err)]
pub async fn list_categories(db: impl PgExecutor<'_>) -> Result<Vec<Category>, sqlx::Error> {
    sqlx::query_as!(
        CategoryRow,
        r#"select category_id, parent_id, code, name_en, name_zh,
                  attributes as "attributes: Json<Vec<AttributeDef>>"
           from category order by name_en, code"#
    )
    .fetch_all(db)
    .await
    .map(|rows| rows.into_iter().map(Category::from).collect())
}

#[tracing::instrument(skip(db), err)]
pub async fn find_category(
    db: impl PgExecutor<'_>,
    category_id: Uuid,
) -> Result<Option<Category>, sqlx::Error> {
    sqlx::query_as!(
        CategoryRow,
        r#"select category_id, parent_id, code, name_en, name_zh,
                  attributes as "attributes: Json<Vec<AttributeDef>>"
           from category where category_id = $1"#,
        category_id
    )
    .fetch_optional(db)
    .await
    .map(|row| row.map(Category::from))
}

/// The category, locked against concurrent schema changes: `for update` when its schema is
/// about to change, `for share` while a product of it is written.
#[tracing::instrument(skip(db), err)]
pub async fn lock_category(
    db: impl PgExecutor<'_>,
    category_id: Uuid,
    exclusive: bool,
) -> Result<Option<Category>, sqlx::Error> {
    let row = if exclusive {
        sqlx::query_as!(
            CategoryRow,
            r#"select category_id, parent_id, code, name_en, name_zh,
                      attributes as "attributes: Json<Vec<AttributeDef>>"
               from category where category_id = $1 for update"#,
            category_id
        )
        .fetch_optional(db)
        .await?
    } else {
        sqlx::query_as!(
            CategoryRow,
            r#"select category_id, parent_id, code, name_en, name_zh,
                      attributes as "attributes: Json<Vec<AttributeDef>>"
               from category where category_id = $1 for share"#,
            category_id
        )
        .fetch_optional(db)
        .await?
    };
    Ok(row.map(Category::from))
}

#[tracing::instrument(skip(db, input), err)]
pub async fn insert_category(
    db: impl PgExecutor<'_>,
    category_id: Uuid,
    input: &CategoryInput,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into category (category_id, parent_id, code, name_en, name_zh, attributes)
           values ($1, $2, $3, $4, $5, $6)"#,
        category_id,
        input.parent_id,
        input.code,
        input.name_en,
        input.name_zh,
        Json(&input.attributes) as _
    )
    .execute(db)
    .await
    .map(|_| ())
}

#[tracing::instrument(skip(db, input), err)]
pub async fn update_category(
    db: impl PgExecutor<'_>,
    category_id: Uuid,
    input: &CategoryInput,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"update category set parent_id = $2, code = $3, name_en = $4, name_zh = $5,
               attributes = $6, updated_at = now()
           where category_id = $1"#,
        category_id,
        input.parent_id,
        input.code,
        input.name_en,
        input.name_zh,
        Json(&input.attributes) as _
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// (SKU, values) of the category's live products: approved ones and proposals still waiting.
/// Rejected proposals are out of the catalog and do not hold its schema back.
#[tracing::instrument(skip(db), err)]
pub async fn product_values(
    db: impl PgExecutor<'_>,
    category_id: Uuid,
) -> Result<Vec<(String, AttributeValues)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select sku, attributes as "attributes: Json<AttributeValues>" from product
           where category_id = $1 and status in ('approved', 'pending')"#,
        category_id
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.sku, r.attributes.0)).collect())
}

/// The configured moderation terms, oldest first (the order screening reports them in).
#[tracing::instrument(skip(db), err)]
pub async fn moderation_terms(db: impl PgExecutor<'_>) -> Result<Vec<Term>, sqlx::Error> {
    let rows = sqlx::query!("select term, kind from moderation_term order by created_at, term")
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
