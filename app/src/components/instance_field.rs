//! A labelled field for forms that appear many times on one page (one per offer or product in
//! a comparison): its id is built from the instance's key, so labels and error messages stay
//! tied to the right input.

use crate::components::field::TextOf;
use crate::i18n::use_i18n;
use crate::types::FieldErrors;
use leptos::prelude::*;

/// A labelled text input (or textarea) with its errors below it; `id` must be unique on the page.
#[component]
pub fn InstanceField(
    id: String,
    /// The API's field name (errors are looked up by it).
    name: &'static str,
    label: TextOf,
    value: RwSignal<String>,
    #[prop(into)] errors: Signal<FieldErrors>,
    #[prop(default = "text")] inputmode: &'static str,
    #[prop(optional)] hint: Option<TextOf>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] autofocus: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let messages = move || -> Vec<String> {
        errors
            .read()
            .get(name)
            .iter()
            .map(|issue| (i18n.t().issue)(issue))
            .collect()
    };
    let invalid = move || !messages().is_empty();
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if invalid() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let input = if multiline {
        view! {
            <textarea id=id.clone() name=name rows="2" bind:value=value autofocus=autofocus
                aria-invalid=move || invalid().to_string() aria-describedby=described_by></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=name type="text" inputmode=inputmode autocomplete="off"
                bind:value=value autofocus=autofocus
                aria-invalid=move || invalid().to_string() aria-describedby=described_by />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-invalid=invalid>
            <label for=id>{move || label(i18n.t())}</label>
            {input}
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{move || hint(i18n.t())}</p> })}
            <p class="field-error" id=error_id>{move || messages().join(" · ")}</p>
        </div>
    }
}
