//! Phase transitions, sealed pre-bids and rule-set validation.

use super::*;

fn with_pre_bids() -> LotRules {
    LotRules {
        sealed_pre_bids: true,
        decrement_base: DecrementBase::OwnLastBid,
        ties: TiePolicy::Rejected,
        ..rules()
    }
}

#[test]
fn sealed_pre_bids_stay_hidden_until_opening_then_rank_by_amount_and_entry() {
    let rules = with_pre_bids();
    let early = OPENS - minutes(30);
    let state = bid(&rules, &scheduled(&rules), B, "800", early);
    let state = bid(&rules, &state, C, "700", early + minutes(1));
    let state = bid(&rules, &state, A, "700", early + minutes(2));
    assert!(state.bids.is_empty());
    assert_eq!(buyer_view(&rules, &state).sealed_bids, 3);
    assert!(buyer_view(&rules, &state).ladder.is_empty());
    let view_of_a = supplier_view(&rules, &state, A);
    assert_eq!(
        (view_of_a.own_amount, view_of_a.best_price),
        (Some(dec("700")), None)
    );

    let opening = open(&rules, &state, OPENS).unwrap();
    let order: Vec<Uuid> = ranking(&opening.state).iter().map(|r| r.supplier).collect();
    assert_eq!(order, vec![C, A, B], "equal pre-bids: the earlier first");
    assert_eq!(
        opening.events[0].kind,
        LotEventKind::Opened {
            revealed_sealed_bids: 3
        }
    );
    assert!(opening.state.sealed.is_empty());
}

#[test]
fn a_sealed_pre_bid_can_only_be_lowered_by_a_full_step() {
    let rules = with_pre_bids();
    let state = bid(&rules, &scheduled(&rules), A, "800", OPENS - minutes(5));
    assert_eq!(minimum_next_bid(&rules, &state, A), Some(dec("790")));
    assert_eq!(
        refused(&rules, &state, A, "850", OPENS - minutes(4)),
        Rejection::DecrementTooSmall {
            minimum_next_bid: dec("790")
        }
    );
    let state = bid(&rules, &state, A, "790", OPENS - minutes(4));
    assert_eq!(state.sealed.len(), 1);
}

#[test]
fn pre_bids_are_refused_when_the_rules_do_not_allow_them() {
    let rules = rules();
    assert_eq!(
        refused(&rules, &scheduled(&rules), A, "800", OPENS - minutes(5)),
        Rejection::NotOpen {
            why: NotOpenReason::NotStarted { opens_at: OPENS }
        }
    );
}

#[test]
fn advance_opens_and_closes_a_lot_nobody_watched() {
    let rules = with_pre_bids();
    let state = bid(&rules, &scheduled(&rules), A, "800", OPENS - minutes(5));
    let quiet = advance(&rules, &state, OPENS - minutes(1));
    assert!(quiet.events.is_empty());
    assert_eq!(quiet.state, state);

    let after_restart = advance(&rules, &state, CLOSES + minutes(30));
    assert_eq!(after_restart.state.phase, Phase::Closed);
    let kinds: Vec<&str> = after_restart
        .events
        .iter()
        .map(|e| match e.kind {
            LotEventKind::Opened { .. } => "opened",
            LotEventKind::RanksChanged { .. } => "ranks",
            LotEventKind::Closed { .. } => "closed",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, vec!["opened", "ranks", "closed"]);
    let numbers: Vec<u64> = after_restart.events.iter().map(|e| e.sequence).collect();
    let next = state.sequence + 1;
    assert_eq!(numbers, vec![next, next + 1, next + 2]);
}

#[test]
fn closing_before_the_live_end_is_too_early() {
    let rules = rules();
    let state = opened(&rules);
    assert_eq!(
        close(&rules, &state, CLOSES - Duration::SECOND),
        Err(TransitionError::TooEarly { at: CLOSES })
    );
    let closed = close(&rules, &state, CLOSES).unwrap();
    assert_eq!(closed.state.phase, Phase::Closed);
}

#[test]
fn the_closed_event_carries_the_final_ranking() {
    let rules = rules();
    let state = bid(&rules, &opened(&rules), A, "900", OPENS);
    let state = bid(&rules, &state, B, "880", OPENS);
    let closed = close(&rules, &state, CLOSES).unwrap();
    assert_eq!(
        closed.events[0].kind,
        LotEventKind::Closed {
            ranking: ranking(&state)
        }
    );
}

#[test]
fn awarding_anyone_but_rank_one_needs_a_reason() {
    let rules = rules();
    let state = bid(&rules, &opened(&rules), A, "900", OPENS);
    let state = bid(&rules, &state, B, "880", OPENS);
    let closed = close(&rules, &state, CLOSES).unwrap().state;
    let later = CLOSES + Duration::hours(1);
    assert_eq!(
        award(&closed, A, Some("  "), later),
        Err(TransitionError::ReasonRequired)
    );
    assert_eq!(
        award(&closed, C, None, later),
        Err(TransitionError::NoSuchBidder)
    );
    let to_a = award(&closed, A, Some("B failed the quality audit"), later).unwrap();
    assert_eq!(to_a.state.award.as_ref().map(|a| a.rank), Some(2));
    let to_b = award(&closed, B, None, later).unwrap();
    assert_eq!(to_b.state.phase, Phase::Awarded);
    assert_eq!(
        cancel(&to_b.state, "changed our mind", later),
        Err(TransitionError::NotAllowed {
            from: Phase::Awarded,
            to: Phase::Cancelled
        })
    );
}

#[test]
fn a_lot_cannot_be_awarded_while_open_or_cancelled_without_a_reason() {
    let rules = rules();
    let state = bid(&rules, &opened(&rules), A, "900", OPENS);
    assert_eq!(
        award(&state, A, None, OPENS),
        Err(TransitionError::NotAllowed {
            from: Phase::Open,
            to: Phase::Awarded
        })
    );
    assert_eq!(
        cancel(&state, " ", OPENS),
        Err(TransitionError::ReasonRequired)
    );
}

#[test]
fn scheduling_refuses_an_invalid_rule_set_a_past_end_and_an_empty_invitation_list() {
    let bad = LotRules {
        ceiling: Decimal::ZERO,
        ..rules()
    };
    assert!(matches!(
        schedule(&bad, &draft(&bad), OPENS),
        Err(TransitionError::InvalidRules { .. })
    ));
    let rules = rules();
    assert_eq!(
        schedule(&rules, &draft(&rules), CLOSES),
        Err(TransitionError::EndPassed)
    );
    let nobody = LotState::new(&rules, BTreeSet::new());
    assert_eq!(
        schedule(&rules, &nobody, OPENS),
        Err(TransitionError::NoEligibleSuppliers)
    );
}

#[test]
fn validation_reports_each_field_at_fault() {
    let rules = LotRules {
        ceiling: dec("100.00001"),
        decrement: Decrement::Percent {
            percent: dec("100"),
        },
        closes_at: OPENS,
        visibility: SupplierVisibility::OwnRankOnly,
        fat_finger_percent: Some(dec("0")),
        anti_sniping: Some(AntiSniping {
            trigger: ExtensionTrigger::AnyAcceptedBid,
            window: Duration::ZERO,
            extension: Duration::hours(25),
            cap: ExtensionCap::MaxExtensions { count: 0 },
        }),
        ..rules()
    };
    let fields: Vec<String> = validate(&rules)
        .iter()
        .map(|i| i.field().to_owned())
        .collect();
    assert_eq!(
        fields,
        vec![
            "ceiling",
            "decrement.percent",
            "fat_finger_percent",
            "closes_at",
            "decrement_base",
            "anti_sniping.window_secs",
            "anti_sniping.extension_secs",
            "anti_sniping.cap.count",
        ]
    );
    assert!(validate(&super::rules()).is_empty());
}

#[test]
fn an_absolute_step_as_large_as_the_ceiling_is_refused() {
    let rules = LotRules {
        decrement: Decrement::Absolute {
            amount: dec("1000"),
        },
        ..rules()
    };
    assert_eq!(validate(&rules), vec![RuleIssue::DecrementNotBelowCeiling]);
}
