//! Operations and HTTP hygiene: health, readiness, metrics, request ids, the origin check, the
//! body limit, method and path errors, opaque internal errors, and the SPA fallback.

use crate::helpers::spawn_app;
use serde_json::{json, Value};

#[tokio::test]
async fn liveness_and_readiness_answer_ok() {
    let app = spawn_app().await;

    let health = app.client.get("/healthz").await;
    let ready = app.client.get("/readyz").await;

    assert_eq!((health.status.as_u16(), health.text.as_str()), (200, "ok"));
    assert_eq!((ready.status.as_u16(), ready.text.as_str()), (200, "ready"));
}

#[tokio::test]
async fn metrics_count_requests_per_server_function_and_report_the_pool() {
    let app = spawn_app().await;
    app.client.get_current_user().await.ok::<Value>();
    app.client
        .log_in("nobody@example.com", "wrong password")
        .await
        .assert_error(422, "validation");
    app.client
        .post("/api/nope", json!({}))
        .await
        .assert_error(404, "not_found");

    let metrics = app.client.get("/metrics").await;

    assert_eq!(metrics.status, 200);
    assert!(metrics
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/plain")));
    let text = &metrics.text;
    for expected in [
        r#"agora_http_requests_total{method="POST",route="/api/auth/get_current_user",status="200"} 1"#,
        r#"agora_http_requests_total{method="POST",route="/api/auth/log_in",status="422"} 1"#,
        r#"agora_http_request_duration_seconds_count{method="POST",route="/api/auth/log_in"} 1"#,
        r#"agora_http_requests_total{method="POST",route="/api/{*rest}",status="404"} 1"#,
        r#"agora_db_pool_connections{state="idle"}"#,
        r#"agora_db_pool_connections{state="in_use"}"#,
        "agora_db_pool_max_connections 5",
    ] {
        assert!(text.contains(expected), "missing {expected} in:\n{text}");
    }
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_an_incoming_one_is_kept() {
    let app = spawn_app().await;

    let replies = [
        app.client.get("/healthz").await,
        app.client.get_current_user().await,
        app.client.post("/api/nope", json!({})).await,
        app.client.get("/some/client/route").await,
    ];
    for reply in &replies {
        let id = reply.header("x-request-id").unwrap_or_default();
        assert!(
            !id.is_empty(),
            "no x-request-id on {} {}",
            reply.status,
            reply.text
        );
    }
    assert_ne!(
        replies[0].header("x-request-id"),
        replies[1].header("x-request-id")
    );

    let traced = app
        .client
        .send(
            app.client
                .http
                .get(format!("{}/healthz", app.address))
                .header("x-request-id", "trace-me-42"),
        )
        .await;
    assert_eq!(traced.header("x-request-id"), Some("trace-me-42"));
}

#[tokio::test]
async fn a_post_from_a_foreign_origin_is_refused_and_our_own_origin_is_not() {
    let app = spawn_app().await;
    let url = format!("{}/api/auth/sign_up", app.address);
    let input = json!({ "input": crate::helpers::sign_up_input("buyer") });

    let foreign = app
        .client
        .send(
            app.client
                .http
                .post(&url)
                .header("origin", "https://evil.example")
                .json(&input),
        )
        .await;

    foreign.assert_error(403, "bad_request");
    assert_eq!(app.organisation_count().await, 0);
    assert_eq!(app.client.session_cookie(), None);

    let own = app
        .client
        .send(
            app.client
                .http
                .post(&url)
                .header("origin", app.address.as_str())
                .json(&input),
        )
        .await;
    assert_eq!(own.status, 200, "{}", own.text);
    assert_eq!(app.organisation_count().await, 1);
}

#[tokio::test]
async fn a_get_to_a_server_function_is_not_allowed() {
    let app = spawn_app().await;

    let reply = app.client.get("/api/auth/get_current_user").await;

    reply.assert_error(405, "bad_request");
}

#[tokio::test]
async fn a_body_over_64_kib_is_refused_with_413() {
    let app = spawn_app().await;
    let mut input = crate::helpers::sign_up_input("buyer");
    input.org_name = "x".repeat(70 * 1024);

    let reply = app.client.sign_up(&input).await;

    reply.assert_error(413, "bad_request");
    assert_eq!(app.organisation_count().await, 0);
    // Just under the limit is read and validated as usual.
    input.org_name = "x".repeat(60 * 1024);
    app.client
        .sign_up(&input)
        .await
        .assert_field_issue("org_name", "too_long");
}

#[tokio::test]
async fn an_unknown_api_path_is_a_json_404_not_the_app_page() {
    let app = spawn_app().await;

    app.client
        .post("/api/nope", json!({}))
        .await
        .assert_error(404, "not_found");
    app.client
        .get("/api/auth")
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn a_malformed_request_body_is_a_bad_request() {
    let app = spawn_app().await;

    let reply = app
        .client
        .send(
            app.client
                .http
                .post(format!("{}/api/auth/log_in", app.address))
                .header("content-type", "application/json")
                .body("{not json"),
        )
        .await;

    reply.assert_error(400, "bad_request");
    app.client
        .post("/api/auth/log_in", json!({ "email": "x@example.com" }))
        .await
        .assert_error(400, "bad_request");
}

#[tokio::test]
async fn an_internal_error_names_the_request_id_and_reveals_no_sql() {
    let app = spawn_app().await;
    let account = app.client.sign_up_org("buyer").await;
    app.execute("alter table invitation rename to invitation_gone")
        .await;

    let reply = app.client.list_invitations(account.organisation_id()).await;

    let body = reply.assert_error(500, "internal");
    let request_id = reply.header("x-request-id").expect("a request id");
    assert_eq!(
        body,
        json!({ "kind": "internal", "request_id": request_id })
    );
    for leak in ["invitation", "relation", "select", "sqlx", "postgres"] {
        assert!(
            !reply.text.to_lowercase().contains(leak),
            "{leak} leaked: {}",
            reply.text
        );
    }
}

#[tokio::test]
async fn client_side_routes_fall_back_to_the_app_page() {
    let app = spawn_app().await;

    let page = app.client.get("/invite/some-token").await;

    assert_eq!(page.status, 200);
    assert!(page.text.contains("Agora test bundle"), "{}", page.text);
    assert_eq!(page.header("cache-control"), Some("no-cache"));
}
