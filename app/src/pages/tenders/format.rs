//! How tender figures look: money in the lot's currency, phase and status chips.

use crate::i18n::{use_i18n, Locale};
use crate::rules::auction::Phase;
use crate::types::money::{format_amount, Currency, Money};
use crate::types::tender::TenderStatus;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// `CNY 1,234.50` (or `¥1,234.50` in Chinese), falling back to the plain amount with its code
/// for a currency we do not know.
pub fn money(amount: Decimal, currency: &str, locale: Locale) -> String {
    match Currency::parse(currency) {
        Ok(code) => Money::new(amount, code).format(locale),
        Err(_) => format!("{currency} {}", format_amount(amount, 2)),
    }
}

/// A quantity with its unit: `1,200 t`.
pub fn quantity(amount: Decimal, unit: &str) -> String {
    format!("{} {unit}", format_amount(amount, 0))
}

fn phase_class(phase: Phase) -> &'static str {
    match phase {
        Phase::Draft => "chip status-draft",
        Phase::Scheduled => "chip status-scheduled",
        Phase::Open => "chip status-open",
        Phase::Closed => "chip status-closed",
        Phase::Awarded => "chip status-awarded",
        Phase::Cancelled => "chip status-cancelled",
    }
}

/// A lot's phase as a coloured chip.
#[component]
pub fn PhaseChip(#[prop(into)] phase: Signal<Phase>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=move || phase_class(phase.get())>
            {move || (i18n.t().tenders.phase_name)(phase.get())}
        </span>
    }
}

/// A tender's status as a chip coloured like the matching lot phase.
#[component]
pub fn StatusChip(status: TenderStatus) -> impl IntoView {
    let i18n = use_i18n();
    let phase = match status {
        TenderStatus::Draft => Phase::Draft,
        TenderStatus::Scheduled => Phase::Scheduled,
        TenderStatus::Open => Phase::Open,
        TenderStatus::Closed => Phase::Closed,
        TenderStatus::Awarded => Phase::Awarded,
        TenderStatus::Cancelled => Phase::Cancelled,
    };
    view! {
        <span class=phase_class(phase)>{move || (i18n.t().tenders.status_name)(status)}</span>
    }
}
