//! Supplier qualification over HTTP: profile, uploads checked by content, submission, the review
//! decisions and their audit trail, and who may see an application and its files.

use crate::helpers::{spawn_app, ApiClient, TestApp};
use app::rules::qualification::status::QualificationStatus;
use app::types::qualification::{DocumentReview, SupplierApplication};
use app::types::Role;
use serde_json::{json, Value};
use uuid::Uuid;

/// A small but complete PDF.
pub fn pdf_bytes() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

pub fn profile() -> Value {
    json!({
        "legal_name": "Ningbo Steel Works Co., Ltd.",
        "registration_number": "91330200MA2GXXXX",
        "address": "88 Harbour Road, Ningbo",
        "categories": ["steel"],
        "production_capacity": "12,000 t per month"
    })
}

/// A supplier admin with a saved profile and an uploaded business licence.
pub async fn supplier_with_licence(app: &TestApp) -> (ApiClient, Uuid, SupplierApplication) {
    let (client, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let _: SupplierApplication = client.save_profile(org, profile()).await.ok();
    let application: SupplierApplication = client
        .upload_document(
            org,
            "business_licence",
            "licence.pdf",
            "application/pdf",
            pdf_bytes(),
        )
        .await
        .ok();
    (client, org, application)
}

/// A supplier approved by a reviewer (its licence approved too); returns the supplier's client,
/// its organisation and the reviewer's client.
pub async fn approved_supplier(app: &TestApp) -> (ApiClient, Uuid, ApiClient) {
    let (supplier, org, uploaded) = supplier_with_licence(app).await;
    let _: SupplierApplication = supplier.submit_application(org).await.ok();
    let (reviewer, _) = app.staff(Role::Reviewer).await;
    let _: SupplierApplication = reviewer
        .decide_application(org, "start_review", "")
        .await
        .ok();
    let _: SupplierApplication = reviewer
        .decide_document(uploaded.documents[0].document_id, true, "")
        .await
        .ok();
    let _: SupplierApplication = reviewer.decide_application(org, "approve", "").await.ok();
    (supplier, org, reviewer)
}

pub fn actions(application: &SupplierApplication) -> Vec<&str> {
    application
        .history
        .iter()
        .map(|event| event.action.as_str())
        .collect()
}

#[tokio::test]
async fn a_supplier_applies_and_a_reviewer_approves_it() {
    let app = spawn_app().await;
    let (supplier, org, uploaded) = supplier_with_licence(&app).await;
    let document = &uploaded.documents[0];
    assert_eq!(document.content_type, "application/pdf");
    assert_eq!(
        document.sha256,
        app::rules::upload::checksum_hex(&pdf_bytes())
    );
    assert_eq!(document.size_bytes, pdf_bytes().len() as i64);

    let submitted: SupplierApplication = supplier.submit_application(org).await.ok();
    assert_eq!(submitted.status, Some(QualificationStatus::Applied));

    let (reviewer, _) = app.staff(Role::Reviewer).await;
    let queue: Vec<Value> = reviewer.review_queue().await.ok();
    assert!(queue.iter().any(|row| row["organisation_id"] == json!(org)));
    let _: SupplierApplication = reviewer
        .decide_application(org, "start_review", "")
        .await
        .ok();
    let _: SupplierApplication = reviewer
        .decide_document(document.document_id, true, "")
        .await
        .ok();
    let approved: SupplierApplication = reviewer.decide_application(org, "approve", "").await.ok();
    assert_eq!(approved.status, Some(QualificationStatus::Approved));
    assert_eq!(approved.documents[0].review, DocumentReview::Approved);

    let seen: SupplierApplication = supplier.get_application(org).await.ok();
    assert_eq!(
        actions(&seen),
        [
            "profile_saved",
            "document_uploaded",
            "submitted",
            "review_started",
            "document_approved",
            "approved"
        ]
    );
    let file = supplier.download_document(document.document_id).await;
    assert_eq!(file.status.as_u16(), 200);
    assert_eq!(file.header("content-type"), Some("application/pdf"));
    assert_eq!(file.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(file.header("cache-control"), Some("private, no-store"));
    assert_eq!(
        file.header("content-disposition"),
        Some("inline; filename=\"licence.pdf\"")
    );
    assert_eq!(file.text.as_bytes(), pdf_bytes());
}

#[tokio::test]
async fn a_rejection_needs_a_reason_and_the_supplier_sees_it() {
    let app = spawn_app().await;
    let (supplier, org, _) = supplier_with_licence(&app).await;
    let _: SupplierApplication = supplier.submit_application(org).await.ok();
    let (reviewer, _) = app.staff(Role::Reviewer).await;
    let _: SupplierApplication = reviewer
        .decide_application(org, "start_review", "")
        .await
        .ok();

    reviewer
        .decide_application(org, "reject", "  ")
        .await
        .assert_field_issue("reason", "required");
    let _: SupplierApplication = reviewer
        .decide_application(org, "reject", "The licence scan is unreadable.")
        .await
        .ok();

    let seen: SupplierApplication = supplier.get_application(org).await.ok();
    assert_eq!(seen.status, Some(QualificationStatus::Rejected));
    assert_eq!(
        seen.status_reason.as_deref(),
        Some("The licence scan is unreadable.")
    );
    // A rejected supplier may fix its profile and resubmit, straight back into review.
    let _: SupplierApplication = supplier.save_profile(org, profile()).await.ok();
    let again: SupplierApplication = supplier.submit_application(org).await.ok();
    assert_eq!(again.status, Some(QualificationStatus::UnderReview));
    // An approved application is locked.
    let _: SupplierApplication = reviewer.decide_application(org, "approve", "").await.ok();
    let body = supplier
        .save_profile(org, profile())
        .await
        .assert_error(409, "conflict");
    assert_eq!(body["reason"], "application_locked");
}

#[tokio::test]
async fn a_suspension_needs_a_note_the_supplier_reads_and_reinstating_clears_it() {
    let app = spawn_app().await;
    let (supplier, org, _) = supplier_with_licence(&app).await;
    let _: SupplierApplication = supplier.submit_application(org).await.ok();
    let (reviewer, _) = app.staff(Role::Reviewer).await;
    for decision in ["start_review", "approve"] {
        let _: SupplierApplication = reviewer.decide_application(org, decision, "").await.ok();
    }

    reviewer
        .decide_application(org, "suspend", "")
        .await
        .assert_field_issue("reason", "required");
    let _: SupplierApplication = reviewer
        .decide_application(org, "suspend", "Factory audit overdue.")
        .await
        .ok();
    let suspended: SupplierApplication = supplier.get_application(org).await.ok();
    assert_eq!(suspended.status, Some(QualificationStatus::Suspended));
    assert_eq!(
        suspended.status_reason.as_deref(),
        Some("Factory audit overdue.")
    );

    let _: SupplierApplication = reviewer.decide_application(org, "reinstate", "").await.ok();
    let reinstated: SupplierApplication = supplier.get_application(org).await.ok();
    assert_eq!(reinstated.status, Some(QualificationStatus::Approved));
    assert_eq!(reinstated.status_reason, None);
    assert_eq!(actions(&reinstated).last(), Some(&"reinstated"));

    // Reinstating an approved supplier is not a move the state machine knows.
    let body = reviewer
        .decide_application(org, "reinstate", "")
        .await
        .assert_error(409, "conflict");
    assert_eq!(body["reason"], "invalid_transition");
}

#[tokio::test]
async fn a_file_that_claims_to_be_a_pdf_but_is_not_is_rejected() {
    let app = spawn_app().await;
    let (client, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let reply = client
        .upload_document(
            org,
            "business_licence",
            "licence.pdf",
            "application/pdf",
            b"MZ\x90\x00 this is an executable".to_vec(),
        )
        .await;
    reply.assert_field_issue("file", "invalid_file");
    assert_eq!(app.count("select count(*) from supplier_document").await, 0);
}

#[tokio::test]
async fn a_file_over_ten_mebibytes_is_refused() {
    let app = spawn_app().await;
    let (client, account) = app.org_admin("supplier").await;
    let mut bytes = pdf_bytes();
    bytes.resize(app::rules::upload::MAX_UPLOAD_BYTES + 1024, b' ');
    bytes.extend_from_slice(b"\n%%EOF\n");
    let reply = client
        .upload_document(
            account.organisation_id(),
            "business_licence",
            "big.pdf",
            "application/pdf",
            bytes,
        )
        .await;
    match reply.status.as_u16() {
        413 => assert!(reply.json()["message"]
            .as_str()
            .is_some_and(|m| m.contains("too large"))),
        422 => assert_eq!(reply.field_codes("file"), ["invalid_file"]),
        other => panic!("expected 413 or 422, got {other}: {}", reply.text),
    }
    assert_eq!(app.count("select count(*) from supplier_document").await, 0);
}

#[tokio::test]
async fn submitting_without_a_licence_says_what_is_missing() {
    let app = spawn_app().await;
    let (client, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let body = client
        .submit_application(org)
        .await
        .assert_error(409, "conflict");
    assert_eq!(body["reason"], "application_incomplete");
    let _: SupplierApplication = client.save_profile(org, profile()).await.ok();
    let body = client
        .submit_application(org)
        .await
        .assert_error(409, "conflict");
    assert_eq!(body["reason"], "application_incomplete");
}

#[tokio::test]
async fn another_supplier_cannot_read_or_upload_into_an_application() {
    let app = spawn_app().await;
    let (_, org, application) = supplier_with_licence(&app).await;
    let document_id = application.documents[0].document_id;
    let (intruder, _) = app.org_admin("supplier").await;

    intruder
        .get_application(org)
        .await
        .assert_error(404, "not_found");
    assert_eq!(
        intruder
            .download_document(document_id)
            .await
            .status
            .as_u16(),
        404
    );
    assert_eq!(
        app.new_client()
            .download_document(document_id)
            .await
            .status
            .as_u16(),
        404
    );
    intruder
        .upload_document(org, "iso9001", "iso.pdf", "application/pdf", pdf_bytes())
        .await
        .assert_error(404, "not_found");
    intruder
        .save_profile(org, profile())
        .await
        .assert_error(404, "not_found");
    assert_eq!(app.count("select count(*) from supplier_document").await, 1);
}

#[tokio::test]
async fn a_buyer_cannot_read_a_suppliers_application() {
    let app = spawn_app().await;
    let (_, org, _) = supplier_with_licence(&app).await;
    let (buyer, _) = app.org_admin("buyer").await;
    buyer
        .get_application(org)
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn only_staff_can_decide() {
    let app = spawn_app().await;
    let (supplier, org, application) = supplier_with_licence(&app).await;
    let _: SupplierApplication = supplier.submit_application(org).await.ok();
    supplier
        .decide_application(org, "start_review", "")
        .await
        .assert_error(403, "forbidden");
    supplier
        .decide_document(application.documents[0].document_id, true, "")
        .await
        .assert_error(403, "forbidden");
    supplier.review_queue().await.assert_error(403, "forbidden");

    let (operator, _) = app.staff(Role::Operator).await;
    let body = operator
        .decide_application(org, "approve", "")
        .await
        .assert_error(409, "conflict");
    assert_eq!(body["reason"], "invalid_transition");
    operator
        .decide_document(application.documents[0].document_id, false, "")
        .await
        .assert_field_issue("note", "required");
}

#[tokio::test]
async fn a_plain_member_may_upload_but_not_change_the_profile_or_submit() {
    let app = spawn_app().await;
    let (admin, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let (member, _) = app.member_of(&admin, org).await;
    let uploaded: SupplierApplication = member
        .upload_document(
            org,
            "iso9001",
            "iso.pdf",
            "application/octet-stream",
            pdf_bytes(),
        )
        .await
        .ok();
    assert_eq!(uploaded.documents.len(), 1);
    member
        .save_profile(org, profile())
        .await
        .assert_error(403, "forbidden");
    member
        .submit_application(org)
        .await
        .assert_error(403, "forbidden");
}

#[tokio::test]
async fn a_profile_with_bad_fields_names_each_of_them() {
    let app = spawn_app().await;
    let (client, account) = app.org_admin("supplier").await;
    let input = json!({
        "legal_name": "X",
        "registration_number": "",
        "address": "1 Road",
        "categories": ["weapons"],
        "production_capacity": "10 t"
    });
    let reply = client.save_profile(account.organisation_id(), input).await;
    reply.assert_error(422, "validation");
    assert_eq!(reply.field_codes("legal_name"), ["too_short"]);
    assert_eq!(reply.field_codes("registration_number"), ["required"]);
    assert_eq!(reply.field_codes("categories"), ["invalid_choice"]);
    assert!(reply.field_codes("address").is_empty());
}

#[tokio::test]
async fn a_supplier_adds_factory_photos_without_number_or_issuer() {
    let app = spawn_app().await;
    let (client, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let _: SupplierApplication = client.save_profile(org, profile()).await.ok();
    // A photo checked by its content, like any document; no number, issuer or expiry.
    let png = crate::supplier_pages::png_bytes();
    let file = reqwest::multipart::Part::bytes(png)
        .file_name("workshop.png")
        .mime_str("image/png")
        .expect("a content type");
    let form = reqwest::multipart::Form::new()
        .text("organisation_id", org.to_string())
        .text("kind", "factory_photo")
        .text("number", "")
        .text("issuer", "")
        .text("expires_on", "")
        .part("file", file);
    let application: SupplierApplication = client
        .send(
            client
                .http
                .post(format!(
                    "{}/api/qualification/upload_document",
                    client.address
                ))
                .multipart(form),
        )
        .await
        .ok();
    let photo = &application.documents[0];
    assert_eq!(
        photo.kind,
        app::rules::qualification::documents::DocumentKind::FactoryPhoto
    );
    assert_eq!(photo.content_type, "image/png");
    // A certificate still needs its number.
    let form = reqwest::multipart::Form::new()
        .text("organisation_id", org.to_string())
        .text("kind", "iso9001")
        .text("number", "")
        .text("issuer", "")
        .text("expires_on", "")
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf_bytes())
                .file_name("iso.pdf")
                .mime_str("application/pdf")
                .expect("a content type"),
        );
    client
        .send(
            client
                .http
                .post(format!(
                    "{}/api/qualification/upload_document",
                    client.address
                ))
                .multipart(form),
        )
        .await
        .assert_field_issue("number", "required");
}
