//! The tender and bidding-board strings, kept apart from the main catalog so the feature's
//! wording lives in one place; reached as `Texts::tenders`.

mod en;
mod zh;

pub use en::TEXTS as EN;
pub use zh::TEXTS as ZH;

use crate::rules::auction::{Phase, Rejection, RuleIssue};

/// One field per string, plain functions where a value picks or fills the text.
pub struct TenderTexts {
    pub nav: &'static str,
    pub phase_name: fn(Phase) -> &'static str,
    /// Why a bid was refused, with the numbers the bidder needs.
    pub rejection: fn(&Rejection) -> String,
    /// Why a lot's rule set cannot work.
    pub rule_issue: fn(&RuleIssue) -> String,
}
