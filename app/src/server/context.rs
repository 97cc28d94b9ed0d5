//! What a server function can ask of the request it is serving: pool, settings, session,
//! request id and client address. The axum handler provides these as Leptos context.

use crate::rules::login_throttle::ThrottlePolicy;
use crate::AppError;
use axum::extract::ConnectInfo;
use http::request::Parts;
use leptos::prelude::use_context;
use sqlx::PgPool;
use std::net::SocketAddr;
use std::sync::Arc;
use tower_sessions::Session;

/// Settings server functions need (a subset of the server's configuration).
#[derive(Debug, Clone)]
pub struct AppSettings {
    /// Take the client address from the last `X-Forwarded-For` entry (only behind a balancer that appends it).
    pub trust_forwarded_for: bool,
    pub throttle: ThrottlePolicy,
}

/// Shared state handed to every server function.
#[derive(Debug, Clone)]
pub struct ServerState {
    pub pool: PgPool,
    pub settings: Arc<AppSettings>,
    /// The per-lot auction sequencers of this instance.
    pub auctions: crate::server::auction::Auctions,
    /// The catalog buyers search and compare, in memory.
    pub catalog: crate::server::catalog_index::CatalogIndex,
}

/// The header the server puts on every request and response.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

pub fn state() -> Result<ServerState, AppError> {
    use_context::<ServerState>().ok_or_else(|| AppError::Internal {
        request_id: request_id(),
    })
}

pub fn pool() -> Result<PgPool, AppError> {
    state().map(|state| state.pool)
}

fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// The id of the request being served ("-" outside a request).
pub fn request_id() -> String {
    parts()
        .and_then(|parts| {
            parts
                .headers
                .get(REQUEST_ID_HEADER)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "-".to_owned())
}

pub fn session() -> Result<Session, AppError> {
    parts()
        .and_then(|parts| parts.extensions.get::<Session>().cloned())
        .ok_or_else(|| crate::server::error::internal("session layer missing", "reading session"))
}

/// The caller's address, for per-address throttling.
pub fn client_address() -> String {
    let Some(parts) = parts() else {
        return "unknown".to_owned();
    };
    let trust_forwarded = state()
        .map(|s| s.settings.trust_forwarded_for)
        .unwrap_or(false);
    if trust_forwarded {
        // The last entry is the one our own balancer appended; earlier ones come from the client
        // and can be forged to dodge the per-address login limit.
        if let Some(forwarded) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.rsplit(',').next())
            .map(str::trim)
            .filter(|address| !address.is_empty())
        {
            return forwarded.to_owned();
        }
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}
