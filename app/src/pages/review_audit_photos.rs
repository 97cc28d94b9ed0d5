//! A factory audit's photos on the review page: thumbnails that open the full picture, and the
//! staff's upload form (the browser's `FormData` goes to the multipart endpoint).

use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::types::audit::SupplierAudits;
use leptos::html::Form;
use leptos::prelude::*;
use uuid::Uuid;

/// Where a photo is served (same origin, the session cookie authorises it).
pub fn photo_url(photo_id: Uuid) -> String {
    format!("/files/audit-photos/{photo_id}")
}

#[component]
pub fn AuditPhotos(
    audit_id: Uuid,
    photos: Vec<Uuid>,
    saved: Callback<SupplierAudits>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().scorecard;
    let toasts = use_toasts();
    let form_ref = NodeRef::<Form>::new();
    let upload = Action::new_local(|data: &web_sys::FormData| {
        crate::api::audits::upload_audit_photo(data.clone().into())
    });
    Effect::new(move |_| match upload.value().get() {
        Some(Ok(list)) => {
            if let Some(element) = form_ref.get_untracked() {
                element.reset();
            }
            saved.run(list);
            toasts.success(t().recorded);
        }
        Some(Err(error)) => toasts.error((i18n.t().error)(&error)),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(element) = form_ref.get_untracked() else {
            return;
        };
        if let Ok(data) = web_sys::FormData::new_with_form(&element) {
            upload.dispatch_local(data);
        }
    };
    let input_id = format!("photo-{audit_id}");
    view! {
        <div class="audit-photos">
            {photos.into_iter().map(|photo| view! {
                <a href=photo_url(photo) target="_blank" rel="noopener">
                    <img src=photo_url(photo) alt=move || t().photo loading="lazy" />
                </a>
            }).collect_view()}
            <form node_ref=form_ref on:submit=on_submit class="audit-photo-form">
                <input type="hidden" name="audit_id" value=audit_id.to_string() />
                <label for=input_id.clone()>{move || t().add_photo}</label>
                <input id=input_id name="file" type="file" accept=".png,.jpg,.jpeg" required />
                <button class="button secondary" type="submit" disabled=move || upload.pending().get()>
                    {move || t().upload_photo}
                </button>
            </form>
        </div>
    }
}
