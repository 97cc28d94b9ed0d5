//! Tenders: the buyer creates, publishes and cancels them; invited suppliers and staff read them.
//! The lots' live bidding is in [`super::lots`].

use crate::types::tender::{InvitedSupplier, TenderDetail, TenderInput, TenderSummary};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

/// Creates a draft tender with its lots (members of a buying organisation).
#[server(prefix = "/api", endpoint = "tenders/create", input = Json)]
pub async fn create_tender(input: TenderInput) -> Result<TenderDetail, AppError> {
    use crate::server::{access, tenders};
    let user = access::require_user().await?;
    tenders::create(&user, input).await
}

/// Publishes a draft: its lots become scheduled and their rule sets are fixed from now on.
#[server(prefix = "/api", endpoint = "tenders/publish", input = Json)]
pub async fn publish_tender(tender_id: Uuid) -> Result<TenderDetail, AppError> {
    use crate::server::{access, tenders};
    let user = access::require_user().await?;
    tenders::publish(&user, tender_id).await
}

/// Records an invited supplier's bid bond as `lodged`, `waived` or `required` again (buyer).
/// Until it is lodged or waived, a supplier invited to a tender with a bond may not bid.
#[server(prefix = "/api", endpoint = "tenders/set_bond_status", input = Json)]
pub async fn set_bond_status(
    tender_id: Uuid,
    supplier: Uuid,
    status: String,
) -> Result<TenderDetail, AppError> {
    use crate::server::{access, tenders};
    let user = access::require_user().await?;
    tenders::set_bond_status(&user, tender_id, supplier, &status).await
}

/// Cancels every unfinished lot of a tender, with a reason the suppliers read.
#[server(prefix = "/api", endpoint = "tenders/cancel", input = Json)]
pub async fn cancel_tender(tender_id: Uuid, reason: String) -> Result<TenderDetail, AppError> {
    use crate::server::{access, tenders};
    let user = access::require_user().await?;
    tenders::cancel(&user, tender_id, &reason).await
}

/// The tenders the caller may see: their organisation's (buyers), those they are invited to
/// (suppliers, drafts excluded), every tender (staff). Newest first.
#[server(prefix = "/api", endpoint = "tenders/list", input = Json)]
pub async fn list_tenders() -> Result<Vec<TenderSummary>, AppError> {
    use crate::server::{access, tenders};
    let user = access::require_user().await?;
    tenders::list(&user).await
}

/// One tender with its lots.
#[server(prefix = "/api", endpoint = "tenders/get", input = Json)]
pub async fn get_tender(tender_id: Uuid) -> Result<TenderDetail, AppError> {
    use crate::server::{access, tenders};
    let user = access::require_user().await?;
    tenders::detail(&user, tender_id).await
}

/// Supplier organisations a buyer can invite, with whether each may bid today.
#[server(prefix = "/api", endpoint = "tenders/supplier_choices", input = Json)]
pub async fn supplier_choices() -> Result<Vec<InvitedSupplier>, AppError> {
    use crate::server::{access, tenders};
    let user = access::require_user().await?;
    tenders::supplier_choices(&user).await
}
