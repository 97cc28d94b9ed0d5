//! Supplier offers over HTTP: field errors with exact codes, who may save, read, edit and
//! withdraw an offer, the listing filter, and that nothing unreviewed ever reaches `listing`.
//! Products come from a small SQL fixture (the product API is built elsewhere).

use crate::helpers::{spawn_app, ApiClient, Reply, TestApp};
use crate::qualification::{approved_supplier, supplier_with_licence};
use app::types::catalog::compare::ProductHead;
use app::types::catalog::{ReviewStatus, SupplierOffer};
use app::types::Role;
use serde_json::{json, Value};
use uuid::Uuid;

/// Inserts a category and a product with `sku` in `status`, proposed by `proposed_by`.
pub async fn insert_product(
    app: &TestApp,
    sku: &str,
    status: &str,
    proposed_by: Option<Uuid>,
) -> Uuid {
    let category_id = Uuid::new_v4();
    let product_id = Uuid::new_v4();
    let code = format!("cat-{}", &category_id.simple().to_string()[..12]);
    sqlx::query(
        "insert into category (category_id, code, name_en, name_zh) values ($1, $2, 'Rebar', '钢筋')",
    )
    .bind(category_id)
    .bind(&code)
    .execute(&app.pool)
    .await
    .expect("insert a category");
    sqlx::query(
        "insert into product (product_id, category_id, sku, name_en, name_zh, unit, status, \
         proposed_by, search_doc) \
         values ($1, $2, $3, $4, $5, 't', $6, $7, ''::tsvector)",
    )
    .bind(product_id)
    .bind(category_id)
    .bind(sku)
    .bind(format!("Steel product {sku}"))
    .bind(format!("钢材 {sku}"))
    .bind(status)
    .bind(proposed_by)
    .execute(&app.pool)
    .await
    .expect("insert a product");
    product_id
}

/// An approved product with `sku`.
pub async fn approved_product(app: &TestApp, sku: &str) -> Uuid {
    insert_product(app, sku, "approved", None).await
}

/// A valid offer form for `sku` under `reference`: tiers 25 → 612.50, 100 → 598 USD.
pub fn offer_input(sku: &str, reference: &str) -> Value {
    json!({
        "product_sku": sku,
        "reference": reference,
        "tiers": [
            { "min_quantity": "25", "unit_price": "612.50" },
            { "min_quantity": "100", "unit_price": "598" }
        ],
        "moq": "25",
        "lead_time_days": "21",
        "incoterm": "FOB",
        "origin_country": "CN",
        "currency": "USD",
        "stock": "",
        "valid_from": "2026-01-01",
        "valid_until": "2099-12-31",
        "sample_available": true,
        "sample_price": "",
        "payment_days": "30",
        "description": "Hot-rolled ribbed bar, mill certificate with every lot."
    })
}

pub async fn save(
    client: &ApiClient,
    organisation_id: Uuid,
    offer_id: Option<Uuid>,
    input: &Value,
) -> Reply {
    let body = json!({ "organisation_id": organisation_id, "offer_id": offer_id, "input": input });
    client.post("/api/offers/save_offer", body).await
}

pub async fn list_mine(client: &ApiClient, organisation_id: Uuid) -> Reply {
    let body = json!({ "organisation_id": organisation_id });
    client.post("/api/offers/list_my_offers", body).await
}

pub async fn get_offer(client: &ApiClient, offer_id: Uuid) -> Reply {
    let body = json!({ "offer_id": offer_id });
    client.post("/api/offers/get_offer", body).await
}

pub async fn withdraw(client: &ApiClient, offer_id: Uuid) -> Reply {
    let body = json!({ "offer_id": offer_id });
    client.post("/api/offers/withdraw_offer", body).await
}

pub async fn listing_count(app: &TestApp) -> i64 {
    app.count("select count(*) from listing").await
}

#[tokio::test]
async fn a_saved_offer_waits_for_review_and_never_appears_in_the_listing() {
    let app = spawn_app().await;
    approved_product(&app, "HRB400-12").await;
    let (supplier, org, _) = approved_supplier(&app).await;

    let saved: SupplierOffer = save(&supplier, org, None, &offer_input("hrb400-12", "ERP-1"))
        .await
        .ok();
    assert_eq!(saved.latest_status, ReviewStatus::Pending);
    assert_eq!(saved.live, None);
    assert_eq!(saved.latest.product_sku, "HRB400-12");
    assert_eq!(saved.supplier_id, org);
    assert_eq!(listing_count(&app).await, 0);

    let mine: Vec<SupplierOffer> = list_mine(&supplier, org).await.ok();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].offer_id, saved.offer_id);
    let read: SupplierOffer = get_offer(&supplier, saved.offer_id).await.ok();
    assert_eq!(read, saved);
}

#[tokio::test]
async fn bad_tiers_unknown_currencies_and_negative_prices_are_refused_with_field_codes() {
    let app = spawn_app().await;
    approved_product(&app, "HRB400-12").await;
    let (supplier, org, _) = approved_supplier(&app).await;

    let mut input = offer_input("HRB400-12", "ERP-1");
    input["tiers"][1]["min_quantity"] = json!("25");
    save(&supplier, org, None, &input)
        .await
        .assert_field_issue("tiers[1].min_quantity", "not_increasing");

    let mut input = offer_input("HRB400-12", "ERP-1");
    input["moq"] = json!("10");
    save(&supplier, org, None, &input)
        .await
        .assert_field_issue("tiers[0].min_quantity", "above_moq");

    let mut input = offer_input("HRB400-12", "ERP-1");
    input["currency"] = json!("XYZ");
    save(&supplier, org, None, &input)
        .await
        .assert_field_issue("currency", "invalid_choice");

    let mut input = offer_input("HRB400-12", "ERP-1");
    input["tiers"][0]["unit_price"] = json!("-612.50");
    input["sample_price"] = json!("-1");
    let reply = save(&supplier, org, None, &input).await;
    reply.assert_field_issue("tiers[0].unit_price", "negative");
    assert_eq!(reply.field_codes("sample_price"), ["negative"]);

    let mut input = offer_input("HRB400-12", "ERP-1");
    input["tiers"] = json!([]);
    input["valid_until"] = json!("2026-01-01");
    input["valid_from"] = json!("2026-02-01");
    let reply = save(&supplier, org, None, &input).await;
    reply.assert_field_issue("tiers", "required");
    assert_eq!(reply.field_codes("valid_until"), ["end_before_start"]);

    assert_eq!(app.count("select count(*) from offer").await, 0);
}

#[tokio::test]
async fn an_unknown_or_unapproved_product_is_refused() {
    let app = spawn_app().await;
    let (supplier, org, _) = approved_supplier(&app).await;
    insert_product(&app, "PENDING-1", "pending", Some(org)).await;
    for sku in ["PENDING-1", "NO-SUCH-SKU"] {
        save(&supplier, org, None, &offer_input(sku, "ERP-1"))
            .await
            .assert_field_issue("product_sku", "invalid_choice");
    }
}

#[tokio::test]
async fn a_buyer_a_stranger_and_an_unapproved_supplier_cannot_save_offers() {
    let app = spawn_app().await;
    approved_product(&app, "HRB400-12").await;
    let input = offer_input("HRB400-12", "ERP-1");

    let (buyer, buyer_account) = app.org_admin("buyer").await;
    save(&buyer, buyer_account.organisation_id(), None, &input)
        .await
        .assert_refused("a buyer saving an offer");

    let (applicant, applicant_org, _) = supplier_with_licence(&app).await;
    save(&applicant, applicant_org, None, &input)
        .await
        .assert_error(403, "forbidden");

    let (_, approved_org, _) = approved_supplier(&app).await;
    save(&buyer, approved_org, None, &input)
        .await
        .assert_refused("a buyer saving for a supplier");
    save(&app.new_client(), approved_org, None, &input)
        .await
        .assert_error(401, "unauthorized");
    let (staff, _) = app.staff(Role::Operator).await;
    save(&staff, approved_org, None, &input)
        .await
        .assert_refused("staff saving a supplier's offer");
    assert_eq!(app.count("select count(*) from offer").await, 0);
}

#[tokio::test]
async fn a_supplier_cannot_read_edit_or_withdraw_another_suppliers_offer() {
    let app = spawn_app().await;
    approved_product(&app, "HRB400-12").await;
    let (owner, owner_org, _) = approved_supplier(&app).await;
    let (other, other_org, _) = approved_supplier(&app).await;
    let offer: SupplierOffer = save(&owner, owner_org, None, &offer_input("HRB400-12", "ERP-1"))
        .await
        .ok();

    get_offer(&other, offer.offer_id)
        .await
        .assert_error(404, "not_found");
    let mut edit = offer_input("HRB400-12", "ERP-1");
    edit["moq"] = json!("50");
    edit["tiers"][0]["min_quantity"] = json!("50");
    save(&other, other_org, Some(offer.offer_id), &edit)
        .await
        .assert_error(404, "not_found");
    save(&other, owner_org, Some(offer.offer_id), &edit)
        .await
        .assert_error(404, "not_found");
    withdraw(&other, offer.offer_id)
        .await
        .assert_error(404, "not_found");
    list_mine(&other, owner_org)
        .await
        .assert_error(404, "not_found");
    let (buyer, _) = app.org_admin("buyer").await;
    get_offer(&buyer, offer.offer_id)
        .await
        .assert_error(404, "not_found");

    let unchanged: SupplierOffer = get_offer(&owner, offer.offer_id).await.ok();
    assert_eq!(unchanged, offer);
    assert_eq!(app.count("select count(*) from offer_revision").await, 1);
    // Staff read any offer.
    let (staff, _) = app.staff(Role::Reviewer).await;
    let _: SupplierOffer = get_offer(&staff, offer.offer_id).await.ok();
}

#[tokio::test]
async fn an_edit_supersedes_the_pending_revision_and_keeps_its_product() {
    let app = spawn_app().await;
    approved_product(&app, "HRB400-12").await;
    approved_product(&app, "HRB400-16").await;
    let (supplier, org, _) = approved_supplier(&app).await;
    let first: SupplierOffer = save(&supplier, org, None, &offer_input("HRB400-12", "ERP-1"))
        .await
        .ok();
    let mut edit = offer_input("HRB400-12", "ERP-1b");
    edit["tiers"][0]["unit_price"] = json!("600");
    let second: SupplierOffer = save(&supplier, org, Some(first.offer_id), &edit).await.ok();
    assert_eq!(second.offer_id, first.offer_id);
    assert_ne!(second.latest_revision_id, first.latest_revision_id);
    assert_eq!(second.latest.reference, "ERP-1b");
    let statuses: Vec<String> = sqlx::query_scalar(
        "select status from offer_revision where offer_id = $1 order by submitted_at, revision_id",
    )
    .bind(first.offer_id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(statuses, ["superseded", "pending"]);

    save(
        &supplier,
        org,
        Some(first.offer_id),
        &offer_input("HRB400-16", "ERP-1b"),
    )
    .await
    .assert_field_issue("product_sku", "cannot_change");
    // A reference is the supplier's key: unique per supplier, free for others.
    save(&supplier, org, None, &offer_input("HRB400-16", "ERP-1b"))
        .await
        .assert_field_issue("reference", "duplicate");
    let (other, other_org, _) = approved_supplier(&app).await;
    let _: SupplierOffer = save(&other, other_org, None, &offer_input("HRB400-16", "ERP-1b"))
        .await
        .ok();
}

#[tokio::test]
async fn a_sensitive_word_is_refused_and_a_claim_is_flagged_for_the_reviewer() {
    let app = spawn_app().await;
    approved_product(&app, "HRB400-12").await;
    let (supplier, org, _) = approved_supplier(&app).await;
    app.execute(
        "insert into moderation_term (term, kind) values ('counterfeit', 'sensitive'), \
         ('100% guaranteed', 'claim'), ('国家级', 'claim')",
    )
    .await;

    let mut input = offer_input("HRB400-12", "ERP-1");
    input["description"] = json!("Not a COUNTERFEIT, honest.");
    let reply = save(&supplier, org, None, &input).await;
    reply.assert_field_issue("description", "blocked_words");
    assert_eq!(
        reply.json()["fields"]["description"][0]["words"],
        json!(["counterfeit"])
    );
    assert_eq!(app.count("select count(*) from offer").await, 0);

    input["description"] = json!("国家级 mill, 100 %  Guaranteed quality.");
    let saved: SupplierOffer = save(&supplier, org, None, &input).await.ok();
    let flagged: Vec<String> =
        sqlx::query_scalar("select flagged_terms from offer_revision where revision_id = $1")
            .bind(saved.latest_revision_id)
            .fetch_one(&app.pool)
            .await
            .map(|terms: Vec<String>| terms)
            .unwrap();
    assert_eq!(flagged, ["100% guaranteed", "国家级"]);
}

#[tokio::test]
async fn the_product_picker_offers_approved_products_only() {
    let app = spawn_app().await;
    approved_product(&app, "HRB400-12").await;
    approved_product(&app, "M12-A4-BOLT").await;
    insert_product(&app, "HRB400-20", "pending", None).await;
    let (supplier, _, _) = approved_supplier(&app).await;
    let choices: Vec<ProductHead> = supplier
        .post("/api/offers/product_choices", json!({ "text": "hrb" }))
        .await
        .ok();
    let skus: Vec<&str> = choices.iter().map(|c| c.sku.as_str()).collect();
    assert_eq!(skus, ["HRB400-12"]);
    let by_name: Vec<ProductHead> = supplier
        .post("/api/offers/product_choices", json!({ "text": "钢材 m12" }))
        .await
        .ok();
    assert_eq!(by_name.len(), 1);
    let wildcard: Vec<ProductHead> = supplier
        .post("/api/offers/product_choices", json!({ "text": "%" }))
        .await
        .ok();
    assert!(wildcard.is_empty(), "% is a character, not a wildcard");
    app.new_client()
        .post("/api/offers/product_choices", json!({ "text": "" }))
        .await
        .assert_error(401, "unauthorized");
}
