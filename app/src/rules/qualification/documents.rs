//! Supplier documents: which kinds are required, and what their expiry dates call for today.
//!
//! A document is valid through its expiry date and lapsed from the day after. The scheduled job
//! warns the supplier 30 and 7 days before a required document expires ([`expiry_notices`]) and
//! suspends the supplier when one has lapsed ([`lapsed`]). Only the latest-expiring document of
//! each kind counts, so an uploaded replacement silences the warnings about the one it replaces.

use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

/// What a document certifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    BusinessLicence,
    Iso9001,
    SgsTestReport,
    Ce,
    OtherCertificate,
    /// A photo of the factory: reviewed like a document, never required, never expiring.
    FactoryPhoto,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 6] = [
        DocumentKind::BusinessLicence,
        DocumentKind::Iso9001,
        DocumentKind::SgsTestReport,
        DocumentKind::Ce,
        DocumentKind::OtherCertificate,
        DocumentKind::FactoryPhoto,
    ];

    /// Whether every supplier must hold a valid one to trade. Certificates are optional: they earn
    /// verified badges, and their lapse removes the badge rather than suspending the supplier.
    pub fn is_required(self) -> bool {
        matches!(self, DocumentKind::BusinessLicence)
    }
}

/// What the expiry rules need to know about an accepted document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub document_id: Uuid,
    pub kind: DocumentKind,
    /// The last day the document is valid; `None` when it never expires.
    pub expires_on: Option<Date>,
}

/// How long before the expiry a warning goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeThreshold {
    ThirtyDays,
    SevenDays,
}

impl NoticeThreshold {
    pub fn days(self) -> i64 {
        match self {
            NoticeThreshold::ThirtyDays => 30,
            NoticeThreshold::SevenDays => 7,
        }
    }
}

/// Identifies a notice already sent, so it is never sent twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SentNotice {
    pub document_id: Uuid,
    pub threshold: NoticeThreshold,
}

/// A warning to send the supplier today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub document_id: Uuid,
    pub kind: DocumentKind,
    pub threshold: NoticeThreshold,
    pub expires_on: Date,
    /// Days of validity left after today (0: today is the last valid day).
    pub days_left: i64,
}

impl Notice {
    pub fn key(&self) -> SentNotice {
        SentNotice {
            document_id: self.document_id,
            threshold: self.threshold,
        }
    }
}

/// A required document that has lapsed; the caller suspends the supplier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lapsed {
    pub document_id: Uuid,
    pub kind: DocumentKind,
    pub expired_on: Date,
}

/// The warnings due today and not yet sent. Within 30 days the 30-day warning is due; within 7
/// days only the 7-day one (a job that missed days sends the most urgent, not both). A lapsed
/// document gets no warning: [`lapsed`] reports it.
pub fn expiry_notices(
    documents: &[Document],
    already_sent: &[SentNotice],
    today: Date,
) -> Vec<Notice> {
    current_required(documents)
        .filter_map(|(document, expires_on)| {
            let days_left = (expires_on - today).whole_days();
            let threshold = match days_left {
                d if d < 0 => return None,
                d if d <= NoticeThreshold::SevenDays.days() => NoticeThreshold::SevenDays,
                d if d <= NoticeThreshold::ThirtyDays.days() => NoticeThreshold::ThirtyDays,
                _ => return None,
            };
            let notice = Notice {
                document_id: document.document_id,
                kind: document.kind,
                threshold,
                expires_on,
                days_left,
            };
            (!already_sent.contains(&notice.key())).then_some(notice)
        })
        .collect()
}

/// The required documents that have lapsed by `today`.
pub fn lapsed(documents: &[Document], today: Date) -> Vec<Lapsed> {
    current_required(documents)
        .filter(|(_, expires_on)| *expires_on < today)
        .map(|(document, expired_on)| Lapsed {
            document_id: document.document_id,
            kind: document.kind,
            expired_on,
        })
        .collect()
}

/// The required documents with an expiry date that no other document of their kind supersedes.
fn current_required(documents: &[Document]) -> impl Iterator<Item = (&Document, Date)> {
    documents.iter().filter_map(move |document| {
        let expires_on = document.expires_on?;
        let superseded = documents.iter().any(|other| {
            other.kind == document.kind
                && match other.expires_on {
                    None => true,
                    Some(other_on) => {
                        other_on > expires_on
                            || (other_on == expires_on && other.document_id > document.document_id)
                    }
                }
        });
        (document.kind.is_required() && !superseded).then_some((document, expires_on))
    })
}

#[cfg(test)]
mod tests;
