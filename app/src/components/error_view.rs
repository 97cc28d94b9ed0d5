//! How a failed request looks: a sentence in the user's language and, where it helps, a retry.

use crate::i18n::use_i18n;
use crate::AppError;
use leptos::prelude::*;

/// A failed load, with a retry button when `on_retry` is given.
#[component]
pub fn ErrorPanel(
    error: AppError,
    #[prop(optional, into)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="error-panel" role="alert">
            <p>{move || (i18n.t().error)(&error)}</p>
            {on_retry.map(|retry| view! {
                <button class="button secondary" on:click=move |_| retry.run(())>{move || i18n.t().retry}</button>
            })}
        </div>
    }
}

/// Grey placeholder rows while a table loads.
#[component]
pub fn SkeletonRows(#[prop(default = 4)] rows: usize) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="skeleton" aria-busy="true">
            <span class="visually-hidden">{move || i18n.t().loading}</span>
            {(0..rows).map(|_| view! { <div class="skeleton-row"></div> }).collect_view()}
        </div>
    }
}
