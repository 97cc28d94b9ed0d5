//! Strings of sample requests, price alerts and a person's notifications; reached as
//! `Texts::alerts`.

mod en;
mod zh;

pub use en::TEXTS as EN;
pub use zh::TEXTS as ZH;

use crate::types::notice::Notice;
use crate::types::samples::SampleStatus;

/// One field per string, plain functions where a value picks or fills the text.
pub struct AlertTexts {
    // Sample requests.
    pub samples_nav: &'static str,
    pub samples_title: &'static str,
    pub samples_mine: &'static str,
    pub samples_incoming: &'static str,
    pub samples_none_mine: &'static str,
    pub samples_none_incoming: &'static str,
    pub request_sample: &'static str,
    pub sample_quantity: &'static str,
    pub sample_note: &'static str,
    pub send_request: &'static str,
    pub sample_sent: &'static str,
    pub product: &'static str,
    pub supplier: &'static str,
    pub buyer: &'static str,
    pub quantity: &'static str,
    pub requested_at: &'static str,
    pub answer: &'static str,
    pub sample_status: fn(SampleStatus) -> &'static str,
    /// "asked by Li Wei".
    pub requested_by: fn(&str) -> String,
    pub shipping_reference: &'static str,
    pub decline_reason: &'static str,
    pub accept: &'static str,
    pub decline: &'static str,
    pub accepted_toast: &'static str,
    pub declined_toast: &'static str,
    /// "Ships with DHL 123".
    pub ships_with: fn(&str) -> String,
    /// "Declined: out of stock".
    pub declined_because: fn(&str) -> String,
    pub refreshes: &'static str,
    pub samples_none_waiting: &'static str,
    /// "3 requests wait for your answer".
    pub samples_waiting: fn(usize) -> String,
    pub open_samples: &'static str,
    // Price alerts.
    pub alerts_nav: &'static str,
    pub alerts_title: &'static str,
    pub alerts_lead: &'static str,
    pub alerts_none: &'static str,
    pub watch_price: &'static str,
    pub destination: &'static str,
    pub currency: &'static str,
    pub target_unit_cost: &'static str,
    pub target_hint: &'static str,
    pub create_alert: &'static str,
    pub alert_created: &'static str,
    /// An offer already meets the new alert's target at this landed unit cost.
    pub alert_met_now: fn(&str) -> String,
    pub alert_state: &'static str,
    pub watching: &'static str,
    pub reached: &'static str,
    /// "USD 118.20 from Hengda Steel" (the supplier may be gone).
    pub reached_by: fn(&str, Option<&str>) -> String,
    pub delete: &'static str,
    pub alert_deleted: &'static str,
    // Notifications.
    pub notifications_nav: &'static str,
    pub notifications_title: &'static str,
    pub notifications_none: &'static str,
    /// For the navigation badge's label.
    pub unread: fn(i64) -> String,
    pub mark_all_read: &'static str,
    /// The sentence a notice reads as, with its numbers in the language's format.
    pub notice_text: fn(&Notice) -> String,
}
