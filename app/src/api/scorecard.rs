//! The supplier scorecard: staff's weights and band thresholds, a supplier's score and history,
//! membership tiers, and the supplier's notices.

use crate::types::scorecard::{
    ScoreSettings, ScoreSettingsInput, SupplierNotification, SupplierScorecard,
};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

/// The scorecard settings in force (staff only).
#[server(prefix = "/api", endpoint = "scorecard/get_settings", input = Json)]
pub async fn get_settings() -> Result<ScoreSettings, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let settings = db::scorecard::current_settings(&context::pool()?).await?;
    Ok(settings_view(&settings))
}

/// Staff change the weights and band thresholds; every supplier's score is recomputed at once.
#[server(prefix = "/api", endpoint = "scorecard/update_settings", input = Json)]
pub async fn update_settings(input: ScoreSettingsInput) -> Result<ScoreSettings, AppError> {
    use crate::server::{access, context, db, scorecard};
    use crate::types::scorecard::parse_settings;
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let (weights, thresholds) =
        parse_settings(&input).map_err(|fields| AppError::Validation { fields })?;
    let pool = context::pool()?;
    db::scorecard::insert_settings(&pool, &weights, &thresholds, user.user_id).await?;
    scorecard::recompute_all(&pool, time::OffsetDateTime::now_utc()).await?;
    let settings = db::scorecard::current_settings(&pool).await?;
    Ok(settings_view(&settings))
}

/// A supplier's scorecard: the score now with how it was computed, its history and its tier.
/// The supplier's own members and staff only (buyers see the public profile).
#[server(prefix = "/api", endpoint = "scorecard/get_scorecard", input = Json)]
pub async fn get_scorecard(organisation_id: Uuid) -> Result<SupplierScorecard, AppError> {
    use crate::server::{access, context, qualification, scorecard};
    let user = access::require_user().await?;
    if !user.is_staff() {
        qualification::ensure_supplier_member(&user, organisation_id)?;
    }
    let pool = context::pool()?;
    ensure_supplier(&pool, organisation_id).await?;
    let now = time::OffsetDateTime::now_utc();
    Ok(scorecard::load_scorecard(&pool, organisation_id, now).await?)
}

/// Staff grant a membership tier (`regular`, `vip`, `strategic`); recorded in the audit trail.
#[server(prefix = "/api", endpoint = "scorecard/set_tier", input = Json)]
pub async fn set_tier(organisation_id: Uuid, tier: String) -> Result<SupplierScorecard, AppError> {
    use crate::server::{access, context, db, scorecard};
    use crate::types::scorecard::Tier;
    use crate::types::validation::FieldIssue;
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let tier =
        Tier::parse(tier.trim()).ok_or(AppError::field("tier", FieldIssue::InvalidChoice))?;
    let pool = context::pool()?;
    ensure_supplier(&pool, organisation_id).await?;
    let mut tx = pool.begin().await?;
    db::tier::set_tier(&mut *tx, organisation_id, tier, user.user_id).await?;
    let event = db::qualification::NewEvent {
        organisation_id,
        actor_id: user.user_id,
        action: "tier_granted",
        note: Some(tier.as_str()),
        status_after: None,
    };
    db::qualification::insert_event(&mut *tx, event).await?;
    tx.commit().await?;
    let now = time::OffsetDateTime::now_utc();
    Ok(scorecard::load_scorecard(&pool, organisation_id, now).await?)
}

/// The supplier's notices, newest first (its own members only).
#[server(prefix = "/api", endpoint = "scorecard/list_notifications", input = Json)]
pub async fn list_notifications(
    organisation_id: Uuid,
) -> Result<Vec<SupplierNotification>, AppError> {
    use crate::server::{access, context, db, qualification};
    let user = access::require_user().await?;
    qualification::ensure_supplier_member(&user, organisation_id)?;
    Ok(db::notification::list_notifications(&context::pool()?, organisation_id, 50).await?)
}

/// Marks the supplier's notices read; returns how many were unread.
#[server(prefix = "/api", endpoint = "scorecard/mark_notifications_read", input = Json)]
pub async fn mark_notifications_read(organisation_id: Uuid) -> Result<u64, AppError> {
    use crate::server::{access, context, db, qualification};
    let user = access::require_user().await?;
    qualification::ensure_supplier_member(&user, organisation_id)?;
    let now = time::OffsetDateTime::now_utc();
    Ok(db::notification::mark_all_read(&context::pool()?, organisation_id, now).await?)
}

/// `NotFound` unless `organisation_id` is a supplier organisation.
#[cfg(feature = "ssr")]
async fn ensure_supplier(pool: &sqlx::PgPool, organisation_id: Uuid) -> Result<(), AppError> {
    use crate::server::db;
    use crate::types::OrgKind;
    let head = db::qualification::find_head(pool, organisation_id).await?;
    match head {
        Some(head) if head.organisation_kind != OrgKind::Buyer.as_str() => Ok(()),
        _ => Err(AppError::NotFound),
    }
}

#[cfg(feature = "ssr")]
fn settings_view(settings: &crate::server::db::scorecard::Settings) -> ScoreSettings {
    ScoreSettings {
        weights: settings.weights.into(),
        thresholds: settings.thresholds.into(),
        changed_at: settings.changed_at,
    }
}
