//! One batch of decisions on a lot, folded in memory before the sequencer commits it: the state
//! after each command, the numbered events, the audit entries and the answers to store.

use super::store::OrderDraft;
use crate::error::ConflictReason;
use crate::rules::auction::{
    self, parse_amount, supplier_view, BidAttempt, LotEvent, LotEventKind, LotRules, LotState,
    Rejection, Transition, TransitionError,
};
use crate::rules::audit_chain::{append, AuditEntry};
use crate::types::tender::{AwardReceipt, BidReceipt};
use crate::types::validation::FieldIssue;
use crate::AppError;
use serde_json::json;
use std::collections::{BTreeSet, HashMap};
use time::OffsetDateTime;
use uuid::Uuid;

/// The pending writes of one batch.
pub struct Work {
    pub state: LotState,
    pub events: Vec<LotEvent>,
    pub audit: Vec<AuditEntry>,
    tail: Option<AuditEntry>,
    /// (supplier, key, stored answer) for every first answer of this batch.
    pub answers: Vec<(Uuid, Uuid, serde_json::Value)>,
    answered: HashMap<(Uuid, Uuid), serde_json::Value>,
    pub order: Option<OrderDraft>,
}

/// What is kept of an answer for replays: the decision, not the view around it.
#[derive(serde::Serialize, serde::Deserialize)]
struct FirstAnswer {
    sequence: u64,
    amount: rust_decimal::Decimal,
    warnings: Vec<crate::rules::auction::BidWarning>,
}

impl From<&BidReceipt> for FirstAnswer {
    fn from(receipt: &BidReceipt) -> Self {
        FirstAnswer {
            sequence: receipt.sequence,
            amount: receipt.amount,
            warnings: receipt.warnings.clone(),
        }
    }
}

/// A bid attempt as it reaches the sequencer.
pub struct BidCommand {
    pub supplier: Uuid,
    pub account: Uuid,
    pub amount: String,
    pub key: Uuid,
}

impl Work {
    pub fn new(state: LotState, tail: Option<AuditEntry>) -> Work {
        Work {
            state,
            events: Vec::new(),
            audit: Vec::new(),
            tail,
            answers: Vec::new(),
            answered: HashMap::new(),
            order: None,
        }
    }

    /// Whether the batch changed anything worth a commit.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.audit.is_empty()
    }

    fn audit(&mut self, kind: &str, payload: serde_json::Value, at: OffsetDateTime) {
        let entry = append(self.tail.as_ref(), kind, payload, at);
        self.tail = Some(entry.clone());
        self.audit.push(entry);
    }

    /// Takes a transition's state and events; every event but the rank shuffles goes to the
    /// audit log too. Ranks follow from the audited bids by the same rules (`rank_bids`), and a
    /// new leader can move every bidder: auditing them would double what a bid writes.
    pub fn apply(&mut self, transition: Transition, at: OffsetDateTime) {
        for event in &transition.events {
            if matches!(event.kind, LotEventKind::RanksChanged { .. }) {
                continue;
            }
            let payload = serde_json::to_value(event).unwrap_or(serde_json::Value::Null);
            self.audit("event", payload, at);
        }
        self.events.extend(transition.events);
        self.state = transition.state;
    }

    /// The first answer already given to this key, in this batch or before it: the same
    /// decision (sequence and amount, or the refusal), with the bidder's view as it is now.
    pub fn replay(
        &self,
        rules: &LotRules,
        earlier: &HashMap<(Uuid, Uuid), serde_json::Value>,
        supplier: Uuid,
        key: Uuid,
    ) -> Option<Result<BidReceipt, AppError>> {
        let stored = self
            .answered
            .get(&(supplier, key))
            .or_else(|| earlier.get(&(supplier, key)))?;
        let first: Result<FirstAnswer, AppError> = serde_json::from_value(stored.clone()).ok()?;
        Some(first.map(|first| BidReceipt {
            sequence: first.sequence,
            amount: first.amount,
            warnings: first.warnings,
            view: supplier_view(rules, &self.state, supplier),
        }))
    }

    /// Decides one bid attempt and records it, accepted or refused, in the audit log.
    pub fn bid(
        &mut self,
        rules: &LotRules,
        command: &BidCommand,
        now: OffsetDateTime,
    ) -> Result<BidReceipt, AppError> {
        let supplier = command.supplier;
        // Eligibility first, so an outsider learns nothing, not even that the amount is bad.
        let decision = if self.state.eligible.contains(&supplier) {
            parse_amount(&command.amount).and_then(|amount| {
                let attempt = BidAttempt { supplier, amount };
                auction::decide(rules, &self.state, &attempt, now).map(|a| (amount, a))
            })
        } else {
            Err(Rejection::NotEligible)
        };
        let typed: String = command.amount.chars().take(40).collect();
        let answer = match decision {
            Ok((amount, accepted)) => {
                let sequence = accepted.events.first().map_or(0, |e| e.sequence);
                self.audit(
                    "bid_attempt",
                    json!({"supplier": supplier, "account": command.account, "amount": typed,
                           "idempotency_key": command.key, "outcome": "accepted", "sequence": sequence}),
                    now,
                );
                let warnings = accepted.warnings.clone();
                self.apply(
                    Transition {
                        state: accepted.state,
                        events: accepted.events,
                    },
                    now,
                );
                Ok(BidReceipt {
                    sequence,
                    amount,
                    warnings,
                    view: supplier_view(rules, &self.state, supplier),
                })
            }
            Err(rejection) => {
                self.audit(
                    "bid_attempt",
                    json!({"supplier": supplier, "account": command.account, "amount": typed,
                           "idempotency_key": command.key, "outcome": "refused", "reason": rejection}),
                    now,
                );
                Err(AppError::BidRejected { rejection })
            }
        };
        // Stored small (no view): one row per attempt is written in the bid's transaction.
        let first = answer.as_ref().map(FirstAnswer::from).map_err(Clone::clone);
        let stored = serde_json::to_value(&first).unwrap_or(serde_json::Value::Null);
        self.answered
            .insert((supplier, command.key), stored.clone());
        self.answers.push((supplier, command.key, stored));
        answer
    }

    /// A refused attempt that never reached the rules (too many bids too fast).
    pub fn rate_limited(&mut self, command: &BidCommand, now: OffsetDateTime) -> AppError {
        self.audit(
            "bid_attempt",
            json!({"supplier": command.supplier, "account": command.account,
                   "idempotency_key": command.key, "outcome": "rate_limited"}),
            now,
        );
        AppError::RateLimited {
            retry_after_secs: 1,
        }
    }

    /// Replaces the eligible set of a live lot (a supplier suspended or re-approved); only while
    /// scheduled or open, and recorded in the audit log.
    pub fn set_eligible(&mut self, eligible: BTreeSet<Uuid>, now: OffsetDateTime) {
        use crate::rules::auction::Phase;
        if !matches!(self.state.phase, Phase::Scheduled | Phase::Open)
            || eligible == self.state.eligible
        {
            return;
        }
        let added: Vec<Uuid> = eligible.difference(&self.state.eligible).copied().collect();
        let removed: Vec<Uuid> = self.state.eligible.difference(&eligible).copied().collect();
        self.audit(
            "eligibility_changed",
            json!({"added": added, "removed": removed}),
            now,
        );
        self.state.eligible = eligible;
    }

    /// Draft → scheduled with the suppliers who may bid.
    pub fn schedule(
        &mut self,
        rules: &LotRules,
        eligible: BTreeSet<Uuid>,
        account: Uuid,
        now: OffsetDateTime,
    ) -> Result<(), AppError> {
        let mut state = self.state.clone();
        state.eligible = eligible;
        let transition = auction::schedule(rules, &state, now).map_err(transition_error)?;
        let suppliers: Vec<Uuid> = transition.state.eligible.iter().copied().collect();
        self.audit(
            "published",
            json!({"account": account, "eligible": suppliers}),
            now,
        );
        self.apply(transition, now);
        Ok(())
    }

    /// Closed → awarded, with the winner's order draft.
    pub fn award(
        &mut self,
        supplier: Uuid,
        reason: Option<&str>,
        account: Uuid,
        now: OffsetDateTime,
    ) -> Result<AwardReceipt, AppError> {
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        let transition =
            auction::award(&self.state, supplier, reason, now).map_err(transition_error)?;
        let award = transition
            .state
            .award
            .clone()
            .ok_or_else(|| AppError::conflict(ConflictReason::LotPhase))?;
        let unit_price = self
            .state
            .bid_of(supplier)
            .map(|bid| bid.amount)
            .ok_or_else(|| AppError::field("supplier", FieldIssue::InvalidChoice))?;
        let order_id = Uuid::now_v7();
        self.audit(
            "awarded_by",
            json!({"account": account, "supplier": supplier, "order_id": order_id}),
            now,
        );
        self.apply(transition, now);
        self.order = Some(OrderDraft {
            order_id,
            supplier,
            unit_price,
        });
        Ok(AwardReceipt { award, order_id })
    }

    pub fn cancel(
        &mut self,
        reason: &str,
        account: Uuid,
        now: OffsetDateTime,
    ) -> Result<(), AppError> {
        let transition = auction::cancel(&self.state, reason, now).map_err(transition_error)?;
        self.audit("cancelled_by", json!({"account": account}), now);
        self.apply(transition, now);
        Ok(())
    }
}

/// A refused phase change: the caller's input (422) or the lot's phase (409).
pub fn transition_error(error: TransitionError) -> AppError {
    match error {
        TransitionError::NotAllowed { .. } | TransitionError::TooEarly { .. } => {
            AppError::conflict(ConflictReason::LotPhase)
        }
        TransitionError::ReasonRequired => AppError::field("reason", FieldIssue::Required),
        TransitionError::NoSuchBidder => AppError::field("supplier", FieldIssue::InvalidChoice),
        TransitionError::EndPassed => AppError::field("closes_at", FieldIssue::InThePast),
        TransitionError::NoEligibleSuppliers => {
            AppError::conflict(ConflictReason::NoEligibleSuppliers)
        }
        TransitionError::InvalidRules { issues } => {
            let mut fields = crate::types::FieldErrors::default();
            for issue in issues {
                let field = issue.field().to_owned();
                fields.add(&field, FieldIssue::AuctionRule { issue });
            }
            AppError::Validation { fields }
        }
    }
}
