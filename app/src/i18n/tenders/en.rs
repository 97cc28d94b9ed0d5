//! English strings of the tender pages and the bidding board.

use super::TenderTexts;
use crate::rules::auction::{NotOpenReason, Phase, Rejection, RuleIssue};

pub static TEXTS: TenderTexts = TenderTexts {
    nav: "Tenders",
    phase_name: |phase| match phase {
        Phase::Draft => "Draft",
        Phase::Scheduled => "Scheduled",
        Phase::Open => "Open",
        Phase::Closed => "Closed",
        Phase::Awarded => "Awarded",
        Phase::Cancelled => "Cancelled",
    },
    rejection: |rejection| match rejection {
        Rejection::NotEligible => "You are not eligible to bid on this lot.".into(),
        Rejection::NotOpen { why } => match why {
            NotOpenReason::Draft => "This lot has not been published.".into(),
            NotOpenReason::NotStarted { .. } => "Bidding has not started yet.".into(),
            NotOpenReason::Ended { .. } => "Bidding has ended.".into(),
            NotOpenReason::Closed => "This lot is closed.".into(),
            NotOpenReason::Cancelled => "This lot was cancelled.".into(),
        },
        Rejection::NotANumber => "Enter a number such as 1250.50.".into(),
        Rejection::NotPositive => "The bid must be greater than zero.".into(),
        Rejection::TooManyDecimals { max } => format!("Use at most {max} decimal places."),
        Rejection::TooHigh { ceiling } => {
            format!("The bid is above the ceiling price of {ceiling}.")
        }
        Rejection::DecrementTooSmall { minimum_next_bid } => {
            format!("Not enough of a step down: bid {minimum_next_bid} or less.")
        }
        Rejection::NoLowerBidPossible => "No lower bid is possible on this lot.".into(),
        Rejection::TieNotAllowed => "Another supplier already bid exactly this amount.".into(),
    },
    rule_issue: |issue| {
        match issue {
        RuleIssue::NotPositive { .. } => "Must be greater than zero".into(),
        RuleIssue::TooManyDecimals { max, .. } => format!("Use at most {max} decimal places"),
        RuleIssue::TooLarge { max, .. } => format!("Must not exceed {max}"),
        RuleIssue::DecrementNotBelowCeiling => "The decrement must be smaller than the ceiling price".into(),
        RuleIssue::PercentOutOfRange { min, max, .. } => format!("Enter a percentage above {min} and at most {max}"),
        RuleIssue::EndNotAfterStart => "The end must be after the start".into(),
        RuleIssue::DurationOutOfRange { max_secs, .. } => format!("Whole seconds from 1 to {max_secs}"),
        RuleIssue::NoExtensionsAllowed => "Allow at least one extension, or turn anti-sniping off".into(),
        RuleIssue::HardStopNotAfterEnd => "The hard stop must be after the scheduled end".into(),
        RuleIssue::BestPriceHiddenFromSuppliers => "Suppliers who see only their rank cannot step down from the best price: use their own last bid, or show the best price".into(),
    }
    },
};
