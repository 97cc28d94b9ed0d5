//! Search terms for English and Chinese text, without a dictionary.
//!
//! Latin text splits into words, lower-cased and with plural endings removed ("Bolts" → "bolt").
//! Chinese has no spaces, so every run of Han characters is indexed as its single characters and
//! its overlapping pairs (bigrams): 不锈钢六角螺栓 gives 不锈 锈钢 钢六 六角 角螺 螺栓. A query
//! of two characters (钢筋) is one bigram. A longer query run (不锈钢螺栓: 不锈 锈钢 钢螺 螺栓)
//! matches when three quarters of its bigrams are present, so 不锈钢六角螺栓 still matches while
//! 碳钢螺栓 (carbon steel bolts: 钢螺 螺栓 only) and 不锈钢板 (不锈 锈钢 only) do not.
//!
//! Both sides are built here and handed to PostgreSQL as `tsvector` / `tsquery` literals, so the
//! database's parser (which knows nothing of Chinese) never sees the text.

use std::collections::BTreeMap;
use std::fmt::Write;

/// How much a field counts in ranking: names and SKUs above attributes above descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weight {
    A,
    B,
    C,
}

/// Longest query run of Han characters whose bigrams are combined exactly; longer runs keep their
/// first bigrams (a query is a few words, not a paragraph).
const MAX_QUERY_BIGRAMS: usize = 8;

/// Most query terms of Latin text; later words are ignored.
const MAX_QUERY_WORDS: usize = 8;

/// A `tsvector` literal for the weighted texts of one product, e.g. `'bolt':1A '螺栓':2A`.
pub fn search_document(texts: &[(&str, Weight)]) -> String {
    let mut weights: BTreeMap<String, Weight> = BTreeMap::new();
    for (text, weight) in texts {
        for term in index_terms(text) {
            weights
                .entry(term)
                .and_modify(|w| *w = (*w).min(*weight))
                .or_insert(*weight);
        }
    }
    let mut document = String::new();
    for (position, (term, weight)) in weights.into_iter().enumerate() {
        if !document.is_empty() {
            document.push(' ');
        }
        let _ = write!(document, "{}:{}{weight:?}", quote(&term), position + 1);
    }
    document
}

/// A `tsquery` literal for what a buyer typed, or `None` when it holds no searchable term.
/// Every Latin word must match (the last one as a prefix, for typing); every Han run must match
/// three quarters of its bigrams.
pub fn search_query(text: &str) -> Option<String> {
    let mut clauses: Vec<String> = Vec::new();
    let runs = runs(text);
    let last_word = runs.iter().rposition(|run| matches!(run, Run::Word(_)));
    for (index, run) in runs.iter().enumerate() {
        match run {
            Run::Word(word) => {
                if clauses.len() >= MAX_QUERY_WORDS {
                    continue;
                }
                let prefix = if Some(index) == last_word { ":*" } else { "" };
                clauses.push(format!("{}{prefix}", quote(&stem(word))));
            }
            Run::Han(chars) => clauses.push(han_clause(chars)),
        }
    }
    (!clauses.is_empty()).then(|| clauses.join(" & "))
}

/// A piece of text between separators.
#[derive(Debug, PartialEq, Eq)]
enum Run {
    /// Letters and digits (lower-cased): `m12`, `stainless`.
    Word(String),
    Han(Vec<char>),
}

fn runs(text: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut word = String::new();
    let mut han = Vec::new();
    for c in text.chars().map(half_width) {
        if is_han(c) {
            flush_word(&mut word, &mut runs);
            han.push(c);
        } else if c.is_alphanumeric() {
            flush_han(&mut han, &mut runs);
            word.extend(c.to_lowercase());
        } else {
            flush_word(&mut word, &mut runs);
            flush_han(&mut han, &mut runs);
        }
    }
    flush_word(&mut word, &mut runs);
    flush_han(&mut han, &mut runs);
    runs
}

fn flush_word(word: &mut String, runs: &mut Vec<Run>) {
    if !word.is_empty() {
        runs.push(Run::Word(std::mem::take(word)));
    }
}

fn flush_han(han: &mut Vec<char>, runs: &mut Vec<Run>) {
    if !han.is_empty() {
        runs.push(Run::Han(std::mem::take(han)));
    }
}

/// The terms a text is indexed under: stemmed words, Han characters and Han bigrams.
fn index_terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for run in runs(text) {
        match run {
            Run::Word(word) => terms.push(stem(&word)),
            Run::Han(chars) => {
                terms.extend(chars.iter().map(char::to_string));
                terms.extend(chars.windows(2).map(|pair| pair.iter().collect::<String>()));
            }
        }
    }
    terms
}

/// One Han run of a query: its single character, or any `needed` of its bigrams.
fn han_clause(chars: &[char]) -> String {
    if chars.len() == 1 {
        return quote(&chars[0].to_string());
    }
    let bigrams: Vec<String> = chars
        .windows(2)
        .take(MAX_QUERY_BIGRAMS)
        .map(|pair| quote(&pair.iter().collect::<String>()))
        .collect();
    let needed = (bigrams.len() * 3).div_ceil(4);
    if needed == bigrams.len() {
        return format!("( {} )", bigrams.join(" & "));
    }
    let alternatives: Vec<String> = combinations(bigrams.len(), needed)
        .into_iter()
        .map(|picked| {
            let terms: Vec<&str> = picked.iter().map(|i| bigrams[*i].as_str()).collect();
            format!("( {} )", terms.join(" & "))
        })
        .collect();
    format!("( {} )", alternatives.join(" | "))
}

/// Every way to pick `k` of `0..n`, in order.
fn combinations(n: usize, k: usize) -> Vec<Vec<usize>> {
    if k == 0 {
        return vec![vec![]];
    }
    (k - 1..n)
        .flat_map(|last| {
            combinations(last, k - 1).into_iter().map(move |mut rest| {
                rest.push(last);
                rest
            })
        })
        .collect()
}

/// A light English stemmer: plural endings only, enough for "bolts"/"bolt", "valves"/"valve",
/// "fittings"/"fitting", "assemblies"/"assembly". Words with digits are codes, left alone.
fn stem(word: &str) -> String {
    if word.chars().count() <= 3 || word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_owned();
    }
    if let Some(base) = word.strip_suffix("ies") {
        return format!("{base}y");
    }
    for ending in ["sses", "shes", "ches", "xes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_owned();
        }
    }
    match word.strip_suffix('s') {
        Some(base) if !base.ends_with('s') && !base.ends_with('u') => base.to_owned(),
        _ => word.to_owned(),
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Full-width ASCII from a Chinese IME (ＨＲＢ４００) as plain ASCII.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// A lexeme quoted for a tsvector or tsquery literal.
fn quote(term: &str) -> String {
    format!("'{}'", term.replace('\\', "\\\\").replace('\'', "''"))
}

#[cfg(test)]
mod tests;
