//! Crash safety: the real server binary is killed with SIGKILL in the middle of a bidding storm.
//! Every bid it acknowledged must be in the database afterwards, the history must stay gapless,
//! the restarted server must take bids again by itself, and a retry of an unanswered bid with
//! its idempotency key must be stored at most once.

use super::{approved_supplier_on, bid_with_key, publish_with, rules};
use crate::helpers::{create_database, dist_dir, ApiClient};
use app::types::tender::BidReceipt;
use serde_json::json;
use sqlx::PgPool;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use time::Duration;
use uuid::Uuid;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

/// Starts `agora-server` and waits until it answers `/readyz`.
async fn start_server(database_url: &str, port: u16) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_agora-server"))
        .env("DATABASE_URL", database_url)
        .env("AGORA_ADDR", format!("127.0.0.1:{port}"))
        .env("AGORA_DIST", dist_dir())
        .env("AGORA_SEED_DEMO", "false")
        .env("AGORA_LOG_FORMAT", "json")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server binary starts");
    let http = reqwest::Client::new();
    for _ in 0..200 {
        let ready = http
            .get(format!("http://127.0.0.1:{port}/readyz"))
            .send()
            .await;
        if ready.is_ok_and(|r| r.status().is_success()) {
            return child;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    child.kill().ok();
    child.wait().ok();
    panic!("the server did not become ready");
}

#[tokio::test]
async fn sigkill_during_a_bidding_storm_loses_no_acknowledged_bid() {
    let database_url = create_database().await;
    let port = free_port();
    let address = format!("http://127.0.0.1:{port}");
    let mut server = start_server(&database_url, port).await;
    let pool = PgPool::connect(&database_url)
        .await
        .expect("the test database");

    let mut bidders = Vec::new();
    for _ in 0..8 {
        bidders.push(approved_supplier_on(&address, &pool).await);
    }
    let orgs: Vec<Uuid> = bidders.iter().map(|(_, org)| *org).collect();
    let lot = publish_with(
        &address,
        &orgs,
        rules(Duration::minutes(10), json!({"ceiling": "1000000.00"})),
    )
    .await;

    let stop = Arc::new(AtomicBool::new(false));
    let storm = bidders.into_iter().enumerate().map(|(n, (client, org))| {
        let stop = stop.clone();
        tokio::spawn(async move {
            let mut acknowledged: Vec<(Uuid, BidReceipt)> = Vec::new();
            let mut unanswered = None;
            for step in 0.. {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let amount = format!("{}.{n:02}", 999_000 - step);
                let key = Uuid::new_v4();
                match try_bid(&client, lot, &amount, key).await {
                    Some(receipt) => acknowledged.push((org, receipt)),
                    None => {
                        unanswered = Some((amount, key));
                        break;
                    }
                }
            }
            (client, org, acknowledged, unanswered)
        })
    });
    let storm: Vec<_> = storm.collect();
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    server.kill().expect("SIGKILL the server");
    server.wait().expect("the server is gone");
    stop.store(true, Ordering::Relaxed);
    let mut results = Vec::new();
    for task in storm {
        results.push(task.await.expect("a bidder finished"));
    }
    let acknowledged: usize = results.iter().map(|r| r.2.len()).sum();
    assert!(
        acknowledged > 50,
        "the storm got going ({acknowledged} bids)"
    );

    let mut restarted = start_server(&database_url, port).await;
    let stored: Vec<(i64, serde_json::Value)> = sqlx::query_as(
        "select sequence, payload from lot_event where lot_id = $1 and kind = 'bid_accepted' order by sequence",
    )
    .bind(lot)
    .fetch_all(&pool)
    .await
    .expect("events");
    for (_, _, receipts, _) in &results {
        for (org, receipt) in receipts {
            let found = stored
                .iter()
                .find(|(sequence, _)| *sequence == receipt.sequence as i64)
                .unwrap_or_else(|| panic!("acknowledged bid {} lost", receipt.sequence));
            assert_eq!(found.1["supplier"], json!(org));
        }
    }
    let all: Vec<i64> =
        sqlx::query_scalar("select sequence from lot_event where lot_id = $1 order by sequence")
            .bind(lot)
            .fetch_all(&pool)
            .await
            .expect("sequences");
    assert!(
        all.iter().enumerate().all(|(i, s)| *s == i as i64 + 1),
        "gapless"
    );

    // Retrying an unanswered bid with its key after the restart: stored at most once.
    for (client, _, _, unanswered) in &results {
        if let Some((amount, key)) = unanswered {
            let first = bid_with_key(client, lot, amount, *key).await;
            let again = bid_with_key(client, lot, amount, *key).await;
            assert_eq!(first.text, again.text, "a retry gets the first answer");
        }
    }
    let duplicates: i64 = sqlx::query_scalar(
        "select count(*) from (select payload->>'supplier', payload->>'amount' from lot_event \
         where lot_id = $1 and kind = 'bid_accepted' group by 1, 2 having count(*) > 1) d",
    )
    .bind(lot)
    .fetch_one(&pool)
    .await
    .expect("a count");
    assert_eq!(duplicates, 0, "no bid stored twice");
    // The restarted server takes bids again, numbering on from the durable history.
    let (client, _, _, _) = &results[0];
    let next: BidReceipt = bid_with_key(client, lot, "1.00", Uuid::new_v4()).await.ok();
    let highest: i64 = sqlx::query_scalar("select max(sequence) from lot_event where lot_id = $1")
        .bind(lot)
        .fetch_one(&pool)
        .await
        .expect("a sequence");
    assert!(next.sequence as i64 <= highest && next.sequence as i64 > *all.last().unwrap());
    restarted.kill().ok();
    restarted.wait().ok();
}

/// A bid whose answer may never come (the server dies): `None` unless acknowledged.
async fn try_bid(client: &ApiClient, lot: Uuid, amount: &str, key: Uuid) -> Option<BidReceipt> {
    let response = client
        .http
        .post(format!("{}/api/lots/bid", client.address))
        .json(&json!({"lot_id": lot, "amount": amount, "idempotency_key": key}))
        .send()
        .await
        .ok()?;
    if !response.status().is_success() {
        return None;
    }
    response.json().await.ok()
}
