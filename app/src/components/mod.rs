//! Reusable view pieces: the header and navigation, form fields, feedback and guards.

pub mod download;
pub mod error_view;
pub mod field;
pub mod form;
pub mod guard;
pub mod header;
pub mod instance_field;
pub mod lang_switch;
pub mod nav;
pub mod notice_badge;
pub mod org_table;
pub mod price_alert_form;
pub mod product_view;
pub mod sample_request;
pub mod score_chart;
pub mod scorecard_view;
pub mod toast;
