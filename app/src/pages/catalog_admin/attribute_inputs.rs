//! The inputs a category's schema asks for: a number input with its unit, a select of the
//! options, a text input or a checkbox, each named `attributes.<key>` like the server's errors.

use super::fields::{Check, Input, Select};
use crate::components::product_view::localized;
use crate::i18n::use_i18n;
use crate::types::catalog::{AttributeDef, AttributeKind, AttributeValues};
use leptos::prelude::*;
use serde_json::Value;

/// What one input holds.
#[derive(Debug, Clone, Copy)]
pub enum AttrState {
    Text(RwSignal<String>),
    Flag(RwSignal<bool>),
}

/// One attribute of the schema with its input's state.
#[derive(Debug, Clone)]
pub struct AttrField {
    pub def: AttributeDef,
    pub state: AttrState,
}

/// Inputs for `schema`, filled from `values` (a product being edited, or the inputs of the
/// previous category, so switching category keeps what still fits).
pub fn fields_for(schema: &[AttributeDef], values: &AttributeValues) -> Vec<AttrField> {
    schema
        .iter()
        .map(|def| {
            let value = values.get(&def.key);
            let state = match def.kind {
                AttributeKind::Boolean => {
                    AttrState::Flag(RwSignal::new(matches!(value, Some(Value::Bool(true)))))
                }
                _ => AttrState::Text(RwSignal::new(match value {
                    Some(Value::String(text)) => text.clone(),
                    _ => String::new(),
                })),
            };
            AttrField {
                def: def.clone(),
                state,
            }
        })
        .collect()
}

/// The values to send: empty inputs are left out (the server says if one is required).
pub fn collect(fields: &[AttrField]) -> AttributeValues {
    fields
        .iter()
        .filter_map(|field| {
            let value = match field.state {
                AttrState::Flag(flag) => Value::Bool(flag.get_untracked()),
                AttrState::Text(text) => {
                    let text = text.get_untracked();
                    if text.trim().is_empty() {
                        return None;
                    }
                    Value::String(text.trim().to_owned())
                }
            };
            Some((field.def.key.clone(), value))
        })
        .collect()
}

#[component]
pub fn AttributeInputs(form: &'static str, fields: Vec<AttrField>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    if fields.is_empty() {
        return view! { <p class="muted">{move || t().no_attributes}</p> }.into_any();
    }
    fields
        .into_iter()
        .map(|AttrField { def, state }| {
            let name = format!("attributes.{}", def.key);
            let label = {
                let (en, zh, required) = (def.name_en.clone(), def.name_zh.clone(), def.required);
                Signal::derive(move || {
                    let text = localized(i18n.locale(), &en, &zh);
                    if required {
                        format!("{text} *")
                    } else {
                        text
                    }
                })
            };
            match (def.kind, state) {
                (AttributeKind::Boolean, AttrState::Flag(value)) => {
                    view! { <Check form name label value /> }.into_any()
                }
                (AttributeKind::Enumeration { options }, AttrState::Text(value)) => {
                    let options = Signal::derive(move || {
                        std::iter::once((String::new(), t().not_set.to_owned()))
                            .chain(options.iter().map(|o| (o.clone(), o.clone())))
                            .collect::<Vec<_>>()
                    });
                    view! { <Select form name label value options /> }.into_any()
                }
                (AttributeKind::Number { unit }, AttrState::Text(value)) => {
                    let suffix = Signal::derive(move || unit.clone());
                    view! { <Input form name label value inputmode="decimal" suffix /> }.into_any()
                }
                (_, AttrState::Text(value)) => view! { <Input form name label value /> }.into_any(),
                (_, AttrState::Flag(value)) => view! { <Check form name label value /> }.into_any(),
            }
        })
        .collect_view()
        .into_any()
}
