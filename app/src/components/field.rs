//! Form fields that carry their label and show their validation messages beside them.

use crate::i18n::{use_i18n, Texts};
use crate::types::FieldErrors;
use leptos::prelude::*;

/// Picks a string out of the catalog (so labels follow the language switch).
pub type TextOf = fn(&'static Texts) -> &'static str;

fn field_id(form: &str, name: &str) -> String {
    format!("{form}-{name}")
}

/// The messages for `name`, translated, if any.
fn messages(errors: Signal<FieldErrors>, name: &'static str) -> impl Fn() -> Vec<String> + Copy {
    let i18n = use_i18n();
    move || {
        errors
            .read()
            .get(name)
            .iter()
            .map(|issue| (i18n.t().issue)(issue))
            .collect()
    }
}

/// A labelled text input bound to `value`, with its errors below it.
#[component]
pub fn TextField(
    /// The form this field belongs to (keeps ids unique on pages with several forms).
    form: &'static str,
    /// The field name used by the API (errors are looked up by it).
    name: &'static str,
    label: TextOf,
    value: RwSignal<String>,
    #[prop(into)] errors: Signal<FieldErrors>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<TextOf>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(form, name);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let messages = messages(errors, name);
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
            <textarea id=id.clone() name=name rows="4" bind:value=value
                aria-invalid=move || invalid().to_string() aria-describedby=described_by></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=name type=input_type autocomplete=autocomplete bind:value=value
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

/// A labelled group of radio buttons (`options` are value and label).
#[component]
pub fn RadioGroup(
    form: &'static str,
    name: &'static str,
    label: TextOf,
    options: Vec<(&'static str, TextOf)>,
    value: RwSignal<String>,
    #[prop(into)] errors: Signal<FieldErrors>,
) -> impl IntoView {
    let i18n = use_i18n();
    let legend_id = format!("{}-legend", field_id(form, name));
    let labelled_by = legend_id.clone();
    let messages = messages(errors, name);
    view! {
        <fieldset class="field radio-group" role="radiogroup" aria-labelledby=labelled_by
            class:field-invalid=move || !messages().is_empty()>
            <legend id=legend_id>{move || label(i18n.t())}</legend>
            <div class="radio-options">
                {options.into_iter().map(|(option, option_label)| view! {
                    <label class="radio">
                        <input type="radio" name=name value=option
                            prop:checked=move || value.get() == option
                            on:change=move |_| value.set(option.to_owned()) />
                        <span>{move || option_label(i18n.t())}</span>
                    </label>
                }).collect_view()}
            </div>
            <p class="field-error">{move || messages().join(" · ")}</p>
        </fieldset>
    }
}
