//! The state of one lot: its phase, live end, standing bids and the last sequence number used.
//!
//! The state is the server's whole truth about a lot (suppliers only ever get a view of it, see
//! [`super::view`]). It changes only through [`super::decide`] and the phase transitions, each of
//! which returns a new state and the numbered events that explain the change.

use super::config::LotRules;
use super::events::{LotEvent, LotEventKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use time::OffsetDateTime;
use uuid::Uuid;

/// `draft → scheduled → open → closed → awarded | cancelled`; extensions happen while open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Being prepared by the buyer; invisible to suppliers.
    Draft,
    /// Published; the pre-bid phase when sealed pre-bids are allowed.
    Scheduled,
    Open,
    Closed,
    Awarded,
    Cancelled,
}

impl Phase {
    /// Awarded and cancelled lots never change again.
    pub fn is_final(self) -> bool {
        matches!(self, Phase::Awarded | Phase::Cancelled)
    }
}

/// A supplier's standing bid: their latest, which is always their lowest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandingBid {
    pub supplier: Uuid,
    pub amount: Decimal,
    /// The sequence number of the event that placed this amount; earlier ranks higher on ties.
    pub sequence: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub placed_at: OffsetDateTime,
}

/// The buyer's decision on a closed lot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Award {
    pub supplier: Uuid,
    /// The winner's rank in the final ranking (1 unless the buyer chose otherwise).
    pub rank: u32,
    /// Required when `rank` is not 1.
    pub reason: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// Everything the rules need to know about a lot between two decisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotState {
    pub phase: Phase,
    /// The live end: `closes_at` moved by every extension so far.
    #[serde(with = "time::serde::rfc3339")]
    pub ends_at: OffsetDateTime,
    pub extensions_used: u32,
    /// The sequence number of the last event; the next event gets `sequence + 1`.
    pub sequence: u64,
    /// Suppliers who may bid; the server refreshes it from invitations and score bands.
    pub eligible: BTreeSet<Uuid>,
    /// One live bid per supplier, in the order the suppliers first bid (that order gives the
    /// stable anonymous bidder numbers the buyer sees).
    pub bids: Vec<StandingBid>,
    /// Sealed pre-bids, one per supplier, hidden from everyone until opening folds them into
    /// `bids`.
    pub sealed: Vec<StandingBid>,
    pub award: Option<Award>,
}

impl LotState {
    /// A new draft lot: no events yet, ending at the scheduled end.
    pub fn new(rules: &LotRules, eligible: BTreeSet<Uuid>) -> Self {
        LotState {
            phase: Phase::Draft,
            ends_at: rules.closes_at,
            extensions_used: 0,
            sequence: 0,
            eligible,
            bids: Vec::new(),
            sealed: Vec::new(),
            award: None,
        }
    }

    /// The lowest live bid.
    pub fn best_price(&self) -> Option<Decimal> {
        self.bids.iter().map(|bid| bid.amount).min()
    }

    /// The supplier's live bid.
    pub fn bid_of(&self, supplier: Uuid) -> Option<&StandingBid> {
        self.bids.iter().find(|bid| bid.supplier == supplier)
    }

    /// The supplier's sealed pre-bid.
    pub fn sealed_bid_of(&self, supplier: Uuid) -> Option<&StandingBid> {
        self.sealed.iter().find(|bid| bid.supplier == supplier)
    }

    /// Whether a live bid would be taken at `now` (open phase, inside `[opens_at, ends_at)`).
    pub fn is_open_at(&self, rules: &LotRules, now: OffsetDateTime) -> bool {
        self.phase == Phase::Open && rules.opens_at <= now && now < self.ends_at
    }

    /// Numbers an event with the next sequence number and appends it to `events`.
    pub(crate) fn record(
        &mut self,
        events: &mut Vec<LotEvent>,
        at: OffsetDateTime,
        kind: LotEventKind,
    ) {
        self.sequence += 1;
        events.push(LotEvent {
            sequence: self.sequence,
            at,
            kind,
        });
    }
}

/// Puts `bid` in place of the supplier's previous one, or appends it for a first bid.
pub(crate) fn upsert(bids: &mut Vec<StandingBid>, bid: StandingBid) {
    match bids.iter_mut().find(|held| held.supplier == bid.supplier) {
        Some(held) => *held = bid,
        None => bids.push(bid),
    }
}
