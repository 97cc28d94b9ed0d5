//! Price alerts: a buyer watches a product's landed unit cost (at a quantity, to a destination,
//! in a currency) and is notified once when an approved offer falls to or below the target.

use crate::types::alerts::{AlertInput, PriceAlert};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

/// Most alerts one person keeps (each is priced every minute).
pub const MAX_ALERTS: usize = 100;

/// A buyer organisation's member creates an alert. It is checked at once, so a target the
/// market already meets fires now rather than at the next sweep.
#[server(prefix = "/api", endpoint = "alerts/create_alert", input = Json)]
pub async fn create_alert(input: AlertInput) -> Result<PriceAlert, AppError> {
    use crate::server::db::price_alert::NewAlert;
    use crate::server::{access, context, db, price_alerts, samples};
    use crate::types::catalog::Region;
    use crate::types::money::{Currency, Money, SignRule};
    use crate::types::validation::{FieldErrors, FieldIssue};
    let user = access::require_user().await?;
    let (buyer_id, _) = samples::buyer_org(&user)?;
    let mut errors = FieldErrors::default();
    let amount = |raw: &str| Money::parse_amount(raw, SignRule::Positive).map_err(Into::into);
    let quantity = errors.check("quantity", amount(&input.quantity));
    let destination = errors.check("destination", Region::parse(&input.destination));
    let currency = errors.check("currency", Currency::parse(&input.currency));
    let target = errors.check("target_unit_cost", amount(&input.target_unit_cost));
    let pool = context::pool()?;
    if db::price_alert::approved_product(&pool, input.product_id)
        .await?
        .is_none()
    {
        errors.add("product_id", FieldIssue::InvalidChoice);
    }
    let (Some(quantity), Some(destination), Some(currency), Some(target)) =
        (quantity, destination, currency, target)
    else {
        return Err(AppError::Validation { fields: errors });
    };
    errors.into_result()?;
    if db::price_alert::count_for_account(&pool, user.user_id).await? >= MAX_ALERTS as i64 {
        let max = MAX_ALERTS;
        return Err(AppError::field(
            "product_id",
            FieldIssue::TooManyItems { max },
        ));
    }
    let alert_id = Uuid::now_v7();
    let new = NewAlert {
        alert_id,
        buyer_id,
        account_id: user.user_id,
        product_id: input.product_id,
        quantity,
        destination,
        currency,
        target_unit_cost: target,
    };
    db::price_alert::insert_alert(&pool, &new).await?;
    let today = time::OffsetDateTime::now_utc().date();
    price_alerts::check_product(&pool, input.product_id, today).await?;
    db::price_alert::list_for_account(&pool, user.user_id, MAX_ALERTS as i64)
        .await?
        .into_iter()
        .find(|alert| alert.alert_id == alert_id)
        .ok_or(AppError::NotFound)
}

/// The caller's own alerts, newest first.
#[server(prefix = "/api", endpoint = "alerts/list_alerts", input = Json)]
pub async fn list_alerts() -> Result<Vec<PriceAlert>, AppError> {
    use crate::server::{access, context, db, samples};
    let user = access::require_user().await?;
    samples::buyer_org(&user)?;
    let pool = context::pool()?;
    Ok(db::price_alert::list_for_account(&pool, user.user_id, MAX_ALERTS as i64).await?)
}

/// Deletes one of the caller's alerts (someone else's answers `NotFound`).
#[server(prefix = "/api", endpoint = "alerts/delete_alert", input = Json)]
pub async fn delete_alert(alert_id: Uuid) -> Result<(), AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    if db::price_alert::delete_alert(&context::pool()?, alert_id, user.user_id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
