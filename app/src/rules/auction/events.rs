//! The numbered events a lot announces: one per accepted bid, rank shuffle, extension and phase
//! change, in a gapless sequence per lot.
//!
//! Events carry full facts (supplier ids, amounts) for the audit log and the buyer; what a
//! supplier may see of them is decided by [`super::view`].

use super::config::ExtensionTrigger;
use super::ladder::RankedBid;
use super::state::Award;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// One event of a lot, numbered `1, 2, 3, …` without gaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotEvent {
    pub sequence: u64,
    /// The server time of the decision that produced it.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    #[serde(flatten)]
    pub kind: LotEventKind,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LotEventKind {
    /// Draft → scheduled: published to the eligible suppliers.
    Scheduled {
        #[serde(with = "time::serde::rfc3339")]
        opens_at: OffsetDateTime,
        #[serde(with = "time::serde::rfc3339")]
        ends_at: OffsetDateTime,
    },
    /// A sealed pre-bid was entered (visible to its bidder and the audit log only).
    SealedBidAccepted { supplier: Uuid, amount: Decimal },
    /// Scheduled → open; the sealed pre-bids became live bids.
    Opened { revealed_sealed_bids: u32 },
    /// A live bid was accepted; this event's sequence ranks it against equal bids.
    BidAccepted { supplier: Uuid, amount: Decimal },
    /// Ranks that moved, the bidder's own entry included; in order of the new rank.
    RanksChanged { changes: Vec<RankChange> },
    /// The end moved because a bid came inside the anti-sniping window.
    Extended {
        reason: ExtensionReason,
        #[serde(with = "time::serde::rfc3339")]
        previous_end: OffsetDateTime,
        #[serde(with = "time::serde::rfc3339")]
        new_end: OffsetDateTime,
        /// Extensions so far, this one included.
        extensions_used: u32,
    },
    /// Open → closed, with the final ranking.
    Closed { ranking: Vec<RankedBid> },
    /// Closed → awarded.
    Awarded { award: Award },
    /// Any unfinished phase → cancelled.
    Cancelled { reason: String },
}

/// One supplier's move on the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankChange {
    pub supplier: Uuid,
    /// `None` for a supplier's first appearance on the ladder.
    pub from: Option<u32>,
    pub to: u32,
}

/// Why an extension fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionReason {
    /// The configured trigger that the bid met.
    pub trigger: ExtensionTrigger,
    /// The `BidAccepted` event that fired it.
    pub bid_sequence: u64,
    /// Milliseconds that were left before the previous end when the bid came in.
    pub remaining_ms: i64,
}

/// Something the bidder should double-check; the bid is accepted regardless.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum BidWarning {
    /// The bid is more than the fat-finger threshold below its reference price (the price the
    /// decrement is measured from, or the ceiling for a first bid).
    LargeDrop {
        reference: Decimal,
        /// How far below the reference, in percent, rounded to two places.
        drop_percent: Decimal,
        threshold_percent: Decimal,
    },
}
