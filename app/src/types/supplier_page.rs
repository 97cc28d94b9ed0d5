//! What the public supplier profile (for buyers) and the supplier's own dashboard show.

use crate::rules::qualification::band::Band;
use crate::rules::qualification::documents::DocumentKind;
use crate::rules::qualification::scorecard::Criterion;
use crate::rules::qualification::status::{NotEligible, QualificationStatus};
use crate::types::scorecard::{SupplierNotification, SupplierScorecard, Tier};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A document a reviewer verified and that is still valid: a badge buyers can trust.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifiedBadge {
    pub kind: DocumentKind,
    #[serde(with = "time::serde::rfc3339")]
    pub verified_at: OffsetDateTime,
    /// The reviewer's display name.
    pub verified_by: String,
    pub expires_on: Option<Date>,
}

/// The numbers behind the trust, as buyers see them. A rate is `None` ("no data yet") when
/// nothing has been counted: never a made-up value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicSupplierProfile {
    pub organisation_id: Uuid,
    pub name: String,
    pub name_zh: Option<String>,
    pub industry: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub description: Option<String>,
    pub status: Option<QualificationStatus>,
    pub badges: Vec<VerifiedBadge>,
    #[serde(with = "rust_decimal::serde::str")]
    pub stars: Decimal,
    pub band: Band,
    pub tier: Tier,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub on_time_rate: Option<Decimal>,
    /// Orders fulfilled in full; orders arrive with later work, so this is `None` until then.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub fulfilment_rate: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub response_rate: Option<Decimal>,
    pub rating_count: i64,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub rating_average: Option<Decimal>,
    pub audits_passed: i64,
    pub audits_total: i64,
}

/// A required document that expires within 30 days (or has lapsed), for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpiringDocument {
    pub document_id: Uuid,
    pub kind: DocumentKind,
    pub expires_on: Date,
    /// Days of validity left after today; negative once lapsed.
    pub days_left: i64,
}

/// A criterion and the points the score would gain if it were perfect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Improvement {
    pub criterion: Criterion,
    #[serde(with = "rust_decimal::serde::str")]
    pub points: Decimal,
    /// `true` when the criterion has no facts yet (it counts as neutral).
    pub no_data: bool,
}

/// The supplier's home page. Tenders, offers, sample requests, RFQs and orders join it with the
/// work that brings them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierDashboard {
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub status: Option<QualificationStatus>,
    pub status_reason: Option<String>,
    /// Why the supplier may not quote or bid now; `None` when it may.
    pub not_eligible: Option<NotEligible>,
    pub expiring: Vec<ExpiringDocument>,
    pub scorecard: SupplierScorecard,
    /// The criteria that would raise the score most, largest gain first.
    pub improvements: Vec<Improvement>,
    pub notifications: Vec<SupplierNotification>,
}
