//! SQL for membership tiers (regular, VIP, strategic) that staff grant to suppliers.

use crate::types::scorecard::Tier;
use sqlx::PgExecutor;
use uuid::Uuid;

/// The organisation's tier; regular when staff never granted one.
#[tracing::instrument(skip(db), err)]
pub async fn get_tier(db: impl PgExecutor<'_>, organisation_id: Uuid) -> Result<Tier, sqlx::Error> {
    let raw = sqlx::query_scalar!(
        r#"select tier from supplier_tier where organisation_id = $1"#,
        organisation_id
    )
    .fetch_optional(db)
    .await?;
    match raw {
        None => Ok(Tier::Regular),
        Some(raw) => Tier::parse(&raw)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown tier {raw:?}").into())),
    }
}

#[tracing::instrument(skip(db), err)]
pub async fn set_tier(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    tier: Tier,
    granted_by: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into supplier_tier (organisation_id, tier, granted_by) values ($1, $2, $3)
           on conflict (organisation_id) do update set
               tier = excluded.tier, granted_by = excluded.granted_by, granted_at = now()"#,
        organisation_id,
        tier.as_str(),
        granted_by
    )
    .execute(db)
    .await
    .map(|_| ())
}
