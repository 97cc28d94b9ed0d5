//! A supplier's CSV import of offers: the row-by-row report of a preview (which writes nothing)
//! and of the confirmed import (which writes the valid rows).

use crate::types::FieldErrors;
use serde::{Deserialize, Serialize};

/// What importing a row does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportAction {
    /// A new offer (the reference is new to the supplier).
    Create,
    /// A new revision of the offer with this reference, sent to review.
    Update,
    /// Identical to the offer's newest revision: nothing to write.
    Unchanged,
    /// The row has errors and is skipped.
    Invalid,
}

/// One data row of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    /// The line of the file the row starts on (the header is line 1).
    pub line: u32,
    pub reference: String,
    pub action: ImportAction,
    /// Issues by field name (`tiers[1].unit_price`, `currency`…); empty unless `Invalid`.
    pub errors: FieldErrors,
}

/// Why a whole file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FileIssue {
    /// No header row.
    Empty,
    /// Not UTF-8 text.
    NotUtf8,
    /// A quoted field is never closed.
    UnclosedQuote { line: u32 },
    /// Required columns are missing from the header.
    MissingColumns { columns: Vec<String> },
    /// The same column twice in the header.
    DuplicateColumn { column: String },
    /// More data rows than one import takes.
    TooManyRows { max: u32 },
    /// The file is larger than an upload may be.
    TooLarge { max_bytes: u32 },
}

/// The answer to a preview or a confirmed import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Set when the file could not be read at all (then `rows` is empty).
    pub file_issue: Option<FileIssue>,
    pub rows: Vec<ImportRow>,
    /// Whether the valid rows were written (confirm) or not (preview).
    pub written: bool,
}

impl ImportReport {
    /// Rows with this action.
    pub fn count(&self, action: ImportAction) -> usize {
        self.rows.iter().filter(|row| row.action == action).count()
    }
}
