//! Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers).

use crate::middleware::metrics::HttpMetrics;
use axum::extract::State;
use axum::http::StatusCode;
use sqlx::PgPool;
use std::sync::Arc;

#[derive(Clone)]
pub struct OpsState {
    pub pool: PgPool,
    pub metrics: Arc<HttpMetrics>,
}

pub async fn healthz() -> &'static str {
    "ok"
}

pub async fn readyz(State(state): State<OpsState>) -> (StatusCode, &'static str) {
    match sqlx::query_scalar!("select 1 as \"one!\"")
        .fetch_one(&state.pool)
        .await
    {
        Ok(_) => (StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
