//! The document expiry job, driven with injected dates: warnings 30 and 7 days ahead (once each,
//! in-app and by e-mail), suspension the day after a required document lapses, and the re-review a
//! valid replacement starts.

use crate::helpers::{spawn_app, TestApp};
use crate::qualification::{actions, approved_supplier, pdf_bytes};
use app::rules::qualification::status::QualificationStatus;
use app::server::expiry::{run_expiry_pass, ExpiryPass};
use app::types::qualification::SupplierApplication;
use app::types::scorecard::{NotificationKind, SupplierNotification};
use app::types::Role;
use time::macros::date;
use time::{Date, Duration};
use uuid::Uuid;

/// The last valid day of the licence in these tests.
const EXPIRES: Date = date!(2027 - 03 - 31);

async fn set_licence_expiry(app: &TestApp, org: Uuid, on: Date) {
    app.execute(&format!(
        "update supplier_document set expires_on = '{on}' \
         where organisation_id = '{org}' and kind = 'business_licence'"
    ))
    .await;
}

async fn pass(app: &TestApp, today: Date) -> ExpiryPass {
    run_expiry_pass(&app.pool, today)
        .await
        .expect("the expiry pass runs")
}

async fn status_of(app: &TestApp, org: Uuid) -> String {
    sqlx::query_scalar::<_, String>(
        "select status from supplier_profile where organisation_id = $1",
    )
    .bind(org)
    .fetch_one(&app.pool)
    .await
    .expect("a profile")
}

#[tokio::test]
async fn warnings_go_out_thirty_and_seven_days_ahead_once_each() {
    let app = spawn_app().await;
    let (supplier, org, _) = approved_supplier(&app).await;
    set_licence_expiry(&app, org, EXPIRES).await;
    let days_before = |days: i64| EXPIRES - Duration::days(days);

    assert_eq!(pass(&app, days_before(31)).await.warnings, 0);
    assert_eq!(pass(&app, days_before(30)).await.warnings, 1);
    assert_eq!(pass(&app, days_before(30)).await.warnings, 0, "sent once");
    assert_eq!(pass(&app, days_before(29)).await.warnings, 0);
    assert_eq!(pass(&app, days_before(8)).await.warnings, 0);
    assert_eq!(pass(&app, days_before(7)).await.warnings, 1);
    assert_eq!(pass(&app, days_before(1)).await.warnings, 0, "sent once");
    assert_eq!(pass(&app, EXPIRES).await, ExpiryPass::default());

    let notices: Vec<SupplierNotification> = supplier
        .post(
            "/api/scorecard/list_notifications",
            serde_json::json!({ "organisation_id": org }),
        )
        .await
        .ok();
    assert_eq!(notices.len(), 2);
    assert!(notices
        .iter()
        .all(|n| n.kind == NotificationKind::DocumentExpiring && n.expires_on == Some(EXPIRES)));
    // One e-mail per notice to the organisation's only admin.
    let emails = app
        .count(&format!(
            "select count(*) from email_outbox where template = 'document_expiring' \
             and payload->>'organisation_id' = '{org}'"
        ))
        .await;
    assert_eq!(emails, 2);
    assert_eq!(status_of(&app, org).await, "approved", "still valid");
}

#[tokio::test]
async fn a_lapsed_licence_suspends_the_supplier_the_day_after_it_expires() {
    let app = spawn_app().await;
    let (supplier, org, _) = approved_supplier(&app).await;
    set_licence_expiry(&app, org, EXPIRES).await;

    assert_eq!(pass(&app, EXPIRES).await.suspensions, 0);
    assert_eq!(status_of(&app, org).await, "approved");
    assert_eq!(pass(&app, EXPIRES + Duration::days(1)).await.suspensions, 1);
    assert_eq!(pass(&app, EXPIRES + Duration::days(2)).await.suspensions, 0);

    let seen: SupplierApplication = supplier.get_application(org).await.ok();
    assert_eq!(seen.status, Some(QualificationStatus::Suspended));
    assert!(seen
        .status_reason
        .as_deref()
        .is_some_and(|reason| reason.contains("2027-03-31")));
    let last = seen.history.last().expect("an audit entry");
    assert_eq!(last.action, "suspended_document_expired");
    assert_eq!(last.actor_name, "Agora");
    let suspended = app
        .count(&format!(
            "select count(*) from supplier_notification \
             where organisation_id = '{org}' and kind = 'suspended_document_expired'"
        ))
        .await;
    assert_eq!(suspended, 1);
}

#[tokio::test]
async fn a_valid_replacement_puts_a_supplier_suspended_for_expiry_back_into_review() {
    let app = spawn_app().await;
    let (supplier, org, reviewer) = approved_supplier(&app).await;
    // Lapsed well before the real today, so the upload (checked against the server's clock) sees it.
    set_licence_expiry(&app, org, date!(2026 - 01 - 31)).await;
    assert_eq!(pass(&app, date!(2026 - 02 - 01)).await.suspensions, 1);

    let replaced: SupplierApplication = supplier
        .upload_document(
            org,
            "business_licence",
            "new.pdf",
            "application/pdf",
            pdf_bytes(),
        )
        .await
        .ok();
    assert_eq!(replaced.status, Some(QualificationStatus::UnderReview));
    assert_eq!(replaced.status_reason, None);
    assert!(actions(&replaced).ends_with(&["document_uploaded", "re_review_started"]));

    let approved: SupplierApplication = reviewer.decide_application(org, "approve", "").await.ok();
    assert_eq!(approved.status, Some(QualificationStatus::Approved));
    // The replacement is the current licence now: the next pass leaves the supplier alone.
    assert_eq!(
        pass(&app, date!(2026 - 02 - 02)).await,
        ExpiryPass::default()
    );
}

#[tokio::test]
async fn an_upload_does_not_lift_a_staff_suspension() {
    let app = spawn_app().await;
    let (supplier, org, _) = approved_supplier(&app).await;
    let (operator, _) = app.staff(Role::Operator).await;
    let _: SupplierApplication = operator
        .decide_application(org, "suspend", "Unpaid platform fees.")
        .await
        .ok();
    let after: SupplierApplication = supplier
        .upload_document(
            org,
            "business_licence",
            "new.pdf",
            "application/pdf",
            pdf_bytes(),
        )
        .await
        .ok();
    assert_eq!(after.status, Some(QualificationStatus::Suspended));
}

#[tokio::test]
async fn a_renewal_uploaded_before_the_lapse_prevents_the_suspension() {
    let app = spawn_app().await;
    let (supplier, org, reviewer) = approved_supplier(&app).await;
    set_licence_expiry(&app, org, EXPIRES).await;
    let renewal: SupplierApplication = supplier
        .upload_document(
            org,
            "business_licence",
            "renewal.pdf",
            "application/pdf",
            pdf_bytes(),
        )
        .await
        .ok();
    // An approved supplier keeps trading while the renewal waits in the reviewers' queue.
    assert_eq!(renewal.status, Some(QualificationStatus::Approved));
    let queue: Vec<serde_json::Value> = reviewer.review_queue().await.ok();
    assert!(queue
        .iter()
        .any(|row| row["organisation_id"] == serde_json::json!(org)));
    assert_eq!(pass(&app, EXPIRES - Duration::days(7)).await.warnings, 0);
    assert_eq!(pass(&app, EXPIRES + Duration::days(1)).await.suspensions, 0);
}

#[tokio::test]
async fn a_supplier_cannot_read_another_suppliers_notices() {
    let app = spawn_app().await;
    let (_, org, _) = approved_supplier(&app).await;
    let (stranger, _) = app.org_admin("supplier").await;
    stranger
        .post(
            "/api/scorecard/list_notifications",
            serde_json::json!({ "organisation_id": org }),
        )
        .await
        .assert_refused("another supplier's notices");
    let (buyer, _) = app.org_admin("buyer").await;
    buyer
        .post(
            "/api/scorecard/mark_notifications_read",
            serde_json::json!({ "organisation_id": org }),
        )
        .await
        .assert_refused("a buyer marking a supplier's notices");
}
