//! `GET /ws/lots/{lot_id}?after=<sequence>`: the bidding board's live feed. Each text frame is a
//! `BoardUpdate` cut to the viewer. The connection watches the lot's latest snapshot, so a slow
//! viewer skips straight to the newest state (its update then says `complete: false` and the
//! browser reloads the snapshot) instead of queueing stale ones.

use app::server::access::SESSION_ACCOUNT_KEY;
use app::server::auction::{board_update, viewer_for, LotHandle, LotSnapshot, Viewer};
use app::server::{db, ServerState};
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode};
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tower_sessions::Session;
use uuid::Uuid;

/// A heartbeat with the server clock, so countdowns stay in sync and dead peers are noticed.
const HEARTBEAT: Duration = Duration::from_secs(10);

#[derive(Deserialize)]
pub struct After {
    #[serde(default)]
    after: u64,
}

#[derive(Clone)]
pub struct LiveState {
    pub server: ServerState,
    pub allowed_origins: Arc<Vec<String>>,
}

pub async fn lot_socket(
    State(live): State<LiveState>,
    session: Session,
    headers: HeaderMap,
    Path(lot_id): Path<Uuid>,
    Query(After { after }): Query<After>,
    upgrade: WebSocketUpgrade,
) -> Response {
    // Browsers send Origin on WebSocket handshakes; a foreign page must not ride the cookie.
    let origin = headers
        .get(http::header::ORIGIN)
        .and_then(|v| v.to_str().ok());
    if let Some(origin) = origin {
        if !live.allowed_origins.iter().any(|ok| ok == origin) {
            return StatusCode::FORBIDDEN.into_response();
        }
    }
    let state = live.server;
    let viewer = match authorise(&state, &session, lot_id).await {
        Ok(Some(viewer)) => viewer,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, %lot_id, "internal error while opening a lot feed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let handle = match state.auctions.handle(lot_id).await {
        Ok(handle) => handle,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let names = match viewer {
        Viewer::Supplier(_) => Vec::new(),
        _ => bidder_names(&state, lot_id).await.unwrap_or_default(),
    };
    // Viewers only listen: small buffers keep thousands of them cheap.
    upgrade
        .read_buffer_size(4 * 1024)
        .write_buffer_size(8 * 1024)
        .max_message_size(4 * 1024)
        .on_upgrade(move |socket| stream(socket, viewer, handle, after, names))
}

/// The viewer, `None` for anyone who may not watch (hidden as "not found").
async fn authorise(
    state: &ServerState,
    session: &Session,
    lot_id: Uuid,
) -> anyhow::Result<Option<Viewer>> {
    let Some(account_id) = session.get::<Uuid>(SESSION_ACCOUNT_KEY).await? else {
        return Ok(None);
    };
    let Some(user) = db::account::load_current_user(&state.pool, account_id).await? else {
        return Ok(None);
    };
    match viewer_for(&state.pool, &user, lot_id).await {
        Ok(viewer) => Ok(Some(viewer)),
        Err(app::AppError::NotFound) => Ok(None),
        Err(error) => Err(anyhow::anyhow!("{error}")),
    }
}

async fn bidder_names(state: &ServerState, lot_id: Uuid) -> anyhow::Result<Vec<(Uuid, String)>> {
    let tender_id = db::tender::tender_of_lot(&state.pool, lot_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("lot vanished"))?;
    Ok(db::tender::invitations(&state.pool, tender_id)
        .await?
        .into_iter()
        .map(|invited| (invited.organisation_id, invited.name))
        .collect())
}

fn render(
    viewer: Viewer,
    snapshot: &LotSnapshot,
    after: u64,
    names: &[(Uuid, String)],
) -> Arc<str> {
    let update = board_update(viewer, snapshot, after, names);
    serde_json::to_string(&update).unwrap_or_default().into()
}

async fn stream(
    mut socket: WebSocket,
    viewer: Viewer,
    handle: LotHandle,
    mut after: u64,
    names: Vec<(Uuid, String)>,
) {
    let mut live: watch::Receiver<Arc<LotSnapshot>> = handle.live.clone();
    let mut heartbeat = tokio::time::interval(HEARTBEAT);
    heartbeat.tick().await;
    // The first update goes out at once: what happened since the client's snapshot.
    let mut force = true;
    loop {
        let snapshot = live.borrow_and_update().clone();
        let latest = snapshot.state.sequence;
        if force || latest != after {
            // Viewers with the same view and position share one rendering; a heartbeat is
            // rendered fresh for its clock.
            let text = if latest != after {
                handle.rendered(viewer, after, latest, || {
                    render(viewer, &snapshot, after, &names)
                })
            } else {
                render(viewer, &snapshot, after, &names)
            };
            after = latest;
            if socket
                .send(Message::Text(text.as_ref().into()))
                .await
                .is_err()
            {
                return;
            }
            force = false;
        }
        tokio::select! {
            changed = live.changed() => {
                if changed.is_err() {
                    return;
                }
            }
            received = socket.recv() => match received {
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return,
                Some(Ok(_)) => {}
            },
            _ = heartbeat.tick() => force = true,
        }
    }
}
