//! Prometheus metrics: requests and latency per route, and database pool use, at `/metrics`.
//!
//! Hand-rolled on purpose: a few counters behind a mutex cost less than an exporter crate, and
//! routes are labelled by their matched pattern so label cardinality stays bounded.

use crate::routes::health::OpsState;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

#[derive(Default)]
struct RouteStats {
    by_status: BTreeMap<u16, u64>,
    bucket_counts: [u64; BUCKETS.len()],
    count: u64,
    sum_seconds: f64,
}

/// Request counters and latency histograms keyed by (method, route).
#[derive(Default)]
pub struct HttpMetrics {
    routes: Mutex<BTreeMap<(String, String), RouteStats>>,
}

impl HttpMetrics {
    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let mut routes = self
            .routes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let stats = routes
            .entry((method.to_owned(), route.to_owned()))
            .or_default();
        *stats.by_status.entry(status).or_default() += 1;
        stats.count += 1;
        stats.sum_seconds += seconds;
        for (bound, count) in BUCKETS.iter().zip(stats.bucket_counts.iter_mut()) {
            if seconds <= *bound {
                *count += 1;
            }
        }
    }

    /// The Prometheus text exposition of everything observed so far.
    fn write_text(&self, out: &mut String) {
        let routes = self
            .routes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        out.push_str(
            "# HELP agora_http_requests_total HTTP requests by method, route and status.\n",
        );
        out.push_str("# TYPE agora_http_requests_total counter\n");
        for ((method, route), stats) in routes.iter() {
            for (status, count) in &stats.by_status {
                let _ = writeln!(
                    out,
                    "agora_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {count}"
                );
            }
        }
        out.push_str(
            "# HELP agora_http_request_duration_seconds Time to answer, by method and route.\n",
        );
        out.push_str("# TYPE agora_http_request_duration_seconds histogram\n");
        for ((method, route), stats) in routes.iter() {
            let labels = format!("method=\"{method}\",route=\"{route}\"");
            for (bound, count) in BUCKETS.iter().zip(stats.bucket_counts.iter()) {
                let _ = writeln!(
                    out,
                    "agora_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "agora_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                stats.count
            );
            let _ = writeln!(
                out,
                "agora_http_request_duration_seconds_sum{{{labels}}} {}",
                stats.sum_seconds
            );
            let _ = writeln!(
                out,
                "agora_http_request_duration_seconds_count{{{labels}}} {}",
                stats.count
            );
        }
    }
}

/// Middleware: times every request and files it under its matched route.
pub async fn record(
    State(metrics): State<Arc<HttpMetrics>>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_owned())
        .unwrap_or_else(|| "static".to_owned());
    let response = next.run(request).await;
    metrics.observe(
        &method,
        &route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// `GET /metrics`.
pub async fn render(State(state): State<OpsState>) -> impl IntoResponse {
    let mut out = String::with_capacity(4096);
    state.metrics.write_text(&mut out);
    let size = state.pool.size();
    let idle = state.pool.num_idle() as u32;
    out.push_str("# HELP agora_db_pool_connections Database pool connections by state.\n");
    out.push_str("# TYPE agora_db_pool_connections gauge\n");
    let _ = writeln!(out, "agora_db_pool_connections{{state=\"idle\"}} {idle}");
    let _ = writeln!(
        out,
        "agora_db_pool_connections{{state=\"in_use\"}} {}",
        size.saturating_sub(idle)
    );
    let _ = writeln!(
        out,
        "agora_db_pool_max_connections {}",
        state.pool.options().get_max_connections()
    );
    (
        [(http::header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        out,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn observations_land_in_the_right_buckets_and_counters() {
        let metrics = HttpMetrics::default();
        metrics.observe("POST", "/api/auth/log_in", 200, 0.02);
        metrics.observe("POST", "/api/auth/log_in", 422, 0.3);
        let mut text = String::new();
        metrics.write_text(&mut text);
        assert!(text.contains("agora_http_requests_total{method=\"POST\",route=\"/api/auth/log_in\",status=\"422\"} 1"));
        assert!(text.contains("le=\"0.025\"} 1"), "{text}");
        assert!(text.contains("le=\"+Inf\"} 2"));
    }
}
