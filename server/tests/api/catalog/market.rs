//! The staff market tables over HTTP: FX rates keep their dated history and are never
//! overwritten once in force, freight and duty entries are validated, and only staff write them.

use super::rebar_category;
use crate::helpers::{spawn_app, ApiClient};
use app::types::catalog::compare::{DutyEntry, FreightEntry};
use app::types::catalog::manage::{FxRateEntry, RateState};
use app::types::Role;
use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

fn date(days_from_today: i64) -> String {
    (OffsetDateTime::now_utc().date() + Duration::days(days_from_today)).to_string()
}

async fn save_rate(
    client: &ApiClient,
    base: &str,
    quote: &str,
    rate: &str,
    valid_from: &str,
) -> crate::helpers::Reply {
    client
        .post(
            "/api/catalog/save_fx_rate",
            json!({"base": base, "quote": quote, "rate": rate, "valid_from": valid_from}),
        )
        .await
}

fn freight(incoterm: &str, amount: &str) -> Value {
    json!({
        "incoterm": incoterm, "origin_region": "east_asia", "destination_region": "europe",
        "basis": "per_shipment", "amount": amount, "currency": "USD"
    })
}

#[tokio::test]
async fn fx_rates_are_validated_and_keep_their_dated_history() {
    let app = spawn_app().await;
    let (staff, _) = app.staff(Role::Operator).await;
    save_rate(&staff, "USD", "USD", "1", &date(0))
        .await
        .assert_field_issue("quote", "invalid_choice");
    save_rate(&staff, "USD", "CNY", "0", &date(0))
        .await
        .assert_field_issue("rate", "not_positive");
    save_rate(&staff, "USD", "CNY", "7,12", &date(0))
        .await
        .assert_field_issue("rate", "not_a_number");
    save_rate(&staff, "USD", "CNY", "7.12345678901", &date(0))
        .await
        .assert_field_issue("rate", "too_many_decimals");
    save_rate(&staff, "USD", "XYZ", "7.1", "25/11/2026")
        .await
        .assert_error(422, "validation");
    save_rate(&staff, "USD", "CNY", "7.10", &date(-1))
        .await
        .assert_field_issue("valid_from", "in_the_past");
    assert_eq!(app.count("select count(*) from fx_rate").await, 0);

    // An older rate, as history (entered when its day came).
    app.execute(&format!(
        "insert into fx_rate (base, quote, rate, valid_from) values ('USD', 'CNY', 7.05, '{}')",
        date(-10)
    ))
    .await;
    let _: Vec<FxRateEntry> = save_rate(&staff, "usd", "cny", "7.12", &date(0)).await.ok();
    // The rate in force today is history from now on: not overwritten, not even by staff.
    save_rate(&staff, "USD", "CNY", "7.50", &date(0))
        .await
        .assert_field_issue("valid_from", "duplicate");
    let _: Vec<FxRateEntry> = save_rate(&staff, "USD", "CNY", "7.20", &date(3)).await.ok();
    // A scheduled rate is not used yet, so it may be corrected.
    let rates: Vec<FxRateEntry> = save_rate(&staff, "USD", "CNY", "7.18", &date(3)).await.ok();
    let states: Vec<(String, RateState)> = rates
        .iter()
        .map(|entry| (entry.rate.rate.to_string(), entry.state))
        .collect();
    assert_eq!(
        states,
        [
            ("7.18".to_owned(), RateState::Scheduled),
            ("7.12".to_owned(), RateState::InForce),
            ("7.05".to_owned(), RateState::Superseded),
        ]
    );
    assert!(rates[1].entered_by.is_some());
    let (buyer, _) = app.org_admin("buyer").await;
    let read: Vec<FxRateEntry> = buyer
        .post("/api/catalog/list_fx_rates", json!({}))
        .await
        .ok();
    assert_eq!(read.len(), 3);
    save_rate(&buyer, "USD", "EUR", "0.93", &date(0))
        .await
        .assert_error(403, "forbidden");
}

#[tokio::test]
async fn freight_lanes_are_validated_replaced_and_deleted_by_staff_only() {
    let app = spawn_app().await;
    let (staff, _) = app.staff(Role::Operator).await;
    let reply = staff
        .post("/api/catalog/save_freight", freight("CIF", "-3"))
        .await;
    reply.assert_error(422, "validation");
    assert_eq!(reply.field_codes("incoterm"), ["invalid_choice"]);
    assert_eq!(reply.field_codes("amount"), ["negative"]);
    let mut lane = freight("FOB", "2800");
    lane["destination_region"] = json!("atlantis");
    lane["currency"] = json!("XXX");
    let reply = staff.post("/api/catalog/save_freight", lane).await;
    assert_eq!(reply.field_codes("destination_region"), ["invalid_choice"]);
    assert_eq!(reply.field_codes("currency"), ["invalid_choice"]);

    let _: Vec<FreightEntry> = staff
        .post("/api/catalog/save_freight", freight("FOB", "2800"))
        .await
        .ok();
    let lanes: Vec<FreightEntry> = staff
        .post("/api/catalog/save_freight", freight("fob", "2,950.50"))
        .await
        .ok();
    assert_eq!(lanes.len(), 1, "the same lane is replaced, not duplicated");
    assert_eq!(lanes[0].charge.amount.amount.to_string(), "2950.5");

    let (supplier, _) = app.org_admin("supplier").await;
    supplier
        .post("/api/catalog/save_freight", freight("EXW", "100"))
        .await
        .assert_error(403, "forbidden");
    let lane =
        json!({"incoterm": "FOB", "origin_region": "east_asia", "destination_region": "europe"});
    supplier
        .post("/api/catalog/delete_freight", lane.clone())
        .await
        .assert_error(403, "forbidden");
    let read: Vec<FreightEntry> = supplier
        .post("/api/catalog/list_freight", json!({}))
        .await
        .ok();
    assert_eq!(read.len(), 1);
    let left: Vec<FreightEntry> = staff
        .post("/api/catalog/delete_freight", lane.clone())
        .await
        .ok();
    assert!(left.is_empty());
    staff
        .post("/api/catalog/delete_freight", lane)
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn duty_entries_are_validated_and_written_by_staff_only() {
    let app = spawn_app().await;
    let (staff, _) = app.staff(Role::Operator).await;
    let category = rebar_category(&staff).await.category_id;
    let duty = |category: Uuid, region: &str, percent: &str| json!({"category_id": category, "destination_region": region, "percent": percent});
    let reply = staff
        .post(
            "/api/catalog/save_duty",
            duty(Uuid::new_v4(), "mars", "1001"),
        )
        .await;
    reply.assert_error(422, "validation");
    assert_eq!(reply.field_codes("category_id"), ["invalid_choice"]);
    assert_eq!(reply.field_codes("destination_region"), ["invalid_choice"]);
    assert_eq!(reply.field_codes("percent"), ["out_of_range"]);
    staff
        .post("/api/catalog/save_duty", duty(category, "europe", "-2"))
        .await
        .assert_field_issue("percent", "negative");

    let _: Vec<DutyEntry> = staff
        .post("/api/catalog/save_duty", duty(category, "europe", "3.7"))
        .await
        .ok();
    let entries: Vec<DutyEntry> = staff
        .post("/api/catalog/save_duty", duty(category, "europe", "2.5"))
        .await
        .ok();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].percent.to_string(), "2.5");
    let (buyer, _) = app.org_admin("buyer").await;
    buyer
        .post("/api/catalog/save_duty", duty(category, "europe", "0"))
        .await
        .assert_error(403, "forbidden");
    let read: Vec<DutyEntry> = buyer.post("/api/catalog/list_duty", json!({})).await.ok();
    assert_eq!(read.len(), 1);
    let entry = json!({"category_id": category, "destination_region": "europe"});
    buyer
        .post("/api/catalog/delete_duty", entry.clone())
        .await
        .assert_error(403, "forbidden");
    let left: Vec<DutyEntry> = staff.post("/api/catalog/delete_duty", entry).await.ok();
    assert!(left.is_empty());
}
