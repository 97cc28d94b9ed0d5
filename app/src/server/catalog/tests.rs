use super::*;
use crate::rules::catalog::moderation::TermKind;
use serde_json::json;

fn rebar() -> Category {
    Category {
        category_id: Uuid::from_u128(1),
        parent_id: None,
        code: "rebar".into(),
        name_en: "Rebar".into(),
        name_zh: "钢筋".into(),
        attributes: vec![AttributeDef {
            key: "diameter".into(),
            name_en: "Diameter".into(),
            name_zh: "直径".into(),
            kind: AttributeKind::Number { unit: "mm".into() },
            required: true,
        }],
    }
}

fn input() -> ProductInput {
    ProductInput {
        category_id: Some(Uuid::from_u128(1)),
        sku: " rb-hrb400-12 ".into(),
        name_en: "HRB400 deformed steel rebar 12 mm".into(),
        name_zh: "HRB400 螺纹钢筋 12mm".into(),
        description_en: String::new(),
        description_zh: String::new(),
        attributes: [("diameter".to_owned(), json!("12.0"))]
            .into_iter()
            .collect(),
        unit: "t".into(),
    }
}

fn fields_of(error: AppError) -> FieldErrors {
    error.field_errors().cloned().expect("a validation error")
}

#[test]
fn codes_and_skus_follow_the_table_constraints() {
    assert!(is_code("fasteners-bolts") && is_code("m8"));
    assert!(!is_code("a") && !is_code("-bolts") && !is_code("Bolts"));
    assert!(is_sku("RB-HRB400-12") && !is_sku("rb-1") && !is_sku("AB") && !is_sku("A B1"));
}

#[test]
fn a_product_is_normalised_and_indexed_under_its_names_and_values() {
    let fields = check_product(&input(), Some(&rebar())).unwrap();
    assert_eq!(fields.sku, "RB-HRB400-12");
    assert_eq!(fields.attributes["diameter"], json!("12"));
    for term in ["'rebar'", "'钢筋'", "'12mm'", "'rb'"] {
        assert!(
            fields.search_doc.contains(term),
            "{term} in {}",
            fields.search_doc
        );
    }
}

#[test]
fn every_bad_product_field_is_reported_at_once() {
    let mut bad = input();
    bad.sku = "x".into();
    bad.name_zh = " ".into();
    bad.unit = String::new();
    bad.attributes.clear();
    let errors = fields_of(check_product(&bad, Some(&rebar())).unwrap_err());
    assert_eq!(errors.get("sku"), [FieldIssue::InvalidFormat]);
    assert_eq!(errors.get("name_zh"), [FieldIssue::Required]);
    assert_eq!(errors.get("unit"), [FieldIssue::Required]);
    assert_eq!(errors.get("attributes.diameter"), [FieldIssue::Required]);
    let errors = fields_of(check_product(&input(), None).unwrap_err());
    assert_eq!(errors.get("category_id"), [FieldIssue::InvalidChoice]);
}

#[test]
fn a_category_cannot_become_its_own_ancestor() {
    let parent = rebar();
    let mut child = rebar();
    child.category_id = Uuid::from_u128(2);
    child.parent_id = Some(parent.category_id);
    child.code = "rebar-coil".into();
    let categories = [parent.clone(), child.clone()];
    let mut form = CategoryInput::from(&parent);
    form.parent_id = Some(child.category_id);
    let errors =
        fields_of(check_category(&form, &categories, Some(parent.category_id)).unwrap_err());
    assert_eq!(errors.get("parent_id"), [FieldIssue::InvalidChoice]);
    form.parent_id = Some(Uuid::from_u128(99));
    let errors = fields_of(check_category(&form, &categories, None).unwrap_err());
    assert_eq!(errors.get("parent_id"), [FieldIssue::InvalidChoice]);
    let mut form = CategoryInput::from(&child);
    form.code = " Rebar-Coil ".into();
    assert_eq!(
        check_category(&form, &categories, Some(child.category_id))
            .unwrap()
            .code,
        "rebar-coil"
    );
}

#[test]
fn screening_refuses_the_field_with_a_sensitive_word_and_flags_claims() {
    let terms = [
        Term {
            term: "counterfeit".into(),
            kind: TermKind::Sensitive,
        },
        Term {
            term: "best quality".into(),
            kind: TermKind::Claim,
        },
    ];
    let mut fields = check_product(&input(), Some(&rebar())).unwrap();
    fields.description_en = "Best Quality rebar".into();
    assert_eq!(screen_proposal(&fields, &terms).unwrap(), ["best quality"]);
    fields.name_en = "Counterfeit rebar".into();
    let errors = fields_of(screen_proposal(&fields, &terms).unwrap_err());
    assert_eq!(
        errors.get("name_en"),
        [FieldIssue::BlockedWords {
            words: vec!["counterfeit".into()]
        }]
    );
    assert!(errors.get("description_en").is_empty());
}
