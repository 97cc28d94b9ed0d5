//! The router: server functions, health, metrics and the browser bundle, wrapped in the
//! request-id, logging, metrics, session, origin and body-limit layers.

pub mod health;
mod server_fns;
mod spa;

use crate::config::Settings;
use crate::middleware::{error_status, metrics, origin, request_id};
use app::server::ServerState;
use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;

/// Server-function bodies are small JSON; anything larger is refused before it is read.
pub const SERVER_FN_BODY_LIMIT: usize = 64 * 1024;

pub struct RouterParts<'a> {
    pub state: ServerState,
    pub store: PostgresStore,
    pub settings: &'a Settings,
    pub allowed_origins: Vec<String>,
    pub metrics: Arc<metrics::HttpMetrics>,
}

pub fn router(parts: RouterParts<'_>) -> Router {
    let sessions = SessionManagerLayer::new(parts.store)
        .with_name("agora_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(parts.settings.secure_cookies)
        .with_expiry(Expiry::OnInactivity(time::Duration::hours(12)));

    // One route per registered server function, so metrics and logs name the endpoint and an
    // unknown endpoint is a plain 404.
    let mut api = Router::new();
    for (path, _method) in leptos::server_fn::axum::server_fn_paths() {
        api = api.route(path, post(server_fns::handle));
    }
    let api = api
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(parts.allowed_origins),
            origin::require_same_origin,
        ))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            SERVER_FN_BODY_LIMIT,
        ))
        // Outside the body limit, so the limit's plain-text 413 also becomes a JSON `AppError`.
        .layer(axum::middleware::from_fn(
            error_status::status_from_app_error,
        ))
        .layer(sessions)
        .with_state(parts.state.clone());

    let ops = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::render))
        .with_state(health::OpsState {
            pool: parts.state.pool.clone(),
            metrics: parts.metrics.clone(),
        });

    Router::new()
        .merge(api)
        .merge(ops)
        .route(
            "/api/{*rest}",
            axum::routing::any(server_fns::unknown_endpoint),
        )
        .fallback_service(spa::service(&parts.settings.dist_dir))
        .layer(axum::middleware::from_fn_with_state(
            parts.metrics,
            metrics::record,
        ))
        .layer(request_id::layers())
}
