//! The table of bid validation cases, each with its exact answer.

use super::*;

#[derive(Clone, Copy, Debug)]
enum Lot {
    Draft,
    Scheduled,
    /// Open, with A standing at 900.
    Open,
    Closed,
    Cancelled,
}

struct Case {
    name: &'static str,
    lot: Lot,
    supplier: Uuid,
    typed: &'static str,
    at: OffsetDateTime,
    expect: Result<(), Rejection>,
}

fn lot(kind: Lot, rules: &LotRules) -> LotState {
    match kind {
        Lot::Draft => draft(rules),
        Lot::Scheduled => scheduled(rules),
        Lot::Open => bid(rules, &opened(rules), A, "900", OPENS + minutes(1)),
        Lot::Closed => close(rules, &lot(Lot::Open, rules), CLOSES).unwrap().state,
        Lot::Cancelled => {
            cancel(&lot(Lot::Open, rules), "specification changed", OPENS)
                .unwrap()
                .state
        }
    }
}

#[test]
fn each_bid_validation_case_gets_its_exact_answer() {
    let during = OPENS + minutes(10);
    let not_open = |why| Err(Rejection::NotOpen { why });
    let case = |name, lot, supplier, typed, at, expect| Case {
        name,
        lot,
        supplier,
        typed,
        at,
        expect,
    };
    let cases = [
        case("valid", Lot::Open, B, "890", during, Ok(())),
        case("valid with cents", Lot::Open, B, "889.99", during, Ok(())),
        case("the leader improves", Lot::Open, A, "890", during, Ok(())),
        case(
            "too high",
            Lot::Open,
            B,
            "1000.01",
            during,
            Err(Rejection::TooHigh {
                ceiling: dec("1000"),
            }),
        ),
        case(
            "too small a step",
            Lot::Open,
            B,
            "895",
            during,
            Err(Rejection::DecrementTooSmall {
                minimum_next_bid: dec("890"),
            }),
        ),
        case(
            "equal to the best",
            Lot::Open,
            B,
            "900",
            during,
            Err(Rejection::DecrementTooSmall {
                minimum_next_bid: dec("890"),
            }),
        ),
        case(
            "zero",
            Lot::Open,
            B,
            "0",
            during,
            Err(Rejection::NotPositive),
        ),
        case(
            "negative",
            Lot::Open,
            B,
            "-5",
            during,
            Err(Rejection::NotPositive),
        ),
        case(
            "not a number",
            Lot::Open,
            B,
            "12abc",
            during,
            Err(Rejection::NotANumber),
        ),
        case(
            "empty",
            Lot::Open,
            B,
            "  ",
            during,
            Err(Rejection::NotANumber),
        ),
        case(
            "comma",
            Lot::Open,
            B,
            "880,5",
            during,
            Err(Rejection::NotANumber),
        ),
        case(
            "five decimals",
            Lot::Open,
            B,
            "880.12345",
            during,
            Err(Rejection::TooManyDecimals { max: 4 }),
        ),
        case(
            "not eligible",
            Lot::Open,
            OUTSIDER,
            "800",
            during,
            Err(Rejection::NotEligible),
        ),
        case(
            "draft",
            Lot::Draft,
            B,
            "800",
            during,
            not_open(NotOpenReason::Draft),
        ),
        case(
            "before open",
            Lot::Scheduled,
            B,
            "800",
            OPENS - minutes(1),
            not_open(NotOpenReason::NotStarted { opens_at: OPENS }),
        ),
        case(
            "at the end",
            Lot::Open,
            B,
            "800",
            CLOSES,
            not_open(NotOpenReason::Ended { ended_at: CLOSES }),
        ),
        case(
            "closed",
            Lot::Closed,
            B,
            "800",
            CLOSES,
            not_open(NotOpenReason::Closed),
        ),
        case(
            "cancelled",
            Lot::Cancelled,
            B,
            "800",
            during,
            not_open(NotOpenReason::Cancelled),
        ),
    ];
    let rules = rules();
    for case in cases {
        let state = lot(case.lot, &rules);
        let answer = parse_amount(case.typed).and_then(|amount| {
            let attempt = BidAttempt {
                supplier: case.supplier,
                amount,
            };
            decide(&rules, &state, &attempt, case.at)
        });
        assert_eq!(answer.map(|_| ()), case.expect, "case {:?}", case.name);
    }
}

#[test]
fn an_outsider_is_told_only_that_they_are_not_eligible_even_on_a_closed_lot() {
    let rules = rules();
    let closed = lot(Lot::Closed, &rules);
    assert_eq!(
        refused(&rules, &closed, OUTSIDER, "1", CLOSES),
        Rejection::NotEligible
    );
}

#[test]
fn an_equal_bid_is_a_tie_when_the_step_is_measured_from_the_own_bid() {
    let rules = LotRules {
        decrement_base: DecrementBase::OwnLastBid,
        ..rules()
    };
    let state = lot(Lot::Open, &rules);
    assert_eq!(
        refused(&rules, &state, B, "900", OPENS + minutes(2)),
        Rejection::TieNotAllowed
    );
}
