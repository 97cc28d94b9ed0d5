//! Sample requests over HTTP: a buyer asks, the supplier accepts or declines once, each step
//! notifies the other side (notice and e-mail); and who may see and decide a request.

use crate::catalog_fixtures::{self as fixtures, Offer};
use crate::helpers::{spawn_app, ApiClient, TestApp};
use app::types::notice::{AccountNotification, Notice};
use app::types::samples::{SampleRequest, SampleStatus};
use serde_json::json;
use uuid::Uuid;

async fn request(client: &ApiClient, offer_id: Uuid, quantity: &str) -> crate::helpers::Reply {
    client
        .post(
            "/api/samples/request_sample",
            json!({ "offer_id": offer_id, "quantity": quantity, "note": "For our QA lab" }),
        )
        .await
}

async fn accept(client: &ApiClient, request_id: Uuid, reference: &str) -> crate::helpers::Reply {
    client
        .post(
            "/api/samples/accept",
            json!({ "request_id": request_id, "shipping_reference": reference }),
        )
        .await
}

async fn decline(client: &ApiClient, request_id: Uuid, reason: &str) -> crate::helpers::Reply {
    client
        .post(
            "/api/samples/decline",
            json!({ "request_id": request_id, "reason": reason }),
        )
        .await
}

async fn incoming(client: &ApiClient, org: Uuid) -> crate::helpers::Reply {
    client
        .post(
            "/api/samples/list_incoming",
            json!({ "organisation_id": org }),
        )
        .await
}

async fn notices(client: &ApiClient) -> Vec<AccountNotification> {
    client
        .post("/api/notifications/list_mine", json!({}))
        .await
        .ok()
}

async fn emails_to(app: &TestApp, address: &str, template: &str) -> i64 {
    app.count(&format!(
        "select count(*) from email_outbox where to_address = '{address}' and template = '{template}'"
    ))
    .await
}

#[tokio::test]
async fn a_buyer_requests_a_sample_the_supplier_accepts_once_and_both_are_told() {
    let app = spawn_app().await;
    let (supplier, supplier_account) = app.org_admin("supplier").await;
    let supplier_org = supplier_account.organisation_id();
    let (_, _, offer_id) = fixtures::listed_product(&app, supplier_org).await;
    let (buyer, buyer_account) = app.org_admin("buyer").await;

    let requested: SampleRequest = request(&buyer, offer_id, "2.5").await.ok();
    assert_eq!(requested.status, SampleStatus::Requested);
    assert_eq!(
        requested.quantity,
        "2.5".parse::<rust_decimal::Decimal>().unwrap()
    );
    assert_eq!(requested.supplier_id, supplier_org);
    assert_eq!(requested.note, "For our QA lab");

    // The supplier's admin is told in the app and by e-mail.
    let told = notices(&supplier).await;
    assert_eq!(told.len(), 1);
    match &told[0].notice {
        Notice::SampleRequested {
            request_id,
            offer_id: noticed_offer,
            buyer_name,
            ..
        } => {
            assert_eq!(*request_id, requested.request_id);
            assert_eq!(*noticed_offer, offer_id);
            assert_eq!(buyer_name, &requested.buyer_name);
        }
        other => panic!("unexpected notice {other:?}"),
    }
    assert_eq!(
        emails_to(&app, &supplier_account.email, "sample_requested").await,
        1
    );

    // Both sides list it.
    let mine: Vec<SampleRequest> = buyer.post("/api/samples/list_mine", json!({})).await.ok();
    assert_eq!(mine.len(), 1);
    let theirs: Vec<SampleRequest> = incoming(&supplier, supplier_org).await.ok();
    assert_eq!(theirs[0].request_id, requested.request_id);

    // A shipping reference is required to accept.
    accept(&supplier, requested.request_id, "  ")
        .await
        .assert_field_issue("shipping_reference", "required");
    let accepted: SampleRequest = accept(&supplier, requested.request_id, "DHL 1234567890")
        .await
        .ok();
    assert_eq!(accepted.status, SampleStatus::Accepted);
    assert_eq!(
        accepted.shipping_reference.as_deref(),
        Some("DHL 1234567890")
    );
    assert!(accepted.decided_at.is_some());

    // The buyer who asked is told, in the app and by e-mail.
    let told = notices(&buyer).await;
    assert!(matches!(
        &told[0].notice,
        Notice::SampleAccepted { shipping_reference, .. } if shipping_reference == "DHL 1234567890"
    ));
    assert_eq!(
        emails_to(&app, &buyer_account.email, "sample_accepted").await,
        1
    );

    // Decided once: neither a second acceptance nor a decline changes it.
    accept(&supplier, requested.request_id, "UPS 1")
        .await
        .assert_error(409, "conflict");
    decline(&supplier, requested.request_id, "Out of stock")
        .await
        .assert_error(409, "conflict");
    let mine: Vec<SampleRequest> = buyer.post("/api/samples/list_mine", json!({})).await.ok();
    assert_eq!(mine[0].status, SampleStatus::Accepted);
    assert_eq!(
        mine[0].shipping_reference.as_deref(),
        Some("DHL 1234567890")
    );
    assert_eq!(notices(&buyer).await.len(), 1);
}

#[tokio::test]
async fn a_supplier_declines_with_a_reason_the_buyer_reads() {
    let app = spawn_app().await;
    let (supplier, supplier_account) = app.org_admin("supplier").await;
    let (_, _, offer_id) = fixtures::listed_product(&app, supplier_account.organisation_id()).await;
    let (buyer, buyer_account) = app.org_admin("buyer").await;
    let requested: SampleRequest = request(&buyer, offer_id, "1").await.ok();

    decline(&supplier, requested.request_id, "")
        .await
        .assert_field_issue("reason", "required");
    let declined: SampleRequest = decline(&supplier, requested.request_id, "Samples only for 5 t")
        .await
        .ok();
    assert_eq!(declined.status, SampleStatus::Declined);
    assert_eq!(
        declined.decline_reason.as_deref(),
        Some("Samples only for 5 t")
    );
    assert!(matches!(
        &notices(&buyer).await[0].notice,
        Notice::SampleDeclined { reason, .. } if reason == "Samples only for 5 t"
    ));
    assert_eq!(
        emails_to(&app, &buyer_account.email, "sample_declined").await,
        1
    );
    accept(&supplier, requested.request_id, "DHL 1")
        .await
        .assert_error(409, "conflict");
}

#[tokio::test]
async fn requests_are_checked_before_they_are_stored() {
    let app = spawn_app().await;
    let (_, supplier_account) = app.org_admin("supplier").await;
    let supplier_org = supplier_account.organisation_id();
    let (_, product_id, offer_id) = fixtures::listed_product(&app, supplier_org).await;
    let no_samples = Offer {
        sample_available: false,
        ..Offer::default()
    };
    let without = fixtures::listing(&app, supplier_org, product_id, &no_samples).await;
    let (buyer, _) = app.org_admin("buyer").await;

    request(&buyer, offer_id, "0")
        .await
        .assert_field_issue("quantity", "not_positive");
    request(&buyer, offer_id, "abc")
        .await
        .assert_field_issue("quantity", "not_a_number");
    let long_note = "x".repeat(1001);
    buyer
        .post(
            "/api/samples/request_sample",
            json!({ "offer_id": offer_id, "quantity": "1", "note": long_note }),
        )
        .await
        .assert_field_issue("note", "too_long");
    let body = request(&buyer, without, "1")
        .await
        .assert_error(409, "conflict");
    assert_eq!(body["reason"], "sample_unavailable");
    // An offer with no listing (never approved, or withdrawn) is not there for buyers.
    app.execute(&format!(
        "delete from listing where offer_id = '{offer_id}'"
    ))
    .await;
    request(&buyer, offer_id, "1")
        .await
        .assert_error(404, "not_found");
    assert_eq!(app.count("select count(*) from sample_request").await, 0);
    assert_eq!(
        app.count("select count(*) from account_notification").await,
        0
    );
    assert_eq!(app.count("select count(*) from email_outbox").await, 0);
}

#[tokio::test]
async fn only_the_two_parties_see_a_request_and_only_the_supplier_decides_it() {
    let app = spawn_app().await;
    let (supplier, supplier_account) = app.org_admin("supplier").await;
    let supplier_org = supplier_account.organisation_id();
    let (_, _, offer_id) = fixtures::listed_product(&app, supplier_org).await;
    let (buyer, _) = app.org_admin("buyer").await;
    let requested: SampleRequest = request(&buyer, offer_id, "1").await.ok();
    let id = requested.request_id;

    // Another supplier: cannot list the first supplier's requests, nor decide one.
    let (rival, rival_account) = app.org_admin("supplier").await;
    incoming(&rival, supplier_org)
        .await
        .assert_refused("rival lists");
    accept(&rival, id, "DHL 1")
        .await
        .assert_refused("rival accepts");
    decline(&rival, id, "no")
        .await
        .assert_refused("rival declines");
    let own: Vec<SampleRequest> = incoming(&rival, rival_account.organisation_id()).await.ok();
    assert!(own.is_empty());
    // A supplier cannot ask for samples, not even of another supplier's offer.
    request(&rival, offer_id, "1")
        .await
        .assert_error(403, "forbidden");
    rival
        .post("/api/samples/list_mine", json!({}))
        .await
        .assert_error(403, "forbidden");

    // Another buyer: does not see it and cannot decide it.
    let (other_buyer, other_account) = app.org_admin("buyer").await;
    let theirs: Vec<SampleRequest> = other_buyer
        .post("/api/samples/list_mine", json!({}))
        .await
        .ok();
    assert!(theirs.is_empty());
    incoming(&other_buyer, supplier_org)
        .await
        .assert_refused("buyer lists incoming");
    incoming(&other_buyer, other_account.organisation_id())
        .await
        .assert_refused("a buyer has no incoming requests");
    accept(&other_buyer, id, "DHL 1")
        .await
        .assert_refused("buyer accepts");
    // The requesting buyer cannot decide its own request either.
    accept(&buyer, id, "DHL 1")
        .await
        .assert_refused("requester accepts");

    // Staff and strangers.
    let (staff, _) = app.staff(app::types::Role::Operator).await;
    request(&staff, offer_id, "1")
        .await
        .assert_error(403, "forbidden");
    accept(&staff, id, "DHL 1")
        .await
        .assert_refused("staff accepts");
    let stranger = app.new_client();
    request(&stranger, offer_id, "1")
        .await
        .assert_error(401, "unauthorized");
    incoming(&stranger, supplier_org)
        .await
        .assert_error(401, "unauthorized");

    // Nothing of that changed the request; a plain member of the supplier may still decide.
    let (member, _) = app.member_of(&supplier, supplier_org).await;
    let accepted: SampleRequest = accept(&member, id, "SF 998877").await.ok();
    assert_eq!(accepted.status, SampleStatus::Accepted);
}
