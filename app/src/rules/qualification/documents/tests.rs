//! Tests of document expiry: warnings and lapses.

use super::*;
use proptest::prelude::*;
use time::macros::date;
use time::Duration;

const TODAY: Date = date!(2026 - 11 - 25);

fn doc(n: u128, kind: DocumentKind, days_from_today: Option<i64>) -> Document {
    Document {
        document_id: Uuid::from_u128(n),
        kind,
        expires_on: days_from_today.map(|d| TODAY + Duration::days(d)),
    }
}

fn licence(n: u128, days: i64) -> Document {
    doc(n, DocumentKind::BusinessLicence, Some(days))
}

fn thresholds(notices: &[Notice]) -> Vec<NoticeThreshold> {
    notices.iter().map(|n| n.threshold).collect()
}

#[test]
fn only_the_business_licence_is_required() {
    let required: Vec<_> = DocumentKind::ALL
        .into_iter()
        .filter(|k| k.is_required())
        .collect();
    assert_eq!(required, vec![DocumentKind::BusinessLicence]);
}

#[test]
fn a_licence_expiring_in_thirty_days_gets_the_thirty_day_warning() {
    let notices = expiry_notices(&[licence(1, 30)], &[], TODAY);
    assert_eq!(thresholds(&notices), vec![NoticeThreshold::ThirtyDays]);
    assert_eq!(notices[0].days_left, 30);
    assert!(expiry_notices(&[licence(1, 31)], &[], TODAY).is_empty());
}

#[test]
fn a_licence_expiring_in_seven_days_gets_only_the_seven_day_warning() {
    let notices = expiry_notices(&[licence(1, 7)], &[], TODAY);
    assert_eq!(thresholds(&notices), vec![NoticeThreshold::SevenDays]);
}

#[test]
fn a_warning_already_sent_is_not_sent_again() {
    let sent = [SentNotice {
        document_id: Uuid::from_u128(1),
        threshold: NoticeThreshold::ThirtyDays,
    }];
    assert!(expiry_notices(&[licence(1, 20)], &sent, TODAY).is_empty());
    let urgent = expiry_notices(&[licence(1, 6)], &sent, TODAY);
    assert_eq!(thresholds(&urgent), vec![NoticeThreshold::SevenDays]);
}

#[test]
fn optional_certificates_and_documents_without_expiry_get_no_warning() {
    let documents = [
        doc(1, DocumentKind::Iso9001, Some(3)),
        doc(2, DocumentKind::BusinessLicence, None),
    ];
    assert!(expiry_notices(&documents, &[], TODAY).is_empty());
    assert!(lapsed(&documents, TODAY).is_empty());
}

#[test]
fn a_licence_is_valid_through_its_expiry_date_and_lapses_the_day_after() {
    assert!(lapsed(&[licence(1, 0)], TODAY).is_empty());
    let gone = lapsed(&[licence(1, -1)], TODAY);
    assert_eq!(gone.len(), 1);
    assert_eq!(gone[0].kind, DocumentKind::BusinessLicence);
    assert_eq!(gone[0].expired_on, date!(2026 - 11 - 24));
}

#[test]
fn a_lapsed_licence_gets_no_warning() {
    assert!(expiry_notices(&[licence(1, -1)], &[], TODAY).is_empty());
}

#[test]
fn a_valid_replacement_silences_the_old_licence() {
    let documents = [licence(1, -3), licence(2, 365)];
    assert!(lapsed(&documents, TODAY).is_empty());
    let documents = [licence(1, 5), licence(2, 365)];
    assert!(expiry_notices(&documents, &[], TODAY).is_empty());
}

proptest! {
    #[test]
    fn each_notice_is_emitted_at_most_once_as_the_days_go_by(
        expiries in proptest::collection::vec(-5i64..60, 1..4),
        step in 1i64..4,
    ) {
        let documents: Vec<Document> = expiries
            .iter()
            .enumerate()
            .map(|(i, days)| doc(i as u128, DocumentKind::BusinessLicence, Some(*days)))
            .collect();
        let mut sent: Vec<SentNotice> = Vec::new();
        let mut day = TODAY;
        while day <= TODAY + Duration::days(70) {
            for notice in expiry_notices(&documents, &sent, day) {
                prop_assert!(!sent.contains(&notice.key()));
                prop_assert!(notice.days_left >= 0 && notice.days_left <= 30);
                sent.push(notice.key());
            }
            day += Duration::days(step);
        }
        // Only the latest-expiring licence counts, and it is warned at most twice.
        prop_assert!(sent.len() <= 2);
    }
}
