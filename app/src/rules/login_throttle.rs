//! Login throttling: too many failed attempts lock an account (or an address) for a while.
//!
//! The server keeps the attempts in PostgreSQL so every instance enforces the same limits; this
//! module only decides, from the failures inside the window, whether another attempt may run.

use time::{Duration, OffsetDateTime};

/// The limits. Per address is looser than per account: offices share one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    pub window: Duration,
    pub max_failures_per_account: usize,
    pub max_failures_per_address: usize,
}

impl ThrottlePolicy {
    pub const DEFAULT: ThrottlePolicy = ThrottlePolicy {
        window: Duration::minutes(15),
        max_failures_per_account: 5,
        max_failures_per_address: 30,
    };
}

/// May another login attempt run now?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThrottleVerdict {
    Allowed,
    /// Locked; the lock lifts after this long.
    Locked {
        retry_after: Duration,
    },
}

/// Decides from the failure times (any order) seen for the account and for the address.
/// A limit of `n` failures inside the window locks until the oldest of the latest `n` leaves it.
pub fn assess(
    policy: ThrottlePolicy,
    account_failures: &[OffsetDateTime],
    address_failures: &[OffsetDateTime],
    now: OffsetDateTime,
) -> ThrottleVerdict {
    let lock_of = |failures: &[OffsetDateTime], limit: usize| -> Option<Duration> {
        let mut recent: Vec<OffsetDateTime> = failures
            .iter()
            .copied()
            .filter(|at| *at > now - policy.window && *at <= now)
            .collect();
        if limit == 0 || recent.len() < limit {
            return None;
        }
        recent.sort_unstable_by(|a, b| b.cmp(a));
        let oldest_counted = recent[limit - 1];
        Some(oldest_counted + policy.window - now)
    };
    let longest = [
        lock_of(account_failures, policy.max_failures_per_account),
        lock_of(address_failures, policy.max_failures_per_address),
    ]
    .into_iter()
    .flatten()
    .max();
    match longest {
        Some(retry_after) => ThrottleVerdict::Locked { retry_after },
        None => ThrottleVerdict::Allowed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-25 10:00 UTC);
    const POLICY: ThrottlePolicy = ThrottlePolicy::DEFAULT;

    fn minutes_ago(minutes: &[i64]) -> Vec<OffsetDateTime> {
        minutes
            .iter()
            .map(|m| NOW - Duration::minutes(*m))
            .collect()
    }

    #[test]
    fn four_failures_still_allow_a_fifth_attempt() {
        assert_eq!(
            assess(POLICY, &minutes_ago(&[1, 2, 3, 4]), &[], NOW),
            ThrottleVerdict::Allowed
        );
    }

    #[test]
    fn five_recent_failures_lock_the_account_until_the_oldest_ages_out() {
        let verdict = assess(POLICY, &minutes_ago(&[1, 2, 3, 4, 10]), &[], NOW);
        assert_eq!(
            verdict,
            ThrottleVerdict::Locked {
                retry_after: Duration::minutes(5)
            }
        );
    }

    #[test]
    fn failures_older_than_the_window_do_not_count() {
        assert_eq!(
            assess(POLICY, &minutes_ago(&[1, 2, 3, 4, 16, 20]), &[], NOW),
            ThrottleVerdict::Allowed
        );
    }

    #[test]
    fn an_address_locks_after_its_own_limit() {
        let failures: Vec<i64> = (0..30).map(|i| i % 14).collect();
        assert!(matches!(
            assess(POLICY, &[], &minutes_ago(&failures), NOW),
            ThrottleVerdict::Locked { .. }
        ));
    }

    proptest! {
        #[test]
        fn a_lock_never_outlasts_the_window(ages in proptest::collection::vec(0i64..900, 0..40)) {
            let failures: Vec<_> = ages.iter().map(|s| NOW - Duration::seconds(*s)).collect();
            if let ThrottleVerdict::Locked { retry_after } = assess(POLICY, &failures, &failures, NOW) {
                prop_assert!(retry_after > Duration::ZERO);
                prop_assert!(retry_after <= POLICY.window);
            }
        }

        #[test]
        fn fewer_failures_than_the_limit_never_lock(ages in proptest::collection::vec(0i64..900, 0..5)) {
            let failures: Vec<_> = ages.iter().map(|s| NOW - Duration::seconds(*s)).collect();
            prop_assert_eq!(assess(POLICY, &failures, &[], NOW), ThrottleVerdict::Allowed);
        }
    }
}
