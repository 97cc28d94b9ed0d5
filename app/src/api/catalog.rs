//! The standardised catalog: staff maintain the category tree (with attribute schemas) and
//! products; suppliers propose products that wait for staff review. The staff market tables
//! (FX, freight, duty) are in [`market`].

pub mod market;

use crate::types::catalog::manage::{CategoryInput, ProductDetail, ProductSummary};
use crate::types::catalog::{Category, ProductInput};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

/// The category tree with every schema (anyone signed in), flat: each names its parent.
#[server(prefix = "/api", endpoint = "catalog/list_categories", input = Json)]
pub async fn list_categories() -> Result<Vec<Category>, AppError> {
    use crate::server::{access, context, db};
    access::require_user().await?;
    Ok(db::catalog::list_categories(&context::pool()?).await?)
}

/// Creates (`category_id` none) or changes a category (staff). A schema change that products
/// of the category would no longer satisfy is refused with `schema_in_use` on the schema field.
#[server(prefix = "/api", endpoint = "catalog/save_category", input = Json)]
pub async fn save_category(
    category_id: Option<Uuid>,
    input: CategoryInput,
) -> Result<Category, AppError> {
    use crate::rules::catalog::schema_change::check_schema_change;
    use crate::server::catalog::{category_write_error, check_category};
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let pool = context::pool()?;
    let mut tx = pool.begin().await?;
    let categories = db::catalog::list_categories(&mut *tx).await?;
    let checked = check_category(&input, &categories, category_id)?;
    let id = match category_id {
        None => {
            let id = Uuid::now_v7();
            db::catalog::insert_category(&mut *tx, id, &checked)
                .await
                .map_err(category_write_error)?;
            id
        }
        Some(id) => {
            // The lock keeps products of the category from being written while it is checked.
            db::catalog::lock_category(&mut *tx, id, true)
                .await?
                .ok_or(AppError::NotFound)?;
            let products = db::catalog::product_values(&mut *tx, id).await?;
            check_schema_change(&checked.attributes, &products)
                .map_err(|fields| AppError::Validation { fields })?;
            db::catalog::update_category(&mut *tx, id, &checked)
                .await
                .map_err(category_write_error)?;
            id
        }
    };
    let saved = db::catalog::find_category(&mut *tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    crate::server::catalog_index::announce(crate::server::catalog_index::Change::Tables).await?;
    Ok(saved)
}

/// A product with its category: approved ones for anyone signed in, proposals only for staff
/// and the proposing supplier.
#[server(prefix = "/api", endpoint = "catalog/get_product", input = Json)]
pub async fn get_product(product_id: Uuid) -> Result<ProductDetail, AppError> {
    use crate::server::{access, catalog, context, db};
    let user = access::require_user().await?;
    let pool = context::pool()?;
    let record = db::catalog::product::find_product(&pool, product_id)
        .await?
        .ok_or(AppError::NotFound)?;
    catalog::ensure_can_read(&user, &record)?;
    let category = db::catalog::find_category(&pool, record.product.category_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(catalog::detail(&user, record, category))
}

/// The products of a category by SKU: staff see every status, everybody else approved ones.
#[server(prefix = "/api", endpoint = "catalog/list_category_products", input = Json)]
pub async fn list_category_products(category_id: Uuid) -> Result<Vec<ProductSummary>, AppError> {
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    let pool = context::pool()?;
    let approved_only = !user.is_staff();
    Ok(db::catalog::product::list_category_products(&pool, category_id, approved_only).await?)
}

/// Staff create a product (approved at once) or edit one; its listings follow it if it moves
/// to another category.
#[server(prefix = "/api", endpoint = "catalog/save_product", input = Json)]
pub async fn save_product(
    product_id: Option<Uuid>,
    input: ProductInput,
) -> Result<ProductDetail, AppError> {
    use crate::server::catalog::{check_product, product_write_error};
    use crate::server::db::catalog::product::{self, Origin};
    use crate::server::{access, context, db};
    let user = access::require_user().await?;
    access::ensure_staff(&user)?;
    let pool = context::pool()?;
    let mut tx = pool.begin().await?;
    let category = match input.category_id {
        Some(id) => db::catalog::lock_category(&mut *tx, id, false).await?,
        None => None,
    };
    let fields = check_product(&input, category.as_ref())?;
    let id = match product_id {
        None => {
            let id = Uuid::now_v7();
            let origin = Origin::Staff {
                account_id: user.user_id,
            };
            product::insert_product(&mut *tx, id, &fields, origin, &[])
                .await
                .map_err(product_write_error)?;
            id
        }
        Some(id) => {
            let updated = product::update_product(&mut *tx, id, &fields)
                .await
                .map_err(product_write_error)?;
            if !updated {
                return Err(AppError::NotFound);
            }
            product::move_listings(&mut *tx, id, fields.category_id).await?;
            id
        }
    };
    tx.commit().await?;
    crate::server::catalog_index::announce(crate::server::catalog_index::Change::Product(id))
        .await?;
    get_product(id).await
}

/// A supplier's member proposes a product: screened for sensitive words (refused on the field
/// that holds them) and claims (flagged for the reviewer), then stored pending review.
#[server(prefix = "/api", endpoint = "catalog/propose_product", input = Json)]
pub async fn propose_product(
    organisation_id: Uuid,
    input: ProductInput,
) -> Result<ProductDetail, AppError> {
    use crate::server::catalog::{check_product, product_write_error, screen_proposal};
    use crate::server::db::catalog::product::{self, Origin};
    use crate::server::{access, context, db, qualification};
    let user = access::require_user().await?;
    qualification::ensure_supplier_member(&user, organisation_id)?;
    let pool = context::pool()?;
    let mut tx = pool.begin().await?;
    let category = match input.category_id {
        Some(id) => db::catalog::lock_category(&mut *tx, id, false).await?,
        None => None,
    };
    let fields = check_product(&input, category.as_ref())?;
    let terms = db::catalog::moderation_terms(&mut *tx).await?;
    let flagged = screen_proposal(&fields, &terms)?;
    let id = Uuid::now_v7();
    let origin = Origin::Supplier { organisation_id };
    product::insert_product(&mut *tx, id, &fields, origin, &flagged)
        .await
        .map_err(product_write_error)?;
    tx.commit().await?;
    get_product(id).await
}

/// The supplier's proposals, newest first, with their review status and any rejection reason.
#[server(prefix = "/api", endpoint = "catalog/list_my_proposals", input = Json)]
pub async fn list_my_proposals(organisation_id: Uuid) -> Result<Vec<ProductSummary>, AppError> {
    use crate::server::{access, context, db, qualification};
    let user = access::require_user().await?;
    qualification::ensure_supplier_member(&user, organisation_id)?;
    Ok(db::catalog::product::list_proposals(&context::pool()?, organisation_id).await?)
}
