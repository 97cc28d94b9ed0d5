//! After close: the buyer awards rank 1, or another bidder with a recorded reason; buyer and
//! staff download the lot's hash-chained audit log.

use super::buyer::use_buyer_board;
use super::state::use_board;
use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::types::tender::AuditExport;
use crate::types::FieldIssue;
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub fn AwardControls() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let toasts = use_toasts();
    let buyer = use_buyer_board();
    // Staff watch with the buyer's view but do not award.
    let may_award = use_session()
        .user
        .get_untracked()
        .is_some_and(|u| !u.is_staff());
    let lot_id = board
        .info
        .with_untracked(|i| i.as_ref().map(|i| i.lot_id))
        .unwrap_or_default();
    let form = FormState::new();
    let choosing = RwSignal::new(false);
    let other = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let award = Action::new_local(move |(supplier, reason): &(Uuid, Option<String>)| {
        let (supplier, reason) = (*supplier, reason.clone());
        async move {
            let answer = crate::api::lots::award_lot(lot_id, supplier, reason).await;
            // Reported here, not in an effect: the live update that marks the lot awarded
            // usually arrives first and removes these controls (and their effects).
            if answer.is_ok() {
                toasts.success(i18n.t().tenders.awarded_toast);
                board.resync();
            }
            answer
        }
    });
    Effect::new(move |_| {
        if let Some(Err(error)) = award.value().get() {
            form.fail(error);
        }
    });
    let rank_one = move || {
        let b = buyer.get()?;
        let rung = b.view.ladder.first()?.clone();
        Some((
            rung.supplier?,
            b.bidder_name(rung.supplier, rung.bidder_no, t()),
        ))
    };
    let others = move || {
        buyer
            .get()
            .map(|b| {
                b.view
                    .ladder
                    .iter()
                    .skip(1)
                    .filter_map(|r| {
                        let id = r.supplier?;
                        Some((
                            id,
                            format!(
                                "#{} · {}",
                                r.rank,
                                b.bidder_name(r.supplier, r.bidder_no, t())
                            ),
                        ))
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let submit_other = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let why = reason.get_untracked().trim().to_owned();
        let Ok(supplier) = other.get_untracked().parse::<Uuid>() else {
            form.errors
                .update(|e| e.add("supplier", FieldIssue::Required));
            return;
        };
        if why.is_empty() {
            form.errors
                .update(|e| e.add("reason", FieldIssue::Required));
            return;
        }
        award.dispatch_local((supplier, Some(why)));
    };
    let error_of = move |field: &'static str| {
        form.errors
            .read()
            .get(field)
            .iter()
            .map(|i| (i18n.t().issue)(i))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    if !may_award {
        return ().into_any();
    }
    view! {
        <section class="panel award-panel" aria-labelledby="award-title">
            <h2 id="award-title">{move || t().award_title}</h2>
            <FormAlert state=form />
            {move || rank_one().map(|(supplier, name)| view! {
                <button type="button" class="button" disabled=move || award.pending().get()
                    on:click=move |_| { form.clear(); award.dispatch_local((supplier, None)); }>
                    {(t().award_rank_one)(&name)}
                </button>
            })}
            {move || (!others().is_empty() && !choosing.get()).then(|| view! {
                <button type="button" class="button secondary" on:click=move |_| choosing.set(true)>
                    {move || t().award_other}
                </button>
            })}
            {move || choosing.get().then(|| view! {
                <form class="award-other" on:submit=submit_other>
                    <div class="field" class:field-invalid=move || !error_of("supplier").is_empty()>
                        <label for="award-supplier">{move || t().bidder}</label>
                        <select id="award-supplier" on:change=move |ev| other.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {others().into_iter().map(|(id, label)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                        </select>
                        <p class="field-error">{move || error_of("supplier")}</p>
                    </div>
                    <div class="field" class:field-invalid=move || !error_of("reason").is_empty()>
                        <label for="award-reason">{move || t().award_reason}</label>
                        <textarea id="award-reason" rows="3" bind:value=reason
                            aria-invalid=move || (!error_of("reason").is_empty()).to_string()></textarea>
                        <p class="field-error">{move || error_of("reason")}</p>
                    </div>
                    <button type="submit" class="button danger" disabled=move || award.pending().get()>
                        {move || t().award_confirm}
                    </button>
                </form>
            })}
        </section>
    }
    .into_any()
}

/// Downloads the audit log as JSON lines and says whether its hash chain verified.
#[component]
pub fn AuditExportButton() -> impl IntoView {
    let board = use_board();
    let i18n = use_i18n();
    let t = move || i18n.t().tenders;
    let lot_id = board
        .info
        .with_untracked(|i| i.as_ref().map(|i| i.lot_id))
        .unwrap_or_default();
    let export = Action::new_local(move |_: &()| crate::api::lots::export_audit(lot_id));
    Effect::new(move |_| {
        if let Some(Ok(file)) = export.value().get() {
            download(&file);
        }
    });
    let result = move || {
        export.value().get().map(|answer| match answer {
        Ok(file) if file.verified => view! {
            <p class="chain chain-ok" role="status">{(t().chain_verified)(file.entries)}
                " " <code title=file.head_hash.clone()>{file.head_hash.chars().take(12).collect::<String>()}</code></p>
        }.into_any(),
        Ok(_) => view! { <p class="chain chain-bad" role="alert">{t().chain_broken}</p> }.into_any(),
        Err(error) => view! { <p class="form-alert" role="alert">{(i18n.t().error)(&error)}</p> }.into_any(),
    })
    };
    view! {
        <div class="audit-export">
            <button type="button" class="button secondary" disabled=move || export.pending().get()
                on:click=move |_| { export.dispatch_local(()); }>{move || t().export_audit}</button>
            {result}
        </div>
    }
}

/// Saves the export as a file.
fn download(file: &AuditExport) {
    crate::components::download::save_text_file(
        &file.file_name,
        "application/x-ndjson",
        &file.json_lines,
    );
}
