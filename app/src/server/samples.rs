//! Sample requests on the server: who may ask and decide, and each step written together with
//! the notice and e-mail to the other side (one transaction, so neither is lost nor doubled).

use crate::error::ConflictReason;
use crate::server::db;
use crate::server::db::sample_request::{Decision, NewSampleRequest};
use crate::types::notice::{Notice, NoticeProduct};
use crate::types::samples::{SampleRequest, SampleStatus};
use crate::types::{CurrentUser, OrgKind};
use crate::AppError;
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

/// The caller's organisation if it buys; a supplier-only organisation or staff may not.
pub fn buyer_org(user: &CurrentUser) -> Result<(Uuid, &str), AppError> {
    match &user.organisation {
        Some(org) if matches!(org.kind, OrgKind::Buyer | OrgKind::Both) => {
            Ok((org.organisation_id, org.name.as_str()))
        }
        _ => Err(AppError::Forbidden),
    }
}

/// Stores a request for a sample of the listed offer `offer_id` and tells the supplier's admins.
pub async fn request(
    pool: &PgPool,
    user: &CurrentUser,
    offer_id: Uuid,
    quantity: Decimal,
    note: &str,
) -> Result<SampleRequest, AppError> {
    let (buyer_id, buyer_name) = buyer_org(user)?;
    let offer = db::sample_request::listed_offer(pool, offer_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if offer.supplier_id == buyer_id {
        // An organisation that both buys and sells does not sample its own goods.
        return Err(AppError::Forbidden);
    }
    if !offer.sample_available {
        return Err(AppError::conflict(ConflictReason::SampleUnavailable));
    }
    let request_id = Uuid::now_v7();
    let notice = Notice::SampleRequested {
        request_id,
        product: offer.product,
        offer_id,
        buyer_name: buyer_name.to_owned(),
        quantity,
    };
    let mut tx = pool.begin().await?;
    let new = NewSampleRequest {
        request_id,
        offer_id,
        buyer_id,
        supplier_id: offer.supplier_id,
        requested_by: user.user_id,
        quantity,
        note,
    };
    db::sample_request::insert_request(&mut *tx, &new).await?;
    db::account_notification::insert_for_admins(&mut *tx, offer.supplier_id, &notice).await?;
    let email = serde_json::to_value(&notice)
        .map_err(|e| crate::server::error::internal(e, "encoding the sample notice"))?;
    let template = notice.kind().as_str();
    db::notification::queue_email_to_admins(&mut *tx, offer.supplier_id, template, email).await?;
    tx.commit().await?;
    load(pool, request_id).await
}

/// The request `request_id` if the caller belongs to its supplier organisation (`NotFound`
/// otherwise: others must not learn it exists).
pub async fn for_supplier(
    pool: &PgPool,
    user: &CurrentUser,
    request_id: Uuid,
) -> Result<SampleRequest, AppError> {
    let request = db::sample_request::find_request(pool, request_id)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::server::qualification::ensure_supplier_member(user, request.supplier_id)?;
    Ok(request)
}

/// The supplier's decision on `request`, once; tells the buyer who asked.
pub async fn decide(
    pool: &PgPool,
    user: &CurrentUser,
    request: SampleRequest,
    decision: Decision<'_>,
) -> Result<SampleRequest, AppError> {
    if request.status != SampleStatus::Requested {
        return Err(AppError::conflict(ConflictReason::SampleDecided));
    }
    let product = NoticeProduct {
        product_id: request.product_id,
        sku: request.sku.clone(),
        name_en: request.product_name_en.clone(),
        name_zh: request.product_name_zh.clone(),
    };
    let (request_id, supplier_name) = (request.request_id, request.supplier_name.clone());
    let notice = match decision {
        Decision::Accept { shipping_reference } => Notice::SampleAccepted {
            request_id,
            product,
            supplier_name,
            shipping_reference: shipping_reference.to_owned(),
        },
        Decision::Decline { reason } => Notice::SampleDeclined {
            request_id,
            product,
            supplier_name,
            reason: reason.to_owned(),
        },
    };
    let mut tx = pool.begin().await?;
    let now = time::OffsetDateTime::now_utc();
    let requested_by =
        db::sample_request::decide(&mut *tx, request_id, decision, user.user_id, now).await?;
    let Some(account_id) = requested_by else {
        return Err(AppError::conflict(ConflictReason::SampleDecided));
    };
    db::account_notification::insert_for_account(&mut *tx, account_id, &notice).await?;
    db::account_notification::queue_email_to_account(&mut *tx, account_id, &notice).await?;
    tx.commit().await?;
    load(pool, request_id).await
}

async fn load(pool: &PgPool, request_id: Uuid) -> Result<SampleRequest, AppError> {
    db::sample_request::find_request(pool, request_id)
        .await?
        .ok_or(AppError::NotFound)
}
