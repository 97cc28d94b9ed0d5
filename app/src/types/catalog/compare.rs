//! The comparison matrix: what the buyer asks for, the facts of each offer column and the staff
//! tables they are priced with, so the browser recomputes instantly with the server's rules.

use super::Region;
use crate::rules::pricing::{FreightCharge, FxRate, Incoterm, PriceTier};
use crate::rules::qualification::band::Band;
use crate::types::money::{Currency, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// What the buyer compares: equivalent products at one quantity, delivered to one region,
/// priced in one currency. Text fields as typed (checked by the server and the page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareRequest {
    pub product_ids: Vec<Uuid>,
    pub quantity: String,
    pub destination: Region,
    pub currency: Currency,
    /// The buyer's yearly cost of money in percent, for the payment term's cost (default 8).
    pub annual_rate_percent: String,
}

/// The facts of one approved offer: everything its column shows and is priced from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingFacts {
    pub offer_id: Uuid,
    pub product_id: Uuid,
    pub category_id: Uuid,
    pub supplier_id: Uuid,
    pub supplier_name: String,
    /// Scorecard 0–100 and its band (neutral while the supplier has no facts).
    #[serde(with = "rust_decimal::serde::str")]
    pub supplier_score: Decimal,
    pub band: Band,
    /// Approved, unexpired certificates ("iso9001", "ce"…).
    pub certifications: Vec<String>,
    pub tiers: Vec<PriceTier>,
    #[serde(with = "rust_decimal::serde::str")]
    pub moq: Decimal,
    pub lead_time_days: u32,
    pub incoterm: Incoterm,
    pub origin_country: String,
    pub origin_region: Region,
    pub currency: Currency,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub stock: Option<Decimal>,
    #[serde(with = "iso_date")]
    pub valid_until: Date,
    pub sample_available: bool,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub sample_price: Option<Decimal>,
    pub payment_days: u32,
}

/// A freight-table entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreightEntry {
    pub incoterm: Incoterm,
    pub origin_region: Region,
    pub destination_region: Region,
    pub charge: FreightCharge,
}

/// A duty-table entry: percent of the customs value for a category entering a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutyEntry {
    pub category_id: Uuid,
    pub destination_region: Region,
    #[serde(with = "rust_decimal::serde::str")]
    pub percent: Decimal,
}

/// The staff tables a landed cost is computed from, as in force on `on`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketTables {
    pub fx_rates: Vec<FxRate>,
    pub freight: Vec<FreightEntry>,
    pub duty: Vec<DutyEntry>,
}

/// A compared product's heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductHead {
    pub product_id: Uuid,
    pub sku: String,
    pub name_en: String,
    pub name_zh: String,
    pub unit: String,
}

/// The server's answer: the columns' facts and tables, plus its own landed cost for each column
/// at the requested quantity (the browser's recomputation must agree with it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparisonData {
    /// The date whose FX rates apply.
    #[serde(with = "iso_date")]
    pub on: Date,
    pub products: Vec<ProductHead>,
    pub listings: Vec<ListingFacts>,
    pub tables: MarketTables,
    /// One per listing, same order.
    pub columns: Vec<ColumnOutcome>,
}

/// A column's price at the quantity, or why the offer cannot serve it. The parts of the landed
/// cost and their formulas are left to the caller's own `price_listing` over `listings` and
/// `tables` (the browser does it anyway, for every change of quantity): the answer stays small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ColumnOutcome {
    Priced {
        /// The tier price at the quantity, in the offer's currency.
        #[serde(with = "rust_decimal::serde::str")]
        unit_price: Decimal,
        landed_unit: Money,
        landed_total: Money,
    },
    Unavailable {
        issue: crate::rules::catalog::landed::ColumnIssue,
    },
}
