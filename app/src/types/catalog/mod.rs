//! Catalog types shared by browser and server: categories and their attribute schemas, products,
//! offers (what suppliers submit and what buyers see), moderation and the comparison matrix.

pub mod compare;
pub mod manage;
pub mod moderation;
pub mod offer;
pub mod offer_import;
pub mod product;
pub mod region;
pub mod search;

pub use moderation::{ModerationDetail, ModerationSubject};
pub use offer::*;
pub use offer_import::{FileIssue, ImportAction, ImportReport, ImportRow};
pub use product::*;
pub use region::Region;

use serde::{Deserialize, Serialize};

/// Where a product proposal or an offer revision stands in listing moderation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// Waiting in the staff queue; buyers do not see it.
    Pending,
    Approved,
    /// Refused with a reason the supplier sees.
    Rejected,
    /// An approved revision replaced by a later approved one.
    Superseded,
}

impl ReviewStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Pending => "pending",
            ReviewStatus::Approved => "approved",
            ReviewStatus::Rejected => "rejected",
            ReviewStatus::Superseded => "superseded",
        }
    }

    pub fn parse(raw: &str) -> Option<ReviewStatus> {
        [
            ReviewStatus::Pending,
            ReviewStatus::Approved,
            ReviewStatus::Rejected,
            ReviewStatus::Superseded,
        ]
        .into_iter()
        .find(|status| status.as_str() == raw)
    }
}
