//! The browser bundle: hashed assets cached forever, anything else falls back to index.html so
//! client-side routes survive a reload.

use axum::http::HeaderValue;
use std::path::Path;
use tower::ServiceBuilder;
use tower_http::services::{ServeDir, ServeFile};

pub fn service(dist: &Path) -> axum::routing::MethodRouter {
    let index = ServeFile::new(dist.join("index.html"));
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    let service = ServiceBuilder::new()
        .layer(axum::middleware::from_fn(cache_policy))
        .service(files);
    axum::routing::get_service(service)
}

/// Trunk fingerprints the wasm, JS and CSS file names, so those never change and can be cached
/// for a year; index.html (and every client route falling back to it) must be revalidated so a
/// deploy takes effect at once.
async fn cache_policy(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let fingerprinted = [".wasm", ".js", ".css"]
        .iter()
        .any(|ext| request.uri().path().ends_with(ext));
    let mut response = next.run(request).await;
    let policy = if fingerprinted && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response.headers_mut().insert(
        http::header::CACHE_CONTROL,
        HeaderValue::from_static(policy),
    );
    response
}
