//! Tests of the scorecard formula.

use super::*;
use proptest::prelude::*;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn facts(values: [Option<&str>; 6]) -> ScorecardFacts {
    let [a, b, c, e, f, g] = values.map(|v| v.map(d));
    PerCriterion {
        on_time_delivery: a,
        quality_acceptance: b,
        rfq_response_rate: c,
        quote_win_rate: e,
        dispute_rate: f,
        buyer_rating: g,
    }
}

fn weights(values: [i64; 6]) -> Result<ScoreWeights, WeightsError> {
    let [a, b, c, e, f, g] = values.map(Decimal::from);
    ScoreWeights::new(PerCriterion {
        on_time_delivery: a,
        quality_acceptance: b,
        rfq_response_rate: c,
        quote_win_rate: e,
        dispute_rate: f,
        buyer_rating: g,
    })
}

fn score(facts: &ScorecardFacts) -> Scorecard {
    compute(facts, &ScoreWeights::default(), &BandThresholds::default())
}

#[test]
fn the_score_follows_its_formula_on_a_fixture() {
    // 95×25 + 90×25 + 80×15 + 20×10 + (100−4)×15 + (4.5−1)×25×10 = 8340, ÷ 100.
    let card = score(&facts([
        Some("95"),
        Some("90"),
        Some("80"),
        Some("20"),
        Some("4"),
        Some("4.5"),
    ]));
    assert_eq!(card.score, d("83.40"));
    assert_eq!(card.stars, d("4.0"));
    assert_eq!(card.band, Band::Preferred);
    let dispute = card
        .lines
        .iter()
        .find(|l| l.criterion == Criterion::DisputeRate)
        .unwrap();
    assert_eq!(dispute.normalised, d("96.00"));
    assert_eq!(dispute.contribution, d("14.40"));
}

#[test]
fn a_supplier_with_no_facts_scores_the_neutral_fifty() {
    let card = score(&ScorecardFacts::default());
    assert_eq!(card.score, d("50.00"));
    assert_eq!(card.band, Band::Standard);
    assert!(card
        .lines
        .iter()
        .all(|l| l.value.is_none() && l.normalised == NEUTRAL));
}

#[test]
fn a_missing_fact_counts_as_neutral_not_as_zero() {
    let with_gap = score(&facts([
        Some("100"),
        None,
        Some("100"),
        Some("100"),
        Some("0"),
        Some("5"),
    ]));
    // Quality (weight 25) at 50 instead of 100 costs 12.5 points.
    assert_eq!(with_gap.score, d("87.50"));
}

#[test]
fn the_explanation_has_one_line_per_criterion_that_adds_up_to_the_score() {
    let card = score(&facts([
        Some("70"),
        Some("60"),
        None,
        Some("33.333"),
        Some("10"),
        Some("3"),
    ]));
    assert_eq!(card.lines.len(), Criterion::ALL.len());
    let sum: Decimal = card.lines.iter().map(|l| l.contribution).sum();
    assert!((sum - card.score).abs() <= d("0.03"));
}

#[test]
fn a_low_score_falls_in_the_blocked_band() {
    let card = score(&facts([
        Some("10"),
        Some("10"),
        Some("10"),
        Some("0"),
        Some("90"),
        Some("1"),
    ]));
    assert_eq!(card.band, Band::Blocked);
}

#[test]
fn negative_oversized_and_all_zero_weights_are_rejected() {
    assert_eq!(
        weights([1, -1, 0, 0, 0, 0]),
        Err(WeightsError::Negative {
            criterion: Criterion::QualityAcceptance
        })
    );
    assert_eq!(
        weights([1, 0, 0, 0, 0, 1001]),
        Err(WeightsError::TooLarge {
            criterion: Criterion::BuyerRating
        })
    );
    assert_eq!(weights([0; 6]), Err(WeightsError::SumIsZero));
    assert!(weights([0, 0, 0, 0, 0, 1]).is_ok());
}

#[test]
fn deserialising_invalid_weights_fails() {
    let json = r#"{"on_time_delivery":"0","quality_acceptance":"0","rfq_response_rate":"0",
        "quote_win_rate":"0","dispute_rate":"0","buyer_rating":"0"}"#;
    assert!(serde_json::from_str::<ScoreWeights>(json).is_err());
}

fn any_fact() -> impl Strategy<Value = Option<Decimal>> {
    proptest::option::of((-200_000i64..200_000).prop_map(|n| Decimal::new(n, 3)))
}

fn any_facts() -> impl Strategy<Value = ScorecardFacts> {
    proptest::array::uniform6(any_fact()).prop_map(|[a, b, c, e, f, g]| PerCriterion {
        on_time_delivery: a,
        quality_acceptance: b,
        rfq_response_rate: c,
        quote_win_rate: e,
        dispute_rate: f,
        buyer_rating: g,
    })
}

fn any_weights() -> impl Strategy<Value = ScoreWeights> {
    proptest::array::uniform6(0i64..=1000)
        .prop_filter("not all zero", |w| w.iter().any(|x| *x > 0))
        .prop_map(|w| weights(w).unwrap())
}

fn set(facts: &mut ScorecardFacts, criterion: Criterion, value: Option<Decimal>) {
    let slot = match criterion {
        Criterion::OnTimeDelivery => &mut facts.on_time_delivery,
        Criterion::QualityAcceptance => &mut facts.quality_acceptance,
        Criterion::RfqResponseRate => &mut facts.rfq_response_rate,
        Criterion::QuoteWinRate => &mut facts.quote_win_rate,
        Criterion::DisputeRate => &mut facts.dispute_rate,
        Criterion::BuyerRating => &mut facts.buyer_rating,
    };
    *slot = value;
}

proptest! {
    #[test]
    fn the_score_is_always_between_zero_and_one_hundred(f in any_facts(), w in any_weights()) {
        let card = compute(&f, &w, &BandThresholds::default());
        prop_assert!(card.score >= Decimal::ZERO && card.score <= Decimal::ONE_HUNDRED);
        prop_assert!(card.stars >= Decimal::ZERO && card.stars <= Decimal::from(5));
        prop_assert_eq!(card.score.scale(), 2);
    }

    #[test]
    fn a_better_fact_never_lowers_the_score(
        f in any_facts(),
        w in any_weights(),
        index in 0usize..6,
        a in 0i64..100_000,
        b in 0i64..100_000,
    ) {
        let criterion = Criterion::ALL[index];
        let (low, high) = (Decimal::new(a.min(b), 3), Decimal::new(a.max(b), 3));
        // For the dispute rate a lower value is the better fact.
        let (worse, better) = if criterion == Criterion::DisputeRate { (high, low) } else { (low, high) };
        let (mut f_worse, mut f_better) = (f, f);
        set(&mut f_worse, criterion, Some(worse));
        set(&mut f_better, criterion, Some(better));
        let t = BandThresholds::default();
        prop_assert!(compute(&f_better, &w, &t).score >= compute(&f_worse, &w, &t).score);
    }

    #[test]
    fn all_neutral_facts_give_the_neutral_score_whatever_the_weights(w in any_weights()) {
        let card = compute(&ScorecardFacts::default(), &w, &BandThresholds::default());
        prop_assert_eq!(card.score, NEUTRAL);
    }
}
