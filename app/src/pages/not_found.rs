//! The page for unknown addresses.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="narrow">
            <h1>{move || i18n.t().not_found_title}</h1>
            <p>{move || i18n.t().not_found_lead}</p>
            <A href="/" attr:class="button">{move || i18n.t().go_home}</A>
        </section>
    }
}
