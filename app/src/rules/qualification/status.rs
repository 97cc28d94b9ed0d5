//! The supplier qualification state machine and whether a supplier may quote or bid.
//!
//! `applied → under_review → approved | rejected`, `approved → suspended → approved`, and
//! `rejected → under_review` when the supplier resubmits (the documents are already on file, so a
//! resubmission goes straight back to the review queue rather than to `applied`). Reasons are
//! required wherever the supplier must see why: a rejection and a suspension. A supplier suspended
//! because a required document lapsed goes back to `under_review` when it uploads a valid
//! replacement (`suspended → under_review`); the reviewer then approves it again.

use super::band::Band;
use super::documents::DocumentKind;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Where a supplier stands in qualification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QualificationStatus {
    Applied,
    UnderReview,
    Approved,
    Rejected,
    Suspended,
}

impl QualificationStatus {
    pub const ALL: [QualificationStatus; 5] = [
        QualificationStatus::Applied,
        QualificationStatus::UnderReview,
        QualificationStatus::Approved,
        QualificationStatus::Rejected,
        QualificationStatus::Suspended,
    ];
}

/// Why an approved supplier was suspended; shown to the supplier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SuspensionReason {
    /// The scorecard fell into the blocked band.
    ScoreBand,
    /// A required document lapsed.
    DocumentExpired { document: DocumentKind },
    /// A staff decision, with a note the supplier reads.
    Staff { note: String },
}

/// What someone asks of the state machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// The supplier resubmits after a rejection.
    Submit,
    /// A reviewer picks the application up.
    StartReview,
    Approve,
    Reject {
        reason: String,
    },
    Suspend {
        reason: SuspensionReason,
    },
    Reinstate,
    /// A supplier suspended for a lapsed document uploaded a valid replacement. The caller checks
    /// the suspension was for the document: a staff suspension is lifted by staff only.
    ReplaceDocument,
}

/// The name of an [`Action`] without its data, for errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Submit,
    StartReview,
    Approve,
    Reject,
    Suspend,
    Reinstate,
    ReplaceDocument,
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Submit => ActionKind::Submit,
            Action::StartReview => ActionKind::StartReview,
            Action::Approve => ActionKind::Approve,
            Action::Reject { .. } => ActionKind::Reject,
            Action::Suspend { .. } => ActionKind::Suspend,
            Action::Reinstate => ActionKind::Reinstate,
            Action::ReplaceDocument => ActionKind::ReplaceDocument,
        }
    }
}

/// The reason the supplier sees for its new status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeReason {
    Rejected { reason: String },
    Suspended { reason: SuspensionReason },
}

/// An accepted transition, ready to be stored in the status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub from: QualificationStatus,
    pub to: QualificationStatus,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub reason: Option<ChangeReason>,
}

/// Why a transition was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum TransitionError {
    #[error("cannot {action:?} a supplier that is {from:?}")]
    NotAllowed {
        from: QualificationStatus,
        action: ActionKind,
    },
    #[error("a reason the supplier can read is required")]
    ReasonRequired,
}

/// Applies `action` to a supplier in `current` at `now`.
pub fn transition(
    current: QualificationStatus,
    action: Action,
    now: OffsetDateTime,
) -> Result<StatusChange, TransitionError> {
    use QualificationStatus as S;
    let not_allowed = TransitionError::NotAllowed {
        from: current,
        action: action.kind(),
    };
    let (to, reason) = match (current, action) {
        (S::Rejected, Action::Submit) => (S::UnderReview, None),
        (S::Applied, Action::StartReview) => (S::UnderReview, None),
        (S::UnderReview, Action::Approve) => (S::Approved, None),
        (S::UnderReview, Action::Reject { reason }) => {
            let reason = required(reason)?;
            (S::Rejected, Some(ChangeReason::Rejected { reason }))
        }
        (S::Approved, Action::Suspend { reason }) => {
            let reason = match reason {
                SuspensionReason::Staff { note } => SuspensionReason::Staff {
                    note: required(note)?,
                },
                other => other,
            };
            (S::Suspended, Some(ChangeReason::Suspended { reason }))
        }
        (S::Suspended, Action::Reinstate) => (S::Approved, None),
        (S::Suspended, Action::ReplaceDocument) => (S::UnderReview, None),
        _ => return Err(not_allowed),
    };
    Ok(StatusChange {
        from: current,
        to,
        at: now,
        reason,
    })
}

fn required(text: String) -> Result<String, TransitionError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(TransitionError::ReasonRequired)
    } else {
        Ok(trimmed.to_owned())
    }
}

/// Why a supplier may not quote or bid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum NotEligible {
    #[error("the application has not been reviewed yet")]
    NotYetReviewed,
    #[error("the application is under review")]
    UnderReview,
    #[error("the application was rejected")]
    Rejected,
    #[error("the supplier is suspended")]
    Suspended,
    #[error("the supplier's score is in the blocked band")]
    BlockedBand,
}

/// May a supplier quote or bid? Only an approved supplier outside the blocked band may; a warned
/// band may still trade. The status is checked first, as it is the reason the supplier must fix.
pub fn can_trade(status: QualificationStatus, band: Band) -> Result<(), NotEligible> {
    match status {
        QualificationStatus::Applied => Err(NotEligible::NotYetReviewed),
        QualificationStatus::UnderReview => Err(NotEligible::UnderReview),
        QualificationStatus::Rejected => Err(NotEligible::Rejected),
        QualificationStatus::Suspended => Err(NotEligible::Suspended),
        QualificationStatus::Approved if band == Band::Blocked => Err(NotEligible::BlockedBand),
        QualificationStatus::Approved => Ok(()),
    }
}

#[cfg(test)]
mod tests;
