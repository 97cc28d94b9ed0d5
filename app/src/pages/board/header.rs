//! The board's header: what is being bought, the phase, the rules in one line, and whether
//! the numbers are live.

use super::state::use_board;
use crate::i18n::use_i18n;
use crate::live::lot_feed::Connection;
use crate::pages::tenders::format::{money, quantity, PhaseChip};
use crate::rules::auction::{Decrement, Phase};
use leptos::prelude::*;

#[component]
pub fn BoardHeader() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let phase = Signal::derive(move || board.phase().unwrap_or(Phase::Draft));
    let info = move || board.info.get();
    let step = move || {
        let info = info()?;
        let text = match info.rules.decrement {
            Decrement::Absolute { amount } => money(amount, &info.currency, i18n.locale()),
            Decrement::Percent { percent } => format!("{} %", percent.normalize()),
        };
        Some((t().step_summary)(&text))
    };
    let ceiling = move || {
        let info = info()?;
        Some(format!(
            "{}: {}",
            t().ceiling,
            money(info.rules.ceiling, &info.currency, i18n.locale())
        ))
    };
    view! {
        <div class="board-header">
            <div class="board-titles">
                <p class="board-tender muted">
                    {move || info().map(|i| format!("{} · {}", i.tender_reference, i.tender_title))}
                </p>
                <h1>{move || info().map(|i| i.lot_title)} " " <PhaseChip phase /></h1>
                <p class="board-facts">
                    <span class="num">{move || info().map(|i| quantity(i.quantity, &i.unit))}</span>
                    <span>{move || info().map(|i| i.currency)}</span>
                    <span>{ceiling}</span>
                    <span>{step}</span>
                </p>
            </div>
            <ConnectionBadge />
        </div>
    }
}

/// Live / connecting / reconnecting, announced when it changes.
#[component]
fn ConnectionBadge() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let state = move || board.connection.get();
    let class = move || match state() {
        Connection::Live => "conn conn-live",
        Connection::Connecting => "conn conn-connecting",
        Connection::Reconnecting => "conn conn-down",
        Connection::Finished => "conn conn-finished",
    };
    let text = move || match state() {
        Connection::Live => Some(t().connection_live),
        Connection::Connecting => Some(t().connection_connecting),
        Connection::Reconnecting => Some(t().connection_reconnecting),
        Connection::Finished => None,
    };
    view! {
        <p class=class role="status" aria-live="polite">
            <span class="conn-dot" aria-hidden="true"></span>
            {text}
        </p>
    }
}
