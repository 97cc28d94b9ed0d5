//! Supplier qualification as the browser sees it: the application (profile, documents, history)
//! and the reviewers' queue.

use crate::rules::qualification::documents::DocumentKind;
use crate::rules::qualification::status::QualificationStatus;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// Product categories a supplier can serve (the catalog's top level).
pub const CATEGORIES: [&str; 4] = ["steel", "fasteners", "electronics", "fresh_produce"];

/// The company facts a supplier enters. Raw strings: the server validates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierProfileInput {
    pub legal_name: String,
    pub registration_number: String,
    pub address: String,
    /// Values from [`CATEGORIES`].
    pub categories: Vec<String>,
    pub production_capacity: String,
}

/// How a reviewer judged one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentReview {
    Pending,
    Approved,
    Rejected,
}

/// An uploaded document (the file itself is fetched from `/files/supplier-documents/<id>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierDocument {
    pub document_id: Uuid,
    pub kind: DocumentKind,
    pub number: String,
    pub issuer: String,
    pub expires_on: Option<Date>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// SHA-256 of the stored bytes, lowercase hex.
    pub sha256: String,
    pub review: DocumentReview,
    /// Why a reviewer rejected it; the supplier sees this.
    pub review_note: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub uploaded_at: OffsetDateTime,
}

/// One entry of the qualification audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QualificationEvent {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub actor_name: String,
    /// What happened: `profile_saved`, `document_uploaded`, `submitted`, `review_started`,
    /// `document_approved`, `document_rejected`, `approved`, `rejected`, `suspended`, `reinstated`.
    pub action: String,
    pub note: Option<String>,
    pub status_after: Option<QualificationStatus>,
}

/// A supplier's application: profile, documents and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierApplication {
    pub organisation_id: Uuid,
    pub organisation_name: String,
    /// `None` until the supplier submits for the first time.
    pub status: Option<QualificationStatus>,
    /// The latest rejection or suspension reason, for the supplier to read.
    pub status_reason: Option<String>,
    pub profile: SupplierProfileInput,
    pub documents: Vec<SupplierDocument>,
    pub history: Vec<QualificationEvent>,
}

/// One row of the reviewers' queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQueueRow {
    pub organisation_id: Uuid,
    pub name: String,
    pub name_zh: Option<String>,
    pub status: QualificationStatus,
    #[serde(with = "time::serde::rfc3339::option")]
    pub submitted_at: Option<OffsetDateTime>,
    pub pending_documents: i64,
}
