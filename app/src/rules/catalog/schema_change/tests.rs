use super::*;
use serde_json::json;

fn attribute(key: &str, kind: AttributeKind, required: bool) -> AttributeDef {
    AttributeDef {
        key: key.to_owned(),
        name_en: key.to_owned(),
        name_zh: key.to_owned(),
        kind,
        required,
    }
}

fn grade(options: &[&str]) -> AttributeDef {
    let options = options.iter().map(|o| o.to_string()).collect();
    attribute("grade", AttributeKind::Enumeration { options }, true)
}

fn diameter(required: bool) -> AttributeDef {
    let unit = "mm".to_owned();
    attribute("diameter", AttributeKind::Number { unit }, required)
}

fn products() -> Vec<(String, AttributeValues)> {
    let mut first = AttributeValues::new();
    first.insert("grade".into(), json!("HRB400"));
    first.insert("diameter".into(), json!("12"));
    let mut second = AttributeValues::new();
    second.insert("grade".into(), json!("HRB500"));
    vec![("RB-400-12".into(), first), ("RB-500".into(), second)]
}

fn only_issue(errors: &FieldErrors, field: &str) -> SchemaConflict {
    match errors.get(field) {
        [FieldIssue::SchemaInUse { conflict }] => conflict.clone(),
        other => panic!("{field}: {other:?} in {errors:?}"),
    }
}

#[test]
fn a_change_every_product_satisfies_passes() {
    let schema = [grade(&["HRB400", "HRB500", "HRB600"]), diameter(false)];
    assert_eq!(check_schema_change(&schema, &products()), Ok(()));
    assert_eq!(check_schema_change(&[], &[]), Ok(()));
}

#[test]
fn removing_a_used_attribute_is_refused_with_its_key() {
    let errors = check_schema_change(&[grade(&["HRB400", "HRB500"])], &products()).unwrap_err();
    assert_eq!(
        only_issue(&errors, "attributes"),
        SchemaConflict::Removed {
            key: "diameter".into(),
            products: 1,
            example_sku: "RB-400-12".into()
        }
    );
}

#[test]
fn removing_a_used_option_is_refused_on_the_options() {
    let schema = [grade(&["HRB400"]), diameter(false)];
    let errors = check_schema_change(&schema, &products()).unwrap_err();
    assert_eq!(
        only_issue(&errors, "attributes[0].options"),
        SchemaConflict::ValuesRefused {
            values: vec!["HRB500".into()],
            products: 1,
            example_sku: "RB-500".into()
        }
    );
}

#[test]
fn requiring_an_attribute_some_products_lack_is_refused() {
    let schema = [grade(&["HRB400", "HRB500"]), diameter(true)];
    let errors = check_schema_change(&schema, &products()).unwrap_err();
    assert_eq!(
        only_issue(&errors, "attributes[1].required"),
        SchemaConflict::Missing {
            products: 1,
            example_sku: "RB-500".into()
        }
    );
}

#[test]
fn changing_a_kind_the_values_do_not_fit_is_refused_on_the_kind() {
    let schema = [
        grade(&["HRB400", "HRB500"]),
        attribute("diameter", AttributeKind::Boolean, false),
    ];
    let errors = check_schema_change(&schema, &products()).unwrap_err();
    assert!(matches!(
        only_issue(&errors, "attributes[1].kind"),
        SchemaConflict::ValuesRefused { products: 1, .. }
    ));
}
