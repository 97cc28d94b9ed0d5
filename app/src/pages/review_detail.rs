//! `/staff/reviews/:organisation_id`: one application as a reviewer sees it — the facts, each
//! document beside its file with approve/reject, the application decision, tier, factory audits
//! and sample tests, and the history.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::pages::qualification::{download_url, format_size, History, StatusBanner};
use crate::pages::qualification_documents::ReviewChip;
use crate::pages::review_audits::AuditsSection;
use crate::pages::review_decision::DecisionPanel;
use crate::types::qualification::{DocumentReview, SupplierApplication, SupplierDocument};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ReviewDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let application = LocalResource::new(move || {
        let id = params
            .read()
            .get("organisation_id")
            .and_then(|id| id.parse::<uuid::Uuid>().ok());
        async move {
            match id {
                Some(id) => crate::api::qualification::get_application(id).await,
                None => Err(crate::AppError::NotFound),
            }
        }
    });
    view! {
        <section class="page qualification">
            <p><A href="/staff/reviews">{move || i18n.t().qualification.back_to_queue}</A></p>
            <Suspense fallback=|| view! { <SkeletonRows /> }>
                {move || Suspend::new(async move {
                    match application.await {
                        Ok(app) => view! { <ReviewApplication app /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error on_retry=move |_| application.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ReviewApplication(app: SupplierApplication) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().qualification;
    let profile = app.profile.clone();
    let name = app.organisation_name.clone();
    let app = RwSignal::new(app);
    let org_id = app.with_untracked(|a| a.organisation_id);
    // Audits and tiers write to the audit trail: reload the application to show the new entries.
    let reload =
        Action::new_local(move |_: &()| crate::api::qualification::get_application(org_id));
    Effect::new(move |_| {
        if let Some(Ok(updated)) = reload.value().get() {
            app.set(updated);
        }
    });
    let on_change = Callback::new(move |_: ()| {
        reload.dispatch_local(());
    });
    let categories = move || {
        profile
            .categories
            .iter()
            .map(|c| (t().category_name)(c))
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        <h1>{name}</h1>
        <StatusBanner app staff=true />
        <dl class="facts">
            <dt>{move || t().legal_name}</dt><dd>{profile.legal_name.clone()}</dd>
            <dt>{move || t().registration_number}</dt><dd>{profile.registration_number.clone()}</dd>
            <dt>{move || t().address}</dt><dd>{profile.address.clone()}</dd>
            <dt>{move || t().categories}</dt><dd>{categories}</dd>
            <dt>{move || t().production_capacity}</dt><dd>{profile.production_capacity.clone()}</dd>
        </dl>
        <h2>{move || t().documents}</h2>
        {move || {
            let documents = app.with(|a| a.documents.clone());
            if documents.is_empty() {
                view! { <p class="empty">{move || t().no_documents}</p> }.into_any()
            } else {
                view! {
                    <div class="q-doc-grid">
                        {documents.into_iter().map(|doc| view! { <DocumentCard doc app /> }).collect_view()}
                    </div>
                }.into_any()
            }
        }}
        <h2>{move || t().decisions}</h2>
        <DecisionPanel app />
        <AuditsSection organisation_id=org_id on_change />
        <h2>{move || t().history}</h2>
        {move || view! { <History events=app.with(|a| a.history.clone()) /> }}
    }
}

/// The file beside its facts, with approve/reject while it is pending.
#[component]
fn DocumentCard(doc: SupplierDocument, app: RwSignal<SupplierApplication>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().qualification;
    let toasts = use_toasts();
    let (id, kind, review) = (doc.document_id, doc.kind, doc.review);
    let url = download_url(id);
    let heading_id = format!("q-doc-{id}");
    let labelled_by = heading_id.clone();
    let note_id = format!("q-doc-note-{id}");
    let note = RwSignal::new(String::new());
    let form = FormState::new();
    let decide = Action::new_local(move |(approve, note): &(bool, String)| {
        crate::api::qualification::decide_document(id, *approve, note.clone())
    });
    Effect::new(move |_| match decide.value().get() {
        Some(Ok(updated)) => {
            toasts.success(t().decision_saved);
            app.set(updated);
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let decide_with = move |approve: bool| {
        form.clear();
        decide.dispatch_local((approve, note.get_untracked()));
    };
    let note_errors = move || {
        form.errors
            .read()
            .get("note")
            .iter()
            .map(|issue| (i18n.t().issue)(issue))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let file_name = doc.file_name.clone();
    let preview = if doc.content_type == "application/pdf" {
        view! { <iframe class="q-preview" src=url.clone() title=move || (t().preview_of)(&file_name)></iframe> }.into_any()
    } else if doc.content_type.starts_with("image/") {
        view! { <img class="q-preview" src=url.clone() alt=move || (t().preview_of)(&file_name) /> }
            .into_any()
    } else {
        ().into_any()
    };
    view! {
        <article class="panel q-doc-card" aria-labelledby=labelled_by>
            <div class="q-doc-facts">
                <h3 id=heading_id>{move || (t().kind_name)(kind)} " " <span class="muted">{doc.number.clone()}</span></h3>
                <dl class="facts">
                    <dt>{move || t().issuer}</dt><dd>{doc.issuer.clone()}</dd>
                    <dt>{move || t().expires_on}</dt><dd>{doc.expires_on.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</dd>
                    <dt>{move || t().file}</dt>
                    <dd><a href=url.clone() target="_blank" rel="noopener">{doc.file_name.clone()}</a> " (" {format_size(doc.size_bytes)} ")"</dd>
                    <dt>{move || t().review}</dt>
                    <dd><ReviewChip review /> {doc.review_note.clone().map(|n| view! { <span class="q-review-note">{n}</span> })}</dd>
                </dl>
                {(review == DocumentReview::Pending).then(|| view! {
                    <div class="q-doc-actions">
                        <FormAlert state=form />
                        <button class="button small" type="button" disabled=move || decide.pending().get()
                            on:click=move |_| decide_with(true)>{move || t().approve_document}</button>
                        <div class="field" class:field-invalid=move || !note_errors().is_empty()>
                            <label for=note_id.clone()>{move || t().rejection_note}</label>
                            <input id=note_id.clone() type="text" bind:value=note
                                aria-invalid=move || (!note_errors().is_empty()).to_string() />
                            <p class="field-error">{note_errors}</p>
                        </div>
                        <button class="button danger small" type="button" disabled=move || decide.pending().get()
                            on:click=move |_| decide_with(false)>{move || t().reject_document}</button>
                    </div>
                })}
            </div>
            {preview}
        </article>
    }
}
