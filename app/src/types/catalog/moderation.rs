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

/// The submission itself. Externally tagged (`{"offer": {…}}`): an internally tagged enum would
/// buffer its fields, and buffered `null`s do not decode as optional decimals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
        proposed: Box<OfferContent>,
        live: Option<Box<OfferContent>>,
    },
}
