//! Cross-site request forgery defence: state-changing requests must come from our own origin.
//!
//! Browsers always send `Origin` on cross-origin POSTs, so a POST whose `Origin` is present and
//! foreign is refused. Non-browser clients (tests, scripts) send none and are let through; they
//! carry no ambient cookie from a victim's browser.

use app::AppError;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{Method, StatusCode};
use std::sync::Arc;

pub async fn require_same_origin(
    State(allowed): State<Arc<Vec<String>>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::POST {
        return refuse(StatusCode::METHOD_NOT_ALLOWED, "only POST is accepted here");
    }
    let origin = request
        .headers()
        .get(http::header::ORIGIN)
        .and_then(|v| v.to_str().ok());
    match origin {
        Some(origin) if !allowed.iter().any(|ok| ok == origin) => {
            tracing::warn!(origin, "refused a cross-origin request");
            refuse(
                StatusCode::FORBIDDEN,
                "requests from another origin are refused",
            )
        }
        _ => next.run(request).await,
    }
}

fn refuse(status: StatusCode, message: &str) -> Response {
    let error = AppError::BadRequest {
        message: message.to_owned(),
    };
    let body = serde_json::to_string(&error).unwrap_or_default();
    (
        status,
        [(http::header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}
