//! The signed-in user's own account: name and password.

use crate::types::CurrentUser;
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Changes the signed-in user's display name.
#[server(prefix = "/api", endpoint = "account/update_profile", input = Json)]
pub async fn update_profile(display_name: String) -> Result<CurrentUser, AppError> {
    use crate::server::{access, context, db};
    use crate::types::parse_display_name;
    let user = access::require_user().await?;
    let display_name = parse_display_name(&display_name)
        .map_err(|issue| AppError::field("display_name", issue))?;
    db::account::update_display_name(&context::pool()?, user.user_id, &display_name).await?;
    access::require_user().await
}

/// Changes the password after checking the current one.
#[server(prefix = "/api", endpoint = "account/change_password", input = Json)]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use crate::server::{access, context, db, password};
    use crate::types::{FieldIssue, NewPassword};
    let user = access::require_user().await?;
    let new_password = NewPassword::parse(&new_password)
        .map_err(|issue| AppError::field("new_password", issue))?;
    let pool = context::pool()?;
    let stored = db::account::password_hash_of(&pool, user.user_id).await?;
    if !password::verify_password(current_password, stored).await? {
        return Err(AppError::field(
            "current_password",
            FieldIssue::WrongPassword,
        ));
    }
    let hash = password::hash_password(new_password.expose().to_owned()).await?;
    db::account::update_password_hash(&pool, user.user_id, &hash).await?;
    Ok(())
}
