//! Tests of the CSV mapping: reading what spreadsheets write, the row errors, and export → import
//! giving back the same offers.

use super::*;
use crate::rules::catalog::offer::tests::{content, TODAY};
use proptest::prelude::*;

const HEADER: &str = "product_sku,reference,tiers,moq,lead_time_days,incoterm,origin_country,\
                      currency,stock,valid_from,valid_until,sample_available,sample_price,\
                      payment_days,description";

fn read(text: &str) -> Vec<CsvRow> {
    read_offers(text.as_bytes()).unwrap()
}

#[test]
fn a_row_maps_to_the_form_input() {
    let text = format!(
        "{HEADER}\nhrb400-12,ERP-1,25:612.50;100:598,25,21,FOB,CN,USD,,2026-11-01,2027-03-31,是,,30,\"Ribbed, certified\"\n"
    );
    let rows = read(&text);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.line, 2);
    assert!(row.errors.is_empty());
    assert_eq!(row.input.tiers.len(), 2);
    assert_eq!(row.input.tiers[1].unit_price, "598");
    assert!(row.input.sample_available);
    assert_eq!(row.input.description, "Ribbed, certified");
    let content = row.parse(TODAY).unwrap();
    assert_eq!(content.product_sku, "HRB400-12");
}

#[test]
fn columns_match_by_name_in_any_order_and_optional_ones_may_be_left_out() {
    let text = "Reference,PRODUCT_SKU,currency,tiers,moq,lead_time_days,incoterm,origin_country,\
                valid_from,valid_until,payment_days,erp_internal_id\r\n\
                R-9,M12-A4,CNY,1000：0.85；5000：0.80,1000,7,EXW,CN,2026-11-01,2026-12-31,0,xyz\r\n";
    let rows = read(text);
    assert_eq!(rows[0].input.reference, "R-9");
    assert_eq!(rows[0].input.product_sku, "M12-A4");
    assert_eq!(rows[0].input.tiers[1].min_quantity, "5000");
    assert_eq!(rows[0].input.description, "");
    assert!(rows[0].parse(TODAY).is_ok());
}

#[test]
fn unreadable_files_say_why() {
    assert_eq!(read_offers(b""), Err(FileIssue::Empty));
    assert_eq!(
        read_offers(&[0xb8, 0xd6, 0xbd, 0xee]),
        Err(FileIssue::NotUtf8)
    );
    assert_eq!(
        read_offers(b"reference,tiers\nR-1,1:2\n"),
        Err(FileIssue::MissingColumns {
            columns: [
                "product_sku",
                "moq",
                "lead_time_days",
                "incoterm",
                "origin_country",
                "currency",
                "valid_from",
                "valid_until",
                "payment_days"
            ]
            .map(String::from)
            .to_vec()
        })
    );
    assert_eq!(
        read_offers(format!("{HEADER},moq\n").as_bytes()),
        Err(FileIssue::DuplicateColumn {
            column: "moq".into()
        })
    );
    assert_eq!(
        read_offers(format!("{HEADER}\nA,B\n\"open,\n").as_bytes()),
        Err(FileIssue::UnclosedQuote { line: 3 })
    );
    let many = format!("{HEADER}\n{}", "X,Y\n".repeat(MAX_ROWS as usize + 1));
    assert_eq!(
        read_offers(many.as_bytes()),
        Err(FileIssue::TooManyRows { max: MAX_ROWS })
    );
}

#[test]
fn line_numbers_count_lines_inside_quoted_cells_and_empty_rows_are_skipped() {
    let text = format!("{HEADER}\nA-1,R1,,,,,,,,,,,,,\"two\nlines\"\n,,,,,,,,,,,,,,\n\nA-2,R2\n");
    let rows = read(&text);
    let lines: Vec<u32> = rows.iter().map(|row| row.line).collect();
    assert_eq!(lines, [2, 6]);
    assert_eq!(rows[0].input.description, "two\nlines");
}

#[test]
fn malformed_cells_are_row_errors_beside_the_offer_rules_errors() {
    let text =
        format!("{HEADER}\nA-1,R1,25-612,25,21,FOB,CN,XYZ,,2026-11-01,2027-01-01,maybe,,30,\n");
    let errors = read(&text)[0].parse(TODAY).unwrap_err();
    assert_eq!(errors.get("tiers"), &[FieldIssue::InvalidFormat]);
    assert_eq!(errors.get("sample_available"), &[FieldIssue::InvalidChoice]);
    assert_eq!(errors.get("currency"), &[FieldIssue::InvalidChoice]);
}

#[test]
fn formula_like_cells_are_escaped_on_export_and_restored_on_import() {
    for text in ["=SUM(A1)", "- bullet", "'=already", "plain", "'quoted"] {
        assert_eq!(unescape_formula(&escape_formula(text)), text);
    }
    assert_eq!(escape_formula("@cmd"), "'@cmd");
    assert_eq!(escape_formula("'x"), "'x");
}

#[test]
fn the_export_starts_with_a_byte_order_mark_and_the_header() {
    let text = write_offers(&[]);
    assert!(text.starts_with('\u{FEFF}'));
    assert_eq!(
        text.trim_start_matches('\u{FEFF}').trim_end(),
        COLUMNS.join(",")
    );
}

proptest! {
    #[test]
    fn exported_offers_import_back_as_the_same_offers(
        offers in proptest::collection::vec(content(), 0..5),
        description in "[-=@a-z\" ,\r\n'说]{0,40}",
    ) {
        let mut offers = offers;
        if let Some(first) = offers.first_mut() {
            first.description = description.trim().to_owned();
        }
        let rows = read_offers(write_offers(&offers).as_bytes()).unwrap();
        let parsed: Vec<OfferContent> = rows.iter().map(|row| row.parse(TODAY).unwrap()).collect();
        prop_assert_eq!(parsed, offers);
    }

    #[test]
    fn any_cells_survive_the_csv_quoting(
        cells in proptest::collection::vec(
            proptest::collection::vec("[a-z,\" \r\n'=说]{0,8}", 2..5), 1..5)
    ) {
        let mut text = String::new();
        for record in &cells {
            write_record(&mut text, record.iter().cloned());
        }
        let read: Vec<Vec<String>> = records(&text).unwrap().into_iter().map(|(_, r)| r).collect();
        prop_assert_eq!(read, cells);
    }
}
