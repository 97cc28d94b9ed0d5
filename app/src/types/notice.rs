//! In-app notices to one person (table `account_notification`): price alerts that fired, sample
//! requests and their decisions, listing reviews. Each kind carries its facts as a typed payload,
//! so the UI words it in the reader's language; the same JSON goes to the e-mail outbox.

use crate::types::money::Money;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// What a notice is about; stored in `account_notification.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    PriceAlert,
    SampleRequested,
    SampleAccepted,
    SampleDeclined,
    ListingApproved,
    ListingRejected,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 6] = [
        NoticeKind::PriceAlert,
        NoticeKind::SampleRequested,
        NoticeKind::SampleAccepted,
        NoticeKind::SampleDeclined,
        NoticeKind::ListingApproved,
        NoticeKind::ListingRejected,
    ];

    /// The stored code, also the e-mail template name.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::PriceAlert => "price_alert",
            NoticeKind::SampleRequested => "sample_requested",
            NoticeKind::SampleAccepted => "sample_accepted",
            NoticeKind::SampleDeclined => "sample_declined",
            NoticeKind::ListingApproved => "listing_approved",
            NoticeKind::ListingRejected => "listing_rejected",
        }
    }

    pub fn parse(raw: &str) -> Option<NoticeKind> {
        NoticeKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == raw)
    }
}

/// The product a notice names, in both languages (the reader may switch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeProduct {
    pub product_id: Uuid,
    pub sku: String,
    pub name_en: String,
    pub name_zh: String,
}

/// A notice with its facts. Serialised with its `kind` tag, as stored in `payload`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// An approved offer's landed unit cost fell to or below the buyer's target.
    PriceAlert {
        alert_id: Uuid,
        product: NoticeProduct,
        offer_id: Uuid,
        supplier_name: String,
        #[serde(with = "rust_decimal::serde::str")]
        quantity: Decimal,
        /// The landed unit cost that crossed the target.
        unit_cost: Money,
        target: Money,
    },
    /// To the supplier's admins: a buyer asks for a sample.
    SampleRequested {
        request_id: Uuid,
        product: NoticeProduct,
        offer_id: Uuid,
        buyer_name: String,
        #[serde(with = "rust_decimal::serde::str")]
        quantity: Decimal,
    },
    /// To the buyer who asked: the supplier ships the sample.
    SampleAccepted {
        request_id: Uuid,
        product: NoticeProduct,
        supplier_name: String,
        shipping_reference: String,
    },
    /// To the buyer who asked: the supplier declined.
    SampleDeclined {
        request_id: Uuid,
        product: NoticeProduct,
        supplier_name: String,
        reason: String,
    },
    /// To the supplier: staff approved a listing. Every fact optional, so any writer's payload reads.
    ListingApproved {
        #[serde(default)]
        offer_id: Option<Uuid>,
        #[serde(default)]
        product: Option<NoticeProduct>,
    },
    /// To the supplier: staff rejected a listing, with the reason.
    ListingRejected {
        #[serde(default)]
        offer_id: Option<Uuid>,
        #[serde(default)]
        product: Option<NoticeProduct>,
        #[serde(default)]
        reason: Option<String>,
    },
}

impl Notice {
    pub fn kind(&self) -> NoticeKind {
        match self {
            Notice::PriceAlert { .. } => NoticeKind::PriceAlert,
            Notice::SampleRequested { .. } => NoticeKind::SampleRequested,
            Notice::SampleAccepted { .. } => NoticeKind::SampleAccepted,
            Notice::SampleDeclined { .. } => NoticeKind::SampleDeclined,
            Notice::ListingApproved { .. } => NoticeKind::ListingApproved,
            Notice::ListingRejected { .. } => NoticeKind::ListingRejected,
        }
    }

    /// Reads a stored payload of `kind` (the payload's own tag is ignored; the column decides).
    pub fn from_stored(kind: NoticeKind, payload: serde_json::Value) -> serde_json::Result<Notice> {
        let mut payload = payload;
        if let Some(object) = payload.as_object_mut() {
            object.insert("kind".into(), kind.as_str().into());
        }
        serde_json::from_value(payload)
    }
}

/// One notice as its reader lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountNotification {
    pub notification_id: Uuid,
    pub notice: Notice,
    #[serde(with = "time::serde::rfc3339::option")]
    pub read_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::money::Currency;

    fn product() -> NoticeProduct {
        NoticeProduct {
            product_id: Uuid::nil(),
            sku: "REBAR-HRB400-12".into(),
            name_en: "Rebar".into(),
            name_zh: "钢筋".into(),
        }
    }

    #[test]
    fn a_notice_round_trips_through_its_stored_form() {
        let notice = Notice::PriceAlert {
            alert_id: Uuid::nil(),
            product: product(),
            offer_id: Uuid::nil(),
            supplier_name: "Hengda".into(),
            quantity: "25".parse().unwrap(),
            unit_cost: Money::new("612.5".parse().unwrap(), Currency::USD),
            target: Money::new("620".parse().unwrap(), Currency::USD),
        };
        let stored = serde_json::to_value(&notice).unwrap();
        assert_eq!(stored["kind"], "price_alert");
        assert_eq!(stored["unit_cost"]["amount"], "612.5");
        assert_eq!(Notice::from_stored(notice.kind(), stored).unwrap(), notice);
    }

    #[test]
    fn listing_notices_read_whatever_facts_their_writer_stored() {
        let stored = serde_json::json!({ "offer_id": Uuid::nil(), "extra": 1 });
        let notice = Notice::from_stored(NoticeKind::ListingRejected, stored).unwrap();
        assert_eq!(
            notice,
            Notice::ListingRejected {
                offer_id: Some(Uuid::nil()),
                product: None,
                reason: None
            }
        );
    }

    #[test]
    fn kinds_round_trip_through_their_codes() {
        for kind in NoticeKind::ALL {
            assert_eq!(NoticeKind::parse(kind.as_str()), Some(kind));
        }
    }
}
