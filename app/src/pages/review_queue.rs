//! `/staff/reviews`: the applications waiting for a reviewer, oldest first.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::i18n::use_i18n;
use crate::pages::qualification::{format_moment, StatusChip};
use crate::types::qualification::ReviewQueueRow;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let i18n = use_i18n();
    let queue = LocalResource::new(crate::api::qualification::review_queue);
    view! {
        <section class="page">
            <h1>{move || i18n.t().qualification.queue_title}</h1>
            <p class="lead">{move || i18n.t().qualification.queue_lead}</p>
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Ok(rows) if rows.is_empty() => view! { <p class="empty">{move || i18n.t().qualification.queue_empty}</p> }.into_any(),
                        Ok(rows) => view! { <QueueTable rows /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| queue.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn QueueTable(rows: Vec<ReviewQueueRow>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().qualification;
    view! {
        <div class="table-wrap">
            <table class="data-table responsive">
                <thead><tr>
                    <th scope="col">{move || i18n.t().name}</th>
                    <th scope="col">{move || i18n.t().status}</th>
                    <th scope="col">{move || t().submitted_at}</th>
                    <th scope="col" class="num">{move || t().pending_documents}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>
                            <th scope="row" data-label=move || i18n.t().name>
                                <A href=format!("/staff/reviews/{}", row.organisation_id)>{row.name.clone()}</A>
                                {row.name_zh.clone().map(|zh| view! { <span class="secondary-name" lang="zh-CN">{zh}</span> })}
                            </th>
                            <td data-label=move || i18n.t().status><StatusChip status=Some(row.status) /></td>
                            <td data-label=move || t().submitted_at>{row.submitted_at.map(format_moment).unwrap_or_else(|| "—".into())}</td>
                            <td class="num" data-label=move || t().pending_documents>{row.pending_documents}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
