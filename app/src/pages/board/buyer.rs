//! The buyer's (and staff's) side of the board: the full ladder, sealed bids waiting, the
//! award once the lot has closed, and the audit export.

use super::award::{AuditExportButton, AwardControls};
use super::state::use_board;
use crate::i18n::use_i18n;
use crate::live::clock::format_time;
use crate::pages::tenders::format::money;
use crate::rules::auction::{BuyerView, Phase};
use crate::types::tender::BoardView;
use leptos::prelude::*;
use uuid::Uuid;

/// The buyer's view with the bidder names, as the board's parts need it.
#[derive(Clone, PartialEq)]
pub struct BuyerBoard {
    pub view: BuyerView,
    pub names: Vec<(Uuid, String)>,
}

impl BuyerBoard {
    /// "Jiangsu Hengda Steel" once names may be shown, else "Bidder 3".
    pub fn bidder_name(
        &self,
        supplier: Option<Uuid>,
        bidder_no: u32,
        t: &crate::i18n::TenderTexts,
    ) -> String {
        supplier
            .and_then(|id| self.names.iter().find(|(n, _)| *n == id))
            .map_or_else(|| (t.bidder_no)(bidder_no), |(_, name)| name.clone())
    }
}

pub fn use_buyer_board() -> Memo<Option<BuyerBoard>> {
    let board = use_board();
    Memo::new(move |_| {
        board.view.with(|v| match v {
            Some(BoardView::Buyer { view, names }) => Some(BuyerBoard {
                view: view.clone(),
                names: names.clone(),
            }),
            _ => None,
        })
    })
}

#[component]
pub fn BuyerPanel() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let buyer = use_buyer_board();
    // A memo, so the award controls (and what is typed in them) survive live updates.
    let phase =
        Memo::new(move |_| buyer.with(|b| b.as_ref().map_or(Phase::Draft, |b| b.view.phase)));
    let sealed = move || buyer.with(|b| b.as_ref().map_or(0, |b| b.view.sealed_bids));
    let award_line = move || {
        let b = buyer.get()?;
        let award = b.view.award.clone()?;
        let bidder_no = b
            .view
            .ladder
            .iter()
            .find(|r| r.supplier == Some(award.supplier))
            .map_or(0, |r| r.bidder_no);
        let name = b.bidder_name(Some(award.supplier), bidder_no, t());
        Some(
            view! { <p class="outcome outcome-won" role="status">{(t().awarded_to)(&name, award.rank)}</p> },
        )
    };
    view! {
        {award_line}
        {move || (phase.get() == Phase::Closed).then(|| view! { <AwardControls /> })}
        <h2>{move || t().ladder}</h2>
        {move || (sealed() > 0).then(|| view! { <p class="notice">{(t().sealed_bids)(sealed())}</p> })}
        <div class:stat-stale=move || !board.is_live()>
            <BuyerLadder />
        </div>
        <AuditExportButton />
    }
}

#[component]
fn BuyerLadder() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let buyer = use_buyer_board();
    let currency = move || {
        board
            .info
            .with(|i| i.as_ref().map(|i| i.currency.clone()).unwrap_or_default())
    };
    move || {
        let Some(b) = buyer.get() else {
            return ().into_any();
        };
        if b.view.ladder.is_empty() {
            return view! { <p class="empty">{move || t().no_bids}</p> }.into_any();
        }
        let rows = b.view.ladder.iter().map(|rung| {
            let name = b.bidder_name(rung.supplier, rung.bidder_no, t());
            view! {
                <tr class:ladder-lead=rung.rank == 1>
                    <td class="num" data-label=move || t().rank>"#" {rung.rank}</td>
                    <th scope="row" data-label=move || t().bidder>{name}</th>
                    <td class="num ladder-amount" data-label=move || t().amount>{money(rung.amount, &currency(), i18n.locale())}</td>
                    <td class="num" data-label=move || t().time>{format_time(rung.placed_at)}</td>
                </tr>
            }
        }).collect_view();
        view! {
            <div class="table-wrap">
                <table class="data-table responsive ladder">
                    <thead><tr>
                        <th scope="col" class="num">{move || t().rank}</th>
                        <th scope="col">{move || t().bidder}</th>
                        <th scope="col" class="num">{move || t().amount}</th>
                        <th scope="col" class="num">{move || t().time}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    }
}
