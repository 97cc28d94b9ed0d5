//! Loads the demo data set into an empty database (first start of the run command, browser tests):
//! organisations and people, then the catalog with approved suppliers, offers and market tables.

mod catalog;
mod catalog_data;
mod demo_data;

pub use demo_data::{DEMO_ORGS, DEMO_PASSWORD, DEMO_STAFF};

use anyhow::Context;
use app::server::{db, password};
use sqlx::PgPool;
use uuid::Uuid;

/// Namespace for the demo data's deterministic ids (UUID v5 of the name).
const DEMO_NAMESPACE: Uuid = Uuid::from_u128(0x6167_6f72_615f_6465_6d6f_0000_0000_0001);

fn demo_id(key: &str) -> Uuid {
    Uuid::new_v5(&DEMO_NAMESPACE, key.as_bytes())
}

/// Seeds the demo data when the database holds no organisation yet. Safe when several
/// instances start at once: an advisory lock lets one seed while the others wait and see data.
pub async fn seed_if_empty(pool: &PgPool) -> anyhow::Result<bool> {
    let mut tx = pool.begin().await?;
    sqlx::query!("select pg_advisory_xact_lock(7461002)")
        .execute(&mut *tx)
        .await?;
    if db::organisation::count_organisations(&mut *tx).await? > 0 {
        return Ok(false);
    }
    // Every demo account shares one password, so hash it once.
    let hash = password::hash_password(DEMO_PASSWORD.to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    for org in DEMO_ORGS {
        let organisation_id = demo_id(org.name);
        let fields = db::organisation::OrgFields {
            name: org.name,
            name_zh: Some(org.name_zh),
            industry: Some(org.industry),
            city: Some(org.city),
            country: Some(org.country),
            description: Some(org.description),
        };
        db::organisation::insert_organisation(&mut *tx, organisation_id, org.kind, fields).await?;
        for (email, display_name, role) in org.people {
            insert_person(
                &mut tx,
                Some(organisation_id),
                email,
                display_name,
                *role,
                &hash,
            )
            .await?;
        }
    }
    for (email, display_name, role) in DEMO_STAFF {
        insert_person(&mut tx, None, email, display_name, *role, &hash).await?;
    }
    let today = time::OffsetDateTime::now_utc().date();
    catalog::seed_catalog(&mut tx, today)
        .await
        .context("loading the demo catalog")?;
    tx.commit().await.context("committing the demo data")?;
    tracing::info!(organisations = DEMO_ORGS.len(), "loaded the demo data set");
    Ok(true)
}

async fn insert_person(
    tx: &mut sqlx::PgConnection,
    organisation_id: Option<Uuid>,
    email: &str,
    display_name: &str,
    role: app::types::Role,
    password_hash: &str,
) -> anyhow::Result<()> {
    let new = db::account::NewAccount {
        account_id: demo_id(email),
        organisation_id,
        email,
        display_name,
        password_hash,
        role,
    };
    db::account::insert_account(tx, new)
        .await
        .with_context(|| format!("inserting demo account {email}"))
}
