//! Listing moderation over HTTP: approval writes the listing (and only approval), an edit of a
//! live offer leaves the old listing until approved, rejections reach the supplier with their
//! reason, product proposals are decided, terms are kept, and none of it is open to non-staff.

use crate::helpers::{spawn_app, ApiClient, Reply, TestApp};
use crate::offers::{
    approved_product, get_offer, insert_product, list_mine, listing_count, offer_input, save,
    withdraw,
};
use crate::qualification::approved_supplier;
use app::rules::catalog::moderation::{Term, TermKind};
use app::types::catalog::{
    ModerationDetail, ModerationItem, ModerationKind, ModerationSubject, ReviewStatus,
    SupplierOffer,
};
use app::types::Role;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use uuid::Uuid;

async fn queue(client: &ApiClient) -> Reply {
    client.post("/api/moderation/queue", json!({})).await
}

async fn get_item(client: &ApiClient, kind: &str, id: Uuid) -> Reply {
    let body = json!({ "kind": kind, "id": id });
    client.post("/api/moderation/get_item", body).await
}

async fn approve(client: &ApiClient, kind: &str, id: Uuid) -> Reply {
    let body = json!({ "kind": kind, "id": id });
    client.post("/api/moderation/approve", body).await
}

async fn reject(client: &ApiClient, kind: &str, id: Uuid, reason: &str) -> Reply {
    let body = json!({ "kind": kind, "id": id, "reason": reason });
    client.post("/api/moderation/reject", body).await
}

/// The listing row of an offer: (revision_id, from_price, category_id) if there is one.
async fn listing_of(app: &TestApp, offer_id: Uuid) -> Option<(Uuid, Decimal, Uuid)> {
    sqlx::query_as("select revision_id, from_price, category_id from listing where offer_id = $1")
        .bind(offer_id)
        .fetch_optional(&app.pool)
        .await
        .unwrap()
}

async fn notices(app: &TestApp, account_id: Uuid) -> Vec<(String, Value)> {
    sqlx::query_as(
        "select kind, payload from account_notification where account_id = $1 order by created_at",
    )
    .bind(account_id)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

/// An approved supplier with a pending offer on a fresh product; the offer, the product's
/// category, the supplier's client and the reviewer's client.
async fn pending_offer(app: &TestApp) -> (SupplierOffer, Uuid, ApiClient, ApiClient) {
    let product_id = approved_product(app, "HRB400-12").await;
    let category_id: Uuid =
        sqlx::query_scalar("select category_id from product where product_id = $1")
            .bind(product_id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let (supplier, org, reviewer) = approved_supplier(app).await;
    let offer: SupplierOffer = save(&supplier, org, None, &offer_input("HRB400-12", "ERP-1"))
        .await
        .ok();
    (offer, category_id, supplier, reviewer)
}

#[tokio::test]
async fn approval_creates_the_listing_and_tells_the_supplier() {
    let app = spawn_app().await;
    let (offer, category_id, supplier, reviewer) = pending_offer(&app).await;
    let items: Vec<ModerationItem> = queue(&reviewer).await.ok();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].kind, ModerationKind::Offer);
    assert_eq!(items[0].id, offer.latest_revision_id);
    assert_eq!(items[0].supplier_id, Some(offer.supplier_id));
    assert_eq!(listing_count(&app).await, 0);

    let decided: ModerationDetail = approve(&reviewer, "offer", offer.latest_revision_id)
        .await
        .ok();
    assert_eq!(decided.status, ReviewStatus::Approved);
    let (revision_id, from_price, listed_category) =
        listing_of(&app, offer.offer_id).await.unwrap();
    assert_eq!(revision_id, offer.latest_revision_id);
    assert_eq!(from_price, "612.5".parse::<Decimal>().unwrap());
    assert_eq!(listed_category, category_id);
    let tiers: Value = sqlx::query_scalar("select tiers from listing where offer_id = $1")
        .bind(offer.offer_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(tiers[1]["min_quantity"], "100");

    let mine: SupplierOffer = get_offer(&supplier, offer.offer_id).await.ok();
    assert_eq!(mine.latest_status, ReviewStatus::Approved);
    assert_eq!(mine.live.as_ref(), Some(&mine.latest));
    let submitter = supplier_account(&app, offer.latest_revision_id).await;
    let notes = notices(&app, submitter).await;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].0, "listing_approved");
    assert_eq!(notes[0].1["offer_id"], json!(offer.offer_id));

    approve(&reviewer, "offer", offer.latest_revision_id)
        .await
        .assert_error(409, "conflict");
    let empty: Vec<ModerationItem> = queue(&reviewer).await.ok();
    assert!(empty.is_empty());
}

async fn supplier_account(app: &TestApp, revision_id: Uuid) -> Uuid {
    sqlx::query_scalar("select submitted_by from offer_revision where revision_id = $1")
        .bind(revision_id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_edit_of_a_live_offer_keeps_the_old_listing_until_it_is_approved() {
    let app = spawn_app().await;
    let (offer, _, supplier, reviewer) = pending_offer(&app).await;
    let _: ModerationDetail = approve(&reviewer, "offer", offer.latest_revision_id)
        .await
        .ok();
    let mut edit = offer_input("HRB400-12", "ERP-1");
    edit["tiers"][0]["unit_price"] = json!("580");
    let edited: SupplierOffer = save(&supplier, offer.supplier_id, Some(offer.offer_id), &edit)
        .await
        .ok();
    assert_eq!(edited.latest_status, ReviewStatus::Pending);
    let (live_revision, live_price, _) = listing_of(&app, offer.offer_id).await.unwrap();
    assert_eq!(live_revision, offer.latest_revision_id);
    assert_eq!(live_price, "612.5".parse::<Decimal>().unwrap());
    assert_eq!(
        edited.live.as_ref().map(|l| l.tiers[0].unit_price),
        Some(live_price)
    );

    let detail: ModerationDetail = get_item(&reviewer, "offer", edited.latest_revision_id)
        .await
        .ok();
    let ModerationSubject::Offer { proposed, live, .. } = detail.subject else {
        panic!("an offer subject");
    };
    assert_eq!(proposed.tiers[0].unit_price, Decimal::from(580));
    assert_eq!(live.map(|l| l.tiers[0].unit_price), Some(live_price));

    let _: ModerationDetail = approve(&reviewer, "offer", edited.latest_revision_id)
        .await
        .ok();
    let (live_revision, live_price, _) = listing_of(&app, offer.offer_id).await.unwrap();
    assert_eq!(live_revision, edited.latest_revision_id);
    assert_eq!(live_price, Decimal::from(580));
    let first_status: String =
        sqlx::query_scalar("select status from offer_revision where revision_id = $1")
            .bind(offer.latest_revision_id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(first_status, "superseded");
    assert_eq!(listing_count(&app).await, 1);
}

#[tokio::test]
async fn a_rejection_needs_a_reason_the_supplier_then_sees() {
    let app = spawn_app().await;
    let (offer, _, supplier, reviewer) = pending_offer(&app).await;
    reject(&reviewer, "offer", offer.latest_revision_id, "  ")
        .await
        .assert_field_issue("reason", "required");
    let _: ModerationDetail = reject(
        &reviewer,
        "offer",
        offer.latest_revision_id,
        "The mill certificate number is missing.",
    )
    .await
    .ok();
    let mine: Vec<SupplierOffer> = list_mine(&supplier, offer.supplier_id).await.ok();
    assert_eq!(mine[0].latest_status, ReviewStatus::Rejected);
    assert_eq!(
        mine[0].review_reason.as_deref(),
        Some("The mill certificate number is missing.")
    );
    assert_eq!(listing_count(&app).await, 0);
    let submitter = supplier_account(&app, offer.latest_revision_id).await;
    let notes = notices(&app, submitter).await;
    assert_eq!(notes[0].0, "listing_rejected");
    assert_eq!(
        notes[0].1["reason"],
        "The mill certificate number is missing."
    );
    approve(&reviewer, "offer", offer.latest_revision_id)
        .await
        .assert_error(409, "conflict");
}

#[tokio::test]
async fn withdrawing_takes_the_listing_down_and_lapses_pending_edits() {
    let app = spawn_app().await;
    let (offer, _, supplier, reviewer) = pending_offer(&app).await;
    let _: ModerationDetail = approve(&reviewer, "offer", offer.latest_revision_id)
        .await
        .ok();
    let mut edit = offer_input("HRB400-12", "ERP-1");
    edit["lead_time_days"] = json!("14");
    let edited: SupplierOffer = save(&supplier, offer.supplier_id, Some(offer.offer_id), &edit)
        .await
        .ok();
    let withdrawn: SupplierOffer = withdraw(&supplier, offer.offer_id).await.ok();
    assert!(withdrawn.withdrawn_at.is_some());
    assert_eq!(withdrawn.live, None);
    assert_eq!(listing_count(&app).await, 0);
    approve(&reviewer, "offer", edited.latest_revision_id)
        .await
        .assert_error(409, "conflict");
    assert_eq!(listing_count(&app).await, 0);
}

#[tokio::test]
async fn product_proposals_are_approved_or_rejected_and_the_proposers_hear_of_it() {
    let app = spawn_app().await;
    let (_, org, reviewer) = approved_supplier(&app).await;
    let first = insert_product(&app, "PROPOSED-1", "pending", Some(org)).await;
    let second = insert_product(&app, "PROPOSED-2", "pending", Some(org)).await;
    let items: Vec<ModerationItem> = queue(&reviewer).await.ok();
    let ids: Vec<Uuid> = items.iter().map(|item| item.id).collect();
    assert_eq!(ids, [first, second], "oldest first");
    assert_eq!(items[0].kind, ModerationKind::Product);

    let detail: ModerationDetail = get_item(&reviewer, "product", first).await.ok();
    assert!(matches!(detail.subject, ModerationSubject::Product { .. }));
    let _: ModerationDetail = approve(&reviewer, "product", first).await.ok();
    let _: ModerationDetail = reject(&reviewer, "product", second, "Duplicate of HRB400-12.")
        .await
        .ok();
    let rows: Vec<(String, Option<String>)> =
        sqlx::query_as("select status, review_reason from product order by sku")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        rows,
        [
            ("approved".to_owned(), None),
            (
                "rejected".to_owned(),
                Some("Duplicate of HRB400-12.".to_owned())
            )
        ]
    );
    let admins = app
        .count(&format!(
            "select count(*) from account_notification n join account a using (account_id) \
             where a.organisation_id = '{org}'"
        ))
        .await;
    assert_eq!(admins, 2);
    get_item(&reviewer, "product", Uuid::new_v4())
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn staff_keep_the_terms_and_a_new_sensitive_term_blocks_at_once() {
    let app = spawn_app().await;
    approved_product(&app, "HRB400-12").await;
    let (supplier, org, _) = approved_supplier(&app).await;
    let (staff, _) = app.staff(Role::Operator).await;
    let add = |term: &str, kind: &str| {
        staff.post(
            "/api/moderation/add_term",
            json!({ "term": term, "kind": kind }),
        )
    };
    let _: Vec<Term> = add("best quality", "claim").await.ok();
    let terms: Vec<Term> = add("ribbed", "sensitive").await.ok();
    assert_eq!(terms[0].kind, TermKind::Sensitive);
    assert_eq!(terms.len(), 2);
    add("x", "banned")
        .await
        .assert_field_issue("kind", "invalid_choice");
    add("", "claim")
        .await
        .assert_field_issue("term", "required");

    save(&supplier, org, None, &offer_input("HRB400-12", "ERP-1"))
        .await
        .assert_field_issue("description", "blocked_words");
    // Adding it again as a claim changes its kind.
    let terms: Vec<Term> = add("ribbed", "claim").await.ok();
    assert!(terms.iter().all(|t| t.kind == TermKind::Claim));
    let _: SupplierOffer = save(&supplier, org, None, &offer_input("HRB400-12", "ERP-1"))
        .await
        .ok();

    let remove = |term: &str| staff.post("/api/moderation/remove_term", json!({ "term": term }));
    let terms: Vec<Term> = remove("RIBBED").await.ok();
    assert_eq!(terms.len(), 1);
    remove("ribbed").await.assert_error(404, "not_found");
    let listed: Vec<Term> = staff
        .post("/api/moderation/list_terms", json!({}))
        .await
        .ok();
    assert_eq!(listed, terms);
}

#[tokio::test]
async fn moderation_is_for_staff_only() {
    let app = spawn_app().await;
    let (offer, _, supplier, _) = pending_offer(&app).await;
    let (buyer, _) = app.org_admin("buyer").await;
    let stranger = app.new_client();
    let id = offer.latest_revision_id;
    for (client, status, kind) in [
        (&supplier, 403, "forbidden"),
        (&buyer, 403, "forbidden"),
        (&stranger, 401, "unauthorized"),
    ] {
        queue(client).await.assert_error(status, kind);
        get_item(client, "offer", id)
            .await
            .assert_error(status, kind);
        approve(client, "offer", id)
            .await
            .assert_error(status, kind);
        reject(client, "offer", id, "no")
            .await
            .assert_error(status, kind);
        for (endpoint, body) in [
            ("list_terms", json!({})),
            ("add_term", json!({ "term": "cheap", "kind": "claim" })),
            ("remove_term", json!({ "term": "cheap" })),
        ] {
            client
                .post(&format!("/api/moderation/{endpoint}"), body)
                .await
                .assert_error(status, kind);
        }
    }
    assert_eq!(listing_count(&app).await, 0);
    assert_eq!(app.count("select count(*) from moderation_term").await, 0);
}
