//! Bids: steps, ties, sequence numbers, rank changes, anti-sniping and warnings.

use super::*;

#[test]
fn a_first_bid_may_equal_the_ceiling_but_not_exceed_it() {
    let rules = rules();
    let state = opened(&rules);
    assert_eq!(minimum_next_bid(&rules, &state, A), Some(dec("1000")));
    bid(&rules, &state, A, "1000", OPENS);
    assert_eq!(
        refused(&rules, &state, A, "1000.0001", OPENS),
        Rejection::TooHigh {
            ceiling: dec("1000")
        }
    );
}

#[test]
fn the_minimum_next_bid_is_a_full_step_below_the_best_price() {
    let rules = rules();
    let state = bid(&rules, &opened(&rules), A, "900", OPENS);
    assert_eq!(minimum_next_bid(&rules, &state, B), Some(dec("890")));
    assert_eq!(minimum_next_bid(&rules, &state, A), Some(dec("890")));
    assert_eq!(minimum_next_bid(&rules, &state, OUTSIDER), None);
}

#[test]
fn a_percent_step_rounds_the_bound_down_to_four_places() {
    let rules = LotRules {
        decrement: Decrement::Percent {
            percent: dec("0.3"),
        },
        ..rules()
    };
    let state = bid(&rules, &opened(&rules), A, "333.3333", OPENS);
    // 333.3333 × 0.997 = 332.3333001 → 332.3333
    assert_eq!(minimum_next_bid(&rules, &state, B), Some(dec("332.3333")));
    assert_eq!(
        refused(&rules, &state, B, "332.3334", OPENS),
        Rejection::DecrementTooSmall {
            minimum_next_bid: dec("332.3333")
        }
    );
}

#[test]
fn with_the_own_bid_base_a_trailing_supplier_may_improve_without_taking_the_lead() {
    let rules = LotRules {
        decrement_base: DecrementBase::OwnLastBid,
        ..rules()
    };
    let state = bid(&rules, &opened(&rules), A, "800", OPENS);
    let state = bid(&rules, &state, B, "950", OPENS + minutes(1));
    assert_eq!(minimum_next_bid(&rules, &state, B), Some(dec("940")));
    let state = bid(&rules, &state, B, "940", OPENS + minutes(2));
    assert_eq!(rank_of(&state, B), Some(2));
}

#[test]
fn an_equal_bid_ranks_below_the_earlier_one_when_ties_are_allowed() {
    let rules = LotRules {
        decrement_base: DecrementBase::OwnLastBid,
        ties: TiePolicy::EarlierRanksHigher,
        ..rules()
    };
    let state = bid(&rules, &opened(&rules), A, "900", OPENS);
    let state = bid(&rules, &state, B, "900", OPENS + minutes(1));
    let order: Vec<Uuid> = ranking(&state).iter().map(|r| r.supplier).collect();
    assert_eq!(order, vec![A, B]);
}

#[test]
fn no_positive_bid_remains_once_the_best_is_within_a_step_of_zero() {
    let rules = rules();
    let state = bid(&rules, &opened(&rules), A, "10", OPENS);
    assert_eq!(minimum_next_bid(&rules, &state, B), None);
    assert_eq!(
        refused(&rules, &state, B, "5", OPENS),
        Rejection::NoLowerBidPossible
    );
}

#[test]
fn an_accepted_bid_announces_its_sequence_and_the_ranks_it_moved() {
    let rules = rules();
    let state = opened(&rules);
    let first = state.sequence;
    let state = bid(&rules, &state, A, "900", OPENS);
    let outcome = accepted(&rules, &state, B, "850", OPENS + minutes(1));
    let kinds: Vec<&LotEventKind> = outcome.events.iter().map(|e| &e.kind).collect();
    assert_eq!(
        kinds,
        vec![
            &LotEventKind::BidAccepted {
                supplier: B,
                amount: dec("850")
            },
            &LotEventKind::RanksChanged {
                changes: vec![
                    RankChange {
                        supplier: B,
                        from: None,
                        to: 1
                    },
                    RankChange {
                        supplier: A,
                        from: Some(1),
                        to: 2
                    },
                ]
            },
        ]
    );
    let numbers: Vec<u64> = outcome.events.iter().map(|e| e.sequence).collect();
    assert_eq!(numbers, vec![first + 3, first + 4]);
    assert_eq!(outcome.state.sequence, first + 4);
    assert_eq!(outcome.state.bid_of(B).unwrap().sequence, first + 3);
}

#[test]
fn a_leader_lowering_their_own_bid_moves_no_rank() {
    let rules = rules();
    let state = bid(&rules, &opened(&rules), A, "900", OPENS);
    let state = bid(&rules, &state, B, "890", OPENS);
    let outcome = accepted(&rules, &state, B, "880", OPENS + minutes(1));
    assert_eq!(outcome.events.len(), 1);
}

#[test]
fn a_late_bid_extends_the_end_by_the_configured_extension_and_says_why() {
    let rules = LotRules {
        anti_sniping: anti_sniping(
            ExtensionTrigger::AnyAcceptedBid,
            ExtensionCap::MaxExtensions { count: 3 },
        ),
        ..rules()
    };
    let state = bid(&rules, &opened(&rules), A, "900", OPENS);
    assert_eq!(
        accepted(&rules, &state, B, "890", CLOSES - minutes(6))
            .events
            .len(),
        2,
        "outside the window nothing extends"
    );
    let outcome = accepted(&rules, &state, B, "890", CLOSES - minutes(2));
    assert_eq!(outcome.state.ends_at, CLOSES + minutes(3));
    assert_eq!(outcome.state.extensions_used, 1);
    let extended = outcome.events.last().unwrap();
    assert_eq!(
        extended.kind,
        LotEventKind::Extended {
            reason: ExtensionReason {
                trigger: ExtensionTrigger::AnyAcceptedBid,
                bid_sequence: extended.sequence - 2,
                remaining_ms: 120_000,
            },
            previous_end: CLOSES,
            new_end: CLOSES + minutes(3),
            extensions_used: 1,
        }
    );
}

#[test]
fn with_the_rank_one_trigger_only_a_new_leader_extends() {
    let rules = LotRules {
        decrement_base: DecrementBase::OwnLastBid,
        anti_sniping: anti_sniping(
            ExtensionTrigger::RankOneChange,
            ExtensionCap::MaxExtensions { count: 3 },
        ),
        ..rules()
    };
    let late = CLOSES - minutes(1);
    let state = bid(&rules, &opened(&rules), A, "800", OPENS);
    let state = bid(&rules, &state, B, "900", late);
    assert_eq!(state.ends_at, CLOSES, "B trails: no extension");
    let state = bid(&rules, &state, A, "790", late);
    assert_eq!(state.ends_at, CLOSES, "the leader stays the leader");
    let state = bid(&rules, &state, B, "780", late);
    assert_eq!(state.ends_at, CLOSES + minutes(3));
}

#[test]
fn extensions_stop_at_the_maximum_count() {
    let rules = LotRules {
        anti_sniping: anti_sniping(
            ExtensionTrigger::AnyAcceptedBid,
            ExtensionCap::MaxExtensions { count: 2 },
        ),
        ..rules()
    };
    let mut state = opened(&rules);
    for (i, supplier) in [A, B, C, A].into_iter().enumerate() {
        let amount = (900 - 10 * i).to_string();
        state = bid(
            &rules,
            &state,
            supplier,
            &amount,
            state.ends_at - minutes(1),
        );
    }
    assert_eq!(state.extensions_used, 2);
    assert_eq!(state.ends_at, CLOSES + minutes(6));
}

#[test]
fn the_hard_stop_cuts_the_last_extension_short() {
    let stop = CLOSES + minutes(4);
    let rules = LotRules {
        anti_sniping: anti_sniping(
            ExtensionTrigger::AnyAcceptedBid,
            ExtensionCap::HardStop { at: stop },
        ),
        ..rules()
    };
    let state = bid(&rules, &opened(&rules), A, "900", CLOSES - minutes(1));
    assert_eq!(state.ends_at, CLOSES + minutes(3));
    let state = bid(&rules, &state, B, "890", state.ends_at - minutes(1));
    assert_eq!(state.ends_at, stop);
    let state = bid(&rules, &state, C, "880", stop - minutes(1));
    assert_eq!(state.ends_at, stop);
    assert_eq!(latest_possible_end(&rules), Some(stop));
}

#[test]
fn a_large_drop_is_accepted_with_a_warning() {
    let rules = LotRules {
        fat_finger_percent: Some(dec("20")),
        ..rules()
    };
    let state = bid(&rules, &opened(&rules), A, "900", OPENS);
    assert!(accepted(&rules, &state, B, "720", OPENS)
        .warnings
        .is_empty());
    let outcome = accepted(&rules, &state, B, "90", OPENS);
    assert_eq!(
        outcome.warnings,
        vec![BidWarning::LargeDrop {
            reference: dec("900"),
            drop_percent: dec("90"),
            threshold_percent: dec("20"),
        }]
    );
    assert_eq!(outcome.state.best_price(), Some(dec("90")));
}
