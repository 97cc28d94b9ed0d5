//! `/login`: e-mail and password; lock-outs and wrong passwords explained in place.

use crate::components::field::TextField;
use crate::components::form::{FormAlert, FormState};
use crate::i18n::use_i18n;
use crate::session::sign_in_on_success;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let form = FormState::new();
    let submit = Action::new_local(move |(email, password): &(String, String)| {
        crate::api::auth::log_in(email.clone(), password.clone())
    });
    sign_in_on_success(submit, form);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        submit.dispatch_local((email.get_untracked(), password.get_untracked()));
    };
    view! {
        <section class="narrow auth-page">
            <h1>{move || i18n.t().login_title}</h1>
            <form on:submit=on_submit novalidate=true>
                <FormAlert state=form />
                <TextField form="login" name="email" label=|t| t.email value=email
                    errors=form.errors_signal() input_type="email" autocomplete="username" />
                <TextField form="login" name="password" label=|t| t.password value=password
                    errors=form.errors_signal() input_type="password" autocomplete="current-password" />
                <button class="button" type="submit" disabled=move || submit.pending().get()>
                    {move || i18n.t().log_in}
                </button>
            </form>
            <p class="muted">{move || i18n.t().no_account} " " <A href="/signup">{move || i18n.t().sign_up}</A></p>
            <p class="muted small">{move || i18n.t().demo_hint}</p>
        </section>
    }
}
