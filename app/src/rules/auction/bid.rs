//! The decision on one bid attempt: accepted with the new state and its events, or refused with
//! an exact reason.

use super::config::LotRules;
use super::events::{BidWarning, LotEvent, LotEventKind};
use super::extension::extension_for;
use super::ladder::{rank_bids, rank_changes};
use super::price::{
    bidding_mode, check_amount, check_tie, highest_acceptable, step_base, warnings, BidMode,
};
use super::rejection::Rejection;
use super::state::{upsert, LotState, Phase, StandingBid};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// A supplier's attempt to bid an amount (already parsed, see [`super::parse_amount`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BidAttempt {
    pub supplier: Uuid,
    pub amount: Decimal,
}

/// An accepted bid: the state to store and the events to announce, in sequence order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accepted {
    pub state: LotState,
    /// `BidAccepted` (or `SealedBidAccepted`), then `RanksChanged` if any rank moved, then
    /// `Extended` if the bid fired anti-sniping; numbered on from the previous state.
    pub events: Vec<LotEvent>,
    /// For the bidder only; they are not lot events and take no sequence number.
    pub warnings: Vec<BidWarning>,
}

/// Decides a bid attempt at server time `now`.
///
/// Checks, in order: eligibility, the open window (`opens_at <= now < ends_at` while open, or
/// before `opens_at` for a sealed pre-bid), then the amount (positive, four decimal places, at
/// most the ceiling, a full decrement below its base, no forbidden tie). Due phase changes are
/// not made here: the server calls [`super::advance`] first.
pub fn decide(
    rules: &LotRules,
    state: &LotState,
    attempt: &BidAttempt,
    now: OffsetDateTime,
) -> Result<Accepted, Rejection> {
    let supplier = attempt.supplier;
    let amount = attempt.amount;
    if !state.eligible.contains(&supplier) {
        return Err(Rejection::NotEligible);
    }
    let mode = bidding_mode(rules, state.phase, state.ends_at, now)?;
    // Sealed pre-bids step down from the bidder's own pre-bid only; `step_base` ignores `best`.
    let own = own_amount(state, mode, supplier);
    let base = step_base(rules, mode, state.best_price(), own);
    check_amount(rules, amount, base)?;
    if mode == BidMode::Live {
        let others = state.bids.iter().filter(|bid| bid.supplier != supplier);
        check_tie(rules, amount, others.map(|bid| bid.amount))?;
    }

    let mut next = state.clone();
    let mut events = Vec::new();
    let placed = StandingBid {
        supplier,
        amount,
        sequence: next.sequence + 1,
        placed_at: now,
    };
    match mode {
        BidMode::Sealed => {
            upsert(&mut next.sealed, placed);
            let kind = LotEventKind::SealedBidAccepted { supplier, amount };
            next.record(&mut events, now, kind);
        }
        BidMode::Live => {
            let before = rank_bids(&state.bids);
            upsert(&mut next.bids, placed);
            next.record(
                &mut events,
                now,
                LotEventKind::BidAccepted { supplier, amount },
            );
            let bid_sequence = next.sequence;
            let after = rank_bids(&next.bids);
            let changes = rank_changes(&before, &after);
            if !changes.is_empty() {
                next.record(&mut events, now, LotEventKind::RanksChanged { changes });
            }
            let leader_changed =
                before.first().map(|r| r.supplier) != after.first().map(|r| r.supplier);
            if let Some(extension) = extension_for(rules, &next, leader_changed, bid_sequence, now)
            {
                let previous_end = next.ends_at;
                next.ends_at = extension.new_end;
                next.extensions_used += 1;
                let kind = LotEventKind::Extended {
                    reason: extension.reason,
                    previous_end,
                    new_end: extension.new_end,
                    extensions_used: next.extensions_used,
                };
                next.record(&mut events, now, kind);
            }
        }
    }
    Ok(Accepted {
        state: next,
        events,
        warnings: warnings(rules, amount, base),
    })
}

/// The highest amount the supplier may bid next (bids must be at or below it: this is a
/// reverse auction), for the bid box. Ignores the clock; `None` when the supplier has nothing
/// to enter: not eligible, the lot is not in a bidding phase (scheduled with sealed pre-bids, or
/// open), or no positive amount is a full step below the base.
pub fn minimum_next_bid(rules: &LotRules, state: &LotState, supplier: Uuid) -> Option<Decimal> {
    if !state.eligible.contains(&supplier) {
        return None;
    }
    let mode = match state.phase {
        Phase::Scheduled if rules.sealed_pre_bids => BidMode::Sealed,
        Phase::Open => BidMode::Live,
        _ => return None,
    };
    let own = own_amount(state, mode, supplier);
    let base = step_base(rules, mode, state.best_price(), own);
    highest_acceptable(rules, base)
}

fn own_amount(state: &LotState, mode: BidMode, supplier: Uuid) -> Option<Decimal> {
    match mode {
        BidMode::Sealed => state.sealed_bid_of(supplier),
        BidMode::Live => state.bid_of(supplier),
    }
    .map(|bid| bid.amount)
}
