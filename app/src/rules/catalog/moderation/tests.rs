//! Tests of the listing filter.

use super::*;

fn terms() -> Vec<Term> {
    vec![
        Term {
            term: "100% guaranteed".into(),
            kind: TermKind::Claim,
        },
        Term {
            term: "国家级".into(),
            kind: TermKind::Claim,
        },
        Term {
            term: "counterfeit".into(),
            kind: TermKind::Sensitive,
        },
    ]
}

#[test]
fn claims_are_flagged_and_sensitive_words_block() {
    let screening = screen(
        &["Quality １００％ ＧＵＡＲＡＮＴＥＥＤ", "国家级 质量"],
        &terms(),
    );
    assert_eq!(screening.flagged, ["100% guaranteed", "国家级"]);
    assert!(screening.passes());
    let screening = screen(&["No Counterfeit parts"], &terms());
    assert_eq!(screening.blocked, ["counterfeit"]);
    assert!(!screening.passes());
}

#[test]
fn clean_text_passes_without_flags() {
    assert_eq!(
        screen(&["HRB400 rebar, 12 mm"], &terms()),
        Screening::default()
    );
}
