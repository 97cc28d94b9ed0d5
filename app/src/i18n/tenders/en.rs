//! English strings of the tender pages and the bidding board.

use super::TenderTexts;
use crate::rules::auction::{NotOpenReason, Phase, Rejection};

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
        Rejection::TooHigh { ceiling } => format!("The bid is above the ceiling price of {ceiling}."),
        Rejection::DecrementTooSmall { minimum_next_bid } => {
            format!("Not enough of a step down: bid {minimum_next_bid} or less.")
        }
        Rejection::NoLowerBidPossible => "No lower bid is possible on this lot.".into(),
        Rejection::TieNotAllowed => "Another supplier already bid exactly this amount.".into(),
    },
};
