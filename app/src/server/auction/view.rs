//! What each viewer may see of a lot: the board view, the event feed and the price history,
//! cut from the full facts. Suppliers never learn who else bid; amounts only where their
//! visibility shows prices; sealed pre-bids of others never.

use super::service::Viewer;
use super::LotSnapshot;
use crate::rules::auction::{
    buyer_view, supplier_view, LotEvent, LotEventKind, LotRules, LotState, SupplierVisibility,
};
use crate::types::tender::{BoardUpdate, BoardView, FeedEvent, FeedKind, PricePoint};
use rust_decimal::Decimal;
use time::OffsetDateTime;
use uuid::Uuid;

/// The viewer's view of the lot's standing.
pub fn board_view(
    viewer: Viewer,
    rules: &LotRules,
    state: &LotState,
    names: &[(Uuid, String)],
) -> BoardView {
    match viewer {
        Viewer::Supplier(supplier) => BoardView::Supplier(supplier_view(rules, state, supplier)),
        Viewer::Buyer | Viewer::Staff => {
            let view = buyer_view(rules, state);
            let names = if view.names_hidden && viewer == Viewer::Buyer {
                Vec::new()
            } else {
                names.to_vec()
            };
            BoardView::Buyer { view, names }
        }
    }
}

/// The live update for a viewer who has seen everything up to `after`.
pub fn board_update(
    viewer: Viewer,
    snapshot: &LotSnapshot,
    after: u64,
    names: &[(Uuid, String)],
) -> BoardUpdate {
    let newer: Vec<&LotEvent> = snapshot
        .recent
        .iter()
        .filter(|event| event.sequence > after)
        .collect();
    let latest = snapshot.state.sequence;
    // Complete when the kept events reach back to `after + 1` (or nothing is new).
    let complete = latest <= after || newer.first().is_some_and(|e| e.sequence == after + 1);
    BoardUpdate {
        server_now: super::now(),
        after,
        complete,
        view: board_view(viewer, &snapshot.rules, &snapshot.state, names),
        events: feed(viewer, &snapshot.rules, &snapshot.state, newer),
    }
}

/// The events cut to the viewer, in order.
pub fn feed<'a>(
    viewer: Viewer,
    rules: &LotRules,
    state: &LotState,
    events: impl IntoIterator<Item = &'a LotEvent>,
) -> Vec<FeedEvent> {
    events
        .into_iter()
        .filter_map(|event| {
            feed_kind(viewer, rules, state, &event.kind).map(|kind| FeedEvent {
                sequence: event.sequence,
                at: event.at,
                kind,
            })
        })
        .collect()
}

fn feed_kind(
    viewer: Viewer,
    rules: &LotRules,
    state: &LotState,
    kind: &LotEventKind,
) -> Option<FeedKind> {
    let own = |supplier: &Uuid| viewer == Viewer::Supplier(*supplier);
    let full = matches!(viewer, Viewer::Buyer | Viewer::Staff);
    Some(match kind {
        LotEventKind::Scheduled { .. } => FeedKind::Scheduled,
        LotEventKind::SealedBidAccepted { supplier, amount } => {
            if !full && !own(supplier) {
                return None;
            }
            FeedKind::SealedBidPlaced {
                amount: own(supplier).then_some(*amount),
                yours: own(supplier),
            }
        }
        LotEventKind::Opened {
            revealed_sealed_bids,
        } => FeedKind::Opened {
            revealed_sealed_bids: *revealed_sealed_bids,
        },
        LotEventKind::BidAccepted { supplier, amount } => {
            let shown =
                full || own(supplier) || rules.visibility == SupplierVisibility::AnonymousLadder;
            FeedKind::BidPlaced {
                amount: shown.then_some(*amount),
                yours: own(supplier),
                bidder_no: full.then(|| bidder_no(state, *supplier)),
            }
        }
        LotEventKind::RanksChanged { changes } => {
            let Viewer::Supplier(me) = viewer else {
                return None;
            };
            let change = changes.iter().find(|c| c.supplier == me)?;
            FeedKind::YourRank {
                from: change.from,
                to: change.to,
            }
        }
        LotEventKind::Extended {
            reason,
            new_end,
            extensions_used,
            ..
        } => FeedKind::Extended {
            new_end: *new_end,
            extensions_used: *extensions_used,
            remaining_secs: reason.remaining_ms / 1000,
        },
        LotEventKind::Closed { .. } => FeedKind::Closed,
        LotEventKind::Awarded { award } => FeedKind::Awarded {
            yours: match viewer {
                Viewer::Supplier(me) => Some(award.supplier == me),
                _ => None,
            },
        },
        LotEventKind::Cancelled { reason } => FeedKind::Cancelled {
            reason: reason.clone(),
        },
    })
}

/// The buyer's anonymous number for a bidder: the order of their first bid.
fn bidder_no(state: &LotState, supplier: Uuid) -> u32 {
    state
        .bids
        .iter()
        .position(|bid| bid.supplier == supplier)
        .map_or(0, |i| u32::try_from(i + 1).unwrap_or(u32::MAX))
}

/// Price points for the chart: the best price after each bid, or (for a supplier who may see
/// only their rank) their own bids.
pub fn history(
    viewer: Viewer,
    rules: &LotRules,
    bids: &[(u64, OffsetDateTime, Uuid, Decimal)],
) -> Vec<PricePoint> {
    let own_only = match viewer {
        Viewer::Supplier(_) => !rules.visibility.shows_best_price(),
        _ => false,
    };
    let mut best: Option<Decimal> = None;
    let mut points = Vec::new();
    for (sequence, at, supplier, amount) in bids {
        let amount = if own_only {
            if viewer != Viewer::Supplier(*supplier) {
                continue;
            }
            *amount
        } else {
            let lower = best.map_or(*amount, |b| b.min(*amount));
            if best == Some(lower) {
                continue;
            }
            best = Some(lower);
            lower
        };
        points.push(PricePoint {
            sequence: *sequence,
            at: *at,
            amount,
        });
    }
    points
}
