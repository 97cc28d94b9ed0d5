//! Ranking: lowest amount first, and of equal amounts the earlier bid (smaller sequence) first.
//!
//! The same order serves the live ladder, the rank-change events and the final ranking at close,
//! so what a bidder was told during the auction is what the award is based on.

use super::events::RankChange;
use super::state::{LotState, StandingBid};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::OffsetDateTime;
use uuid::Uuid;

/// A standing bid with its rank (1 is best). Ranks are distinct even for equal amounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankedBid {
    pub rank: u32,
    pub supplier: Uuid,
    pub amount: Decimal,
    pub sequence: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub placed_at: OffsetDateTime,
}

/// The lot's live bids in rank order (sealed pre-bids are not ranked until opening).
pub fn ranking(state: &LotState) -> Vec<RankedBid> {
    rank_bids(&state.bids)
}

/// The supplier's live rank, if they have a live bid.
pub fn rank_of(state: &LotState, supplier: Uuid) -> Option<u32> {
    ranking(state)
        .into_iter()
        .find(|ranked| ranked.supplier == supplier)
        .map(|ranked| ranked.rank)
}

/// Ranks any set of standing bids (one per supplier).
pub fn rank_bids(bids: &[StandingBid]) -> Vec<RankedBid> {
    let mut ordered: Vec<&StandingBid> = bids.iter().collect();
    ordered.sort_by_key(|bid| (bid.amount, bid.sequence));
    ordered
        .into_iter()
        .zip(1u32..)
        .map(|(bid, rank)| RankedBid {
            rank,
            supplier: bid.supplier,
            amount: bid.amount,
            sequence: bid.sequence,
            placed_at: bid.placed_at,
        })
        .collect()
}

/// The suppliers whose rank differs between two rankings, in order of their new rank.
pub(crate) fn rank_changes(before: &[RankedBid], after: &[RankedBid]) -> Vec<RankChange> {
    let previous: HashMap<Uuid, u32> = before.iter().map(|r| (r.supplier, r.rank)).collect();
    after
        .iter()
        .filter_map(|ranked| {
            let from = previous.get(&ranked.supplier).copied();
            (from != Some(ranked.rank)).then_some(RankChange {
                supplier: ranked.supplier,
                from,
                to: ranked.rank,
            })
        })
        .collect()
}
