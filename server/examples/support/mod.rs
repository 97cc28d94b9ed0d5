//! Set-up shared by the auction benchmarks: accounts, approval, a published lot, and small
//! statistics helpers. The benchmarks talk to a running server over HTTP like any client.

use reqwest::Client;
use serde_json::{json, Value};
use sqlx::PgPool;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

pub const PASSWORD: &str = "benchmark password 2026";

/// A client with its own cookie jar, signed up as a new organisation of `kind`.
pub async fn sign_up(address: &str, kind: &str) -> (Client, Uuid) {
    let (client, org, _) = sign_up_with_cookie(address, kind).await;
    (client, org)
}

/// As [`sign_up`], also returning the session cookie (`name=value`) for WebSocket handshakes.
pub async fn sign_up_with_cookie(address: &str, kind: &str) -> (Client, Uuid, String) {
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let client = Client::builder()
        .cookie_provider(jar.clone())
        .pool_max_idle_per_host(4)
        .build()
        .expect("an HTTP client");
    let tag = Uuid::new_v4().simple().to_string();
    let input = json!({"input": {
        "org_name": format!("Bench {kind} {}", &tag[..8]),
        "org_name_zh": "",
        "kind": kind,
        "display_name": "Bench User",
        "email": format!("bench-{tag}@example.com"),
        "password": PASSWORD,
    }});
    let user: Value = post(&client, address, "/api/auth/sign_up", input).await;
    let org = user["organisation"]["organisation_id"]
        .as_str()
        .and_then(|id| id.parse().ok())
        .expect("the new user's organisation");
    let url = address.parse().expect("the server address is a URL");
    use reqwest::cookie::CookieStore;
    let cookie = jar
        .cookies(&url)
        .and_then(|header| header.to_str().ok().map(str::to_owned))
        .expect("a session cookie");
    (client, org, cookie)
}

pub async fn post(client: &Client, address: &str, path: &str, body: Value) -> Value {
    let response = client
        .post(format!("{address}{path}"))
        .json(&body)
        .send()
        .await
        .expect("the server answers");
    let status = response.status();
    let text = response.text().await.expect("a body");
    assert!(status.is_success(), "{path} answered {status}: {text}");
    serde_json::from_str(&text).expect("JSON")
}

/// Marks suppliers approved directly in the database (a reviewer's work, not what we measure).
pub async fn approve(pool: &PgPool, organisations: &[Uuid]) {
    for org in organisations {
        sqlx::query(
            "insert into supplier_profile (organisation_id, legal_name, registration_number, address, \
             categories, production_capacity, status, submitted_at) \
             values ($1, 'Bench Supplier', 'REG', 'Road 1', '{steel}', '1 t', 'approved', now())",
        )
        .bind(org)
        .execute(pool)
        .await
        .expect("approve a supplier");
    }
}

/// A buyer publishes a one-lot tender open for `minutes`; returns the buyer client and lot id.
pub async fn publish_lot(address: &str, suppliers: &[Uuid], minutes: i64) -> (Client, Uuid) {
    let (buyer, _) = sign_up(address, "buyer").await;
    let now = OffsetDateTime::now_utc();
    let format = |at: OffsetDateTime| at.format(&Rfc3339).expect("formattable");
    let input = json!({"input": {
        "title": "Benchmark tender", "description": "", "currency": "CNY",
        "minimum_band": null, "bid_bond": "", "invited_suppliers": suppliers,
        "lots": [{"title": "Hot lot", "specification": "", "quantity": "1", "unit": "t",
            "rules": {
                "ceiling": "100000000.00",
                "decrement": {"kind": "absolute", "amount": "0.01"},
                "decrement_base": "own_last_bid",
                "ties": "earlier_ranks_higher",
                "opens_at": format(now - Duration::seconds(1)),
                "closes_at": format(now + Duration::minutes(minutes)),
                "anti_sniping": null, "visibility": "anonymous_ladder", "blind": false,
                "sealed_pre_bids": false, "fat_finger_percent": null}}]
    }});
    let tender = post(&buyer, address, "/api/tenders/create", input).await;
    let tender_id = tender["tender_id"].clone();
    let published = post(
        &buyer,
        address,
        "/api/tenders/publish",
        json!({"tender_id": tender_id}),
    )
    .await;
    let lot = published["lots"][0]["lot_id"]
        .as_str()
        .and_then(|id| id.parse().ok())
        .expect("the lot id");
    (buyer, lot)
}

/// The `q`-quantile (0–1) of sorted values.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let index = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

/// A named argument `--name value` from the command line, or `default`.
pub fn arg<T: std::str::FromStr>(name: &str, default: T) -> T {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == &format!("--{name}"))
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
