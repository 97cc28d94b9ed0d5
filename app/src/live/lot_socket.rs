//! The browser side of [`super::lot_feed`]: the loop that loads snapshots, holds the WebSocket
//! and reconnects with backoff. Only in the `csr` build.

use super::lot_feed::{backoff_ms, judge, Command, Connection, FeedSink, Verdict};
use crate::types::tender::BoardUpdate;
use crate::AppError;
use futures::channel::mpsc::UnboundedReceiver;
use futures::future::{select, Either};
use futures::StreamExt;
use gloo_net::websocket::{futures::WebSocket, Message, State};
use std::pin::Pin;
use uuid::Uuid;

/// How long without any message before the socket counts as dead.
const SILENCE_MS: u32 = 25_000;

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
        let board = match crate::api::lots::load_board(lot_id).await {
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
        // The server sends at least a heartbeat every 10 s: silence means a dead connection
        // that the browser has not noticed, so the numbers must stop counting as live.
        let silence = Box::pin(super::clock::sleep_ms(SILENCE_MS));
        let next = select(select(socket.next(), commands.next()), silence).await;
        let Either::Left((next, _)) = next else {
            return Ended::Dropped;
        };
        match next {
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
    futures::future::poll_fn(|cx| futures::Sink::<Message>::poll_ready(Pin::new(&mut socket), cx))
        .await
        .ok()?;
    matches!(socket.state(), State::Open).then_some(socket)
}

/// Waits `ms`; `false` when the board stopped the connection meanwhile.
async fn pause(ms: u32, commands: &mut UnboundedReceiver<Command>) -> bool {
    let wait = Box::pin(super::clock::sleep_ms(ms));
    match select(wait, commands.next()).await {
        Either::Left(_) => true,
        Either::Right((Some(Command::Resync), _)) => true,
        Either::Right((None, _)) => false,
    }
}
