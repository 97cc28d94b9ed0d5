//! Benchmark: catalog search and the comparison server fn over HTTP on a seeded catalog of
//! 100,000 offers, and the same server's `/healthz` in the same run (the ratio is the figure we
//! track). Each phase runs N keep-alive connections flat out for a few seconds and reports
//! requests/s and latency quantiles.
//!
//! Run against a release server on an empty database (see `bench/catalog.sh`):
//! `cargo run --release -p server --example catalog -- --address http://127.0.0.1:3301
//!  --database-url postgres://… --products 10000 --offers 10 --seconds 10`

mod seed;
#[path = "../support/mod.rs"]
#[allow(dead_code)]
mod support;

use reqwest::Client;
use serde_json::{json, Value};
use sqlx::PgPool;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{arg, quantile, sign_up_with_cookie};

/// What one phase measured.
struct Phase {
    requests: usize,
    errors: usize,
    seconds: f64,
    latencies_ms: Vec<f64>,
}

impl Phase {
    fn report(&self, name: &str, connections: usize) -> String {
        format!(
            "{name} connections={connections} requests={} errors={} rps={:.0} p50_ms={:.1} p99_ms={:.1} max_ms={:.1}",
            self.requests,
            self.errors,
            self.requests as f64 / self.seconds,
            quantile(&self.latencies_ms, 0.5),
            quantile(&self.latencies_ms, 0.99),
            self.latencies_ms.last().copied().unwrap_or(f64::NAN),
        )
    }
}

/// One request of a phase: a path and a JSON body (GET without one).
#[derive(Clone)]
struct Call {
    path: String,
    body: Option<Value>,
}

#[tokio::main]
async fn main() {
    let address: String = arg("address", "http://127.0.0.1:3301".to_owned());
    let database_url: String = arg("database-url", String::new());
    let products: usize = arg("products", 10_000);
    let offers: usize = arg("offers", 10);
    let seconds: u64 = arg("seconds", 10);
    let connections: usize = arg("connections", 64);
    let search_connections: usize = arg("search-connections", 8);
    let pool = PgPool::connect(&database_url)
        .await
        .expect("--database-url reaches the server's database");

    let started = Instant::now();
    let seeded = seed::seed(&pool, products, offers).await;
    sqlx::query("select pg_notify('catalog_change', 'all')")
        .execute(&pool)
        .await
        .expect("the reload notice");
    let listings: i64 = sqlx::query_scalar("select count(*) from listing")
        .fetch_one(&pool)
        .await
        .expect("a count");
    println!(
        "seed products={products} listings={listings} seconds={:.1}",
        started.elapsed().as_secs_f64()
    );
    let (_, _, cookie) = sign_up_with_cookie(&address, "buyer").await;
    wait_for_index(&address, &cookie, products).await;

    let searches: Vec<Call> = [
        json!({"text": "rebar"}),
        json!({"text": "钢筋"}),
        json!({"text": "不锈钢螺栓"}),
        json!({"text": "stainless hex bolt M12"}),
        json!({"text": "ball valve", "incoterms": ["FOB", "CIF"]}),
        json!({"text": "轴承", "max_lead_time_days": 20}),
        json!({"text": "flange", "origins": ["CN", "VN"], "page": 2}),
        json!({"text": "", "category_id": seeded.categories[3]}),
        json!({"text": "镀锌钢丝"}),
        json!({"text": "cold rolled coil", "bands": ["standard", "preferred"]}),
    ]
    .into_iter()
    .map(|mut query| {
        let fields = ["options", "ranges", "incoterms", "origins", "bands"];
        for field in fields {
            if query.get(field).is_none() {
                query[field] = if field == "options" || field == "ranges" {
                    json!({})
                } else {
                    json!([])
                };
            }
        }
        for (field, default) in [
            ("category_id", Value::Null),
            ("max_lead_time_days", Value::Null),
            ("page", json!(1)),
        ] {
            if query.get(field).is_none() {
                query[field] = default;
            }
        }
        Call {
            path: "/api/search/products".into(),
            body: Some(json!({"query": query})),
        }
    })
    .collect();
    let compares: Vec<Call> = seeded
        .products
        .iter()
        .flat_map(|(_, ids)| ids.chunks(20).take(5))
        .map(|ids| Call {
            path: "/api/compare/offers".into(),
            body: Some(json!({"request": {
                "product_ids": ids, "quantity": "500", "destination": "europe",
                "currency": "EUR", "annual_rate_percent": "8",
            }})),
        })
        .collect();
    let health = vec![Call {
        path: "/healthz".into(),
        body: None,
    }];

    let secs = Duration::from_secs(seconds);
    let search = run(&address, &cookie, &searches, search_connections, secs).await;
    println!("{}", search.report("search", search_connections));
    let compare = run(&address, &cookie, &compares, connections, secs).await;
    println!("{}", compare.report("compare_20x10", connections));
    let healthz = run(&address, &cookie, &health, connections, secs).await;
    println!("{}", healthz.report("healthz", connections));
    let ratio =
        (compare.requests as f64 / compare.seconds) / (healthz.requests as f64 / healthz.seconds);
    println!("ratio compare_rps / healthz_rps = {ratio:.3}");
}

/// Waits until the server's index holds the seeded catalog (it reloads on the notice).
async fn wait_for_index(address: &str, cookie: &str, products: usize) {
    let client = Client::new();
    let body = json!({"query": {"text": "", "category_id": null, "options": {}, "ranges": {},
        "incoterms": [], "origins": [], "max_lead_time_days": null, "bands": [], "page": 1}});
    for _ in 0..300 {
        let answer: Option<Value> = async {
            let response = client
                .post(format!("{address}/api/search/products"))
                .header("cookie", cookie)
                .json(&body)
                .send()
                .await
                .ok()?;
            response.json().await.ok()
        }
        .await;
        if answer
            .and_then(|a| a["total"].as_u64())
            .is_some_and(|total| total as usize >= products)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the server never loaded the seeded catalog");
}

/// Runs `calls` round-robin on `connections` keep-alive connections for `duration`.
async fn run(
    address: &str,
    cookie: &str,
    calls: &[Call],
    connections: usize,
    duration: Duration,
) -> Phase {
    let calls = Arc::new(calls.to_vec());
    let started = Instant::now();
    let deadline = started + duration;
    let tasks: Vec<_> = (0..connections)
        .map(|n| {
            let (address, cookie, calls) = (address.to_owned(), cookie.to_owned(), calls.clone());
            tokio::spawn(async move {
                let client = Client::builder()
                    .pool_max_idle_per_host(1)
                    .build()
                    .expect("a client");
                let (mut latencies, mut errors, mut next) = (Vec::new(), 0, n);
                while Instant::now() < deadline {
                    let call = &calls[next % calls.len()];
                    next += 1;
                    let request = match &call.body {
                        Some(body) => client.post(format!("{address}{}", call.path)).json(body),
                        None => client.get(format!("{address}{}", call.path)),
                    };
                    let sent = Instant::now();
                    let ok = match request.header("cookie", &cookie).send().await {
                        Ok(response) => {
                            response.status().is_success() && response.bytes().await.is_ok()
                        }
                        Err(_) => false,
                    };
                    latencies.push(sent.elapsed().as_secs_f64() * 1000.0);
                    errors += usize::from(!ok);
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut phase = Phase {
        requests: 0,
        errors: 0,
        seconds: 0.0,
        latencies_ms: Vec::new(),
    };
    for task in tasks {
        let (latencies, errors) = task.await.expect("a load task");
        phase.requests += latencies.len();
        phase.errors += errors;
        phase.latencies_ms.extend(latencies);
    }
    phase.seconds = started.elapsed().as_secs_f64();
    phase.latencies_ms.sort_by(f64::total_cmp);
    phase
}
