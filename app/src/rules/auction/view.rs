//! What each viewer may see of a lot, and the browser's instant pre-check of a bid.
//!
//! Suppliers never see another supplier's name or a sealed bid; how much of the ladder they see
//! is the lot's [`SupplierVisibility`]. The buyer sees the whole ladder, without names until
//! close in a blind auction. Views carry the sequence number of the last event they include, so
//! a client can tell a stale view from a fresh one.

use super::bid::minimum_next_bid;
use super::config::{LotRules, SupplierVisibility};
use super::events::BidWarning;
use super::ladder::ranking;
use super::price::{bidding_mode, check_amount, check_tie, step_base, warnings, BidMode};
use super::rejection::Rejection;
use super::state::{Award, LotState, Phase};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// A lot as one supplier sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierView {
    pub sequence: u64,
    pub phase: Phase,
    #[serde(with = "time::serde::rfc3339")]
    pub ends_at: OffsetDateTime,
    pub extensions_used: u32,
    pub eligible: bool,
    /// The supplier's own live bid, or their sealed pre-bid while the lot is scheduled.
    pub own_amount: Option<Decimal>,
    pub own_rank: Option<u32>,
    /// Only when the visibility shows the best price.
    pub best_price: Option<Decimal>,
    /// Only with [`SupplierVisibility::AnonymousLadder`].
    pub ladder: Option<Vec<LadderEntry>>,
    /// See [`minimum_next_bid`].
    pub minimum_next_bid: Option<Decimal>,
    /// Once awarded: whether this supplier won.
    pub won: Option<bool>,
}

/// One anonymous rung of the ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LadderEntry {
    pub rank: u32,
    pub amount: Decimal,
    pub is_you: bool,
}

/// A lot as its buyer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerView {
    pub sequence: u64,
    pub phase: Phase,
    #[serde(with = "time::serde::rfc3339")]
    pub ends_at: OffsetDateTime,
    pub extensions_used: u32,
    /// Blind auction before close: `supplier` is `None` on every rung.
    pub names_hidden: bool,
    pub ladder: Vec<BuyerLadderEntry>,
    /// How many sealed pre-bids wait for opening (their amounts stay hidden).
    pub sealed_bids: u32,
    pub award: Option<Award>,
}

/// One rung of the buyer's ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerLadderEntry {
    pub rank: u32,
    /// Stable per lot: the order in which suppliers first bid ("Bidder 3").
    pub bidder_no: u32,
    pub supplier: Option<Uuid>,
    pub amount: Decimal,
    pub sequence: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub placed_at: OffsetDateTime,
}

/// The supplier's view of the lot.
pub fn supplier_view(rules: &LotRules, state: &LotState, supplier: Uuid) -> SupplierView {
    let ranked = ranking(state);
    let own_amount = match state.phase {
        Phase::Scheduled => state.sealed_bid_of(supplier),
        _ => state.bid_of(supplier),
    }
    .map(|bid| bid.amount);
    let ladder = (rules.visibility == SupplierVisibility::AnonymousLadder).then(|| {
        ranked
            .iter()
            .map(|rung| LadderEntry {
                rank: rung.rank,
                amount: rung.amount,
                is_you: rung.supplier == supplier,
            })
            .collect()
    });
    SupplierView {
        sequence: state.sequence,
        phase: state.phase,
        ends_at: state.ends_at,
        extensions_used: state.extensions_used,
        eligible: state.eligible.contains(&supplier),
        own_amount,
        own_rank: ranked
            .iter()
            .find(|r| r.supplier == supplier)
            .map(|r| r.rank),
        best_price: rules
            .visibility
            .shows_best_price()
            .then(|| state.best_price())
            .flatten(),
        ladder,
        minimum_next_bid: minimum_next_bid(rules, state, supplier),
        won: state.award.as_ref().map(|award| award.supplier == supplier),
    }
}

/// The buyer's view of the lot.
pub fn buyer_view(rules: &LotRules, state: &LotState) -> BuyerView {
    let names_hidden = rules.blind && !matches!(state.phase, Phase::Closed | Phase::Awarded);
    let bidder_no = |supplier: Uuid| {
        let index = state.bids.iter().position(|bid| bid.supplier == supplier);
        index.map_or(0, |i| u32::try_from(i + 1).unwrap_or(u32::MAX))
    };
    let ladder = ranking(state)
        .into_iter()
        .map(|rung| BuyerLadderEntry {
            rank: rung.rank,
            bidder_no: bidder_no(rung.supplier),
            supplier: (!names_hidden).then_some(rung.supplier),
            amount: rung.amount,
            sequence: rung.sequence,
            placed_at: rung.placed_at,
        })
        .collect();
    BuyerView {
        sequence: state.sequence,
        phase: state.phase,
        ends_at: state.ends_at,
        extensions_used: state.extensions_used,
        names_hidden,
        ladder,
        sealed_bids: u32::try_from(state.sealed.len()).unwrap_or(u32::MAX),
        award: state.award.clone(),
    }
}

/// The browser's instant check of an amount against what the supplier can see, with the same
/// checks in the same order as [`super::decide`]. It can miss only what the view hides (a tie
/// with a rung the supplier cannot see); the server's decision is final.
pub fn precheck(
    rules: &LotRules,
    view: &SupplierView,
    amount: Decimal,
    now: OffsetDateTime,
) -> Result<Vec<BidWarning>, Rejection> {
    if !view.eligible {
        return Err(Rejection::NotEligible);
    }
    let mode = bidding_mode(rules, view.phase, view.ends_at, now)?;
    let base = step_base(rules, mode, view.best_price, view.own_amount);
    check_amount(rules, amount, base)?;
    if mode == BidMode::Live {
        let others: Vec<Decimal> = match &view.ladder {
            Some(ladder) => ladder
                .iter()
                .filter(|r| !r.is_you)
                .map(|r| r.amount)
                .collect(),
            None => view.best_price.into_iter().collect(),
        };
        let own = view.own_amount;
        check_tie(
            rules,
            amount,
            others.into_iter().filter(|o| Some(*o) != own),
        )?;
    }
    Ok(warnings(rules, amount, base))
}

/// Whether the supplier lost ground between two views of the same lot: the signal to flash.
pub fn outbid(previous: &SupplierView, current: &SupplierView) -> bool {
    match (previous.own_rank, current.own_rank) {
        (Some(before), Some(now)) => now > before && current.sequence > previous.sequence,
        _ => false,
    }
}
