//! Bid rate limiting per supplier and lot: a token bucket, kept in the lot's sequencer (which
//! sees every attempt in order, so no locking is needed).

use std::collections::HashMap;
use time::OffsetDateTime;
use uuid::Uuid;

/// Sustained bids per second one supplier may place on one lot. Far above what a person types,
/// so it stops only scripts gone wrong (and keeps one supplier from starving the others).
const RATE_PER_SECOND: f64 = 100.0;
/// A burst on top of the rate (a retry storm after a reconnect).
const BURST: f64 = 200.0;

#[derive(Default)]
pub struct BidLimiter {
    buckets: HashMap<Uuid, Bucket>,
}

struct Bucket {
    tokens: f64,
    at: OffsetDateTime,
}

impl BidLimiter {
    /// Takes a token for `supplier`, or says no when the bucket is empty.
    pub fn allow(&mut self, supplier: Uuid, now: OffsetDateTime) -> bool {
        let bucket = self.buckets.entry(supplier).or_insert(Bucket {
            tokens: BURST,
            at: now,
        });
        let elapsed = (now - bucket.at).as_seconds_f64().max(0.0);
        bucket.tokens = (bucket.tokens + elapsed * RATE_PER_SECOND).min(BURST);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_allowed_then_the_rate_applies() {
        let mut limiter = BidLimiter::default();
        let supplier = Uuid::nil();
        let start = OffsetDateTime::UNIX_EPOCH;
        let allowed = (0..300).filter(|_| limiter.allow(supplier, start)).count();
        assert_eq!(allowed, 200);
        let later = start + time::Duration::milliseconds(100);
        let refilled = (0..50).filter(|_| limiter.allow(supplier, later)).count();
        assert_eq!(refilled, 10);
    }

    #[test]
    fn suppliers_have_their_own_buckets() {
        let mut limiter = BidLimiter::default();
        let start = OffsetDateTime::UNIX_EPOCH;
        for _ in 0..200 {
            assert!(limiter.allow(Uuid::nil(), start));
        }
        assert!(!limiter.allow(Uuid::nil(), start));
        assert!(limiter.allow(Uuid::max(), start));
    }
}
