//! The live lots of a tender: the board snapshot, bids, the award and the audit export. Live
//! updates follow on the WebSocket `/ws/lots/<lot_id>?after=<sequence>` (see the server).

use crate::types::tender::{AuditExport, AwardReceipt, BidReceipt, LotBoard};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

/// Everything the bidding board draws, cut to what the caller may see.
#[server(prefix = "/api", endpoint = "lots/board", input = Json)]
pub async fn load_board(lot_id: Uuid) -> Result<LotBoard, AppError> {
    use crate::server::{access, auction};
    let user = access::require_user().await?;
    auction::board(&user, lot_id).await
}

/// Places a bid. `amount` is what the supplier typed; `idempotency_key` is fresh per bid the
/// supplier means to place and reused on retries, which get the first answer again. Answered
/// only once the bid is stored durably.
#[server(prefix = "/api", endpoint = "lots/bid", input = Json)]
pub async fn place_bid(
    lot_id: Uuid,
    amount: String,
    idempotency_key: Uuid,
) -> Result<BidReceipt, AppError> {
    use crate::server::{access, auction};
    let user = access::require_user_cached().await?;
    auction::bid(&user, lot_id, &amount, idempotency_key).await
}

/// Awards a closed lot to a bidder (rank 1, or another rank with a reason) and creates the
/// winner's order draft. Members of the buying organisation.
#[server(prefix = "/api", endpoint = "lots/award", input = Json)]
pub async fn award_lot(
    lot_id: Uuid,
    supplier: Uuid,
    reason: Option<String>,
) -> Result<AwardReceipt, AppError> {
    use crate::server::{access, auction};
    let user = access::require_user().await?;
    auction::award(&user, lot_id, supplier, reason).await
}

/// The lot's hash-chained audit log as JSON lines, verified on export (buyer and staff).
#[server(prefix = "/api", endpoint = "lots/audit_export", input = Json)]
pub async fn export_audit(lot_id: Uuid) -> Result<AuditExport, AppError> {
    use crate::server::{access, auction};
    let user = access::require_user().await?;
    auction::export_audit(&user, lot_id).await
}
