//! The live event feed, newest first, each event in words in the viewer's language.

use super::state::use_board;
use crate::i18n::use_i18n;
use crate::live::clock::format_time;
use crate::pages::tenders::format::money;
use crate::types::tender::FeedKind;
use leptos::prelude::*;

/// Lines shown; older ones stay in the audit log.
const SHOWN: usize = 60;

fn kind_class(kind: &FeedKind) -> &'static str {
    match kind {
        FeedKind::BidPlaced { yours: true, .. } | FeedKind::SealedBidPlaced { yours: true, .. } => {
            "feed-item feed-yours"
        }
        FeedKind::YourRank {
            from: Some(from),
            to,
        } if to > from => "feed-item feed-bad",
        FeedKind::Extended { .. } => "feed-item feed-extended",
        FeedKind::Closed | FeedKind::Awarded { .. } | FeedKind::Cancelled { .. } => {
            "feed-item feed-phase"
        }
        _ => "feed-item",
    }
}

#[component]
pub fn EventFeed() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let currency = move || {
        board
            .info
            .with(|i| i.as_ref().map(|i| i.currency.clone()).unwrap_or_default())
    };
    let items = move || {
        let currency = currency();
        let locale = i18n.locale();
        let show = move |a| money(a, &currency, locale);
        board.feed.with(|feed| {
            feed.iter()
                .rev()
                .take(SHOWN)
                .map(|event| {
                    let text = (t().feed_text)(&event.kind, &show, &format_time);
                    view! {
                        <li class=kind_class(&event.kind)>
                            <time class="feed-time num">{format_time(event.at)}</time>
                            <span>{text}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel feed-panel" aria-labelledby="feed-title">
            <h2 id="feed-title">{move || t().feed_title}</h2>
            {move || if board.feed.with(Vec::is_empty) {
                view! { <p class="muted">{move || t().feed_empty}</p> }.into_any()
            } else {
                view! { <ol class="feed">{items}</ol> }.into_any()
            }}
        </section>
    }
}
