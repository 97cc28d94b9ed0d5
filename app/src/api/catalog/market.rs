//! The staff market tables landed costs are computed from: dated exchange rates (history kept,
//! a later date supersedes), freight by incoterm and lane, duty by category and destination.
//! Anyone signed in reads them (the comparison explains its numbers with them); staff write.

use crate::types::catalog::compare::{DutyEntry, FreightEntry};
use crate::types::catalog::manage::FxRateEntry;
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

/// Every exchange rate, per pair newest first, with whether it is in force today.
#[server(prefix = "/api", endpoint = "catalog/list_fx_rates", input = Json)]
pub async fn list_fx_rates() -> Result<Vec<FxRateEntry>, AppError> {
    use crate::server::{access, context, db, market_tables as market};
    access::require_user().await?;
    let rows = db::catalog::market::list_fx_rates(&context::pool()?).await?;
    Ok(market::rate_entries(rows, market::today()))
}

/// Adds a rate from `valid_from` on (staff). Rates already in force are history and are never
/// overwritten: a correction is a new rate from today. A rate dated in the past is refused for
/// the same reason; a scheduled (future) rate of the same date is replaced.
#[server(prefix = "/api", endpoint = "catalog/save_fx_rate", input = Json)]
pub async fn save_fx_rate(
    base: String,
    quote: String,
    rate: String,
    valid_from: String,
) -> Result<Vec<FxRateEntry>, AppError> {
    use crate::rules::catalog::market_input::parse_fx_rate;
    use crate::server::{access, context, db, market_tables as market};
    use crate::types::FieldIssue;
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let parsed = parse_fx_rate(&base, &quote, &rate, &valid_from)
        .map_err(|fields| AppError::Validation { fields })?;
    let today = market::today();
    if parsed.valid_from < today {
        return Err(AppError::field("valid_from", FieldIssue::InThePast));
    }
    let pool = context::pool()?;
    let saved = db::catalog::market::save_fx_rate(&pool, &parsed, today, user.user_id).await?;
    if !saved {
        return Err(AppError::field("valid_from", FieldIssue::Duplicate));
    }
    crate::server::catalog_index::announce(crate::server::catalog_index::Change::Tables).await?;
    list_fx_rates().await
}

/// Every freight lane.
#[server(prefix = "/api", endpoint = "catalog/list_freight", input = Json)]
pub async fn list_freight() -> Result<Vec<FreightEntry>, AppError> {
    use crate::server::{access, context, db};
    access::require_user().await?;
    Ok(db::catalog::market::list_freight(&context::pool()?).await?)
}

/// Adds or replaces the freight of a lane (staff): incoterm EXW, FCA or FOB (the others include
/// carriage), origin and destination region, `per_unit` or `per_shipment`, amount and currency.
#[server(prefix = "/api", endpoint = "catalog/save_freight", input = Json)]
pub async fn save_freight(
    incoterm: String,
    origin_region: String,
    destination_region: String,
    basis: String,
    amount: String,
    currency: String,
) -> Result<Vec<FreightEntry>, AppError> {
    use crate::rules::catalog::market_input::{parse_freight, FreightForm};
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let form = FreightForm {
        incoterm: &incoterm,
        origin_region: &origin_region,
        destination_region: &destination_region,
        basis: &basis,
        amount: &amount,
        currency: &currency,
    };
    let entry = parse_freight(form).map_err(|fields| AppError::Validation { fields })?;
    let pool = context::pool()?;
    db::catalog::market::save_freight(&pool, &entry, user.user_id).await?;
    crate::server::catalog_index::announce(crate::server::catalog_index::Change::Tables).await?;
    Ok(db::catalog::market::list_freight(&pool).await?)
}

/// Removes a freight lane (staff).
#[server(prefix = "/api", endpoint = "catalog/delete_freight", input = Json)]
pub async fn delete_freight(
    incoterm: String,
    origin_region: String,
    destination_region: String,
) -> Result<Vec<FreightEntry>, AppError> {
    use crate::rules::catalog::market_input::parse_lane;
    use crate::server::{access, context, db};
    use crate::types::FieldErrors;
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let mut errors = FieldErrors::default();
    let lane = parse_lane(&mut errors, &incoterm, &origin_region, &destination_region);
    errors.into_result()?;
    let (incoterm, origin, destination) = lane.ok_or(AppError::NotFound)?;
    let pool = context::pool()?;
    if !db::catalog::market::delete_freight(&pool, incoterm, origin, destination).await? {
        return Err(AppError::NotFound);
    }
    crate::server::catalog_index::announce(crate::server::catalog_index::Change::Tables).await?;
    Ok(db::catalog::market::list_freight(&pool).await?)
}

/// Every duty entry.
#[server(prefix = "/api", endpoint = "catalog/list_duty", input = Json)]
pub async fn list_duty() -> Result<Vec<DutyEntry>, AppError> {
    use crate::server::{access, context, db};
    access::require_user().await?;
    Ok(db::catalog::market::list_duty(&context::pool()?).await?)
}

/// Sets the duty, in percent of the customs value, for a category entering a region (staff).
#[server(prefix = "/api", endpoint = "catalog/save_duty", input = Json)]
pub async fn save_duty(
    category_id: Uuid,
    destination_region: String,
    percent: String,
) -> Result<Vec<DutyEntry>, AppError> {
    use crate::rules::catalog::market_input::parse_duty_percent;
    use crate::server::{access, context, db};
    use crate::types::catalog::Region;
    use crate::types::{FieldErrors, FieldIssue};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let mut errors = FieldErrors::default();
    let region = errors.check("destination_region", Region::parse(&destination_region));
    let percent = errors.check("percent", parse_duty_percent(&percent));
    let pool = context::pool()?;
    if db::catalog::find_category(&pool, category_id)
        .await?
        .is_none()
    {
        errors.add("category_id", FieldIssue::InvalidChoice);
    }
    errors.into_result()?;
    let (Some(region), Some(percent)) = (region, percent) else {
        return Err(AppError::NotFound);
    };
    db::catalog::market::save_duty(&pool, category_id, region, percent, user.user_id).await?;
    crate::server::catalog_index::announce(crate::server::catalog_index::Change::Tables).await?;
    Ok(db::catalog::market::list_duty(&pool).await?)
}

/// Removes a duty entry (staff).
#[server(prefix = "/api", endpoint = "catalog/delete_duty", input = Json)]
pub async fn delete_duty(
    category_id: Uuid,
    destination_region: String,
) -> Result<Vec<DutyEntry>, AppError> {
    use crate::server::{access, context, db};
    use crate::types::catalog::Region;
    use crate::types::FieldIssue;
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let region = Region::parse(&destination_region)
        .map_err(|issue: FieldIssue| AppError::field("destination_region", issue))?;
    let pool = context::pool()?;
    if !db::catalog::market::delete_duty(&pool, category_id, region).await? {
        return Err(AppError::NotFound);
    }
    crate::server::catalog_index::announce(crate::server::catalog_index::Change::Tables).await?;
    Ok(db::catalog::market::list_duty(&pool).await?)
}
