//! The server-synced countdown and the extension notice.
//!
//! Runs on `local clock + offset` (see [`crate::live::clock`]), so every viewer sees the same
//! second whatever their PC clock says. Amber in the last two minutes, red in the last thirty
//! seconds; an extension is announced in words, never by colour alone.

use super::state::use_board;
use crate::i18n::use_i18n;
use crate::live::clock::{format_remaining, format_time, to_ms};
use crate::rules::auction::Phase;
use crate::types::tender::FeedKind;
use leptos::prelude::*;

const AMBER_MS: f64 = 120_000.0;
const RED_MS: f64 = 30_000.0;

#[component]
pub fn Countdown() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let phase = move || board.phase().unwrap_or(Phase::Draft);
    // The instant the clock counts to: the opening while scheduled, the live end while open.
    let target = move || {
        let view_end = board.view.with(|v| v.as_ref().map(|v| v.ends_at()));
        match phase() {
            Phase::Scheduled | Phase::Draft => {
                board.info.with(|i| i.as_ref().map(|i| i.rules.opens_at))
            }
            _ => view_end,
        }
    };
    let remaining = Memo::new(move |_| {
        let now = board.now_ms.get() + board.offset_ms.get();
        target().map_or(0.0, |at| to_ms(at) - now)
    });
    let running = move || matches!(phase(), Phase::Open | Phase::Scheduled | Phase::Draft);
    let urgency = move || match (phase(), remaining.get()) {
        (Phase::Open, ms) if ms <= RED_MS => "countdown countdown-red",
        (Phase::Open, ms) if ms <= AMBER_MS => "countdown countdown-amber",
        (Phase::Open, _) => "countdown",
        _ => "countdown countdown-idle",
    };
    let label = move || match phase() {
        Phase::Open => t().time_left,
        Phase::Scheduled | Phase::Draft => t().opens_in,
        _ => t().ended,
    };
    let clock_text = move || {
        if running() {
            format_remaining(remaining.get())
        } else {
            board
                .view
                .with(|v| v.as_ref().map(|v| format_time(v.ends_at())))
                .unwrap_or_default()
        }
    };
    let extensions = move || {
        board.view.with(|v| match v {
            Some(crate::types::tender::BoardView::Supplier(v)) => v.extensions_used,
            Some(crate::types::tender::BoardView::Buyer { view, .. }) => view.extensions_used,
            None => 0,
        })
    };
    announce_thresholds(remaining);
    view! {
        <div class=urgency>
            <p class="countdown-label">{label}</p>
            <p class="countdown-clock" role="timer" aria-atomic="true">{clock_text}</p>
            <p class="countdown-end muted">
                {move || target().filter(|_| running()).map(format_time)}
                {move || (extensions() > 0).then(|| {
                    let sep = if running() { " · " } else { "" };
                    format!("{sep}{}", (t().extensions_used)(extensions()))
                })}
            </p>
        </div>
        <ExtensionNotice />
    }
}

/// "Extended to 14:32:05 — a bid came 12 s before the end", for the latest extension while
/// the lot is open. Re-created for each new extension so its flash plays again.
#[component]
fn ExtensionNotice() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let latest = Memo::new(move |_| {
        if board.phase() != Some(Phase::Open) {
            return None;
        }
        board.feed.with(|feed| {
            feed.iter().rev().find_map(|e| match e.kind {
                FeedKind::Extended {
                    new_end,
                    remaining_secs,
                    ..
                } => Some((e.sequence, new_end, remaining_secs)),
                _ => None,
            })
        })
    });
    move || {
        latest.get().map(|(_, new_end, secs)| {
            let text = (i18n.t().tenders.extended_notice)(&format_time(new_end), secs);
            view! { <p class="extension-notice" role="status">{text}</p> }
        })
    }
}

/// Tells screen readers at two minutes and thirty seconds (once each per deadline).
fn announce_thresholds(remaining: Memo<f64>) {
    let board = use_board();
    let i18n = use_i18n();
    let stage = StoredValue::new(0u8);
    Effect::new(move |_| {
        let ms = remaining.get();
        if board.phase() != Some(Phase::Open) {
            return;
        }
        let now_stage = match ms {
            ms if ms <= 0.0 => 3,
            ms if ms <= RED_MS => 2,
            ms if ms <= AMBER_MS => 1,
            _ => 0,
        };
        let before = stage.get_value();
        stage.set_value(now_stage);
        let t = i18n.t().tenders;
        match (before, now_stage) {
            (0, 1) => board.announcement.set(t.two_minutes_left.into()),
            (0 | 1, 2) => board.announcement.set(t.thirty_seconds_left.into()),
            _ => {}
        }
    });
}
