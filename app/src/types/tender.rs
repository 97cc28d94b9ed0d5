//! Tenders and their live lots as the browser sees them: what a buyer enters, the lists, and the
//! bidding board's snapshot and live updates (the WebSocket speaks [`BoardUpdate`]).

use crate::rules::auction::{Award, BidWarning, BuyerView, LotRules, Phase, SupplierView};
use crate::rules::qualification::band::Band;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// Most lots one tender may have.
pub const MAX_LOTS: usize = 20;
/// Most suppliers one tender may invite.
pub const MAX_INVITED: usize = 200;

/// A new tender as the buyer enters it. Text fields are raw: the server validates them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenderInput {
    pub title: String,
    pub description: String,
    /// ISO 4217 code, e.g. `CNY`.
    pub currency: String,
    pub minimum_band: Option<Band>,
    /// A bid bond amount each invited supplier must lodge (empty: none).
    pub bid_bond: String,
    pub invited_suppliers: Vec<Uuid>,
    pub lots: Vec<LotInput>,
}

/// One lot of a new tender: what is bought and the auction's rule set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotInput {
    pub title: String,
    pub specification: String,
    pub quantity: String,
    pub unit: String,
    pub rules: LotRules,
}

/// A tender's overall state, derived from its lots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TenderStatus {
    Draft,
    Scheduled,
    Open,
    Closed,
    Awarded,
    Cancelled,
}

impl TenderStatus {
    /// The tender is as far along as its least advanced live lot.
    pub fn from_phases(phases: &[Phase]) -> TenderStatus {
        let any = |phase| phases.contains(&phase);
        if phases.is_empty() || any(Phase::Draft) {
            TenderStatus::Draft
        } else if any(Phase::Open) {
            TenderStatus::Open
        } else if any(Phase::Scheduled) {
            TenderStatus::Scheduled
        } else if any(Phase::Closed) {
            TenderStatus::Closed
        } else if any(Phase::Awarded) {
            TenderStatus::Awarded
        } else {
            TenderStatus::Cancelled
        }
    }
}

/// How the caller relates to a tender; decides what they may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TenderRole {
    /// A member of the buying organisation.
    Buyer,
    /// An invited supplier.
    Supplier,
    /// Platform staff (read-only, full view).
    Staff,
}

/// A row of the tender lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenderSummary {
    pub tender_id: Uuid,
    pub reference: String,
    pub title: String,
    pub buyer_name: String,
    pub currency: String,
    pub status: TenderStatus,
    pub lots: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub opens_at: OffsetDateTime,
    /// The latest live end of its lots.
    #[serde(with = "time::serde::rfc3339")]
    pub ends_at: OffsetDateTime,
    pub role: TenderRole,
    /// For a supplier: its best current rank over the tender's lots (`None` before its first bid).
    pub own_rank: Option<u32>,
    /// The lot whose board to open: the first lot still scheduled or open, else the first lot.
    pub board_lot_id: Uuid,
}

/// An invited supplier as the buyer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitedSupplier {
    pub organisation_id: Uuid,
    pub name: String,
    pub bond_status: String,
    /// Whether the supplier may bid now (approved, outside the blocked band, band high enough).
    pub eligible: bool,
}

/// One lot inside a tender's detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotSummary {
    pub lot_id: Uuid,
    pub position: u32,
    pub title: String,
    pub specification: String,
    pub quantity: Decimal,
    pub unit: String,
    pub rules: LotRules,
    pub phase: Phase,
    #[serde(with = "time::serde::rfc3339")]
    pub ends_at: OffsetDateTime,
}

/// A tender with its lots. `invited` is filled for the buyer and staff only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenderDetail {
    pub tender_id: Uuid,
    pub reference: String,
    pub title: String,
    pub description: String,
    pub buyer_organisation_id: Uuid,
    pub buyer_name: String,
    pub currency: String,
    pub minimum_band: Option<Band>,
    pub bid_bond: Option<Decimal>,
    pub status: TenderStatus,
    pub role: TenderRole,
    pub invited: Vec<InvitedSupplier>,
    pub lots: Vec<LotSummary>,
}

/// What the viewer sees of a lot's standing: a supplier's view or the buyer's full ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum BoardView {
    Supplier(SupplierView),
    Buyer {
        view: BuyerView,
        /// Names of the bidders by organisation id; empty while the auction is blind.
        names: Vec<(Uuid, String)>,
    },
}

impl BoardView {
    /// The sequence number of the last event this view includes.
    pub fn sequence(&self) -> u64 {
        match self {
            BoardView::Supplier(view) => view.sequence,
            BoardView::Buyer { view, .. } => view.sequence,
        }
    }

    pub fn phase(&self) -> Phase {
        match self {
            BoardView::Supplier(view) => view.phase,
            BoardView::Buyer { view, .. } => view.phase,
        }
    }

    pub fn ends_at(&self) -> OffsetDateTime {
        match self {
            BoardView::Supplier(view) => view.ends_at,
            BoardView::Buyer { view, .. } => view.ends_at,
        }
    }
}

/// One line of the board's event feed, already cut to what the viewer may know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedEvent {
    pub sequence: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    #[serde(flatten)]
    pub kind: FeedKind,
}

/// What happened, per viewer. Suppliers never learn who bid; amounts only where their
/// visibility shows prices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FeedKind {
    Scheduled,
    Opened {
        revealed_sealed_bids: u32,
    },
    /// A live bid. `amount` is hidden from suppliers who only see their own rank (unless it
    /// is theirs); `bidder_no` is the buyer's anonymous bidder number.
    BidPlaced {
        amount: Option<Decimal>,
        yours: bool,
        bidder_no: Option<u32>,
    },
    /// The viewer's own sealed pre-bid (the buyer sees only a count).
    SealedBidPlaced {
        amount: Option<Decimal>,
        yours: bool,
    },
    /// The viewer's own rank moved (suppliers only).
    YourRank {
        from: Option<u32>,
        to: u32,
    },
    Extended {
        #[serde(with = "time::serde::rfc3339")]
        new_end: OffsetDateTime,
        extensions_used: u32,
        /// Seconds that were left when the bid that fired it came in.
        remaining_secs: i64,
    },
    Closed,
    Awarded {
        /// Suppliers: whether it went to them; the buyer: `None`.
        yours: Option<bool>,
    },
    Cancelled {
        reason: String,
    },
}

/// A point of the price-over-time chart: the best price (or, for a supplier who sees only
/// their rank, their own bid) after an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricePoint {
    pub sequence: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub amount: Decimal,
}

/// Everything the board needs to draw a lot: fetched on load, on reconnect and after a gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotBoard {
    pub lot_id: Uuid,
    pub tender_id: Uuid,
    pub tender_reference: String,
    pub tender_title: String,
    pub lot_title: String,
    pub specification: String,
    pub quantity: Decimal,
    pub unit: String,
    pub currency: String,
    pub rules: LotRules,
    /// The server clock when this was made; the board's countdown runs on it.
    #[serde(with = "time::serde::rfc3339")]
    pub server_now: OffsetDateTime,
    pub view: BoardView,
    /// The latest events, oldest first.
    pub feed: Vec<FeedEvent>,
    pub history: Vec<PricePoint>,
}

/// A live update pushed over `/ws/lots/<id>?after=<sequence>`. `events` are those after
/// `after` up to `view.sequence()`; when `complete` is false some were skipped (a slow viewer
/// or a too-old `after`) and the client reloads the [`LotBoard`] snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardUpdate {
    #[serde(with = "time::serde::rfc3339")]
    pub server_now: OffsetDateTime,
    pub after: u64,
    pub complete: bool,
    pub view: BoardView,
    pub events: Vec<FeedEvent>,
}

/// A bid the server accepted (and stored durably before answering).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BidReceipt {
    /// The sequence number of the `BidAccepted` event.
    pub sequence: u64,
    pub amount: Decimal,
    pub warnings: Vec<BidWarning>,
    /// The bidder's view right after the bid.
    pub view: SupplierView,
}

/// The buyer's award of a closed lot, with the order draft it created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardReceipt {
    pub award: Award,
    pub order_id: Uuid,
}

/// A lot's audit log as exported: JSON lines, and whether the chain verified on export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditExport {
    pub file_name: String,
    pub json_lines: String,
    pub entries: u64,
    pub verified: bool,
    /// The hash of the last entry, to compare with a copy exported earlier.
    pub head_hash: String,
}
