//! Server-side pieces of catalog maintenance: checking category and product forms (schema,
//! parent, SKU, attribute values), the search document every product write stores, screening a
//! supplier's proposal, and who may read a product.

use crate::rules::catalog::attributes::{check_schema, check_values, searchable_text};
use crate::rules::catalog::moderation::{screen, Term};
use crate::rules::catalog::search_terms::{search_document, Weight};
use crate::rules::catalog::tree::would_cycle;
use crate::server::db::catalog::product::{ProductFields, ProductRecord};
use crate::server::error::violated_constraint;
use crate::types::catalog::manage::{CategoryInput, ProductDetail};
use crate::types::catalog::{AttributeDef, AttributeKind, Category, ProductInput, ReviewStatus};
use crate::types::validation::{bounded_text, FieldErrors, FieldIssue};
use crate::types::CurrentUser;
use crate::AppError;
use std::collections::HashMap;
use uuid::Uuid;

/// Trims and checks a category form: code, names, schema and parent (which must exist and must
/// not lie below the category itself).
pub fn check_category(
    input: &CategoryInput,
    categories: &[Category],
    category_id: Option<Uuid>,
) -> Result<CategoryInput, AppError> {
    let mut errors = FieldErrors::default();
    let code = input.code.trim().to_ascii_lowercase();
    if code.is_empty() {
        errors.add("code", FieldIssue::Required);
    } else if !is_code(&code) {
        errors.add("code", FieldIssue::InvalidFormat);
    }
    let name_en = errors.check("name_en", bounded_text(&input.name_en, 1, 100));
    let name_zh = errors.check("name_zh", bounded_text(&input.name_zh, 1, 100));
    let attributes: Vec<AttributeDef> = input.attributes.iter().map(trim_attribute).collect();
    if let Err(schema_errors) = check_schema(&attributes) {
        for (field, issues) in schema_errors.0 {
            for issue in issues {
                errors.add(&field, issue);
            }
        }
    }
    if let Some(parent) = input.parent_id {
        let parents: HashMap<Uuid, Option<Uuid>> = categories
            .iter()
            .map(|c| (c.category_id, c.parent_id))
            .collect();
        let loops = category_id.is_some_and(|id| would_cycle(&parents, id, parent));
        if !parents.contains_key(&parent) || loops {
            errors.add("parent_id", FieldIssue::InvalidChoice);
        }
    }
    errors.into_result()?;
    Ok(CategoryInput {
        parent_id: input.parent_id,
        code,
        name_en: name_en.unwrap_or_default(),
        name_zh: name_zh.unwrap_or_default(),
        attributes,
    })
}

fn trim_attribute(attribute: &AttributeDef) -> AttributeDef {
    let kind = match &attribute.kind {
        AttributeKind::Number { unit } => AttributeKind::Number {
            unit: unit.trim().to_owned(),
        },
        AttributeKind::Enumeration { options } => AttributeKind::Enumeration {
            options: options.iter().map(|o| o.trim().to_owned()).collect(),
        },
        other => other.clone(),
    };
    AttributeDef {
        key: attribute.key.trim().to_owned(),
        name_en: attribute.name_en.trim().to_owned(),
        name_zh: attribute.name_zh.trim().to_owned(),
        kind,
        required: attribute.required,
    }
}

/// `rebar`, `fasteners-bolts`: the `category_code_format` constraint.
fn is_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    let allowed = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    (2..=60).contains(&bytes.len())
        && allowed(&bytes[0])
        && bytes[1..].iter().all(|b| allowed(b) || *b == b'-')
}

/// `RB-HRB400-12`: upper-case letters, digits and dashes (`product_sku_format`).
fn is_sku(sku: &str) -> bool {
    let bytes = sku.as_bytes();
    let allowed = |b: &u8| b.is_ascii_uppercase() || b.is_ascii_digit();
    (3..=60).contains(&bytes.len())
        && allowed(&bytes[0])
        && bytes[1..].iter().all(|b| allowed(b) || *b == b'-')
}

/// Trims and checks a product form; `category` is its category if it exists (locked by the
/// caller so the schema cannot change underneath). Every bad field is reported at once.
pub fn check_product(
    input: &ProductInput,
    category: Option<&Category>,
) -> Result<ProductFields, AppError> {
    let mut errors = FieldErrors::default();
    match (input.category_id, category) {
        (None, _) => errors.add("category_id", FieldIssue::Required),
        (Some(_), None) => errors.add("category_id", FieldIssue::InvalidChoice),
        _ => {}
    }
    let sku = input.sku.trim().to_ascii_uppercase();
    if sku.is_empty() {
        errors.add("sku", FieldIssue::Required);
    } else if !is_sku(&sku) {
        errors.add("sku", FieldIssue::InvalidFormat);
    }
    let name_en = errors.check("name_en", bounded_text(&input.name_en, 1, 200));
    let name_zh = errors.check("name_zh", bounded_text(&input.name_zh, 1, 200));
    let description_en = errors.check(
        "description_en",
        bounded_text(&input.description_en, 0, 4000),
    );
    let description_zh = errors.check(
        "description_zh",
        bounded_text(&input.description_zh, 0, 4000),
    );
    let unit = errors.check("unit", bounded_text(&input.unit, 1, 20));
    let attributes =
        category.and_then(
            |category| match check_values(&category.attributes, &input.attributes) {
                Ok(values) => Some(values),
                Err(value_errors) => {
                    for (field, issues) in value_errors.0 {
                        for issue in issues {
                            errors.add(&field, issue);
                        }
                    }
                    None
                }
            },
        );
    errors.into_result()?;
    let (Some(category), Some(attributes)) = (category, attributes) else {
        return Err(AppError::field("category_id", FieldIssue::InvalidChoice));
    };
    let mut fields = ProductFields {
        category_id: category.category_id,
        sku,
        name_en: name_en.unwrap_or_default(),
        name_zh: name_zh.unwrap_or_default(),
        description_en: description_en.unwrap_or_default(),
        description_zh: description_zh.unwrap_or_default(),
        attributes,
        unit: unit.unwrap_or_default(),
        search_doc: String::new(),
    };
    let attribute_text = searchable_text(&category.attributes, &fields.attributes);
    fields.search_doc = search_document(&[
        (&fields.sku, Weight::A),
        (&fields.name_en, Weight::A),
        (&fields.name_zh, Weight::A),
        (&attribute_text, Weight::B),
        (&fields.description_en, Weight::C),
        (&fields.description_zh, Weight::C),
    ]);
    Ok(fields)
}

/// Screens a proposal's names and descriptions: a sensitive word refuses the field it is in
/// (naming the words), claim words are returned for the reviewer.
pub fn screen_proposal(fields: &ProductFields, terms: &[Term]) -> Result<Vec<String>, AppError> {
    let mut errors = FieldErrors::default();
    let mut flagged: Vec<String> = Vec::new();
    for (field, text) in [
        ("name_en", &fields.name_en),
        ("name_zh", &fields.name_zh),
        ("description_en", &fields.description_en),
        ("description_zh", &fields.description_zh),
    ] {
        let screening = screen(&[text], terms);
        if !screening.passes() {
            let words = screening.blocked;
            errors.add(field, FieldIssue::BlockedWords { words });
        }
        for word in screening.flagged {
            if !flagged.contains(&word) {
                flagged.push(word);
            }
        }
    }
    errors.into_result()?;
    Ok(flagged)
}

/// A failed product write as the client should see it (a taken SKU is the user's to fix).
pub fn product_write_error(error: sqlx::Error) -> AppError {
    match violated_constraint(&error) {
        Some("product_sku_key") => AppError::field("sku", FieldIssue::Duplicate),
        _ => error.into(),
    }
}

/// A failed category write as the client should see it.
pub fn category_write_error(error: sqlx::Error) -> AppError {
    match violated_constraint(&error) {
        Some("category_code_key") => AppError::field("code", FieldIssue::Duplicate),
        _ => error.into(),
    }
}

/// Whether `user` is staff or a member of the supplier that proposed `record`.
fn is_reviewer_or_proposer(user: &CurrentUser, record: &ProductRecord) -> bool {
    let own_org = user.organisation.as_ref().map(|org| org.organisation_id);
    user.is_staff() || (record.proposed_by.is_some() && record.proposed_by == own_org)
}

/// Whether `user` may read `record`: approved products anyone signed in; proposals only staff
/// and the proposing supplier's members. Others get `NotFound` (they must not learn of it).
pub fn ensure_can_read(user: &CurrentUser, record: &ProductRecord) -> Result<(), AppError> {
    if record.product.status == ReviewStatus::Approved || is_reviewer_or_proposer(user, record) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The detail view of a readable product; the claims the filter flagged only for staff and the
/// proposer (the words are the supplier's own; buyers never see the review's workings).
pub fn detail(user: &CurrentUser, record: ProductRecord, category: Category) -> ProductDetail {
    let flagged_terms = if is_reviewer_or_proposer(user, &record) {
        record.flagged_terms
    } else {
        Vec::new()
    };
    ProductDetail {
        product: record.product,
        category,
        flagged_terms,
    }
}

#[cfg(test)]
mod tests;
