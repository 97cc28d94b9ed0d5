//! Bid decisions over HTTP: exact refusal reasons, eligibility, idempotent retries, and many
//! bidders racing on one lot producing one gapless, strictly ordered history.

use super::{
    accepted, approved_supplier, bid, bid_with_key, board, published_lot, rules, set_qualification,
};
use crate::helpers::spawn_app;
use app::rules::audit_chain::{from_json_lines, verify};
use app::types::tender::{AuditExport, BidReceipt, BoardView};
use rust_decimal::Decimal;
use serde_json::json;
use std::str::FromStr;
use time::Duration;
use uuid::Uuid;

#[tokio::test]
async fn bad_bids_are_refused_with_their_exact_reason() {
    let app = spawn_app().await;
    let (alpha, alpha_org) = approved_supplier(&app).await;
    let (beta, beta_org) = approved_supplier(&app).await;
    let (_, lot) = published_lot(
        &app,
        &[alpha_org, beta_org],
        rules(
            Duration::minutes(10),
            json!({"decrement_base": "best_price"}),
        ),
    )
    .await;

    let reason = |reply: &crate::helpers::Reply| reply.json()["rejection"]["reason"].clone();
    let too_high = bid(&alpha, lot, "1000.01").await;
    too_high.assert_error(409, "bid_rejected");
    assert_eq!(reason(&too_high), "too_high");
    assert_eq!(reason(&bid(&alpha, lot, "12,5").await), "not_a_number");
    assert_eq!(reason(&bid(&alpha, lot, "0").await), "not_positive");
    assert_eq!(reason(&bid(&alpha, lot, "-5").await), "not_positive");
    assert_eq!(
        reason(&bid(&alpha, lot, "9.12345").await),
        "too_many_decimals"
    );

    let first = accepted(&alpha, lot, "900").await;
    assert_eq!(first.view.own_rank, Some(1));
    let small_step = bid(&beta, lot, "899.50").await;
    assert_eq!(reason(&small_step), "decrement_too_small");
    assert_eq!(
        small_step.json()["rejection"]["minimum_next_bid"],
        "899.00",
        "the refusal says what to bid"
    );
    let second = accepted(&beta, lot, "899").await;
    assert_eq!(second.view.own_rank, Some(1));

    // Nothing refused reached the history: two bids, their rank changes, nothing else.
    let bids = app
        .count(&format!(
            "select count(*) from lot_event where lot_id = '{lot}' and kind = 'bid_accepted'"
        ))
        .await;
    assert_eq!(bids, 2);
    // Every attempt, refused or not, is in the audit log.
    let attempts = app
        .count(&format!(
            "select count(*) from lot_audit where lot_id = '{lot}' and kind = 'bid_attempt'"
        ))
        .await;
    assert_eq!(attempts, 8);
}

#[tokio::test]
async fn only_invited_approved_suppliers_may_bid() {
    let app = spawn_app().await;
    let (approved, approved_org) = approved_supplier(&app).await;
    let (reviewing, reviewing_org) = app.org_admin("supplier").await;
    let reviewing_org = reviewing_org.organisation_id();
    set_qualification(&app, reviewing_org, "under_review").await;
    let (stranger, _) = approved_supplier(&app).await;
    let (_, lot) = published_lot(
        &app,
        &[approved_org, reviewing_org],
        rules(Duration::minutes(10), json!({})),
    )
    .await;

    let refused = bid(&reviewing, lot, "900").await;
    refused.assert_error(403, "bid_rejected");
    assert_eq!(refused.json()["rejection"]["reason"], "not_eligible");
    let outsider = bid(&stranger, lot, "900").await;
    assert_eq!(outsider.json()["rejection"]["reason"], "not_eligible");
    // A stranger cannot even read the board.
    stranger
        .post("/api/lots/board", json!({"lot_id": lot}))
        .await
        .assert_error(404, "not_found");
    accepted(&approved, lot, "900").await;
}

#[tokio::test]
async fn a_retried_bid_is_stored_once_and_gets_the_first_answer() {
    let app = spawn_app().await;
    let (supplier, org) = approved_supplier(&app).await;
    let (_, lot) = published_lot(&app, &[org], rules(Duration::minutes(10), json!({}))).await;
    let key = Uuid::new_v4();
    let first: BidReceipt = bid_with_key(&supplier, lot, "950", key).await.ok();
    let retry: BidReceipt = bid_with_key(&supplier, lot, "950", key).await.ok();
    assert_eq!(first, retry);
    // Even a retry with another amount replays the first answer: the key names one intent.
    let changed: BidReceipt = bid_with_key(&supplier, lot, "940", key).await.ok();
    assert_eq!(changed.amount, first.amount);
    let stored = app
        .count(&format!(
            "select count(*) from lot_event where lot_id = '{lot}' and kind = 'bid_accepted'"
        ))
        .await;
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn racing_bidders_get_one_gapless_strictly_ordered_history() {
    let app = spawn_app().await;
    let mut bidders = Vec::new();
    for _ in 0..8 {
        bidders.push(approved_supplier(&app).await);
    }
    let orgs: Vec<Uuid> = bidders.iter().map(|(_, org)| *org).collect();
    let (buyer, lot) = published_lot(&app, &orgs, rules(Duration::minutes(10), json!({}))).await;

    let tasks = bidders.into_iter().enumerate().map(|(n, (client, org))| {
        tokio::spawn(async move {
            let mut receipts = Vec::new();
            for step in 0..15 {
                // Distinct amounts per bidder, each a full step below its own last bid.
                let amount = format!("{}.{n:02}", 999 - step);
                receipts.push((org, super::accepted(&client, lot, &amount).await));
            }
            receipts
        })
    });
    let mut told = Vec::new();
    for task in tasks {
        told.extend(task.await.expect("a bidder finished"));
    }

    let stored: Vec<(i64, String, serde_json::Value)> = sqlx::query_as(
        "select sequence, kind, payload from lot_event where lot_id = $1 order by sequence",
    )
    .bind(lot)
    .fetch_all(&app.pool)
    .await
    .expect("events");
    for (index, (sequence, _, _)) in stored.iter().enumerate() {
        assert_eq!(*sequence, index as i64 + 1, "gapless from 1");
    }
    let accepted_bids: Vec<&(i64, String, serde_json::Value)> = stored
        .iter()
        .filter(|(_, kind, _)| kind == "bid_accepted")
        .collect();
    assert_eq!(
        accepted_bids.len(),
        8 * 15,
        "every acknowledged bid stored once"
    );
    for (org, receipt) in &told {
        let (_, _, payload) = stored
            .iter()
            .find(|(sequence, _, _)| *sequence == receipt.sequence as i64)
            .expect("the acknowledged sequence is stored");
        assert_eq!(payload["supplier"], json!(org), "what the bidder was told");
        assert_eq!(
            Decimal::from_str(payload["amount"].as_str().unwrap()).unwrap(),
            receipt.amount
        );
    }
    // The buyer's ladder agrees with the history; the audit chain verifies.
    match board(&buyer, lot).await.view {
        BoardView::Buyer { view, .. } => {
            assert_eq!(view.ladder.len(), 8);
            assert_eq!(view.ladder[0].amount, Decimal::from_str("985.00").unwrap());
        }
        other => panic!("the buyer sees the ladder, not {other:?}"),
    }
    let export: AuditExport = buyer
        .post("/api/lots/audit_export", json!({"lot_id": lot}))
        .await
        .ok();
    assert!(export.verified);
    let entries = from_json_lines(&export.json_lines).expect("the export reads back");
    verify(&entries).expect("the chain verifies offline");
}

#[tokio::test]
async fn a_supplier_suspended_mid_auction_stops_bidding_within_a_sweep() {
    let app = spawn_app().await;
    let (supplier, org) = approved_supplier(&app).await;
    let (_, lot) = published_lot(&app, &[org], rules(Duration::minutes(10), json!({}))).await;
    accepted(&supplier, lot, "950").await;
    set_qualification(&app, org, "suspended").await;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(12);
    let mut price = 940;
    loop {
        let reply = bid(&supplier, lot, &price.to_string()).await;
        if reply.status == 403 {
            assert_eq!(reply.json()["rejection"]["reason"], "not_eligible");
            break;
        }
        assert!(reply.status.is_success(), "{}", reply.text);
        assert!(
            tokio::time::Instant::now() < deadline,
            "still bidding while suspended"
        );
        price -= 10;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    let changes = app
        .count(&format!(
            "select count(*) from lot_audit where lot_id = '{lot}' and kind = 'eligibility_changed'"
        ))
        .await;
    assert_eq!(changes, 1, "the change is in the audit log");
}
