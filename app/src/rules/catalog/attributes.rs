//! Category attribute schemas and the product values they accept.
//!
//! Staff define a category's schema; every product of the category is checked against it.
//! Values are stored normalised: numbers as decimal strings without trailing zeros ("12.5"),
//! options exactly as the schema spells them, booleans as JSON booleans, text trimmed.

use crate::types::catalog::{AttributeDef, AttributeKind, AttributeValues};
use crate::types::money::{Money, SignRule};
use crate::types::validation::bounded_text;
use crate::types::{FieldErrors, FieldIssue};
use serde_json::Value;
use std::collections::HashSet;

/// Most attributes a category may define.
pub const MAX_ATTRIBUTES: usize = 30;
/// Most options an enumeration may list.
pub const MAX_OPTIONS: usize = 50;
/// Longest text value.
pub const MAX_TEXT: usize = 200;

/// Checks a schema; field names are `attributes[i].key`, `attributes[i].name_en`, …
pub fn check_schema(attributes: &[AttributeDef]) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    if attributes.len() > MAX_ATTRIBUTES {
        errors.add(
            "attributes",
            FieldIssue::TooManyItems {
                max: MAX_ATTRIBUTES,
            },
        );
    }
    let mut keys = HashSet::new();
    for (index, attribute) in attributes.iter().enumerate() {
        let field = |name: &str| format!("attributes[{index}].{name}");
        if !is_key(&attribute.key) {
            errors.add(&field("key"), FieldIssue::InvalidFormat);
        } else if !keys.insert(attribute.key.as_str()) {
            errors.add(&field("key"), FieldIssue::Duplicate);
        }
        for (name, text) in [
            ("name_en", &attribute.name_en),
            ("name_zh", &attribute.name_zh),
        ] {
            if let Err(issue) = bounded_text(text, 1, 60) {
                errors.add(&field(name), issue);
            }
        }
        match &attribute.kind {
            AttributeKind::Number { unit } => {
                if unit.chars().count() > 20 {
                    errors.add(&field("unit"), FieldIssue::TooLong { max: 20 });
                }
            }
            AttributeKind::Enumeration { options } => {
                if options.is_empty() {
                    errors.add(&field("options"), FieldIssue::Required);
                } else if options.len() > MAX_OPTIONS {
                    errors.add(
                        &field("options"),
                        FieldIssue::TooManyItems { max: MAX_OPTIONS },
                    );
                }
                let mut seen = HashSet::new();
                for option in options {
                    if bounded_text(option, 1, 60).is_err() {
                        errors.add(&field("options"), FieldIssue::Required);
                    } else if !seen.insert(option.trim()) {
                        errors.add(&field("options"), FieldIssue::Duplicate);
                    }
                }
            }
            AttributeKind::Text | AttributeKind::Boolean => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Checks a product's values against its category's schema and returns them normalised. Field
/// names are `attributes.<key>`; a key the schema does not define is refused.
pub fn check_values(
    schema: &[AttributeDef],
    values: &AttributeValues,
) -> Result<AttributeValues, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut normalised = AttributeValues::new();
    for key in values.keys() {
        if !schema.iter().any(|attribute| &attribute.key == key) {
            errors.add(&format!("attributes.{key}"), FieldIssue::InvalidChoice);
        }
    }
    for attribute in schema {
        let field = format!("attributes.{}", attribute.key);
        let value = values.get(&attribute.key).filter(|v| !is_blank(v));
        let Some(value) = value else {
            if attribute.required {
                errors.add(&field, FieldIssue::Required);
            }
            continue;
        };
        match check_value(&attribute.kind, value) {
            Ok(value) => {
                normalised.insert(attribute.key.clone(), value);
            }
            Err(issue) => errors.add(&field, issue),
        }
    }
    if errors.is_empty() {
        Ok(normalised)
    } else {
        Err(errors)
    }
}

/// The words a product's attribute values add to its search document ("HRB400", "12 mm").
pub fn searchable_text(schema: &[AttributeDef], values: &AttributeValues) -> String {
    let mut parts = Vec::new();
    for attribute in schema {
        match (&attribute.kind, values.get(&attribute.key)) {
            (AttributeKind::Number { unit }, Some(Value::String(number))) => {
                parts.push(format!("{number}{unit}"));
            }
            (
                AttributeKind::Enumeration { .. } | AttributeKind::Text,
                Some(Value::String(text)),
            ) => {
                parts.push(text.clone());
            }
            _ => {}
        }
    }
    parts.join(" ")
}

fn check_value(kind: &AttributeKind, value: &Value) -> Result<Value, FieldIssue> {
    match (kind, value) {
        (AttributeKind::Number { .. }, Value::String(text)) => {
            let number = Money::parse_amount(text, SignRule::Any).map_err(FieldIssue::from)?;
            Ok(Value::String(number.normalize().to_string()))
        }
        (AttributeKind::Number { .. }, _) => Err(FieldIssue::NotANumber),
        (AttributeKind::Enumeration { options }, Value::String(text)) => options
            .iter()
            .find(|option| option.trim() == text.trim())
            .map(|option| Value::String(option.trim().to_owned()))
            .ok_or(FieldIssue::InvalidChoice),
        (AttributeKind::Text, Value::String(text)) => {
            bounded_text(text, 1, MAX_TEXT).map(Value::String)
        }
        (AttributeKind::Boolean, Value::Bool(flag)) => Ok(Value::Bool(*flag)),
        _ => Err(FieldIssue::InvalidChoice),
    }
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        _ => false,
    }
}

/// `snake_case`, starting with a letter, at most 40 characters.
fn is_key(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some('a'..='z'))
        && key.len() <= 40
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests;
