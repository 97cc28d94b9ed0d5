//! The bidding board's live connection to one lot.
//!
//! The algorithm (DESIGN §7): load the [`LotBoard`] snapshot, open
//! `/ws/lots/<id>?after=<snapshot sequence>`, apply each [`BoardUpdate`] whose `after` is the last
//! sequence applied and which is `complete`; anything else (a gap, a skipped stretch) means the
//! view may be wrong, so the connection is dropped and the cycle starts again from a snapshot.
//! A dropped or failed socket reconnects after 1 s, 2 s, 5 s, then every 10 s, always through
//! a fresh snapshot, and the board is told it is not live meanwhile.

use crate::types::tender::{BoardUpdate, LotBoard};
use crate::AppError;
use std::rc::Rc;
use uuid::Uuid;

/// Whether the board's numbers are live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    /// Loading the first snapshot or opening the first socket.
    Connecting,
    /// The socket is open and every update so far was applied in sequence.
    Live,
    /// The socket dropped or a gap was seen: what is shown may be out of date.
    Reconnecting,
    /// Nothing more will happen: the lot is awarded or cancelled, or access was refused.
    Finished,
}

/// Where the connection delivers what it learns; the board's signals sit behind these.
#[derive(Clone)]
pub struct FeedSink {
    pub snapshot: Rc<dyn Fn(LotBoard)>,
    pub update: Rc<dyn Fn(BoardUpdate)>,
    pub connection: Rc<dyn Fn(Connection)>,
    /// A failed snapshot load (shown while there is no board yet).
    pub failed: Rc<dyn Fn(AppError)>,
}

enum Command {
    /// Drop the socket and start again from a snapshot (after a bid, an award, a stuck clock).
    Resync,
}

/// Controls a running connection; dropping every clone's channel stops it.
#[derive(Clone)]
pub struct LiveHandle {
    #[cfg(feature = "csr")]
    commands: futures::channel::mpsc::UnboundedSender<Command>,
}

impl LiveHandle {
    /// Reloads the snapshot now (the socket is reopened after it).
    pub fn resync(&self) {
        #[cfg(feature = "csr")]
        let _ = self.commands.unbounded_send(Command::Resync);
    }

    /// Stops the connection for good (the board is leaving the page).
    pub fn stop(&self) {
        #[cfg(feature = "csr")]
        self.commands.close_channel();
    }
}

/// Starts following a lot. Runs until [`LiveHandle::stop`].
pub fn follow(lot_id: Uuid, sink: FeedSink) -> LiveHandle {
    #[cfg(feature = "csr")]
    {
        let (commands, receiver) = futures::channel::mpsc::unbounded();
        leptos::task::spawn_local(browser::run(lot_id, sink, receiver));
        LiveHandle { commands }
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = (lot_id, sink, Command::Resync);
        LiveHandle {}
    }
}

/// The delay before reconnect attempt `n` (1-based).
pub fn backoff_ms(attempt: usize) -> u32 {
    const STEPS: [u32; 4] = [1_000, 2_000, 5_000, 10_000];
    STEPS[attempt.saturating_sub(1).min(STEPS.len() - 1)]
}

/// What to do with an update, given the last sequence applied.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Apply,
    /// Already applied (a duplicate or an old message): nothing to do.
    Ignore,
    /// Events are missing: reload the snapshot.
    Resync,
}

pub fn judge(update: &BoardUpdate, last: u64) -> Verdict {
    if update.complete && update.after == last {
        Verdict::Apply
    } else if update.view.sequence() <= last {
        Verdict::Ignore
    } else {
        Verdict::Resync
    }
}

#[cfg(feature = "csr")]
mod browser {
    use super::{backoff_ms, judge, Command, Connection, FeedSink, Verdict};
    use crate::types::tender::BoardUpdate;
    use crate::AppError;
    use futures::channel::mpsc::UnboundedReceiver;
    use futures::future::{select, Either};
    use futures::StreamExt;
    use gloo_net::websocket::{futures::WebSocket, Message, State};
    use std::pin::Pin;
    use uuid::Uuid;

    /// Why a socket session ended.
    enum Ended {
        Gap,
        Dropped,
        Finished,
        Stop,
    }

    pub async fn run(lot_id: Uuid, sink: FeedSink, mut commands: UnboundedReceiver<Command>) {
        let mut failures = 0usize;
        loop {
            if failures > 0 {
                (sink.connection)(Connection::Reconnecting);
                if !pause(backoff_ms(failures), &mut commands).await {
                    return;
                }
            }
            let board = match crate::api::lots::lot_board(lot_id).await {
                Ok(board) => board,
                Err(error) => {
                    let fatal = matches!(
                        error,
                        AppError::NotFound | AppError::Forbidden | AppError::Unauthorized
                    );
                    (sink.failed)(error);
                    if fatal {
                        (sink.connection)(Connection::Finished);
                        return;
                    }
                    failures += 1;
                    continue;
                }
            };
            let last = board.view.sequence();
            let finished = board.view.phase().is_final();
            (sink.snapshot)(board);
            let ended = if finished {
                (sink.connection)(Connection::Finished);
                Ended::Finished
            } else {
                session(lot_id, last, &sink, &mut commands, &mut failures).await
            };
            match ended {
                Ended::Stop => return,
                Ended::Gap => {}
                Ended::Dropped => failures += 1,
                // Awarded or cancelled: nothing more can happen unless the board asks again.
                Ended::Finished => match commands.next().await {
                    Some(Command::Resync) => {}
                    None => return,
                },
            }
        }
    }

    /// One socket, from open to the first gap, drop or stop.
    async fn session(
        lot_id: Uuid,
        mut last: u64,
        sink: &FeedSink,
        commands: &mut UnboundedReceiver<Command>,
        failures: &mut usize,
    ) -> Ended {
        let Some(mut socket) = open(lot_id, last).await else {
            return Ended::Dropped;
        };
        (sink.connection)(Connection::Live);
        loop {
            match select(socket.next(), commands.next()).await {
                Either::Left((Some(Ok(Message::Text(text))), _)) => {
                    let Ok(update) = serde_json::from_str::<BoardUpdate>(&text) else {
                        return Ended::Gap;
                    };
                    match judge(&update, last) {
                        Verdict::Apply => {
                            last = update.view.sequence();
                            *failures = 0;
                            let finished = update.view.phase().is_final();
                            (sink.update)(update);
                            if finished {
                                (sink.connection)(Connection::Finished);
                                return Ended::Finished;
                            }
                        }
                        Verdict::Ignore => {}
                        Verdict::Resync => {
                            (sink.connection)(Connection::Reconnecting);
                            return Ended::Gap;
                        }
                    }
                }
                Either::Left((Some(Ok(Message::Bytes(_))), _)) => {}
                Either::Left((Some(Err(_)) | None, _)) => return Ended::Dropped,
                Either::Right((Some(Command::Resync), _)) => return Ended::Gap,
                Either::Right((None, _)) => return Ended::Stop,
            }
        }
    }

    /// Opens the socket and waits until it is open (or failed).
    async fn open(lot_id: Uuid, after: u64) -> Option<WebSocket> {
        let location = web_sys::window()?.location();
        let scheme = match location.protocol().ok()?.as_str() {
            "https:" => "wss",
            _ => "ws",
        };
        let host = location.host().ok()?;
        let url = format!("{scheme}://{host}/ws/lots/{lot_id}?after={after}");
        let mut socket = WebSocket::open(&url).ok()?;
        // `poll_ready` resolves once the socket leaves CONNECTING, whichever way it went.
        futures::future::poll_fn(|cx| {
            futures::Sink::<Message>::poll_ready(Pin::new(&mut socket), cx)
        })
        .await
        .ok()?;
        matches!(socket.state(), State::Open).then_some(socket)
    }

    /// Waits `ms`; `false` when the board stopped the connection meanwhile.
    async fn pause(ms: u32, commands: &mut UnboundedReceiver<Command>) -> bool {
        let (done, wait) = futures::channel::oneshot::channel::<()>();
        leptos::prelude::set_timeout(
            move || {
                let _ = done.send(());
            },
            std::time::Duration::from_millis(u64::from(ms)),
        );
        match select(wait, commands.next()).await {
            Either::Left(_) => true,
            Either::Right((Some(Command::Resync), _)) => true,
            Either::Right((None, _)) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::auction::{BuyerView, Phase};
    use crate::types::tender::BoardView;

    fn update(after: u64, sequence: u64, complete: bool) -> BoardUpdate {
        let now = time::OffsetDateTime::UNIX_EPOCH;
        BoardUpdate {
            server_now: now,
            after,
            complete,
            view: BoardView::Buyer {
                view: BuyerView {
                    sequence,
                    phase: Phase::Open,
                    ends_at: now,
                    extensions_used: 0,
                    names_hidden: false,
                    ladder: Vec::new(),
                    sealed_bids: 0,
                    award: None,
                },
                names: Vec::new(),
            },
            events: Vec::new(),
        }
    }

    #[test]
    fn updates_apply_only_in_sequence() {
        assert_eq!(judge(&update(7, 9, true), 7), Verdict::Apply);
        assert_eq!(judge(&update(7, 7, true), 7), Verdict::Apply);
        assert_eq!(judge(&update(8, 9, true), 7), Verdict::Resync);
        assert_eq!(judge(&update(7, 9, false), 7), Verdict::Resync);
        assert_eq!(judge(&update(3, 5, true), 7), Verdict::Ignore);
    }

    #[test]
    fn reconnects_back_off_to_ten_seconds() {
        let delays: Vec<u32> = (1..=6).map(backoff_ms).collect();
        assert_eq!(delays, [1_000, 2_000, 5_000, 10_000, 10_000, 10_000]);
    }
}
