//! Catalog search: the query a buyer builds (all of it in the URL) and the results with facets.

use crate::rules::pricing::Incoterm;
use crate::rules::qualification::band::Band;
use crate::types::money::Currency;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Results per page.
pub const PAGE_SIZE: u32 = 20;

/// A range filter on a numeric attribute; either end may be open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberRange {
    #[serde(with = "rust_decimal::serde::str_option")]
    pub min: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub max: Option<Decimal>,
}

/// Everything a search asks; the page keeps it in the URL (see `pages::catalog::url`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    /// Words in English or Chinese; empty lists everything (filtered).
    pub text: String,
    pub category_id: Option<Uuid>,
    /// Enumeration attributes: key → accepted options (any of them).
    pub options: BTreeMap<String, Vec<String>>,
    /// Number attributes: key → range.
    pub ranges: BTreeMap<String, NumberRange>,
    pub incoterms: Vec<Incoterm>,
    /// ISO 3166 alpha-2 origins.
    pub origins: Vec<String>,
    pub max_lead_time_days: Option<u32>,
    /// Suppliers in any of these bands.
    pub bands: Vec<Band>,
    /// 1-based.
    pub page: u32,
}

/// One product in the results, with what its approved offers span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub product_id: Uuid,
    pub sku: String,
    pub name_en: String,
    pub name_zh: String,
    pub category_id: Uuid,
    pub unit: String,
    pub attributes: super::AttributeValues,
    /// Approved offers matching the offer filters.
    pub offer_count: u32,
    /// The lowest first-tier price among them, in its own currency (a rough "from").
    pub from_price: Option<(Currency, String)>,
    pub min_lead_time_days: Option<u32>,
}

/// A count per value of a facet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u32,
}

/// The spread of a number attribute among the results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RangeFacet {
    pub key: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub min: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub max: Decimal,
}

/// Facets over all results (not just the page).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub categories: Vec<FacetCount>,
    pub incoterms: Vec<FacetCount>,
    pub origins: Vec<FacetCount>,
    pub bands: Vec<FacetCount>,
    /// Enumeration attributes of the chosen category: key → counts per option.
    pub options: BTreeMap<String, Vec<FacetCount>>,
    pub ranges: Vec<RangeFacet>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// Products matching, across all pages.
    pub total: u32,
    pub page: u32,
    pub facets: Facets,
    /// Every category (the tree, with schemas), to name facets and offer attribute filters.
    pub categories: Vec<super::Category>,
}
