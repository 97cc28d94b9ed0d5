//! Append-only, hash-chained audit log: each entry carries the hash of the one before it, so an
//! exported log can be checked offline and any edit, removal, reordering or insertion shows up.
//!
//! # Canonical encoding (version 1)
//!
//! An entry's `hash` is the lowercase hex SHA-256 of these UTF-8 lines joined by `\n` (no trailing
//! newline):
//!
//! 1. the literal `agora-audit-v1`;
//! 2. `sequence` in decimal, no padding;
//! 3. `at` converted to UTC as `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ` (always nine fractional digits);
//! 4. `kind` as a JSON string literal (serde_json escaping), so it never contains a raw newline;
//! 5. `payload` as compact JSON with object keys sorted by their UTF-8 bytes at every level,
//!    no whitespace, strings escaped by serde_json and numbers in serde_json's `Display` form;
//! 6. `previous_hash` exactly as stored (64 zeros for the genesis entry).
//!
//! Keys are sorted here rather than relying on `serde_json::Map` order, so the hash is the same
//! whether or not serde_json's `preserve_order` feature is on. Payloads should hold integers and
//! strings (money is a string anyway): a float that does not survive a JSON round trip exactly
//! would fail verification after export.
//!
//! The chain alone cannot notice the newest entries being cut off; compare the last hash with the
//! one the server holds for the lot.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// The `previous_hash` of the first entry (sequence 0).
pub const GENESIS_PREVIOUS_HASH: &str =
    "0000000000000000000000000000000000000000000000000000000000000000";

const ENCODING_TAG: &str = "agora-audit-v1";

/// One entry of a lot's audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// 0 for the first entry, then +1 without gaps.
    pub sequence: u64,
    #[serde(with = "canonical_time")]
    pub at: OffsetDateTime,
    /// What happened, e.g. `bid_accepted`.
    pub kind: String,
    pub payload: serde_json::Value,
    /// Lowercase hex SHA-256 of the previous entry, or [`GENESIS_PREVIOUS_HASH`].
    pub previous_hash: String,
    /// Lowercase hex SHA-256 of this entry's canonical encoding.
    pub hash: String,
}

/// The first place where a log stops being a valid chain.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    /// The entry at the position of `expected` carries another sequence number: an entry is
    /// missing, duplicated, reordered or renumbered.
    #[error("expected entry {expected} but found entry {found}")]
    SequenceGap { expected: u64, found: u64 },
    /// The entry does not point at the hash of the entry before it.
    #[error("entry {sequence} does not link to the entry before it")]
    BrokenLink { sequence: u64 },
    /// The entry's content does not match its own hash.
    #[error("entry {sequence} was altered: its hash does not match its content")]
    TamperedEntry { sequence: u64 },
}

impl ChainError {
    /// The sequence number of the position where the chain breaks.
    pub fn sequence(&self) -> u64 {
        match *self {
            ChainError::SequenceGap { expected, .. } => expected,
            ChainError::BrokenLink { sequence } | ChainError::TamperedEntry { sequence } => {
                sequence
            }
        }
    }
}

/// A line of an export that could not be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line} of the audit export is not a valid entry: {message}")]
pub struct ExportError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

/// The entry that follows `previous` (or starts the log when `None`), with its hash computed.
pub fn append(
    previous: Option<&AuditEntry>,
    kind: impl Into<String>,
    payload: serde_json::Value,
    at: OffsetDateTime,
) -> AuditEntry {
    let (sequence, previous_hash) = match previous {
        Some(entry) => (entry.sequence + 1, entry.hash.clone()),
        None => (0, GENESIS_PREVIOUS_HASH.to_owned()),
    };
    let mut entry = AuditEntry {
        sequence,
        at,
        kind: kind.into(),
        payload,
        previous_hash,
        hash: String::new(),
    };
    entry.hash = entry_hash(&entry);
    entry
}

/// Checks a whole log from its genesis entry and reports the first broken place.
/// An empty log is valid.
pub fn verify(entries: &[AuditEntry]) -> Result<(), ChainError> {
    let mut previous_hash = GENESIS_PREVIOUS_HASH;
    for (expected, entry) in (0u64..).zip(entries) {
        if entry.sequence != expected {
            return Err(ChainError::SequenceGap {
                expected,
                found: entry.sequence,
            });
        }
        if entry.previous_hash != previous_hash {
            return Err(ChainError::BrokenLink { sequence: expected });
        }
        if entry.hash != entry_hash(entry) {
            return Err(ChainError::TamperedEntry { sequence: expected });
        }
        previous_hash = &entry.hash;
    }
    Ok(())
}

/// The lowercase hex SHA-256 of the entry's canonical encoding (its stored `hash` is ignored).
pub fn entry_hash(entry: &AuditEntry) -> String {
    hex::encode(Sha256::digest(canonical_encoding(entry).as_bytes()))
}

/// The exact text that is hashed; see the module documentation.
pub fn canonical_encoding(entry: &AuditEntry) -> String {
    let mut out = String::new();
    out.push_str(ENCODING_TAG);
    out.push('\n');
    out.push_str(&entry.sequence.to_string());
    out.push('\n');
    out.push_str(&canonical_time::format(entry.at));
    out.push('\n');
    push_json_string(&entry.kind, &mut out);
    out.push('\n');
    push_canonical_json(&entry.payload, &mut out);
    out.push('\n');
    out.push_str(&entry.previous_hash);
    out
}

/// One JSON object per line, each followed by `\n`.
pub fn to_json_lines(entries: &[AuditEntry]) -> String {
    let mut out = String::new();
    for entry in entries {
        // Cannot fail: the time always formats and JSON map keys are strings.
        let line = serde_json::to_string(entry).expect("an audit entry always serialises");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Reads an export written by [`to_json_lines`]; blank lines are skipped. Call [`verify`] on
/// the result to check the chain.
pub fn from_json_lines(text: &str) -> Result<Vec<AuditEntry>, ExportError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str(line).map_err(|e| ExportError {
                line: index + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

fn push_json_string(s: &str, out: &mut String) {
    // Cannot fail: serialising a `str` only escapes characters.
    out.push_str(&serde_json::to_string(s).expect("a string always serialises"));
}

fn push_canonical_json(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => push_json_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_canonical_json(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut fields: Vec<(&String, &Value)> = map.iter().collect();
            fields.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push('{');
            for (i, (key, item)) in fields.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_string(key, out);
                out.push(':');
                push_canonical_json(item, out);
            }
            out.push('}');
        }
    }
}

/// `at` in the fixed UTC form of the canonical encoding, also used in exports so the text that
/// was hashed is the text that is shown. Reading also accepts any RFC 3339 time.
mod canonical_time {
    use super::*;
    use serde::{Deserializer, Serializer};

    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:9]Z");

    pub fn format(at: OffsetDateTime) -> String {
        // Cannot fail: every component the description names is present.
        at.to_offset(UtcOffset::UTC)
            .format(FORMAT)
            .expect("a UTC time always formats")
    }

    pub fn parse(text: &str) -> Result<OffsetDateTime, time::error::Parse> {
        PrimitiveDateTime::parse(text, FORMAT)
            .map(PrimitiveDateTime::assume_utc)
            .or_else(|_| OffsetDateTime::parse(text, &Rfc3339))
    }

    pub fn serialize<S: Serializer>(at: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format(*at))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<OffsetDateTime, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests;
