//! Listing moderation (staff only): the queue of product proposals and offer revisions waiting
//! for review, a submission next to what buyers see now, the decision, and the filter's terms.

use crate::rules::catalog::moderation::Term;
use crate::types::catalog::{ModerationDetail, ModerationItem, ModerationKind};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

/// Pending product proposals and offer revisions, oldest first.
#[server(prefix = "/api", endpoint = "moderation/queue", input = Json)]
pub async fn queue() -> Result<Vec<ModerationItem>, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    Ok(db::moderation::queue(&context::pool()?, 500).await?)
}

/// One submission (`kind` product: a product id; offer: a revision id) with the live version.
#[server(prefix = "/api", endpoint = "moderation/get_item", input = Json)]
pub async fn get_item(kind: ModerationKind, id: Uuid) -> Result<ModerationDetail, AppError> {
    use crate::server::{access, context, moderation};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    moderation::detail(&context::pool()?, kind, id).await
}

/// Approves a pending submission: an offer revision becomes the listing buyers see.
#[server(prefix = "/api", endpoint = "moderation/approve", input = Json)]
pub async fn approve(kind: ModerationKind, id: Uuid) -> Result<ModerationDetail, AppError> {
    use crate::server::moderation::{decide, Decision};
    use crate::server::{access, context};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    decide(&context::pool()?, &user, kind, id, Decision::Approve).await
}

/// Rejects a pending submission with the reason the supplier reads (required).
#[server(prefix = "/api", endpoint = "moderation/reject", input = Json)]
pub async fn reject(
    kind: ModerationKind,
    id: Uuid,
    reason: String,
) -> Result<ModerationDetail, AppError> {
    use crate::server::moderation::{decide, Decision};
    use crate::server::{access, context};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let decision = Decision::reject(&reason)?;
    decide(&context::pool()?, &user, kind, id, decision).await
}

/// The filter's terms, sensitive first.
#[server(prefix = "/api", endpoint = "moderation/list_terms", input = Json)]
pub async fn list_terms() -> Result<Vec<Term>, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    Ok(db::moderation::terms(&context::pool()?).await?)
}

/// Adds a term (`kind`: `sensitive` or `claim`); adding one already there changes its kind.
/// Returns the whole list.
#[server(prefix = "/api", endpoint = "moderation/add_term", input = Json)]
pub async fn add_term(term: String, kind: String) -> Result<Vec<Term>, AppError> {
    use crate::rules::catalog::moderation::TermKind;
    use crate::server::{access, context, db};
    use crate::types::validation::{bounded_text, FieldErrors, FieldIssue};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let mut errors = FieldErrors::default();
    let term = errors.check("term", bounded_text(&term, 1, 60));
    let kind = errors.check(
        "kind",
        TermKind::parse(&kind).ok_or(FieldIssue::InvalidChoice),
    );
    errors.into_result()?;
    let (Some(term), Some(kind)) = (term, kind) else {
        return Err(AppError::field("term", FieldIssue::Required));
    };
    let pool = context::pool()?;
    db::moderation::upsert_term(&pool, &term, kind, user.user_id).await?;
    Ok(db::moderation::terms(&pool).await?)
}

/// Removes a term; returns the whole list (404 when there was no such term).
#[server(prefix = "/api", endpoint = "moderation/remove_term", input = Json)]
pub async fn remove_term(term: String) -> Result<Vec<Term>, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let pool = context::pool()?;
    if !db::moderation::delete_term(&pool, term.trim()).await? {
        return Err(AppError::NotFound);
    }
    Ok(db::moderation::terms(&pool).await?)
}
