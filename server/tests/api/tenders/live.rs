//! The live feed over real WebSockets: every viewer gets every event in order, also when the bid
//! was taken by another server instance; foreign pages and strangers cannot listen.

use super::{accepted, approved_supplier, board, published_lot, rules};
use crate::helpers::{spawn_app, ApiClient, SESSION_COOKIE};
use app::types::tender::BoardUpdate;
use futures_util::StreamExt;
use serde_json::json;
use time::Duration;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use uuid::Uuid;

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

fn request(
    address: &str,
    client: Option<&ApiClient>,
    lot: Uuid,
    origin: Option<&str>,
) -> tokio_tungstenite::tungstenite::handshake::client::Request {
    let url = format!(
        "{}/ws/lots/{lot}?after=0",
        address.replacen("http", "ws", 1)
    );
    let mut request = url.into_client_request().expect("a websocket URL");
    if let Some(cookie) = client.and_then(ApiClient::session_cookie) {
        let header = format!("{SESSION_COOKIE}={cookie}");
        request
            .headers_mut()
            .insert("cookie", header.parse().expect("a header value"));
    }
    if let Some(origin) = origin {
        request
            .headers_mut()
            .insert("origin", origin.parse().expect("a header value"));
    }
    request
}

async fn connect(address: &str, client: &ApiClient, lot: Uuid) -> Socket {
    let (socket, _) = tokio_tungstenite::connect_async(request(address, Some(client), lot, None))
        .await
        .expect("the feed opens");
    socket
}

/// Reads updates until the view reaches `sequence`; returns every event sequence received.
async fn collect_until(socket: &mut Socket, sequence: u64) -> Vec<u64> {
    let mut seen = Vec::new();
    let mut last = 0;
    let deadline = std::time::Duration::from_secs(10);
    while last < sequence {
        let message = tokio::time::timeout(deadline, socket.next())
            .await
            .expect("an update in time")
            .expect("the feed stays open")
            .expect("a readable frame");
        let Message::Text(text) = message else {
            continue;
        };
        let update: BoardUpdate = serde_json::from_str(&text).expect("a BoardUpdate");
        assert_eq!(
            update.after, last,
            "updates continue where the last one ended"
        );
        assert!(update.complete, "a fast viewer misses nothing");
        seen.extend(update.events.iter().map(|event| event.sequence));
        last = update.view.sequence();
    }
    seen
}

#[tokio::test]
async fn viewers_on_two_instances_receive_the_same_events_in_order() {
    let first = spawn_app().await;
    let second = first.second_instance().await;
    let (alpha, alpha_org) = approved_supplier(&first).await;
    let (beta, beta_org) = approved_supplier(&first).await;
    let (buyer, lot) = published_lot(
        &first,
        &[alpha_org, beta_org],
        rules(Duration::minutes(10), json!({})),
    )
    .await;
    let mut buyer_on_first = connect(&first.address, &buyer, lot).await;
    let mut buyer_on_second = connect(&second.address, &buyer, lot).await;
    let mut alpha_feed = connect(&first.address, &alpha, lot).await;

    // Bids go to both instances; the buyer watches the second, alpha the first.
    let beta_on_second = ApiClient::new(&second.address);
    beta_on_second.set_session_cookie(&beta.session_cookie().expect("beta is signed in"));
    let mut last = 0;
    for step in 0..10 {
        let (client, amount) = if step % 2 == 0 {
            (&alpha, format!("{}.00", 990 - step))
        } else {
            (&beta_on_second, format!("{}.50", 990 - step))
        };
        last = accepted(client, lot, &amount).await.sequence;
    }
    // The other instance learns of the last bid through NOTIFY, a moment later: wait for it.
    let mut target = board(&buyer, lot).await.view.sequence();
    for _ in 0..50 {
        if target >= last {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        target = board(&buyer, lot).await.view.sequence();
    }
    assert!(target >= last, "the first instance caught up");
    let on_first = collect_until(&mut buyer_on_first, target).await;
    let on_second = collect_until(&mut buyer_on_second, target).await;
    let alpha_saw = collect_until(&mut alpha_feed, target).await;
    assert_eq!(
        on_first, on_second,
        "both instances deliver the same sequence"
    );
    // The buyer's feed holds every bid (rank shuffles show on the ladder instead).
    let bids: Vec<i64> = sqlx::query_scalar(
        "select sequence from lot_event where lot_id = $1 and kind = 'bid_accepted' order by sequence",
    )
    .bind(lot)
    .fetch_all(&first.pool)
    .await
    .expect("stored bids");
    assert_eq!(bids.len(), 10);
    for sequence in bids {
        assert!(
            on_second.contains(&(sequence as u64)),
            "bid {sequence} delivered"
        );
    }
    assert!(
        on_first.windows(2).all(|pair| pair[0] < pair[1]),
        "in order"
    );
    // Alpha does not see beta's rank moves, but what it sees is ordered and from the same history.
    assert!(alpha_saw.windows(2).all(|pair| pair[0] < pair[1]));
    assert!(alpha_saw.iter().all(|sequence| *sequence <= target));
}

#[tokio::test]
async fn foreign_pages_and_strangers_cannot_listen() {
    let app = spawn_app().await;
    let (alpha, alpha_org) = approved_supplier(&app).await;
    let (_, lot) = published_lot(&app, &[alpha_org], rules(Duration::minutes(10), json!({}))).await;
    let foreign = request(
        &app.address,
        Some(&alpha),
        lot,
        Some("https://evil.example"),
    );
    assert!(tokio_tungstenite::connect_async(foreign).await.is_err());
    let anonymous = request(&app.address, None, lot, None);
    assert!(tokio_tungstenite::connect_async(anonymous).await.is_err());
    let (stranger, _) = approved_supplier(&app).await;
    let other = request(&app.address, Some(&stranger), lot, None);
    assert!(tokio_tungstenite::connect_async(other).await.is_err());
    // The invited supplier may.
    connect(&app.address, &alpha, lot).await;
}
