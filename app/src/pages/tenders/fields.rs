//! Form fields for the tender form, whose names are dotted paths built at run time
//! (`lots.0.rules.ceiling`). Errors come from the server's `Validation` and from the browser's
//! own run of the rule-set check, both keyed by those names.

use crate::components::field::TextOf;
use crate::i18n::{use_i18n, I18n};
use crate::rules::auction::RuleIssue;
use crate::types::FieldErrors;
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// The form's errors, shared with its fields through context.
#[derive(Clone, Copy)]
pub struct TenderErrors {
    pub fields: RwSignal<FieldErrors>,
    pub rules: RwSignal<BTreeMap<String, Vec<RuleIssue>>>,
    /// Names a field is shown for; errors on other names are listed at the top.
    shown: StoredValue<BTreeSet<String>>,
    i18n: I18n,
}

impl TenderErrors {
    pub fn provide() -> Self {
        let errors = TenderErrors {
            fields: RwSignal::new(FieldErrors::default()),
            rules: RwSignal::new(BTreeMap::new()),
            shown: StoredValue::new(BTreeSet::new()),
            i18n: use_i18n(),
        };
        provide_context(errors);
        errors
    }

    pub fn clear(&self) {
        self.fields.set(FieldErrors::default());
        self.rules.set(BTreeMap::new());
    }

    pub fn is_empty(&self) -> bool {
        self.fields.with_untracked(FieldErrors::is_empty)
            && self.rules.with_untracked(BTreeMap::is_empty)
    }

    /// Marks `name` as shown by a field the form draws itself (so it is not listed at the top).
    pub fn shown_at(&self, name: &str) {
        self.shown.update_value(|s| {
            s.insert(name.to_owned());
        });
    }

    /// The translated messages for one field.
    pub fn messages(&self, name: &str) -> Vec<String> {
        let t = self.i18n.t();
        let mut out: Vec<String> = self
            .fields
            .read()
            .get(name)
            .iter()
            .map(|i| (t.issue)(i))
            .collect();
        if let Some(issues) = self.rules.read().get(name) {
            out.extend(issues.iter().map(|i| (t.tenders.rule_issue)(i)));
        }
        out
    }

    /// Errors on names no field shows (e.g. `lots` itself), with their names.
    pub fn unmatched(&self) -> Vec<(String, String)> {
        let shown = self.shown.get_value();
        let mut names: BTreeSet<String> = self.fields.read().0.keys().cloned().collect();
        names.extend(self.rules.read().keys().cloned());
        names
            .into_iter()
            .filter(|name| !shown.contains(name))
            .map(|name| {
                let text = self.messages(&name).join(" · ");
                (name, text)
            })
            .collect()
    }
}

fn use_errors() -> TenderErrors {
    expect_context::<TenderErrors>()
}

fn dom_id(name: &str) -> String {
    format!("tender-{}", name.replace('.', "-"))
}

/// Registers `name` as shown and returns its id and a message reader.
fn register(name: &str) -> (String, impl Fn() -> String + Copy + Send + Sync + 'static) {
    let errors = use_errors();
    errors.shown.update_value(|s| {
        s.insert(name.to_owned());
    });
    let key = StoredValue::new(name.to_owned());
    (dom_id(name), move || {
        errors.messages(&key.get_value()).join(" · ")
    })
}

/// A labelled text input (or textarea) with its messages.
#[component]
pub fn Input(
    #[prop(into)] name: String,
    label: TextOf,
    value: RwSignal<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] inputmode: &'static str,
    #[prop(optional)] hint: Option<TextOf>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let (id, messages) = register(&name);
    let invalid = move || !messages().is_empty();
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let input = if multiline {
        view! { <textarea id=id.clone() name=name rows="3" bind:value=value aria-invalid=move || invalid().to_string() aria-describedby=described></textarea> }.into_any()
    } else {
        // Seconds matter for an auction's times: `step=1` lets the picker take them.
        let step = (input_type == "datetime-local").then_some("1");
        view! { <input id=id.clone() name=name type=input_type inputmode=(!inputmode.is_empty()).then_some(inputmode) step=step
            autocomplete="off" bind:value=value aria-invalid=move || invalid().to_string() aria-describedby=described /> }.into_any()
    };
    view! {
        <div class=format!("field {class}") class:field-invalid=invalid>
            <label for=id>{move || label(i18n.t())}</label>
            {input}
            {hint.map(|hint| view! { <p class="field-hint">{move || hint(i18n.t())}</p> })}
            <p class="field-error" id=error_id>{messages}</p>
        </div>
    }
}

/// The text of a select option: from the catalog, or fixed (a currency code).
#[derive(Clone)]
pub enum Label {
    Text(TextOf),
    Raw(String),
}

impl From<TextOf> for Label {
    fn from(text: TextOf) -> Self {
        Label::Text(text)
    }
}

/// A labelled select of fixed options (value, label).
#[component]
pub fn Select(
    #[prop(into)] name: String,
    label: TextOf,
    value: RwSignal<String>,
    options: Vec<(String, Label)>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let (id, messages) = register(&name);
    view! {
        <div class=format!("field {class}") class:field-invalid=move || !messages().is_empty()>
            <label for=id.clone()>{move || label(i18n.t())}</label>
            <select id=id name=name on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(option, text)| {
                    let selected = option.clone();
                    let text = move || match &text {
                        Label::Text(text) => text(i18n.t()).to_owned(),
                        Label::Raw(raw) => raw.clone(),
                    };
                    view! { <option value=option prop:selected=move || value.get() == selected>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-error">{messages}</p>
        </div>
    }
}

/// A checkbox with its label to the right.
#[component]
pub fn Check(#[prop(into)] name: String, label: TextOf, value: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let (id, messages) = register(&name);
    let label_for = id.clone();
    view! {
        <div class="field field-check">
            <label class="check" for=label_for>
                <input id=id type="checkbox" name=name prop:checked=move || value.get()
                    on:change=move |ev| value.set(event_target_checked(&ev)) />
                <span>{move || label(i18n.t())}</span>
            </label>
            <p class="field-error">{messages}</p>
        </div>
    }
}
