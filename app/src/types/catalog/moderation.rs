//! What a staff reviewer sees of one submission: the proposed version next to the live one, the
//! claim words the filter flagged, and where the review stands.

use super::compare::ProductHead;
use super::{ModerationItem, OfferContent, Product, ReviewStatus};
use serde::{Deserialize, Serialize};

/// One item of the moderation queue in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModerationDetail {
    pub item: ModerationItem,
    pub status: ReviewStatus,
    /// The reason given when it was rejected.
    pub review_reason: Option<String>,
    pub subject: ModerationSubject,
}

/// The submission itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ModerationSubject {
    /// A product a supplier proposed for the catalog (there is no live version to compare).
    Product {
        product: Product,
        category_name_en: String,
        category_name_zh: String,
    },
    /// A new or edited offer: the proposed content and, for an edit, what buyers see now.
    Offer {
        product: ProductHead,
        proposed: OfferContent,
        live: Option<OfferContent>,
    },
}
