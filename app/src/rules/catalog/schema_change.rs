//! A category's schema may change only in ways its products still satisfy: removing an
//! attribute or an option that products use, changing a kind their values no longer fit, or
//! making an attribute required that some products lack would silently invalidate them, so such
//! a change is refused, naming the schema field and how many products it would break.

use super::attributes::check_values;
use crate::types::catalog::{AttributeDef, AttributeKind, AttributeValues};
use crate::types::{FieldErrors, FieldIssue};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a schema change would break products of the category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum SchemaConflict {
    /// The attribute `key` was removed, but products hold values for it.
    Removed {
        key: String,
        products: u32,
        example_sku: String,
    },
    /// The new definition refuses values products hold (a removed option, a changed kind).
    ValuesRefused {
        values: Vec<String>,
        products: u32,
        example_sku: String,
    },
    /// The attribute became required, but products have no value for it.
    Missing { products: u32, example_sku: String },
}

/// Tallies products per conflict while scanning.
#[derive(Default)]
struct Tally {
    products: u32,
    example_sku: String,
    values: Vec<String>,
}

impl Tally {
    fn add(&mut self, sku: &str, value: Option<String>) {
        if self.products == 0 {
            self.example_sku = sku.to_owned();
        }
        self.products += 1;
        if let Some(value) = value {
            if !self.values.contains(&value) && self.values.len() < 10 {
                self.values.push(value);
            }
        }
    }
}

/// Checks `schema` against the values of the category's products, given as (SKU, values).
/// Errors use the schema form's field names: `attributes` for a removed attribute,
/// `attributes[i].options` / `attributes[i].kind` for refused values, `attributes[i].required`.
pub fn check_schema_change(
    schema: &[AttributeDef],
    products: &[(String, AttributeValues)],
) -> Result<(), FieldErrors> {
    let mut removed: BTreeMap<String, Tally> = BTreeMap::new();
    let mut refused: BTreeMap<usize, Tally> = BTreeMap::new();
    let mut missing: BTreeMap<usize, Tally> = BTreeMap::new();
    for (sku, values) in products {
        let Err(errors) = check_values(schema, values) else {
            continue;
        };
        for (field, issues) in &errors.0 {
            let Some(key) = field.strip_prefix("attributes.") else {
                continue;
            };
            match schema.iter().position(|a| a.key == key) {
                None => removed.entry(key.to_owned()).or_default().add(sku, None),
                Some(index) if issues.contains(&FieldIssue::Required) => {
                    missing.entry(index).or_default().add(sku, None)
                }
                Some(index) => {
                    let shown = values.get(key).map(|value| match value {
                        serde_json::Value::String(text) => text.clone(),
                        other => other.to_string(),
                    });
                    refused.entry(index).or_default().add(sku, shown)
                }
            }
        }
    }
    let mut errors = FieldErrors::default();
    for (key, tally) in removed {
        let conflict = SchemaConflict::Removed {
            key,
            products: tally.products,
            example_sku: tally.example_sku,
        };
        errors.add("attributes", FieldIssue::SchemaInUse { conflict });
    }
    for (index, tally) in refused {
        let part = match schema[index].kind {
            AttributeKind::Enumeration { .. } => "options",
            _ => "kind",
        };
        let conflict = SchemaConflict::ValuesRefused {
            values: tally.values,
            products: tally.products,
            example_sku: tally.example_sku,
        };
        errors.add(
            &format!("attributes[{index}].{part}"),
            FieldIssue::SchemaInUse { conflict },
        );
    }
    for (index, tally) in missing {
        let conflict = SchemaConflict::Missing {
            products: tally.products,
            example_sku: tally.example_sku,
        };
        errors.add(
            &format!("attributes[{index}].required"),
            FieldIssue::SchemaInUse { conflict },
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests;
