//! `/tenders`: the tenders the viewer may see, newest first; buyers start a new one here.

use super::format::StatusChip;
use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::i18n::use_i18n;
use crate::live::clock::format_date_time;
use crate::session::use_session;
use crate::types::tender::TenderSummary;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TenderListPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let buys = use_session().user.get_untracked().is_some_and(|u| u.buys());
    let tenders = LocalResource::new(crate::api::tenders::list_tenders);
    view! {
        <section class="page tenders">
            <div class="page-head">
                <h1>{move || t().list_title}</h1>
                {buys.then(|| view! { <A href="/tenders/new" attr:class="button">{move || t().new_tender}</A> })}
            </div>
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match tenders.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="empty">{move || if buys { t().none_buyer } else { t().none_supplier }}</p>
                        }.into_any(),
                        Ok(list) => view! { <TenderTable list /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| tenders.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn TenderTable(list: Vec<TenderSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    view! {
        <div class="table-wrap">
            <table class="data-table responsive">
                <thead><tr>
                    <th scope="col">{move || t().reference}</th>
                    <th scope="col">{move || t().title}</th>
                    <th scope="col">{move || t().buyer}</th>
                    <th scope="col">{move || i18n.t().status}</th>
                    <th scope="col">{move || t().opens}</th>
                    <th scope="col">{move || t().ends}</th>
                    <th scope="col" class="num">{move || t().lots}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|row| {
                        let href = format!("/tenders/{}", row.tender_id);
                        view! {
                            <tr>
                                <td data-label=move || t().reference class="mono">{row.reference.clone()}</td>
                                <th scope="row" data-label=move || t().title><A href=href>{row.title.clone()}</A></th>
                                <td data-label=move || t().buyer>{row.buyer_name.clone()}</td>
                                <td data-label=move || i18n.t().status><StatusChip status=row.status /></td>
                                <td data-label=move || t().opens class="num">{format_date_time(row.opens_at)}</td>
                                <td data-label=move || t().ends class="num">{format_date_time(row.ends_at)}</td>
                                <td data-label=move || t().lots class="num">{row.lots}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
