//! The scorecard over HTTP and through `app::server::scorecard`: the formula on fixture facts,
//! neutral criteria without facts, staff settings that re-band everyone, the history per period,
//! tiers, and who may read a scorecard.

use crate::helpers::{spawn_app, TestApp};
use crate::qualification::actions;
use app::rules::qualification::band::Band;
use app::rules::qualification::scorecard::Criterion;
use app::server::scorecard::{period_of, recompute_score, supplier_bands};
use app::types::qualification::SupplierApplication;
use app::types::scorecard::{ScoreSettings, SupplierScorecard, Tier};
use app::types::Role;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use uuid::Uuid;

/// Facts of the last year: 4 deliveries (3 on time, 1 of their orders disputed), 3 inspections
/// (2 accepted), 4 RFQ invitations (2 answered, 1 won) and ratings of 4 and 5 stars.
async fn insert_facts(app: &TestApp, supplier: Uuid, buyer: Uuid) {
    let mut sql = String::new();
    for (promised, delivered) in [
        ("2026-10-01", "2026-09-30"),
        ("2026-10-02", "2026-10-02"),
        ("2026-10-03", "2026-10-01"),
        ("2026-10-04", "2026-10-09"),
    ] {
        sql += &format!(
            "insert into delivery_record (delivery_id, supplier_id, order_id, promised_on, delivered_on) \
             values (gen_random_uuid(), '{supplier}', gen_random_uuid(), '{promised}', '{delivered}');"
        );
    }
    sql += &format!(
        "insert into order_dispute (dispute_id, supplier_id, order_id) \
         select gen_random_uuid(), supplier_id, order_id from delivery_record \
         where supplier_id = '{supplier}' limit 1;"
    );
    for accepted in [true, true, false] {
        sql += &format!(
            "insert into quality_inspection (inspection_id, supplier_id, accepted) \
             values (gen_random_uuid(), '{supplier}', {accepted});"
        );
    }
    for (quoted, won) in [(true, true), (true, false), (false, false), (false, false)] {
        let quoted = if quoted { "now()" } else { "null" };
        let won = if won { "now()" } else { "null" };
        sql += &format!(
            "insert into rfq_response (rfq_id, supplier_id, quoted_at, won_at) \
             values (gen_random_uuid(), '{supplier}', {quoted}, {won});"
        );
    }
    for stars in [4, 5] {
        sql += &format!(
            "insert into buyer_rating (rating_id, supplier_id, buyer_id, stars) \
             values (gen_random_uuid(), '{supplier}', '{buyer}', {stars});"
        );
    }
    sqlx::raw_sql(&sql)
        .execute(&app.pool)
        .await
        .expect("insert the facts");
}

fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

async fn scorecard(client: &crate::helpers::ApiClient, org: Uuid) -> SupplierScorecard {
    client
        .post(
            "/api/scorecard/get_scorecard",
            json!({ "organisation_id": org }),
        )
        .await
        .ok()
}

fn settings_input(weights: [&str; 6], thresholds: [&str; 3]) -> Value {
    json!({ "input": {
        "weights": {
            "on_time_delivery": weights[0], "quality_acceptance": weights[1],
            "rfq_response_rate": weights[2], "quote_win_rate": weights[3],
            "dispute_rate": weights[4], "buyer_rating": weights[5]
        },
        "warned": thresholds[0], "standard": thresholds[1], "preferred": thresholds[2]
    }})
}

#[tokio::test]
async fn the_score_follows_its_formula_on_fixture_facts() {
    let app = spawn_app().await;
    let (supplier, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let (_, buyer) = app.org_admin("buyer").await;
    insert_facts(&app, org, buyer.organisation_id()).await;

    let card = scorecard(&supplier, org).await;
    let value = |c: Criterion| {
        card.current
            .lines
            .iter()
            .find(|l| l.criterion == c)
            .unwrap()
            .value
    };
    assert_eq!(value(Criterion::OnTimeDelivery), Some(dec("75.0000")));
    assert_eq!(value(Criterion::QualityAcceptance), Some(dec("66.6667")));
    assert_eq!(value(Criterion::RfqResponseRate), Some(dec("50.0000")));
    assert_eq!(value(Criterion::QuoteWinRate), Some(dec("50.0000")));
    assert_eq!(value(Criterion::DisputeRate), Some(dec("25.0000")));
    assert_eq!(value(Criterion::BuyerRating), Some(dec("4.5000")));
    // (75×25 + 66.6667×25 + 50×15 + 50×10 + (100−25)×15 + (4.5−1)×25×10) ÷ 100 = 67.916675
    assert_eq!(card.current.score, dec("67.92"));
    assert_eq!(card.current.stars, dec("3.5"));
    assert_eq!(card.current.band, Band::Standard);
    assert!(!card.stored, "reading does not store a score");
}

#[tokio::test]
async fn a_supplier_without_facts_scores_neutral_and_gets_the_neutral_band() {
    let app = spawn_app().await;
    let (supplier, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let card = scorecard(&supplier, org).await;
    assert_eq!(card.current.score, dec("50.00"));
    assert!(card.current.lines.iter().all(|line| line.value.is_none()));
    let bands = supplier_bands(&app.pool, &[org]).await.unwrap();
    assert_eq!(bands[&org], Band::Standard);
}

#[tokio::test]
async fn each_period_keeps_its_score_and_recomputing_updates_only_the_current_one() {
    let app = spawn_app().await;
    let (supplier, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let now = time::OffsetDateTime::now_utc();
    // 40 days back is always an earlier month, before any fact existed.
    let earlier = now - time::Duration::days(40);
    recompute_score(&app.pool, org, earlier).await.unwrap();
    let (_, buyer) = app.org_admin("buyer").await;
    insert_facts(&app, org, buyer.organisation_id()).await;
    let now = time::OffsetDateTime::now_utc();
    recompute_score(&app.pool, org, now).await.unwrap();
    recompute_score(&app.pool, org, now).await.unwrap();

    let card = scorecard(&supplier, org).await;
    let points: Vec<(time::Date, Decimal)> = card
        .history
        .iter()
        .map(|p| (p.period_start, p.score))
        .collect();
    assert_eq!(
        points,
        [
            (period_of(earlier), dec("50.00")),
            (period_of(now), dec("67.92"))
        ]
    );
    assert!(card.stored);
}

#[tokio::test]
async fn staff_thresholds_reband_every_supplier_at_once() {
    let app = spawn_app().await;
    let (_, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let (operator, _) = app.staff(Role::Operator).await;
    let weights = ["25", "25", "15", "10", "15", "10"];
    let saved: ScoreSettings = operator
        .post(
            "/api/scorecard/update_settings",
            settings_input(weights, ["55", "70", "90"]),
        )
        .await
        .ok();
    assert_eq!(saved.thresholds.warned, dec("55"));
    // The neutral 50 is now below "warned": blocked, for a stored score and a missing one alike.
    let (_, other) = app.org_admin("supplier").await;
    let fresh = Uuid::new_v4();
    let bands = supplier_bands(&app.pool, &[org, other.organisation_id(), fresh])
        .await
        .unwrap();
    assert_eq!(bands[&org], Band::Blocked);
    assert_eq!(bands[&fresh], Band::Blocked);
    let stored = app
        .count(&format!(
            "select count(*) from supplier_score where organisation_id = '{org}' and band = 'blocked'"
        ))
        .await;
    assert_eq!(stored, 1, "recomputed and stored when the settings changed");
    let read: ScoreSettings = operator
        .post("/api/scorecard/get_settings", json!({}))
        .await
        .ok();
    assert_eq!(read, saved);
}

#[tokio::test]
async fn bad_settings_name_each_field_and_only_staff_may_change_them() {
    let app = spawn_app().await;
    let (operator, _) = app.staff(Role::Operator).await;
    let reply = operator
        .post(
            "/api/scorecard/update_settings",
            settings_input(["0", "0", "0", "0", "0", "0"], ["30", "20", "101"]),
        )
        .await;
    reply.assert_error(422, "validation");
    assert_eq!(reply.field_codes("weights"), ["all_zero"]);
    assert_eq!(reply.field_codes("preferred"), ["out_of_range"]);
    let reply = operator
        .post(
            "/api/scorecard/update_settings",
            settings_input(["1001", "x", "1", "1", "1", "1"], ["30", "20", "80"]),
        )
        .await;
    assert_eq!(reply.field_codes("on_time_delivery"), ["out_of_range"]);
    assert_eq!(reply.field_codes("quality_acceptance"), ["not_a_number"]);
    assert_eq!(reply.field_codes("standard"), ["not_increasing"]);

    let (supplier, _) = app.org_admin("supplier").await;
    let weights = ["1", "1", "1", "1", "1", "1"];
    supplier
        .post(
            "/api/scorecard/update_settings",
            settings_input(weights, ["1", "2", "3"]),
        )
        .await
        .assert_error(403, "forbidden");
    supplier
        .post("/api/scorecard/get_settings", json!({}))
        .await
        .assert_error(403, "forbidden");
}

#[tokio::test]
async fn staff_grant_a_tier_and_the_audit_trail_records_it() {
    let app = spawn_app().await;
    let (supplier, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let (operator, _) = app.staff(Role::Operator).await;
    let body = json!({ "organisation_id": org, "tier": "vip" });
    let card: SupplierScorecard = operator
        .post("/api/scorecard/set_tier", body.clone())
        .await
        .ok();
    assert_eq!(card.tier, Tier::Vip);
    assert_eq!(scorecard(&supplier, org).await.tier, Tier::Vip);
    let seen: SupplierApplication = supplier.get_application(org).await.ok();
    assert_eq!(actions(&seen), ["tier_granted"]);
    assert_eq!(seen.history[0].note.as_deref(), Some("vip"));

    supplier
        .post("/api/scorecard/set_tier", body)
        .await
        .assert_error(403, "forbidden");
    operator
        .post(
            "/api/scorecard/set_tier",
            json!({ "organisation_id": org, "tier": "gold" }),
        )
        .await
        .assert_field_issue("tier", "invalid_choice");
}

#[tokio::test]
async fn a_supplier_cannot_read_another_suppliers_scorecard() {
    let app = spawn_app().await;
    let (_, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let (stranger, _) = app.org_admin("supplier").await;
    stranger
        .post(
            "/api/scorecard/get_scorecard",
            json!({ "organisation_id": org }),
        )
        .await
        .assert_refused("another supplier's scorecard");
    let (buyer, _) = app.org_admin("buyer").await;
    buyer
        .post(
            "/api/scorecard/get_scorecard",
            json!({ "organisation_id": org }),
        )
        .await
        .assert_refused("a buyer reading the private scorecard");
    let (reviewer, _) = app.staff(Role::Reviewer).await;
    let _: SupplierScorecard = reviewer
        .post(
            "/api/scorecard/get_scorecard",
            json!({ "organisation_id": org }),
        )
        .await
        .ok();
}
