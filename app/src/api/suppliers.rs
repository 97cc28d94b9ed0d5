//! The supplier-facing pages' data: the public profile buyers see and the supplier's dashboard.

use crate::types::supplier_page::{PublicSupplierProfile, SupplierDashboard};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

/// A supplier's public profile: verified badges, stars, band, tier and the rates behind them.
/// Buyers, staff and the supplier itself; another pure supplier gets `NotFound`.
#[server(prefix = "/api", endpoint = "suppliers/get_public_profile", input = Json)]
pub async fn get_public_profile(organisation_id: Uuid) -> Result<PublicSupplierProfile, AppError> {
    use crate::server::{access, context, supplier_page};
    let user = access::require_user().await?;
    if !user.buys() {
        access::ensure_can_read_org(&user, organisation_id)?;
    }
    let now = time::OffsetDateTime::now_utc();
    supplier_page::public_profile(&context::pool()?, organisation_id, now).await
}

/// The supplier's dashboard (its own members only).
#[server(prefix = "/api", endpoint = "suppliers/get_dashboard", input = Json)]
pub async fn get_dashboard(organisation_id: Uuid) -> Result<SupplierDashboard, AppError> {
    use crate::server::{access, context, qualification, supplier_page};
    let user = access::require_user().await?;
    qualification::ensure_supplier_member(&user, organisation_id)?;
    let now = time::OffsetDateTime::now_utc();
    supplier_page::dashboard(&context::pool()?, organisation_id, now).await
}
