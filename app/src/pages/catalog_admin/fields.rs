//! Form fields for the catalog forms, whose names are built at run time (`attributes[2].key`,
//! `attributes.diameter`) and whose labels may come from data (a schema's attribute names).
//! A form provides its [`FormErrors`]; each field shows the messages for its own name and the
//! form lists any others at the top, so no server message is ever lost.

use crate::i18n::{use_i18n, I18n};
use crate::types::FieldErrors;
use crate::AppError;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// One form's errors, shared with its fields through context.
#[derive(Clone, Copy)]
pub struct FormErrors {
    pub fields: RwSignal<FieldErrors>,
    /// A failure that is not about a field (network, forbidden…).
    pub alert: RwSignal<Option<AppError>>,
    shown: StoredValue<BTreeSet<String>>,
    i18n: I18n,
}

impl FormErrors {
    /// Creates the errors of a form and provides them to its fields.
    pub fn provide() -> Self {
        let errors = FormErrors {
            fields: RwSignal::new(FieldErrors::default()),
            alert: RwSignal::new(None),
            shown: StoredValue::new(BTreeSet::new()),
            i18n: use_i18n(),
        };
        provide_context(errors);
        errors
    }

    pub fn clear(&self) {
        self.fields.set(FieldErrors::default());
        self.alert.set(None);
    }

    /// Shows a failed submission; what the user typed stays in the inputs.
    pub fn fail(&self, error: AppError) {
        match error {
            AppError::Validation { fields } => {
                self.fields.set(fields);
                self.alert.set(None);
            }
            other => {
                self.fields.set(FieldErrors::default());
                self.alert.set(Some(other));
            }
        }
    }

    /// The translated messages for `name`, joined.
    pub fn messages(&self, name: &str) -> String {
        let t = self.i18n.t();
        self.fields
            .read()
            .get(name)
            .iter()
            .map(|issue| (t.issue)(issue))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Messages of names no field on the page shows, and the alert.
    fn unmatched(&self) -> Vec<String> {
        let shown = self.shown.get_value();
        let mut out: Vec<String> = self
            .fields
            .read()
            .0
            .keys()
            .filter(|name| !shown.contains(*name))
            .map(|name| self.messages(name))
            .collect();
        if let Some(error) = self.alert.get() {
            out.push((self.i18n.t().error)(&error));
        }
        out
    }
}

fn use_errors() -> FormErrors {
    expect_context::<FormErrors>()
}

/// Registers `name` as shown and returns its DOM id and a message reader.
pub fn register(
    form: &str,
    name: &str,
) -> (String, impl Fn() -> String + Copy + Send + Sync + 'static) {
    let errors = use_errors();
    errors.shown.update_value(|s| {
        s.insert(name.to_owned());
    });
    let key = StoredValue::new(name.to_owned());
    let id: String = format!("{form}-{name}")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    (id, move || errors.messages(&key.get_value()))
}

/// Errors that belong to no field on the form, announced at its top.
#[component]
pub fn Unmatched() -> impl IntoView {
    let errors = use_errors();
    move || {
        let messages = errors.unmatched();
        (!messages.is_empty()).then(|| {
            view! {
                <ul class="form-alert cat-unmatched" role="alert">
                    {messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            }
        })
    }
}

/// A labelled text input (or textarea) bound to `value`, with its messages.
#[component]
pub fn Input(
    form: &'static str,
    #[prop(into)] name: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] inputmode: &'static str,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional, into)] suffix: Option<Signal<String>>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let (id, messages) = register(form, &name);
    let invalid = move || !messages().is_empty();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = format!("{hint_id} {error_id}");
    let input = if multiline {
        view! { <textarea id=id.clone() name=name rows="4" bind:value=value
        aria-invalid=move || invalid().to_string() aria-describedby=described></textarea> }
        .into_any()
    } else {
        view! { <input id=id.clone() name=name type=input_type autocomplete="off"
        inputmode=(!inputmode.is_empty()).then_some(inputmode) bind:value=value
        aria-invalid=move || invalid().to_string() aria-describedby=described /> }
        .into_any()
    };
    view! {
        <div class=format!("field {class}") class:field-invalid=invalid>
            <label for=id>{move || label.get()}</label>
            {match suffix {
                Some(suffix) => view! {
                    <div class="cat-with-unit">{input}<span class="cat-unit">{move || suffix.get()}</span></div>
                }.into_any(),
                None => input,
            }}
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{move || hint.get()}</p> })}
            <p class="field-error" id=error_id>{messages}</p>
        </div>
    }
}

/// A labelled select; `options` are (value, text), recomputed when the language changes.
#[component]
pub fn Select(
    form: &'static str,
    #[prop(into)] name: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let (id, messages) = register(form, &name);
    let invalid = move || !messages().is_empty();
    let error_id = format!("{id}-error");
    view! {
        <div class=format!("field {class}") class:field-invalid=invalid>
            <label for=id.clone()>{move || label.get()}</label>
            <select id=id name=name aria-invalid=move || invalid().to_string() aria-describedby=error_id.clone()
                on:change=move |ev| value.set(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(option, text)| {
                    let selected = option.clone();
                    view! { <option value=option prop:selected=move || value.get() == selected>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id>{messages}</p>
        </div>
    }
}

/// A checkbox with its label to the right.
#[component]
pub fn Check(
    form: &'static str,
    #[prop(into)] name: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<bool>,
) -> impl IntoView {
    let (id, messages) = register(form, &name);
    let label_for = id.clone();
    view! {
        <div class="field cat-check">
            <label for=label_for>
                <input id=id type="checkbox" name=name prop:checked=move || value.get()
                    on:change=move |ev| value.set(event_target_checked(&ev)) />
                <span>{move || label.get()}</span>
            </label>
            <p class="field-error">{messages}</p>
        </div>
    }
}

/// Moves the keyboard focus (and the view) to the element `id` once it is rendered: an editor
/// that opens below a list takes the focus, so keyboard and phone users land in it.
pub fn focus_on_mount(id: &'static str) {
    Effect::new(move |_| focus_element(id));
}

/// Moves the keyboard focus to the element `id` now (e.g. a heading once its editor closed).
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// A label from the catalog of the current language.
pub fn text(pick: fn(&'static crate::i18n::Texts) -> &'static str) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || pick(i18n.t()).to_owned())
}
