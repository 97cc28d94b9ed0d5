//! Property tests: random rule sets and random bidding sessions, run through the rules the way
//! the server's sequencer does ([`advance`], then [`decide`]) with a clock that never goes back.
//!
//! This module holds the generators and the session runner; the properties are in
//! [`properties`].

mod properties;

use super::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

const T0: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);
const OUTSIDER: Uuid = Uuid::from_u128(0x99);

/// Four eligible suppliers; index 8 (one attempt in nine) is the outsider.
fn supplier(index: u8) -> Uuid {
    if index >= 8 {
        OUTSIDER
    } else {
        Uuid::from_u128(u128::from(index % 4) + 1)
    }
}

fn rules_strategy() -> impl Strategy<Value = LotRules> {
    let decrement = prop_oneof![
        (1i64..5_000).prop_map(|c| Decrement::Absolute {
            amount: Decimal::new(c, 2)
        }),
        (1i64..50).prop_map(|p| Decrement::Percent {
            percent: Decimal::new(p, 1)
        }),
    ];
    let anti = proptest::option::of((
        prop_oneof![
            Just(ExtensionTrigger::AnyAcceptedBid),
            Just(ExtensionTrigger::RankOneChange)
        ],
        1i64..600,
        1i64..600,
        prop_oneof![(1u32..5).prop_map(Err), (1i64..1_800).prop_map(Ok)],
    ));
    (
        (
            10_000i64..10_000_000,
            decrement,
            any::<bool>(),
            any::<bool>(),
        ),
        (60i64..1_200, anti, 0u8..3, any::<bool>(), any::<bool>()),
        proptest::option::of(1i64..90),
    )
        .prop_map(|(prices, timing, fat_finger)| {
            let (ceiling, decrement, own_base, ties_allowed) = prices;
            let (length, anti, visibility, blind, sealed_pre_bids) = timing;
            let closes_at = T0 + Duration::seconds(length);
            let decrement_base = if own_base {
                DecrementBase::OwnLastBid
            } else {
                DecrementBase::BestPrice
            };
            let visibility = match (visibility, decrement_base) {
                (0, DecrementBase::OwnLastBid) => SupplierVisibility::OwnRankOnly,
                (1, _) | (0, _) => SupplierVisibility::RankAndBestPrice,
                _ => SupplierVisibility::AnonymousLadder,
            };
            LotRules {
                ceiling: Decimal::new(ceiling, 2),
                decrement,
                decrement_base,
                ties: if ties_allowed {
                    TiePolicy::EarlierRanksHigher
                } else {
                    TiePolicy::Rejected
                },
                opens_at: T0,
                closes_at,
                anti_sniping: anti.map(|(trigger, window, extension, cap)| AntiSniping {
                    trigger,
                    window: Duration::seconds(window),
                    extension: Duration::seconds(extension),
                    cap: match cap {
                        Err(count) => ExtensionCap::MaxExtensions { count },
                        Ok(after) => ExtensionCap::HardStop {
                            at: closes_at + Duration::seconds(after),
                        },
                    },
                }),
                visibility,
                blind,
                sealed_pre_bids,
                fat_finger_percent: fat_finger.map(Decimal::from),
            }
        })
}

/// One bid attempt: who, how the amount is chosen, and how many seconds after the previous one.
type Op = (u8, u8, u16, u16);

fn ops_strategy() -> impl Strategy<Value = Vec<Op>> {
    proptest::collection::vec((0u8..9, 0u8..10, any::<u16>(), 0u16..45), 1..60)
}

/// An amount near the supplier's bound, mostly acceptable, sometimes probing an edge.
fn amount_for(rules: &LotRules, state: &LotState, who: Uuid, choice: u8, noise: u16) -> Decimal {
    let bound = minimum_next_bid(rules, state, who).unwrap_or(rules.ceiling);
    let cents = Decimal::new(i64::from(noise % 2_000), 2);
    match choice {
        0..=4 => bound - cents,
        5 => bound + Decimal::new(1, 4),
        6 => Decimal::new(i64::from(noise), 0) * rules.ceiling / Decimal::from(40_000),
        7 => {
            let others: Vec<Decimal> = state
                .bids
                .iter()
                .filter(|b| b.supplier != who)
                .map(|b| b.amount)
                .collect();
            others
                .get(usize::from(noise) % others.len().max(1))
                .copied()
                .unwrap_or(bound)
        }
        8 => -cents,
        _ => bound - Decimal::new(i64::from(noise), 4),
    }
}

struct Decision {
    before: LotState,
    attempt: BidAttempt,
    now: OffsetDateTime,
    outcome: Result<Accepted, Rejection>,
}

struct Run {
    decisions: Vec<Decision>,
    events: Vec<LotEvent>,
    last: LotState,
}

/// Schedules the lot 5 minutes before opening, then runs the attempts as the sequencer would.
fn run(rules: &LotRules, ops: &[Op]) -> Run {
    let eligible: BTreeSet<Uuid> = (0..4).map(supplier).collect();
    let start = T0 - Duration::minutes(5);
    let scheduled = schedule(rules, &LotState::new(rules, eligible), start).unwrap();
    let mut state = scheduled.state;
    let mut events = scheduled.events;
    let mut decisions = Vec::new();
    let mut now = start;
    for &(who, choice, noise, gap) in ops {
        now += Duration::seconds(i64::from(gap));
        let due = advance(rules, &state, now);
        events.extend(due.events);
        state = due.state;
        let supplier = supplier(who);
        let amount = amount_for(rules, &state, supplier, choice, noise);
        let attempt = BidAttempt { supplier, amount };
        let outcome = decide(rules, &state, &attempt, now);
        let before = state.clone();
        if let Ok(accepted) = &outcome {
            events.extend(accepted.events.iter().cloned());
            state = accepted.state.clone();
        }
        decisions.push(Decision {
            before,
            attempt,
            now,
            outcome,
        });
    }
    let end = advance(rules, &state, now + Duration::days(1));
    events.extend(end.events);
    Run {
        decisions,
        events,
        last: end.state,
    }
}

impl Run {
    /// The accepted decisions with what they saw and what they produced.
    fn accepted(&self) -> impl Iterator<Item = (&Decision, &Accepted)> {
        self.decisions
            .iter()
            .filter_map(|d| d.outcome.as_ref().ok().map(|accepted| (d, accepted)))
    }
}
