//! Cross-cutting HTTP layers.

pub mod error_status;
pub mod metrics;
pub mod origin;
pub mod request_id;
