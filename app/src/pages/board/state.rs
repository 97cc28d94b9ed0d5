//! The board's state: the lot's fixed facts, the live view, feed, price history and clock
//! offset, and how snapshots and live updates change them.

use crate::i18n::{use_i18n, I18n};
use crate::live::clock;
use crate::live::lot_feed::{Connection, LiveHandle};
use crate::pages::tenders::format::money;
use crate::rules::auction::{outbid, LotRules, Phase};
use crate::types::tender::{BoardUpdate, BoardView, FeedEvent, LotBoard, PricePoint};
use crate::AppError;
use leptos::prelude::*;
use rust_decimal::Decimal;
use time::OffsetDateTime;
use uuid::Uuid;

/// The most feed lines kept in the browser (the audit export has everything).
const FEED_LIMIT: usize = 300;

/// What does not change while a lot is watched (only a snapshot may replace it).
#[derive(Debug, Clone, PartialEq)]
pub struct LotInfo {
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
}

/// Every signal of one board, shared by its parts through context.
#[derive(Clone, Copy)]
pub struct Board {
    pub info: RwSignal<Option<LotInfo>>,
    pub view: RwSignal<Option<BoardView>>,
    pub feed: RwSignal<Vec<FeedEvent>>,
    pub history: RwSignal<Vec<PricePoint>>,
    /// `server_now − local now` in ms, measured at the last message.
    pub offset_ms: RwSignal<f64>,
    /// The local clock, ticking four times a second.
    pub now_ms: RwSignal<f64>,
    pub connection: RwSignal<Connection>,
    pub error: RwSignal<Option<AppError>>,
    /// The supplier's new rank when they were just outbid (until they lead again or dismiss).
    pub outbid: RwSignal<Option<u32>>,
    /// The latest sentence for screen readers.
    pub announcement: RwSignal<String>,
    pub handle: StoredValue<Option<LiveHandle>, LocalStorage>,
    /// Kept here because live updates arrive outside any component's context.
    i18n: I18n,
}

impl Board {
    /// Creates the board's signals and provides them to its parts.
    pub fn provide() -> Self {
        let board = Board {
            info: RwSignal::new(None),
            view: RwSignal::new(None),
            feed: RwSignal::new(Vec::new()),
            history: RwSignal::new(Vec::new()),
            offset_ms: RwSignal::new(0.0),
            now_ms: RwSignal::new(clock::local_now_ms()),
            connection: RwSignal::new(Connection::Connecting),
            error: RwSignal::new(None),
            outbid: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            handle: StoredValue::new_local(None),
            i18n: use_i18n(),
        };
        provide_context(board);
        board
    }

    /// The server's "now" as of the last tick.
    pub fn server_now(&self) -> OffsetDateTime {
        clock::from_ms(self.now_ms.get() + self.offset_ms.get())
    }

    /// Asks the connection to reload the snapshot (after a bid or an award).
    pub fn resync(&self) {
        self.handle.with_value(|h| {
            if let Some(handle) = h {
                handle.resync();
            }
        });
    }

    pub fn phase(&self) -> Option<Phase> {
        self.view.with(|v| v.as_ref().map(BoardView::phase))
    }

    /// Whether the numbers shown are current: live, or final (nothing can change any more).
    pub fn is_live(&self) -> bool {
        matches!(
            self.connection.get(),
            Connection::Live | Connection::Finished
        )
    }

    fn sync_clock(&self, server_now: OffsetDateTime) {
        let offset = clock::to_ms(server_now) - clock::local_now_ms();
        self.offset_ms.try_set(offset);
    }

    /// Replaces everything with a fresh snapshot.
    pub fn apply_snapshot(&self, board: LotBoard) {
        self.sync_clock(board.server_now);
        let info = LotInfo {
            lot_id: board.lot_id,
            tender_id: board.tender_id,
            tender_reference: board.tender_reference,
            tender_title: board.tender_title,
            lot_title: board.lot_title,
            specification: board.specification,
            quantity: board.quantity,
            unit: board.unit,
            currency: board.currency,
            rules: board.rules,
        };
        if self.info.with_untracked(|old| old.as_ref() != Some(&info)) {
            self.info.try_set(Some(info));
        }
        self.error.try_set(None);
        self.feed.try_set(board.feed);
        self.history.try_set(board.history);
        self.set_view(board.view);
    }

    /// Applies an in-sequence live update.
    pub fn apply_update(&self, update: BoardUpdate) {
        self.sync_clock(update.server_now);
        let at = update.events.last().map_or(update.server_now, |e| e.at);
        if let Some(text) = self.describe(&update.events) {
            self.announcement.try_set(text);
        }
        self.feed.try_update(|feed| {
            let last = feed.last().map_or(0, |e| e.sequence);
            feed.extend(update.events.into_iter().filter(|e| e.sequence > last));
            let excess = feed.len().saturating_sub(FEED_LIMIT);
            feed.drain(..excess);
        });
        self.extend_history(&update.view, at);
        self.set_view(update.view);
    }

    /// Takes a view from a bid receipt when it is newer than the one shown.
    pub fn apply_receipt_view(&self, view: BoardView) {
        let newer = self
            .view
            .with_untracked(|v| v.as_ref().is_none_or(|v| view.sequence() > v.sequence()));
        if newer {
            self.set_view(view);
        }
    }

    fn set_view(&self, next: BoardView) {
        let flash = self
            .view
            .with_untracked(|previous| match (previous, &next) {
                (Some(BoardView::Supplier(before)), BoardView::Supplier(now)) => {
                    outbid(before, now).then_some(now.own_rank).flatten()
                }
                _ => None,
            });
        if let Some(rank) = flash {
            self.outbid.try_set(Some(rank));
        } else if let BoardView::Supplier(now) = &next {
            // Back in the lead (or no longer bidding): the warning has done its job.
            if now.own_rank == Some(1) || now.phase != Phase::Open {
                self.outbid.try_set(None);
            }
        }
        self.view.try_set(Some(next));
    }

    /// A new point for the chart when the shown price moved.
    fn extend_history(&self, view: &BoardView, at: OffsetDateTime) {
        let shows_best = self.info.with_untracked(|i| {
            i.as_ref()
                .is_some_and(|i| i.rules.visibility.shows_best_price())
        });
        let Some(amount) = chart_price(view, shows_best) else {
            return;
        };
        self.history.try_update(|history| {
            if history.last().map(|p| p.amount) != Some(amount) {
                history.push(PricePoint {
                    sequence: view.sequence(),
                    at,
                    amount,
                });
            }
        });
    }

    /// The sentence a screen reader hears for the most telling event of an update.
    fn describe(&self, events: &[FeedEvent]) -> Option<String> {
        use crate::types::tender::FeedKind;
        let t = self.i18n.t().tenders;
        let currency = self
            .info
            .with_untracked(|i| i.as_ref().map(|i| i.currency.clone()))
            .unwrap_or_default();
        let locale = self.i18n.locale();
        let money = |a| money(a, &currency, locale);
        let event = events.iter().rev().find(|e| {
            matches!(
                e.kind,
                FeedKind::Extended { .. }
                    | FeedKind::Closed
                    | FeedKind::Awarded { .. }
                    | FeedKind::Opened { .. }
                    | FeedKind::YourRank { .. }
            )
        })?;
        Some((t.feed_text)(&event.kind, &money, &clock::format_time))
    }
}

/// The price the chart follows: the best price, or a supplier's own bid when the rules hide it.
pub fn chart_price(view: &BoardView, shows_best: bool) -> Option<Decimal> {
    match view {
        BoardView::Supplier(v) if shows_best => v.best_price,
        BoardView::Supplier(v) => v.own_amount,
        BoardView::Buyer { view, .. } => view.ladder.first().map(|r| r.amount),
    }
}

/// The board of the enclosing page.
pub fn use_board() -> Board {
    expect_context::<Board>()
}
