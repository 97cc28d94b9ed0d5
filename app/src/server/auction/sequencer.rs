//! One sequencer task per lot: the only place a lot's state changes. Commands queue on a
//! channel; the task drains what is waiting, folds the decisions in memory, commits them in one
//! transaction (group commit) and only then answers and announces. Timers open and close the lot
//! at its due instants, with no browser open and after a restart.

use super::store::{self, Batch, CommitError, LoadedLot, LotMeta, RECENT_EVENTS};
use super::work::{BidCommand, Work};
use super::LotSnapshot;
use crate::rules::auction::{advance, LotEvent, LotRules, LotState, Phase};
use crate::rules::audit_chain::AuditEntry;
use crate::types::tender::{AwardReceipt, BidReceipt};
use crate::AppError;
use sqlx::PgPool;
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::sync::Arc;
use time::OffsetDateTime;
use tokio::sync::{mpsc, oneshot, watch};
use uuid::Uuid;

/// Most commands folded into one commit.
const MAX_BATCH: usize = 512;
/// Retries of a batch that met a newer state written by another instance.
const MAX_STALE_RETRIES: usize = 5;

type Reply<T> = oneshot::Sender<Result<T, AppError>>;

pub enum Command {
    Bid(BidCommand, Reply<BidReceipt>),
    Schedule {
        eligible: BTreeSet<Uuid>,
        account: Uuid,
        reply: Reply<()>,
    },
    Award {
        supplier: Uuid,
        reason: Option<String>,
        account: Uuid,
        reply: Reply<AwardReceipt>,
    },
    Cancel {
        reason: String,
        account: Uuid,
        reply: Reply<()>,
    },
    /// Qualification or score bands changed who may bid (from the sweep).
    SetEligible {
        eligible: BTreeSet<Uuid>,
    },
    /// Another instance committed `version`; reload if ours is older.
    Refresh {
        version: i64,
    },
}

/// An answer computed during a batch, sent once the batch is durable.
enum Answer {
    Bid(Result<BidReceipt, AppError>),
    Unit(Result<(), AppError>),
    Award(Result<AwardReceipt, AppError>),
    Nothing,
}

pub struct Sequencer {
    pool: PgPool,
    meta: LotMeta,
    rules: LotRules,
    state: LotState,
    version: i64,
    audit_tail: Option<AuditEntry>,
    recent: VecDeque<LotEvent>,
    answers: HashMap<(Uuid, Uuid), serde_json::Value>,
    limiter: super::limiter::BidLimiter,
    live: watch::Sender<Arc<LotSnapshot>>,
}

impl Sequencer {
    pub fn new(pool: PgPool, loaded: LoadedLot, live: watch::Sender<Arc<LotSnapshot>>) -> Self {
        let mut sequencer = Sequencer {
            pool,
            meta: loaded.meta.clone(),
            rules: loaded.rules.clone(),
            state: loaded.state.clone(),
            version: 0,
            audit_tail: None,
            recent: VecDeque::new(),
            answers: HashMap::new(),
            limiter: super::limiter::BidLimiter::default(),
            live,
        };
        sequencer.take(loaded);
        sequencer
    }

    fn take(&mut self, loaded: LoadedLot) {
        self.rules = loaded.rules;
        self.state = loaded.state;
        self.version = loaded.version;
        self.audit_tail = loaded.audit_tail;
        self.recent = loaded.recent.into();
        self.answers = loaded.answers;
        self.publish();
    }

    fn publish(&self) {
        self.live.send_replace(Arc::new(LotSnapshot {
            rules: self.rules.clone(),
            state: self.state.clone(),
            recent: self.recent.iter().cloned().collect(),
        }));
    }

    async fn reload(&mut self) {
        match store::load(&self.pool, self.meta.lot_id).await {
            Ok(Some(loaded)) => self.take(loaded),
            Ok(None) => tracing::warn!(lot_id = %self.meta.lot_id, "lot vanished"),
            Err(error) => tracing::error!(%error, lot_id = %self.meta.lot_id, "reloading a lot"),
        }
    }

    /// The next instant the lot must be advanced at, if any.
    fn next_due(&self) -> Option<OffsetDateTime> {
        match self.state.phase {
            Phase::Scheduled => Some(self.rules.opens_at),
            Phase::Open => Some(self.state.ends_at),
            _ => None,
        }
    }

    pub async fn run(mut self, mut commands: mpsc::Receiver<Command>) {
        loop {
            let due = self.next_due().map(|at| {
                let wait = (at - now()).max(time::Duration::ZERO);
                // One extra millisecond: waking exactly at `at` could still see `now < at`.
                tokio::time::Instant::now()
                    + std::time::Duration::try_from(wait).unwrap_or_default()
                    + std::time::Duration::from_millis(1)
            });
            let timer = async {
                match due {
                    Some(at) => tokio::time::sleep_until(at).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                received = commands.recv() => {
                    let Some(first) = received else { return };
                    let mut batch = vec![first];
                    while batch.len() < MAX_BATCH {
                        match commands.try_recv() {
                            Ok(command) => batch.push(command),
                            Err(_) => break,
                        }
                    }
                    self.run_batch(batch).await;
                }
                () = timer => self.run_batch(Vec::new()).await,
            }
        }
    }

    async fn run_batch(&mut self, mut batch: Vec<Command>) {
        let newest_seen = batch
            .iter()
            .filter_map(|c| match c {
                Command::Refresh { version } => Some(*version),
                _ => None,
            })
            .max();
        if newest_seen.is_some_and(|v| v > self.version) {
            self.reload().await;
        }
        batch.retain(|c| !matches!(c, Command::Refresh { .. }));
        for _ in 0..MAX_STALE_RETRIES {
            let now = now();
            let (work, answers) = self.decide(&batch, now);
            if work.is_empty() {
                return send_answers(batch, answers);
            }
            let outcome = store::commit(
                &self.pool,
                &self.meta,
                self.version,
                Batch {
                    state: &work.state,
                    events: &work.events,
                    audit: &work.audit,
                    answers: &work.answers,
                    order: work.order.as_ref(),
                },
            )
            .await;
            match outcome {
                Ok(version) => {
                    self.accept(work, version);
                    return send_answers(batch, answers);
                }
                Err(CommitError::Stale) => self.reload().await,
                Err(CommitError::Database(error)) => {
                    tracing::error!(%error, lot_id = %self.meta.lot_id, "committing bids");
                    // The outcome of a failed commit is unknown: reload what is durable, and
                    // let clients retry with their idempotency keys. Back off so a database
                    // outage does not spin the timer.
                    self.reload().await;
                    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                    return fail_all(batch);
                }
            }
        }
        tracing::error!(lot_id = %self.meta.lot_id, "lot kept changing under the sequencer");
        fail_all(batch);
    }

    /// Folds the due phase changes and every command into one batch of work.
    fn decide(&mut self, batch: &[Command], now: OffsetDateTime) -> (Work, Vec<Answer>) {
        let mut work = Work::new(self.state.clone(), self.audit_tail.clone());
        let transition = advance(&self.rules, &work.state, now);
        if !transition.events.is_empty() {
            work.apply(transition, now);
        }
        let answers = batch
            .iter()
            .map(|command| match command {
                Command::Bid(bid, _) => Answer::Bid(
                    match work.replay(&self.rules, &self.answers, bid.supplier, bid.key) {
                        Some(first) => first,
                        None if !self.limiter.allow(bid.supplier, now) => {
                            Err(work.rate_limited(bid, now))
                        }
                        None => work.bid(&self.rules, bid, now),
                    },
                ),
                Command::Schedule {
                    eligible, account, ..
                } => Answer::Unit(work.schedule(&self.rules, eligible.clone(), *account, now)),
                Command::Award {
                    supplier,
                    reason,
                    account,
                    ..
                } => Answer::Award(work.award(*supplier, reason.as_deref(), *account, now)),
                Command::Cancel {
                    reason, account, ..
                } => Answer::Unit(work.cancel(reason, *account, now)),
                Command::SetEligible { eligible } => {
                    work.set_eligible(eligible.clone(), now);
                    Answer::Nothing
                }
                Command::Refresh { .. } => Answer::Nothing,
            })
            .collect();
        (work, answers)
    }

    fn accept(&mut self, work: Work, version: i64) {
        self.version = version;
        self.state = work.state;
        if let Some(last) = work.audit.last() {
            self.audit_tail = Some(last.clone());
        }
        for (supplier, key, answer) in work.answers {
            self.answers.insert((supplier, key), answer);
        }
        self.recent.extend(work.events);
        while self.recent.len() > RECENT_EVENTS {
            self.recent.pop_front();
        }
        self.publish();
    }
}

fn send_answers(batch: Vec<Command>, answers: Vec<Answer>) {
    for (command, answer) in batch.into_iter().zip(answers) {
        // A caller that gave up waiting has dropped its receiver; the decision stands anyway.
        match (command, answer) {
            (Command::Bid(_, reply), Answer::Bid(result)) => drop(reply.send(result)),
            (Command::Schedule { reply, .. }, Answer::Unit(result))
            | (Command::Cancel { reply, .. }, Answer::Unit(result)) => drop(reply.send(result)),
            (Command::Award { reply, .. }, Answer::Award(result)) => drop(reply.send(result)),
            _ => {}
        }
    }
}

fn fail_all(batch: Vec<Command>) {
    let error = || crate::server::error::internal("commit failed", "committing a lot");
    for command in batch {
        match command {
            Command::Bid(_, reply) => drop(reply.send(Err(error()))),
            Command::Schedule { reply, .. } | Command::Cancel { reply, .. } => {
                drop(reply.send(Err(error())))
            }
            Command::Award { reply, .. } => drop(reply.send(Err(error()))),
            Command::Refresh { .. } | Command::SetEligible { .. } => {}
        }
    }
}

/// Server time, truncated to microseconds so stored `timestamptz` values equal in-memory ones.
pub fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(now.nanosecond() / 1_000 * 1_000)
        .unwrap_or(now)
}
