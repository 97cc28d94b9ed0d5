//! Supplier offers: the form a supplier fills (or a CSV row), the checked content stored in a
//! revision, and what the supplier sees of its offers.

use super::{Region, ReviewStatus};
use crate::rules::pricing::{Incoterm, PriceTier};
use crate::types::money::Currency;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// One tier as typed: break quantity and unit price as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierInput {
    pub min_quantity: String,
    pub unit_price: String,
}

/// An offer as the supplier typed it (form or CSV row): text, checked by
/// `rules::catalog::offer::parse_offer` in the browser and again on the server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferInput {
    pub product_sku: String,
    /// The supplier's own code for the offer (its ERP's), unique per supplier.
    pub reference: String,
    pub tiers: Vec<TierInput>,
    pub moq: String,
    pub lead_time_days: String,
    pub incoterm: String,
    /// ISO 3166 alpha-2.
    pub origin_country: String,
    pub currency: String,
    /// Empty when made to order.
    pub stock: String,
    /// `YYYY-MM-DD`.
    pub valid_from: String,
    pub valid_until: String,
    pub sample_available: bool,
    /// Empty for a free sample (or none).
    pub sample_price: String,
    /// Days between paying and receiving the goods.
    pub payment_days: String,
    /// The supplier's own words about the offer (passes the moderation filter).
    pub description: String,
}

/// A checked offer, as stored in a revision and shown to buyers once approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferContent {
    pub product_sku: String,
    pub reference: String,
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
    pub valid_from: Date,
    #[serde(with = "iso_date")]
    pub valid_until: Date,
    pub sample_available: bool,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub sample_price: Option<Decimal>,
    pub payment_days: u32,
    pub description: String,
}

/// One of the supplier's offers on its own offers page: the live listing (if approved once) and
/// the newest revision with its review state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierOffer {
    pub offer_id: Uuid,
    /// The supplier organisation that owns the offer.
    pub supplier_id: Uuid,
    pub product_id: Uuid,
    pub product_name_en: String,
    pub product_name_zh: String,
    /// The unit of measure the tiers are priced in (the product's).
    pub product_unit: String,
    /// What buyers see now; `None` until a revision is approved.
    pub live: Option<OfferContent>,
    /// The newest revision (pending, rejected or the live one).
    pub latest: OfferContent,
    pub latest_status: ReviewStatus,
    /// Why staff rejected the newest revision.
    pub review_reason: Option<String>,
    /// The newest revision's id.
    pub latest_revision_id: Uuid,
    /// Set once the supplier withdrew the offer (buyers no longer see it; saving it again
    /// resubmits it for review).
    #[serde(with = "time::serde::rfc3339::option")]
    pub withdrawn_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// Where an offer stands for its supplier, from its live listing and newest revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferState {
    /// Never approved yet; the newest version waits for review.
    InReview,
    /// Buyers see the newest version.
    Live,
    /// Buyers see the approved version; an edit waits for review.
    LiveEditInReview,
    /// Buyers see the approved version; staff rejected the edit.
    LiveEditRejected,
    /// Never approved; staff rejected the newest version.
    Rejected,
    /// Taken off the market by the supplier.
    Withdrawn,
}

impl SupplierOffer {
    pub fn state(&self) -> OfferState {
        match (self.withdrawn_at, self.live.is_some(), self.latest_status) {
            (Some(_), _, _) => OfferState::Withdrawn,
            (None, true, ReviewStatus::Pending) => OfferState::LiveEditInReview,
            (None, true, ReviewStatus::Rejected) => OfferState::LiveEditRejected,
            (None, true, _) => OfferState::Live,
            (None, false, ReviewStatus::Rejected) => OfferState::Rejected,
            (None, false, _) => OfferState::InReview,
        }
    }
}
