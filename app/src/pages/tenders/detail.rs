//! `/tenders/:id`: a tender with its lots (each opening its live board), the invited suppliers
//! for the buyer, and the buyer's publish and cancel actions.

use super::format::{money, quantity, PhaseChip, StatusChip};
use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::live::clock::format_date_time;
use crate::rules::auction::Phase;
use crate::types::tender::{TenderDetail, TenderRole, TenderStatus};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn TenderDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let tender = LocalResource::new(move || {
        let id = params
            .read()
            .get("id")
            .and_then(|id| id.parse::<uuid::Uuid>().ok());
        async move {
            match id {
                Some(id) => crate::api::tenders::get_tender(id).await,
                None => Err(crate::AppError::NotFound),
            }
        }
    });
    view! {
        <section class="page tender-detail">
            <p><A href="/tenders">{move || i18n.t().tenders.back_to_list}</A></p>
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match tender.await {
                        Ok(detail) => view! { <Detail detail=RwSignal::new(detail) /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| tender.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Detail(detail: RwSignal<TenderDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let d = move || detail.get();
    let is_buyer = move || detail.with(|d| d.role == TenderRole::Buyer);
    view! {
        <div class="page-head">
            <h1>{move || d().title} " " {move || view! { <StatusChip status=d().status /> }}</h1>
        </div>
        <dl class="facts">
            <dt>{move || t().reference}</dt><dd class="mono">{move || d().reference}</dd>
            <dt>{move || t().buyer}</dt><dd>{move || d().buyer_name}</dd>
            <dt>{move || t().currency}</dt><dd>{move || d().currency}</dd>
            <dt>{move || t().minimum_band}</dt>
            <dd>{move || d().minimum_band.map_or(t().band_any, |b| (t().band_name)(b))}</dd>
            <dt>{move || t().bond_status}</dt>
            <dd class="num-left">{move || d().bid_bond.map_or_else(|| "—".to_owned(), |b| money(b, &d().currency, i18n.locale()))}</dd>
        </dl>
        {move || (!d().description.is_empty()).then(|| view! { <p class="description">{d().description}</p> })}
        {move || is_buyer().then(|| view! { <BuyerActions detail /> })}
        <h2>{move || t().lots}</h2>
        <LotTable detail />
        // Suppliers never see who else was invited.
        {move || (detail.with(|d| d.role != TenderRole::Supplier)).then(|| view! {
            <h2>{move || t().invited_suppliers}</h2>
            <InvitedTable detail />
        })}
    }
}

#[component]
fn LotTable(detail: RwSignal<TenderDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    move || {
        let d = detail.get();
        view! {
            <div class="table-wrap">
                <table class="data-table responsive">
                    <thead><tr>
                        <th scope="col">{move || t().lot}</th>
                        <th scope="col" class="num">{move || t().quantity}</th>
                        <th scope="col" class="num">{move || t().ceiling}</th>
                        <th scope="col">{move || t().phase}</th>
                        <th scope="col" class="num">{move || t().ends}</th>
                        <th scope="col"><span class="visually-hidden">{move || t().open_board}</span></th>
                    </tr></thead>
                    <tbody>
                        {d.lots.into_iter().map(|lot| {
                            let href = format!("/lots/{}", lot.lot_id);
                            let aria = lot.title.clone();
                            view! {
                                <tr>
                                    <th scope="row" data-label=move || t().lot>{lot.position} ". " {lot.title.clone()}</th>
                                    <td class="num" data-label=move || t().quantity>{quantity(lot.quantity, &lot.unit)}</td>
                                    <td class="num" data-label=move || t().ceiling>{money(lot.rules.ceiling, &d.currency, i18n.locale())}</td>
                                    <td data-label=move || t().phase><PhaseChip phase=lot.phase /></td>
                                    <td class="num" data-label=move || t().ends>{format_date_time(lot.ends_at)}</td>
                                    // A draft lot has no auction running yet, hence no board.
                                    <td>{(lot.phase != Phase::Draft).then(|| view! {
                                        <A href=href attr:class="button small" attr:aria-label=move || format!("{} — {}", t().open_board, aria)>{move || t().open_board}</A>
                                    })}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    }
}

#[component]
fn InvitedTable(detail: RwSignal<TenderDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    move || {
        let invited = detail.with(|d| d.invited.clone());
        if invited.is_empty() {
            return view! { <p class="empty">{move || t().no_invited}</p> }.into_any();
        }
        view! {
            <div class="table-wrap">
                <table class="data-table responsive">
                    <thead><tr>
                        <th scope="col">{move || i18n.t().name}</th>
                        <th scope="col">{move || i18n.t().status}</th>
                        <th scope="col">{move || t().bond_status}</th>
                    </tr></thead>
                    <tbody>
                        {invited.into_iter().map(|s| view! {
                            <tr>
                                <th scope="row" data-label=move || i18n.t().name>{s.name.clone()}</th>
                                <td data-label=move || i18n.t().status>
                                    {if s.eligible {
                                        view! { <span class="chip status-open">{move || t().eligible}</span> }.into_any()
                                    } else {
                                        view! { <span class="chip status-cancelled">{move || t().not_eligible}</span> }.into_any()
                                    }}
                                </td>
                                <td data-label=move || t().bond_status><BondCell detail supplier=s.organisation_id status=s.bond_status.clone() name=s.name.clone() /></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }.into_any()
    }
}

/// A supplier's bid bond: the buyer records it as lodged or waived (only tenders with a bond).
#[component]
fn BondCell(
    detail: RwSignal<TenderDetail>,
    supplier: uuid::Uuid,
    status: String,
    name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let toasts = use_toasts();
    let (tender_id, has_bond, is_buyer) = detail.with_untracked(|d| {
        (
            d.tender_id,
            d.bid_bond.is_some(),
            d.role == TenderRole::Buyer,
        )
    });
    if !(has_bond && is_buyer) {
        return view! { <span>{move || (t().bond_status_name)(&status)}</span> }.into_any();
    }
    let set = Action::new_local(move |status: &String| {
        crate::api::tenders::set_bond_status(tender_id, supplier, status.clone())
    });
    Effect::new(move |_| match set.value().get() {
        Some(Ok(updated)) => {
            toasts.success(i18n.t().saved);
            detail.set(updated);
        }
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    view! {
        <select aria-label=move || format!("{} — {name}", t().bond_status) disabled=move || set.pending().get()
            on:change=move |ev| { set.dispatch_local(event_target_value(&ev)); }>
            {["required", "lodged", "waived"].into_iter().map(|option| view! {
                <option value=option selected=option == status>{move || (t().bond_status_name)(option)}</option>
            }).collect_view()}
        </select>
    }
    .into_any()
}

/// Publish (drafts) and cancel with a reason (anything not yet finished).
#[component]
fn BuyerActions(detail: RwSignal<TenderDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let toasts = use_toasts();
    let form = FormState::new();
    let id = detail.with_untracked(|d| d.tender_id);
    let cancelling = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let publish = Action::new_local(move |_: &()| crate::api::tenders::publish_tender(id));
    let cancel =
        Action::new_local(move |why: &String| crate::api::tenders::cancel_tender(id, why.clone()));
    let settle = move |answer: Option<Result<TenderDetail, crate::AppError>>,
                       done: &'static str| match answer {
        Some(Ok(updated)) => {
            detail.set(updated);
            cancelling.set(false);
            toasts.success(done);
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    };
    Effect::new(move |_| settle(publish.value().get(), t().published));
    Effect::new(move |_| settle(cancel.value().get(), t().cancelled));
    let status = move || detail.with(|d| d.status);
    let can_cancel = move || !matches!(status(), TenderStatus::Awarded | TenderStatus::Cancelled);
    let reason_error = move || {
        form.errors
            .read()
            .get("reason")
            .iter()
            .map(|i| (i18n.t().issue)(i))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    view! {
        <div class="panel tender-actions">
            <FormAlert state=form />
            {move || (status() == TenderStatus::Draft).then(|| view! {
                <p class="muted">{move || t().publish_hint}</p>
            })}
            <div class="actions">
                {move || (status() == TenderStatus::Draft).then(|| view! {
                    <button type="button" class="button" disabled=move || publish.pending().get()
                        on:click=move |_| { form.clear(); publish.dispatch_local(()); }>{move || t().publish}</button>
                })}
                {move || (can_cancel() && !cancelling.get()).then(|| view! {
                    <button type="button" class="button danger" on:click=move |_| cancelling.set(true)>{move || t().cancel_tender}</button>
                })}
            </div>
            {move || cancelling.get().then(|| view! {
                <form class="cancel-form" on:submit=move |ev| {
                    ev.prevent_default();
                    form.clear();
                    cancel.dispatch_local(reason.get_untracked());
                }>
                    <div class="field" class:field-invalid=move || !reason_error().is_empty()>
                        <label for="cancel-reason">{move || t().cancel_reason}</label>
                        <textarea id="cancel-reason" rows="2" bind:value=reason
                            aria-invalid=move || (!reason_error().is_empty()).to_string()></textarea>
                        <p class="field-error">{reason_error}</p>
                    </div>
                    <div class="actions">
                        <button type="submit" class="button danger" disabled=move || cancel.pending().get()>{move || t().confirm_cancel}</button>
                        <button type="button" class="button secondary" on:click=move |_| cancelling.set(false)>{move || i18n.t().cancel}</button>
                    </div>
                </form>
            })}
        </div>
    }
}
