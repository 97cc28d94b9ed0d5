//! The auction server functions' bodies: who the caller is to the lot, then a question to the
//! lot's sequencer or a read of its snapshot.

use super::{store, view, Auctions};
use crate::rules::audit_chain::{to_json_lines, verify};
use crate::server::{context, db};
use crate::types::tender::{AuditExport, AwardReceipt, BidReceipt, LotBoard};
use crate::types::CurrentUser;
use crate::AppError;
use sqlx::PgPool;
use uuid::Uuid;

/// How the caller relates to a lot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Viewer {
    /// A member of the buying organisation.
    Buyer,
    /// Platform staff: the buyer's view, names always shown (they supervise).
    Staff,
    /// An invited supplier organisation, once the tender is published.
    Supplier(Uuid),
}

/// Who the user is to the lot; strangers (and suppliers before publication) get `NotFound`.
pub async fn viewer_for(
    pool: &PgPool,
    user: &CurrentUser,
    lot_id: Uuid,
) -> Result<Viewer, AppError> {
    let tender_id = db::tender::tender_of_lot(pool, lot_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let head = db::tender::find_head(pool, tender_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if user.is_staff() {
        return Ok(Viewer::Staff);
    }
    let organisation = user
        .organisation
        .as_ref()
        .map(|org| org.organisation_id)
        .ok_or(AppError::NotFound)?;
    if organisation == head.buyer_organisation_id {
        return Ok(Viewer::Buyer);
    }
    if head.published && db::tender::is_invited(pool, tender_id, organisation).await? {
        return Ok(Viewer::Supplier(organisation));
    }
    Err(AppError::NotFound)
}

fn auctions() -> Result<Auctions, AppError> {
    Ok(context::state()?.auctions)
}

/// The names of the invited suppliers (shown to the buyer unless the auction is blind).
pub async fn bidder_names(pool: &PgPool, tender_id: Uuid) -> Result<Vec<(Uuid, String)>, AppError> {
    Ok(db::tender::invitations(pool, tender_id)
        .await?
        .into_iter()
        .map(|invited| (invited.organisation_id, invited.name))
        .collect())
}

pub async fn board(user: &CurrentUser, lot_id: Uuid) -> Result<LotBoard, AppError> {
    let pool = context::pool()?;
    let viewer = viewer_for(&pool, user, lot_id).await?;
    let handle = auctions()?.handle(lot_id).await?;
    let snapshot = handle.live.borrow().clone();
    let tender_id = db::tender::tender_of_lot(&pool, lot_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let head = db::tender::find_head(&pool, tender_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let lot = db::tender::lots(&pool, tender_id)
        .await?
        .into_iter()
        .find(|lot| lot.lot_id == lot_id)
        .ok_or(AppError::NotFound)?;
    let names = match viewer {
        Viewer::Supplier(_) => Vec::new(),
        _ => bidder_names(&pool, tender_id).await?,
    };
    let bids = store::bid_history(&pool, lot_id).await?;
    let rules = &snapshot.rules;
    Ok(LotBoard {
        lot_id,
        tender_id,
        tender_reference: head.reference,
        tender_title: head.title,
        lot_title: lot.title,
        specification: lot.specification,
        quantity: lot.quantity,
        unit: lot.unit,
        currency: head.currency,
        rules: rules.clone(),
        server_now: super::now(),
        view: view::board_view(viewer, rules, &snapshot.state, &names),
        feed: view::feed(viewer, rules, &snapshot.state, &snapshot.recent),
        history: view::history(viewer, rules, &bids),
    })
}

pub async fn bid(
    user: &CurrentUser,
    lot_id: Uuid,
    amount: &str,
    key: Uuid,
) -> Result<BidReceipt, AppError> {
    let organisation = user.organisation.as_ref().ok_or(AppError::Forbidden)?;
    if !organisation.kind.supplies() {
        return Err(AppError::Forbidden);
    }
    let command = super::work::BidCommand {
        supplier: organisation.organisation_id,
        account: user.user_id,
        amount: amount.to_owned(),
        key,
    };
    auctions()?
        .ask(lot_id, |reply| {
            super::sequencer::Command::Bid(command, reply)
        })
        .await
}

pub async fn award(
    user: &CurrentUser,
    lot_id: Uuid,
    supplier: Uuid,
    reason: Option<String>,
) -> Result<AwardReceipt, AppError> {
    let pool = context::pool()?;
    if viewer_for(&pool, user, lot_id).await? != Viewer::Buyer {
        return Err(AppError::Forbidden);
    }
    let account = user.user_id;
    auctions()?
        .ask(lot_id, |reply| super::sequencer::Command::Award {
            supplier,
            reason,
            account,
            reply,
        })
        .await
}

pub async fn export_audit(user: &CurrentUser, lot_id: Uuid) -> Result<AuditExport, AppError> {
    let pool = context::pool()?;
    if matches!(viewer_for(&pool, user, lot_id).await?, Viewer::Supplier(_)) {
        return Err(AppError::Forbidden);
    }
    let entries = store::audit_log(&pool, lot_id).await?;
    Ok(AuditExport {
        file_name: format!("lot-{lot_id}-audit.jsonl"),
        json_lines: to_json_lines(&entries),
        entries: entries.len() as u64,
        verified: verify(&entries).is_ok(),
        head_hash: entries.last().map(|e| e.hash.clone()).unwrap_or_default(),
    })
}
