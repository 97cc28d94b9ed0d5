//! Types shared by browser and server: validated newtypes, DTOs and statuses.

pub mod account;
pub mod alerts;
pub mod audit;
pub mod catalog;
pub mod money;
pub mod notice;
pub mod organisation;
pub mod qualification;
pub mod samples;
pub mod scorecard;
pub mod supplier_page;
pub mod tender;
pub mod validation;

pub use account::*;
pub use organisation::*;
pub use validation::{FieldErrors, FieldIssue};
