//! `/staff/moderation`: staff's listing review. The queue (oldest first) beside the chosen
//! submission, shown against what buyers see now with flagged claims marked, the decision, and
//! the filter's terms below.

pub mod detail;
pub mod highlight;
pub mod terms;

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::i18n::use_i18n;
use crate::live::clock::format_date_time;
use crate::types::catalog::{ModerationItem, ModerationKind};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn ModerationPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let queue = LocalResource::new(crate::api::moderation::queue);
    let selected = RwSignal::new(None::<(ModerationKind, Uuid)>);
    let on_decided = Callback::new(move |_: ()| {
        selected.set(None);
        queue.refetch();
    });
    view! {
        <section class="page moderation-page">
            <h1>{move || t().queue_title}</h1>
            <p class="lead">{move || t().queue_lead}</p>
            <div class="moderation-layout">
                <nav class="panel moderation-queue" aria-label=move || t().queue_label>
                    <Suspense fallback=|| view! { <SkeletonRows rows=3 /> }>
                        {move || Suspend::new(async move {
                            match queue.await {
                                Ok(items) if items.is_empty() => view! { <p class="empty">{move || t().queue_empty}</p> }.into_any(),
                                Ok(items) => view! { <QueueList items selected /> }.into_any(),
                                Err(error) => view! { <ErrorPanel error on_retry=move |_| queue.refetch() /> }.into_any(),
                            }
                        })}
                    </Suspense>
                </nav>
                <div class="moderation-detail">
                    {move || match selected.get() {
                        Some((kind, id)) => view! { <detail::ItemDetail kind id on_decided /> }.into_any(),
                        None => view! { <p class="muted">{move || t().select_item}</p> }.into_any(),
                    }}
                </div>
            </div>
            <terms::TermsPanel />
        </section>
    }
}

#[component]
fn QueueList(
    items: Vec<ModerationItem>,
    selected: RwSignal<Option<(ModerationKind, Uuid)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    view! {
        <ul class="moderation-items">
            {items.into_iter().map(|item| {
                let key = (item.kind, item.id);
                let flags = item.flagged_terms.len();
                let kind = item.kind;
                view! {
                    <li>
                        <button type="button" class="moderation-item"
                            aria-pressed=move || (selected.get() == Some(key)).to_string()
                            on:click=move |_| selected.set(Some(key))>
                            <span class="moderation-item-head">
                                <span class="chip">{move || (t().kind_name)(kind)}</span>
                                {(flags > 0).then(|| view! {
                                    <span class="chip offer-rejected">{move || (t().flagged_count)(flags)}</span>
                                })}
                            </span>
                            <span class="moderation-item-title">{item.title.clone()}</span>
                            <span class="muted small">
                                {item.supplier_name.clone().unwrap_or_default()}
                                " · "
                                {format_date_time(item.submitted_at)}
                            </span>
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
