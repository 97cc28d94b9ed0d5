//! Invitation lifetime: an invitation link works once, until it expires or is revoked.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// How long an invitation link stays valid.
pub const INVITATION_LIFETIME: Duration = Duration::days(7);

/// Where an invitation stands at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    Pending,
    Accepted,
    Revoked,
    Expired,
}

/// The status of an invitation at `now`. Acceptance and revocation are final and win over expiry.
pub fn invitation_status(
    expires_at: OffsetDateTime,
    accepted_at: Option<OffsetDateTime>,
    revoked_at: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> InvitationStatus {
    if accepted_at.is_some() {
        InvitationStatus::Accepted
    } else if revoked_at.is_some() {
        InvitationStatus::Revoked
    } else if now >= expires_at {
        InvitationStatus::Expired
    } else {
        InvitationStatus::Pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);

    #[test]
    fn an_invitation_is_pending_until_it_expires() {
        let expires = NOW + Duration::minutes(1);
        assert_eq!(
            invitation_status(expires, None, None, NOW),
            InvitationStatus::Pending
        );
        assert_eq!(
            invitation_status(expires, None, None, expires),
            InvitationStatus::Expired
        );
    }

    #[test]
    fn acceptance_is_final_even_after_expiry() {
        let expired = NOW - Duration::days(1);
        assert_eq!(
            invitation_status(expired, Some(expired - Duration::hours(1)), None, NOW),
            InvitationStatus::Accepted
        );
        assert_eq!(
            invitation_status(expired, None, Some(NOW), NOW),
            InvitationStatus::Revoked
        );
    }
}
