//! The bid box: type an amount, get the rules' answer at once, press Enter to bid.
//!
//! The browser runs the same [`precheck`] the server decides with, so most mistakes never
//! leave the page; a fat-finger warning asks for confirmation first. Each intended bid gets a
//! fresh idempotency key, reused when a network error forces a retry, so a bid that did reach
//! the server is never placed twice.

use super::state::use_board;
use crate::i18n::use_i18n;
use crate::live::clock::sleep_ms;
use crate::pages::tenders::format::money;
use crate::rules::auction::{parse_amount, precheck, BidWarning, Phase, Rejection};
use crate::types::tender::{BidReceipt, BoardView};
use crate::AppError;
use leptos::html;
use leptos::prelude::*;
use rust_decimal::Decimal;
use uuid::Uuid;

/// Automatic retries of one bid after network errors (same key each time).
const RETRIES: u32 = 3;

/// What the box says under the input after a submission.
#[derive(Clone)]
enum Said {
    Accepted(Decimal),
    Rejected(Rejection),
    Failed(AppError),
}

/// Rejections that depend only on the amount and what the supplier sees. Phase and eligibility
/// answers go to the server, whose clock opens and closes the lot.
fn blocks(rejection: &Rejection) -> bool {
    !matches!(
        rejection,
        Rejection::NotEligible | Rejection::NotOpen { .. }
    )
}

#[component]
pub fn BidBox() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let lot_id = board
        .info
        .with_untracked(|i| i.as_ref().map(|i| i.lot_id))
        .unwrap_or_default();
    let amount = RwSignal::new(String::new());
    let confirming = RwSignal::new(Vec::<BidWarning>::new());
    let said = RwSignal::new(None::<Said>);
    let retrying = RwSignal::new(false);
    // The idempotency key of the bid the supplier means to place, with the text it was for.
    let intent = StoredValue::new(None::<(String, Uuid)>);
    let input = NodeRef::<html::Input>::new();
    let currency = move || {
        board
            .info
            .with(|i| i.as_ref().map(|i| i.currency.clone()).unwrap_or_default())
    };
    let show = move |a: Decimal| money(a, &currency(), i18n.locale());

    let check = Memo::new(move |_| {
        let raw = amount.get();
        if raw.trim().is_empty() {
            return None;
        }
        let parsed = match parse_amount(&raw) {
            Ok(parsed) => parsed,
            Err(rejection) => return Some(Err(rejection)),
        };
        let rules = board.info.with(|i| i.as_ref().map(|i| i.rules.clone()))?;
        let view = board.view.with(|v| match v {
            Some(BoardView::Supplier(view)) => Some(view.clone()),
            _ => None,
        })?;
        Some(precheck(&rules, &view, parsed, board.server_now()))
    });

    let place = Action::new_local(move |(raw, key): &(String, Uuid)| {
        let (raw, key) = (raw.clone(), *key);
        async move {
            let mut attempt = 0;
            loop {
                match crate::api::lots::place_bid(lot_id, raw.clone(), key).await {
                    Err(AppError::Network { .. }) if attempt < RETRIES => {
                        attempt += 1;
                        retrying.set(true);
                        sleep_ms(500 * 2u32.pow(attempt)).await;
                    }
                    answer => {
                        retrying.set(false);
                        return answer;
                    }
                }
            }
        }
    });
    Effect::new(move |_| {
        let Some(answer) = place.value().get() else {
            return;
        };
        let definitive = !matches!(answer, Err(AppError::Network { .. }));
        if definitive {
            intent.set_value(None);
        }
        said.set(Some(match answer {
            Ok(BidReceipt {
                amount: placed,
                view,
                ..
            }) => {
                amount.set(String::new());
                board.apply_receipt_view(BoardView::Supplier(view));
                Said::Accepted(placed)
            }
            Err(AppError::BidRejected { rejection }) => Said::Rejected(rejection),
            Err(error) => Said::Failed(error),
        }));
    });

    // A changed amount needs its own confirmation.
    Effect::new(move |_| {
        amount.track();
        confirming.set(Vec::new());
    });

    let submit = move |confirmed: bool| {
        said.set(None);
        let raw = amount.get_untracked().trim().to_owned();
        match check.get_untracked() {
            None => return,
            Some(Err(rejection)) if blocks(&rejection) => {
                said.set(Some(Said::Rejected(rejection)));
                return;
            }
            Some(Ok(warnings)) if !warnings.is_empty() && !confirmed => {
                confirming.set(warnings);
                return;
            }
            _ => {}
        }
        confirming.set(Vec::new());
        let key = match intent.get_value() {
            Some((text, key)) if text == raw => key,
            _ => Uuid::new_v4(),
        };
        intent.set_value(Some((raw.clone(), key)));
        place.dispatch_local((raw, key));
    };

    let sealed = move || board.phase() == Some(Phase::Scheduled);
    let hint = move || {
        match check.get() {
        Some(Err(rejection)) => Some(view! { <p class="bid-check bid-check-bad" id="bid-check">{(t().rejection)(&rejection)}</p> }.into_any()),
        // While confirming, the warning is in the confirmation box instead.
        Some(Ok(warnings)) if !warnings.is_empty() && confirming.with(Vec::is_empty) => Some(view! {
            <p class="bid-check bid-check-warn" id="bid-check">{(t().warning)(&warnings[0], &show)}</p>
        }.into_any()),
        _ => None,
    }
    };
    let outcome = move || {
        said.get().map(|said| match said {
        Said::Accepted(a) => view! { <p class="bid-said bid-said-ok" role="status">{(t().bid_accepted)(&show(a))}</p> }.into_any(),
        Said::Rejected(r) => view! { <p class="bid-said bid-said-bad" role="alert">{(t().rejection)(&r)}</p> }.into_any(),
        Said::Failed(e) => view! { <p class="bid-said bid-said-bad" role="alert">{(i18n.t().error)(&e)}</p> }.into_any(),
    })
    };
    let placeholder = move || {
        board.view.with(|v| match v {
            Some(BoardView::Supplier(v)) => v.minimum_next_bid.map(|m| m.normalize().to_string()),
            _ => None,
        })
    };
    view! {
        <form class="bid-box" on:submit=move |ev| { ev.prevent_default(); submit(false); }>
            <label for="bid-amount">{move || t().bid_amount} " (" {currency} ")"</label>
            <div class="bid-row">
                <input id="bid-amount" node_ref=input type="text" inputmode="decimal" autocomplete="off"
                    placeholder=placeholder bind:value=amount
                    aria-invalid=move || matches!(check.get(), Some(Err(_))).to_string()
                    aria-describedby="bid-check" />
                <button class="button bid-button" type="submit" disabled=move || place.pending().get()>
                    {move || if place.pending().get() { t().placing } else if sealed() { t().place_sealed_bid } else { t().place_bid }}
                </button>
            </div>
            {hint}
            {move || retrying.get().then(|| view! { <p class="bid-check" role="status">{move || t().retrying}</p> })}
            {move || (!confirming.get().is_empty()).then(|| view! {
                <div class="bid-confirm" role="alertdialog" aria-labelledby="bid-confirm-text">
                    <p id="bid-confirm-text">{move || confirming.with(|w| w.first().map(|w| (t().warning)(w, &show)))}</p>
                    <div class="actions">
                        <button type="button" class="button danger" autofocus
                            on:click=move |_| submit(true)>{move || t().confirm_bid}</button>
                        <button type="button" class="button secondary" on:click=move |_| {
                            confirming.set(Vec::new());
                            if let Some(input) = input.get() { let _ = input.focus(); }
                        }>{move || t().change_amount}</button>
                    </div>
                </div>
            })}
            {outcome}
        </form>
    }
}
