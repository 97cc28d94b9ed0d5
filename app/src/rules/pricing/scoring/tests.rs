//! Tests of the weighted scoring.

use super::*;
use proptest::prelude::*;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn offer(
    n: u128,
    cost: &str,
    lead_time_days: u32,
    supplier: &str,
    certifications: u32,
) -> OfferFacts {
    OfferFacts {
        offer_id: id(n),
        landed_unit_cost: d(cost),
        lead_time_days,
        supplier_score: d(supplier),
        certifications,
    }
}

fn weights(price: i64, lead: i64, supplier: i64, certs: i64) -> Result<Weights, WeightsError> {
    Weights::new(price.into(), lead.into(), supplier.into(), certs.into())
}

fn matrix() -> Vec<OfferFacts> {
    vec![
        offer(1, "5119.3084", 30, "82", 2),
        offer(2, "4980.00", 45, "64", 1),
        offer(3, "5300.50", 20, "91", 4),
    ]
}

#[test]
fn weights_that_sum_to_zero_or_go_negative_are_rejected() {
    assert_eq!(weights(0, 0, 0, 0), Err(WeightsError::SumIsZero));
    assert_eq!(
        weights(50, -1, 20, 10),
        Err(WeightsError::Negative {
            criterion: Criterion::LeadTime
        })
    );
    assert_eq!(
        weights(1001, 0, 0, 0),
        Err(WeightsError::TooLarge {
            criterion: Criterion::LandedCost
        })
    );
    assert!(weights(0, 0, 0, 1).is_ok());
    let zero = r#"{"landed_cost":"0","lead_time":"0","supplier_score":"0","certifications":"0"}"#;
    assert!(serde_json::from_str::<Weights>(zero).is_err());
    let json = serde_json::to_string(&Weights::default()).unwrap();
    assert_eq!(
        serde_json::from_str::<Weights>(&json).unwrap(),
        Weights::default()
    );
}

#[test]
fn each_criterion_is_normalised_from_worst_to_best() {
    let scores = score_offers(&matrix(), &Weights::default());
    // Cost: 4980 is best (100), 5300.50 worst (0); 5119.3084 is (5300.50 − 5119.3084) / 320.50.
    assert_eq!(
        scores[0].normalised,
        [d("56.53"), d("60.00"), d("66.67"), d("33.33")]
    );
    assert_eq!(scores[1].normalised, [d("100"), d("0"), d("0"), d("0")]);
    assert_eq!(scores[2].normalised, [d("0"), d("100"), d("100"), d("100")]);
    // 0.5 × 56.53 + 0.2 × 60 + 0.2 × 66.67 + 0.1 × 33.33 = 56.93
    assert_eq!(scores[0].score, d("56.93"));
    assert_eq!(scores[1].score, d("50.00"));
    assert_eq!(scores[2].score, d("50.00"));
}

#[test]
fn ties_go_to_the_cheaper_offer_then_the_lower_id() {
    let ranks: Vec<u32> = score_offers(&matrix(), &Weights::default())
        .iter()
        .map(|s| s.rank)
        .collect();
    assert_eq!(ranks, [1, 2, 3], "offers 2 and 3 tie at 50; 2 is cheaper");
    let twins = [offer(9, "10", 5, "50", 1), offer(4, "10", 5, "50", 1)];
    let scores = score_offers(&twins, &Weights::default());
    assert_eq!((scores[0].rank, scores[1].rank), (2, 1));
    assert_eq!(scores[0].score, d("100"), "all equal: everybody gets 100");
}

#[test]
fn changing_the_weights_changes_the_ranking() {
    let by_price = score_offers(&matrix(), &weights(1, 0, 0, 0).unwrap());
    let by_speed = score_offers(&matrix(), &weights(0, 1, 0, 0).unwrap());
    let winner = |scores: &[OfferScore]| scores.iter().find(|s| s.rank == 1).unwrap().offer_id;
    assert_eq!(winner(&by_price), id(2));
    assert_eq!(winner(&by_speed), id(3));
}

#[test]
fn the_best_value_of_each_row_is_found_including_ties() {
    let mut offers = matrix();
    offers.push(offer(4, "6000", 20, "70", 0));
    assert_eq!(best_in_row(&offers, Criterion::LandedCost), [id(2)]);
    assert_eq!(best_in_row(&offers, Criterion::LeadTime), [id(3), id(4)]);
    assert_eq!(best_in_row(&offers, Criterion::SupplierScore), [id(3)]);
    assert_eq!(best_in_row(&offers, Criterion::Certifications), [id(3)]);
    assert!(best_in_row(&[], Criterion::LeadTime).is_empty());
    assert!(score_offers(&[], &Weights::default()).is_empty());
}

fn offers() -> impl Strategy<Value = Vec<OfferFacts>> {
    proptest::collection::vec((1i64..100_000_000, 0u32..365, 0i64..=1000, 0u32..12), 0..12)
        .prop_map(|rows| {
            rows.into_iter()
                .enumerate()
                .map(|(i, (cost, lead, supplier, certs))| OfferFacts {
                    offer_id: Uuid::from_u128(i as u128 * 7919 % 13),
                    landed_unit_cost: Decimal::new(cost, 4),
                    lead_time_days: lead,
                    supplier_score: Decimal::new(supplier, 1),
                    certifications: certs,
                })
                .collect()
        })
}

fn any_weights() -> impl Strategy<Value = [i64; 4]> {
    [0i64..=1000, 0i64..=1000, 0i64..=1000, 0i64..=1000]
}

proptest! {
    #[test]
    fn scores_stay_within_0_and_100_and_ranks_are_1_to_n(offers in offers(), w in any_weights()) {
        prop_assume!(w.iter().any(|w| *w > 0));
        let weights = weights(w[0], w[1], w[2], w[3]).unwrap();
        let scores = score_offers(&offers, &weights);
        let mut ranks: Vec<u32> = scores.iter().map(|s| s.rank).collect();
        ranks.sort_unstable();
        prop_assert_eq!(ranks, (1..=offers.len() as u32).collect::<Vec<_>>());
        for score in &scores {
            prop_assert!(score.score >= Decimal::ZERO && score.score <= Decimal::ONE_HUNDRED);
            for value in score.normalised {
                prop_assert!(value >= Decimal::ZERO && value <= Decimal::ONE_HUNDRED);
            }
        }
        for (i, criterion) in Criterion::ALL.into_iter().enumerate() {
            for best in best_in_row(&offers, criterion) {
                let at = offers.iter().position(|o| o.offer_id == best).unwrap();
                prop_assert_eq!(scores[at].normalised[i], Decimal::ONE_HUNDRED);
            }
        }
    }

    #[test]
    fn weights_summing_to_zero_are_always_rejected(zeros in 0usize..4, scale in 0u32..6) {
        let zero = Decimal::new(0, scale);
        prop_assert_eq!(Weights::new(zero, zero, zero, zero), Err(WeightsError::SumIsZero));
        let mut w = [Decimal::ONE; 4];
        w[zeros] = -Decimal::new(1, scale);
        let negative = matches!(
            Weights::new(w[0], w[1], w[2], w[3]),
            Err(WeightsError::Negative { .. })
        );
        prop_assert!(negative);
    }
}
