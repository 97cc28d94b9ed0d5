//! The listing filter every new or edited offer and product proposal passes before a person
//! reviews it: sensitive words stop the submission outright (the supplier is told which), claim
//! words ("best quality", "100% guaranteed", "国家级") are flagged for the reviewer.
//!
//! Matching ignores case, full-width forms and spacing inside the term, so "１００％ ＧＵＡＲＡＮＴＥＥＤ"
//! and "100 %guaranteed" both match "100% guaranteed".

use serde::{Deserialize, Serialize};

/// What a configured term does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermKind {
    /// Never allowed: the submission is refused.
    Sensitive,
    /// Allowed only if true: flagged for the reviewer.
    Claim,
}

impl TermKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TermKind::Sensitive => "sensitive",
            TermKind::Claim => "claim",
        }
    }

    pub fn parse(raw: &str) -> Option<TermKind> {
        [TermKind::Sensitive, TermKind::Claim]
            .into_iter()
            .find(|kind| kind.as_str() == raw.trim())
    }
}

/// A configured term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub term: String,
    pub kind: TermKind,
}

/// What the filter found in a submission, each term once, in configuration order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    /// Sensitive terms found: the submission must be refused.
    pub blocked: Vec<String>,
    /// Claim terms found: the reviewer checks them.
    pub flagged: Vec<String>,
}

impl Screening {
    pub fn passes(&self) -> bool {
        self.blocked.is_empty()
    }
}

/// Screens the texts of one submission against the configured terms.
pub fn screen(texts: &[&str], terms: &[Term]) -> Screening {
    let haystack: Vec<String> = texts.iter().map(|text| fold(text)).collect();
    let mut screening = Screening::default();
    for term in terms {
        let needle = fold(&term.term);
        if needle.is_empty() || !haystack.iter().any(|text| text.contains(&needle)) {
            continue;
        }
        let found = match term.kind {
            TermKind::Sensitive => &mut screening.blocked,
            TermKind::Claim => &mut screening.flagged,
        };
        if !found.contains(&term.term) {
            found.push(term.term.clone());
        }
    }
    screening
}

/// Lower case, half-width, without whitespace.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            other => other,
        })
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests;
