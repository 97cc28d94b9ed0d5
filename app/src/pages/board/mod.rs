//! `/lots/:id`: the live bidding board suppliers and buyers watch.
//!
//! The page owns the live connection ([`crate::live::lot_feed`]) and the clock tick; the parts
//! (countdown, supplier panel and bid box, buyer ladder and award, chart, feed) read the shared
//! [`state::Board`] from context.

mod award;
mod bid_box;
mod buyer;
mod chart;
mod countdown;
mod feed;
mod header;
mod state;
mod supplier;

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::live::lot_feed::{follow, Connection, FeedSink};
use crate::types::tender::BoardView;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use state::Board;
use std::rc::Rc;
use std::time::Duration;

#[component]
pub fn LotBoardPage() -> impl IntoView {
    let params = use_params_map();
    // Re-created when the id changes (one board per lot).
    move || {
        let lot_id = params.read().get("id").and_then(|id| id.parse().ok());
        match lot_id {
            Some(lot_id) => view! { <BoardPage lot_id /> }.into_any(),
            None => view! { <ErrorPanel error=crate::AppError::NotFound /> }.into_any(),
        }
    }
}

#[component]
fn BoardPage(lot_id: uuid::Uuid) -> impl IntoView {
    let board = Board::provide();
    let sink = FeedSink {
        snapshot: Rc::new(move |snapshot| board.apply_snapshot(snapshot)),
        update: Rc::new(move |update| board.apply_update(update)),
        connection: Rc::new(move |state| {
            board.connection.try_set(state);
        }),
        failed: Rc::new(move |error| {
            board.error.try_set(Some(error));
        }),
    };
    let handle = follow(lot_id, sink);
    board.handle.set_value(Some(handle.clone()));
    let ticker = set_interval_with_handle(
        move || {
            board.now_ms.try_set(crate::live::clock::local_now_ms());
        },
        Duration::from_millis(250),
    )
    .ok();
    on_cleanup(move || {
        handle.stop();
        if let Some(ticker) = ticker {
            ticker.clear();
        }
    });
    watch_deadline(board);

    // Memos, so the board is built once and then updated in place, not rebuilt per update.
    let has_view = Memo::new(move |_| board.view.with(Option::is_some));
    let content = move || {
        match (has_view.get(), board.error.get()) {
            (false, Some(error)) => {
                // The connection retries by itself; a refusal (not found, not invited) is final.
                view! { <ErrorPanel error /> }.into_any()
            }
            (false, None) => view! { <SkeletonRows rows=6 /> }.into_any(),
            (true, _) => view! { <BoardBody /> }.into_any(),
        }
    };
    view! {
        <section class="page board" class:board-stale=move || !board.is_live()>
            <p class="board-back">
                {move || board.info.with(|i| i.as_ref().map(|i| {
                    let href = format!("/tenders/{}", i.tender_id);
                    view! { <A href=href>{format!("← {}", i.tender_reference)}</A> }
                }))}
            </p>
            {content}
            <p class="visually-hidden" aria-live="assertive">{move || board.announcement.get()}</p>
        </section>
    }
}

/// The layout: header and countdown across, then the viewer's panel beside chart and feed.
#[component]
fn BoardBody() -> impl IntoView {
    let board = state::use_board();
    let is_supplier = Memo::new(move |_| {
        board
            .view
            .with(|v| matches!(v, Some(BoardView::Supplier(_))))
    });
    view! {
        <header::BoardHeader />
        <div class="board-top">
            <countdown::Countdown />
        </div>
        <div class="board-grid">
            <div class="board-main">
                {move || if is_supplier.get() {
                    view! { <supplier::SupplierPanel /> }.into_any()
                } else {
                    view! { <buyer::BuyerPanel /> }.into_any()
                }}
            </div>
            <div class="board-side">
                <chart::PriceChart />
                <feed::EventFeed />
            </div>
        </div>
    }
}

/// If the clock passes the opening or the end and no update came, the server has surely moved
/// on (or the socket silently died): reload rather than keep showing a stale phase.
fn watch_deadline(board: Board) {
    let last_asked = StoredValue::new(0.0f64);
    Effect::new(move |_| {
        let now = board.now_ms.get() + board.offset_ms.get_untracked();
        let due = board.view.with_untracked(|v| match v {
            Some(view) if view.phase() == crate::rules::auction::Phase::Open => {
                Some(crate::live::clock::to_ms(view.ends_at()))
            }
            Some(view) if view.phase() == crate::rules::auction::Phase::Scheduled => {
                board.info.with_untracked(|i| {
                    i.as_ref()
                        .map(|i| crate::live::clock::to_ms(i.rules.opens_at))
                })
            }
            _ => None,
        });
        let overdue = due.is_some_and(|due| now > due + 3_000.0);
        if overdue && now - last_asked.get_value() > 5_000.0 {
            last_asked.set_value(now);
            if board.connection.get_untracked() != Connection::Finished {
                board.resync();
            }
        }
    });
}
