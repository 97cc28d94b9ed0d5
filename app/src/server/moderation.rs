//! Staff decisions in listing moderation. Approving an offer revision makes it the listing buyers
//! see, in one transaction with the superseding of the previous version and the supplier's
//! notice; rejecting keeps whatever was live before and tells the supplier why.

use crate::error::ConflictReason;
use crate::server::db;
use crate::server::db::offer_review::ListingRow;
use crate::server::offers::after_listing_change;
use crate::types::catalog::{
    ModerationDetail, ModerationItem, ModerationKind, ModerationSubject, ReviewStatus,
};
use crate::types::{CurrentUser, FieldIssue};
use crate::AppError;
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

/// Longest rejection reason.
pub const MAX_REASON_CHARS: usize = 1000;

/// A reviewer's decision: approve, or reject with the reason the supplier reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject { reason: String },
}

impl Decision {
    /// A rejection needs a reason (1–1000 characters, trimmed).
    pub fn reject(reason: &str) -> Result<Decision, AppError> {
        crate::types::validation::bounded_text(reason, 1, MAX_REASON_CHARS)
            .map(|reason| Decision::Reject { reason })
            .map_err(|issue: FieldIssue| AppError::field("reason", issue))
    }

    fn status(&self) -> ReviewStatus {
        match self {
            Decision::Approve => ReviewStatus::Approved,
            Decision::Reject { .. } => ReviewStatus::Rejected,
        }
    }

    fn reason(&self) -> Option<&str> {
        match self {
            Decision::Approve => None,
            Decision::Reject { reason } => Some(reason),
        }
    }

    fn notice_kind(&self) -> &'static str {
        match self {
            Decision::Approve => "listing_approved",
            Decision::Reject { .. } => "listing_rejected",
        }
    }
}

/// Decides a pending submission; a submission already decided is a 409.
pub async fn decide(
    pool: &PgPool,
    reviewer: &CurrentUser,
    kind: ModerationKind,
    id: Uuid,
    decision: Decision,
) -> Result<ModerationDetail, AppError> {
    match kind {
        ModerationKind::Offer => decide_revision(pool, reviewer, id, &decision).await?,
        ModerationKind::Product => decide_product(pool, reviewer, id, &decision).await?,
    }
    detail(pool, kind, id).await
}

async fn decide_revision(
    pool: &PgPool,
    reviewer: &CurrentUser,
    revision_id: Uuid,
    decision: &Decision,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let status = db::offer_review::lock_revision(&mut *tx, revision_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if status != ReviewStatus::Pending {
        return Err(AppError::conflict(ConflictReason::AlreadyReviewed));
    }
    let revision = db::offer_review::revision_for_review(&mut *tx, revision_id)
        .await?
        .ok_or(AppError::NotFound)?;
    db::offer_review::decide_revision(
        &mut *tx,
        revision_id,
        decision.status(),
        decision.reason(),
        reviewer.user_id,
    )
    .await?;
    if *decision == Decision::Approve {
        db::offer_review::supersede_approved(&mut *tx, revision.offer_id, revision_id).await?;
        let listing = ListingRow {
            offer_id: revision.offer_id,
            revision_id,
            product_id: revision.product.product_id,
            category_id: revision.category_id,
            supplier_id: revision.supplier_id,
            content: &revision.content,
        };
        db::offer_review::upsert_listing(&mut *tx, listing).await?;
    }
    let payload = json!({
        "subject": "offer",
        "offer_id": revision.offer_id,
        "revision_id": revision_id,
        "product_sku": revision.product.sku,
        "reference": revision.content.reference,
        "reason": decision.reason(),
    });
    db::moderation::notify_account(
        &mut *tx,
        revision.submitted_by,
        decision.notice_kind(),
        &payload,
    )
    .await?;
    tx.commit().await?;
    if *decision == Decision::Approve {
        after_listing_change(pool, revision.product.product_id).await;
    }
    Ok(())
}

async fn decide_product(
    pool: &PgPool,
    reviewer: &CurrentUser,
    product_id: Uuid,
    decision: &Decision,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let status = db::moderation::lock_product(&mut *tx, product_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if status != ReviewStatus::Pending {
        return Err(AppError::conflict(ConflictReason::AlreadyReviewed));
    }
    let product = db::moderation::product_for_review(&mut *tx, product_id)
        .await?
        .ok_or(AppError::NotFound)?;
    db::moderation::decide_product(
        &mut *tx,
        product_id,
        decision.status(),
        decision.reason(),
        reviewer.user_id,
    )
    .await?;
    // A proposal belongs to an organisation, not a person: its admins hear of the decision.
    if let Some(organisation_id) = product.proposed_by {
        let payload = json!({
            "subject": "product",
            "product_id": product_id,
            "product_sku": product.product.sku,
            "reason": decision.reason(),
        });
        for account_id in db::moderation::organisation_admins(&mut *tx, organisation_id).await? {
            db::moderation::notify_account(&mut *tx, account_id, decision.notice_kind(), &payload)
                .await?;
        }
    }
    tx.commit().await?;
    // An approved product becomes visible to buyers (the hook covers a product and its listings).
    if *decision == Decision::Approve {
        after_listing_change(pool, product_id).await;
    }
    Ok(())
}

/// A submission in full (any status), for the reviewer.
pub async fn detail(
    pool: &PgPool,
    kind: ModerationKind,
    id: Uuid,
) -> Result<ModerationDetail, AppError> {
    match kind {
        ModerationKind::Offer => {
            let revision = db::offer_review::revision_for_review(pool, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let item = ModerationItem {
                kind,
                id,
                supplier_id: Some(revision.supplier_id),
                supplier_name: Some(revision.supplier_name),
                title: format!("{} · {}", revision.product.sku, revision.content.reference),
                flagged_terms: revision.flagged_terms,
                submitted_at: revision.submitted_at,
            };
            Ok(ModerationDetail {
                item,
                status: revision.status,
                review_reason: revision.review_reason,
                subject: ModerationSubject::Offer {
                    product: revision.product,
                    proposed: Box::new(revision.content),
                    live: revision.live.map(Box::new),
                },
            })
        }
        ModerationKind::Product => {
            let found = db::moderation::product_for_review(pool, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let item = ModerationItem {
                kind,
                id,
                supplier_id: found.proposed_by,
                supplier_name: found.supplier_name,
                title: format!("{} · {}", found.product.sku, found.product.name_en),
                flagged_terms: found.flagged_terms,
                submitted_at: found.created_at,
            };
            Ok(ModerationDetail {
                item,
                status: found.product.status,
                review_reason: found.product.review_reason.clone(),
                subject: ModerationSubject::Product {
                    product: found.product,
                    category_name_en: found.category_name_en,
                    category_name_zh: found.category_name_zh,
                },
            })
        }
    }
}
