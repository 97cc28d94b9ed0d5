//! The tasks every server instance runs for the auctions: a LISTEN on the lots' change channel
//! (so a bid committed by another instance reaches this instance's viewers), and a sweep that
//! starts a sequencer for every scheduled or open lot (so lots open and close on time after a
//! restart, with no browser open, whichever instance is up) and keeps each lot's eligible set
//! in step with qualification (a supplier suspended mid-auction stops bidding within a sweep).

use super::store::{self, CHANGE_CHANNEL};
use super::Auctions;
use sqlx::postgres::PgListener;
use std::time::Duration;
use uuid::Uuid;

/// How often the sweep looks for lots without a sequencer on this instance.
const SWEEP_EVERY: Duration = Duration::from_secs(5);

/// Starts the listener and the sweep; they run until the process ends.
pub fn start_background_tasks(auctions: Auctions) {
    tokio::spawn(listen(auctions.clone()));
    tokio::spawn(sweep(auctions));
}

async fn sweep(auctions: Auctions) {
    let mut every = tokio::time::interval(SWEEP_EVERY);
    loop {
        every.tick().await;
        match store::live_lots(&auctions.pool).await {
            Ok(lots) => {
                for lot in lots {
                    if let Err(error) = keep_eligibility(&auctions, lot).await {
                        tracing::warn!(?error, "could not sweep a lot");
                    }
                }
            }
            Err(error) => tracing::warn!(%error, "could not list live lots"),
        }
    }
}

/// Starts the lot's sequencer if needed and hands it the current eligible set when it changed.
async fn keep_eligibility(auctions: &Auctions, lot: store::LiveLot) -> Result<(), crate::AppError> {
    let handle = auctions.handle(lot.lot_id).await?;
    let minimum_band = lot
        .minimum_band
        .as_deref()
        .and_then(crate::server::eligibility::parse_band);
    let mut conn = auctions.pool.acquire().await?;
    let eligible =
        crate::server::eligibility::eligible_suppliers(&mut conn, &lot.invited, minimum_band)
            .await?;
    let current = handle.live.borrow().state.eligible.clone();
    if eligible != current {
        let _ = handle
            .commands
            .try_send(super::sequencer::Command::SetEligible { eligible });
    }
    Ok(())
}

async fn listen(auctions: Auctions) {
    loop {
        match PgListener::connect_with(&auctions.pool).await {
            Ok(mut listener) => {
                if let Err(error) = listener.listen(CHANGE_CHANNEL).await {
                    tracing::warn!(%error, "could not LISTEN for lot changes");
                } else {
                    // Changes made while we were not listening are picked up by reloading.
                    auctions.refresh_all().await;
                    relay(&auctions, &mut listener).await;
                }
            }
            Err(error) => tracing::warn!(%error, "could not connect the lot-change listener"),
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

/// Forwards notifications until the connection fails.
async fn relay(auctions: &Auctions, listener: &mut PgListener) {
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) => {
                if let Some((lot_id, version)) = parse(notification.payload()) {
                    auctions.refresh(lot_id, version).await;
                }
            }
            // The connection dropped: notifications may have been missed.
            Ok(None) => {
                auctions.refresh_all().await;
            }
            Err(error) => {
                tracing::warn!(%error, "lot-change listener failed");
                return;
            }
        }
    }
}

fn parse(payload: &str) -> Option<(Uuid, i64)> {
    let (lot, version) = payload.split_once(':')?;
    Some((lot.parse().ok()?, version.parse().ok()?))
}
