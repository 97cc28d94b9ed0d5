//! Keeping the index current: a LISTEN loop for other instances' changes and a full reload every
//! minute.

use super::{CatalogIndex, Change, CHANGE_CHANNEL};
use sqlx::postgres::PgListener;
use std::time::Duration;

/// How often everything is reloaded regardless of notifications.
const FULL_RELOAD_EVERY: Duration = Duration::from_secs(60);

/// Loads the index, then keeps it current for the life of the process.
pub fn start_background_tasks(index: CatalogIndex) {
    let reloading = index.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(FULL_RELOAD_EVERY);
        loop {
            every.tick().await;
            if let Err(error) = reloading.reload_all().await {
                tracing::warn!(%error, "could not reload the catalog index");
            }
        }
    });
    tokio::spawn(listen(index));
}

async fn listen(index: CatalogIndex) {
    loop {
        match PgListener::connect_with(&index.pool).await {
            Ok(mut listener) => match listener.listen(CHANGE_CHANNEL).await {
                Ok(()) => relay(&index, &mut listener).await,
                Err(error) => tracing::warn!(%error, "could not LISTEN for catalog changes"),
            },
            Err(error) => tracing::warn!(%error, "could not connect the catalog listener"),
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

/// Applies notifications until the connection fails. Our own notifications come back too; the
/// reload is cheap and idempotent.
async fn relay(index: &CatalogIndex, listener: &mut PgListener) {
    loop {
        let change = match listener.try_recv().await {
            Ok(Some(notification)) => Change::parse(notification.payload()),
            // The connection dropped and came back: something may have been missed.
            Ok(None) => Change::All,
            Err(error) => {
                tracing::warn!(%error, "catalog listener failed");
                return;
            }
        };
        if let Err(error) = index.reload(change).await {
            tracing::warn!(%error, ?change, "could not apply a catalog change");
        }
    }
}
