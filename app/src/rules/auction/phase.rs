//! Phase transitions: `draft → scheduled → open → closed → awarded | cancelled`.
//!
//! Opening and closing are due at instants of server time; [`advance`] makes every transition
//! that is due, so a server that calls it on a timer, before each bid and after a restart never
//! misses one. Each transition returns the new state and its numbered events.

use super::config::LotRules;
use super::events::{LotEvent, LotEventKind};
use super::ladder::{rank_bids, rank_changes, ranking};
use super::state::{Award, LotState, Phase};
use super::validate::{validate, RuleIssue};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// A state change: the new state and the events to store and announce.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    pub state: LotState,
    pub events: Vec<LotEvent>,
}

/// Why a transition cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum TransitionError {
    /// The lot is in a phase this transition does not start from.
    #[error("a {from:?} lot cannot become {to:?}")]
    NotAllowed { from: Phase, to: Phase },
    /// The rule set has issues; fix them before scheduling.
    #[error("the rule set has issues")]
    InvalidRules { issues: Vec<RuleIssue> },
    /// Scheduling a lot whose end has already passed.
    #[error("the lot's end has already passed")]
    EndPassed,
    /// Scheduling with nobody allowed to bid.
    #[error("no supplier is eligible to bid")]
    NoEligibleSuppliers,
    /// Too early: the transition becomes possible at `at`.
    #[error("not before {at}")]
    TooEarly {
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
    /// The chosen supplier has no bid on the lot.
    #[error("that supplier did not bid on this lot")]
    NoSuchBidder,
    /// Awarding anyone but rank 1, or cancelling, needs a reason.
    #[error("a reason is required")]
    ReasonRequired,
}

/// Draft → scheduled: the rule set must be valid, the end still ahead and someone eligible.
pub fn schedule(
    rules: &LotRules,
    state: &LotState,
    now: OffsetDateTime,
) -> Result<Transition, TransitionError> {
    expect_phase(state, &[Phase::Draft], Phase::Scheduled)?;
    let issues = validate(rules);
    if !issues.is_empty() {
        return Err(TransitionError::InvalidRules { issues });
    }
    if now >= rules.closes_at {
        return Err(TransitionError::EndPassed);
    }
    if state.eligible.is_empty() {
        return Err(TransitionError::NoEligibleSuppliers);
    }
    let mut next = state.clone();
    next.phase = Phase::Scheduled;
    next.ends_at = rules.closes_at;
    Ok(emit(next, now, |_| LotEventKind::Scheduled {
        opens_at: rules.opens_at,
        ends_at: rules.closes_at,
    }))
}

/// Scheduled → open, from `opens_at` on. The sealed pre-bids become live bids in the order they
/// were entered, keeping their sequence numbers (so among equal pre-bids the earlier ranks
/// higher, whatever the tie policy: the bidders could not see each other).
pub fn open(
    rules: &LotRules,
    state: &LotState,
    now: OffsetDateTime,
) -> Result<Transition, TransitionError> {
    expect_phase(state, &[Phase::Scheduled], Phase::Open)?;
    if now < rules.opens_at {
        return Err(TransitionError::TooEarly { at: rules.opens_at });
    }
    let mut next = state.clone();
    let mut sealed = std::mem::take(&mut next.sealed);
    sealed.sort_by_key(|bid| bid.sequence);
    let revealed_sealed_bids = u32::try_from(sealed.len()).unwrap_or(u32::MAX);
    next.bids = sealed;
    next.phase = Phase::Open;
    let mut events = Vec::new();
    next.record(
        &mut events,
        now,
        LotEventKind::Opened {
            revealed_sealed_bids,
        },
    );
    let changes = rank_changes(&[], &rank_bids(&next.bids));
    if !changes.is_empty() {
        next.record(&mut events, now, LotEventKind::RanksChanged { changes });
    }
    Ok(Transition {
        state: next,
        events,
    })
}

/// Open → closed, from the live end on; the event carries the final ranking.
pub fn close(
    _rules: &LotRules,
    state: &LotState,
    now: OffsetDateTime,
) -> Result<Transition, TransitionError> {
    expect_phase(state, &[Phase::Open], Phase::Closed)?;
    if now < state.ends_at {
        return Err(TransitionError::TooEarly { at: state.ends_at });
    }
    let mut next = state.clone();
    next.phase = Phase::Closed;
    Ok(emit(next, now, |lot| LotEventKind::Closed {
        ranking: ranking(lot),
    }))
}

/// Closed → awarded: to rank 1, or to another bidder with a reason.
pub fn award(
    state: &LotState,
    supplier: Uuid,
    reason: Option<&str>,
    now: OffsetDateTime,
) -> Result<Transition, TransitionError> {
    expect_phase(state, &[Phase::Closed], Phase::Awarded)?;
    let rank = ranking(state)
        .into_iter()
        .find(|ranked| ranked.supplier == supplier)
        .ok_or(TransitionError::NoSuchBidder)?
        .rank;
    let reason = reason.map(str::trim).filter(|text| !text.is_empty());
    if rank != 1 && reason.is_none() {
        return Err(TransitionError::ReasonRequired);
    }
    let award = Award {
        supplier,
        rank,
        reason: reason.map(str::to_owned),
        at: now,
    };
    let mut next = state.clone();
    next.phase = Phase::Awarded;
    next.award = Some(award.clone());
    Ok(emit(next, now, |_| LotEventKind::Awarded { award }))
}

/// Any phase before awarded → cancelled, with a reason.
pub fn cancel(
    state: &LotState,
    reason: &str,
    now: OffsetDateTime,
) -> Result<Transition, TransitionError> {
    let from = [Phase::Draft, Phase::Scheduled, Phase::Open, Phase::Closed];
    expect_phase(state, &from, Phase::Cancelled)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(TransitionError::ReasonRequired);
    }
    let mut next = state.clone();
    next.phase = Phase::Cancelled;
    Ok(emit(next, now, |_| LotEventKind::Cancelled {
        reason: reason.to_owned(),
    }))
}

/// Makes every transition due at `now`: opening at `opens_at`, closing at the live end (both,
/// in order, after a long outage). No events when nothing is due.
pub fn advance(rules: &LotRules, state: &LotState, now: OffsetDateTime) -> Transition {
    let mut current = Transition {
        state: state.clone(),
        events: Vec::new(),
    };
    loop {
        let step = match current.state.phase {
            Phase::Scheduled => open(rules, &current.state, now),
            Phase::Open => close(rules, &current.state, now),
            _ => return current,
        };
        match step {
            Ok(Transition { state, events }) => {
                current.state = state;
                current.events.extend(events);
            }
            Err(_) => return current,
        }
    }
}

fn expect_phase(state: &LotState, from: &[Phase], to: Phase) -> Result<(), TransitionError> {
    if from.contains(&state.phase) {
        Ok(())
    } else {
        Err(TransitionError::NotAllowed {
            from: state.phase,
            to,
        })
    }
}

/// Records the single event of a transition, built from the new state.
fn emit(
    mut state: LotState,
    now: OffsetDateTime,
    kind: impl FnOnce(&LotState) -> LotEventKind,
) -> Transition {
    let mut events = Vec::new();
    let kind = kind(&state);
    state.record(&mut events, now, kind);
    Transition { state, events }
}
