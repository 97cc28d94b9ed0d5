//! Field-level validation results that forms show next to the field they concern.
//!
//! Issues are codes, not sentences, so the browser renders them in the user's language.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One thing wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FieldIssue {
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    InvalidEmail,
    EmailTaken,
    PasswordsDiffer,
    WrongPassword,
    InvalidChoice,
    InvitationInvalid,
    /// Not a plain decimal number (letters, exponents, a stray comma).
    NotANumber,
    TooManyDecimals {
        max: u32,
    },
    TooLarge {
        max_integer_digits: u32,
    },
    Negative,
    NotPositive,
    /// A list that must rise (quantity breaks) does not.
    NotIncreasing,
    /// The first quantity break is above the minimum order quantity.
    AboveMoq,
    TooManyItems {
        max: usize,
    },
    /// A number outside the range allowed (a weight above the maximum, a threshold above 100).
    OutOfRange {
        min: u32,
        max: u32,
    },
    /// Weights that all are zero: at least one must count.
    AllZero,
    /// An uploaded file was refused (wrong type, too large, truncated…).
    InvalidFile {
        issue: crate::rules::upload::UploadIssue,
    },
    /// A time that must lie in the future (a lot's end when it is published).
    InThePast,
    /// An auction rule set that cannot work (see `rules::auction::validate`).
    AuctionRule {
        issue: crate::rules::auction::RuleIssue,
    },
    /// Not in the expected form (an attribute key, a SKU code, a `YYYY-MM-DD` date).
    InvalidFormat,
    /// The same value twice where each must be unique (attribute keys, enumeration options).
    Duplicate,
    /// The text holds words the listing rules do not allow (the sensitive-word filter).
    BlockedWords {
        words: Vec<String>,
    },
    /// A category schema change products of the category would no longer satisfy.
    SchemaInUse {
        conflict: crate::rules::catalog::schema_change::SchemaConflict,
    },
    /// The end of a period lies before its start (an offer valid until before it is valid from).
    EndBeforeStart,
    /// Fixed once the record exists (the product of an offer: offer it again under a new reference).
    CannotChange,
}

/// Issues keyed by field name (the same names the form inputs and the API use).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldErrors(pub BTreeMap<String, Vec<FieldIssue>>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, issue: FieldIssue) {
        self.0.entry(field.to_owned()).or_default().push(issue);
    }

    /// Records the error of a parse, returning the parsed value when there was none.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, FieldIssue>) -> Option<T> {
        parsed.map_err(|issue| self.add(field, issue)).ok()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> &[FieldIssue] {
        self.0.get(field).map(Vec::as_slice).unwrap_or_default()
    }

    /// `Ok(())` when nothing was recorded, otherwise the validation error to return.
    pub fn into_result(self) -> Result<(), crate::AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(crate::AppError::Validation { fields: self })
        }
    }
}

/// Trims `raw` and checks its length in characters.
pub fn bounded_text(raw: &str, min: usize, max: usize) -> Result<String, FieldIssue> {
    let trimmed = raw.trim();
    let length = trimmed.chars().count();
    if length == 0 && min > 0 {
        Err(FieldIssue::Required)
    } else if length < min {
        Err(FieldIssue::TooShort { min })
    } else if length > max {
        Err(FieldIssue::TooLong { max })
    } else {
        Ok(trimmed.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_text_counts_characters_not_bytes() {
        assert_eq!(bounded_text(" 华信 ", 2, 2), Ok("华信".to_owned()));
        assert_eq!(bounded_text("  ", 1, 5), Err(FieldIssue::Required));
        assert_eq!(
            bounded_text("abcdef", 1, 5),
            Err(FieldIssue::TooLong { max: 5 })
        );
    }

    #[test]
    fn check_collects_issues_per_field() {
        let mut errors = FieldErrors::default();
        assert_eq!(errors.check("a", Ok::<_, FieldIssue>(1)), Some(1));
        assert_eq!(errors.check::<i32>("b", Err(FieldIssue::Required)), None);
        assert_eq!(errors.get("b"), &[FieldIssue::Required]);
        assert!(errors.into_result().is_err());
    }
}
