//! Signing up, logging in and out, and asking who is signed in.

use crate::types::{CurrentUser, SignUpInput};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Creates an organisation with its first admin and signs that admin in.
#[server(prefix = "/api", endpoint = "auth/sign_up", input = Json)]
pub async fn sign_up(input: SignUpInput) -> Result<CurrentUser, AppError> {
    use crate::server::{access, context, db, error, password};
    use crate::types::{FieldIssue, Role};

    let valid = input
        .validate()
        .map_err(|fields| AppError::Validation { fields })?;
    let password_hash = password::hash_password(valid.password.expose().to_owned()).await?;
    let pool = context::pool()?;
    let mut tx = pool.begin().await?;
    let organisation_id = uuid::Uuid::now_v7();
    let fields = db::organisation::OrgFields {
        name: &valid.org_name,
        name_zh: valid.org_name_zh.as_deref(),
        industry: None,
        city: None,
        country: None,
        description: None,
    };
    db::organisation::insert_organisation(&mut *tx, organisation_id, valid.kind, fields).await?;
    let account_id = uuid::Uuid::now_v7();
    let inserted = db::account::insert_account(
        &mut *tx,
        db::account::NewAccount {
            account_id,
            organisation_id: Some(organisation_id),
            email: valid.email.as_str(),
            display_name: &valid.display_name,
            password_hash: &password_hash,
            role: Role::Admin,
        },
    )
    .await;
    if let Err(e) = inserted {
        return Err(match error::violated_constraint(&e) {
            Some("account_email_key") => AppError::field("email", FieldIssue::EmailTaken),
            _ => e.into(),
        });
    }
    tx.commit().await?;
    access::start_session(account_id).await?;
    access::require_user().await
}

/// Logs in with e-mail and password. Repeated failures lock the account (and the address).
#[server(prefix = "/api", endpoint = "auth/log_in", input = Json)]
pub async fn log_in(email: String, password: String) -> Result<CurrentUser, AppError> {
    use crate::rules::login_throttle::{assess, ThrottleVerdict};
    use crate::server::{access, context, db, password as pw};
    use crate::types::{Email, FieldIssue};

    let email = Email::parse(&email).map_err(|issue| AppError::field("email", issue))?;
    if password.is_empty() {
        return Err(AppError::field("password", FieldIssue::Required));
    }
    let state = context::state()?;
    let policy = state.settings.throttle;
    let address = context::client_address();
    let now = time::OffsetDateTime::now_utc();
    let since = now - policy.window;
    let account_failures =
        db::login_attempt::failures_for_email(&state.pool, email.as_str(), since).await?;
    let address_failures =
        db::login_attempt::failures_for_address(&state.pool, &address, since).await?;
    if let ThrottleVerdict::Locked { retry_after } =
        assess(policy, &account_failures, &address_failures, now)
    {
        tracing::warn!(email = email.as_str(), %address, "login refused: throttled");
        return Err(AppError::RateLimited {
            retry_after_secs: retry_after.whole_seconds().max(1) as u64,
        });
    }

    let credentials = db::account::find_credentials(&state.pool, email.as_str()).await?;
    let stored_hash = credentials.as_ref().map(|c| c.password_hash.clone());
    let verified = pw::verify_password(password, stored_hash).await?;
    db::login_attempt::record_attempt(&state.pool, email.as_str(), &address, verified).await?;
    match credentials {
        Some(credentials) if verified => {
            access::start_session(credentials.account_id).await?;
            access::require_user().await
        }
        // One message for unknown e-mail and wrong password: do not reveal which accounts exist.
        _ => Err(AppError::field("password", FieldIssue::WrongPassword)),
    }
}

/// Ends the session.
#[server(prefix = "/api", endpoint = "auth/log_out", input = Json)]
pub async fn log_out() -> Result<(), AppError> {
    crate::server::access::end_session().await
}

/// The signed-in user, or `None`.
#[server(prefix = "/api", endpoint = "auth/get_current_user", input = Json)]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    crate::server::access::current_user().await
}
