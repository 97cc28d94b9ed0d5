//! Pure domain rules: no I/O and no clock reads (the time is always an argument), so the browser
//! and the server run the very same checks.

pub mod auction;
pub mod audit_chain;
pub mod catalog;
pub mod invitation;
pub mod login_throttle;
pub mod pricing;
pub mod qualification;
pub mod upload;
pub mod weights;
