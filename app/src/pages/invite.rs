//! `/invite/:token`: a colleague accepts an invitation and joins the organisation.

use crate::components::error_view::{ErrorPanel, SkeletonRows};
use crate::components::field::TextField;
use crate::components::form::{FormAlert, FormState};
use crate::i18n::use_i18n;
use crate::session::sign_in_on_success;
use crate::types::InvitationPreview;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn InvitePage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let preview = LocalResource::new(move || crate::api::invitations::get_invitation(token()));
    view! {
        <section class="narrow auth-page">
            <Suspense fallback=|| view! { <SkeletonRows rows=3 /> }>
                {move || Suspend::new(async move {
                    match preview.await {
                        Ok(preview) => view! { <AcceptForm token=token() preview /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn AcceptForm(token: String, preview: InvitationPreview) -> impl IntoView {
    let i18n = use_i18n();
    let display_name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = FormState::new();
    let submit = Action::new_local(move |(token, name, password): &(String, String, String)| {
        crate::api::invitations::accept_invitation(token.clone(), name.clone(), password.clone())
    });
    sign_in_on_success(submit, form);
    let token = StoredValue::new(token);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        submit.dispatch_local((
            token.get_value(),
            display_name.get_untracked(),
            password.get_untracked(),
        ));
    };
    let org = preview.organisation_name.clone();
    let errors = form.errors_signal();
    let role = preview.role;
    view! {
        <h1>{move || (i18n.t().invite_title)(&org)}</h1>
        <p class="lead">{move || i18n.t().invite_lead}</p>
        <dl class="facts">
            <dt>{move || i18n.t().email}</dt><dd>{preview.email.clone()}</dd>
            <dt>{move || i18n.t().role}</dt><dd>{move || (i18n.t().role_name)(role)}</dd>
        </dl>
        <form on:submit=on_submit novalidate=true>
            <FormAlert state=form />
            <p class="field-error" role="alert">
                {move || errors.read().get("token").iter().map(|issue| (i18n.t().issue)(issue)).collect::<Vec<_>>().join(" ")}
            </p>
            <TextField form="invite" name="display_name" label=|t| t.your_name value=display_name errors autocomplete="name" />
            <TextField form="invite" name="password" label=|t| t.password value=password errors
                input_type="password" autocomplete="new-password" hint=|t| t.password_hint />
            <button class="button" type="submit" disabled=move || submit.pending().get()>{move || i18n.t().join}</button>
        </form>
    }
}
