//! Sample requests: a buyer asks for a sample of a listed offer; the supplier accepts with a
//! shipping reference or declines with a reason, once. Each step notifies the other side.

use crate::types::samples::SampleRequest;
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

/// How many requests a list shows (newest first).
pub const LIST_LIMIT: i64 = 200;

/// A buyer organisation's member asks for `quantity` (in the product's unit) of a sample of a
/// listed offer that provides samples.
#[server(prefix = "/api", endpoint = "samples/request_sample", input = Json)]
pub async fn request_sample(
    offer_id: Uuid,
    quantity: String,
    note: String,
) -> Result<SampleRequest, AppError> {
    use crate::server::{access, context, samples};
    use crate::types::money::{Money, SignRule};
    use crate::types::samples::MAX_NOTE;
    use crate::types::validation::{bounded_text, FieldErrors};
    let user = access::require_user().await?;
    samples::buyer_org(&user)?;
    let mut errors = FieldErrors::default();
    let quantity = errors.check(
        "quantity",
        Money::parse_amount(&quantity, SignRule::Positive).map_err(Into::into),
    );
    let note = errors.check("note", bounded_text(&note, 0, MAX_NOTE));
    let (Some(quantity), Some(note)) = (quantity, note) else {
        return Err(AppError::Validation { fields: errors });
    };
    samples::request(&context::pool()?, &user, offer_id, quantity, &note).await
}

/// The requests of the caller's buyer organisation, newest first.
#[server(prefix = "/api", endpoint = "samples/list_mine", input = Json)]
pub async fn list_mine() -> Result<Vec<SampleRequest>, AppError> {
    use crate::server::{access, context, db, samples};
    let user = access::require_user().await?;
    let (buyer_id, _) = samples::buyer_org(&user)?;
    Ok(db::sample_request::list_for_buyer(&context::pool()?, buyer_id, LIST_LIMIT).await?)
}

/// The requests made to a supplier organisation, newest first (its own members only).
#[server(prefix = "/api", endpoint = "samples/list_incoming", input = Json)]
pub async fn list_incoming(organisation_id: Uuid) -> Result<Vec<SampleRequest>, AppError> {
    use crate::server::{access, context, db, qualification};
    let user = access::require_user().await?;
    qualification::ensure_supplier_member(&user, organisation_id)?;
    let pool = context::pool()?;
    Ok(db::sample_request::list_for_supplier(&pool, organisation_id, LIST_LIMIT).await?)
}

/// The supplier accepts a request and says how the sample ships.
#[server(prefix = "/api", endpoint = "samples/accept", input = Json)]
pub async fn accept(
    request_id: Uuid,
    shipping_reference: String,
) -> Result<SampleRequest, AppError> {
    use crate::server::db::sample_request::Decision;
    use crate::server::{access, context, samples};
    use crate::types::samples::MAX_SHIPPING_REFERENCE;
    use crate::types::validation::bounded_text;
    let user = access::require_user().await?;
    let pool = context::pool()?;
    let request = samples::for_supplier(&pool, &user, request_id).await?;
    let shipping_reference = bounded_text(&shipping_reference, 1, MAX_SHIPPING_REFERENCE)
        .map_err(|issue| AppError::field("shipping_reference", issue))?;
    let decision = Decision::Accept {
        shipping_reference: &shipping_reference,
    };
    samples::decide(&pool, &user, request, decision).await
}

/// The supplier declines a request, saying why.
#[server(prefix = "/api", endpoint = "samples/decline", input = Json)]
pub async fn decline(request_id: Uuid, reason: String) -> Result<SampleRequest, AppError> {
    use crate::server::db::sample_request::Decision;
    use crate::server::{access, context, samples};
    use crate::types::samples::MAX_DECLINE_REASON;
    use crate::types::validation::bounded_text;
    let user = access::require_user().await?;
    let pool = context::pool()?;
    let request = samples::for_supplier(&pool, &user, request_id).await?;
    let reason = bounded_text(&reason, 1, MAX_DECLINE_REASON)
        .map_err(|issue| AppError::field("reason", issue))?;
    samples::decide(&pool, &user, request, Decision::Decline { reason: &reason }).await
}
