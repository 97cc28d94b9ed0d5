//! Catalog rules: attribute schemas, offer input, the moderation filter, search terms and the
//! landed cost of an offer column.

pub mod landed;
pub mod market_input;
pub mod schema_change;
pub mod search_terms;
pub mod tree;
