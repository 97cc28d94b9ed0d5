//! Benchmark: bid-to-screen latency. N WebSocket viewers watch one lot while bidders place
//! `--rate` bids per second over HTTP; for every accepted bid, the time from the bidder
//! receiving its acknowledgement to each viewer receiving the update that carries it.
//! Repeats for each viewer count in `--viewers` (e.g. 1000,2000,4000) and reports p50/p99 and
//! the server's resident memory per viewer (`--server-pid`).
//!
//! `cargo run --release -p server --example viewer_latency -- --address http://127.0.0.1:3300
//!  --database-url postgres://… --server-pid 1234 --viewers 1000,2000 --rate 20 --seconds 10`

#[path = "support/mod.rs"]
mod support;

use futures_util::StreamExt;
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::{approve, arg, publish_lot, quantile, sign_up, sign_up_with_cookie};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use uuid::Uuid;

type Acks = Arc<Mutex<HashMap<u64, Instant>>>;

fn resident_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One viewer: records when each bid event's update arrived, until `stop`.
async fn viewer(url: String, cookie: String, stop: Instant) -> Vec<(u64, Instant)> {
    let mut request = url.into_client_request().expect("a websocket URL");
    request
        .headers_mut()
        .insert("cookie", cookie.parse().expect("a header"));
    let Ok((mut socket, _)) = tokio_tungstenite::connect_async(request).await else {
        return Vec::new();
    };
    let mut seen = Vec::new();
    while let Ok(Some(Ok(message))) = tokio::time::timeout_at(stop.into(), socket.next()).await {
        let arrived = Instant::now();
        if let Message::Text(text) = message {
            let update: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            for event in update["events"].as_array().into_iter().flatten() {
                if event["type"] == "bid_placed" {
                    if let Some(sequence) = event["sequence"].as_u64() {
                        seen.push((sequence, arrived));
                    }
                }
            }
        }
    }
    seen
}

#[tokio::main]
async fn main() {
    let address: String = arg("address", "http://127.0.0.1:3300".to_owned());
    let database_url: String = arg("database-url", String::new());
    let server_pid: u32 = arg("server-pid", 0);
    let counts: String = arg("viewers", "1000".to_owned());
    let rate: u64 = arg("rate", 20);
    let seconds: u64 = arg("seconds", 10);
    let pool = PgPool::connect(&database_url).await.expect("the database");

    for count in counts
        .split(',')
        .filter_map(|c| c.trim().parse::<usize>().ok())
    {
        // Viewers watch as an invited supplier (one session, `count` connections, as many
        // screens would); its view is the one cut per viewer, the common and costlier case.
        let (alpha, alpha_org, viewer_cookie) = sign_up_with_cookie(&address, "supplier").await;
        let (beta, beta_org) = sign_up(&address, "supplier").await;
        approve(&pool, &[alpha_org, beta_org]).await;
        let (_, lot) = publish_lot(&address, &[alpha_org, beta_org], 30).await;
        let url = format!(
            "{}/ws/lots/{lot}?after=0",
            address.replacen("http", "ws", 1)
        );
        let before = resident_kib(server_pid);
        let stop = Instant::now() + Duration::from_secs(seconds + 5);
        let viewers: Vec<_> = (0..count)
            .map(|_| tokio::spawn(viewer(url.clone(), viewer_cookie.clone(), stop)))
            .collect();
        tokio::time::sleep(Duration::from_secs(3)).await;
        let after = resident_kib(server_pid);

        let acks: Acks = Arc::default();
        let mut ticker = tokio::time::interval(Duration::from_micros(1_000_000 / rate));
        let mut price: i64 = 99_000_000;
        let bidding_until = Instant::now() + Duration::from_secs(seconds);
        while Instant::now() < bidding_until {
            ticker.tick().await;
            price -= 1;
            let (client, cents) = if price % 2 == 0 {
                (&alpha, 1)
            } else {
                (&beta, 2)
            };
            let response = client
                .post(format!("{address}/api/lots/bid"))
                .json(
                    &serde_json::json!({"lot_id": lot, "amount": format!("{price}.{cents:02}"),
                                          "idempotency_key": Uuid::new_v4()}),
                )
                .send()
                .await;
            if let Ok(response) = response {
                let body: serde_json::Value = response.json().await.unwrap_or_default();
                if let Some(sequence) = body["sequence"].as_u64() {
                    acks.lock().expect("acks").insert(sequence, Instant::now());
                }
            }
        }
        let mut latencies = Vec::new();
        let mut connected = 0;
        for task in viewers {
            let seen = task.await.unwrap_or_default();
            connected += usize::from(!seen.is_empty());
            let acks = acks.lock().expect("acks");
            for (sequence, arrived) in seen {
                if let Some(acked) = acks.get(&sequence) {
                    let ms = arrived.saturating_duration_since(*acked).as_secs_f64() * 1000.0;
                    latencies.push(ms);
                }
            }
        }
        latencies.sort_by(f64::total_cmp);
        let per_viewer = match (before, after) {
            (Some(b), Some(a)) if count > 0 => {
                format!("{:.1}", a.saturating_sub(b) as f64 / count as f64)
            }
            _ => "n/a".to_owned(),
        };
        println!(
            "viewers={count} connected={connected} bids_per_s={rate} deliveries={} p50_ms={:.1} \
             p99_ms={:.1} max_ms={:.1} server_rss_kib_per_viewer={per_viewer}",
            latencies.len(),
            quantile(&latencies, 0.5),
            quantile(&latencies, 0.99),
            latencies.last().copied().unwrap_or(f64::NAN),
        );
    }
}
