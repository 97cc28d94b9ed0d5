//! Catalog rules: attribute schemas (and the changes products allow), offer input, the
//! moderation filter, the category tree, the staff market tables' input, search terms and the
//! landed cost of an offer column.

pub mod attributes;
pub mod landed;
pub mod market_input;
pub mod moderation;
pub mod offer;
pub mod offer_csv;
pub mod schema_change;
pub mod search_terms;
pub mod tree;
