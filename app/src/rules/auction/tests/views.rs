//! Views per viewer, the browser pre-check and the wire format.

use super::*;

fn three_bids(rules: &LotRules) -> LotState {
    let state = bid(rules, &opened(rules), A, "900", OPENS);
    let state = bid(rules, &state, B, "880", OPENS + minutes(1));
    bid(rules, &state, C, "870", OPENS + minutes(2))
}

#[test]
fn with_rank_only_visibility_a_supplier_sees_no_price_but_their_own() {
    let rules = LotRules {
        visibility: SupplierVisibility::OwnRankOnly,
        decrement_base: DecrementBase::OwnLastBid,
        ..rules()
    };
    let view = supplier_view(&rules, &three_bids(&rules), A);
    assert_eq!(view.own_rank, Some(3));
    assert_eq!(view.own_amount, Some(dec("900")));
    assert_eq!((view.best_price, view.ladder), (None, None));
    assert_eq!(view.minimum_next_bid, Some(dec("890")));
}

#[test]
fn rank_and_best_price_visibility_shows_the_best_price_only() {
    let rules = rules();
    let view = supplier_view(&rules, &three_bids(&rules), A);
    assert_eq!(
        (view.own_rank, view.best_price),
        (Some(3), Some(dec("870")))
    );
    assert_eq!(view.ladder, None);
}

#[test]
fn the_anonymous_ladder_marks_the_viewers_own_rung() {
    let rules = LotRules {
        visibility: SupplierVisibility::AnonymousLadder,
        ..rules()
    };
    let ladder = supplier_view(&rules, &three_bids(&rules), B)
        .ladder
        .unwrap();
    let rungs: Vec<(u32, Decimal, bool)> = ladder
        .iter()
        .map(|r| (r.rank, r.amount, r.is_you))
        .collect();
    assert_eq!(
        rungs,
        vec![
            (1, dec("870"), false),
            (2, dec("880"), true),
            (3, dec("900"), false)
        ]
    );
}

#[test]
fn a_blind_auction_hides_names_from_the_buyer_until_close() {
    let rules = LotRules {
        blind: true,
        ..rules()
    };
    let state = three_bids(&rules);
    let open_view = buyer_view(&rules, &state);
    assert!(open_view.names_hidden);
    assert!(open_view.ladder.iter().all(|rung| rung.supplier.is_none()));
    let numbers: Vec<u32> = open_view.ladder.iter().map(|r| r.bidder_no).collect();
    assert_eq!(numbers, vec![3, 2, 1], "bidder numbers follow first entry");

    let closed = close(&rules, &state, CLOSES).unwrap().state;
    let names: Vec<Option<Uuid>> = buyer_view(&rules, &closed)
        .ladder
        .iter()
        .map(|r| r.supplier)
        .collect();
    assert_eq!(names, vec![Some(C), Some(B), Some(A)]);
}

#[test]
fn the_browser_precheck_gives_the_servers_answer_on_what_it_can_see() {
    let rules = LotRules {
        fat_finger_percent: Some(dec("50")),
        ..rules()
    };
    let state = three_bids(&rules);
    let view = supplier_view(&rules, &state, A);
    let at = OPENS + minutes(5);
    for typed in ["860", "865", "1001", "0", "100", "860.00001"] {
        let amount = dec(typed);
        let server = decide(
            &rules,
            &state,
            &BidAttempt {
                supplier: A,
                amount,
            },
            at,
        )
        .map(|accepted| accepted.warnings);
        assert_eq!(precheck(&rules, &view, amount, at), server, "{typed}");
    }
    assert_eq!(
        precheck(&rules, &view, dec("860"), CLOSES),
        Err(Rejection::NotOpen {
            why: NotOpenReason::Ended { ended_at: CLOSES }
        })
    );
}

#[test]
fn being_pushed_down_a_rank_counts_as_outbid() {
    let rules = rules();
    let state = bid(&rules, &opened(&rules), A, "900", OPENS);
    let before = supplier_view(&rules, &state, A);
    let after = supplier_view(&rules, &bid(&rules, &state, B, "890", OPENS), A);
    assert!(outbid(&before, &after));
    assert!(!outbid(&after, &after));
}

#[test]
fn the_winner_and_the_others_each_see_their_own_outcome() {
    let rules = rules();
    let closed = close(&rules, &three_bids(&rules), CLOSES).unwrap().state;
    let awarded = award(&closed, C, None, CLOSES).unwrap().state;
    assert_eq!(supplier_view(&rules, &awarded, C).won, Some(true));
    assert_eq!(supplier_view(&rules, &awarded, A).won, Some(false));
}

#[test]
fn rules_state_and_events_keep_amounts_as_strings_on_the_wire() {
    let rules = LotRules {
        anti_sniping: anti_sniping(
            ExtensionTrigger::RankOneChange,
            ExtensionCap::HardStop {
                at: CLOSES + Duration::hours(1),
            },
        ),
        fat_finger_percent: Some(dec("25")),
        ..rules()
    };
    let json = serde_json::to_value(&rules).unwrap();
    assert_eq!(json["ceiling"], "1000");
    assert_eq!(json["decrement"]["kind"], "absolute");
    assert_eq!(json["anti_sniping"]["window_secs"], 300);
    assert_eq!(json["anti_sniping"]["cap"]["at"], "2026-11-25T12:00:00Z");
    let back: LotRules = serde_json::from_value(json).unwrap();
    assert_eq!(back, rules);

    let outcome = accepted(&rules, &opened(&rules), A, "900", CLOSES - minutes(1));
    let events = serde_json::to_value(&outcome.events).unwrap();
    assert_eq!(events[0]["type"], "bid_accepted");
    assert_eq!(events[0]["amount"], "900");
    assert_eq!(events[2]["type"], "extended");
    let back: Vec<LotEvent> = serde_json::from_value(events).unwrap();
    assert_eq!(back, outcome.events);
    let state: LotState =
        serde_json::from_str(&serde_json::to_string(&outcome.state).unwrap()).unwrap();
    assert_eq!(state, outcome.state);

    let rejection = serde_json::to_value(Rejection::DecrementTooSmall {
        minimum_next_bid: dec("12.5"),
    })
    .unwrap();
    assert_eq!(
        rejection,
        serde_json::json!({"reason": "decrement_too_small", "minimum_next_bid": "12.5"})
    );
}
