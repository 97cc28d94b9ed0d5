//! Server side of supplier offers: who may offer, the listing filter over an offer's texts, and
//! saving a submission as a pending revision (never touching the live listing).

use crate::rules::catalog::moderation::{screen, Term};
use crate::rules::catalog::offer::parse_offer;
use crate::server::db;
use crate::server::error::violated_constraint;
use crate::server::{eligibility, qualification};
use crate::types::catalog::{OfferContent, OfferInput, SupplierOffer};
use crate::types::{CurrentUser, FieldErrors, FieldIssue};
use crate::AppError;
use sqlx::{PgPool, Postgres, Transaction};
use time::Date;
use uuid::Uuid;

/// The user belongs to the supplier `organisation_id` (else 404) and the supplier may trade:
/// approved in qualification and not in the blocked band (else 403), as for tenders.
pub async fn ensure_can_offer(
    pool: &PgPool,
    user: &CurrentUser,
    organisation_id: Uuid,
) -> Result<(), AppError> {
    qualification::ensure_supplier_member(user, organisation_id)?;
    let eligible = eligibility::eligible_suppliers(pool, &[organisation_id], None).await?;
    if eligible.contains(&organisation_id) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The user may read the offer: a member of its supplier, or staff. Anyone else gets 404.
pub async fn ensure_can_read(
    pool: &PgPool,
    user: &CurrentUser,
    offer_id: Uuid,
) -> Result<Uuid, AppError> {
    let supplier_id = db::offer::offer_supplier(pool, offer_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !user.is_staff() {
        qualification::ensure_supplier_member(user, supplier_id)?;
    }
    Ok(supplier_id)
}

/// Runs the listing filter over the offer's own words: sensitive words refuse the field they are
/// in; claim words come back to be flagged for the reviewer.
pub fn screen_offer(content: &OfferContent, terms: &[Term]) -> Result<Vec<String>, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut flagged = Vec::new();
    for (field, text) in [
        ("description", content.description.as_str()),
        ("reference", content.reference.as_str()),
    ] {
        let found = screen(&[text], terms);
        if !found.blocked.is_empty() {
            errors.add(
                field,
                FieldIssue::BlockedWords {
                    words: found.blocked,
                },
            );
        }
        for term in found.flagged {
            if !flagged.contains(&term) {
                flagged.push(term);
            }
        }
    }
    if errors.is_empty() {
        Ok(flagged)
    } else {
        Err(errors)
    }
}

/// Saves a supplier's form: a new offer, or a new pending revision of `offer_id`. Earlier pending
/// revisions of the offer are superseded; the live listing stays as it is until staff approve.
pub async fn save_offer(
    pool: &PgPool,
    user: &CurrentUser,
    organisation_id: Uuid,
    offer_id: Option<Uuid>,
    input: &OfferInput,
    today: Date,
) -> Result<SupplierOffer, AppError> {
    ensure_can_offer(pool, user, organisation_id).await?;
    if let Some(offer_id) = offer_id {
        // Another supplier's offer is not found, whatever the input.
        let owner = db::offer::offer_supplier(pool, offer_id).await?;
        if owner != Some(organisation_id) {
            return Err(AppError::NotFound);
        }
    }
    let content = parse_offer(input, today).map_err(|fields| AppError::Validation { fields })?;
    let terms = db::moderation::terms(pool).await?;
    let flagged =
        screen_offer(&content, &terms).map_err(|fields| AppError::Validation { fields })?;
    let mut tx = pool.begin().await?;
    db::offer::lock_supplier_offers(&mut *tx, organisation_id).await?;
    let product =
        db::offer::approved_products(&mut *tx, std::slice::from_ref(&content.product_sku))
            .await?
            .pop()
            .ok_or_else(|| AppError::field("product_sku", FieldIssue::InvalidChoice))?;
    let offer_id = match offer_id {
        None => {
            let offer_id = Uuid::now_v7();
            db::offer::insert_offer(
                &mut *tx,
                offer_id,
                product.product_id,
                organisation_id,
                &content.reference,
            )
            .await
            .map_err(reference_taken)?;
            offer_id
        }
        Some(offer_id) => {
            let head = db::offer::lock_offer(&mut *tx, offer_id)
                .await?
                .filter(|head| head.supplier_id == organisation_id)
                .ok_or(AppError::NotFound)?;
            if head.product_id != product.product_id {
                return Err(AppError::field("product_sku", FieldIssue::CannotChange));
            }
            resubmit(&mut tx, offer_id, &content.reference).await?;
            offer_id
        }
    };
    let revision = db::offer::NewRevision {
        revision_id: Uuid::now_v7(),
        offer_id,
        content: &content,
        flagged_terms: &flagged,
        submitted_by: user.user_id,
    };
    db::offer::insert_revision(&mut *tx, revision).await?;
    tx.commit().await?;
    db::offer::get_supplier_offer(pool, offer_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// An existing offer gets a new submission: its reference follows the content, and pending
/// revisions give way to the new one.
pub async fn resubmit(
    tx: &mut Transaction<'_, Postgres>,
    offer_id: Uuid,
    reference: &str,
) -> Result<(), AppError> {
    db::offer::resubmit_offer(&mut **tx, offer_id, reference)
        .await
        .map_err(reference_taken)?;
    db::offer::supersede_pending(&mut **tx, offer_id).await?;
    Ok(())
}

/// The supplier withdraws an offer: buyers stop seeing it at once, pending revisions lapse.
pub async fn withdraw_offer(
    pool: &PgPool,
    user: &CurrentUser,
    offer_id: Uuid,
) -> Result<SupplierOffer, AppError> {
    let supplier_id = db::offer::offer_supplier(pool, offer_id)
        .await?
        .ok_or(AppError::NotFound)?;
    qualification::ensure_supplier_member(user, supplier_id)?;
    let mut tx = pool.begin().await?;
    let head = db::offer::lock_offer(&mut *tx, offer_id)
        .await?
        .ok_or(AppError::NotFound)?;
    db::offer::delete_listing(&mut *tx, offer_id).await?;
    db::offer::mark_withdrawn(&mut *tx, offer_id).await?;
    db::offer::supersede_pending(&mut *tx, offer_id).await?;
    tx.commit().await?;
    after_listing_change(pool, head.product_id).await;
    db::offer::get_supplier_offer(pool, offer_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Runs the catalog hook after a committed listing change; a failure is logged, not returned.
pub async fn after_listing_change(pool: &PgPool, product_id: Uuid) {
    if let Err(error) = crate::server::catalog_hooks::after_listing_change(pool, product_id).await {
        tracing::error!(%product_id, ?error, "the catalog hook after a listing change failed");
    }
}

/// The reference's uniqueness per supplier, as a field error.
fn reference_taken(error: sqlx::Error) -> AppError {
    if violated_constraint(&error) == Some("offer_reference_key") {
        AppError::field("reference", FieldIssue::Duplicate)
    } else {
        error.into()
    }
}
