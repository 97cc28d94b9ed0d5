//! Catalog rules: attribute schemas, offer input, the moderation filter, search terms and the
//! landed cost of an offer column.

pub mod attributes;
pub mod landed;
pub mod moderation;
pub mod search_terms;
