//! Catalog search and the comparison server fn over HTTP: only approved listings of approved
//! products are ever visible; English and Chinese queries find what a buyer means; facets and
//! filters narrow; the comparison prices every column and refuses bad input with field errors.

mod fixtures;

use crate::helpers::{spawn_app, Reply};
use app::rules::catalog::landed::{price_listing, Basis};
use app::types::catalog::compare::{ColumnOutcome, ComparisonData};
use app::types::catalog::search::SearchResults;
use app::types::catalog::Region;
use app::types::money::Currency;
use fixtures::Catalog;
use serde_json::{json, Value};

fn query(text: &str) -> Value {
    json!({"query": {"text": text, "category_id": null, "options": {}, "ranges": {},
        "incoterms": [], "origins": [], "max_lead_time_days": null, "bands": [], "page": 1}})
}

fn skus(results: &SearchResults) -> Vec<&str> {
    results.hits.iter().map(|h| h.sku.as_str()).collect()
}

async fn search(client: &crate::helpers::ApiClient, body: Value) -> SearchResults {
    client.post("/api/search/products", body).await.ok()
}

#[tokio::test]
async fn chinese_and_english_queries_find_what_the_buyer_means() {
    let app = spawn_app().await;
    let catalog = Catalog::insert(&app).await;
    let (buyer, _) = app.org_admin("buyer").await;
    catalog.wait_until_indexed(&buyer).await;

    let rebar = search(&buyer, query("钢筋")).await;
    assert_eq!(skus(&rebar), ["RB-HRB400-12", "RB-HRB400-16"]);
    let stainless_bolts = search(&buyer, query("不锈钢螺栓")).await;
    assert_eq!(
        skus(&stainless_bolts),
        ["BT-SS-M12"],
        "carbon bolts and stainless plate stay out"
    );
    let english = search(&buyer, query("stainless bolts")).await;
    assert_eq!(skus(&english), ["BT-SS-M12"]);
    let prefix = search(&buyer, query("rebar 1")).await;
    assert_eq!(
        prefix.total, 2,
        "the last word matches as a prefix (12, 16)"
    );
    assert_eq!(search(&buyer, query("titanium")).await.total, 0);
}

#[tokio::test]
async fn unreviewed_offers_and_products_never_appear_in_search_or_comparison() {
    let app = spawn_app().await;
    let catalog = Catalog::insert(&app).await;
    let (buyer, _) = app.org_admin("buyer").await;
    catalog.wait_until_indexed(&buyer).await;

    let everything = search(&buyer, query("")).await;
    assert!(
        !skus(&everything).contains(&"PENDING-1"),
        "a pending product is hidden"
    );
    let rebar = everything
        .hits
        .iter()
        .find(|h| h.sku == "RB-HRB400-12")
        .unwrap();
    assert_eq!(
        rebar.offer_count, 2,
        "the pending revision of a third offer is not counted"
    );

    let compared: ComparisonData = buyer
        .post(
            "/api/compare/offers",
            catalog.compare_body(&[catalog.rebar_12, catalog.pending_product], "50"),
        )
        .await
        .ok();
    assert_eq!(compared.products.len(), 1);
    let suppliers: Vec<&str> = compared
        .listings
        .iter()
        .map(|l| l.supplier_name.as_str())
        .collect();
    assert!(!suppliers.contains(&"Pending Steel"), "{suppliers:?}");
    assert_eq!(compared.listings.len(), 2);

    let only_pending = buyer
        .post(
            "/api/compare/offers",
            catalog.compare_body(&[catalog.pending_product], "50"),
        )
        .await;
    only_pending.assert_error(404, "not_found");
}

#[tokio::test]
async fn facets_count_products_and_filters_narrow_them() {
    let app = spawn_app().await;
    let catalog = Catalog::insert(&app).await;
    let (buyer, _) = app.org_admin("buyer").await;
    catalog.wait_until_indexed(&buyer).await;

    let mut body = query("");
    body["query"]["category_id"] = json!(catalog.rebar_category);
    let all_rebar = search(&buyer, body.clone()).await;
    assert_eq!(all_rebar.total, 2);
    let grades = &all_rebar.facets.options["grade"];
    assert_eq!(grades.len(), 1);
    assert_eq!((grades[0].value.as_str(), grades[0].count), ("HRB400", 2));
    let range = &all_rebar.facets.ranges[0];
    assert_eq!(
        (range.min.to_string(), range.max.to_string()),
        ("12".into(), "16".into())
    );

    body["query"]["ranges"] = json!({"diameter": {"min": "14", "max": null}});
    assert_eq!(skus(&search(&buyer, body.clone()).await), ["RB-HRB400-16"]);
    body["query"]["ranges"] = json!({});
    body["query"]["incoterms"] = json!(["DDP"]);
    let ddp = search(&buyer, body).await;
    assert_eq!(skus(&ddp), ["RB-HRB400-12"]);
    let fob = ddp
        .facets
        .incoterms
        .iter()
        .find(|f| f.value == "FOB")
        .unwrap();
    assert_eq!(fob.count, 2, "the incoterm facet ignores its own filter");
}

#[tokio::test]
async fn the_comparison_prices_every_column_and_explains_what_it_cannot() {
    let app = spawn_app().await;
    let catalog = Catalog::insert(&app).await;
    let (buyer, _) = app.org_admin("buyer").await;
    catalog.wait_until_indexed(&buyer).await;

    let data: ComparisonData = buyer
        .post(
            "/api/compare/offers",
            catalog.compare_body(&[catalog.rebar_12, catalog.rebar_16], "50"),
        )
        .await
        .ok();
    assert_eq!(data.listings.len(), 3);
    let mut priced = 0;
    let basis = Basis {
        quantity: "50".parse().unwrap(),
        destination: Region::Europe,
        currency: Currency::EUR,
        on: data.on,
        annual_rate_percent: "8".parse().unwrap(),
    };
    for (listing, column) in data.listings.iter().zip(&data.columns) {
        // The browser recomputes each column from the same facts and tables: it must agree.
        let in_browser = price_listing(listing, &data.tables, &basis);
        match (column, in_browser) {
            (
                ColumnOutcome::Priced {
                    landed_unit,
                    landed_total,
                    ..
                },
                Ok((_, landed)),
            ) => {
                priced += 1;
                assert_eq!((*landed_unit, *landed_total), (landed.unit, landed.total));
                let sum: rust_decimal::Decimal =
                    landed.components.iter().map(|c| c.amount.amount).sum();
                assert_eq!(sum, landed.total.amount, "the parts add up to the total");
                assert_eq!(landed.total.currency, Currency::EUR);
            }
            (ColumnOutcome::Unavailable { issue }, Err(again)) => {
                assert_eq!(*issue, again);
                assert_eq!(
                    listing.supplier_name, "Hengda Steel",
                    "only the MOQ-100 offer: {issue:?}"
                );
            }
            (column, browser) => panic!("server {column:?} but browser {browser:?}"),
        }
    }
    assert_eq!(priced, 2);
    // The FOB offer pays freight from East Asia to Europe: 50 t × USD 40 at 1 EUR = 1.25 USD.
    let fob = data
        .listings
        .iter()
        .find(|l| l.incoterm.as_str() == "FOB" && l.moq == rust_decimal::Decimal::TEN)
        .unwrap();
    let (_, landed) = price_listing(fob, &data.tables, &basis).unwrap();
    assert_eq!(landed.components[1].amount.amount.to_string(), "1600.00");
}

#[tokio::test]
async fn comparison_and_search_refuse_bad_input_and_strangers() {
    let app = spawn_app().await;
    let catalog = Catalog::insert(&app).await;
    let (buyer, _) = app.org_admin("buyer").await;

    let reply: Reply = buyer
        .post(
            "/api/compare/offers",
            catalog.compare_body(&[catalog.rebar_12], "0"),
        )
        .await;
    reply.assert_field_issue("quantity", "not_positive");
    let mut body = catalog.compare_body(&[catalog.rebar_12], "10");
    body["request"]["annual_rate_percent"] = json!("250");
    buyer
        .post("/api/compare/offers", body)
        .await
        .assert_field_issue("annual_rate_percent", "out_of_range");
    let no_products = buyer
        .post("/api/compare/offers", catalog.compare_body(&[], "10"))
        .await;
    no_products.assert_field_issue("product_ids", "required");
    let long = "钢".repeat(201);
    buyer
        .post("/api/search/products", query(&long))
        .await
        .assert_field_issue("text", "too_long");

    let stranger = app.new_client();
    stranger
        .post("/api/search/products", query("rebar"))
        .await
        .assert_error(401, "unauthorized");
    stranger
        .post(
            "/api/compare/offers",
            catalog.compare_body(&[catalog.rebar_12], "10"),
        )
        .await
        .assert_error(401, "unauthorized");
}
