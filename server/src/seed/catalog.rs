//! The demo catalog: approved demo suppliers (with a business licence and some ISO 9001
//! certificates), the category tree and products of `catalog_data`, approved offers with their
//! listings from several origins and currencies, the staff market tables and moderation terms.
//!
//! Everything goes in a handful of set-based statements (one JSON array per table), so the seed
//! stays well under a second; ids are derived from names, so it is the same world every run.

use super::catalog_data::{Kind, Value as V, CATEGORIES, PRODUCTS};
use super::demo_data::{DEMO_ORGS, DEMO_STAFF};
use super::demo_id;
use anyhow::Context;
use app::rules::catalog::attributes::{check_schema, check_values, searchable_text};
use app::rules::catalog::search_terms::{search_document, Weight};
use app::types::catalog::{AttributeDef, AttributeKind, AttributeValues};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use sqlx::PgConnection;
use std::collections::HashMap;
use time::{Date, Duration};

mod offers;
mod statements;

/// Loads the catalog into the transaction that seeds the demo organisations.
pub async fn seed_catalog(tx: &mut PgConnection, today: Date) -> anyhow::Result<()> {
    let reviewer = demo_id(DEMO_STAFF[1].0);
    statements::approve_suppliers(tx, reviewer, today).await?;
    let schemas = categories(tx).await?;
    products(tx, &schemas, reviewer).await?;
    let offers = offers::demo_offers(today);
    statements::insert_offers(tx, &offers, reviewer).await?;
    statements::market_tables(tx, today, &schemas).await?;
    Ok(())
}

/// The schema of each category, by code.
type Schemas = HashMap<&'static str, Vec<AttributeDef>>;

async fn categories(tx: &mut PgConnection) -> anyhow::Result<Schemas> {
    let mut schemas = Schemas::new();
    let mut rows = Vec::new();
    for category in CATEGORIES {
        let attributes: Vec<AttributeDef> = category
            .attributes
            .iter()
            .map(|(key, name_en, name_zh, kind, required)| AttributeDef {
                key: (*key).to_owned(),
                name_en: (*name_en).to_owned(),
                name_zh: (*name_zh).to_owned(),
                kind: match kind {
                    Kind::Number(unit) => AttributeKind::Number {
                        unit: (*unit).to_owned(),
                    },
                    Kind::Options(options) => AttributeKind::Enumeration {
                        options: options.iter().map(|o| (*o).to_owned()).collect(),
                    },
                    Kind::Text => AttributeKind::Text,
                    Kind::Boolean => AttributeKind::Boolean,
                },
                required: *required,
            })
            .collect();
        check_schema(&attributes)
            .map_err(|e| anyhow::anyhow!("demo category {}: {e:?}", category.code))?;
        rows.push(json!({
            "category_id": category_id(category.code),
            "parent_id": category.parent.map(category_id),
            "code": category.code,
            "name_en": category.name_en,
            "name_zh": category.name_zh,
            "attributes": attributes,
        }));
        schemas.insert(category.code, attributes);
    }
    statements::insert_categories(tx, Value::Array(rows)).await?;
    Ok(schemas)
}

async fn products(
    tx: &mut PgConnection,
    schemas: &Schemas,
    reviewer: uuid::Uuid,
) -> anyhow::Result<()> {
    let mut rows = Vec::new();
    for product in PRODUCTS {
        let schema = schemas
            .get(product.category)
            .with_context(|| format!("no demo category {}", product.category))?;
        let raw: AttributeValues = product
            .values
            .iter()
            .map(|(key, value)| {
                let value = match value {
                    V::N(number) | V::S(number) => Value::String((*number).to_owned()),
                    V::B(flag) => Value::Bool(*flag),
                };
                ((*key).to_owned(), value)
            })
            .collect();
        // The demo data passes the same check as a staff form, so it never shows invalid values.
        let values = check_values(schema, &raw)
            .map_err(|e| anyhow::anyhow!("demo product {}: {e:?}", product.sku))?;
        let attribute_text = searchable_text(schema, &values);
        let search_doc = search_document(&[
            (product.sku, Weight::A),
            (product.name_en, Weight::A),
            (product.name_zh, Weight::A),
            (&attribute_text, Weight::B),
            (product.description_en, Weight::C),
            (product.description_zh, Weight::C),
        ]);
        rows.push(json!({
            "product_id": product_id(product.sku),
            "category_id": category_id(product.category),
            "sku": product.sku,
            "name_en": product.name_en,
            "name_zh": product.name_zh,
            "description_en": product.description_en,
            "description_zh": product.description_zh,
            "attributes": values,
            "unit": product.unit,
            "search_doc": search_doc,
        }));
    }
    statements::insert_products(tx, Value::Array(rows), reviewer).await
}

pub(super) fn category_id(code: &str) -> uuid::Uuid {
    demo_id(&format!("category:{code}"))
}

pub(super) fn product_id(sku: &str) -> uuid::Uuid {
    demo_id(&format!("product:{sku}"))
}

/// The organisation id and admin account of a demo organisation, by name.
pub(super) fn org(name: &str) -> (uuid::Uuid, uuid::Uuid) {
    let org = DEMO_ORGS
        .iter()
        .find(|org| org.name == name)
        .unwrap_or_else(|| panic!("no demo organisation {name}"));
    (demo_id(org.name), demo_id(org.people[0].0))
}

/// `days` after (or before, if negative) `today`.
pub(super) fn day(today: Date, days: i64) -> Date {
    today + Duration::days(days)
}

/// A decimal written in the data tables.
pub(super) fn dec(raw: &str) -> Decimal {
    raw.parse()
        .unwrap_or_else(|_| panic!("bad decimal {raw:?} in the demo data"))
}
