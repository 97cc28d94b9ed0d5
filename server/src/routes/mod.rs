//! The router: server functions, health, metrics and the browser bundle, wrapped in the
//! request-id, logging, metrics, session, origin and body-limit layers.

mod documents;
pub mod health;
mod live;
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

/// The document upload carries a file of up to `MAX_UPLOAD_BYTES` plus its other form fields.
pub const UPLOAD_BODY_LIMIT: usize = app::rules::upload::MAX_UPLOAD_BYTES + 64 * 1024;

/// The server functions that take a file.
const UPLOAD_ENDPOINTS: [&str; 2] = [
    "/api/qualification/upload_document",
    "/api/audits/upload_audit_photo",
];

/// A supplier's offers CSV of up to `MAX_CSV_BYTES` plus the form's other fields.
pub const CSV_BODY_LIMIT: usize = app::rules::catalog::offer_csv::MAX_CSV_BYTES + 64 * 1024;

/// The server functions that take an offers CSV.
const CSV_ENDPOINTS: [&str; 2] = ["/api/offers/preview_import", "/api/offers/import_offers"];

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
    // Each route carries its own body limit: 64 KiB, or the file size for the uploads and imports.
    let mut api = Router::new();
    for (path, _method) in leptos::server_fn::axum::server_fn_paths() {
        let limit = if UPLOAD_ENDPOINTS.contains(&path) {
            UPLOAD_BODY_LIMIT
        } else if CSV_ENDPOINTS.contains(&path) {
            CSV_BODY_LIMIT
        } else {
            SERVER_FN_BODY_LIMIT
        };
        api = api.route(
            path,
            post(server_fns::handle).layer(tower_http::limit::RequestBodyLimitLayer::new(limit)),
        );
    }
    let allowed_origins = Arc::new(parts.allowed_origins);
    let api = api
        .layer(axum::middleware::from_fn_with_state(
            allowed_origins.clone(),
            origin::require_same_origin,
        ))
        // Outside the body limits, so their plain-text 413 also becomes a JSON `AppError`.
        .layer(axum::middleware::from_fn(
            error_status::status_from_app_error,
        ))
        .layer(sessions.clone())
        .with_state(parts.state.clone());

    let files = Router::new()
        .route(
            "/files/supplier-documents/{document_id}",
            get(documents::download),
        )
        .route(
            "/files/audit-photos/{photo_id}",
            get(documents::audit_photo),
        )
        .layer(sessions.clone())
        .with_state(parts.state.clone());

    let live = Router::new()
        .route("/ws/lots/{lot_id}", get(live::lot_socket))
        .layer(sessions)
        .with_state(live::LiveState {
            server: parts.state.clone(),
            allowed_origins,
        });

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
        .merge(files)
        .merge(live)
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
