//! Organisation profiles, the supplier directory for buyers, and the staff's register.

use crate::types::{OrgProfile, OrgProfileInput, OrgRegisterRow};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

/// An organisation's profile. Members see their own; suppliers' profiles are visible to buyers;
/// staff see all. Anything else is `NotFound`.
#[server(prefix = "/api", endpoint = "organisations/get_organisation", input = Json)]
pub async fn get_organisation(organisation_id: Uuid) -> Result<OrgProfile, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    let profile = db::organisation::get_profile(&context::pool()?, organisation_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let public_supplier = profile.kind.supplies() && user.buys();
    if !public_supplier {
        access::ensure_can_read_org(&user, organisation_id)?;
    }
    Ok(profile)
}

/// Updates the profile of the admin's organisation.
#[server(prefix = "/api", endpoint = "organisations/update_organisation", input = Json)]
pub async fn update_organisation(
    organisation_id: Uuid,
    input: OrgProfileInput,
) -> Result<OrgProfile, AppError> {
    use crate::server::{access, context, db};
    use crate::types::organisation::{parse_optional_name, parse_org_name};
    use crate::types::validation::{bounded_text, FieldErrors};

    let user = access::require_user().await?;
    access::ensure_org_admin(&user, organisation_id)?;
    let optional = |raw: &str, max| bounded_text(raw, 0, max).map(|s| (!s.is_empty()).then_some(s));
    let mut errors = FieldErrors::default();
    let parsed = (
        errors.check("name", parse_org_name(&input.name)),
        errors.check("name_zh", parse_optional_name(&input.name_zh)),
        errors.check("industry", optional(&input.industry, 100)),
        errors.check("city", optional(&input.city, 100)),
        errors.check("country", optional(&input.country, 100)),
        errors.check("description", optional(&input.description, 2000)),
    );
    let (Some(name), Some(name_zh), Some(industry), Some(city), Some(country), Some(description)) =
        parsed
    else {
        return Err(AppError::Validation { fields: errors });
    };
    let pool = context::pool()?;
    let fields = db::organisation::OrgFields {
        name: &name,
        name_zh: name_zh.as_deref(),
        industry: industry.as_deref(),
        city: city.as_deref(),
        country: country.as_deref(),
        description: description.as_deref(),
    };
    db::organisation::update_profile(&pool, organisation_id, fields).await?;
    db::organisation::get_profile(&pool, organisation_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Supplier directory for buyers (and staff): suppliers whose name or industry matches `query`.
#[server(prefix = "/api", endpoint = "organisations/search_suppliers", input = Json)]
pub async fn search_suppliers(query: String) -> Result<Vec<OrgRegisterRow>, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    if !(user.buys() || user.is_staff()) {
        return Err(AppError::Forbidden);
    }
    let query: String = query.trim().chars().take(100).collect();
    Ok(db::organisation::search_suppliers(&context::pool()?, &query, 200).await?)
}

/// Every organisation on the platform (staff only).
#[server(prefix = "/api", endpoint = "organisations/list_organisations", input = Json)]
pub async fn list_organisations() -> Result<Vec<OrgRegisterRow>, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    Ok(db::organisation::list_register(&context::pool()?).await?)
}
