//! Tenders and live reverse auctions over HTTP and WebSocket: creating and publishing, bid
//! decisions and their exact reasons, idempotency, racing bidders, the live feed across two
//! server instances, closing on time, the award, the audit export, and crash safety.

mod bidding;
mod crash;
mod lifecycle;
mod live;

use crate::helpers::{ApiClient, TestApp};
use app::types::tender::{BidReceipt, LotBoard, TenderDetail};
use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// A signed-in supplier admin whose organisation is approved (as a reviewer would leave it).
pub async fn approved_supplier(app: &TestApp) -> (ApiClient, Uuid) {
    let (client, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    set_qualification(app, org, "approved").await;
    (client, org)
}

/// Puts a supplier's application straight into `status`.
pub async fn set_qualification(app: &TestApp, org: Uuid, status: &str) {
    set_qualification_in(&app.pool, org, status).await;
}

/// An approved supplier on a server known only by its address (the crash test's subprocess).
pub async fn approved_supplier_on(address: &str, pool: &sqlx::PgPool) -> (ApiClient, Uuid) {
    let client = ApiClient::new(address);
    let org = client.sign_up_org("supplier").await.organisation_id();
    set_qualification_in(pool, org, "approved").await;
    (client, org)
}

/// A new buyer on `address` publishes a one-lot tender; returns the lot id.
pub async fn publish_with(address: &str, suppliers: &[Uuid], rules: Value) -> Uuid {
    let buyer = ApiClient::new(address);
    buyer.sign_up_org("buyer").await;
    publish(&buyer, suppliers, rules).await
}

async fn publish(buyer: &ApiClient, suppliers: &[Uuid], rules: Value) -> Uuid {
    let created: TenderDetail = buyer
        .post(
            "/api/tenders/create",
            json!({"input": tender_input(suppliers, rules)}),
        )
        .await
        .ok();
    let published: TenderDetail = buyer
        .post(
            "/api/tenders/publish",
            json!({"tender_id": created.tender_id}),
        )
        .await
        .ok();
    published.lots[0].lot_id
}

async fn set_qualification_in(pool: &sqlx::PgPool, org: Uuid, status: &str) {
    sqlx::query(&format!(
        "insert into supplier_profile (organisation_id, legal_name, registration_number, address, \
         categories, production_capacity, status, submitted_at) \
         values ('{org}', 'Test Supplier Co.', 'REG-1', '1 Road', '{{steel}}', '100 t', '{status}', now()) \
         on conflict (organisation_id) do update set status = excluded.status"
    ))
    .execute(pool)
    .await
    .expect("set the qualification status");
}

pub fn at(instant: OffsetDateTime) -> String {
    instant.format(&Rfc3339).expect("formattable")
}

/// Rules for a lot open from now until `closes_in`, with a 1.00 absolute step from each
/// supplier's own last bid and the full anonymous ladder; `extra` overrides fields.
pub fn rules(closes_in: Duration, extra: Value) -> Value {
    let now = OffsetDateTime::now_utc();
    let mut rules = json!({
        "ceiling": "1000.00",
        "decrement": {"kind": "absolute", "amount": "1.00"},
        "decrement_base": "own_last_bid",
        "ties": "earlier_ranks_higher",
        "opens_at": at(now - Duration::seconds(1)),
        "closes_at": at(now + closes_in),
        "anti_sniping": null,
        "visibility": "anonymous_ladder",
        "blind": false,
        "sealed_pre_bids": false,
        "fat_finger_percent": null
    });
    if let (Some(base), Some(extra)) = (rules.as_object_mut(), extra.as_object()) {
        for (key, value) in extra {
            base.insert(key.clone(), value.clone());
        }
    }
    rules
}

pub fn tender_input(invited: &[Uuid], rules: Value) -> Value {
    json!({
        "title": "Rebar HRB400 for the Q1 build",
        "description": "12 mm rebar, delivered to Changzhou",
        "currency": "CNY",
        "minimum_band": null,
        "bid_bond": "",
        "invited_suppliers": invited,
        "lots": [{
            "title": "Rebar 12 mm",
            "specification": "HRB400E, 12 m lengths",
            "quantity": "500",
            "unit": "t",
            "rules": rules
        }]
    })
}

/// A buyer with a published one-lot tender inviting `suppliers`; returns the buyer and lot id.
pub async fn published_lot(app: &TestApp, suppliers: &[Uuid], rules: Value) -> (ApiClient, Uuid) {
    let (buyer, _) = app.org_admin("buyer").await;
    let lot = publish(&buyer, suppliers, rules).await;
    (buyer, lot)
}

pub async fn bid(client: &ApiClient, lot_id: Uuid, amount: &str) -> crate::helpers::Reply {
    bid_with_key(client, lot_id, amount, Uuid::new_v4()).await
}

pub async fn bid_with_key(
    client: &ApiClient,
    lot_id: Uuid,
    amount: &str,
    key: Uuid,
) -> crate::helpers::Reply {
    client
        .post(
            "/api/lots/bid",
            json!({"lot_id": lot_id, "amount": amount, "idempotency_key": key}),
        )
        .await
}

pub async fn accepted(client: &ApiClient, lot_id: Uuid, amount: &str) -> BidReceipt {
    bid(client, lot_id, amount).await.ok()
}

pub async fn board(client: &ApiClient, lot_id: Uuid) -> LotBoard {
    client
        .post("/api/lots/board", json!({"lot_id": lot_id}))
        .await
        .ok()
}

/// Waits until the lot reaches `phase` (by its own timers), or panics after `within`.
pub async fn wait_for_phase(app: &TestApp, lot_id: Uuid, phase: &str, within: std::time::Duration) {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        let current: String = sqlx::query_scalar("select phase from lot where lot_id = $1")
            .bind(lot_id)
            .fetch_one(&app.pool)
            .await
            .expect("the lot exists");
        if current == phase {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "lot still {current}, expected {phase}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
