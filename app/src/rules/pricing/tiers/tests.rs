//! Tests of the tier rules.

use super::*;
use proptest::prelude::*;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn tier(min_quantity: &str, unit_price: &str) -> PriceTier {
    PriceTier {
        min_quantity: d(min_quantity),
        unit_price: d(unit_price),
    }
}

fn steel() -> Vec<PriceTier> {
    vec![
        tier("5", "620.00"),
        tier("25", "600.00"),
        tier("100", "585.50"),
    ]
}

fn issues(tiers: &[PriceTier], moq: &str) -> Vec<(String, TierIssue)> {
    match validate_tiers(tiers, d(moq)) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| (e.field, e.issue)).collect(),
    }
}

#[test]
fn strictly_increasing_breaks_with_positive_prices_are_valid() {
    assert_eq!(validate_tiers(&steel(), d("5")), Ok(()));
    assert_eq!(validate_tiers(&[tier("0.5", "3.1250")], d("2.5")), Ok(()));
}

#[test]
fn equal_or_decreasing_breaks_are_reported_on_the_later_tier() {
    let tiers = [
        tier("5", "10"),
        tier("5", "9"),
        tier("50", "8"),
        tier("20", "7"),
    ];
    assert_eq!(
        issues(&tiers, "5"),
        vec![
            ("tiers[1].min_quantity".into(), TierIssue::NotIncreasing),
            ("tiers[3].min_quantity".into(), TierIssue::NotIncreasing),
        ]
    );
}

#[test]
fn a_first_break_above_the_moq_is_refused_but_one_below_it_is_allowed() {
    assert_eq!(
        issues(&steel(), "2"),
        vec![("tiers[0].min_quantity".into(), TierIssue::AboveMoq)]
    );
    assert_eq!(issues(&steel(), "10"), vec![]);
}

#[test]
fn non_positive_or_over_precise_numbers_are_reported_per_field() {
    let tiers = [tier("0", "10"), tier("10", "-1"), tier("20", "0.00001")];
    assert_eq!(
        issues(&tiers, "0"),
        vec![
            ("moq".into(), TierIssue::NotPositive),
            ("tiers[0].min_quantity".into(), TierIssue::NotPositive),
            ("tiers[1].unit_price".into(), TierIssue::NotPositive),
            (
                "tiers[2].unit_price".into(),
                TierIssue::TooManyDecimals { max: 4 }
            ),
        ]
    );
    let huge = [tier("1", "1000000000000000")];
    assert_eq!(
        issues(&huge, "1"),
        vec![(
            "tiers[0].unit_price".into(),
            TierIssue::TooLarge {
                max_integer_digits: 15
            }
        )]
    );
}

#[test]
fn an_empty_or_oversized_table_is_reported_on_tiers() {
    assert_eq!(
        issues(&[], "1"),
        vec![("tiers".into(), TierIssue::Required)]
    );
    let many: Vec<_> = (1..=21).map(|q| tier(&q.to_string(), "1")).collect();
    assert_eq!(
        issues(&many, "1"),
        vec![("tiers".into(), TierIssue::TooMany { max: 20 })]
    );
}

#[test]
fn field_errors_carry_the_form_keys() {
    let errors = validate_tiers(&[tier("5", "1"), tier("5", "1")], d("5")).unwrap_err();
    let fields = to_field_errors(&errors);
    assert_eq!(fields.get("tiers[1].min_quantity").len(), 1);
    assert!(fields.get("tiers[0].min_quantity").is_empty());
}

#[test]
fn the_price_is_that_of_the_highest_break_not_above_the_quantity() {
    let tiers = steel();
    let price = |quantity| unit_price_at(&tiers, d("5"), d(quantity), None);
    assert_eq!(price("5"), Ok(d("620.00")));
    assert_eq!(price("24.9999"), Ok(d("620.00")));
    assert_eq!(price("25"), Ok(d("600.00")));
    assert_eq!(price("1000"), Ok(d("585.50")));
    let mut shuffled = steel();
    shuffled.reverse();
    assert_eq!(
        unit_price_at(&shuffled, d("5"), d("30"), None),
        Ok(d("600.00"))
    );
}

#[test]
fn quantities_the_offer_cannot_serve_say_why() {
    let tiers = steel();
    let at =
        |quantity, stock: Option<&str>| unit_price_at(&tiers, d("5"), d(quantity), stock.map(d));
    assert_eq!(at("4.5", None), Err(CannotServe::BelowMoq { moq: d("5") }));
    assert_eq!(at("0", None), Err(CannotServe::QuantityNotPositive));
    assert_eq!(
        at("80", Some("60")),
        Err(CannotServe::AboveStock { stock: d("60") })
    );
    assert_eq!(at("60", Some("60")), Ok(d("600.00")));
    assert_eq!(
        unit_price_at(&[], d("1"), d("3"), None),
        Err(CannotServe::NoTier)
    );
    let json = serde_json::to_string(&CannotServe::BelowMoq { moq: d("5") }).unwrap();
    assert_eq!(json, r#"{"reason":"below_moq","moq":"5"}"#);
}

fn quantity() -> impl Strategy<Value = Decimal> {
    (1i64..2_000_000, 0u32..=3).prop_map(|(units, scale)| Decimal::new(units, scale))
}

fn any_tiers() -> impl Strategy<Value = Vec<PriceTier>> {
    proptest::collection::vec(
        (quantity(), quantity()).prop_map(|(min_quantity, unit_price)| PriceTier {
            min_quantity,
            unit_price,
        }),
        0..8,
    )
}

proptest! {
    #[test]
    fn tier_selection_is_monotone_in_quantity(
        tiers in any_tiers(), moq in quantity(), a in quantity(), b in quantity(),
        stock in proptest::option::of(quantity()),
    ) {
        let (small, large) = if a <= b { (a, b) } else { (b, a) };
        let small_tier = tier_at(&tiers, moq, small, None);
        let large_tier = tier_at(&tiers, moq, large, None);
        if let (Ok(s), Ok(l)) = (small_tier, large_tier) {
            prop_assert!(s.min_quantity <= l.min_quantity);
        }
        // Once served, a larger quantity within stock is served too.
        if tier_at(&tiers, moq, small, stock).is_ok() && stock.is_none_or(|s| large <= s) {
            prop_assert!(tier_at(&tiers, moq, large, stock).is_ok());
        }
    }

    #[test]
    fn a_valid_table_prices_every_quantity_from_the_moq(
        steps in proptest::collection::vec((quantity(), quantity()), 1..MAX_TIERS),
        below_moq in 0i64..1000, extra in quantity(),
    ) {
        let mut break_at = Decimal::ZERO;
        let tiers: Vec<PriceTier> = steps
            .iter()
            .map(|(gap, unit_price)| {
                break_at += *gap;
                PriceTier { min_quantity: break_at, unit_price: *unit_price }
            })
            .collect();
        let moq = tiers[0].min_quantity + Decimal::from(below_moq);
        prop_assert_eq!(validate_tiers(&tiers, moq), Ok(()));
        let price = unit_price_at(&tiers, moq, moq + extra, None);
        prop_assert!(price.is_ok_and(|p| p > Decimal::ZERO));
    }
}
