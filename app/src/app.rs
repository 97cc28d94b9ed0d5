//! The root component.
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! { <p>"Agora"</p> }
}
