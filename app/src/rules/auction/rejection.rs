//! Why a bid attempt was refused: exact reasons the bid box and the API both show.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The reason a bid was refused. The checks run in the order of the variants below, after
/// eligibility and the open window, so one attempt always gets the same reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Rejection {
    /// The supplier is not in the lot's eligible set (checked first, so outsiders learn nothing
    /// about the lot's state).
    #[error("you are not eligible to bid on this lot")]
    NotEligible,
    /// Outside the open window (or the pre-bid phase, for sealed pre-bids).
    #[error("the lot is not taking bids")]
    NotOpen { why: NotOpenReason },
    /// What was typed is not a plain decimal number.
    #[error("not a number")]
    NotANumber,
    /// Zero or negative.
    #[error("the amount must be greater than zero")]
    NotPositive,
    /// More decimal places than an amount can hold.
    #[error("use at most {max} decimal places")]
    TooManyDecimals { max: u32 },
    /// Above the ceiling price.
    #[error("the bid is above the ceiling of {ceiling}")]
    TooHigh { ceiling: Decimal },
    /// Not far enough below the base; bid `minimum_next_bid` or less.
    #[error("bid {minimum_next_bid} or less")]
    DecrementTooSmall { minimum_next_bid: Decimal },
    /// The base is so low that no positive amount is a full step below it.
    #[error("no lower bid is possible")]
    NoLowerBidPossible,
    /// Another supplier already stands at exactly this amount and ties are not allowed.
    #[error("another supplier already bid exactly this amount")]
    TieNotAllowed,
}

/// Why the lot is not taking this bid now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NotOpenReason {
    /// The lot is still a draft.
    Draft,
    /// Bidding has not started (and sealed pre-bids are not allowed, or the lot is due to open
    /// and the server has not opened it yet).
    NotStarted {
        #[serde(with = "time::serde::rfc3339")]
        opens_at: OffsetDateTime,
    },
    /// The live end has passed.
    Ended {
        #[serde(with = "time::serde::rfc3339")]
        ended_at: OffsetDateTime,
    },
    /// Closed or awarded.
    Closed,
    Cancelled,
}
