//! Signing up, logging in and out, sessions and cookies, login throttling, and the own account.

use crate::helpers::{sign_up_input, spawn_app, PASSWORD, SESSION_COOKIE};
use app::types::{CurrentUser, OrgKind, Role};
use serde_json::Value;

#[tokio::test]
async fn signing_up_creates_an_organisation_with_its_admin_and_signs_them_in() {
    let app = spawn_app().await;
    let mut input = sign_up_input("buyer");
    input.org_name_zh = " 华信采购 ".into();
    input.email = format!("  {}  ", input.email.to_uppercase());

    let user: CurrentUser = app.client.sign_up(&input).await.ok();

    assert_eq!(user.role, Role::Admin);
    assert_eq!(user.email, input.email.trim().to_lowercase());
    let org = user.organisation.clone().expect("an organisation");
    assert_eq!(org.name, input.org_name);
    assert_eq!(org.name_zh.as_deref(), Some("华信采购"));
    assert_eq!(org.kind, OrgKind::Buyer);
    assert_eq!(app.client.current_user().await, Some(user.clone()));
    assert_eq!(app.organisation_count().await, 1);
    let members: Vec<Value> = app.client.list_members(org.organisation_id).await.ok();
    assert_eq!(members.len(), 1);
    assert_eq!(members[0]["role"], "admin");
}

#[tokio::test]
async fn a_sign_up_with_bad_input_reports_every_field_and_writes_nothing() {
    let app = spawn_app().await;
    let mut input = sign_up_input("pirate");
    input.org_name = "A".into();
    input.display_name = "   ".into();
    input.email = "not-an-email".into();
    input.password = "short".into();

    let reply = app.client.sign_up(&input).await;

    reply.assert_error(422, "validation");
    assert_eq!(reply.field_codes("org_name"), ["too_short"]);
    assert_eq!(reply.json()["fields"]["org_name"][0]["min"], 2);
    assert_eq!(reply.field_codes("kind"), ["invalid_choice"]);
    assert_eq!(reply.field_codes("display_name"), ["required"]);
    assert_eq!(reply.field_codes("email"), ["invalid_email"]);
    assert_eq!(reply.field_codes("password"), ["too_short"]);
    assert_eq!(reply.json()["fields"]["password"][0]["min"], 10);
    assert!(reply.field_codes("org_name_zh").is_empty());
    assert_eq!(app.organisation_count().await, 0);
    assert_eq!(app.count("select count(*) from account").await, 0);
    assert_eq!(app.client.current_user().await, None);
    assert_eq!(app.client.session_cookie(), None);
}

#[tokio::test]
async fn signing_up_with_a_taken_email_answers_email_taken_and_leaves_no_second_organisation() {
    let app = spawn_app().await;
    let first = app.client.sign_up_org("supplier").await;
    let other = app.new_client();
    let mut input = sign_up_input("buyer");
    input.email = first.email.to_uppercase();

    other
        .sign_up(&input)
        .await
        .assert_field_issue("email", "email_taken");

    assert_eq!(app.organisation_count().await, 1);
    assert_eq!(app.count("select count(*) from account").await, 1);
    assert_eq!(other.current_user().await, None);
}

#[tokio::test]
async fn a_user_logs_in_with_their_email_in_any_case_and_the_right_password() {
    let app = spawn_app().await;
    let account = app.client.sign_up_org("both").await;
    let browser = app.new_client();

    let user: CurrentUser = browser
        .log_in(&format!(" {} ", account.email.to_uppercase()), PASSWORD)
        .await
        .ok();

    assert_eq!(user.user_id, account.user_id());
    assert_eq!(browser.current_user().await, Some(user));
}

#[tokio::test]
async fn a_wrong_password_is_refused_on_the_password_field() {
    let app = spawn_app().await;
    let account = app.client.sign_up_org("buyer").await;
    let browser = app.new_client();

    let reply = browser.log_in(&account.email, "not the password").await;

    reply.assert_field_issue("password", "wrong_password");
    assert_eq!(browser.current_user().await, None);
}

#[tokio::test]
async fn an_unknown_email_gets_the_same_answer_as_a_wrong_password() {
    let app = spawn_app().await;
    let account = app.client.sign_up_org("buyer").await;
    let browser = app.new_client();

    let wrong_password = browser.log_in(&account.email, "not the password").await;
    let unknown_email = browser.log_in("nobody@example.com", PASSWORD).await;

    unknown_email.assert_field_issue("password", "wrong_password");
    assert_eq!(unknown_email.status, wrong_password.status);
    assert_eq!(unknown_email.json(), wrong_password.json());
}

#[tokio::test]
async fn a_log_in_with_a_malformed_email_or_no_password_is_a_validation_error() {
    let app = spawn_app().await;

    app.client
        .log_in("not-an-email", PASSWORD)
        .await
        .assert_field_issue("email", "invalid_email");
    app.client
        .log_in("someone@example.com", "")
        .await
        .assert_field_issue("password", "required");
}

#[tokio::test]
async fn logging_out_ends_the_session_on_the_server() {
    let app = spawn_app().await;
    let account = app.client.sign_up_org("buyer").await;
    let stolen = app.client.session_cookie().expect("a session cookie");

    let reply = app.client.log_out().await;

    assert_eq!(reply.ok::<Value>(), Value::Null);
    assert_eq!(app.client.current_user().await, None);
    app.client
        .list_members(account.organisation_id())
        .await
        .assert_error(401, "unauthorized");
    let replay = app.new_client();
    replay.set_session_cookie(&stolen);
    assert_eq!(
        replay.current_user().await,
        None,
        "the old session id must be dead"
    );
}

#[tokio::test]
async fn logging_in_cycles_the_session_id_and_sets_an_http_only_lax_cookie() {
    let app = spawn_app().await;
    let account = app.client.sign_up_org("buyer").await;
    let before = app
        .client
        .session_cookie()
        .expect("a session cookie after sign-up");

    let reply = app.client.log_in(&account.email, PASSWORD).await;

    assert_eq!(reply.status, 200, "{}", reply.text);
    let set_cookie = reply
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with(&format!("{SESSION_COOKIE}=")))
        .expect("the log-in sets the session cookie")
        .to_owned();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(
        !set_cookie.contains("Secure"),
        "local test servers use plain HTTP: {set_cookie}"
    );
    let after = app
        .client
        .session_cookie()
        .expect("a session cookie after log-in");
    assert_ne!(before, after, "the session id must change on log-in");
    assert_eq!(
        app.client.current_user().await.map(|u| u.user_id),
        Some(account.user_id())
    );
    let replay = app.new_client();
    replay.set_session_cookie(&before);
    assert_eq!(
        replay.current_user().await,
        None,
        "the pre-login session id must be dead"
    );
}

#[tokio::test]
async fn an_account_is_locked_after_five_failures_even_against_the_right_password() {
    let app = spawn_app().await;
    let target = app.client.sign_up_org("buyer").await;
    let neighbour = app.new_client().sign_up_org("supplier").await;
    let attacker = app.new_client();

    for _ in 0..5 {
        attacker
            .log_in(&target.email, "guessed password")
            .await
            .assert_field_issue("password", "wrong_password");
    }
    let locked = attacker.log_in(&target.email, PASSWORD).await;

    let body = locked.assert_error(429, "rate_limited");
    let retry_after = body["retry_after_secs"].as_u64().expect("retry_after_secs");
    assert!(retry_after > 0 && retry_after <= 15 * 60, "{body}");
    assert_eq!(attacker.current_user().await, None);
    // The address has 5 failures, far below its own limit of 30: other accounts still log in.
    let user: CurrentUser = app
        .new_client()
        .log_in(&neighbour.email, PASSWORD)
        .await
        .ok();
    assert_eq!(user.user_id, neighbour.user_id());
}

#[tokio::test]
async fn an_address_is_locked_after_thirty_failures_across_accounts() {
    let app = spawn_app().await;
    let account = app.client.sign_up_org("buyer").await;
    let scanner = app.new_client();

    for i in 0..30 {
        scanner
            .log_in(&format!("guess{i}@example.com"), "guessed password")
            .await
            .assert_field_issue("password", "wrong_password");
    }

    // Every account is locked for this address now, even with the right password.
    let body = app
        .new_client()
        .log_in(&account.email, PASSWORD)
        .await
        .assert_error(429, "rate_limited");
    assert!(
        body["retry_after_secs"]
            .as_u64()
            .is_some_and(|secs| secs > 0),
        "{body}"
    );
}

#[tokio::test]
async fn a_user_renames_themselves() {
    let app = spawn_app().await;
    app.client.sign_up_org("buyer").await;

    let user: CurrentUser = app.client.update_profile("  Wei Li ").await.ok();

    assert_eq!(user.display_name, "Wei Li");
    assert_eq!(
        app.client.current_user().await.unwrap().display_name,
        "Wei Li"
    );
    app.client
        .update_profile(" ")
        .await
        .assert_field_issue("display_name", "required");
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_the_new_one_then_works() {
    let app = spawn_app().await;
    let account = app.client.sign_up_org("buyer").await;
    let new_password = "an entirely new passphrase";

    app.client
        .change_password("wrong current", new_password)
        .await
        .assert_field_issue("current_password", "wrong_password");
    app.client
        .change_password(PASSWORD, "short")
        .await
        .assert_field_issue("new_password", "too_short");
    assert_eq!(
        app.client
            .change_password(PASSWORD, new_password)
            .await
            .ok::<Value>(),
        Value::Null
    );

    let browser = app.new_client();
    browser
        .log_in(&account.email, PASSWORD)
        .await
        .assert_field_issue("password", "wrong_password");
    let user: CurrentUser = browser.log_in(&account.email, new_password).await.ok();
    assert_eq!(user.user_id, account.user_id());
}
