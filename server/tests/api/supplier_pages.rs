//! Factory audits and sample tests, the public supplier profile buyers see, and the supplier's
//! dashboard: what each shows and who may read it.

use crate::helpers::spawn_app;
use crate::qualification::{actions, approved_supplier};
use app::rules::qualification::status::{NotEligible, QualificationStatus};
use app::types::audit::{AuditResult, SupplierAudits};
use app::types::qualification::SupplierApplication;
use app::types::supplier_page::{PublicSupplierProfile, SupplierDashboard};
use app::types::Role;
use serde_json::{json, Value};
use uuid::Uuid;

fn audit(result: &str, score: &str) -> Value {
    json!({ "audited_on": "2026-11-20", "auditor": "Bureau Veritas, Li Wei",
            "result": result, "score": score, "notes": "Welding line inspected." })
}

async fn record_audit(
    staff: &crate::helpers::ApiClient,
    org: Uuid,
    input: Value,
) -> crate::helpers::Reply {
    staff
        .post(
            "/api/audits/record_factory_audit",
            json!({ "organisation_id": org, "input": input }),
        )
        .await
}

#[tokio::test]
async fn staff_record_audits_and_sample_tests_into_the_audit_trail() {
    let app = spawn_app().await;
    let (supplier, org, reviewer) = approved_supplier(&app).await;
    let audits: SupplierAudits = record_audit(&reviewer, org, audit("pass", "92")).await.ok();
    assert_eq!(audits.factory_audits[0].result, AuditResult::Pass);
    assert_eq!(audits.factory_audits[0].score, 92);
    let test = json!({ "tested_on": "2026-11-21", "product": "M8 bolts", "laboratory": "SGS Shanghai",
                       "passed": false, "notes": "Tensile strength below grade 8.8." });
    let audits: SupplierAudits = reviewer
        .post(
            "/api/audits/record_sample_test",
            json!({ "organisation_id": org, "input": test }),
        )
        .await
        .ok();
    assert!(!audits.sample_tests[0].passed);

    let seen: SupplierApplication = supplier.get_application(org).await.ok();
    assert!(actions(&seen).ends_with(&["factory_audit_recorded", "sample_test_recorded"]));
    let own: SupplierAudits = supplier
        .post("/api/audits/list_audits", json!({ "organisation_id": org }))
        .await
        .ok();
    assert_eq!(own, audits);

    record_audit(&reviewer, org, audit("great", "101"))
        .await
        .assert_error(422, "validation");
    record_audit(&supplier, org, audit("pass", "100"))
        .await
        .assert_error(403, "forbidden");
    let (stranger, _) = app.org_admin("supplier").await;
    stranger
        .post("/api/audits/list_audits", json!({ "organisation_id": org }))
        .await
        .assert_refused("another supplier's audits");
}

#[tokio::test]
async fn a_buyer_sees_the_verified_badges_and_no_data_yet_for_missing_rates() {
    let app = spawn_app().await;
    let (_, org, reviewer) = approved_supplier(&app).await;
    let _: SupplierAudits = record_audit(&reviewer, org, audit("pass", "88")).await.ok();
    let _: SupplierAudits = record_audit(&reviewer, org, audit("conditional", "70"))
        .await
        .ok();
    let (buyer, _) = app.org_admin("buyer").await;
    let profile: PublicSupplierProfile = buyer
        .post(
            "/api/suppliers/get_public_profile",
            json!({ "organisation_id": org }),
        )
        .await
        .ok();
    assert_eq!(profile.status, Some(QualificationStatus::Approved));
    assert_eq!(profile.badges.len(), 1);
    assert_eq!(profile.badges[0].verified_by, "Platform Staff");
    assert_eq!(profile.on_time_rate, None);
    assert_eq!(profile.fulfilment_rate, None);
    assert_eq!(profile.response_rate, None);
    assert_eq!(profile.rating_count, 0);
    assert_eq!((profile.audits_passed, profile.audits_total), (1, 2));
    assert_eq!(profile.stars.to_string(), "2.5");

    let (stranger, _) = app.org_admin("supplier").await;
    stranger
        .post(
            "/api/suppliers/get_public_profile",
            json!({ "organisation_id": org }),
        )
        .await
        .assert_refused("a pure supplier reading a competitor's profile");
    let (_, other_buyer) = app.org_admin("buyer").await;
    buyer
        .post(
            "/api/suppliers/get_public_profile",
            json!({ "organisation_id": other_buyer.organisation_id() }),
        )
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn the_dashboard_shows_status_expiring_documents_score_and_advice() {
    let app = spawn_app().await;
    let (supplier, org, _) = approved_supplier(&app).await;
    let soon = (time::OffsetDateTime::now_utc().date() + time::Duration::days(10)).to_string();
    app.execute(&format!(
        "update supplier_document set expires_on = '{soon}' where organisation_id = '{org}'"
    ))
    .await;
    let dashboard: SupplierDashboard = supplier
        .post(
            "/api/suppliers/get_dashboard",
            json!({ "organisation_id": org }),
        )
        .await
        .ok();
    assert_eq!(dashboard.status, Some(QualificationStatus::Approved));
    assert_eq!(dashboard.not_eligible, None);
    assert_eq!(dashboard.expiring.len(), 1);
    assert_eq!(dashboard.expiring[0].days_left, 10);
    assert_eq!(dashboard.scorecard.current.score.to_string(), "50.00");
    assert_eq!(dashboard.improvements.len(), 3);
    assert!(dashboard.improvements.iter().all(|i| i.no_data));

    let (operator, _) = app.staff(Role::Operator).await;
    let _: SupplierApplication = operator
        .decide_application(org, "suspend", "Documents under investigation.")
        .await
        .ok();
    let dashboard: SupplierDashboard = supplier
        .post(
            "/api/suppliers/get_dashboard",
            json!({ "organisation_id": org }),
        )
        .await
        .ok();
    assert_eq!(dashboard.not_eligible, Some(NotEligible::Suspended));
    assert_eq!(
        dashboard.status_reason.as_deref(),
        Some("Documents under investigation.")
    );

    let (stranger, _) = app.org_admin("supplier").await;
    stranger
        .post(
            "/api/suppliers/get_dashboard",
            json!({ "organisation_id": org }),
        )
        .await
        .assert_refused("another supplier's dashboard");
}

#[tokio::test]
async fn an_approved_supplier_in_the_blocked_band_is_told_it_cannot_trade() {
    let app = spawn_app().await;
    let (supplier, org, _) = approved_supplier(&app).await;
    let (operator, _) = app.staff(Role::Operator).await;
    // Thresholds above the neutral 50: a supplier without facts falls into the blocked band.
    let input = json!({ "input": {
        "weights": { "on_time_delivery": "25", "quality_acceptance": "25", "rfq_response_rate": "15",
                     "quote_win_rate": "10", "dispute_rate": "15", "buyer_rating": "10" },
        "warned": "60", "standard": "70", "preferred": "90" }});
    let _: Value = operator
        .post("/api/scorecard/update_settings", input)
        .await
        .ok();
    let dashboard: SupplierDashboard = supplier
        .post(
            "/api/suppliers/get_dashboard",
            json!({ "organisation_id": org }),
        )
        .await
        .ok();
    assert_eq!(dashboard.status, Some(QualificationStatus::Approved));
    assert_eq!(dashboard.not_eligible, Some(NotEligible::BlockedBand));
    let bands = app::server::scorecard::supplier_bands(&app.pool, &[org])
        .await
        .unwrap();
    assert_eq!(bands[&org], app::rules::qualification::band::Band::Blocked);
}

/// The smallest PNG header the upload checks recognise.
pub fn png_bytes() -> Vec<u8> {
    let mut bytes = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    bytes.extend_from_slice(b"\0\0\0\rIHDR not a real image, enough for the magic bytes");
    bytes
}

async fn upload_photo(
    client: &crate::helpers::ApiClient,
    audit_id: Uuid,
    name: &str,
    content_type: &str,
    bytes: Vec<u8>,
) -> crate::helpers::Reply {
    let file = reqwest::multipart::Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str(content_type)
        .unwrap();
    let form = reqwest::multipart::Form::new()
        .text("audit_id", audit_id.to_string())
        .part("file", file);
    client
        .send(
            client
                .http
                .post(format!("{}/api/audits/upload_audit_photo", client.address))
                .multipart(form),
        )
        .await
}

#[tokio::test]
async fn staff_attach_audit_photos_that_only_the_supplier_and_staff_can_open() {
    let app = spawn_app().await;
    let (supplier, org, reviewer) = approved_supplier(&app).await;
    let audits: SupplierAudits = record_audit(&reviewer, org, audit("pass", "90")).await.ok();
    let audit_id = audits.factory_audits[0].audit_id;

    let with_photo: SupplierAudits =
        upload_photo(&reviewer, audit_id, "line.png", "image/png", png_bytes())
            .await
            .ok();
    let photo = with_photo.factory_audits[0].photos[0];
    let seen: SupplierApplication = supplier.get_application(org).await.ok();
    assert_eq!(actions(&seen).last(), Some(&"audit_photo_uploaded"));
    let file = supplier.get(&format!("/files/audit-photos/{photo}")).await;
    assert_eq!(file.status.as_u16(), 200);
    assert_eq!(file.header("content-type"), Some("image/png"));

    let (stranger, _) = app.org_admin("supplier").await;
    let hidden = stranger.get(&format!("/files/audit-photos/{photo}")).await;
    assert_eq!(hidden.status.as_u16(), 404);
    // A PDF is a document, not a photo; a supplier may not add photos to its own audit.
    upload_photo(
        &reviewer,
        audit_id,
        "report.pdf",
        "application/pdf",
        crate::qualification::pdf_bytes(),
    )
    .await
    .assert_field_issue("file", "invalid_file");
    upload_photo(&supplier, audit_id, "line.png", "image/png", png_bytes())
        .await
        .assert_error(403, "forbidden");
    upload_photo(
        &reviewer,
        Uuid::new_v4(),
        "line.png",
        "image/png",
        png_bytes(),
    )
    .await
    .assert_error(404, "not_found");
}
