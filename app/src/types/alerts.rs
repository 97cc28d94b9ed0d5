//! Price alerts: a buyer watches a product's landed unit cost at a quantity, to a destination,
//! in a currency, and is notified once when an approved offer falls to or below the target.

use crate::types::catalog::Region;
use crate::types::money::{Currency, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// The buyer's yearly cost of money alerts price the payment term with, in percent.
pub const ALERT_ANNUAL_RATE_PERCENT: Decimal = Decimal::from_parts(8, 0, 0, false, 0);

/// A new alert as typed (text fields checked by the server).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertInput {
    pub product_id: Uuid,
    pub quantity: String,
    /// A region code (`"europe"`).
    pub destination: String,
    /// An ISO 4217 code.
    pub currency: String,
    pub target_unit_cost: String,
}

/// An alert as its owner lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceAlert {
    pub alert_id: Uuid,
    pub product_id: Uuid,
    pub sku: String,
    pub product_name_en: String,
    pub product_name_zh: String,
    pub unit: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    pub destination: Region,
    pub currency: Currency,
    /// Landed unit cost at or below which the buyer wants to hear.
    #[serde(with = "rust_decimal::serde::str")]
    pub target_unit_cost: Decimal,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Set once, when an offer crossed the target.
    pub triggered: Option<AlertTrigger>,
}

/// What crossed an alert's target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertTrigger {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// `None` when the offer was deleted since.
    pub offer_id: Option<Uuid>,
    pub supplier_name: Option<String>,
    pub unit_cost: Money,
}
