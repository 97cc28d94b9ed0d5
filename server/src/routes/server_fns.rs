//! The one handler behind every server function: provides pool, settings and session as context.

use app::server::ServerState;
use axum::body::Body;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::Request;
use leptos::prelude::provide_context;

pub async fn handle(State(state): State<ServerState>, request: Request<Body>) -> impl IntoResponse {
    leptos_axum::handle_server_fns_with_context(move || provide_context(state.clone()), request)
        .await
}

/// `/api/...` paths that are not server functions answer a JSON 404 rather than the SPA page.
pub async fn unknown_endpoint() -> Response {
    let body = serde_json::to_string(&app::AppError::NotFound).unwrap_or_default();
    (
        http::StatusCode::NOT_FOUND,
        [(http::header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}
