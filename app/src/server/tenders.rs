//! The tender server functions' bodies: creating drafts, publishing them to the invited
//! suppliers (through each lot's sequencer, which fixes the rules), cancelling, and reading.

use crate::error::ConflictReason;
use crate::rules::auction::Phase;
use crate::server::{context, db, eligibility, tender_input};
use crate::types::tender::{
    InvitedSupplier, TenderDetail, TenderInput, TenderRole, TenderStatus, TenderSummary,
};
use crate::types::{CurrentUser, FieldIssue};
use crate::AppError;
use sqlx::PgPool;
use uuid::Uuid;

/// The caller's buying organisation, or `Forbidden`.
fn buying_organisation(user: &CurrentUser) -> Result<Uuid, AppError> {
    match &user.organisation {
        Some(org) if org.kind.buys() => Ok(org.organisation_id),
        _ => Err(AppError::Forbidden),
    }
}

/// The tender's head and the caller's role in it; strangers get `NotFound`.
async fn access(
    pool: &PgPool,
    user: &CurrentUser,
    tender_id: Uuid,
) -> Result<(db::tender::TenderHead, TenderRole), AppError> {
    let head = db::tender::find_head(pool, tender_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if user.is_staff() {
        return Ok((head, TenderRole::Staff));
    }
    let own = user.organisation.as_ref().map(|org| org.organisation_id);
    if own == Some(head.buyer_organisation_id) {
        return Ok((head, TenderRole::Buyer));
    }
    match own {
        Some(org) if head.published && db::tender::is_invited(pool, tender_id, org).await? => {
            Ok((head, TenderRole::Supplier))
        }
        _ => Err(AppError::NotFound),
    }
}

async fn buyer_access(
    pool: &PgPool,
    user: &CurrentUser,
    tender_id: Uuid,
) -> Result<db::tender::TenderHead, AppError> {
    match access(pool, user, tender_id).await? {
        (head, TenderRole::Buyer) => Ok(head),
        (_, TenderRole::Staff) => Err(AppError::Forbidden),
        (_, TenderRole::Supplier) => Err(AppError::NotFound),
    }
}

pub async fn create(user: &CurrentUser, input: TenderInput) -> Result<TenderDetail, AppError> {
    let buyer = buying_organisation(user)?;
    let tender = tender_input::validate_tender(&input)?;
    let pool = context::pool()?;
    let suppliers = db::tender::supplier_organisations(&pool, Some(&tender.invited)).await?;
    if suppliers.len() != tender.invited.len() || tender.invited.contains(&buyer) {
        return Err(AppError::field(
            "invited_suppliers",
            FieldIssue::InvalidChoice,
        ));
    }
    let mut tx = pool.begin().await?;
    let tender_id = db::tender::insert_tender(&mut tx, buyer, user.user_id, &tender).await?;
    tx.commit().await?;
    detail(user, tender_id).await
}

pub async fn publish(user: &CurrentUser, tender_id: Uuid) -> Result<TenderDetail, AppError> {
    let pool = context::pool()?;
    let head = buyer_access(&pool, user, tender_id).await?;
    let lots = db::tender::lots(&pool, tender_id).await?;
    if lots.iter().any(|lot| lot.phase != Phase::Draft) {
        return Err(AppError::conflict(ConflictReason::LotPhase));
    }
    let now = crate::server::auction::now();
    if let Some(late) = lots.iter().find(|lot| lot.rules.closes_at <= now) {
        let field = format!("lots.{}.rules.closes_at", late.position.saturating_sub(1));
        return Err(AppError::field(&field, FieldIssue::InThePast));
    }
    // A supplier whose required bid bond is not lodged (or waived) may not bid yet.
    let invited: Vec<Uuid> = db::tender::invitations(&pool, tender_id)
        .await?
        .into_iter()
        .filter(|invited| db::tender::BOND_CLEARED.contains(&invited.bond_status.as_str()))
        .map(|invited| invited.organisation_id)
        .collect();
    let minimum_band = head
        .minimum_band
        .as_deref()
        .and_then(eligibility::parse_band);
    let mut conn = pool.acquire().await?;
    let eligible = eligibility::eligible_suppliers(&mut conn, &invited, minimum_band).await?;
    drop(conn);
    if eligible.is_empty() {
        return Err(AppError::conflict(ConflictReason::NoEligibleSuppliers));
    }
    let auctions = context::state()?.auctions;
    for lot in &lots {
        auctions
            .schedule(lot.lot_id, eligible.clone(), user.user_id)
            .await?;
    }
    db::tender::mark_published(&pool, tender_id).await?;
    detail(user, tender_id).await
}

/// The buyer records a supplier's bid bond as lodged or waived (or back to required).
pub async fn set_bond_status(
    user: &CurrentUser,
    tender_id: Uuid,
    supplier: Uuid,
    status: &str,
) -> Result<TenderDetail, AppError> {
    let pool = context::pool()?;
    let head = buyer_access(&pool, user, tender_id).await?;
    if head.bid_bond.is_none() || !["required", "lodged", "waived"].contains(&status) {
        return Err(AppError::field("status", FieldIssue::InvalidChoice));
    }
    if !db::tender::set_bond_status(&pool, tender_id, supplier, status).await? {
        return Err(AppError::field("supplier", FieldIssue::InvalidChoice));
    }
    detail(user, tender_id).await
}

pub async fn cancel(
    user: &CurrentUser,
    tender_id: Uuid,
    reason: &str,
) -> Result<TenderDetail, AppError> {
    let pool = context::pool()?;
    buyer_access(&pool, user, tender_id).await?;
    if reason.trim().is_empty() {
        return Err(AppError::field("reason", FieldIssue::Required));
    }
    let auctions = context::state()?.auctions;
    for lot in db::tender::lots(&pool, tender_id).await? {
        if !lot.phase.is_final() {
            auctions
                .cancel(lot.lot_id, reason.trim().to_owned(), user.user_id)
                .await?;
        }
    }
    detail(user, tender_id).await
}

pub async fn list(user: &CurrentUser) -> Result<Vec<TenderSummary>, AppError> {
    let pool = context::pool()?;
    let organisation = if user.is_staff() {
        None
    } else {
        Some(
            user.organisation
                .as_ref()
                .ok_or(AppError::Forbidden)?
                .organisation_id,
        )
    };
    Ok(db::tender::list(&pool, organisation).await?)
}

pub async fn detail(user: &CurrentUser, tender_id: Uuid) -> Result<TenderDetail, AppError> {
    let pool = context::pool()?;
    let (head, role) = access(&pool, user, tender_id).await?;
    let lots = db::tender::lots(&pool, tender_id).await?;
    let invited = match role {
        TenderRole::Supplier => Vec::new(),
        TenderRole::Buyer | TenderRole::Staff => {
            let minimum_band = head
                .minimum_band
                .as_deref()
                .and_then(eligibility::parse_band);
            with_eligibility(
                &pool,
                db::tender::invitations(&pool, tender_id).await?,
                minimum_band,
            )
            .await?
        }
    };
    let phases: Vec<Phase> = lots.iter().map(|lot| lot.phase).collect();
    Ok(TenderDetail {
        tender_id,
        reference: head.reference,
        title: head.title,
        description: head.description,
        buyer_organisation_id: head.buyer_organisation_id,
        buyer_name: head.buyer_name,
        currency: head.currency,
        minimum_band: head
            .minimum_band
            .as_deref()
            .and_then(eligibility::parse_band),
        bid_bond: head.bid_bond,
        status: TenderStatus::from_phases(&phases),
        role,
        invited,
        lots,
    })
}

async fn with_eligibility(
    pool: &PgPool,
    mut suppliers: Vec<InvitedSupplier>,
    minimum_band: Option<crate::rules::qualification::band::Band>,
) -> Result<Vec<InvitedSupplier>, AppError> {
    let ids: Vec<Uuid> = suppliers.iter().map(|s| s.organisation_id).collect();
    let mut conn = pool.acquire().await?;
    let eligible = eligibility::eligible_suppliers(&mut conn, &ids, minimum_band).await?;
    for supplier in &mut suppliers {
        supplier.eligible = eligible.contains(&supplier.organisation_id)
            && db::tender::BOND_CLEARED.contains(&supplier.bond_status.as_str());
    }
    Ok(suppliers)
}

pub async fn supplier_choices(user: &CurrentUser) -> Result<Vec<InvitedSupplier>, AppError> {
    let buyer = buying_organisation(user)?;
    let pool = context::pool()?;
    let suppliers = db::tender::supplier_organisations(&pool, None)
        .await?
        .into_iter()
        .filter(|(id, _)| *id != buyer)
        .map(|(organisation_id, name)| InvitedSupplier {
            organisation_id,
            name,
            bond_status: "not_required".to_owned(),
            eligible: false,
        })
        .collect();
    with_eligibility(&pool, suppliers, None).await
}
