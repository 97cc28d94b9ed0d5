//! Offers as CSV, the way suppliers keep them in their ERP or spreadsheet.
//!
//! The file is UTF-8 (a byte-order mark is written on export so spreadsheet programs read
//! Chinese text correctly, and skipped on import), comma-separated, RFC 4180 quoting, one offer
//! per row under a header row naming the columns (any order, any case; unknown columns are
//! ignored). The columns are the fields of `OfferInput`:
//!
//! `product_sku, reference, tiers, moq, lead_time_days, incoterm, origin_country, currency,
//! stock, valid_from, valid_until, sample_available, sample_price, payment_days, description`
//!
//! - `tiers` holds every quantity break as `min_quantity:unit_price`, separated by `;`
//!   (`25:612.50;100:598;500:585`), so one cell carries any number of tiers.
//! - `sample_available` is `yes`/`no` (also `true`/`false`, `1`/`0`, `是`/`否`; empty is no).
//! - `stock`, `sample_price` and `description` may be empty (or left out of the header).
//! - Dates are `YYYY-MM-DD`.
//!
//! Cells a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`) are exported with a
//! leading `'`, which the import removes again, so an export imports back unchanged.

use super::offer::{parse_offer, to_input};
use crate::types::catalog::{FileIssue, OfferContent, OfferInput, TierInput};
use crate::types::{FieldErrors, FieldIssue};
use time::Date;

/// Largest file an import takes.
pub const MAX_CSV_BYTES: usize = 2 * 1024 * 1024;
/// Most data rows an import takes.
pub const MAX_ROWS: u32 = 5000;

/// Every column, in the order an export writes them.
pub const COLUMNS: [&str; 15] = [
    "product_sku",
    "reference",
    "tiers",
    "moq",
    "lead_time_days",
    "incoterm",
    "origin_country",
    "currency",
    "stock",
    "valid_from",
    "valid_until",
    "sample_available",
    "sample_price",
    "payment_days",
    "description",
];

/// Columns that may be left out of the header.
const OPTIONAL: [&str; 4] = ["stock", "sample_available", "sample_price", "description"];

const BOM: char = '\u{FEFF}';

/// One data row of an import, mapped to the form's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// The line the row starts on; the header is line 1.
    pub line: u32,
    pub input: OfferInput,
    /// Cells that do not even map to the input (a malformed `tiers` cell, a yes/no that is neither).
    pub errors: FieldErrors,
}

impl CsvRow {
    /// The row checked like the form: its mapping issues and `parse_offer`'s together.
    pub fn parse(&self, today: Date) -> Result<OfferContent, FieldErrors> {
        let parsed = parse_offer(&self.input, today);
        if self.errors.is_empty() {
            return parsed;
        }
        let mut errors = self.errors.clone();
        if let Err(more) = parsed {
            for (field, issues) in more.0 {
                if errors.get(&field).is_empty() {
                    errors.0.insert(field, issues);
                }
            }
        }
        Err(errors)
    }
}

/// The CSV text of `offers` (a header row, then one row each).
pub fn write_offers(offers: &[OfferContent]) -> String {
    let mut out = String::new();
    out.push(BOM);
    write_record(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    for content in offers {
        write_record(
            &mut out,
            to_cells(&to_input(content)).map(|c| escape_formula(&c)),
        );
    }
    out
}

/// Reads an uploaded file into rows; a file that cannot be read at all gives its issue.
pub fn read_offers(bytes: &[u8]) -> Result<Vec<CsvRow>, FileIssue> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(FileIssue::TooLarge {
            max_bytes: MAX_CSV_BYTES as u32,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| FileIssue::NotUtf8)?;
    let mut records = records(text.strip_prefix(BOM).unwrap_or(text))?.into_iter();
    let (_, header) = records.next().ok_or(FileIssue::Empty)?;
    let positions = header_positions(&header)?;
    let mut rows = Vec::new();
    for (line, cells) in records {
        if cells.iter().all(|cell| cell.trim().is_empty()) {
            continue; // spreadsheets leave empty rows behind
        }
        if rows.len() as u32 >= MAX_ROWS {
            return Err(FileIssue::TooManyRows { max: MAX_ROWS });
        }
        let cell = |column: usize| {
            positions[column]
                .and_then(|at| cells.get(at))
                .map(|value| unescape_formula(value).to_owned())
                .unwrap_or_default()
        };
        rows.push(to_row(line, cell));
    }
    Ok(rows)
}

/// The column index in the file of each of `COLUMNS` (`None` for a left-out optional one).
fn header_positions(header: &[String]) -> Result<Vec<Option<usize>>, FileIssue> {
    let names: Vec<String> = header
        .iter()
        .map(|name| name.trim().to_ascii_lowercase())
        .collect();
    for (index, name) in names.iter().enumerate() {
        if !name.is_empty() && names[..index].contains(name) {
            return Err(FileIssue::DuplicateColumn {
                column: name.clone(),
            });
        }
    }
    let positions: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|column| names.iter().position(|name| name == column))
        .collect();
    let missing: Vec<String> = COLUMNS
        .iter()
        .zip(&positions)
        .filter(|(column, at)| at.is_none() && !OPTIONAL.contains(column))
        .map(|(column, _)| column.to_string())
        .collect();
    if missing.is_empty() {
        Ok(positions)
    } else {
        Err(FileIssue::MissingColumns { columns: missing })
    }
}

/// Maps the cells of one row (by `COLUMNS` index) to the form's input.
fn to_row(line: u32, cell: impl Fn(usize) -> String) -> CsvRow {
    let mut errors = FieldErrors::default();
    let tiers = errors
        .check("tiers", read_tiers(&cell(2)))
        .unwrap_or_default();
    let sample_available = errors
        .check("sample_available", read_yes_no(&cell(11)))
        .unwrap_or_default();
    let input = OfferInput {
        product_sku: cell(0),
        reference: cell(1),
        tiers,
        moq: cell(3),
        lead_time_days: cell(4),
        incoterm: cell(5),
        origin_country: cell(6),
        currency: cell(7),
        stock: cell(8),
        valid_from: cell(9),
        valid_until: cell(10),
        sample_available,
        sample_price: cell(12),
        payment_days: cell(13),
        description: cell(14),
    };
    CsvRow {
        line,
        input,
        errors,
    }
}

/// The cells of an input, in `COLUMNS` order.
fn to_cells(input: &OfferInput) -> impl Iterator<Item = String> {
    let tiers: Vec<String> = input
        .tiers
        .iter()
        .map(|tier| format!("{}:{}", tier.min_quantity, tier.unit_price))
        .collect();
    let sample = if input.sample_available { "yes" } else { "no" };
    [
        input.product_sku.clone(),
        input.reference.clone(),
        tiers.join(";"),
        input.moq.clone(),
        input.lead_time_days.clone(),
        input.incoterm.clone(),
        input.origin_country.clone(),
        input.currency.clone(),
        input.stock.clone(),
        input.valid_from.clone(),
        input.valid_until.clone(),
        sample.to_owned(),
        input.sample_price.clone(),
        input.payment_days.clone(),
        input.description.clone(),
    ]
    .into_iter()
}

/// `25:612.50;100:598` (full-width `：` and `；` too, as Chinese input methods type them).
fn read_tiers(cell: &str) -> Result<Vec<TierInput>, FieldIssue> {
    cell.split([';', '；'])
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            part.split_once([':', '：'])
                .map(|(quantity, price)| TierInput {
                    min_quantity: quantity.trim().to_owned(),
                    unit_price: price.trim().to_owned(),
                })
                .ok_or(FieldIssue::InvalidFormat)
        })
        .collect()
}

fn read_yes_no(cell: &str) -> Result<bool, FieldIssue> {
    match cell.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" | "否" => Ok(false),
        "yes" | "y" | "true" | "1" | "是" => Ok(true),
        _ => Err(FieldIssue::InvalidChoice),
    }
}

/// A cell a spreadsheet would run as a formula; also one that only looks safe because of an
/// escape quote, so unescaping is exact.
fn looks_like_formula(cell: &str) -> bool {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => true,
        Some('\'') => looks_like_formula(&cell[1..]),
        _ => false,
    }
}

fn escape_formula(cell: &str) -> String {
    if looks_like_formula(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn unescape_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => cell,
    }
}

/// Appends one record with RFC 4180 quoting and a CRLF.
fn write_record(out: &mut String, cells: impl Iterator<Item = String>) {
    for (index, cell) in cells.enumerate() {
        if index > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\r', '\n']) || cell.trim() != cell {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

/// The records of a CSV text with the line each starts on. Quoted cells may hold commas, quotes
/// (doubled) and line breaks; lines end in LF, CRLF or CR.
fn records(text: &str) -> Result<Vec<(u32, Vec<String>)>, FileIssue> {
    let mut out = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut cell = String::new();
    let (mut line, mut start) = (1u32, 1u32);
    let mut in_quotes = false;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => in_quotes = false,
                '\r' | '\n' => {
                    // Kept as written, so a multi-line description comes back unchanged.
                    cell.push(c);
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                        cell.push('\n');
                    }
                    line += 1;
                }
                other => cell.push(other),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() && !quoted => {
                in_quotes = true;
                quoted = true;
            }
            ',' => {
                record.push(std::mem::take(&mut cell));
                quoted = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push(std::mem::take(&mut cell));
                out.push((start, std::mem::take(&mut record)));
                quoted = false;
                line += 1;
                start = line;
            }
            other => cell.push(other),
        }
    }
    if in_quotes {
        return Err(FileIssue::UnclosedQuote { line: start });
    }
    if !cell.is_empty() || !record.is_empty() || quoted {
        record.push(cell);
        out.push((start, record));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
