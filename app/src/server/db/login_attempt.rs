//! SQL for login attempts: the shared memory behind login throttling.

use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

#[tracing::instrument(skip(db), err)]
pub async fn record_attempt(
    db: impl PgExecutor<'_>,
    email: &str,
    address: &str,
    succeeded: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into login_attempt (login_attempt_id, email, address, succeeded) values ($1, $2, $3, $4)"#,
        Uuid::now_v7(),
        email,
        address,
        succeeded
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Failed attempts for an e-mail address since `since` and since its last successful login,
/// newest first: a correct password wipes the slate for the account (not for the address).
#[tracing::instrument(skip(db), err)]
pub async fn failures_for_email(
    db: impl PgExecutor<'_>,
    email: &str,
    since: OffsetDateTime,
) -> Result<Vec<OffsetDateTime>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select attempted_at from login_attempt
           where email = $1 and not succeeded
             and attempted_at > greatest($2, (select max(attempted_at) from login_attempt
                                               where email = $1 and succeeded))
           order by attempted_at desc limit 100"#,
        email,
        since
    )
    .fetch_all(db)
    .await
}

/// Failed attempts from a client address since `since`, newest first.
#[tracing::instrument(skip(db), err)]
pub async fn failures_for_address(
    db: impl PgExecutor<'_>,
    address: &str,
    since: OffsetDateTime,
) -> Result<Vec<OffsetDateTime>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select attempted_at from login_attempt
           where address = $1 and not succeeded and attempted_at > $2
           order by attempted_at desc limit 100"#,
        address,
        since
    )
    .fetch_all(db)
    .await
}
