//! The benchmark catalog: categories, ten thousand products with English and Chinese names, and
//! ten approved offers (listings) each, written with bulk `unnest` inserts, plus FX, freight and
//! duty tables. Deterministic: the same arguments give the same catalog.

use app::rules::catalog::search_terms::{search_document, Weight};
use serde_json::json;
use sqlx::PgPool;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// A category template: code, names, and a name pattern per product.
struct Family {
    code: &'static str,
    name_en: &'static str,
    name_zh: &'static str,
    unit: &'static str,
    product: fn(usize) -> (String, String),
}

const MATERIALS: [(&str, &str); 4] = [
    ("Stainless steel 304", "304不锈钢"),
    ("Stainless steel 316", "316不锈钢"),
    ("Carbon steel 8.8", "8.8级碳钢"),
    ("Galvanised steel", "镀锌钢"),
];

const FAMILIES: [Family; 10] = [
    Family {
        code: "rebar",
        name_en: "Rebar",
        name_zh: "钢筋",
        unit: "t",
        product: |i| {
            (
                format!(
                    "HRB{} deformed steel rebar {} mm lot {i}",
                    [400, 500][i % 2],
                    8 + i % 25
                ),
                format!("HRB{} 螺纹钢筋 {}mm 批次{i}", [400, 500][i % 2], 8 + i % 25),
            )
        },
    },
    Family {
        code: "bolts",
        name_en: "Bolts",
        name_zh: "螺栓",
        unit: "pc",
        product: |i| {
            let (en, zh) = MATERIALS[i % 4];
            (
                format!(
                    "{en} hex bolt M{}×{} type {i}",
                    6 + 2 * (i % 10),
                    20 + 5 * (i % 20)
                ),
                format!(
                    "{zh}六角螺栓 M{}×{} 型号{i}",
                    6 + 2 * (i % 10),
                    20 + 5 * (i % 20)
                ),
            )
        },
    },
    Family {
        code: "plate",
        name_en: "Steel plate",
        name_zh: "钢板",
        unit: "t",
        product: |i| {
            let (en, zh) = MATERIALS[i % 4];
            (
                format!("{en} plate {} mm grade {i}", 2 + i % 40),
                format!("{zh}板 {}mm 规格{i}", 2 + i % 40),
            )
        },
    },
    Family {
        code: "pipes",
        name_en: "Steel pipes",
        name_zh: "钢管",
        unit: "m",
        product: |i| {
            (
                format!("Seamless steel pipe DN{} schedule {i}", 15 + 5 * (i % 60)),
                format!("无缝钢管 DN{} 规格{i}", 15 + 5 * (i % 60)),
            )
        },
    },
    Family {
        code: "valves",
        name_en: "Valves",
        name_zh: "阀门",
        unit: "pc",
        product: |i| {
            (
                format!(
                    "Ball valve PN{} DN{} model {i}",
                    [16, 25, 40][i % 3],
                    15 + 5 * (i % 30)
                ),
                format!(
                    "球阀 PN{} DN{} 型号{i}",
                    [16, 25, 40][i % 3],
                    15 + 5 * (i % 30)
                ),
            )
        },
    },
    Family {
        code: "bearings",
        name_en: "Bearings",
        name_zh: "轴承",
        unit: "pc",
        product: |i| {
            (
                format!("Deep groove ball bearing 6{:03} series {i}", i % 400),
                format!("深沟球轴承 6{:03} 系列{i}", i % 400),
            )
        },
    },
    Family {
        code: "flanges",
        name_en: "Flanges",
        name_zh: "法兰",
        unit: "pc",
        product: |i| {
            (
                format!("Weld neck flange class {} size {i}", [150, 300, 600][i % 3]),
                format!("对焊法兰 {}磅 规格{i}", [150, 300, 600][i % 3]),
            )
        },
    },
    Family {
        code: "wire",
        name_en: "Steel wire",
        name_zh: "钢丝",
        unit: "t",
        product: |i| {
            (
                format!("Galvanised steel wire {}.{} mm coil {i}", 1 + i % 5, i % 10),
                format!("镀锌钢丝 {}.{}mm 盘{i}", 1 + i % 5, i % 10),
            )
        },
    },
    Family {
        code: "fittings",
        name_en: "Pipe fittings",
        name_zh: "管件",
        unit: "pc",
        product: |i| {
            (
                format!("Butt weld elbow 90° DN{} part {i}", 15 + 5 * (i % 40)),
                format!("对焊弯头 90° DN{} 件{i}", 15 + 5 * (i % 40)),
            )
        },
    },
    Family {
        code: "sheet",
        name_en: "Steel sheet",
        name_zh: "钢卷",
        unit: "t",
        product: |i| {
            (
                format!(
                    "Cold rolled steel coil {}.{} mm batch {i}",
                    i % 3,
                    2 + i % 8
                ),
                format!("冷轧钢卷 {}.{}mm 批{i}", i % 3, 2 + i % 8),
            )
        },
    },
];

const ORIGINS: [(&str, &str); 5] = [
    ("CN", "east_asia"),
    ("VN", "southeast_asia"),
    ("IN", "south_asia"),
    ("TR", "middle_east"),
    ("DE", "europe"),
];
const INCOTERMS: [&str; 6] = ["EXW", "FCA", "FOB", "CIF", "DAP", "DDP"];
const CURRENCIES: [&str; 3] = ["USD", "CNY", "EUR"];

/// What was seeded, for the load phases.
pub struct Seeded {
    /// Product ids per category code, in order.
    pub products: Vec<(String, Vec<Uuid>)>,
    pub categories: Vec<Uuid>,
}

/// Seeds `products` products with `offers_per_product` listings each (ids are v5 of their
/// number, so reruns on a fresh database give the same catalog).
pub async fn seed(pool: &PgPool, products: usize, offers_per_product: usize) -> Seeded {
    let namespace = Uuid::from_u128(0x000A_902A);
    let id = |kind: &str, n: usize| Uuid::new_v5(&namespace, format!("{kind}-{n}").as_bytes());
    let reviewer = id("account", 0);
    sqlx::query(
        "insert into account (account_id, email, display_name, password_hash, role)
         values ($1, 'bench-reviewer@example.com', 'Bench reviewer', 'x', 'operator')",
    )
    .bind(reviewer)
    .execute(pool)
    .await
    .expect("the bench reviewer");
    let suppliers: Vec<Uuid> = (0..200).map(|n| id("supplier", n)).collect();
    let names: Vec<String> = (0..200).map(|n| format!("Bench Supplier {n:03}")).collect();
    sqlx::query(
        "insert into organisation (organisation_id, name, kind)
         select id, name, 'supplier' from unnest($1::uuid[], $2::text[]) as s(id, name)",
    )
    .bind(&suppliers)
    .bind(&names)
    .execute(pool)
    .await
    .expect("bench suppliers");

    let mut categories = Vec::new();
    for (n, family) in FAMILIES.iter().enumerate() {
        let category = id("category", n);
        categories.push(category);
        sqlx::query(
            "insert into category (category_id, code, name_en, name_zh) values ($1, $2, $3, $4)",
        )
        .bind(category)
        .bind(family.code)
        .bind(family.name_en)
        .bind(family.name_zh)
        .execute(pool)
        .await
        .expect("a bench category");
    }

    let today = OffsetDateTime::now_utc().date();
    let mut seeded = Seeded {
        products: Vec::new(),
        categories: categories.clone(),
    };
    let per_family = products / FAMILIES.len();
    for (f, family) in FAMILIES.iter().enumerate() {
        let mut batch = ProductBatch::default();
        for i in 0..per_family {
            let n = f * per_family + i;
            let (name_en, name_zh) = (family.product)(i);
            let sku = format!("BN-{}-{i:05}", family.code.to_uppercase());
            let doc = search_document(&[
                (&sku, Weight::A),
                (&name_en, Weight::A),
                (&name_zh, Weight::A),
            ]);
            batch.ids.push(id("product", n));
            batch.skus.push(sku);
            batch.names_en.push(name_en);
            batch.names_zh.push(name_zh);
            batch.docs.push(doc);
        }
        sqlx::query(
            "insert into product (product_id, category_id, sku, name_en, name_zh, unit, status, search_doc)
             select id, $2, sku, en, zh, $3, 'approved', doc::tsvector
             from unnest($1::uuid[], $4::text[], $5::text[], $6::text[], $7::text[]) as p(id, sku, en, zh, doc)",
        )
        .bind(&batch.ids)
        .bind(categories[f])
        .bind(family.unit)
        .bind(&batch.skus)
        .bind(&batch.names_en)
        .bind(&batch.names_zh)
        .bind(&batch.docs)
        .execute(pool)
        .await
        .expect("bench products");
        insert_offers(
            pool,
            &batch.ids,
            categories[f],
            offers_per_product,
            &suppliers,
            reviewer,
            today,
            f,
        )
        .await;
        seeded.products.push((family.code.to_owned(), batch.ids));
    }
    seed_tables(pool, &categories, today).await;
    seeded
}

#[derive(Default)]
struct ProductBatch {
    ids: Vec<Uuid>,
    skus: Vec<String>,
    names_en: Vec<String>,
    names_zh: Vec<String>,
    docs: Vec<String>,
}

#[allow(clippy::too_many_arguments)]
async fn insert_offers(
    pool: &PgPool,
    products: &[Uuid],
    category: Uuid,
    per_product: usize,
    suppliers: &[Uuid],
    reviewer: Uuid,
    today: time::Date,
    family: usize,
) {
    let mut rows: Vec<(Uuid, Uuid, Uuid, Uuid, serde_json::Value, usize)> = Vec::new();
    for (p, product) in products.iter().enumerate() {
        for o in 0..per_product {
            let n = (family * 1_000_000) + p * per_product + o;
            let offer = Uuid::new_v5(&Uuid::from_u128(0x000A_902B), &n.to_le_bytes());
            let revision = Uuid::new_v5(&Uuid::from_u128(0x000A_902C), &n.to_le_bytes());
            let supplier = suppliers[(p * 7 + o * 13) % suppliers.len()];
            let base = 10 + (n * 37) % 990;
            let tiers = json!([
                {"min_quantity": "10", "unit_price": format!("{base}.50")},
                {"min_quantity": "100", "unit_price": format!("{}.25", base * 95 / 100)},
                {"min_quantity": "1000", "unit_price": format!("{}", base * 90 / 100)},
            ]);
            rows.push((offer, revision, *product, supplier, tiers, n));
        }
    }
    for chunk in rows.chunks(5_000) {
        let offers: Vec<Uuid> = chunk.iter().map(|r| r.0).collect();
        let revisions: Vec<Uuid> = chunk.iter().map(|r| r.1).collect();
        let products: Vec<Uuid> = chunk.iter().map(|r| r.2).collect();
        let suppliers: Vec<Uuid> = chunk.iter().map(|r| r.3).collect();
        let tiers: Vec<serde_json::Value> = chunk.iter().map(|r| r.4.clone()).collect();
        let n: Vec<i64> = chunk.iter().map(|r| r.5 as i64).collect();
        let references: Vec<String> = chunk.iter().map(|r| format!("REF-{}", r.5)).collect();
        let mut tx = pool.begin().await.expect("a transaction");
        sqlx::query(
            "insert into offer (offer_id, product_id, supplier_id, reference)
             select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[])",
        )
        .bind(&offers)
        .bind(&products)
        .bind(&suppliers)
        .bind(&references)
        .execute(&mut *tx)
        .await
        .expect("bench offers");
        sqlx::query(
            "insert into offer_revision (revision_id, offer_id, content, status, submitted_by, reviewed_by, reviewed_at)
             select r, o, jsonb_build_object('tiers', t), 'approved', $4, $4, now()
             from unnest($1::uuid[], $2::uuid[], $3::jsonb[]) as x(r, o, t)",
        )
        .bind(&revisions)
        .bind(&offers)
        .bind(&tiers)
        .bind(reviewer)
        .execute(&mut *tx)
        .await
        .expect("bench revisions");
        sqlx::query(
            "insert into listing (offer_id, revision_id, product_id, category_id, supplier_id, tiers, moq,
                 lead_time_days, incoterm, origin_country, origin_region, currency, from_price, stock,
                 valid_from, valid_until, sample_available, sample_price, payment_days, approved_at)
             select o, r, p, $5, s, t, 10, 5 + (n % 56), ($7::text[])[1 + n % 6],
                 ($8::text[])[1 + n % 5], ($9::text[])[1 + n % 5], ($10::text[])[1 + n % 3],
                 (t->0->>'unit_price')::numeric, case when n % 4 = 0 then null else 5000 end,
                 $6, $6 + 180, n % 3 = 0, case when n % 6 = 0 then 25 end, (n % 4) * 15, now()
             from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $11::jsonb[], $12::bigint[])
                 as x(o, r, p, s, t, n)",
        )
        .bind(&offers)
        .bind(&revisions)
        .bind(&products)
        .bind(&suppliers)
        .bind(category)
        .bind(today - Duration::days(1))
        .bind(INCOTERMS.map(str::to_owned).to_vec())
        .bind(ORIGINS.map(|(c, _)| c.to_owned()).to_vec())
        .bind(ORIGINS.map(|(_, r)| r.to_owned()).to_vec())
        .bind(CURRENCIES.map(str::to_owned).to_vec())
        .bind(&tiers)
        .bind(&n)
        .execute(&mut *tx)
        .await
        .expect("bench listings");
        tx.commit().await.expect("the batch commits");
    }
}

async fn seed_tables(pool: &PgPool, categories: &[Uuid], today: time::Date) {
    let from = today - Duration::days(3);
    for (base, quote, rate) in [
        ("USD", "CNY", "7.1"),
        ("EUR", "USD", "1.08"),
        ("EUR", "CNY", "7.7"),
    ] {
        sqlx::query(
            "insert into fx_rate (base, quote, rate, valid_from) values ($1, $2, $3::numeric, $4)",
        )
        .bind(base)
        .bind(quote)
        .bind(rate)
        .bind(from)
        .execute(pool)
        .await
        .expect("a bench FX rate");
    }
    let destinations = ["europe", "north_america", "east_asia"];
    for incoterm in ["EXW", "FCA", "FOB"] {
        for (_, origin) in ORIGINS {
            for destination in destinations {
                sqlx::query(
                    "insert into freight_rate (incoterm, origin_region, destination_region, basis, amount, currency)
                     values ($1, $2, $3, 'per_unit', 12.5, 'USD')",
                )
                .bind(incoterm)
                .bind(origin)
                .bind(destination)
                .execute(pool)
                .await
                .expect("a bench freight rate");
            }
        }
    }
    for category in categories {
        for destination in destinations {
            sqlx::query("insert into duty_rate (category_id, destination_region, percent) values ($1, $2, 4.5)")
                .bind(category)
                .bind(destination)
                .execute(pool)
                .await
                .expect("a bench duty rate");
        }
    }
}
