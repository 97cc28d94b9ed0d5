//! A small catalog written straight into the database (as approval would leave it): two
//! categories, approved products in English and Chinese, approved listings, and things buyers
//! must never see (a pending product with a listing row, an offer with only a pending revision).

use crate::helpers::ApiClient;
use crate::helpers::TestApp;
use app::rules::catalog::search_terms::{search_document, Weight};
use serde_json::{json, Value};
use uuid::Uuid;

pub struct Catalog {
    pub rebar_category: Uuid,
    pub rebar_12: Uuid,
    pub rebar_16: Uuid,
    pub pending_product: Uuid,
    /// Approved products visible to buyers.
    visible: usize,
}

impl Catalog {
    pub async fn insert(app: &TestApp) -> Catalog {
        let rebar_category = Uuid::new_v4();
        let bolts = Uuid::new_v4();
        let schema = json!([
            {"key": "diameter", "name_en": "Diameter", "name_zh": "直径", "kind": {"type": "number", "unit": "mm"}, "required": true},
            {"key": "grade", "name_en": "Grade", "name_zh": "牌号", "kind": {"type": "enumeration", "options": ["HRB400", "HRB500"]}, "required": true}
        ]);
        for (id, code, en, zh, attributes) in [
            (rebar_category, "rebar", "Rebar", "钢筋", schema),
            (bolts, "bolts", "Bolts", "螺栓", json!([])),
        ] {
            sqlx::query("insert into category (category_id, code, name_en, name_zh, attributes) values ($1, $2, $3, $4, $5)")
                .bind(id).bind(code).bind(en).bind(zh).bind(attributes)
                .execute(&app.pool).await.expect("a category");
        }
        let product = |sku: &'static str,
                       category,
                       en: &'static str,
                       zh: &'static str,
                       attributes: Value,
                       status: &'static str| {
            (Uuid::new_v4(), sku, category, en, zh, attributes, status)
        };
        let products = [
            product(
                "RB-HRB400-12",
                rebar_category,
                "HRB400 deformed steel rebar 12 mm",
                "HRB400 螺纹钢筋 12mm",
                json!({"diameter": "12", "grade": "HRB400"}),
                "approved",
            ),
            product(
                "RB-HRB400-16",
                rebar_category,
                "HRB400 deformed steel rebar 16 mm",
                "HRB400 螺纹钢筋 16mm",
                json!({"diameter": "16", "grade": "HRB400"}),
                "approved",
            ),
            product(
                "BT-SS-M12",
                bolts,
                "Stainless steel hex bolt M12×50 A2-70",
                "不锈钢六角螺栓 M12×50 A2-70",
                json!({}),
                "approved",
            ),
            product(
                "BT-CS-M12",
                bolts,
                "Carbon steel hex bolt M12×50 8.8",
                "碳钢螺栓 M12×50 8.8级",
                json!({}),
                "approved",
            ),
            product(
                "PL-SS-3",
                bolts,
                "Stainless steel plate 3 mm",
                "不锈钢板 3mm",
                json!({}),
                "approved",
            ),
            product(
                "PENDING-1",
                rebar_category,
                "Pending rebar 12 mm",
                "待审钢筋 12mm",
                json!({"diameter": "12", "grade": "HRB400"}),
                "pending",
            ),
        ];
        for (id, sku, category, en, zh, attributes, status) in &products {
            let doc = search_document(&[(sku, Weight::A), (en, Weight::A), (zh, Weight::A)]);
            sqlx::query(
                "insert into product (product_id, category_id, sku, name_en, name_zh, attributes, unit, status, search_doc)
                 values ($1, $2, $3, $4, $5, $6, 't', $7, $8::tsvector)",
            )
            .bind(id).bind(category).bind(sku).bind(en).bind(zh).bind(attributes).bind(status).bind(doc)
            .execute(&app.pool).await.expect("a product");
        }
        let ids: Vec<Uuid> = products.iter().map(|p| p.0).collect();
        let hengda = organisation(app, "Hengda Steel").await;
        let sino = organisation(app, "Sino Euro Trading").await;
        let pending = organisation(app, "Pending Steel").await;
        app.execute(&format!(
            "insert into account (account_id, email, display_name, password_hash, role)
             values ('{hengda}', 'fixture-{hengda}@example.com', 'Fixture', 'x', 'operator')"
        ))
        .await;
        // (product, supplier, incoterm, moq, price, currency)
        let listings = [
            (ids[0], sino, "FOB", "10", "560", "USD"),
            (ids[0], hengda, "DDP", "10", "4300", "CNY"),
            (ids[1], hengda, "FOB", "100", "540", "USD"),
            (ids[2], sino, "FOB", "1000", "0.12", "USD"),
            (ids[3], sino, "FOB", "1000", "0.05", "USD"),
            (ids[4], hengda, "EXW", "1", "2900", "USD"),
            (ids[5], hengda, "FOB", "1", "500", "USD"),
        ];
        for (product, supplier, incoterm, moq, price, currency) in listings {
            let offer = Uuid::new_v4();
            insert_offer(app, offer, product, supplier, hengda, "approved").await;
            app.execute(&format!(
                "insert into listing (offer_id, revision_id, product_id, category_id, supplier_id, tiers, moq,
                    lead_time_days, incoterm, origin_country, origin_region, currency, from_price,
                    valid_from, valid_until, sample_available, payment_days, approved_at)
                 select '{offer}', revision_id, '{product}', p.category_id, '{supplier}',
                    '[{{\"min_quantity\": \"{moq}\", \"unit_price\": \"{price}\"}}]', {moq}, 20, '{incoterm}',
                    'CN', 'east_asia', '{currency}', {price}, current_date - 1, current_date + 90, true, 30, now()
                 from offer_revision, product p where offer_id = '{offer}' and p.product_id = '{product}'"
            ))
            .await;
        }
        // An offer whose only revision waits for review: no listing, never visible.
        insert_offer(app, Uuid::new_v4(), ids[0], pending, hengda, "pending").await;
        app.execute(
            "insert into fx_rate (base, quote, rate, valid_from) values
               ('EUR', 'USD', 1.25, current_date - 10), ('USD', 'CNY', 7.2, current_date - 10)",
        )
        .await;
        app.execute(
            "insert into freight_rate (incoterm, origin_region, destination_region, basis, amount, currency)
               values ('FOB', 'east_asia', 'europe', 'per_unit', 40, 'USD')",
        )
        .await;
        app.execute("select pg_notify('catalog_change', 'all')")
            .await;
        Catalog {
            rebar_category,
            rebar_12: ids[0],
            rebar_16: ids[1],
            pending_product: ids[5],
            visible: 5,
        }
    }

    /// Waits until the server's catalog index has reloaded the fixtures (it reloads on the
    /// notification, like a second instance would).
    pub async fn wait_until_indexed(&self, client: &ApiClient) {
        let body = json!({"query": {"text": "", "category_id": null, "options": {}, "ranges": {},
            "incoterms": [], "origins": [], "max_lead_time_days": null, "bands": [], "page": 1}});
        for _ in 0..100 {
            let reply = client.post("/api/search/products", body.clone()).await;
            if reply.json()["total"].as_u64() == Some(self.visible as u64) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the catalog index never picked up the fixtures");
    }

    pub fn compare_body(&self, products: &[Uuid], quantity: &str) -> Value {
        json!({"request": {"product_ids": products, "quantity": quantity, "destination": "europe",
            "currency": "EUR", "annual_rate_percent": "8"}})
    }
}

async fn organisation(app: &TestApp, name: &str) -> Uuid {
    let id = Uuid::new_v4();
    app.execute(&format!(
        "insert into organisation (organisation_id, name, kind) values ('{id}', '{name}', 'supplier')"
    ))
    .await;
    id
}

async fn insert_offer(
    app: &TestApp,
    offer: Uuid,
    product: Uuid,
    supplier: Uuid,
    account: Uuid,
    status: &str,
) {
    app.execute(&format!(
        "insert into offer (offer_id, product_id, supplier_id, reference) values ('{offer}', '{product}', '{supplier}', 'REF-{offer}')"
    ))
    .await;
    app.execute(&format!(
        "insert into offer_revision (revision_id, offer_id, content, status, submitted_by)
           values (gen_random_uuid(), '{offer}', '{{}}', '{status}', '{account}')"
    ))
    .await;
}
