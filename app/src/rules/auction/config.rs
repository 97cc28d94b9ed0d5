//! The rule set of one lot, as the buyer configures it; fixed once the lot is scheduled.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// Everything that decides whether a bid on a lot is accepted, and what suppliers may see.
/// Amounts are in the lot's single currency (kept with the lot, not here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotRules {
    /// No bid may exceed it, the first one included.
    pub ceiling: Decimal,
    /// The smallest step down a new bid must make from [`LotRules::decrement_base`].
    pub decrement: Decrement,
    /// What the step is measured from.
    pub decrement_base: DecrementBase,
    pub ties: TiePolicy,
    /// Bidding opens here; sealed pre-bids (if allowed) are taken before it.
    #[serde(with = "time::serde::rfc3339")]
    pub opens_at: OffsetDateTime,
    /// The scheduled end; anti-sniping may push the live end beyond it.
    #[serde(with = "time::serde::rfc3339")]
    pub closes_at: OffsetDateTime,
    /// `None`: the lot ends at `closes_at` whatever happens.
    pub anti_sniping: Option<AntiSniping>,
    /// What suppliers see of the others' bids (never their names).
    pub visibility: SupplierVisibility,
    /// The buyer sees supplier names only once the lot has closed.
    pub blind: bool,
    /// Suppliers may enter sealed bids while the lot is scheduled; they are revealed at opening.
    pub sealed_pre_bids: bool,
    /// Warn (never reject) when a bid is more than this percentage below its reference price.
    pub fat_finger_percent: Option<Decimal>,
}

/// The minimum step down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Decrement {
    /// At least this amount below the base.
    Absolute { amount: Decimal },
    /// At least this percentage of the base below it.
    Percent { percent: Decimal },
}

/// The price the decrement is measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecrementBase {
    /// The lot's best (lowest) live bid: every bid must beat the leader.
    BestPrice,
    /// The bidder's own previous bid: any bidder may improve at their own pace.
    OwnLastBid,
}

/// What happens when a bid equals another supplier's standing bid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TiePolicy {
    /// The bid is refused with [`super::Rejection::TieNotAllowed`].
    Rejected,
    /// The bid stands; the earlier of equal bids ranks higher.
    EarlierRanksHigher,
}

/// Extending the end when bids arrive at the last moment, so nobody wins by sniping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AntiSniping {
    pub trigger: ExtensionTrigger,
    /// A bid this close to the end (or closer) may extend it. Whole seconds on the wire.
    #[serde(rename = "window_secs", with = "seconds")]
    pub window: Duration,
    /// How far each extension moves the end. Whole seconds on the wire.
    #[serde(rename = "extension_secs", with = "seconds")]
    pub extension: Duration,
    pub cap: ExtensionCap,
}

/// Which accepted bids inside the window extend the lot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtensionTrigger {
    AnyAcceptedBid,
    /// Only a bid that puts a different supplier at rank 1 (the first bid of a lot counts).
    RankOneChange,
}

/// How far extensions may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExtensionCap {
    /// At most this many extensions.
    MaxExtensions { count: u32 },
    /// The end never moves past this instant; the last extension is cut short at it.
    HardStop {
        #[serde(with = "time::serde::rfc3339")]
        at: OffsetDateTime,
    },
}

/// What a supplier sees of the competition. Names of other suppliers are never shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplierVisibility {
    OwnRankOnly,
    RankAndBestPrice,
    /// Every rank with its price, anonymous.
    AnonymousLadder,
}

impl SupplierVisibility {
    /// Whether suppliers see the best price.
    pub fn shows_best_price(self) -> bool {
        !matches!(self, SupplierVisibility::OwnRankOnly)
    }
}

/// Serialises a [`Duration`] as whole seconds (sub-second parts are dropped; validation
/// refuses them so nothing is lost).
pub(crate) mod seconds {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Duration;

    pub fn serialize<S: Serializer>(value: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(value.whole_seconds())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
        i64::deserialize(deserializer).map(Duration::seconds)
    }
}
