//! Server functions answer every error with 500; this layer reads the `AppError` in the body and
//! sets the status it names (401, 403, 404, 409, 422, 429…), so the HTTP API is honest.
//! It also turns a too-large body into a clear `AppError`.

use app::AppError;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::StatusCode;

/// Error bodies are tiny; anything bigger is not ours to rewrite.
const MAX_ERROR_BODY: usize = 64 * 1024;
const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";

pub async fn status_from_app_error(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return json_error(
            StatusCode::PAYLOAD_TOO_LARGE,
            &AppError::BadRequest {
                message:
                    "the request body is too large (server functions take 64 KiB, uploads 10 MiB, offer CSV imports 2 MiB)"
                        .into(),
            },
        );
    }
    if !response.headers().contains_key(SERVER_FN_ERROR_HEADER) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return json_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            &AppError::Internal {
                request_id: "-".into(),
            },
        );
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn json_error(status: StatusCode, error: &AppError) -> Response {
    let body = serde_json::to_string(error).unwrap_or_default();
    Response::builder()
        .status(status)
        .header(http::header::CONTENT_TYPE, "application/json")
        .header(SERVER_FN_ERROR_HEADER, "1")
        .body(Body::from(body))
        .unwrap_or_default()
}
