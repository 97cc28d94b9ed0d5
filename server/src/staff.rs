//! `create-staff`: platform staff accounts come from here (or the demo data), never from sign-up.

use anyhow::{bail, Context};
use app::server::{db, password};
use app::types::{parse_display_name, Email, NewPassword, Role};
use sqlx::PgPool;

/// Parses `--email E --name N --role R` and creates the account with AGORA_STAFF_PASSWORD.
pub async fn create_staff_from_args(pool: &PgPool, args: &[String]) -> anyhow::Result<()> {
    let value_of = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
            .with_context(|| format!("missing {flag} <value>"))
    };
    let email =
        Email::parse(&value_of("--email")?).map_err(|e| anyhow::anyhow!("--email: {e:?}"))?;
    let name =
        parse_display_name(&value_of("--name")?).map_err(|e| anyhow::anyhow!("--name: {e:?}"))?;
    let role = Role::parse(&value_of("--role")?).map_err(|e| anyhow::anyhow!("--role: {e:?}"))?;
    if !role.is_staff() {
        bail!("--role must be operator or reviewer");
    }
    let raw = std::env::var("AGORA_STAFF_PASSWORD")
        .context("set AGORA_STAFF_PASSWORD to the new password")?;
    let new_password =
        NewPassword::parse(&raw).map_err(|e| anyhow::anyhow!("AGORA_STAFF_PASSWORD: {e:?}"))?;
    create_staff(pool, &email, &name, role, new_password.expose()).await?;
    println!("created {} account {}", role.as_str(), email.as_str());
    Ok(())
}

/// Creates a staff account (no organisation).
pub async fn create_staff(
    pool: &PgPool,
    email: &Email,
    name: &str,
    role: Role,
    plain: &str,
) -> anyhow::Result<uuid::Uuid> {
    let hash = password::hash_password(plain.to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let account_id = uuid::Uuid::now_v7();
    db::account::insert_account(
        pool,
        db::account::NewAccount {
            account_id,
            organisation_id: None,
            email: email.as_str(),
            display_name: name,
            password_hash: &hash,
            role,
        },
    )
    .await
    .context("inserting the staff account (is the e-mail already used?)")?;
    Ok(account_id)
}
