//! Benchmark: bid attempts and accepted bids per second on one hot lot, over HTTP, with N
//! concurrent authenticated bidders on keep-alive connections and durable commits; then checks
//! the stored history: every acknowledged bid stored exactly once, sequence gapless.
//!
//! Run against a release server (see `bench/auction.sh`, which also runs the PostgreSQL
//! baseline in the same run):
//! `cargo run --release -p server --example bid_storm -- --address http://127.0.0.1:3300
//!  --database-url postgres://… --bidders 32 --seconds 10`

#[path = "support/mod.rs"]
mod support;

use serde_json::json;
use sqlx::PgPool;
use std::collections::HashSet;
use std::time::{Duration, Instant};
use support::{approve, arg, publish_lot, quantile, sign_up};
use uuid::Uuid;

struct BidderResult {
    attempts: u64,
    accepted: Vec<u64>,
    latencies_ms: Vec<f64>,
}

#[tokio::main]
async fn main() {
    let address: String = arg("address", "http://127.0.0.1:3300".to_owned());
    let database_url: String = arg("database-url", String::new());
    let bidders: usize = arg("bidders", 32);
    let seconds: u64 = arg("seconds", 10);
    let pool = PgPool::connect(&database_url)
        .await
        .expect("--database-url reaches the server's database");

    let mut clients = Vec::new();
    for _ in 0..bidders {
        clients.push(sign_up(&address, "supplier").await);
    }
    let orgs: Vec<Uuid> = clients.iter().map(|(_, org)| *org).collect();
    approve(&pool, &orgs).await;
    let (_, lot) = publish_lot(&address, &orgs, 30).await;

    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let tasks: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(n, (client, _))| {
            let address = address.clone();
            tokio::spawn(async move {
                let mut result = BidderResult {
                    attempts: 0,
                    accepted: Vec::new(),
                    latencies_ms: Vec::new(),
                };
                // Each bidder steps down from its own last bid: every attempt is a valid bid.
                let mut price: i64 = 99_000_000;
                while Instant::now() < deadline {
                    price -= 1;
                    let amount = format!("{price}.{n:02}");
                    let sent = Instant::now();
                    let response = client
                        .post(format!("{address}/api/lots/bid"))
                        .json(&json!({"lot_id": lot, "amount": amount,
                                      "idempotency_key": Uuid::new_v4()}))
                        .send()
                        .await;
                    result.attempts += 1;
                    let Ok(response) = response else { continue };
                    let ok = response.status().is_success();
                    let body: serde_json::Value = response.json().await.unwrap_or_default();
                    result
                        .latencies_ms
                        .push(sent.elapsed().as_secs_f64() * 1000.0);
                    if ok {
                        if let Some(sequence) = body["sequence"].as_u64() {
                            result.accepted.push(sequence);
                        }
                    }
                }
                result
            })
        })
        .collect();
    let mut attempts = 0;
    let mut acknowledged = Vec::new();
    let mut latencies = Vec::new();
    for task in tasks {
        let result = task.await.expect("a bidder");
        attempts += result.attempts;
        acknowledged.extend(result.accepted);
        latencies.extend(result.latencies_ms);
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_by(f64::total_cmp);

    // The history as stored: every acknowledged sequence exactly once, no gaps.
    let stored: Vec<i64> = sqlx::query_scalar(
        "select sequence from lot_event where lot_id = $1 and kind = 'bid_accepted' order by sequence",
    )
    .bind(lot)
    .fetch_all(&pool)
    .await
    .expect("stored bids");
    let all: Vec<i64> =
        sqlx::query_scalar("select sequence from lot_event where lot_id = $1 order by sequence")
            .bind(lot)
            .fetch_all(&pool)
            .await
            .expect("stored events");
    let stored_set: HashSet<i64> = stored.iter().copied().collect();
    let lost = acknowledged
        .iter()
        .filter(|s| !stored_set.contains(&(**s as i64)))
        .count();
    let unique: HashSet<u64> = acknowledged.iter().copied().collect();
    let duplicated = acknowledged.len() - unique.len();
    let gapless = all.iter().enumerate().all(|(i, s)| *s == i as i64 + 1);

    println!(
        "bidders={bidders} seconds={elapsed:.1} attempts={attempts} attempts_per_s={:.0} \
         accepted={} accepted_per_s={:.0} p50_ms={:.1} p99_ms={:.1} stored={} lost={lost} \
         duplicated={duplicated} gapless={gapless}",
        attempts as f64 / elapsed,
        acknowledged.len(),
        acknowledged.len() as f64 / elapsed,
        quantile(&latencies, 0.5),
        quantile(&latencies, 0.99),
        stored.len(),
    );
    if lost > 0 || duplicated > 0 || !gapless || stored.len() != acknowledged.len() {
        eprintln!("the stored history does not match what bidders were told");
        std::process::exit(1);
    }
}
