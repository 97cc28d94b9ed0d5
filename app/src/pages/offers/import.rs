//! `/offers/import`: the supplier checks a CSV file (a row-by-row report, nothing written), then
//! confirms to send the valid rows to review. Changing the file asks for a new check first.

use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::types::catalog::{ImportAction, ImportReport, ImportRow};
use leptos::html::Form;
use leptos::prelude::*;
use leptos_router::components::A;

/// The answer of a check or an import.
#[derive(Clone, Copy)]
struct Upload {
    preview: bool,
}

#[component]
pub fn ImportOffersPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let toasts = use_toasts();
    let org_id = use_session()
        .user
        .get_untracked()
        .and_then(|u| u.organisation.map(|o| o.organisation_id))
        .map(|id| id.to_string())
        .unwrap_or_default();
    let form_ref = NodeRef::<Form>::new();
    let form = FormState::new();
    let report = RwSignal::new(None::<ImportReport>);
    let send = Action::new_local(|(kind, data): &(Upload, web_sys::FormData)| {
        let (data, preview) = (data.clone(), kind.preview);
        async move {
            if preview {
                crate::api::offers::preview_import(data.into()).await
            } else {
                crate::api::offers::import_offers(data.into()).await
            }
        }
    });
    Effect::new(move |_| match send.value().get() {
        Some(Ok(answer)) => {
            if answer.written {
                let sent = answer.count(ImportAction::Create) + answer.count(ImportAction::Update);
                toasts.success((t().imported)(sent));
            }
            report.set(Some(answer));
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let dispatch = move |preview: bool| {
        form.clear();
        let Some(element) = form_ref.get_untracked() else {
            return;
        };
        if let Ok(data) = web_sys::FormData::new_with_form(&element) {
            send.dispatch_local((Upload { preview }, data));
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        dispatch(true);
    };
    let to_write = move || {
        report.with(|r| {
            r.as_ref()
                .filter(|r| !r.written && r.file_issue.is_none())
                .map(|r| r.count(ImportAction::Create) + r.count(ImportAction::Update))
        })
    };
    view! {
        <section class="page offers-import">
            <p><A href="/offers">{move || t().back_to_list}</A></p>
            <h1>{move || t().import_title}</h1>
            <p class="lead">{move || t().import_lead}</p>
            <details class="panel offer-format">
                <summary>{move || t().format_title}</summary>
                <ul>{move || t().format_lines.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
            </details>
            <form class="panel" node_ref=form_ref on:submit=on_submit novalidate=true>
                <FormAlert state=form />
                <input type="hidden" name="organisation_id" value=org_id />
                <div class="field">
                    <label for="offer-import-file">{move || t().file}</label>
                    <input id="offer-import-file" name="file" type="file" accept=".csv,text/csv" required
                        on:change=move |_| report.set(None) />
                </div>
                <div class="actions">
                    <button type="submit" class="button secondary" disabled=move || send.pending().get()>
                        {move || t().check_file}</button>
                    {move || to_write().map(|count| view! {
                        <button type="button" class="button" disabled=move || send.pending().get() || count == 0
                            on:click=move |_| dispatch(false)>{move || (t().import_rows)(count)}</button>
                    })}
                </div>
                {move || (to_write() == Some(0)).then(|| view! { <p class="muted">{move || t().nothing_to_import}</p> })}
            </form>
            {move || report.get().map(|report| view! { <Report report /> })}
        </section>
    }
}

#[component]
fn Report(report: ImportReport) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    if let Some(issue) = report.file_issue.clone() {
        return view! { <p class="form-alert" role="alert">{move || (t().file_issue)(&issue)}</p> }
            .into_any();
    }
    let counts = [
        ImportAction::Create,
        ImportAction::Update,
        ImportAction::Unchanged,
        ImportAction::Invalid,
    ]
    .map(|action| report.count(action));
    view! {
        <h2 aria-live="polite">{move || (t().summary)(counts[0], counts[1], counts[2], counts[3])}</h2>
        <div class="table-wrap">
            <table class="data-table responsive offer-report">
                <thead><tr>
                    <th scope="col" class="num">{move || t().line}</th>
                    <th scope="col">{move || t().reference}</th>
                    <th scope="col">{move || t().result}</th>
                    <th scope="col">{move || t().problems}</th>
                </tr></thead>
                <tbody>
                    {report.rows.into_iter().map(|row| view! { <ReportRow row /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn ReportRow(row: ImportRow) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().offers;
    let action = row.action;
    let class = match action {
        ImportAction::Create | ImportAction::Update => "chip offer-live",
        ImportAction::Unchanged => "chip offer-withdrawn",
        ImportAction::Invalid => "chip offer-rejected",
    };
    let errors = row.errors;
    // "Tier 2 unit price: Must be greater than zero", one per line.
    let problems = move || {
        errors
            .0
            .iter()
            .flat_map(|(field, issues)| {
                issues.iter().map(move |issue| {
                    format!("{}: {}", (t().field_name)(field), (i18n.t().issue)(issue))
                })
            })
            .map(|line| view! { <li>{line}</li> })
            .collect_view()
    };
    view! {
        <tr class:offer-report-invalid=action == ImportAction::Invalid>
            <td class="num" data-label=move || t().line>{row.line}</td>
            <th scope="row" data-label=move || t().reference class="mono">{row.reference}</th>
            <td data-label=move || t().result><span class=class>{move || (t().action_name)(action)}</span></td>
            <td data-label=move || t().problems><ul class="offer-problems">{problems}</ul></td>
        </tr>
    }
}
