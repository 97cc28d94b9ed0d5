//! Entered amounts: which signs a caller accepts, why text is not an amount, and the
//! character clean-up (full-width digits, thousands groups) before parsing.

use crate::types::validation::FieldIssue;
use serde::{Deserialize, Serialize};

/// Which signs a caller accepts when parsing an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignRule {
    Any,
    /// Zero allowed (a free sample, no freight).
    NonNegative,
    /// Strictly above zero (a price, a quantity).
    Positive,
}

/// Why entered text is not an acceptable amount. Precise codes for the UI and CSV reports;
/// `FieldIssue::from` gives the nearest generic issue for a [`crate::types::FieldErrors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AmountIssue {
    Required,
    /// Not a plain decimal number (letters, exponents, `NaN`, a stray comma such as `1,5`).
    NotANumber,
    TooManyDecimals {
        max: u32,
    },
    TooLarge {
        max_integer_digits: u32,
    },
    Negative,
    NotPositive,
}

impl From<AmountIssue> for FieldIssue {
    fn from(issue: AmountIssue) -> FieldIssue {
        match issue {
            AmountIssue::Required => FieldIssue::Required,
            AmountIssue::NotANumber => FieldIssue::NotANumber,
            AmountIssue::TooManyDecimals { max } => FieldIssue::TooManyDecimals { max },
            AmountIssue::TooLarge { max_integer_digits } => {
                FieldIssue::TooLarge { max_integer_digits }
            }
            AmountIssue::Negative => FieldIssue::Negative,
            AmountIssue::NotPositive => FieldIssue::NotPositive,
        }
    }
}

/// Full-width digits, point and comma (Chinese input methods) to their ASCII forms.
pub(super) fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        other => other,
    }
}

/// The digits of an integer part, plain (`1234`) or grouped by thousands (`1,234`).
pub(super) fn ungroup(integer: &str) -> Option<String> {
    let groups: Vec<&str> = integer.split(',').collect();
    let digits_only = |group: &str| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit());
    let well_grouped = groups.len() == 1
        || (groups[0].len() <= 3 && groups[1..].iter().all(|group| group.len() == 3));
    (groups.iter().all(|group| digits_only(group)) && well_grouped).then(|| groups.concat())
}
