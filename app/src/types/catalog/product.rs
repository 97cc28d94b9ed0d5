//! Categories with their attribute schema, and standardised products (SKUs).

use super::ReviewStatus;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;
use uuid::Uuid;

/// What kind of value an attribute holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AttributeKind {
    /// A decimal with a unit ("mm", "MPa"); searchable as a range.
    Number {
        unit: String,
    },
    /// One of a fixed list of options; searchable with checkboxes.
    Enumeration {
        options: Vec<String>,
    },
    Text,
    Boolean,
}

/// One attribute of a category's schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeDef {
    /// Stable key in product attribute maps and URLs: `diameter_mm`, `grade`.
    pub key: String,
    pub name_en: String,
    pub name_zh: String,
    pub kind: AttributeKind,
    pub required: bool,
}

/// A category of the catalog tree with its attribute schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub category_id: Uuid,
    pub parent_id: Option<Uuid>,
    /// Lower-case slug, unique: `rebar`, `fasteners-bolts`.
    pub code: String,
    pub name_en: String,
    pub name_zh: String,
    pub attributes: Vec<AttributeDef>,
}

/// A product's attribute values by key: numbers as decimal strings, enumeration options and text
/// as strings, booleans as JSON booleans (checked against the schema by `rules::catalog`).
pub type AttributeValues = BTreeMap<String, serde_json::Value>;

/// A standardised product as buyers and suppliers see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub product_id: Uuid,
    pub category_id: Uuid,
    pub sku: String,
    pub name_en: String,
    pub name_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub attributes: AttributeValues,
    /// Unit of measure offers are priced in: `t`, `pc`, `kg`, `m`.
    pub unit: String,
    pub status: ReviewStatus,
    pub review_reason: Option<String>,
}

/// What staff enter, or a supplier proposes, for a product (raw form text; the server checks it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProductInput {
    pub category_id: Option<Uuid>,
    pub sku: String,
    pub name_en: String,
    pub name_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub attributes: AttributeValues,
    pub unit: String,
}

/// A product proposal or offer revision in the staff moderation queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModerationItem {
    pub kind: ModerationKind,
    /// The product id or the offer revision id.
    pub id: Uuid,
    pub supplier_id: Option<Uuid>,
    pub supplier_name: Option<String>,
    pub title: String,
    /// Claim-filter words found, for the reviewer to check.
    pub flagged_terms: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub submitted_at: OffsetDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModerationKind {
    Product,
    Offer,
}
