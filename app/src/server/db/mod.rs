//! All SQL, one module per resource, one function per statement. Each takes an executor so the
//! caller decides whether it runs alone or inside a transaction.

pub mod account;
pub mod account_notification;
pub mod catalog;
pub mod catalog_index;
pub mod expiry;
pub mod factory_audit;
pub mod invitation;
pub mod login_attempt;
pub mod market;
pub mod moderation;
pub mod notification;
pub mod offer;
pub mod offer_review;
pub mod organisation;
pub mod price_alert;
pub mod qualification;
pub mod sample_request;
pub mod scorecard;
pub mod supplier_document;
pub mod supplier_page;
pub mod tender;
pub mod tier;

use crate::types::{OrgKind, Role};

/// Decodes a role stored as text (the column has a check constraint, so failure is corruption).
pub(crate) fn decode_role(raw: &str) -> Result<Role, sqlx::Error> {
    Role::parse(raw).map_err(|_| sqlx::Error::Decode(format!("unknown role {raw:?}").into()))
}

pub(crate) fn decode_kind(raw: &str) -> Result<OrgKind, sqlx::Error> {
    OrgKind::parse(raw).map_err(|_| sqlx::Error::Decode(format!("unknown kind {raw:?}").into()))
}

#[cfg(test)]
mod tests;
