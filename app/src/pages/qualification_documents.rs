//! A supplier's documents: the table (also read by staff) and the admins' upload form.

use crate::components::form::{FormAlert, FormState};
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::pages::qualification::{download_url, format_size};
use crate::rules::qualification::documents::DocumentKind;
use crate::types::qualification::{DocumentReview, SupplierApplication, SupplierDocument};
use leptos::html::Form;
use leptos::prelude::*;

/// The CSS suffix of a document review chip.
pub fn review_slug(review: DocumentReview) -> &'static str {
    match review {
        DocumentReview::Pending => "pending",
        DocumentReview::Approved => "approved",
        DocumentReview::Rejected => "rejected",
    }
}

/// The value the upload endpoint expects for a kind (its snake_case serde name).
fn kind_value(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::BusinessLicence => "business_licence",
        DocumentKind::Iso9001 => "iso9001",
        DocumentKind::SgsTestReport => "sgs_test_report",
        DocumentKind::Ce => "ce",
        DocumentKind::OtherCertificate => "other_certificate",
        DocumentKind::FactoryPhoto => "factory_photo",
    }
}

/// The translated review state in its chip.
#[component]
pub fn ReviewChip(review: DocumentReview) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("chip q-doc-{}", review_slug(review))>
            {move || (i18n.t().qualification.review_name)(review)}
        </span>
    }
}

#[component]
pub fn DocumentTable(documents: Vec<SupplierDocument>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().qualification;
    if documents.is_empty() {
        return view! { <p class="empty">{move || t().no_documents}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="data-table responsive">
                <thead><tr>
                    <th scope="col">{move || t().document_kind}</th>
                    <th scope="col">{move || t().document_number}</th>
                    <th scope="col">{move || t().issuer}</th>
                    <th scope="col">{move || t().expires_on}</th>
                    <th scope="col">{move || t().file}</th>
                    <th scope="col" class="num">{move || t().size}</th>
                    <th scope="col">{move || t().review}</th>
                </tr></thead>
                <tbody>
                    {documents.into_iter().map(|doc| {
                        let (kind, review) = (doc.kind, doc.review);
                        view! {
                            <tr>
                                <th scope="row" data-label=move || t().document_kind>{move || (t().kind_name)(kind)}</th>
                                <td data-label=move || t().document_number>{doc.number.clone()}</td>
                                <td data-label=move || t().issuer>{doc.issuer.clone()}</td>
                                <td data-label=move || t().expires_on>{doc.expires_on.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</td>
                                <td data-label=move || t().file>
                                    <a href=download_url(doc.document_id) target="_blank" rel="noopener">{doc.file_name.clone()}</a>
                                </td>
                                <td class="num" data-label=move || t().size>{format_size(doc.size_bytes)}</td>
                                <td data-label=move || t().review>
                                    <span class="q-review-cell">
                                        <ReviewChip review />
                                        {doc.review_note.clone().map(|note| view! { <span class="q-review-note">{note}</span> })}
                                    </span>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The upload form: the browser's own `FormData` (with the file) goes to the multipart endpoint.
#[component]
pub fn UploadForm(app: RwSignal<SupplierApplication>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().qualification;
    let toasts = use_toasts();
    let org_id = app.with_untracked(|a| a.organisation_id);
    let form_ref = NodeRef::<Form>::new();
    let form = FormState::new();
    let upload = Action::new_local(|data: &web_sys::FormData| {
        crate::api::qualification::upload_document(data.clone().into())
    });
    Effect::new(move |_| match upload.value().get() {
        Some(Ok(updated)) => {
            app.set(updated);
            if let Some(element) = form_ref.get_untracked() {
                element.reset();
            }
            toasts.success(t().document_uploaded);
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let Some(element) = form_ref.get_untracked() else {
            return;
        };
        if let Ok(data) = web_sys::FormData::new_with_form(&element) {
            upload.dispatch_local(data);
        }
    };
    let errors = form.errors_signal();
    let error_of = move |name: &'static str| {
        move || {
            errors
                .read()
                .get(name)
                .iter()
                .map(|issue| (i18n.t().issue)(issue))
                .collect::<Vec<_>>()
                .join(" · ")
        }
    };
    view! {
        <h3>{move || t().upload_title}</h3>
        <form class="panel q-upload" node_ref=form_ref on:submit=on_submit novalidate=true>
            <FormAlert state=form />
            <input type="hidden" name="organisation_id" value=org_id.to_string() />
            <div class="two-columns">
                <div class="field" class:field-invalid=move || !error_of("kind")().is_empty()>
                    <label for="q-upload-kind">{move || t().document_kind}</label>
                    <select id="q-upload-kind" name="kind">
                        {DocumentKind::ALL.into_iter().map(|kind| view! {
                            <option value=kind_value(kind)>{move || (t().kind_name)(kind)}</option>
                        }).collect_view()}
                    </select>
                    <p class="field-error">{error_of("kind")}</p>
                </div>
                <div class="field" class:field-invalid=move || !error_of("number")().is_empty()>
                    <label for="q-upload-number">{move || t().document_number}</label>
                    <input id="q-upload-number" name="number" type="text" autocomplete="off" />
                    <p class="field-error">{error_of("number")}</p>
                </div>
                <div class="field" class:field-invalid=move || !error_of("issuer")().is_empty()>
                    <label for="q-upload-issuer">{move || t().issuer}</label>
                    <input id="q-upload-issuer" name="issuer" type="text" autocomplete="off" />
                    <p class="field-error">{error_of("issuer")}</p>
                </div>
                <div class="field" class:field-invalid=move || !error_of("expires_on")().is_empty()>
                    <label for="q-upload-expires_on">{move || t().expires_on}</label>
                    <input id="q-upload-expires_on" name="expires_on" type="date" />
                    <p class="field-error">{error_of("expires_on")}</p>
                </div>
            </div>
            <div class="field" class:field-invalid=move || !error_of("file")().is_empty()>
                <label for="q-upload-file">{move || t().file}</label>
                <input id="q-upload-file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg"
                    aria-describedby="q-upload-file-hint" />
                <p class="field-hint" id="q-upload-file-hint">{move || t().file_hint}</p>
                <p class="field-error">{error_of("file")}</p>
            </div>
            <button class="button" type="submit" disabled=move || upload.pending().get()>
                {move || if upload.pending().get() { t().uploading } else { t().upload_document }}
            </button>
        </form>
    }
}
