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

pub(super) enum Command {
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
        leptos::task::spawn_local(super::lot_socket::run(lot_id, sink, receiver));
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
