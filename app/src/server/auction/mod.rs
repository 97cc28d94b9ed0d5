//! Live reverse auctions on the server: a registry of per-lot sequencers (the only writers of a
//! lot's state), their live snapshots for the WebSocket viewers, and the background tasks that
//! keep several server instances in step (LISTEN/NOTIFY) and close lots on time.

mod background;
mod limiter;
mod sequencer;
mod service;
pub mod store;
mod view;
mod work;

pub use background::start_background_tasks;
pub use sequencer::now;
pub use service::{award, bid, board, export_audit, viewer_for, Viewer};
pub use view::board_update;

use crate::rules::auction::{LotEvent, LotRules, LotState};
use crate::AppError;
use sequencer::{Command, Sequencer};
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot, watch, Mutex};
use uuid::Uuid;

/// Commands that may wait for a lot's sequencer; beyond this, callers wait to enqueue.
const QUEUE_DEPTH: usize = 4096;
/// How long a caller waits for its answer before giving up (the decision may still be made; a
/// retry with the same idempotency key gets it).
const ANSWER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// What viewers of a lot see change: the state after the latest commit.
pub struct LotSnapshot {
    pub rules: LotRules,
    pub state: LotState,
    /// The latest events, oldest first (at most `store::RECENT_EVENTS`).
    pub recent: Vec<LotEvent>,
}

/// A running sequencer: where to send commands and where to watch the lot.
#[derive(Clone)]
pub struct LotHandle {
    commands: mpsc::Sender<Command>,
    pub live: watch::Receiver<Arc<LotSnapshot>>,
    /// Live updates already rendered, by (viewer, after): (sequence rendered at, JSON text).
    rendered: Arc<std::sync::Mutex<RenderCache>>,
}

/// Rendered updates by (viewer, after): the sequence they were rendered at and the JSON text.
type RenderCache = HashMap<(Viewer, u64), (u64, Arc<str>)>;

impl LotHandle {
    /// The update for `viewer` from `after` to `latest`, rendered once for every viewer who
    /// sees the same (all of a buyer's screens, the many screens of one supplier).
    pub fn rendered(
        &self,
        viewer: Viewer,
        after: u64,
        latest: u64,
        render: impl FnOnce() -> Arc<str>,
    ) -> Arc<str> {
        let Ok(mut cache) = self.rendered.lock() else {
            return render();
        };
        if let Some((at, text)) = cache.get(&(viewer, after)) {
            if *at == latest {
                return text.clone();
            }
        }
        let text = render();
        if cache.len() > 4096 {
            cache.retain(|_, (at, _)| *at == latest);
        }
        cache.insert((viewer, after), (latest, text.clone()));
        text
    }
}

/// Every lot this server instance has a sequencer for.
#[derive(Clone)]
pub struct Auctions {
    pool: PgPool,
    lots: Arc<Mutex<HashMap<Uuid, LotHandle>>>,
}

impl std::fmt::Debug for Auctions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auctions").finish_non_exhaustive()
    }
}

impl Auctions {
    pub fn new(pool: PgPool) -> Auctions {
        Auctions {
            pool,
            lots: Arc::default(),
        }
    }

    /// The lot's sequencer, started (from the database) if this instance has none yet.
    pub async fn handle(&self, lot_id: Uuid) -> Result<LotHandle, AppError> {
        let mut lots = self.lots.lock().await;
        if let Some(handle) = lots.get(&lot_id) {
            if !handle.commands.is_closed() {
                return Ok(handle.clone());
            }
        }
        let loaded = store::load(&self.pool, lot_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let (commands, receiver) = mpsc::channel(QUEUE_DEPTH);
        let (live_sender, live) = watch::channel(Arc::new(LotSnapshot {
            rules: loaded.rules.clone(),
            state: loaded.state.clone(),
            recent: loaded.recent.clone(),
        }));
        let sequencer = Sequencer::new(self.pool.clone(), loaded, live_sender);
        tokio::spawn(sequencer.run(receiver));
        let handle = LotHandle {
            commands,
            live,
            rendered: Arc::default(),
        };
        lots.insert(lot_id, handle.clone());
        Ok(handle)
    }

    /// Tells this instance's sequencer (if any) that another instance committed `version`.
    async fn refresh(&self, lot_id: Uuid, version: i64) {
        let handle = self.lots.lock().await.get(&lot_id).cloned();
        if let Some(handle) = handle {
            // A full queue has work in it, whose commit will notice the newer version anyway.
            let _ = handle.commands.try_send(Command::Refresh { version });
        }
    }

    /// Asks every local sequencer to reload (after the notification stream was interrupted).
    async fn refresh_all(&self) {
        let handles: Vec<LotHandle> = self.lots.lock().await.values().cloned().collect();
        for handle in handles {
            let _ = handle
                .commands
                .try_send(Command::Refresh { version: i64::MAX });
        }
    }

    /// Sends a command and waits for its answer.
    async fn ask<T>(
        &self,
        lot_id: Uuid,
        command: impl FnOnce(oneshot::Sender<Result<T, AppError>>) -> Command,
    ) -> Result<T, AppError> {
        let handle = self.handle(lot_id).await?;
        let (reply, answer) = oneshot::channel();
        let lost = || crate::server::error::internal("sequencer stopped", "asking a lot");
        handle
            .commands
            .send(command(reply))
            .await
            .map_err(|_| lost())?;
        match tokio::time::timeout(ANSWER_TIMEOUT, answer).await {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(lost()),
            Err(_) => Err(crate::server::error::internal(
                "no answer in time",
                "waiting for a lot",
            )),
        }
    }

    pub(crate) async fn schedule(
        &self,
        lot_id: Uuid,
        eligible: std::collections::BTreeSet<Uuid>,
        account: Uuid,
    ) -> Result<(), AppError> {
        self.ask(lot_id, |reply| Command::Schedule {
            eligible,
            account,
            reply,
        })
        .await
    }

    pub(crate) async fn cancel(
        &self,
        lot_id: Uuid,
        reason: String,
        account: Uuid,
    ) -> Result<(), AppError> {
        self.ask(lot_id, |reply| Command::Cancel {
            reason,
            account,
            reply,
        })
        .await
    }
}
