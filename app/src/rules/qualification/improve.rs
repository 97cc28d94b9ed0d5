//! What would raise a score: for each criterion, the points it would add if it were perfect.
//!
//! A criterion's gap is `(100 − normalised) × weight ÷ Σ weights`, read straight off the
//! scorecard's lines, so the advice always agrees with the score it explains.

use super::scorecard::{Criterion, Scorecard};
use rust_decimal::{Decimal, RoundingStrategy};

/// Criteria with something to gain, largest gain first (ties in the criteria's own order), at
/// most `limit` of them. Each comes with its points and whether it has no facts yet.
pub fn biggest_gains(card: &Scorecard, limit: usize) -> Vec<(Criterion, Decimal, bool)> {
    let total: Decimal = card.lines.iter().map(|line| line.weight).sum();
    if total.is_zero() {
        return Vec::new();
    }
    let mut gains: Vec<(Criterion, Decimal, bool)> = card
        .lines
        .iter()
        .map(|line| {
            let gap = (Decimal::ONE_HUNDRED - line.normalised) * line.weight / total;
            let mut points = gap.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            points.rescale(2);
            (line.criterion, points, line.value.is_none())
        })
        .filter(|(_, points, _)| *points > Decimal::ZERO)
        .collect();
    // A stable sort keeps the criteria's order among equal gains.
    gains.sort_by_key(|gain| std::cmp::Reverse(gain.1));
    gains.truncate(limit);
    gains
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::qualification::band::BandThresholds;
    use crate::rules::qualification::scorecard::{compute, ScoreWeights, ScorecardFacts};

    #[test]
    fn the_weakest_heavily_weighted_criterion_comes_first() {
        let facts = ScorecardFacts {
            on_time_delivery: Some(Decimal::from(60)),
            quality_acceptance: Some(Decimal::from(100)),
            rfq_response_rate: Some(Decimal::from(100)),
            quote_win_rate: Some(Decimal::from(100)),
            dispute_rate: Some(Decimal::ZERO),
            buyer_rating: None,
        };
        let card = compute(&facts, &ScoreWeights::default(), &BandThresholds::default());
        let gains = biggest_gains(&card, 3);
        // On-time: 40 × 25 / 100 = 10; rating (neutral 50): 50 × 10 / 100 = 5; nothing else.
        assert_eq!(
            gains,
            vec![
                (Criterion::OnTimeDelivery, Decimal::new(1000, 2), false),
                (Criterion::BuyerRating, Decimal::new(500, 2), true),
            ]
        );
    }

    #[test]
    fn an_all_neutral_score_lists_the_heaviest_weights_first() {
        let card = compute(
            &ScorecardFacts::default(),
            &ScoreWeights::default(),
            &BandThresholds::default(),
        );
        let gains = biggest_gains(&card, 2);
        assert_eq!(gains[0].0, Criterion::OnTimeDelivery);
        assert_eq!(gains[1].0, Criterion::QualityAcceptance);
        assert_eq!(gains[0].1, Decimal::new(1250, 2));
    }
}
