//! Marks the flagged claim words inside a text for the reviewer, ignoring case.

use leptos::prelude::*;

/// `text` cut into pieces, each `true` when it is one of `terms` (any case). Overlapping terms
/// take the longest match at each position.
pub fn segments(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let needles: Vec<Vec<char>> = terms
        .iter()
        .map(|term| term.chars().collect::<Vec<_>>())
        .filter(|needle| !needle.is_empty())
        .collect();
    let same = |a: char, b: char| a == b || a.to_lowercase().eq(b.to_lowercase());
    let match_at = |at: usize| {
        needles
            .iter()
            .filter(|needle| {
                at + needle.len() <= chars.len()
                    && needle.iter().zip(&chars[at..]).all(|(n, c)| same(*n, *c))
            })
            .map(Vec::len)
            .max()
    };
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut plain = String::new();
    let mut at = 0;
    while at < chars.len() {
        if let Some(length) = match_at(at) {
            if !plain.is_empty() {
                out.push((std::mem::take(&mut plain), false));
            }
            out.push((chars[at..at + length].iter().collect(), true));
            at += length;
        } else {
            plain.push(chars[at]);
            at += 1;
        }
    }
    if !plain.is_empty() {
        out.push((plain, false));
    }
    out
}

/// The text with its flagged words in `<mark>`.
#[component]
pub fn Highlighted(text: String, terms: Vec<String>) -> impl IntoView {
    segments(&text, &terms)
        .into_iter()
        .map(|(piece, flagged)| {
            if flagged {
                view! { <mark class="flagged">{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flagged_words_are_found_in_any_case_and_chinese() {
        let terms = vec!["best quality".to_owned(), "国家级".to_owned()];
        assert_eq!(
            segments("The BEST Quality, 国家级 mill", &terms),
            vec![
                ("The ".to_owned(), false),
                ("BEST Quality".to_owned(), true),
                (", ".to_owned(), false),
                ("国家级".to_owned(), true),
                (" mill".to_owned(), false),
            ]
        );
        assert_eq!(segments("plain", &terms), vec![("plain".to_owned(), false)]);
        assert!(segments("", &terms).is_empty());
    }

    #[test]
    fn the_longest_term_wins_where_two_start() {
        let terms = vec!["best".to_owned(), "best quality".to_owned()];
        assert_eq!(
            segments("best quality", &terms),
            vec![("best quality".to_owned(), true)]
        );
    }
}
