//! The standardised catalog over HTTP: category schemas and their errors, product values checked
//! against the schema, schema changes products would not survive, staff-only writes, supplier
//! proposals through the word filter, and who may read a proposal. The staff market tables and
//! the demo seed have their own modules.

mod market;
mod seed;

use crate::helpers::{spawn_app, ApiClient, TestApp};
use app::types::catalog::manage::{ProductDetail, ProductSummary};
use app::types::catalog::{Category, ReviewStatus};
use app::types::Role;
use serde_json::{json, Value};
use uuid::Uuid;

/// A rebar-like schema: a required grade (two options) and an optional length in metres.
fn rebar_input(code: &str) -> Value {
    json!({
        "parent_id": null,
        "code": code,
        "name_en": "Rebar",
        "name_zh": "钢筋",
        "attributes": [
            {"key": "grade", "name_en": "Grade", "name_zh": "牌号",
             "kind": {"type": "enumeration", "options": ["HRB400", "HRB500"]}, "required": true},
            {"key": "length", "name_en": "Length", "name_zh": "长度",
             "kind": {"type": "number", "unit": "m"}, "required": false}
        ]
    })
}

pub async fn save_category(
    client: &ApiClient,
    id: Option<Uuid>,
    input: Value,
) -> crate::helpers::Reply {
    client
        .post(
            "/api/catalog/save_category",
            json!({"category_id": id, "input": input}),
        )
        .await
}

/// A rebar category created by staff.
pub async fn rebar_category(staff: &ApiClient) -> Category {
    let code = format!("rebar-{}", &Uuid::new_v4().simple().to_string()[..8]);
    save_category(staff, None, rebar_input(&code)).await.ok()
}

fn product_input(category: Uuid, sku: &str, attributes: Value) -> Value {
    json!({
        "category_id": category,
        "sku": sku,
        "name_en": "HRB400 deformed steel rebar 12 mm",
        "name_zh": "HRB400 螺纹钢筋 12mm",
        "description_en": "Hot-rolled ribbed bar.",
        "description_zh": "热轧带肋钢筋。",
        "attributes": attributes,
        "unit": "t"
    })
}

async fn save_product(client: &ApiClient, id: Option<Uuid>, input: Value) -> crate::helpers::Reply {
    client
        .post(
            "/api/catalog/save_product",
            json!({"product_id": id, "input": input}),
        )
        .await
}

async fn propose(client: &ApiClient, org: Uuid, input: Value) -> crate::helpers::Reply {
    client
        .post(
            "/api/catalog/propose_product",
            json!({"organisation_id": org, "input": input}),
        )
        .await
}

async fn get_product(client: &ApiClient, id: Uuid) -> crate::helpers::Reply {
    client
        .post("/api/catalog/get_product", json!({"product_id": id}))
        .await
}

async fn add_terms(app: &TestApp) {
    app.execute(
        "insert into moderation_term (term, kind) values ('counterfeit', 'sensitive'), \
         ('仿冒', 'sensitive'), ('best quality', 'claim'), ('国家级', 'claim') \
         on conflict do nothing",
    )
    .await;
}

#[tokio::test]
async fn category_schema_errors_name_the_attribute_field() {
    let app = spawn_app().await;
    let (staff, _) = app.staff(Role::Operator).await;
    let mut input = rebar_input("Rebar Bars");
    input["name_zh"] = json!("");
    input["attributes"][1]["key"] = json!("grade");
    input["attributes"].as_array_mut().unwrap().push(json!({
        "key": "finish", "name_en": "Finish", "name_zh": "表面",
        "kind": {"type": "enumeration", "options": []}, "required": false
    }));
    let reply = save_category(&staff, None, input).await;
    reply.assert_error(422, "validation");
    assert_eq!(reply.field_codes("code"), ["invalid_format"]);
    assert_eq!(reply.field_codes("name_zh"), ["required"]);
    assert_eq!(reply.field_codes("attributes[1].key"), ["duplicate"]);
    assert_eq!(reply.field_codes("attributes[2].options"), ["required"]);
    assert_eq!(app.count("select count(*) from category").await, 0);

    let first = rebar_category(&staff).await;
    let reply = save_category(&staff, None, rebar_input(&first.code)).await;
    reply.assert_field_issue("code", "duplicate");
    // A category cannot move under its own child.
    let mut child = rebar_input("rebar-coil");
    child["parent_id"] = json!(first.category_id);
    let child: Category = save_category(&staff, None, child).await.ok();
    let mut looped = rebar_input(&first.code);
    looped["parent_id"] = json!(child.category_id);
    save_category(&staff, Some(first.category_id), looped)
        .await
        .assert_field_issue("parent_id", "invalid_choice");
}

#[tokio::test]
async fn product_values_are_checked_against_the_category_schema() {
    let app = spawn_app().await;
    let (staff, _) = app.staff(Role::Operator).await;
    let category = rebar_category(&staff).await;
    let bad = json!({"grade": "HRB600", "length": "twelve", "colour": "red"});
    let reply = save_product(&staff, None, product_input(category.category_id, "x", bad)).await;
    reply.assert_error(422, "validation");
    assert_eq!(reply.field_codes("attributes.grade"), ["invalid_choice"]);
    assert_eq!(reply.field_codes("attributes.length"), ["not_a_number"]);
    assert_eq!(reply.field_codes("attributes.colour"), ["invalid_choice"]);
    assert_eq!(reply.field_codes("sku"), ["invalid_format"]);
    let missing = product_input(category.category_id, "RB-1", json!({}));
    save_product(&staff, None, missing)
        .await
        .assert_field_issue("attributes.grade", "required");
    assert_eq!(app.count("select count(*) from product").await, 0);

    let good = json!({"grade": " HRB400 ", "length": "12.00"});
    let saved: ProductDetail = save_product(
        &staff,
        None,
        product_input(category.category_id, "rb-hrb400-12", good),
    )
    .await
    .ok();
    assert_eq!(saved.product.status, ReviewStatus::Approved);
    assert_eq!(saved.product.sku, "RB-HRB400-12");
    assert_eq!(saved.product.attributes["grade"], json!("HRB400"));
    assert_eq!(saved.product.attributes["length"], json!("12"));
    let sql = format!(
        "select count(*) from product where product_id = '{}' \
         and search_doc @@ '钢筋'::tsquery and search_doc @@ 'rebar'::tsquery",
        saved.product.product_id
    );
    assert_eq!(
        app.count(&sql).await,
        1,
        "the search document holds both languages"
    );
    let again = product_input(
        category.category_id,
        "RB-HRB400-12",
        json!({"grade": "HRB500"}),
    );
    save_product(&staff, None, again)
        .await
        .assert_field_issue("sku", "duplicate");
}

#[tokio::test]
async fn only_staff_write_the_catalog_and_anyone_signed_in_reads_it() {
    let app = spawn_app().await;
    let (staff, _) = app.staff(Role::Reviewer).await;
    let category = rebar_category(&staff).await;
    let (buyer, _) = app.org_admin("buyer").await;
    let (supplier, _) = app.org_admin("supplier").await;
    let product = product_input(category.category_id, "RB-1", json!({"grade": "HRB400"}));
    for client in [&buyer, &supplier] {
        save_category(client, None, rebar_input("other"))
            .await
            .assert_error(403, "forbidden");
        save_category(client, Some(category.category_id), rebar_input("other"))
            .await
            .assert_error(403, "forbidden");
        save_product(client, None, product.clone())
            .await
            .assert_error(403, "forbidden");
        let categories: Vec<Category> = client
            .post("/api/catalog/list_categories", json!({}))
            .await
            .ok();
        assert_eq!(categories.len(), 1);
    }
    let stranger = app.new_client();
    stranger
        .post("/api/catalog/list_categories", json!({}))
        .await
        .assert_error(401, "unauthorized");
    save_product(&stranger, None, product)
        .await
        .assert_error(401, "unauthorized");
    assert_eq!(app.count("select count(*) from category").await, 1);
}

#[tokio::test]
async fn a_proposal_with_a_sensitive_word_is_refused_and_one_with_a_claim_waits_flagged() {
    let app = spawn_app().await;
    add_terms(&app).await;
    let (staff, _) = app.staff(Role::Operator).await;
    let category = rebar_category(&staff).await;
    let (supplier, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let mut input = product_input(category.category_id, "RB-NEW-1", json!({"grade": "HRB400"}));
    input["description_zh"] = json!("绝非仿冒产品");
    input["name_en"] = json!("COUNTERFEIT-free rebar");
    let reply = propose(&supplier, org, input.clone()).await;
    reply.assert_error(422, "validation");
    assert_eq!(
        reply.json()["fields"]["name_en"][0]["code"],
        "blocked_words"
    );
    assert_eq!(
        reply.json()["fields"]["name_en"][0]["words"],
        json!(["counterfeit"])
    );
    assert_eq!(
        reply.json()["fields"]["description_zh"][0]["words"],
        json!(["仿冒"])
    );
    assert_eq!(app.count("select count(*) from product").await, 0);

    input["name_en"] = json!("Rebar, best quality");
    input["description_zh"] = json!("国家级质量");
    let proposed: ProductDetail = propose(&supplier, org, input).await.ok();
    assert_eq!(proposed.product.status, ReviewStatus::Pending);
    assert_eq!(
        proposed.flagged_terms,
        ["best quality", "国家级"],
        "the proposer learns what is checked"
    );
    let sql = format!(
        "select count(*) from product where proposed_by = '{org}' and status = 'pending' \
         and flagged_terms = array['best quality', '国家级']"
    );
    assert_eq!(app.count(&sql).await, 1);
    let mine: Vec<ProductSummary> = supplier
        .post(
            "/api/catalog/list_my_proposals",
            json!({"organisation_id": org}),
        )
        .await
        .ok();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].status, ReviewStatus::Pending);
    let seen: ProductDetail = get_product(&staff, proposed.product.product_id).await.ok();
    assert_eq!(seen.flagged_terms, ["best quality", "国家级"]);
}

#[tokio::test]
async fn a_pending_product_is_hidden_from_buyers_and_other_suppliers() {
    let app = spawn_app().await;
    let (staff, _) = app.staff(Role::Operator).await;
    let category = rebar_category(&staff).await;
    let (supplier, account) = app.org_admin("supplier").await;
    let org = account.organisation_id();
    let input = product_input(
        category.category_id,
        "RB-PENDING",
        json!({"grade": "HRB500"}),
    );
    let proposed: ProductDetail = propose(&supplier, org, input.clone()).await.ok();
    let id = proposed.product.product_id;
    let (other, other_account) = app.org_admin("supplier").await;
    let (buyer, buyer_account) = app.org_admin("buyer").await;
    get_product(&other, id).await.assert_error(404, "not_found");
    get_product(&buyer, id).await.assert_error(404, "not_found");
    let _: ProductDetail = get_product(&supplier, id).await.ok();
    let _: ProductDetail = get_product(&staff, id).await.ok();
    // Once approved, everybody signed in reads it, without the review's workings.
    app.execute(&format!(
        "update product set status = 'approved', flagged_terms = '{{best quality}}' where product_id = '{id}'"
    ))
    .await;
    let seen: ProductDetail = get_product(&buyer, id).await.ok();
    assert!(seen.flagged_terms.is_empty());
    let _: ProductDetail = get_product(&other, id).await.ok();
    app.execute(&format!(
        "update product set status = 'pending' where product_id = '{id}'"
    ))
    .await;
    let listed: Vec<ProductSummary> = buyer
        .post(
            "/api/catalog/list_category_products",
            json!({"category_id": category.category_id}),
        )
        .await
        .ok();
    assert!(listed.is_empty(), "a buyer lists approved products only");
    // Nobody proposes or reads proposals in another organisation's name.
    propose(&other, org, input.clone())
        .await
        .assert_refused("another supplier's name");
    propose(&buyer, buyer_account.organisation_id(), input)
        .await
        .assert_refused("a buyer proposing");
    other
        .post(
            "/api/catalog/list_my_proposals",
            json!({"organisation_id": org}),
        )
        .await
        .assert_refused("another supplier's proposals");
    let theirs: Vec<ProductSummary> = other
        .post(
            "/api/catalog/list_my_proposals",
            json!({"organisation_id": other_account.organisation_id()}),
        )
        .await
        .ok();
    assert!(theirs.is_empty());
}

#[tokio::test]
async fn a_schema_change_products_would_not_survive_is_refused() {
    let app = spawn_app().await;
    let (staff, _) = app.staff(Role::Operator).await;
    let category = rebar_category(&staff).await;
    let id = category.category_id;
    let with_length = product_input(id, "RB-A", json!({"grade": "HRB500", "length": "12"}));
    let _: ProductDetail = save_product(&staff, None, with_length).await.ok();
    let without = product_input(id, "RB-B", json!({"grade": "HRB400"}));
    let _: ProductDetail = save_product(&staff, None, without).await.ok();

    let mut removed = rebar_input(&category.code);
    removed["attributes"].as_array_mut().unwrap().remove(1);
    let reply = save_category(&staff, Some(id), removed).await;
    reply.assert_field_issue("attributes", "schema_in_use");
    let conflict = &reply.json()["fields"]["attributes"][0]["conflict"];
    assert_eq!(conflict["change"], "removed");
    assert_eq!(conflict["key"], "length");
    assert_eq!(conflict["example_sku"], "RB-A");

    let mut fewer_options = rebar_input(&category.code);
    fewer_options["attributes"][0]["kind"]["options"] = json!(["HRB400"]);
    save_category(&staff, Some(id), fewer_options)
        .await
        .assert_field_issue("attributes[0].options", "schema_in_use");
    let mut required = rebar_input(&category.code);
    required["attributes"][1]["required"] = json!(true);
    save_category(&staff, Some(id), required)
        .await
        .assert_field_issue("attributes[1].required", "schema_in_use");
    let unchanged: Category = save_category(&staff, Some(id), rebar_input(&category.code))
        .await
        .ok();
    assert_eq!(unchanged.attributes, category.attributes);

    // Adding an option or an optional attribute leaves every product valid.
    let mut wider = rebar_input(&category.code);
    wider["attributes"][0]["kind"]["options"] = json!(["HRB400", "HRB500", "HRB600"]);
    wider["attributes"].as_array_mut().unwrap().push(json!({
        "key": "seismic", "name_en": "Seismic", "name_zh": "抗震",
        "kind": {"type": "boolean"}, "required": false
    }));
    let saved: Category = save_category(&staff, Some(id), wider).await.ok();
    assert_eq!(saved.attributes.len(), 3);
}
