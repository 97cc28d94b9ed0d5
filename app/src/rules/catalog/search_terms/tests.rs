//! Tests of search terms: what is indexed and what a query asks for.

use super::*;

#[test]
fn han_text_is_indexed_as_characters_and_bigrams() {
    let document = search_document(&[("钢筋", Weight::A)]);
    assert_eq!(document, "'筋':1A '钢':2A '钢筋':3A");
}

#[test]
fn english_words_are_lower_cased_and_plurals_removed() {
    assert_eq!(stem("bolts"), "bolt");
    assert_eq!(stem("assemblies"), "assembly");
    assert_eq!(stem("flanges"), "flange");
    assert_eq!(stem("brass"), "brass");
    assert_eq!(stem("m12s"), "m12s");
    assert_eq!(
        search_query("Stainless BOLTS"),
        Some("'stainless' & 'bolt':*".into())
    );
}

#[test]
fn a_name_weight_wins_over_a_description_weight() {
    let document = search_document(&[("bolt", Weight::B), ("Bolts", Weight::A)]);
    assert_eq!(document, "'bolt':1A");
}

#[test]
fn a_two_character_query_is_one_bigram_and_longer_runs_need_three_quarters() {
    assert_eq!(search_query("钢筋"), Some("( '钢筋' )".into()));
    let query = search_query("不锈钢螺栓").unwrap();
    // Four bigrams, any three of them.
    assert_eq!(query.matches('|').count(), 3);
    assert!(query.contains("( '不锈' & '锈钢' & '螺栓' )"));
}

#[test]
fn mixed_text_and_full_width_digits_make_one_clause_per_run() {
    assert_eq!(
        search_query("ＨＲＢ４００ 钢筋"),
        Some("'hrb400':* & ( '钢筋' )".into())
    );
    assert_eq!(search_query("  -- "), None);
}

/// Checks a query against a document the way PostgreSQL would, for the ranking examples below.
fn matches(query: &str, document_text: &str) -> bool {
    let terms = index_terms(document_text);
    let has = |term: &str| terms.iter().any(|t| t == term);
    search_query_runs(query).iter().all(|run| match run {
        Run::Word(word) => terms.iter().any(|t| t.starts_with(&stem(word))),
        Run::Han(chars) if chars.len() == 1 => has(&chars[0].to_string()),
        Run::Han(chars) => {
            let bigrams: Vec<String> = chars.windows(2).map(|p| p.iter().collect()).collect();
            let found = bigrams.iter().filter(|b| has(b)).count();
            found * 4 >= bigrams.len() * 3
        }
    })
}

fn search_query_runs(query: &str) -> Vec<Run> {
    runs(query)
}

#[test]
fn stainless_bolts_match_but_carbon_bolts_and_stainless_plate_do_not() {
    assert!(matches("不锈钢螺栓", "不锈钢六角螺栓 A2-70"));
    assert!(matches("不锈钢螺栓", "304不锈钢螺栓"));
    assert!(!matches("不锈钢螺栓", "碳钢螺栓"));
    assert!(!matches("不锈钢螺栓", "不锈钢板"));
    assert!(matches("钢筋", "HRB400 螺纹钢筋"));
    assert!(matches("rebar", "Deformed steel rebar HRB400"));
}

#[test]
fn combinations_pick_every_subset_of_the_size() {
    assert_eq!(combinations(4, 3).len(), 4);
    assert_eq!(combinations(8, 6).len(), 28);
    assert_eq!(combinations(3, 3), vec![vec![0, 1, 2]]);
}
