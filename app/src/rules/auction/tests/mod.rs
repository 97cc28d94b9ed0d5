//! Unit tests of the auction rules, with shared fixtures: a lot that opens at [`OPENS`] and
//! closes an hour later, three eligible suppliers and one outsider.

mod bids;
mod phases;
mod table;
mod views;

use super::*;
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::str::FromStr;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

pub(super) const OPENS: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);
pub(super) const CLOSES: OffsetDateTime = datetime!(2026-11-25 11:00 UTC);
pub(super) const A: Uuid = Uuid::from_u128(0xa);
pub(super) const B: Uuid = Uuid::from_u128(0xb);
pub(super) const C: Uuid = Uuid::from_u128(0xc);
pub(super) const OUTSIDER: Uuid = Uuid::from_u128(0x99);

pub(super) fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

pub(super) fn minutes(m: i64) -> Duration {
    Duration::minutes(m)
}

/// Ceiling 1000, step 10 below the best price, no ties, best price visible, no anti-sniping.
pub(super) fn rules() -> LotRules {
    LotRules {
        ceiling: dec("1000"),
        decrement: Decrement::Absolute { amount: dec("10") },
        decrement_base: DecrementBase::BestPrice,
        ties: TiePolicy::Rejected,
        opens_at: OPENS,
        closes_at: CLOSES,
        anti_sniping: None,
        visibility: SupplierVisibility::RankAndBestPrice,
        blind: false,
        sealed_pre_bids: false,
        fat_finger_percent: None,
    }
}

pub(super) fn anti_sniping(trigger: ExtensionTrigger, cap: ExtensionCap) -> Option<AntiSniping> {
    Some(AntiSniping {
        trigger,
        window: minutes(5),
        extension: minutes(3),
        cap,
    })
}

pub(super) fn draft(rules: &LotRules) -> LotState {
    LotState::new(rules, BTreeSet::from([A, B, C]))
}

pub(super) fn scheduled(rules: &LotRules) -> LotState {
    schedule(rules, &draft(rules), OPENS - Duration::hours(1))
        .unwrap()
        .state
}

pub(super) fn opened(rules: &LotRules) -> LotState {
    open(rules, &scheduled(rules), OPENS).unwrap().state
}

/// Places a bid that must be accepted.
pub(super) fn accepted(
    rules: &LotRules,
    state: &LotState,
    supplier: Uuid,
    amount: &str,
    at: OffsetDateTime,
) -> Accepted {
    let attempt = BidAttempt {
        supplier,
        amount: dec(amount),
    };
    decide(rules, state, &attempt, at).unwrap_or_else(|r| panic!("{amount} refused: {r:?}"))
}

/// Places a bid and keeps only the new state.
pub(super) fn bid(
    rules: &LotRules,
    state: &LotState,
    supplier: Uuid,
    amount: &str,
    at: OffsetDateTime,
) -> LotState {
    accepted(rules, state, supplier, amount, at).state
}

/// The refusal of a bid that must be refused.
pub(super) fn refused(
    rules: &LotRules,
    state: &LotState,
    supplier: Uuid,
    amount: &str,
    at: OffsetDateTime,
) -> Rejection {
    let attempt = BidAttempt {
        supplier,
        amount: dec(amount),
    };
    decide(rules, state, &attempt, at).expect_err("the bid should be refused")
}
