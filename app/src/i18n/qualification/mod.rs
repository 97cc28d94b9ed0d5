//! The qualification pages' strings (supplier application and staff review), kept apart from the
//! main catalog so the feature's wording lives in one place; reached as `Texts::qualification`.

mod en;
mod zh;

pub use en::TEXTS as EN;
pub use zh::TEXTS as ZH;

use crate::rules::qualification::documents::DocumentKind;
use crate::rules::qualification::status::QualificationStatus;
use crate::types::qualification::DocumentReview;

/// One field per string, plain functions where a value picks or fills the text.
pub struct QualificationTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub lead: &'static str,
    pub reviews_nav: &'static str,
    pub queue_title: &'static str,
    pub queue_lead: &'static str,
    pub queue_empty: &'static str,
    /// `None` is "not submitted yet".
    pub status_name: fn(Option<QualificationStatus>) -> &'static str,
    pub status_explained: fn(Option<QualificationStatus>) -> &'static str,
    pub reason: &'static str,
    pub profile: &'static str,
    pub legal_name: &'static str,
    pub registration_number: &'static str,
    pub address: &'static str,
    pub categories: &'static str,
    pub production_capacity: &'static str,
    pub production_capacity_hint: &'static str,
    /// A value of `CATEGORIES`; unknown values come back as "—".
    pub category_name: fn(&str) -> &'static str,
    pub save_profile: &'static str,
    pub profile_locked: &'static str,
    pub admin_only: &'static str,
    pub documents: &'static str,
    pub no_documents: &'static str,
    pub upload_title: &'static str,
    pub document_kind: &'static str,
    pub document_number: &'static str,
    pub issuer: &'static str,
    pub expires_on: &'static str,
    pub file: &'static str,
    pub file_hint: &'static str,
    pub size: &'static str,
    pub review: &'static str,
    pub kind_name: fn(DocumentKind) -> &'static str,
    pub review_name: fn(DocumentReview) -> &'static str,
    pub upload_document: &'static str,
    pub uploading: &'static str,
    pub document_uploaded: &'static str,
    pub submit_for_review: &'static str,
    pub submit_hint: &'static str,
    pub application_submitted: &'static str,
    pub history: &'static str,
    pub no_history: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub what: &'static str,
    pub note: &'static str,
    /// An audit action code (`submitted`, `document_approved`…).
    pub action_name: fn(&str) -> &'static str,
    pub submitted_at: &'static str,
    pub pending_documents: &'static str,
    pub back_to_queue: &'static str,
    pub open_file: &'static str,
    pub preview_of: fn(&str) -> String,
    pub approve_document: &'static str,
    pub reject_document: &'static str,
    pub rejection_note: &'static str,
    pub decisions: &'static str,
    pub decision_reason: &'static str,
    pub start_review: &'static str,
    pub approve_application: &'static str,
    pub reject_application: &'static str,
    pub suspend: &'static str,
    pub reinstate: &'static str,
    pub no_decision: &'static str,
    pub decision_saved: &'static str,
}
