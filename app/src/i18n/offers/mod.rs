//! Strings of the supplier's offer pages (list, form, CSV import) and of staff's listing review;
//! reached as `Texts::offers`.

mod en;
mod zh;

pub use en::TEXTS as EN;
pub use zh::TEXTS as ZH;

use crate::rules::catalog::moderation::TermKind;
use crate::types::catalog::{FileIssue, ImportAction, ModerationKind, OfferState, ReviewStatus};

/// One field per string, plain functions where a value picks or fills the text.
pub struct OfferTexts {
    pub nav: &'static str,
    pub moderation_nav: &'static str,
    // The supplier's list.
    pub list_title: &'static str,
    pub list_lead: &'static str,
    pub new_offer: &'static str,
    pub import_csv: &'static str,
    pub export_csv: &'static str,
    pub none_yet: &'static str,
    pub product: &'static str,
    pub reference: &'static str,
    pub live_price: &'static str,
    pub pending_price: &'static str,
    pub actions: &'static str,
    pub edit: &'static str,
    pub withdraw: &'static str,
    pub confirm_withdraw: &'static str,
    pub withdrawn_toast: &'static str,
    /// `from USD 612.50 / t`.
    pub from_price: fn(&str, &str) -> String,
    pub state_name: fn(OfferState) -> &'static str,
    pub rejected_because: fn(&str) -> String,
    // The form.
    pub edit_title: fn(&str) -> String,
    pub back_to_list: &'static str,
    pub product_sku: &'static str,
    pub product_hint: &'static str,
    pub product_fixed: &'static str,
    pub product_unit: fn(&str, &str) -> String,
    pub no_product_match: &'static str,
    pub reference_hint: &'static str,
    pub tiers: &'static str,
    pub tiers_hint: &'static str,
    pub min_quantity: &'static str,
    pub unit_price: &'static str,
    pub add_tier: &'static str,
    pub tier_n: fn(usize) -> String,
    pub remove_tier: fn(usize) -> String,
    pub moq: &'static str,
    pub currency: &'static str,
    pub incoterm: &'static str,
    pub origin_country: &'static str,
    pub choose: &'static str,
    pub lead_time_days: &'static str,
    pub payment_days: &'static str,
    pub payment_days_hint: &'static str,
    pub stock: &'static str,
    pub stock_hint: &'static str,
    pub valid_from: &'static str,
    pub valid_until: &'static str,
    pub sample_available: &'static str,
    pub sample_price: &'static str,
    pub sample_price_hint: &'static str,
    pub description: &'static str,
    pub description_hint: &'static str,
    pub submit_for_review: &'static str,
    pub saved_for_review: &'static str,
    pub live_notice: &'static str,
    pub rejected_notice: fn(&str) -> String,
    pub withdrawn_notice: &'static str,
    pub not_eligible: &'static str,
    // The CSV import.
    pub import_title: &'static str,
    pub import_lead: &'static str,
    pub format_title: &'static str,
    pub format_lines: [&'static str; 6],
    pub file: &'static str,
    pub check_file: &'static str,
    pub import_rows: fn(usize) -> String,
    pub nothing_to_import: &'static str,
    pub line: &'static str,
    pub result: &'static str,
    pub problems: &'static str,
    pub action_name: fn(ImportAction) -> &'static str,
    pub summary: fn(usize, usize, usize, usize) -> String,
    pub imported: fn(usize) -> String,
    pub file_issue: fn(&FileIssue) -> String,
    /// A field of the offer by its API name (`tiers[1].unit_price` → "Tier 2 unit price").
    pub field_name: fn(&str) -> String,
    // Staff's review.
    pub queue_title: &'static str,
    pub queue_lead: &'static str,
    pub queue_empty: &'static str,
    pub queue_label: &'static str,
    pub kind_name: fn(ModerationKind) -> &'static str,
    pub review_status: fn(ReviewStatus) -> &'static str,
    pub submitted: &'static str,
    pub supplier: &'static str,
    pub flagged: &'static str,
    pub flagged_count: fn(usize) -> String,
    pub select_item: &'static str,
    pub field: &'static str,
    pub live_version: &'static str,
    pub proposed_version: &'static str,
    pub new_listing: &'static str,
    pub changed: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    pub reject_reason: &'static str,
    pub approved_toast: &'static str,
    pub rejected_toast: &'static str,
    pub category: &'static str,
    pub unit: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub description_en: &'static str,
    pub description_zh: &'static str,
    pub attributes: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    // The filter's terms.
    pub terms_title: &'static str,
    pub terms_lead: &'static str,
    pub term: &'static str,
    pub term_kind: &'static str,
    pub term_kind_name: fn(TermKind) -> &'static str,
    pub add_term: &'static str,
    pub remove_term: fn(&str) -> String,
    pub no_terms: &'static str,
}

/// Splits `tiers[1].unit_price` into the row (0-based) and the column.
pub(crate) fn tier_field(name: &str) -> Option<(usize, &str)> {
    let rest = name.strip_prefix("tiers[")?;
    let (index, column) = rest.split_once("].")?;
    Some((index.parse().ok()?, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_read_as_words_in_both_languages() {
        assert_eq!(tier_field("tiers[1].unit_price"), Some((1, "unit_price")));
        assert_eq!(tier_field("tiers"), None);
        assert_eq!((EN.field_name)("tiers[1].unit_price"), "Tier 2 unit price");
        assert_eq!((ZH.field_name)("tiers[0].min_quantity"), "第 1 档起订数量");
        assert_eq!((EN.field_name)("currency"), "Currency");
        assert_eq!((EN.field_name)("unknown_thing"), "unknown_thing");
    }

    #[test]
    fn file_issues_are_explained() {
        let issue = FileIssue::MissingColumns {
            columns: vec!["moq".into(), "currency".into()],
        };
        assert!((EN.file_issue)(&issue).contains("moq, currency"));
        assert!((ZH.file_issue)(&FileIssue::UnclosedQuote { line: 7 }).contains('7'));
    }
}
