//! Anti-sniping: a bid accepted in the last minutes moves the end by the configured extension,
//! never past the cap.
//!
//! The end moves from the *current end*, not from the bid's time, so every extension adds
//! exactly `extension` (the last one under a hard stop is cut short at the stop).

use super::config::{ExtensionCap, ExtensionTrigger, LotRules};
use super::events::ExtensionReason;
use super::state::LotState;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// An extension to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    #[serde(with = "time::serde::rfc3339")]
    pub new_end: OffsetDateTime,
    pub reason: ExtensionReason,
}

/// The extension a bid accepted at `now` earns, if any.
///
/// `state` is the lot before the extension (the bid already counted); `leader_changed` says
/// whether the bid put a different supplier at rank 1; `bid_sequence` numbers the bid.
pub fn extension_for(
    rules: &LotRules,
    state: &LotState,
    leader_changed: bool,
    bid_sequence: u64,
    now: OffsetDateTime,
) -> Option<Extension> {
    let anti = rules.anti_sniping?;
    let remaining = state.ends_at - now;
    if remaining > anti.window || remaining.is_negative() {
        return None;
    }
    let fired = match anti.trigger {
        ExtensionTrigger::AnyAcceptedBid => true,
        ExtensionTrigger::RankOneChange => leader_changed,
    };
    if !fired {
        return None;
    }
    let moved = state.ends_at.checked_add(anti.extension)?;
    let new_end = match anti.cap {
        ExtensionCap::MaxExtensions { count } if state.extensions_used >= count => return None,
        ExtensionCap::MaxExtensions { .. } => moved,
        ExtensionCap::HardStop { at } if state.ends_at >= at => return None,
        ExtensionCap::HardStop { at } => moved.min(at),
    };
    Some(Extension {
        new_end,
        reason: ExtensionReason {
            trigger: anti.trigger,
            bid_sequence,
            remaining_ms: i64::try_from(remaining.whole_milliseconds()).unwrap_or(i64::MAX),
        },
    })
}

/// The latest the lot can end under these rules: `closes_at`, the hard stop, or `closes_at`
/// plus every allowed extension (`None` only if that overflows the calendar).
pub fn latest_possible_end(rules: &LotRules) -> Option<OffsetDateTime> {
    let Some(anti) = rules.anti_sniping else {
        return Some(rules.closes_at);
    };
    match anti.cap {
        ExtensionCap::HardStop { at } => Some(at.max(rules.closes_at)),
        ExtensionCap::MaxExtensions { count } => {
            let total = anti.extension.checked_mul(i32::try_from(count).ok()?)?;
            rules.closes_at.checked_add(total)
        }
    }
}
