//! Server-only code (feature `ssr`): request context, access checks, passwords, and all SQL.

pub mod access;
pub mod auction;
pub mod audit_photo;
pub mod catalog;
pub mod catalog_compare;
pub mod catalog_hooks;
pub mod catalog_index;
pub mod catalog_search;
pub mod context;
pub mod db;
pub mod eligibility;
pub mod error;
pub mod expiry;
pub mod market;
pub mod market_tables;
pub mod moderation;
pub mod offer_import;
pub mod offers;
pub mod password;
pub mod price_alerts;
pub mod qualification;
pub mod samples;
pub mod scorecard;
pub mod supplier_page;
pub mod tender_input;
pub mod tenders;
pub mod token;

pub use context::{AppSettings, ServerState};

/// Called once by the server binary at start-up. Referencing this crate from `main` keeps the
/// linker from discarding the server-function registrations (see DESIGN.md, toolchain traps).
pub fn register() {
    tracing::debug!("Agora server functions linked");
}
