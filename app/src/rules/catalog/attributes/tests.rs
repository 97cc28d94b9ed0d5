//! Tests of attribute schemas and values.

use super::*;
use serde_json::json;

fn schema() -> Vec<AttributeDef> {
    vec![
        AttributeDef {
            key: "diameter".into(),
            name_en: "Diameter".into(),
            name_zh: "直径".into(),
            kind: AttributeKind::Number { unit: "mm".into() },
            required: true,
        },
        AttributeDef {
            key: "grade".into(),
            name_en: "Grade".into(),
            name_zh: "牌号".into(),
            kind: AttributeKind::Enumeration {
                options: vec!["HRB400".into(), "HRB500".into()],
            },
            required: true,
        },
        AttributeDef {
            key: "coated".into(),
            name_en: "Coated".into(),
            name_zh: "涂层".into(),
            kind: AttributeKind::Boolean,
            required: false,
        },
    ]
}

fn values(pairs: serde_json::Value) -> AttributeValues {
    serde_json::from_value(pairs).unwrap()
}

#[test]
fn values_are_checked_and_normalised() {
    let checked = check_values(
        &schema(),
        &values(json!({"diameter": "12.50", "grade": " HRB400 "})),
    );
    assert_eq!(
        checked.unwrap(),
        values(json!({"diameter": "12.5", "grade": "HRB400"}))
    );
}

#[test]
fn missing_unknown_and_wrong_values_name_their_field() {
    let errors = check_values(
        &schema(),
        &values(json!({"grade": "Q235", "coated": "yes", "colour": "red"})),
    )
    .unwrap_err();
    assert_eq!(errors.get("attributes.diameter"), &[FieldIssue::Required]);
    assert_eq!(errors.get("attributes.grade"), &[FieldIssue::InvalidChoice]);
    assert_eq!(
        errors.get("attributes.coated"),
        &[FieldIssue::InvalidChoice]
    );
    assert_eq!(
        errors.get("attributes.colour"),
        &[FieldIssue::InvalidChoice]
    );
    let errors = check_values(
        &schema(),
        &values(json!({"diameter": "1e3", "grade": "HRB500"})),
    );
    assert_eq!(
        errors.unwrap_err().get("attributes.diameter"),
        &[FieldIssue::NotANumber]
    );
}

#[test]
fn a_schema_needs_unique_snake_case_keys_and_options() {
    assert!(check_schema(&schema()).is_ok());
    let mut bad = schema();
    bad[1].key = "diameter".into();
    bad[2].key = "Coated".into();
    bad.push(AttributeDef {
        key: "finish".into(),
        name_en: "".into(),
        name_zh: "表面".into(),
        kind: AttributeKind::Enumeration {
            options: vec!["zinc".into(), "zinc".into()],
        },
        required: false,
    });
    let errors = check_schema(&bad).unwrap_err();
    assert_eq!(errors.get("attributes[1].key"), &[FieldIssue::Duplicate]);
    assert_eq!(
        errors.get("attributes[2].key"),
        &[FieldIssue::InvalidFormat]
    );
    assert_eq!(errors.get("attributes[3].name_en"), &[FieldIssue::Required]);
    assert_eq!(
        errors.get("attributes[3].options"),
        &[FieldIssue::Duplicate]
    );
}

#[test]
fn searchable_text_carries_units_and_options() {
    let text = searchable_text(
        &schema(),
        &values(json!({"diameter": "12", "grade": "HRB400"})),
    );
    assert_eq!(text, "12mm HRB400");
}
