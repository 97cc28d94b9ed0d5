//! A tender's life: field errors on creation, who may see it, sealed pre-bids kept from other
//! suppliers, closing on time with nobody watching, and the award with its order draft.

use super::{
    accepted, approved_supplier, at, board, published_lot, rules, tender_input, wait_for_phase,
};
use crate::helpers::spawn_app;
use app::types::tender::{AwardReceipt, BoardView, TenderDetail, TenderSummary};
use serde_json::json;
use time::{Duration, OffsetDateTime};

#[tokio::test]
async fn a_tender_with_bad_fields_is_refused_field_by_field() {
    let app = spawn_app().await;
    let (buyer, _) = app.org_admin("buyer").await;
    let (_, supplier) = approved_supplier(&app).await;
    let mut input = tender_input(
        &[supplier],
        rules(
            Duration::minutes(10),
            json!({"ceiling": "-5", "decrement": {"kind": "percent", "percent": "150"}}),
        ),
    );
    input["currency"] = json!("XXX");
    input["title"] = json!("");
    input["lots"][0]["quantity"] = json!("many");
    let reply = buyer
        .post("/api/tenders/create", json!({"input": input}))
        .await;
    reply.assert_field_issue("title", "required");
    reply.assert_field_issue("lots.0.quantity", "not_a_number");
    reply.assert_field_issue("lots.0.rules.ceiling", "auction_rule");
    reply.assert_field_issue("lots.0.rules.decrement.percent", "auction_rule");
    assert!(!reply.field_codes("currency").is_empty());
    assert_eq!(
        app.count("select count(*) from tender").await,
        0,
        "nothing half-written"
    );

    // A supplier cannot create tenders.
    let (supplier_client, _) = approved_supplier(&app).await;
    supplier_client
        .post(
            "/api/tenders/create",
            json!({"input": tender_input(&[supplier], rules(Duration::minutes(10), json!({})))}),
        )
        .await
        .assert_error(403, "forbidden");
}

#[tokio::test]
async fn drafts_are_hidden_from_suppliers_until_published() {
    let app = spawn_app().await;
    let (buyer, _) = app.org_admin("buyer").await;
    let (supplier, org) = approved_supplier(&app).await;
    let draft: TenderDetail = buyer
        .post(
            "/api/tenders/create",
            json!({"input": tender_input(&[org], rules(Duration::minutes(10), json!({})))}),
        )
        .await
        .ok();
    let listed: Vec<TenderSummary> = supplier.post("/api/tenders/list", json!({})).await.ok();
    assert!(listed.is_empty());
    supplier
        .post("/api/tenders/get", json!({"tender_id": draft.tender_id}))
        .await
        .assert_error(404, "not_found");
    let _: TenderDetail = buyer
        .post(
            "/api/tenders/publish",
            json!({"tender_id": draft.tender_id}),
        )
        .await
        .ok();
    let listed: Vec<TenderSummary> = supplier.post("/api/tenders/list", json!({})).await.ok();
    assert_eq!(listed.len(), 1);
    let seen: TenderDetail = supplier
        .post("/api/tenders/get", json!({"tender_id": draft.tender_id}))
        .await
        .ok();
    assert!(
        seen.invited.is_empty(),
        "suppliers do not see who else is invited"
    );
}

#[tokio::test]
async fn a_supplier_never_sees_another_suppliers_sealed_bid() {
    let app = spawn_app().await;
    let (alpha, alpha_org) = approved_supplier(&app).await;
    let (beta, beta_org) = approved_supplier(&app).await;
    let opens = OffsetDateTime::now_utc() + Duration::minutes(5);
    let (buyer, lot) = published_lot(
        &app,
        &[alpha_org, beta_org],
        rules(
            Duration::minutes(30),
            json!({"sealed_pre_bids": true, "opens_at": at(opens)}),
        ),
    )
    .await;
    let sealed = accepted(&alpha, lot, "880").await;
    assert_eq!(
        sealed.view.own_amount.map(|a| a.to_string()),
        Some("880".into())
    );

    let beta_board = board(&beta, lot).await;
    let text = serde_json::to_string(&beta_board).unwrap();
    assert!(
        !text.contains("880"),
        "beta's board leaks alpha's sealed bid: {text}"
    );
    match beta_board.view {
        BoardView::Supplier(view) => assert_eq!(view.own_amount, None),
        other => panic!("a supplier view, not {other:?}"),
    }
    match board(&buyer, lot).await.view {
        BoardView::Buyer { view, .. } => {
            assert_eq!(view.sealed_bids, 1);
            assert!(
                view.ladder.is_empty(),
                "sealed amounts stay sealed until opening"
            );
        }
        other => panic!("a buyer view, not {other:?}"),
    }
}

#[tokio::test]
async fn a_lot_closes_by_itself_and_the_buyer_awards_it() {
    let app = spawn_app().await;
    let (alpha, alpha_org) = approved_supplier(&app).await;
    let (beta, beta_org) = approved_supplier(&app).await;
    let (buyer, lot) = published_lot(
        &app,
        &[alpha_org, beta_org],
        rules(Duration::seconds(3), json!({})),
    )
    .await;
    accepted(&alpha, lot, "900").await;
    accepted(&beta, lot, "890").await;
    // Nobody asks anything: the lot's own timer closes it.
    wait_for_phase(&app, lot, "closed", std::time::Duration::from_secs(10)).await;
    super::bid(&alpha, lot, "880")
        .await
        .assert_error(409, "bid_rejected");

    // Rank 2 without a reason is refused; suppliers cannot award.
    buyer
        .post(
            "/api/lots/award",
            json!({"lot_id": lot, "supplier": alpha_org}),
        )
        .await
        .assert_field_issue("reason", "required");
    alpha
        .post(
            "/api/lots/award",
            json!({"lot_id": lot, "supplier": alpha_org}),
        )
        .await
        .assert_error(403, "forbidden");
    let award: AwardReceipt = buyer
        .post(
            "/api/lots/award",
            json!({"lot_id": lot, "supplier": beta_org}),
        )
        .await
        .ok();
    assert_eq!(award.award.rank, 1);
    let price: String = sqlx::query_scalar(
        "select unit_price::text from order_draft where order_id = $1 and supplier_organisation_id = $2",
    )
    .bind(award.order_id)
    .bind(beta_org)
    .fetch_one(&app.pool)
    .await
    .expect("the winner's order draft");
    assert_eq!(price, "890.0000");
    match board(&beta, lot).await.view {
        BoardView::Supplier(view) => assert_eq!(view.won, Some(true)),
        other => panic!("{other:?}"),
    }
    match board(&alpha, lot).await.view {
        BoardView::Supplier(view) => assert_eq!(view.won, Some(false)),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_late_bid_extends_the_lot_and_every_viewer_is_told_why() {
    let app = spawn_app().await;
    let (alpha, alpha_org) = approved_supplier(&app).await;
    let (beta, beta_org) = approved_supplier(&app).await;
    let anti_sniping = json!({
        "trigger": "any_accepted_bid", "window_secs": 60, "extension_secs": 10,
        "cap": {"kind": "max_extensions", "count": 2}
    });
    let (buyer, lot) = published_lot(
        &app,
        &[alpha_org, beta_org],
        rules(Duration::seconds(30), json!({"anti_sniping": anti_sniping})),
    )
    .await;
    let scheduled_end = board(&buyer, lot).await.view.ends_at();
    let receipt = accepted(&alpha, lot, "900").await;
    assert_eq!(receipt.view.extensions_used, 1);
    assert_eq!(receipt.view.ends_at, scheduled_end + Duration::seconds(10));
    accepted(&beta, lot, "890").await;
    // The cap: a third bid inside the window no longer moves the end.
    let third = accepted(&alpha, lot, "880").await;
    assert_eq!(third.view.extensions_used, 2);
    assert_eq!(third.view.ends_at, scheduled_end + Duration::seconds(20));
    for client in [&alpha, &beta, &buyer] {
        let seen = board(client, lot).await;
        let extensions = seen
            .feed
            .iter()
            .filter(|event| matches!(event.kind, app::types::tender::FeedKind::Extended { .. }))
            .count();
        assert_eq!(extensions, 2, "every viewer sees both extensions");
    }
}

#[tokio::test]
async fn a_supplier_bids_only_once_its_bid_bond_is_lodged() {
    let app = spawn_app().await;
    let (buyer, _) = app.org_admin("buyer").await;
    let (supplier, org) = approved_supplier(&app).await;
    let mut input = tender_input(&[org], rules(Duration::minutes(10), json!({})));
    input["bid_bond"] = json!("5000");
    let draft: TenderDetail = buyer
        .post("/api/tenders/create", json!({"input": input}))
        .await
        .ok();
    assert_eq!(draft.invited[0].bond_status, "required");
    assert!(!draft.invited[0].eligible);
    let publish = json!({"tender_id": draft.tender_id});
    buyer
        .post("/api/tenders/publish", publish.clone())
        .await
        .assert_error(409, "conflict");
    let bond = json!({"tender_id": draft.tender_id, "supplier": org, "status": "lodged"});
    supplier
        .post("/api/tenders/set_bond_status", bond.clone())
        .await
        .assert_error(404, "not_found");
    let lodged: TenderDetail = buyer.post("/api/tenders/set_bond_status", bond).await.ok();
    assert!(lodged.invited[0].eligible);
    let published: TenderDetail = buyer.post("/api/tenders/publish", publish).await.ok();
    accepted(&supplier, published.lots[0].lot_id, "990").await;
}
