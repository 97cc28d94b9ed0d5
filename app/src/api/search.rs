//! Catalog search and the comparison matrix for buyers: what they see is approved listings only,
//! read from the in-memory catalog index (see `server::catalog_index`).

use crate::types::catalog::compare::{CompareRequest, ComparisonData};
use crate::types::catalog::search::{SearchQuery, SearchResults};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Longest search text accepted.
pub const MAX_QUERY_TEXT: usize = 200;
/// Most products one matrix compares.
pub const MAX_COMPARED_PRODUCTS: usize = 20;
/// Deepest page a search may ask for.
pub const MAX_PAGE: u32 = 500;

/// One page of products matching `query`, with facet counts over all matches.
#[server(prefix = "/api", endpoint = "search/products", input = Json)]
pub async fn search_products(query: SearchQuery) -> Result<SearchResults, AppError> {
    use crate::rules::catalog::search_terms::search_query;
    use crate::server::{access, catalog_search, context, db};
    use crate::types::FieldIssue;
    access::require_user_cached().await?;
    if query.text.chars().count() > MAX_QUERY_TEXT {
        return Err(AppError::field(
            "text",
            FieldIssue::TooLong {
                max: MAX_QUERY_TEXT,
            },
        ));
    }
    if query.page > MAX_PAGE {
        let issue = FieldIssue::OutOfRange {
            min: 1,
            max: MAX_PAGE,
        };
        return Err(AppError::field("page", issue));
    }
    let state = context::state()?;
    let text = match search_query(&query.text) {
        Some(tsquery) => Some(
            db::catalog_index::text_matches(&state.pool, &tsquery)
                .await?
                .into_iter()
                .collect(),
        ),
        None => None,
    };
    let today = time::OffsetDateTime::now_utc().date();
    let snapshot = state.catalog.snapshot();
    Ok(catalog_search::search(
        &snapshot,
        &query,
        text.as_ref(),
        today,
    ))
}

/// The comparison matrix's data: every valid approved offer of the products, the tables they
/// are priced with, and the server's landed cost of each at the requested quantity.
#[server(prefix = "/api", endpoint = "compare/offers", input = Json)]
pub async fn compare_offers(request: CompareRequest) -> Result<ComparisonData, AppError> {
    use crate::server::{access, catalog_compare, context};
    access::require_user_cached().await?;
    let basis = catalog_compare::parse_request(&request, time::OffsetDateTime::now_utc().date())?;
    let snapshot = context::state()?.catalog.snapshot();
    catalog_compare::compare(&snapshot, &request.product_ids, &basis).ok_or(AppError::NotFound)
}
