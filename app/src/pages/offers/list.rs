//! `/offers`: the supplier's offers with what buyers see and what waits for review, the reason
//! of a rejection, withdrawal, and the CSV export.

use super::{from_price, product_name, today, StateChip};
use crate::components::download::save_text_file;
use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::types::catalog::{OfferState, SupplierOffer};
use crate::AppError;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

#[component]
pub fn MyOffersPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let toasts = use_toasts();
    let org_id = use_session()
        .user
        .get_untracked()
        .and_then(|u| u.organisation.map(|o| o.organisation_id));
    let offers = LocalResource::new(move || async move {
        match org_id {
            Some(id) => crate::api::offers::list_my_offers(id).await,
            None => Err(AppError::NotFound),
        }
    });
    let export = Action::new_local(move |_: &()| async move {
        match org_id {
            Some(id) => crate::api::offers::export_offers(id).await,
            None => Err(AppError::NotFound),
        }
    });
    Effect::new(move |_| match export.value().get() {
        Some(Ok(text)) => save_text_file(
            &format!("offers-{}.csv", today()),
            "text/csv;charset=utf-8",
            &text,
        ),
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    view! {
        <section class="page offers-page">
            <div class="page-head">
                <h1>{move || t().list_title}</h1>
                <div class="offers-actions">
                    <A href="/offers/new" attr:class="button">{move || t().new_offer}</A>
                    <A href="/offers/import" attr:class="button secondary">{move || t().import_csv}</A>
                    <button type="button" class="button secondary" disabled=move || export.pending().get()
                        on:click=move |_| { export.dispatch_local(()); }>{move || t().export_csv}</button>
                </div>
            </div>
            <p class="lead">{move || t().list_lead}</p>
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match offers.await {
                        Ok(rows) if rows.is_empty() => view! { <p class="empty">{move || t().none_yet}</p> }.into_any(),
                        Ok(rows) => view! { <OfferTable rows=RwSignal::new(rows) /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| offers.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn OfferTable(rows: RwSignal<Vec<SupplierOffer>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    view! {
        <div class="table-wrap">
            <table class="data-table responsive offers-table">
                <thead><tr>
                    <th scope="col">{move || t().product}</th>
                    <th scope="col">{move || t().reference}</th>
                    <th scope="col" class="num">{move || t().live_price}</th>
                    <th scope="col" class="num">{move || t().pending_price}</th>
                    <th scope="col">{move || i18n.t().status}</th>
                    <th scope="col">{move || t().actions}</th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|o| (o.offer_id, o.latest_revision_id, o.withdrawn_at) let:offer>
                        <OfferRow offer rows />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn OfferRow(offer: SupplierOffer, rows: RwSignal<Vec<SupplierOffer>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let state = offer.state();
    let offer = StoredValue::new(offer);
    let read = move |f: fn(&SupplierOffer, crate::i18n::Locale) -> String| {
        move || offer.with_value(|o| f(o, i18n.locale()))
    };
    let name = read(|o, l| product_name(&o.product_name_en, &o.product_name_zh, l).to_owned());
    let live = read(|o, l| {
        o.live
            .as_ref()
            .map(|live| from_price(live, &o.product_unit, l))
            .unwrap_or_else(|| "—".into())
    });
    // What waits for review (or was just rejected) when it is not what buyers see.
    let pending = read(|o, l| {
        let differs = o.live.as_ref() != Some(&o.latest) && o.withdrawn_at.is_none();
        if differs {
            from_price(&o.latest, &o.product_unit, l)
        } else {
            "—".into()
        }
    });
    let (offer_id, sku, reference, reason) = offer.with_value(|o| {
        (
            o.offer_id,
            o.latest.product_sku.clone(),
            o.latest.reference.clone(),
            o.review_reason.clone(),
        )
    });
    let show_reason = matches!(state, OfferState::Rejected | OfferState::LiveEditRejected);
    view! {
        <tr>
            <th scope="row" data-label=move || t().product>
                <span>{name}<span class="secondary-name mono">{sku}</span></span>
            </th>
            <td data-label=move || t().reference class="mono">{reference}</td>
            <td class="num" data-label=move || t().live_price>{live}</td>
            <td class="num" data-label=move || t().pending_price>{pending}</td>
            <td data-label=move || i18n.t().status>
                <div class="offer-status">
                    <StateChip state />
                    {reason.filter(|_| show_reason).map(|reason| view! {
                        <p class="offer-reason">{move || (t().rejected_because)(&reason)}</p>
                    })}
                </div>
            </td>
            <td data-label=move || t().actions>
                <div class="offer-row-actions">
                    <A href=format!("/offers/{offer_id}") attr:class="button small secondary">{move || t().edit}</A>
                    {(state != OfferState::Withdrawn).then(|| view! { <WithdrawButton offer_id rows /> })}
                </div>
            </td>
        </tr>
    }
}

/// Withdraw in two steps: a second, explicit button confirms.
#[component]
fn WithdrawButton(offer_id: Uuid, rows: RwSignal<Vec<SupplierOffer>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let toasts = use_toasts();
    let confirming = RwSignal::new(false);
    let withdraw = Action::new_local(move |_: &()| crate::api::offers::withdraw_offer(offer_id));
    Effect::new(move |_| match withdraw.value().get() {
        Some(Ok(updated)) => {
            rows.update(|rows| {
                if let Some(row) = rows.iter_mut().find(|r| r.offer_id == updated.offer_id) {
                    *row = updated.clone();
                }
            });
            toasts.success(t().withdrawn_toast);
        }
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    move || {
        if confirming.get() {
            view! {
                <button type="button" class="button small danger" disabled=move || withdraw.pending().get()
                    on:click=move |_| { withdraw.dispatch_local(()); }>{move || t().confirm_withdraw}</button>
                <button type="button" class="button small secondary" on:click=move |_| confirming.set(false)>
                    {move || i18n.t().cancel}</button>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="button small danger" on:click=move |_| confirming.set(true)>
                    {move || t().withdraw}</button>
            }
            .into_any()
        }
    }
}
