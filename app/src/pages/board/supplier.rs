//! The supplier's side of the board: the outbid signal, their rank and bid, what the rules let
//! them see of the competition, the bid box and, at the end, their outcome.

use super::bid_box::BidBox;
use super::state::use_board;
use crate::i18n::use_i18n;
use crate::pages::tenders::format::money;
use crate::rules::auction::{Decrement, DecrementBase, Phase, SupplierView};
use crate::types::tender::BoardView;
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn SupplierPanel() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let view = Memo::new(move |_| {
        board.view.with(|v| match v {
            Some(BoardView::Supplier(view)) => Some(view.clone()),
            _ => None,
        })
    });
    let field =
        move |f: fn(&SupplierView) -> Option<Decimal>| view.with(|v| v.as_ref().and_then(f));
    let currency = move || {
        board
            .info
            .with(|i| i.as_ref().map(|i| i.currency.clone()).unwrap_or_default())
    };
    let show = move |amount: Option<Decimal>| {
        amount.map_or_else(|| "—".to_owned(), |a| money(a, &currency(), i18n.locale()))
    };
    let rank = move || view.with(|v| v.as_ref().and_then(|v| v.own_rank));
    let phase = move || view.with(|v| v.as_ref().map_or(Phase::Draft, |v| v.phase));
    let shows_best = move || {
        board.info.with(|i| {
            i.as_ref()
                .is_some_and(|i| i.rules.visibility.shows_best_price())
        })
    };
    // Memos: the bid box must survive live updates (it holds what the supplier is typing).
    let eligible = Memo::new(move |_| view.with(|v| v.as_ref().is_some_and(|v| v.eligible)));
    let can_bid = Memo::new(move |_| {
        let sealed = board
            .info
            .with(|i| i.as_ref().is_some_and(|i| i.rules.sealed_pre_bids));
        eligible.get() && (phase() == Phase::Open || (phase() == Phase::Scheduled && sealed))
    });
    // How the next-bid limit follows from the rules, for the hover/tap explanation.
    let explain_next = move || {
        let info = board.info.get()?;
        let v = view.get()?;
        let limit = v.minimum_next_bid?;
        let base = match info.rules.decrement_base {
            DecrementBase::BestPrice => v.best_price,
            DecrementBase::OwnLastBid => v.own_amount,
        };
        let step = match info.rules.decrement {
            Decrement::Absolute { amount } => show(Some(amount)),
            Decrement::Percent { percent } => format!("{} %", percent.normalize()),
        };
        Some(match base {
            Some(base) => format!("{} = {} − {step}", show(Some(limit)), show(Some(base))),
            None => format!("{} = {}", show(Some(limit)), t().ceiling),
        })
    };
    view! {
        <OutbidBanner />
        <Outcome />
        <div class="stat-grid" class:stat-stale=move || !board.is_live()>
            <div class="stat stat-rank" class:stat-lead=move || rank() == Some(1)>
                <p class="stat-label">{move || t().your_rank}</p>
                <p class="stat-value rank-value">
                    {move || rank().map_or_else(|| t().no_bid_yet.to_owned(), |r| (t().you_are)(r))}
                </p>
            </div>
            <div class="stat">
                <p class="stat-label">{move || t().your_bid}</p>
                <p class="stat-value num">{move || show(field(|v| v.own_amount))}</p>
            </div>
            <div class="stat">
                <p class="stat-label">{move || t().best_price}</p>
                <p class="stat-value num">
                    {move || if shows_best() {
                        show(field(|v| v.best_price))
                    } else {
                        t().hidden_by_rules.to_owned()
                    }}
                </p>
            </div>
            // Only while there is a next bid to make.
            {move || can_bid.get().then(|| view! {
                <div class="stat">
                    <p class="stat-label">{move || t().min_next_bid}</p>
                    <p class="stat-value num" title=explain_next>{move || show(field(|v| v.minimum_next_bid))}</p>
                    <p class="stat-note muted">{explain_next}</p>
                </div>
            })}
            {move || (!board.is_live()).then(|| view! {
                <p class="stale-tag">{move || t().not_live}</p>
            })}
        </div>
        {move || can_bid.get().then(|| view! { <BidBox /> })}
        {move || (view.with(|v| v.is_some()) && !eligible.get()).then(|| view! {
            <p class="notice" role="status">{(t().rejection)(&crate::rules::auction::Rejection::NotEligible)}</p>
        })}
        <AnonymousLadder view />
    }
}

/// The red, flashing "You have been outbid" until the supplier leads again or dismisses it.
#[component]
fn OutbidBanner() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    move || {
        board.outbid.get().map(|rank| {
            let t = i18n.t().tenders;
            view! {
                <div class="outbid-banner" role="alert">
                    <p><strong>{t.outbid}</strong> " " {(t.outbid_detail)(rank)}</p>
                    <button type="button" class="button small secondary"
                        on:click=move |_| board.outbid.set(None)>{t.dismiss}</button>
                </div>
            }
        })
    }
}

/// After close: waiting for the award, won, lost or cancelled.
#[component]
fn Outcome() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    move || {
        let t = i18n.t().tenders;
        let (phase, won) = board.view.with(|v| match v {
            Some(BoardView::Supplier(v)) => (v.phase, v.won),
            _ => (Phase::Draft, None),
        });
        let (class, text) = match (phase, won) {
            (Phase::Awarded, Some(true)) => ("outcome outcome-won", t.outcome_won),
            (Phase::Awarded, _) => ("outcome outcome-lost", t.outcome_lost),
            (Phase::Closed, _) => ("outcome", t.outcome_closed),
            (Phase::Cancelled, _) => ("outcome outcome-lost", t.outcome_cancelled),
            _ => return None,
        };
        Some(view! { <p class=class role="status">{text}</p> })
    }
}

/// Every rank with its price, without names, the supplier's own row marked.
#[component]
fn AnonymousLadder(view: Memo<Option<SupplierView>>) -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let currency = move || {
        board
            .info
            .with(|i| i.as_ref().map(|i| i.currency.clone()).unwrap_or_default())
    };
    move || {
        let ladder = view.with(|v| v.as_ref().and_then(|v| v.ladder.clone()))?;
        Some(view! {
            <h2>{move || t().ladder}</h2>
            {if ladder.is_empty() {
                view! { <p class="empty">{move || t().no_bids}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="data-table ladder">
                            <thead><tr>
                                <th scope="col" class="num">{move || t().rank}</th>
                                <th scope="col" class="num">{move || t().amount}</th>
                                <th scope="col"><span class="visually-hidden">{move || t().you}</span></th>
                            </tr></thead>
                            <tbody>
                                {ladder.into_iter().map(|rung| view! {
                                    <tr class:ladder-you=rung.is_you>
                                        <td class="num">"#" {rung.rank}</td>
                                        <td class="num">{money(rung.amount, &currency(), i18n.locale())}</td>
                                        <td>{rung.is_you.then(|| view! { <strong>{move || t().you}</strong> })}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        })
    }
}
