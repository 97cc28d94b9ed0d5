//! The price checks shared by [`super::decide`] on the server and [`super::precheck`] in the
//! browser: which price a step is measured from, the highest acceptable amount, the order of
//! the checks and the fat-finger warning.

use super::amount::{decimal_places, floor_to_cents, percent_of, MAX_DECIMAL_PLACES};
use super::config::{Decrement, DecrementBase, LotRules, TiePolicy};
use super::events::BidWarning;
use super::rejection::{NotOpenReason, Rejection};
use super::state::Phase;
use rust_decimal::Decimal;
use time::OffsetDateTime;

/// Whether a bid is a sealed pre-bid or a live bid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BidMode {
    Sealed,
    Live,
}

/// What kind of bid the lot takes at `now`, or why it takes none.
pub(crate) fn bidding_mode(
    rules: &LotRules,
    phase: Phase,
    ends_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<BidMode, Rejection> {
    let not_open = |why| Err(Rejection::NotOpen { why });
    let not_started = NotOpenReason::NotStarted {
        opens_at: rules.opens_at,
    };
    match phase {
        Phase::Draft => not_open(NotOpenReason::Draft),
        Phase::Scheduled if rules.sealed_pre_bids && now < rules.opens_at => Ok(BidMode::Sealed),
        Phase::Scheduled => not_open(not_started),
        Phase::Open if now < rules.opens_at => not_open(not_started),
        Phase::Open if now >= ends_at => not_open(NotOpenReason::Ended { ended_at: ends_at }),
        Phase::Open => Ok(BidMode::Live),
        Phase::Closed | Phase::Awarded => not_open(NotOpenReason::Closed),
        Phase::Cancelled => not_open(NotOpenReason::Cancelled),
    }
}

/// The price the next step is measured from. Sealed pre-bids only step down from the bidder's
/// own pre-bid: there is no visible best price before opening.
pub(crate) fn step_base(
    rules: &LotRules,
    mode: BidMode,
    best: Option<Decimal>,
    own: Option<Decimal>,
) -> Option<Decimal> {
    match (mode, rules.decrement_base) {
        (BidMode::Sealed, _) | (BidMode::Live, DecrementBase::OwnLastBid) => own,
        (BidMode::Live, DecrementBase::BestPrice) => best,
    }
}

/// The highest amount a full step below `base` (the ceiling without a base), rounded down to
/// four places; `None` when no positive amount is that far down.
pub(crate) fn highest_acceptable(rules: &LotRules, base: Option<Decimal>) -> Option<Decimal> {
    let Some(base) = base else {
        return Some(rules.ceiling);
    };
    let step = match rules.decrement {
        Decrement::Absolute { amount } => Some(amount),
        Decrement::Percent { percent } => percent_of(base, percent),
    }?;
    let bound = floor_to_cents(base.checked_sub(step)?).min(rules.ceiling);
    (bound > Decimal::ZERO).then_some(bound)
}

/// The amount checks, in the order of [`Rejection`]'s variants.
pub(crate) fn check_amount(
    rules: &LotRules,
    amount: Decimal,
    base: Option<Decimal>,
) -> Result<(), Rejection> {
    if amount <= Decimal::ZERO {
        return Err(Rejection::NotPositive);
    }
    if decimal_places(amount) > MAX_DECIMAL_PLACES {
        return Err(Rejection::TooManyDecimals {
            max: MAX_DECIMAL_PLACES,
        });
    }
    if amount > rules.ceiling {
        return Err(Rejection::TooHigh {
            ceiling: rules.ceiling,
        });
    }
    if base.is_some() {
        match highest_acceptable(rules, base) {
            None => return Err(Rejection::NoLowerBidPossible),
            Some(bound) if amount > bound => {
                return Err(Rejection::DecrementTooSmall {
                    minimum_next_bid: bound,
                })
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// Refuses an amount equal to another supplier's standing bid when ties are not allowed.
pub(crate) fn check_tie(
    rules: &LotRules,
    amount: Decimal,
    mut others: impl Iterator<Item = Decimal>,
) -> Result<(), Rejection> {
    if rules.ties == TiePolicy::Rejected && others.any(|other| other == amount) {
        return Err(Rejection::TieNotAllowed);
    }
    Ok(())
}

/// The fat-finger warning: the drop from the reference (the step base, else the ceiling),
/// compared without division so it is exact.
pub(crate) fn warnings(
    rules: &LotRules,
    amount: Decimal,
    base: Option<Decimal>,
) -> Vec<BidWarning> {
    let Some(threshold) = rules.fat_finger_percent else {
        return Vec::new();
    };
    let reference = base.unwrap_or(rules.ceiling);
    let drop = reference - amount;
    let too_far = match (
        drop.checked_mul(Decimal::ONE_HUNDRED),
        threshold.checked_mul(reference),
    ) {
        (Some(scaled_drop), Some(limit)) => scaled_drop > limit,
        _ => false,
    };
    if !too_far || reference <= Decimal::ZERO {
        return Vec::new();
    }
    let drop_percent = (drop * Decimal::ONE_HUNDRED / reference).round_dp(2);
    vec![BidWarning::LargeDrop {
        reference,
        drop_percent,
        threshold_percent: threshold,
    }]
}
