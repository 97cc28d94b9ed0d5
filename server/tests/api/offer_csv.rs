//! The supplier's CSV export and import over HTTP: a preview writes nothing, confirming writes
//! only the valid rows, an export imports back unchanged, and the file's limits and owners hold.

use crate::helpers::{spawn_app, ApiClient, Reply};
use crate::offers::{approved_product, listing_count, offer_input, save};
use crate::qualification::{approved_supplier, supplier_with_licence};
use app::rules::catalog::offer_csv::MAX_CSV_BYTES;
use app::types::catalog::{FileIssue, ImportAction, ImportReport, SupplierOffer};
use serde_json::json;
use uuid::Uuid;

const HEADER: &str = "product_sku,reference,tiers,moq,lead_time_days,incoterm,origin_country,\
                      currency,stock,valid_from,valid_until,sample_available,sample_price,\
                      payment_days,description";

async fn upload(
    client: &ApiClient,
    endpoint: &str,
    organisation_id: Uuid,
    bytes: Vec<u8>,
) -> Reply {
    let file = reqwest::multipart::Part::bytes(bytes)
        .file_name("offers.csv")
        .mime_str("text/csv")
        .expect("a valid content type");
    let form = reqwest::multipart::Form::new()
        .text("organisation_id", organisation_id.to_string())
        .part("file", file);
    client
        .send(
            client
                .http
                .post(format!("{}/api/offers/{endpoint}", client.address))
                .multipart(form),
        )
        .await
}

async fn preview(client: &ApiClient, organisation_id: Uuid, text: &str) -> Reply {
    upload(
        client,
        "preview_import",
        organisation_id,
        text.as_bytes().to_vec(),
    )
    .await
}

async fn confirm(client: &ApiClient, organisation_id: Uuid, text: &str) -> Reply {
    upload(
        client,
        "import_offers",
        organisation_id,
        text.as_bytes().to_vec(),
    )
    .await
}

async fn export(client: &ApiClient, organisation_id: Uuid) -> Reply {
    let body = json!({ "organisation_id": organisation_id });
    client.post("/api/offers/export_offers", body).await
}

fn three_rows() -> String {
    format!(
        "{HEADER}\n\
         HRB400-12,ERP-1,25:612.50;100:598,25,21,FOB,CN,USD,,2026-01-01,2099-12-31,yes,,30,Ribbed bar\n\
         HRB400-12,ERP-2,25:612.50,25,21,FOB,CN,XYZ,,2026-01-01,2099-12-31,no,,30,\n\
         HRB400-12,ERP-3,\"10:700;5:650\",25,21,FOB,CN,USD,,2026-01-01,2099-12-31,no,,30,\n\
         HRB400-12,ERP-4,25:600,25,14,CIF,VN,EUR,500,2026-01-01,2099-12-31,no,,0,\n"
    )
}

#[tokio::test]
async fn a_preview_writes_nothing_and_confirming_writes_only_the_valid_rows() {
    let app = spawn_app().await;
    approved_product(&app, "HRB400-12").await;
    let (supplier, org, _) = approved_supplier(&app).await;

    let report: ImportReport = preview(&supplier, org, &three_rows()).await.ok();
    assert!(!report.written);
    let actions: Vec<(u32, &str, ImportAction)> = report
        .rows
        .iter()
        .map(|row| (row.line, row.reference.as_str(), row.action))
        .collect();
    assert_eq!(
        actions,
        [
            (2, "ERP-1", ImportAction::Create),
            (3, "ERP-2", ImportAction::Invalid),
            (4, "ERP-3", ImportAction::Invalid),
            (5, "ERP-4", ImportAction::Create),
        ]
    );
    let codes = |row: usize, field: &str| {
        let body = serde_json::to_value(&report.rows[row].errors).unwrap();
        body[field][0]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(codes(1, "currency"), "invalid_choice");
    assert_eq!(codes(2, "tiers[1].min_quantity"), "not_increasing");
    assert_eq!(app.count("select count(*) from offer").await, 0);
    assert_eq!(app.count("select count(*) from offer_revision").await, 0);

    let report: ImportReport = confirm(&supplier, org, &three_rows()).await.ok();
    assert!(report.written);
    assert_eq!(report.count(ImportAction::Create), 2);
    assert_eq!(report.count(ImportAction::Invalid), 2);
    let references: Vec<String> =
        sqlx::query_scalar("select reference from offer order by reference")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(references, ["ERP-1", "ERP-4"]);
    assert_eq!(
        app.count("select count(*) from offer_revision where status = 'pending'")
            .await,
        2
    );
    assert_eq!(listing_count(&app).await, 0, "imports wait for review too");
}

#[tokio::test]
async fn an_export_imports_back_unchanged_and_an_edited_row_is_an_update() {
    let app = spawn_app().await;
    approved_product(&app, "HRB400-12").await;
    approved_product(&app, "M12-A4").await;
    let (supplier, org, _) = approved_supplier(&app).await;
    let mut second = offer_input("M12-A4", "B-7");
    second["description"] = json!("=HYPERLINK(\"x\"), \"quoted\"\nsecond line, 不锈钢");
    second["stock"] = json!("1250.5");
    second["sample_price"] = json!("12.5");
    second["tiers"] = json!([{ "min_quantity": "1000", "unit_price": "0.0850" }]);
    second["moq"] = json!("1000");
    let _: SupplierOffer = save(&supplier, org, None, &offer_input("HRB400-12", "A-1"))
        .await
        .ok();
    let _: SupplierOffer = save(&supplier, org, None, &second).await.ok();

    let csv: String = export(&supplier, org).await.ok();
    assert!(
        csv.contains("'=HYPERLINK"),
        "formula cells are escaped: {csv}"
    );
    let report: ImportReport = preview(&supplier, org, &csv).await.ok();
    assert_eq!(report.file_issue, None);
    assert_eq!(report.count(ImportAction::Unchanged), 2, "{report:?}");

    let edited = csv.replace("25:612.50;100:598", "25:610;100:598");
    assert_ne!(edited, csv);
    let report: ImportReport = confirm(&supplier, org, &edited).await.ok();
    let actions: Vec<ImportAction> = report.rows.iter().map(|row| row.action).collect();
    assert_eq!(actions, [ImportAction::Update, ImportAction::Unchanged]);
    assert_eq!(app.count("select count(*) from offer_revision").await, 3);
    assert_eq!(
        app.count("select count(*) from offer_revision where status = 'superseded'")
            .await,
        1
    );
}

#[tokio::test]
async fn unreadable_files_are_reported_and_oversized_bodies_refused() {
    let app = spawn_app().await;
    let (supplier, org, _) = approved_supplier(&app).await;
    let report: ImportReport = preview(&supplier, org, "reference,tiers\nA,1:2\n")
        .await
        .ok();
    assert!(matches!(
        report.file_issue,
        Some(FileIssue::MissingColumns { .. })
    ));
    let big = format!("{HEADER}\n{}", "x".repeat(MAX_CSV_BYTES));
    let report: ImportReport = preview(&supplier, org, &big).await.ok();
    assert_eq!(
        report.file_issue,
        Some(FileIssue::TooLarge {
            max_bytes: MAX_CSV_BYTES as u32
        })
    );
    let huge = "x".repeat(MAX_CSV_BYTES + 128 * 1024);
    let reply = preview(&supplier, org, &huge).await;
    assert_eq!(reply.status.as_u16(), 413, "{}", reply.text);
}

#[tokio::test]
async fn only_an_approved_suppliers_own_members_import_and_export() {
    let app = spawn_app().await;
    approved_product(&app, "HRB400-12").await;
    let (_, owner_org, _) = approved_supplier(&app).await;
    let (other, _, _) = approved_supplier(&app).await;
    let (buyer, _) = app.org_admin("buyer").await;
    preview(&other, owner_org, &three_rows())
        .await
        .assert_error(404, "not_found");
    confirm(&buyer, owner_org, &three_rows())
        .await
        .assert_error(404, "not_found");
    export(&other, owner_org)
        .await
        .assert_error(404, "not_found");
    confirm(&app.new_client(), owner_org, &three_rows())
        .await
        .assert_error(401, "unauthorized");
    let (applicant, applicant_org, _) = supplier_with_licence(&app).await;
    confirm(&applicant, applicant_org, &three_rows())
        .await
        .assert_error(403, "forbidden");
    assert_eq!(app.count("select count(*) from offer").await, 0);
}
