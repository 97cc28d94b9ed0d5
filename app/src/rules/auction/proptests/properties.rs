//! The invariants of issue 4, each checked over random sessions.

use super::*;

/// The exact step rule, restated independently of the implementation.
fn step_respected(rules: &LotRules, before: &LotState, attempt: &BidAttempt) -> bool {
    let sealed = before.phase == Phase::Scheduled;
    let own = if sealed {
        before.sealed_bid_of(attempt.supplier)
    } else {
        before.bid_of(attempt.supplier)
    }
    .map(|bid| bid.amount);
    let base = match rules.decrement_base {
        _ if sealed => own,
        DecrementBase::OwnLastBid => own,
        DecrementBase::BestPrice => before.best_price(),
    };
    let Some(base) = base else { return true };
    let step = match rules.decrement {
        Decrement::Absolute { amount } => amount,
        Decrement::Percent { percent } => base * percent / Decimal::ONE_HUNDRED,
    };
    attempt.amount + step <= base
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_best_price_never_increases(rules in rules_strategy(), ops in ops_strategy()) {
        let run = run(&rules, &ops);
        for (decision, accepted) in run.accepted() {
            if let (Some(old), Some(new)) = (decision.before.best_price(), accepted.state.best_price()) {
                prop_assert!(new <= old, "best went from {} to {}", old, new);
            }
        }
    }

    #[test]
    fn every_accepted_bid_respects_the_ceiling_and_the_decrement(
        rules in rules_strategy(),
        ops in ops_strategy(),
    ) {
        let run = run(&rules, &ops);
        for (decision, _) in run.accepted() {
            let amount = decision.attempt.amount;
            prop_assert!(amount > Decimal::ZERO && amount <= rules.ceiling);
            prop_assert!(amount.normalize().scale() <= MAX_DECIMAL_PLACES);
            prop_assert!(step_respected(&rules, &decision.before, &decision.attempt));
        }
    }

    #[test]
    fn ties_follow_the_rule(rules in rules_strategy(), ops in ops_strategy()) {
        let run = run(&rules, &ops);
        for (decision, accepted) in run.accepted() {
            if decision.before.phase != Phase::Open {
                continue;
            }
            let me = decision.attempt.supplier;
            let equal_others: Vec<&StandingBid> = decision.before.bids.iter()
                .filter(|bid| bid.supplier != me && bid.amount == decision.attempt.amount)
                .collect();
            match rules.ties {
                TiePolicy::Rejected => prop_assert!(equal_others.is_empty()),
                TiePolicy::EarlierRanksHigher => {
                    let my_rank = rank_of(&accepted.state, me).unwrap();
                    for other in equal_others {
                        prop_assert!(rank_of(&accepted.state, other.supplier).unwrap() < my_rank);
                    }
                }
            }
        }
        for pair in ranking(&run.last).windows(2) {
            prop_assert!((pair[0].amount, pair[0].sequence) < (pair[1].amount, pair[1].sequence));
        }
    }

    #[test]
    fn the_end_moves_only_by_the_extension_and_never_past_the_cap(
        rules in rules_strategy(),
        ops in ops_strategy(),
    ) {
        let run = run(&rules, &ops);
        let latest = latest_possible_end(&rules).unwrap();
        for (decision, accepted) in run.accepted() {
            let (old, new) = (decision.before.ends_at, accepted.state.ends_at);
            prop_assert!(new <= latest);
            if new == old {
                continue;
            }
            let anti = rules.anti_sniping.unwrap();
            prop_assert!(old - decision.now <= anti.window);
            let moved = new - old;
            let cut_at_stop = matches!(anti.cap, ExtensionCap::HardStop { at } if at == new);
            prop_assert!(moved == anti.extension || (cut_at_stop && moved < anti.extension));
            prop_assert_eq!(accepted.state.extensions_used, decision.before.extensions_used + 1);
            if let ExtensionCap::MaxExtensions { count } = anti.cap {
                prop_assert!(accepted.state.extensions_used <= count);
            }
        }
        let closes = rules.closes_at;
        prop_assert!(run.last.ends_at >= closes && run.last.ends_at <= latest);
    }

    #[test]
    fn no_bid_is_accepted_outside_the_open_window(
        rules in rules_strategy(),
        ops in ops_strategy(),
    ) {
        let run = run(&rules, &ops);
        for (decision, accepted) in run.accepted() {
            let before = &decision.before;
            prop_assert!(before.eligible.contains(&decision.attempt.supplier));
            match before.phase {
                Phase::Open => {
                    prop_assert!(before.is_open_at(&rules, decision.now));
                    prop_assert!(accepted.state.sealed.is_empty());
                }
                Phase::Scheduled => {
                    prop_assert!(rules.sealed_pre_bids && decision.now < rules.opens_at);
                    prop_assert_eq!(&accepted.state.bids, &before.bids);
                }
                other => prop_assert!(false, "accepted in phase {:?}", other),
            }
        }
        // The same attempts at the edges of every state seen, without `advance` closing it.
        for decision in &run.decisions {
            let before = &decision.before;
            let attempt = &decision.attempt;
            let mut edges = vec![before.ends_at, before.ends_at + Duration::SECOND];
            if before.phase == Phase::Open || !rules.sealed_pre_bids {
                edges.push(rules.opens_at - Duration::SECOND);
            }
            if before.phase == Phase::Scheduled {
                edges.push(rules.opens_at);
            }
            for at in edges {
                let answer = decide(&rules, before, attempt, at);
                let refused_as_not_open = matches!(
                    answer,
                    Err(Rejection::NotOpen { .. }) | Err(Rejection::NotEligible)
                );
                prop_assert!(refused_as_not_open, "accepted at {} in {:?}", at, before.phase);
            }
        }
    }

    #[test]
    fn sequence_numbers_are_gapless_and_match_the_state(
        rules in rules_strategy(),
        ops in ops_strategy(),
    ) {
        let run = run(&rules, &ops);
        let numbers: Vec<u64> = run.events.iter().map(|e| e.sequence).collect();
        let expected: Vec<u64> = (1..=numbers.len() as u64).collect();
        prop_assert_eq!(numbers, expected);
        prop_assert_eq!(run.last.sequence, run.events.len() as u64);
        for bid in &run.last.bids {
            let placed = run.events.iter().find(|e| e.sequence == bid.sequence).unwrap();
            let is_bid = matches!(
                placed.kind,
                LotEventKind::BidAccepted { supplier, amount }
                    | LotEventKind::SealedBidAccepted { supplier, amount }
                    if supplier == bid.supplier && amount == bid.amount
            );
            prop_assert!(is_bid);
        }
    }

    #[test]
    fn the_browser_precheck_never_refuses_what_the_server_accepts(
        rules in rules_strategy(),
        ops in ops_strategy(),
    ) {
        let run = run(&rules, &ops);
        for decision in &run.decisions {
            let view = supplier_view(&rules, &decision.before, decision.attempt.supplier);
            let browser = precheck(&rules, &view, decision.attempt.amount, decision.now);
            match &decision.outcome {
                Ok(accepted) => prop_assert_eq!(browser, Ok(accepted.warnings.clone())),
                Err(Rejection::TieNotAllowed) => {}
                Err(rejection) => prop_assert_eq!(browser, Err(rejection.clone())),
            }
        }
    }

    #[test]
    fn parsing_accepts_exactly_what_it_prints(cents in 1i64..1_000_000_000_000, places in 0u32..5) {
        let amount = Decimal::new(cents, places);
        prop_assert_eq!(parse_amount(&amount.to_string()), Ok(amount));
    }
}
