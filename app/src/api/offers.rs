//! Supplier offers: save (new or edited, always to review first), list, read, withdraw, the
//! product picker, and CSV export and import (preview, then confirm).
//!
//! The import takes the file as multipart form data (`organisation_id`, then `file`), with its
//! own body limit of `offer_csv::MAX_CSV_BYTES` (2 MiB) instead of the 64 KiB of other calls.

use crate::types::catalog::compare::ProductHead;
use crate::types::catalog::{ImportReport, OfferInput, SupplierOffer};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{Json, MultipartData, MultipartFormData};
use uuid::Uuid;

/// Saves a supplier's offer as a pending revision: a new offer without `offer_id`, a new version
/// of it with one. Buyers keep seeing the approved version until staff approve the new one.
#[server(prefix = "/api", endpoint = "offers/save_offer", input = Json)]
pub async fn save_offer(
    organisation_id: Uuid,
    offer_id: Option<Uuid>,
    input: OfferInput,
) -> Result<SupplierOffer, AppError> {
    use crate::server::{access, context, offers};
    let user = access::require_user().await?;
    let today = time::OffsetDateTime::now_utc().date();
    let pool = context::pool()?;
    offers::save_offer(&pool, &user, organisation_id, offer_id, &input, today).await
}

/// The supplier's offers, most recently changed first (its own members only).
#[server(prefix = "/api", endpoint = "offers/list_my_offers", input = Json)]
pub async fn list_my_offers(organisation_id: Uuid) -> Result<Vec<SupplierOffer>, AppError> {
    use crate::server::{access, context, db, qualification};
    let user = access::require_user().await?;
    qualification::ensure_supplier_member(&user, organisation_id)?;
    Ok(db::offer::list_supplier_offers(&context::pool()?, organisation_id).await?)
}

/// One offer with its live and newest versions (the supplier's members, or staff).
#[server(prefix = "/api", endpoint = "offers/get_offer", input = Json)]
pub async fn get_offer(offer_id: Uuid) -> Result<SupplierOffer, AppError> {
    use crate::server::{access, context, db, offers};
    let user = access::require_user().await?;
    let pool = context::pool()?;
    offers::ensure_can_read(&pool, &user, offer_id).await?;
    db::offer::get_supplier_offer(&pool, offer_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The supplier takes an offer off the market: the listing goes at once, pending versions lapse.
/// Saving it again sends it back to review.
#[server(prefix = "/api", endpoint = "offers/withdraw_offer", input = Json)]
pub async fn withdraw_offer(offer_id: Uuid) -> Result<SupplierOffer, AppError> {
    use crate::server::{access, context, offers};
    let user = access::require_user().await?;
    offers::withdraw_offer(&context::pool()?, &user, offer_id).await
}

/// Approved products whose SKU or name contains `text`, for the offer form's product picker.
#[server(prefix = "/api", endpoint = "offers/product_choices", input = Json)]
pub async fn product_choices(text: String) -> Result<Vec<ProductHead>, AppError> {
    use crate::server::{access, context, db};
    access::require_user().await?;
    let text: String = text.trim().chars().take(100).collect();
    Ok(db::offer::product_choices(&context::pool()?, &text, 20).await?)
}

/// The supplier's offers as CSV (the newest version of each offer not withdrawn), in the format
/// `rules::catalog::offer_csv` describes; importing it back changes nothing.
#[server(prefix = "/api", endpoint = "offers/export_offers", input = Json)]
pub async fn export_offers(organisation_id: Uuid) -> Result<String, AppError> {
    use crate::rules::catalog::offer_csv::write_offers;
    use crate::server::{access, context, db, qualification};
    let user = access::require_user().await?;
    qualification::ensure_supplier_member(&user, organisation_id)?;
    let mut offers = db::offer::list_supplier_offers(&context::pool()?, organisation_id).await?;
    offers.retain(|offer| offer.withdrawn_at.is_none());
    offers.sort_by(|a, b| a.latest.reference.cmp(&b.latest.reference));
    let contents: Vec<_> = offers.into_iter().map(|offer| offer.latest).collect();
    Ok(write_offers(&contents))
}

/// What importing the uploaded CSV would do, row by row. Writes nothing.
#[server(prefix = "/api", endpoint = "offers/preview_import", input = MultipartFormData)]
pub async fn preview_import(data: MultipartData) -> Result<ImportReport, AppError> {
    import(data, false).await
}

/// Imports the uploaded CSV: every valid row that changes something becomes a pending revision,
/// all in one transaction; invalid rows are skipped and reported.
#[server(prefix = "/api", endpoint = "offers/import_offers", input = MultipartFormData)]
pub async fn import_offers(data: MultipartData) -> Result<ImportReport, AppError> {
    import(data, true).await
}

#[cfg(feature = "ssr")]
async fn import(data: MultipartData, confirm: bool) -> Result<ImportReport, AppError> {
    use crate::server::{access, context, offer_import};
    let user = access::require_user().await?;
    let upload = offer_import::read_upload(&user, data).await?;
    let today = time::OffsetDateTime::now_utc().date();
    offer_import::import(&context::pool()?, &user, upload, today, confirm).await
}
