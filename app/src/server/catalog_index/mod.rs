//! The catalog buyers search and compare, held in memory: approved products with their listings
//! (supplier name, score, band and certificates attached), the categories and the staff's market
//! tables. Search facets and the comparison matrix read a snapshot instead of the database, so they
//! stay fast under load; only the text match of a search goes to PostgreSQL's index.
//!
//! Freshness: every change that alters what buyers may see (a listing approved, withdrawn or
//! replaced; a product approved; a market table edited) reloads the affected part on this instance
//! before the request that made it returns, and announces it on [`CHANGE_CHANNEL`] so other
//! instances reload too. A full reload every minute picks up slower-moving facts (supplier scores,
//! certificates) and anything a dropped notification missed.

mod listen;
mod load;

pub use listen::start_background_tasks;

use crate::types::catalog::compare::{ListingFacts, MarketTables, ProductHead};
use crate::types::catalog::{AttributeValues, Category};
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use uuid::Uuid;

/// The LISTEN/NOTIFY channel; the payload is a product id, `tables` or `all`.
pub const CHANGE_CHANNEL: &str = "catalog_change";

/// What changed, for [`CatalogIndex::changed`] and the notification payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A product or one of its listings.
    Product(Uuid),
    /// FX, freight or duty rates, or categories.
    Tables,
    All,
}

impl Change {
    fn payload(self) -> String {
        match self {
            Change::Product(id) => id.to_string(),
            Change::Tables => "tables".into(),
            Change::All => "all".into(),
        }
    }

    fn parse(payload: &str) -> Change {
        match payload {
            "tables" => Change::Tables,
            other => other.parse().map_or(Change::All, Change::Product),
        }
    }
}

/// Applies `change` to this instance's index and tells the other instances; for server
/// functions, after their transaction committed.
pub async fn announce(change: Change) -> Result<(), crate::AppError> {
    let state = crate::server::context::state()?;
    state.catalog.changed(change).await?;
    Ok(())
}

/// An approved product and its listings (valid or not: the date decides per request).
#[derive(Debug, Clone)]
pub struct IndexedProduct {
    pub head: ProductHead,
    pub category_id: Uuid,
    pub attributes: AttributeValues,
    pub listings: Vec<ListingFacts>,
}

/// One consistent view of the catalog.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub products: HashMap<Uuid, Arc<IndexedProduct>>,
    pub categories: Arc<Vec<Category>>,
    pub tables: Arc<MarketTables>,
}

impl Snapshot {
    /// The category and all its descendants.
    pub fn category_and_descendants(&self, root: Uuid) -> Vec<Uuid> {
        let mut found = vec![root];
        let mut index = 0;
        while index < found.len() {
            let parent = found[index];
            found.extend(
                self.categories
                    .iter()
                    .filter(|c| c.parent_id == Some(parent))
                    .map(|c| c.category_id),
            );
            index += 1;
        }
        found
    }
}

/// The shared, swappable snapshot. Cloning shares it.
#[derive(Debug, Clone)]
pub struct CatalogIndex {
    pool: PgPool,
    current: Arc<RwLock<Arc<Snapshot>>>,
}

impl CatalogIndex {
    /// An empty index; [`CatalogIndex::reload_all`] fills it.
    pub fn new(pool: PgPool) -> CatalogIndex {
        CatalogIndex {
            pool,
            current: Arc::new(RwLock::new(Arc::new(Snapshot::default()))),
        }
    }

    /// The snapshot in force now; it never changes under the caller.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    fn replace(&self, update: impl FnOnce(&Snapshot) -> Snapshot) {
        let mut current = self
            .current
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *current = Arc::new(update(&current));
    }

    /// Reloads everything from the database.
    pub async fn reload_all(&self) -> Result<(), sqlx::Error> {
        let fresh = load::everything(&self.pool).await?;
        self.replace(|_| fresh);
        Ok(())
    }

    /// Applies a change made on this instance and tells the other instances. Call it after the
    /// change is committed and before answering the request that made it.
    pub async fn changed(&self, change: Change) -> Result<(), sqlx::Error> {
        self.reload(change).await?;
        sqlx::query("select pg_notify($1, $2)")
            .bind(CHANGE_CHANNEL)
            .bind(change.payload())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn reload(&self, change: Change) -> Result<(), sqlx::Error> {
        match change {
            Change::All => self.reload_all().await,
            Change::Tables => {
                let (categories, tables) = load::tables(&self.pool).await?;
                self.replace(|old| Snapshot {
                    products: old.products.clone(),
                    categories: Arc::new(categories),
                    tables: Arc::new(tables),
                });
                Ok(())
            }
            Change::Product(product_id) => {
                let product = load::product(&self.pool, product_id).await?;
                self.replace(|old| {
                    let mut products = old.products.clone();
                    match product {
                        Some(product) => products.insert(product_id, Arc::new(product)),
                        None => products.remove(&product_id),
                    };
                    Snapshot {
                        products,
                        categories: old.categories.clone(),
                        tables: old.tables.clone(),
                    }
                });
                Ok(())
            }
        }
    }
}
