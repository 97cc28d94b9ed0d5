//! Price alerts: created over HTTP, checked with `app::server::price_alerts` (as a listing
//! approval and the minute sweep do). An alert fires once, with its notice and e-mail, when the
//! landed unit cost (goods converted with FX, freight, duty, financing) reaches the target.

use crate::catalog_fixtures::{self as fixtures, Offer};
use crate::helpers::{spawn_app, Account, ApiClient, TestApp};
use app::rules::pricing::Incoterm;
use app::server::price_alerts::{check_product, sweep};
use app::types::alerts::PriceAlert;
use app::types::catalog::Region;
use app::types::money::{Currency, Money};
use app::types::notice::{AccountNotification, Notice};
use rust_decimal::Decimal;
use serde_json::json;
use time::Date;
use uuid::Uuid;

fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

/// A product listed by one supplier at CNY 700/t FOB China, USD 1 = CNY 7, freight USD 20/t from
/// East Asia to Europe: 10 t landed in Europe cost USD 120/t (no duty, paid on delivery).
struct Market {
    app: TestApp,
    category_id: Uuid,
    product_id: Uuid,
    offer_id: Uuid,
    buyer: ApiClient,
    buyer_account: Account,
}

async fn market() -> Market {
    let app = spawn_app().await;
    let (_, supplier) = app.org_admin("supplier").await;
    let (category_id, product_id, offer_id) =
        fixtures::listed_product(&app, supplier.organisation_id()).await;
    fixtures::fx_rate(&app, "USD", "CNY", "7", 30).await;
    let route = (Region::EastAsia, Region::Europe);
    fixtures::freight(&app, Incoterm::Fob, route, "per_unit", "20", "USD").await;
    let (buyer, buyer_account) = app.org_admin("buyer").await;
    Market {
        app,
        category_id,
        product_id,
        offer_id,
        buyer,
        buyer_account,
    }
}

async fn create(client: &ApiClient, product_id: Uuid, target: &str) -> crate::helpers::Reply {
    client
        .post(
            "/api/alerts/create_alert",
            json!({ "input": {
                "product_id": product_id, "quantity": "10", "destination": "europe",
                "currency": "USD", "target_unit_cost": target
            }}),
        )
        .await
}

async fn alerts(client: &ApiClient) -> Vec<PriceAlert> {
    client.post("/api/alerts/list_alerts", json!({})).await.ok()
}

async fn notices(client: &ApiClient) -> Vec<AccountNotification> {
    client
        .post("/api/notifications/list_mine", json!({}))
        .await
        .ok()
}

async fn alert_emails(app: &TestApp, account: &Account) -> i64 {
    app.count(&format!(
        "select count(*) from email_outbox where to_address = '{}' and template = 'price_alert'",
        account.email
    ))
    .await
}

#[tokio::test]
async fn an_alert_fires_once_when_a_cheaper_listing_crosses_its_target() {
    let m = market().await;
    let alert: PriceAlert = create(&m.buyer, m.product_id, "110").await.ok();
    assert!(alert.triggered.is_none(), "USD 120 is above the target");
    assert_eq!(
        check_product(&m.app.pool, m.product_id, today())
            .await
            .unwrap(),
        0
    );

    // A second supplier lists at CNY 630: USD 90 + 20 freight = USD 110, the target exactly.
    let (_, rival) = m.app.org_admin("supplier").await;
    let cheaper = Offer {
        tiers: vec![("1", "630")],
        ..Offer::default()
    };
    let offer_id = fixtures::listing(&m.app, rival.organisation_id(), m.product_id, &cheaper).await;
    assert_eq!(
        check_product(&m.app.pool, m.product_id, today())
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        check_product(&m.app.pool, m.product_id, today())
            .await
            .unwrap(),
        0
    );
    assert_eq!(sweep(&m.app.pool, today()).await.unwrap(), 0);

    let listed = alerts(&m.buyer).await;
    let triggered = listed[0].triggered.as_ref().expect("the alert fired");
    assert_eq!(triggered.offer_id, Some(offer_id));
    assert_eq!(triggered.unit_cost, Money::new(dec("110"), Currency::USD));
    assert_eq!(
        triggered.supplier_name.as_deref(),
        Some(rival.user.organisation.as_ref().unwrap().name.as_str())
    );

    let told = notices(&m.buyer).await;
    assert_eq!(told.len(), 1, "one notice, however often the check runs");
    match &told[0].notice {
        Notice::PriceAlert {
            alert_id,
            product,
            offer_id: noticed_offer,
            unit_cost,
            target,
            ..
        } => {
            assert_eq!(*alert_id, alert.alert_id);
            assert_eq!(product.product_id, m.product_id);
            assert_eq!(*noticed_offer, offer_id);
            assert_eq!(*unit_cost, Money::new(dec("110"), Currency::USD));
            assert_eq!(*target, Money::new(dec("110"), Currency::USD));
        }
        other => panic!("unexpected notice {other:?}"),
    }
    assert_eq!(alert_emails(&m.app, &m.buyer_account).await, 1);

    // The navigation's badge counts it until the buyer reads it.
    let unread: i64 = m
        .buyer
        .post("/api/notifications/count_unread", json!({}))
        .await
        .ok();
    assert_eq!(unread, 1);
    let marked: u64 = m
        .buyer
        .post("/api/notifications/mark_read", json!({}))
        .await
        .ok();
    assert_eq!(marked, 1);
    let unread: i64 = m
        .buyer
        .post("/api/notifications/count_unread", json!({}))
        .await
        .ok();
    assert_eq!(unread, 0);
    assert!(notices(&m.buyer).await[0].read_at.is_some());
}

#[tokio::test]
async fn the_landed_cost_compared_includes_fx_freight_and_duty() {
    let m = market().await;
    // 5 % duty on goods + freight: (1,000.00 + 200.00) × 1.05 = 1,260.00 for 10 t.
    fixtures::duty(&m.app, m.category_id, Region::Europe, "5").await;
    let below: PriceAlert = create(&m.buyer, m.product_id, "125.99").await.ok();
    assert!(below.triggered.is_none());
    // Creating an alert the market already meets fires it at once.
    let met: PriceAlert = create(&m.buyer, m.product_id, "126").await.ok();
    let triggered = met.triggered.expect("USD 126 meets the target");
    assert_eq!(triggered.unit_cost, Money::new(dec("126"), Currency::USD));
    assert_eq!(triggered.offer_id, Some(m.offer_id));

    // Payment 73 days before delivery at 8 % a year adds USD 16.00 on 10 t: USD 127.60.
    m.app.execute("update listing set payment_days = 73").await;
    let with_financing: PriceAlert = create(&m.buyer, m.product_id, "127.60").await.ok();
    assert_eq!(
        with_financing.triggered.expect("fired").unit_cost,
        Money::new(dec("127.6"), Currency::USD)
    );
    let tighter: PriceAlert = create(&m.buyer, m.product_id, "127.59").await.ok();
    assert!(tighter.triggered.is_none());
    assert_eq!(alert_emails(&m.app, &m.buyer_account).await, 2);
}

#[tokio::test]
async fn the_sweep_fires_alerts_crossed_by_a_new_exchange_rate_but_not_a_future_one() {
    let m = market().await;
    let alert: PriceAlert = create(&m.buyer, m.product_id, "115").await.ok();
    let (other_buyer, _) = m.app.org_admin("buyer").await;
    let _: PriceAlert = create(&other_buyer, m.product_id, "100").await.ok();

    // A rate for tomorrow never prices today.
    fixtures::fx_rate(&m.app, "USD", "CNY", "8", -1).await;
    assert_eq!(sweep(&m.app.pool, today()).await.unwrap(), 0);
    // Today's rate of 7.5: CNY 7,000 = USD 933.33, + 200 freight = USD 113.333/t.
    fixtures::fx_rate(&m.app, "USD", "CNY", "7.5", 0).await;
    assert_eq!(sweep(&m.app.pool, today()).await.unwrap(), 1);
    assert_eq!(sweep(&m.app.pool, today()).await.unwrap(), 0);

    let mine = alerts(&m.buyer).await;
    assert_eq!(mine[0].alert_id, alert.alert_id);
    let fired = mine[0].triggered.as_ref().expect("fired by the sweep");
    assert_eq!(fired.unit_cost, Money::new(dec("113.333"), Currency::USD));
    assert!(alerts(&other_buyer).await[0].triggered.is_none());
    assert!(notices(&other_buyer).await.is_empty());
    assert_eq!(alert_emails(&m.app, &m.buyer_account).await, 1);
}

#[tokio::test]
async fn an_alert_no_offer_reaches_stays_untriggered() {
    let m = market().await;
    let _: PriceAlert = create(&m.buyer, m.product_id, "50").await.ok();
    // A product nobody lists yet.
    let unlisted = fixtures::product(&m.app, m.category_id).await;
    let _: PriceAlert = create(&m.buyer, unlisted, "5000").await.ok();
    // An offer whose MOQ is above the alert's quantity cannot serve it, however cheap.
    let (_, rival) = m.app.org_admin("supplier").await;
    let bulk_only = Offer {
        tiers: vec![("100", "1")],
        moq: "100",
        ..Offer::default()
    };
    fixtures::listing(&m.app, rival.organisation_id(), m.product_id, &bulk_only).await;

    assert_eq!(
        check_product(&m.app.pool, m.product_id, today())
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        check_product(&m.app.pool, unlisted, today()).await.unwrap(),
        0
    );
    assert_eq!(sweep(&m.app.pool, today()).await.unwrap(), 0);
    assert!(alerts(&m.buyer).await.iter().all(|a| a.triggered.is_none()));
    assert!(notices(&m.buyer).await.is_empty());
    assert_eq!(alert_emails(&m.app, &m.buyer_account).await, 0);
}

#[tokio::test]
async fn alerts_are_validated_and_belong_to_their_owner() {
    let m = market().await;
    let reply = m
        .buyer
        .post(
            "/api/alerts/create_alert",
            json!({ "input": {
                "product_id": m.product_id, "quantity": "", "destination": "mars",
                "currency": "XYZ", "target_unit_cost": "-1"
            }}),
        )
        .await;
    reply.assert_error(422, "validation");
    assert_eq!(reply.field_codes("quantity"), ["required"]);
    assert_eq!(reply.field_codes("destination"), ["invalid_choice"]);
    assert_eq!(reply.field_codes("currency"), ["invalid_choice"]);
    assert_eq!(reply.field_codes("target_unit_cost"), ["negative"]);
    create(&m.buyer, Uuid::new_v4(), "100")
        .await
        .assert_field_issue("product_id", "invalid_choice");

    let (supplier, _) = m.app.org_admin("supplier").await;
    create(&supplier, m.product_id, "100")
        .await
        .assert_error(403, "forbidden");
    create(&m.app.new_client(), m.product_id, "100")
        .await
        .assert_error(401, "unauthorized");
    assert_eq!(m.app.count("select count(*) from price_alert").await, 0);

    let alert: PriceAlert = create(&m.buyer, m.product_id, "100").await.ok();
    assert_eq!(alert.quantity, dec("10"));
    assert_eq!(alert.destination, Region::Europe);
    assert_eq!(alert.currency, Currency::USD);
    // A colleague in the same organisation and another buyer neither see nor delete it.
    let (colleague, _) = m
        .app
        .member_of(&m.buyer, m.buyer_account.organisation_id())
        .await;
    let (other_buyer, _) = m.app.org_admin("buyer").await;
    for client in [&colleague, &other_buyer] {
        assert!(alerts(client).await.is_empty());
        client
            .post(
                "/api/alerts/delete_alert",
                json!({ "alert_id": alert.alert_id }),
            )
            .await
            .assert_error(404, "not_found");
    }
    let _: () = m
        .buyer
        .post(
            "/api/alerts/delete_alert",
            json!({ "alert_id": alert.alert_id }),
        )
        .await
        .ok();
    assert!(alerts(&m.buyer).await.is_empty());
}
