//! `/account`: the signed-in person's name, password and language.

use crate::components::field::TextField;
use crate::components::form::{FormAlert, FormState};
use crate::components::lang_switch::LanguageSwitch;
use crate::components::toast::use_toasts;
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let user = session.user.get_untracked();
    let email = user.as_ref().map(|u| u.email.clone()).unwrap_or_default();
    let org = user.as_ref().and_then(|u| u.organisation.clone());
    let role = user.as_ref().map(|u| u.role);
    view! {
        <section class="page">
            <h1>{move || i18n.t().account}</h1>
            <dl class="facts">
                <dt>{move || i18n.t().email}</dt><dd>{email}</dd>
                {org.map(|org| view! {
                    <dt>{move || i18n.t().organisation}</dt>
                    <dd>{org.name}{org.name_zh.map(|zh| view! { <span class="secondary-name" lang="zh-CN">{zh}</span> })}</dd>
                })}
                {role.map(|role| view! { <dt>{move || i18n.t().role}</dt><dd>{move || (i18n.t().role_name)(role)}</dd> })}
                <dt>{move || i18n.t().language}</dt><dd><LanguageSwitch /></dd>
            </dl>
            <div class="two-columns">
                <ProfileForm />
                <PasswordForm />
            </div>
        </section>
    }
}

#[component]
fn ProfileForm() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let toasts = use_toasts();
    let current = session
        .user
        .get_untracked()
        .map(|u| u.display_name)
        .unwrap_or_default();
    let display_name = RwSignal::new(current);
    let form = FormState::new();
    let save =
        Action::new_local(move |name: &String| crate::api::account::update_profile(name.clone()));
    Effect::new(move |_| match save.value().get() {
        Some(Ok(user)) => {
            session.signed_in(user);
            toasts.success(i18n.t().profile_saved);
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    view! {
        <form class="panel" on:submit=move |ev| { ev.prevent_default(); form.clear(); save.dispatch_local(display_name.get_untracked()); }>
            <FormAlert state=form />
            <TextField form="profile" name="display_name" label=|t| t.display_name value=display_name
                errors=form.errors_signal() autocomplete="name" />
            <button class="button" type="submit" disabled=move || save.pending().get()>{move || i18n.t().save}</button>
        </form>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let current_password = RwSignal::new(String::new());
    let new_password = RwSignal::new(String::new());
    let form = FormState::new();
    let save = Action::new_local(move |(current, new): &(String, String)| {
        crate::api::account::change_password(current.clone(), new.clone())
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => {
            current_password.set(String::new());
            new_password.set(String::new());
            toasts.success(i18n.t().password_changed);
        }
        Some(Err(error)) => form.fail(error),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        save.dispatch_local((
            current_password.get_untracked(),
            new_password.get_untracked(),
        ));
    };
    view! {
        <form class="panel" on:submit=on_submit>
            <h2>{move || i18n.t().change_password}</h2>
            <FormAlert state=form />
            <TextField form="password" name="current_password" label=|t| t.current_password value=current_password
                errors=form.errors_signal() input_type="password" autocomplete="current-password" />
            <TextField form="password" name="new_password" label=|t| t.new_password value=new_password
                errors=form.errors_signal() input_type="password" autocomplete="new-password" hint=|t| t.password_hint />
            <button class="button" type="submit" disabled=move || save.pending().get()>{move || i18n.t().change_password}</button>
        </form>
    }
}
