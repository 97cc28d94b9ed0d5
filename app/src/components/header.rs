//! The top bar: brand, navigation, language switch, and who is signed in with a log-out button.

use crate::components::{lang_switch::LanguageSwitch, nav::MainNav, toast::use_toasts};
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="topbar">
            <a class="skip-link" href="#content">{move || i18n.t().skip_to_content}</a>
            <A href="/" attr:class="brand">
                <img src="/favicon.svg" alt="" width="24" height="24" />
                <span>"Agora"</span>
            </A>
            <MainNav />
            <div class="topbar-end">
                <LanguageSwitch />
                <UserBox />
            </div>
        </header>
    }
}

/// The signed-in user's name and the log-out button.
#[component]
fn UserBox() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let log_out = Action::new_local(move |_: &()| crate::api::auth::log_out());
    Effect::new(move |_| {
        if let Some(result) = log_out.value().get() {
            match result {
                Ok(()) => {
                    session.signed_out();
                    navigate("/login", Default::default());
                }
                Err(error) => toasts.error((i18n.t().error)(&error)),
            }
        }
    });
    move || {
        session.user.get().map(|user| {
            view! {
                <div class="user-box">
                    <span class="user-name" title=user.email.clone()>{user.display_name.clone()}</span>
                    <button class="button secondary small" disabled=move || log_out.pending().get()
                        on:click=move |_| { log_out.dispatch_local(()); }>
                        {move || i18n.t().log_out}
                    </button>
                </div>
            }
        })
    }
}
