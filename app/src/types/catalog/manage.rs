//! What staff and suppliers send and read when they maintain the catalog: category forms,
//! product details and proposals, and the staff market tables (FX history, freight, duty).

use super::{AttributeDef, Category, Product, ReviewStatus};
use crate::rules::pricing::FxRate;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// A category as staff enter it (the server trims and checks it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryInput {
    pub parent_id: Option<Uuid>,
    pub code: String,
    pub name_en: String,
    pub name_zh: String,
    pub attributes: Vec<AttributeDef>,
}

impl From<&Category> for CategoryInput {
    fn from(category: &Category) -> Self {
        CategoryInput {
            parent_id: category.parent_id,
            code: category.code.clone(),
            name_en: category.name_en.clone(),
            name_zh: category.name_zh.clone(),
            attributes: category.attributes.clone(),
        }
    }
}

/// A product with the category whose schema labels its attributes (names, units).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub product: Product,
    pub category: Category,
    /// Claim words the filter found, for staff and the proposer (empty for everybody else).
    pub flagged_terms: Vec<String>,
}

/// A product in a staff list or a supplier's list of proposals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductSummary {
    pub product_id: Uuid,
    pub category_id: Uuid,
    pub sku: String,
    pub name_en: String,
    pub name_zh: String,
    pub unit: String,
    pub status: ReviewStatus,
    /// Why staff rejected it (shown to the proposing supplier).
    pub review_reason: Option<String>,
    pub flagged_terms: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// Where a dated rate stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RateState {
    /// Dated after today: not used yet.
    Scheduled,
    /// The latest rate of its pair on or before today: conversions use it.
    InForce,
    /// Replaced by a later rate of the same pair; kept as history.
    Superseded,
}

/// One stored exchange rate with who entered it, newest first per pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FxRateEntry {
    pub rate: FxRate,
    pub state: RateState,
    pub entered_by: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub entered_at: OffsetDateTime,
}
