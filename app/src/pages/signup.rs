//! `/signup`: a new organisation (buyer, supplier or both) with its first admin.

use crate::components::field::{RadioGroup, TextField};
use crate::components::form::{FormAlert, FormState};
use crate::i18n::use_i18n;
use crate::session::sign_in_on_success;
use crate::types::SignUpInput;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let org_name = RwSignal::new(String::new());
    let org_name_zh = RwSignal::new(String::new());
    let kind = RwSignal::new("buyer".to_owned());
    let display_name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = FormState::new();
    let submit =
        Action::new_local(move |input: &SignUpInput| crate::api::auth::sign_up(input.clone()));
    sign_in_on_success(submit, form);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let input = SignUpInput {
            org_name: org_name.get_untracked(),
            org_name_zh: org_name_zh.get_untracked(),
            kind: kind.get_untracked(),
            display_name: display_name.get_untracked(),
            email: email.get_untracked(),
            password: password.get_untracked(),
        };
        // The same validation the server runs: instant feedback, no round trip for typos.
        match input.validate() {
            Ok(_) => {
                submit.dispatch_local(input);
            }
            Err(fields) => form.fail(crate::AppError::Validation { fields }),
        }
    };
    let errors = form.errors_signal();
    view! {
        <section class="narrow auth-page">
            <h1>{move || i18n.t().signup_title}</h1>
            <p class="lead">{move || i18n.t().signup_lead}</p>
            <form on:submit=on_submit novalidate=true>
                <FormAlert state=form />
                <TextField form="signup" name="org_name" label=|t| t.org_name value=org_name errors autocomplete="organization" />
                <TextField form="signup" name="org_name_zh" label=|t| t.org_name_zh value=org_name_zh errors />
                <RadioGroup form="signup" name="kind" label=|t| t.org_type value=kind errors
                    options=vec![("buyer", |t| (t.kind_name)(crate::types::OrgKind::Buyer)),
                                 ("supplier", |t| (t.kind_name)(crate::types::OrgKind::Supplier)),
                                 ("both", |t| (t.kind_name)(crate::types::OrgKind::Both))] />
                <TextField form="signup" name="display_name" label=|t| t.your_name value=display_name errors autocomplete="name" />
                <TextField form="signup" name="email" label=|t| t.work_email value=email errors
                    input_type="email" autocomplete="email" />
                <TextField form="signup" name="password" label=|t| t.password value=password errors
                    input_type="password" autocomplete="new-password" hint=|t| t.password_hint />
                <button class="button" type="submit" disabled=move || submit.pending().get()>
                    {move || i18n.t().create_account}
                </button>
            </form>
            <p class="muted">{move || i18n.t().have_account} " " <A href="/login">{move || i18n.t().log_in}</A></p>
        </section>
    }
}
