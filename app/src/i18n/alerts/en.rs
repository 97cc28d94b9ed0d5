//! English strings of sample requests, price alerts and notifications.

use super::AlertTexts;
use crate::i18n::Locale;
use crate::types::money::format_amount;
use crate::types::notice::Notice;
use crate::types::samples::SampleStatus;

fn product_name(product: Option<&crate::types::notice::NoticeProduct>) -> String {
    product.map_or_else(
        || "a listing".to_owned(),
        |p| format!("{} ({})", p.name_en, p.sku),
    )
}

pub static TEXTS: AlertTexts = AlertTexts {
    samples_nav: "Samples",
    samples_title: "Sample requests",
    samples_mine: "Samples we asked for",
    samples_incoming: "Samples buyers ask us for",
    samples_none_mine: "No sample requests yet. Ask for one from an offer in a comparison.",
    samples_none_incoming: "No buyer has asked for a sample yet.",
    request_sample: "Request a sample",
    sample_quantity: "Sample quantity",
    sample_note: "Note to the supplier (optional)",
    send_request: "Send request",
    sample_sent: "Sample requested. The supplier answers on the Samples page.",
    product: "Product",
    supplier: "Supplier",
    buyer: "Buyer",
    quantity: "Quantity",
    requested_at: "Requested",
    answer: "Answer",
    sample_status: |status| match status {
        SampleStatus::Requested => "Waiting",
        SampleStatus::Accepted => "Accepted",
        SampleStatus::Declined => "Declined",
    },
    requested_by: |name| format!("asked by {name}"),
    shipping_reference: "Shipping reference",
    decline_reason: "Reason for declining",
    accept: "Accept",
    decline: "Decline",
    accepted_toast: "Accepted. The buyer is told.",
    declined_toast: "Declined. The buyer is told.",
    ships_with: |reference| format!("Ships with {reference}"),
    declined_because: |reason| format!("Declined: {reason}"),
    refreshes: "Updates every 10 seconds.",
    samples_none_waiting: "No sample request waits for your answer.",
    samples_waiting: |n| {
        if n == 1 {
            "1 request waits for your answer.".into()
        } else {
            format!("{n} requests wait for your answer.")
        }
    },
    open_samples: "Open the sample requests",
    alerts_nav: "Price alerts",
    alerts_title: "Price alerts",
    alerts_lead:
        "We tell you once when an approved offer's landed unit cost falls to or below your target.",
    alerts_none: "No price alerts. Watch a price from a product or a comparison.",
    watch_price: "Watch this price",
    destination: "Destination",
    currency: "Currency",
    target_unit_cost: "Target landed unit cost",
    target_hint: "Goods, freight and duty in your currency, plus 8 % a year for the payment term.",
    create_alert: "Create alert",
    alert_created: "Alert created. We tell you when an offer reaches it.",
    alert_met_now: |cost| format!("An offer already meets it: {cost}. See your notifications."),
    alert_state: "State",
    watching: "Watching",
    reached: "Reached",
    reached_by: |cost, supplier| match supplier {
        Some(supplier) => format!("{cost} from {supplier}"),
        None => cost.to_owned(),
    },
    delete: "Delete",
    alert_deleted: "Alert deleted",
    notifications_nav: "Notifications",
    notifications_title: "Notifications",
    notifications_none: "Nothing yet. Price alerts and answers to sample requests appear here.",
    unread: |n| {
        if n == 1 {
            "1 unread".into()
        } else {
            format!("{n} unread")
        }
    },
    mark_all_read: "Mark all read",
    notice_text: |notice| {
        match notice {
        Notice::PriceAlert { product, supplier_name, quantity, unit_cost, target, .. } => format!(
            "Price alert: {} costs {} landed per unit from {supplier_name} for {}, at or below your target of {}.",
            product_name(Some(product)),
            unit_cost.format(Locale::En),
            format_amount(*quantity, 0),
            target.format(Locale::En),
        ),
        Notice::SampleRequested { product, buyer_name, quantity, .. } => format!(
            "{buyer_name} asks for a sample of {}: {}.",
            product_name(Some(product)),
            format_amount(*quantity, 0),
        ),
        Notice::SampleAccepted { product, supplier_name, shipping_reference, .. } => format!(
            "{supplier_name} accepted your sample request for {}. Shipping reference: {shipping_reference}.",
            product_name(Some(product)),
        ),
        Notice::SampleDeclined { product, supplier_name, reason, .. } => format!(
            "{supplier_name} declined your sample request for {}: {reason}",
            product_name(Some(product)),
        ),
        Notice::ListingApproved { product, .. } => {
            format!("Your listing of {} was approved; buyers see it now.", product_name(product.as_ref()))
        }
        Notice::ListingRejected { product, reason, .. } => format!(
            "Your listing of {} was rejected{}",
            product_name(product.as_ref()),
            reason.as_deref().map_or_else(|| ".".to_owned(), |r| format!(": {r}")),
        ),
    }
    },
};
