//! Tests of the qualification state machine and trading eligibility.

use super::*;
use proptest::prelude::*;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

fn to(
    current: QualificationStatus,
    action: Action,
) -> Result<QualificationStatus, TransitionError> {
    transition(current, action, NOW).map(|change| change.to)
}

fn staff(note: &str) -> Action {
    Action::Suspend {
        reason: SuspensionReason::Staff { note: note.into() },
    }
}

/// Every legal (from, action) → to, as the module documents it.
const LEGAL: [(QualificationStatus, ActionKind, QualificationStatus); 7] = [
    (
        QualificationStatus::Applied,
        ActionKind::StartReview,
        QualificationStatus::UnderReview,
    ),
    (
        QualificationStatus::UnderReview,
        ActionKind::Approve,
        QualificationStatus::Approved,
    ),
    (
        QualificationStatus::UnderReview,
        ActionKind::Reject,
        QualificationStatus::Rejected,
    ),
    (
        QualificationStatus::Rejected,
        ActionKind::Submit,
        QualificationStatus::UnderReview,
    ),
    (
        QualificationStatus::Approved,
        ActionKind::Suspend,
        QualificationStatus::Suspended,
    ),
    (
        QualificationStatus::Suspended,
        ActionKind::Reinstate,
        QualificationStatus::Approved,
    ),
    (
        QualificationStatus::Suspended,
        ActionKind::ReplaceDocument,
        QualificationStatus::UnderReview,
    ),
];

#[test]
fn an_application_goes_through_review_to_approval() {
    let reviewing = to(QualificationStatus::Applied, Action::StartReview).unwrap();
    assert_eq!(reviewing, QualificationStatus::UnderReview);
    assert_eq!(
        to(reviewing, Action::Approve),
        Ok(QualificationStatus::Approved)
    );
}

#[test]
fn a_rejection_carries_the_reason_the_supplier_sees() {
    let change = transition(
        QualificationStatus::UnderReview,
        Action::Reject {
            reason: "  licence is illegible ".into(),
        },
        NOW,
    )
    .unwrap();
    assert_eq!(change.to, QualificationStatus::Rejected);
    assert_eq!(change.at, NOW);
    assert_eq!(
        change.reason,
        Some(ChangeReason::Rejected {
            reason: "licence is illegible".into()
        })
    );
}

#[test]
fn a_rejection_without_a_reason_is_refused() {
    let blank = Action::Reject {
        reason: "   ".into(),
    };
    assert_eq!(
        to(QualificationStatus::UnderReview, blank),
        Err(TransitionError::ReasonRequired)
    );
}

#[test]
fn a_staff_suspension_needs_a_note_but_an_expiry_does_not() {
    assert_eq!(
        to(QualificationStatus::Approved, staff("")),
        Err(TransitionError::ReasonRequired)
    );
    let expired = Action::Suspend {
        reason: SuspensionReason::DocumentExpired {
            document: DocumentKind::BusinessLicence,
        },
    };
    assert_eq!(
        to(QualificationStatus::Approved, expired),
        Ok(QualificationStatus::Suspended)
    );
}

#[test]
fn a_rejected_supplier_resubmits_straight_into_review() {
    assert_eq!(
        to(QualificationStatus::Rejected, Action::Submit),
        Ok(QualificationStatus::UnderReview)
    );
}

#[test]
fn a_suspended_supplier_is_reinstated_to_approved() {
    assert_eq!(
        to(QualificationStatus::Suspended, Action::Reinstate),
        Ok(QualificationStatus::Approved)
    );
}

#[test]
fn an_application_cannot_be_approved_before_review() {
    assert_eq!(
        to(QualificationStatus::Applied, Action::Approve),
        Err(TransitionError::NotAllowed {
            from: QualificationStatus::Applied,
            action: ActionKind::Approve
        })
    );
}

#[test]
fn only_an_approved_supplier_outside_the_blocked_band_may_trade() {
    use QualificationStatus as S;
    assert_eq!(can_trade(S::Approved, Band::Standard), Ok(()));
    assert_eq!(can_trade(S::Approved, Band::Warned), Ok(()));
    assert_eq!(
        can_trade(S::Approved, Band::Blocked),
        Err(NotEligible::BlockedBand)
    );
    assert_eq!(
        can_trade(S::Applied, Band::Preferred),
        Err(NotEligible::NotYetReviewed)
    );
    assert_eq!(
        can_trade(S::UnderReview, Band::Preferred),
        Err(NotEligible::UnderReview)
    );
    assert_eq!(
        can_trade(S::Rejected, Band::Preferred),
        Err(NotEligible::Rejected)
    );
    assert_eq!(
        can_trade(S::Suspended, Band::Blocked),
        Err(NotEligible::Suspended)
    );
}

fn any_status() -> impl Strategy<Value = QualificationStatus> {
    proptest::sample::select(QualificationStatus::ALL.to_vec())
}

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Submit),
        Just(Action::StartReview),
        Just(Action::Approve),
        "[ a-z]{0,8}".prop_map(|reason| Action::Reject { reason }),
        Just(Action::Suspend {
            reason: SuspensionReason::ScoreBand
        }),
        "[ a-z]{0,8}".prop_map(staff_note),
        Just(Action::Reinstate),
        Just(Action::ReplaceDocument),
    ]
}

fn staff_note(note: String) -> Action {
    Action::Suspend {
        reason: SuspensionReason::Staff { note },
    }
}

proptest! {
    #[test]
    fn no_transition_leaves_the_documented_table(status in any_status(), action in any_action()) {
        let kind = action.kind();
        let legal = LEGAL.iter().find(|(from, k, _)| *from == status && *k == kind);
        match (transition(status, action, NOW), legal) {
            (Ok(change), Some((_, _, target))) => {
                prop_assert_eq!(change.from, status);
                prop_assert_eq!(change.to, *target);
                let explained = matches!(
                    change.to,
                    QualificationStatus::Rejected | QualificationStatus::Suspended
                );
                prop_assert_eq!(change.reason.is_some(), explained);
            }
            (Ok(change), None) => prop_assert!(false, "illegal {:?} accepted: {:?}", kind, change),
            (Err(error), Some(_)) => prop_assert_eq!(error, TransitionError::ReasonRequired),
            (Err(error), None) => prop_assert_eq!(
                error,
                TransitionError::NotAllowed { from: status, action: kind }
            ),
        }
    }
}
