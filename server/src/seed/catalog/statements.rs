//! The demo catalog's statements: each table is filled from one JSON array in one statement
//! (`jsonb_to_recordset`), which keeps the seed fast however many rows it writes.

use super::offers::DemoOffer;
use super::{category_id, day, org, Schemas};
use crate::seed::demo_data::{DEMO_ORGS, DEMO_STAFF};
use crate::seed::demo_id;
use app::rules::upload::checksum_hex;
use serde_json::{json, Value};
use sqlx::PgConnection;
use time::Date;
use uuid::Uuid;

/// Every demo supplier is approved (with a licence, and ISO 9001 for the metal trades), so
/// `can_trade` lets it quote, bid and list offers.
pub async fn approve_suppliers(
    tx: &mut PgConnection,
    reviewer: Uuid,
    today: Date,
) -> anyhow::Result<()> {
    let content = b"%PDF-1.4\n% Agora demo document\n".as_slice();
    let sha256 = checksum_hex(content);
    let mut profiles = Vec::new();
    let mut documents = Vec::new();
    for (index, demo) in DEMO_ORGS.iter().enumerate() {
        if !demo.kind.supplies() {
            continue;
        }
        let (organisation_id, admin) = org(demo.name);
        let categories: &[&str] = match demo.industry {
            "Steel" => &["steel"],
            "Fasteners" => &["fasteners"],
            "Electronics" => &["electronics"],
            "Fresh produce" => &["fresh_produce"],
            _ => &["steel", "fasteners"],
        };
        profiles.push(json!({
            "organisation_id": organisation_id,
            "legal_name": demo.name,
            "registration_number": format!("{}-{:06}", demo.country, 310_000 + index * 7_919),
            "address": format!("{}, {}", demo.city, demo.country),
            "categories": categories,
            "production_capacity": demo.description,
            "admin": admin,
        }));
        let certified = categories.contains(&"steel") || categories.contains(&"fasteners");
        for (kind, years) in [("business_licence", 3), ("iso9001", 2)] {
            if kind == "iso9001" && !certified {
                continue;
            }
            documents.push(json!({
                "document_id": demo_id(&format!("document:{kind}:{}", demo.name)),
                "organisation_id": organisation_id,
                "kind": kind,
                "number": format!("{}-{:05}", kind.to_uppercase(), 10_000 + index * 131),
                "issuer": if kind == "iso9001" { "SGS" } else { "Registry of companies" },
                "expires_on": day(today, 365 * years - 40),
                "file_name": format!("{kind}.pdf"),
                "uploaded_by": admin,
            }));
        }
    }
    let profiles = Value::Array(profiles);
    sqlx::query!(
        r#"insert into supplier_profile (organisation_id, legal_name, registration_number, address,
               categories, production_capacity, status, submitted_at)
           select r.organisation_id, r.legal_name, r.registration_number, r.address, r.categories,
                  r.production_capacity, 'approved', now() - interval '30 days'
           from jsonb_to_recordset($1::jsonb) as r(organisation_id uuid, legal_name text,
               registration_number text, address text, categories text[], production_capacity text)
           on conflict (organisation_id) do nothing"#,
        profiles
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        r#"insert into qualification_event (event_id, organisation_id, actor_id, action, status_after, at)
           select gen_random_uuid(), r.organisation_id, e.actor, e.action, e.status, e.at
           from jsonb_to_recordset($1::jsonb) as r(organisation_id uuid, admin uuid)
           cross join lateral (values
               (r.admin, 'submitted', 'applied', now() - interval '30 days'),
               ($2::uuid, 'approved', 'approved', now() - interval '25 days')
           ) as e(actor, action, status, at)"#,
        profiles,
        reviewer
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        r#"insert into supplier_document (document_id, organisation_id, kind, number, issuer,
               expires_on, file_name, content_type, size_bytes, sha256, content, review,
               reviewed_by, reviewed_at, uploaded_by, uploaded_at)
           select r.document_id, r.organisation_id, r.kind, r.number, r.issuer, r.expires_on,
                  r.file_name, 'application/pdf', length($2::bytea), $3, $2, 'approved', $4,
                  now() - interval '25 days', r.uploaded_by, now() - interval '30 days'
           from jsonb_to_recordset($1::jsonb) as r(document_id uuid, organisation_id uuid,
               kind text, number text, issuer text, expires_on date, file_name text, uploaded_by uuid)
           on conflict (document_id) do nothing"#,
        Value::Array(documents),
        content,
        sha256,
        reviewer
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn insert_categories(tx: &mut PgConnection, rows: Value) -> anyhow::Result<()> {
    sqlx::query!(
        r#"insert into category (category_id, parent_id, code, name_en, name_zh, attributes)
           select r.category_id, r.parent_id, r.code, r.name_en, r.name_zh, r.attributes
           from jsonb_to_recordset($1::jsonb) as r(category_id uuid, parent_id uuid, code text,
               name_en text, name_zh text, attributes jsonb)
           on conflict (category_id) do nothing"#,
        rows
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn insert_products(
    tx: &mut PgConnection,
    rows: Value,
    reviewer: Uuid,
) -> anyhow::Result<()> {
    sqlx::query!(
        r#"insert into product (product_id, category_id, sku, name_en, name_zh, description_en,
               description_zh, attributes, unit, status, reviewed_by, reviewed_at, search_doc)
           select r.product_id, r.category_id, r.sku, r.name_en, r.name_zh, r.description_en,
                  r.description_zh, r.attributes, r.unit, 'approved', $2, now(),
                  r.search_doc::tsvector
           from jsonb_to_recordset($1::jsonb) as r(product_id uuid, category_id uuid, sku text,
               name_en text, name_zh text, description_en text, description_zh text,
               attributes jsonb, unit text, search_doc text)
           on conflict (product_id) do nothing"#,
        rows,
        reviewer
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Offers, their approved revisions and the listings buyers see, from one array.
pub async fn insert_offers(
    tx: &mut PgConnection,
    offers: &[DemoOffer],
    reviewer: Uuid,
) -> anyhow::Result<()> {
    let rows: Vec<Value> = offers
        .iter()
        .map(|offer| {
            let c = &offer.content;
            json!({
                "offer_id": offer.offer_id,
                "revision_id": offer.revision_id,
                "product_id": offer.product_id,
                "category_id": category_id(offer.category),
                "supplier_id": offer.supplier_id,
                "submitted_by": offer.submitted_by,
                "reference": c.reference,
                "content": c,
                "tiers": c.tiers,
                "moq": c.moq,
                "from_price": c.tiers[0].unit_price,
                "stock": c.stock,
            })
        })
        .collect();
    let rows = Value::Array(rows);
    sqlx::query!(
        r#"insert into offer (offer_id, product_id, supplier_id, reference)
           select r.offer_id, r.product_id, r.supplier_id, r.reference
           from jsonb_to_recordset($1::jsonb) as r(offer_id uuid, product_id uuid,
               supplier_id uuid, reference text)
           on conflict (offer_id) do nothing"#,
        rows
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        r#"insert into offer_revision (revision_id, offer_id, content, status, submitted_by,
               submitted_at, reviewed_by, reviewed_at)
           select r.revision_id, r.offer_id, r.content, 'approved', r.submitted_by,
                  now() - interval '4 days', $2, now() - interval '3 days'
           from jsonb_to_recordset($1::jsonb) as r(revision_id uuid, offer_id uuid,
               content jsonb, submitted_by uuid)
           on conflict (revision_id) do nothing"#,
        rows,
        reviewer
    )
    .execute(&mut *tx)
    .await?;
    // The listing's typed columns are read from the very content stored in the revision.
    sqlx::query!(
        r#"insert into listing (offer_id, revision_id, product_id, category_id, supplier_id,
               tiers, moq, lead_time_days, incoterm, origin_country, origin_region, currency,
               from_price, stock, valid_from, valid_until, sample_available, sample_price,
               payment_days, approved_at)
           select r.offer_id, r.revision_id, r.product_id, r.category_id, r.supplier_id,
                  r.tiers, r.moq, (r.content->>'lead_time_days')::int, r.content->>'incoterm',
                  r.content->>'origin_country', r.content->>'origin_region', r.content->>'currency',
                  r.from_price, r.stock, (r.content->>'valid_from')::date,
                  (r.content->>'valid_until')::date, (r.content->>'sample_available')::boolean,
                  (r.content->>'sample_price')::numeric, (r.content->>'payment_days')::int,
                  now() - interval '3 days'
           from jsonb_to_recordset($1::jsonb) as r(offer_id uuid, revision_id uuid,
               product_id uuid, category_id uuid, supplier_id uuid, content jsonb, tiers jsonb,
               moq numeric, from_price numeric, stock numeric)
           on conflict (offer_id) do nothing"#,
        rows
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// FX rates (with some history), freight lanes from each origin region to Europe, North
/// America and East Asia, duty per category there, and the moderation terms.
pub async fn market_tables(
    tx: &mut PgConnection,
    today: Date,
    schemas: &Schemas,
) -> anyhow::Result<()> {
    let operator = demo_id(DEMO_STAFF[0].0);
    let mut rates = Vec::new();
    for (base, quote, current, earlier) in [
        ("USD", "CNY", "7.1200", Some("7.0950")),
        ("EUR", "USD", "1.0800", Some("1.0720")),
        ("USD", "VND", "25410", None),
        ("USD", "INR", "84.30", Some("83.95")),
        ("USD", "TRY", "34.25", None),
    ] {
        rates.push(
            json!({"base": base, "quote": quote, "rate": current, "valid_from": day(today, -3)}),
        );
        if let Some(earlier) = earlier {
            rates.push(json!({"base": base, "quote": quote, "rate": earlier, "valid_from": day(today, -17)}));
        }
    }
    sqlx::query!(
        r#"insert into fx_rate (base, quote, rate, valid_from, created_by, created_at)
           select r.base, r.quote, r.rate, r.valid_from, $2, r.valid_from::timestamptz
           from jsonb_to_recordset($1::jsonb) as r(base text, quote text, rate numeric,
               valid_from date)
           on conflict (base, quote, valid_from) do nothing"#,
        Value::Array(rates),
        operator
    )
    .execute(&mut *tx)
    .await?;
    let mut freight = Vec::new();
    #[rustfmt::skip]
    let lanes = [
        ("east_asia", [2800, 3200, 900]),
        ("southeast_asia", [2600, 3400, 1100]),
        ("south_asia", [2300, 3600, 1500]),
        ("europe", [1200, 2600, 1900]),
        ("middle_east", [1500, 3000, 2200]),
    ];
    for (origin, amounts) in lanes {
        let destinations = ["europe", "north_america", "east_asia"];
        for (destination, ocean) in destinations.into_iter().zip(amounts) {
            // FCA adds the export terminal handling, EXW the inland haulage too.
            for (incoterm, extra) in [("FOB", 0), ("FCA", 250), ("EXW", 600)] {
                let (amount, currency) = if origin == "europe" {
                    ((ocean + extra) * 93 / 100, "EUR")
                } else {
                    (ocean + extra, "USD")
                };
                freight.push(json!({
                    "incoterm": incoterm, "origin_region": origin, "destination_region": destination,
                    "amount": amount, "currency": currency,
                }));
            }
        }
    }
    sqlx::query!(
        r#"insert into freight_rate (incoterm, origin_region, destination_region, basis, amount,
               currency, updated_by)
           select r.incoterm, r.origin_region, r.destination_region, 'per_shipment', r.amount,
                  r.currency, $2
           from jsonb_to_recordset($1::jsonb) as r(incoterm text, origin_region text,
               destination_region text, amount numeric, currency text)
           on conflict (incoterm, origin_region, destination_region) do nothing"#,
        Value::Array(freight),
        operator
    )
    .execute(&mut *tx)
    .await?;
    // Percent into Europe, North America (steel under section 232) and East Asia.
    #[rustfmt::skip]
    let duties = [
        ("rebar", ["0", "25", "3"]),
        ("steel-plate", ["0", "25", "3"]),
        ("steel-pipe", ["0", "25", "5"]),
        ("bolts", ["3.7", "8.5", "8"]),
        ("valves", ["2.2", "5.6", "7"]),
        ("bearings", ["8", "9", "6"]),
    ];
    let mut duty = Vec::new();
    for (code, percents) in duties {
        anyhow::ensure!(schemas.contains_key(code), "no demo category {code}");
        for (destination, percent) in ["europe", "north_america", "east_asia"]
            .into_iter()
            .zip(percents)
        {
            duty.push(json!({"category_id": category_id(code), "destination_region": destination, "percent": percent}));
        }
    }
    sqlx::query!(
        r#"insert into duty_rate (category_id, destination_region, percent, updated_by)
           select r.category_id, r.destination_region, r.percent, $2
           from jsonb_to_recordset($1::jsonb) as r(category_id uuid, destination_region text,
               percent numeric)
           on conflict (category_id, destination_region) do nothing"#,
        Value::Array(duty),
        operator
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        r#"insert into moderation_term (term, kind, created_by)
           values ('counterfeit', 'sensitive', $1), ('仿冒', 'sensitive', $1),
                  ('100% guaranteed', 'claim', $1), ('best quality', 'claim', $1),
                  ('国家级', 'claim', $1), ('最好', 'claim', $1)
           on conflict (term) do nothing"#,
        operator
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}
