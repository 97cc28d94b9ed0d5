//! The demo seed's catalog: it loads fast, once, and everything in it is what the forms would
//! accept (schemas, product values, offer contents), with every demo supplier able to trade.

use crate::helpers::spawn_app;
use app::rules::catalog::attributes::check_values;
use app::rules::catalog::search_terms::search_query;
use app::rules::pricing::validate_tiers;
use app::types::catalog::{AttributeDef, AttributeValues, OfferContent};
use sqlx::types::Json;
use std::time::Instant;

#[tokio::test]
async fn the_demo_seed_loads_a_valid_catalog_quickly_and_once() {
    let app = spawn_app().await;
    let started = Instant::now();
    assert!(server::seed::seed_if_empty(&app.pool)
        .await
        .expect("the seed runs"));
    let took = started.elapsed();
    // Debug build on a shared machine: the bound only catches a seed gone row-by-row.
    assert!(took.as_secs_f64() < 5.0, "the seed took {took:?}");
    assert!(
        !server::seed::seed_if_empty(&app.pool).await.unwrap(),
        "seeds only an empty database"
    );

    let suppliers = "select count(*) from organisation where kind in ('supplier', 'both')";
    let approved = "select count(*) from supplier_profile where status = 'approved'";
    assert_eq!(app.count(approved).await, app.count(suppliers).await);
    assert!(app.count("select count(*) from category").await >= 6);
    assert!(
        app.count("select count(*) from product where status = 'approved'")
            .await
            >= 30
    );
    assert!(app.count("select count(*) from listing").await >= 60);
    for origin in ["CN", "VN", "IN", "DE", "TR"] {
        let sql = format!("select count(*) from listing where origin_country = '{origin}'");
        assert!(app.count(&sql).await > 0, "offers from {origin}");
    }
    assert_eq!(
        app.count("select count(distinct currency) from listing")
            .await,
        3
    );
    assert_eq!(app.count("select count(*) from moderation_term").await, 6);
    // Freight for every incoterm, origin and destination the offers need.
    let missing_freight =
        "select count(*) from listing l where l.incoterm in ('EXW', 'FCA', 'FOB') \
        and exists (select 1 from (values ('europe'), ('north_america'), ('east_asia')) d(region) \
        where not exists (select 1 from freight_rate f where f.incoterm = l.incoterm \
        and f.origin_region = l.origin_region and f.destination_region = d.region))";
    assert_eq!(app.count(missing_freight).await, 0);
    assert_eq!(
        app.count("select count(*) from fx_rate where valid_from > current_date")
            .await,
        0,
        "demo rates are in force today"
    );

    let products: Vec<(Json<AttributeValues>, Json<Vec<AttributeDef>>)> = sqlx::query_as(
        "select p.attributes, c.attributes from product p join category c using (category_id)",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    for (values, schema) in products {
        assert_eq!(check_values(&schema.0, &values.0).as_ref(), Ok(&values.0));
    }
    let contents: Vec<(Json<OfferContent>,)> =
        sqlx::query_as("select content from offer_revision where status = 'approved'")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    for (content,) in &contents {
        validate_tiers(&content.0.tiers, content.0.moq).expect("demo tiers are valid");
    }

    // The search documents answer English and Chinese queries.
    for (query, sku) in [
        ("钢筋", "RB-HRB400-12"),
        ("不锈钢螺栓", "BLT-A2-M12X50"),
        ("stainless bolt", "BLT-A4-M16X80"),
    ] {
        let tsquery = search_query(query).unwrap();
        let found: i64 = sqlx::query_scalar(
            "select count(*) from product where sku = $1 and search_doc @@ $2::tsquery",
        )
        .bind(sku)
        .bind(&tsquery)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        assert_eq!(found, 1, "{query} finds {sku}");
    }
}
