//! `/catalog`: buyers search approved products in English or Chinese, narrow them with facets,
//! and pick products to compare. The whole query lives in the URL (see [`url`]).

mod facets;
mod results;
mod search;
pub mod url;

pub use search::CatalogPage;
