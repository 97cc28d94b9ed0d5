//! The attribute-schema editor: one row per attribute (key, names in both languages, kind with
//! its unit or options, required), added and removed with buttons; the rows' inputs are named
//! `attributes[i].…` like the server's errors, so each message lands next to its input.

use super::fields::{register, text, Check, Input, Select};
use crate::i18n::use_i18n;
use crate::types::catalog::{AttributeDef, AttributeKind};
use leptos::html;
use leptos::prelude::*;

/// The editable state of one attribute.
#[derive(Debug, Clone, Copy)]
pub struct AttrRow {
    /// Stable for the row's life (its index changes when an earlier row goes).
    pub id: u64,
    key: RwSignal<String>,
    name_en: RwSignal<String>,
    name_zh: RwSignal<String>,
    kind: RwSignal<String>,
    unit: RwSignal<String>,
    /// One option per line.
    options: RwSignal<String>,
    required: RwSignal<bool>,
    /// Added by the user just now: its first input takes the focus (once).
    fresh: StoredValue<bool>,
}

impl AttrRow {
    fn new(id: u64, def: &AttributeDef, fresh: bool) -> Self {
        let (kind, unit, options) = match &def.kind {
            AttributeKind::Number { unit } => ("number", unit.clone(), String::new()),
            AttributeKind::Enumeration { options } => {
                ("enumeration", String::new(), options.join("\n"))
            }
            AttributeKind::Text => ("text", String::new(), String::new()),
            AttributeKind::Boolean => ("boolean", String::new(), String::new()),
        };
        AttrRow {
            id,
            key: RwSignal::new(def.key.clone()),
            name_en: RwSignal::new(def.name_en.clone()),
            name_zh: RwSignal::new(def.name_zh.clone()),
            kind: RwSignal::new(kind.to_owned()),
            unit: RwSignal::new(unit),
            options: RwSignal::new(options),
            required: RwSignal::new(def.required),
            fresh: StoredValue::new(fresh),
        }
    }

    /// The attribute as the server receives it.
    pub fn to_def(self) -> AttributeDef {
        let kind = match self.kind.get_untracked().as_str() {
            "number" => AttributeKind::Number {
                unit: self.unit.get_untracked(),
            },
            "enumeration" => AttributeKind::Enumeration {
                options: self
                    .options
                    .get_untracked()
                    .lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .map(str::to_owned)
                    .collect(),
            },
            "boolean" => AttributeKind::Boolean,
            _ => AttributeKind::Text,
        };
        AttributeDef {
            key: self.key.get_untracked(),
            name_en: self.name_en.get_untracked(),
            name_zh: self.name_zh.get_untracked(),
            kind,
            required: self.required.get_untracked(),
        }
    }
}

/// Rows for an existing schema.
pub fn rows_for(schema: &[AttributeDef]) -> Vec<AttrRow> {
    schema
        .iter()
        .enumerate()
        .map(|(index, def)| AttrRow::new(index as u64, def, false))
        .collect()
}

#[component]
pub fn SchemaEditor(rows: RwSignal<Vec<AttrRow>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let add = move |_| {
        rows.update(|rows| {
            let id = rows.iter().map(|r| r.id + 1).max().unwrap_or(0);
            let blank = AttributeDef {
                key: String::new(),
                name_en: String::new(),
                name_zh: String::new(),
                kind: AttributeKind::Text,
                required: false,
            };
            rows.push(AttrRow::new(id, &blank, true));
        });
    };
    // Removed attributes still in use are reported on the schema as a whole.
    let (_, schema_messages) = register("category", "attributes");
    view! {
        <fieldset class="cat-fieldset cat-schema">
            <legend>{move || t().schema}</legend>
            <p class="field-hint">{move || t().schema_hint}</p>
            <p class="field-error" role="alert">{schema_messages}</p>
            {move || {
                let list = rows.get();
                if list.is_empty() {
                    return view! { <p class="muted">{move || t().no_attributes}</p> }.into_any();
                }
                list.into_iter()
                    .enumerate()
                    .map(|(index, row)| view! { <RowEditor index row rows /> })
                    .collect_view()
                    .into_any()
            }}
            <button class="button secondary" type="button" on:click=add>{move || t().add_attribute}</button>
        </fieldset>
    }
}

#[component]
fn RowEditor(index: usize, row: AttrRow, rows: RwSignal<Vec<AttrRow>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().catalog_admin;
    let field = move |part: &str| format!("attributes[{index}].{part}");
    let key_ref = NodeRef::<html::Div>::new();
    if row.fresh.get_value() {
        Effect::new(move |_| {
            if let Some(input) = key_ref
                .get()
                .and_then(|div| div.query_selector("input").ok().flatten())
            {
                use wasm_bindgen::JsCast;
                if let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    row.fresh.set_value(false);
                }
            }
        });
    }
    let kinds = Signal::derive(move || {
        let t = t();
        vec![
            ("text".to_owned(), t.kind_text.to_owned()),
            ("number".to_owned(), t.kind_number.to_owned()),
            ("enumeration".to_owned(), t.kind_enumeration.to_owned()),
            ("boolean".to_owned(), t.kind_boolean.to_owned()),
        ]
    });
    let title = move || (t().attribute_number)(index + 1);
    let remove = move |_| rows.update(|rows| rows.retain(|r| r.id != row.id));
    view! {
        <div class="cat-attr-row" role="group" aria-label=title>
            <div class="cat-attr-row-head">
                <strong>{title}</strong>
                <button class="button danger small" type="button" on:click=remove
                    aria-label=move || format!("{} — {}", t().remove_attribute, title())>
                    {move || t().remove_attribute}
                </button>
            </div>
            <div class="cat-grid">
                <div node_ref=key_ref class="cat-cell">
                    <Input form="category" name=field("key") label=text(|t| t.catalog_admin.key) value=row.key
                        hint=text(|t| t.catalog_admin.key_hint) />
                </div>
                <Input form="category" name=field("name_en") label=text(|t| t.catalog_admin.name_en) value=row.name_en />
                <Input form="category" name=field("name_zh") label=text(|t| t.catalog_admin.name_zh) value=row.name_zh />
                <Select form="category" name=field("kind") label=text(|t| t.catalog_admin.kind) value=row.kind options=kinds />
                {move || match row.kind.get().as_str() {
                    "number" => view! {
                        <Input form="category" name=field("unit") label=text(|t| t.catalog_admin.unit) value=row.unit />
                    }.into_any(),
                    "enumeration" => view! {
                        <Input form="category" name=field("options") label=text(|t| t.catalog_admin.options) value=row.options
                            hint=text(|t| t.catalog_admin.options_hint) multiline=true />
                    }.into_any(),
                    _ => ().into_any(),
                }}
                <Check form="category" name=field("required") label=text(|t| t.catalog_admin.required) value=row.required />
            </div>
        </div>
    }
}
