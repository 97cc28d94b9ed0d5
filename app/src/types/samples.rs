//! Sample requests: a buyer asks for a sample of an approved offer; the supplier accepts (with a
//! shipping reference) or declines (with a reason), once.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// Where a sample request stands: `requested → accepted | declined`, decided once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SampleStatus {
    Requested,
    Accepted,
    Declined,
}

impl SampleStatus {
    pub const ALL: [SampleStatus; 3] = [
        SampleStatus::Requested,
        SampleStatus::Accepted,
        SampleStatus::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SampleStatus::Requested => "requested",
            SampleStatus::Accepted => "accepted",
            SampleStatus::Declined => "declined",
        }
    }

    pub fn parse(raw: &str) -> Option<SampleStatus> {
        SampleStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == raw)
    }
}

/// Longest note a buyer may add to a request.
pub const MAX_NOTE: usize = 1000;
/// Longest shipping reference (a courier's tracking number, an AWB).
pub const MAX_SHIPPING_REFERENCE: usize = 100;
/// Longest reason for declining.
pub const MAX_DECLINE_REASON: usize = 500;

/// A sample request as both sides list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleRequest {
    pub request_id: Uuid,
    pub offer_id: Uuid,
    pub product_id: Uuid,
    pub sku: String,
    pub product_name_en: String,
    pub product_name_zh: String,
    /// The product's unit of measure (the quantity is in it).
    pub unit: String,
    pub buyer_id: Uuid,
    pub buyer_name: String,
    pub supplier_id: Uuid,
    pub supplier_name: String,
    /// Who asked (a member of the buyer organisation).
    pub requested_by_name: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub quantity: Decimal,
    pub note: String,
    pub status: SampleStatus,
    pub shipping_reference: Option<String>,
    pub decline_reason: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub decided_at: Option<OffsetDateTime>,
}
