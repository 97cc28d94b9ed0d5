//! Tests of search over a hand-built snapshot.

use super::*;
use crate::rules::pricing::{Incoterm, PriceTier};
use crate::rules::qualification::band::Band;
use crate::server::catalog_index::IndexedProduct;
use crate::types::catalog::compare::ProductHead;
use crate::types::catalog::search::FacetCount;
use crate::types::catalog::search::NumberRange;
use crate::types::catalog::{AttributeDef, AttributeKind, Category, Region};
use serde_json::json;
use std::sync::Arc;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 25);

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn listing(
    product: u128,
    offer: u128,
    incoterm: Incoterm,
    origin: &str,
    valid_until: Date,
) -> ListingFacts {
    ListingFacts {
        offer_id: id(offer),
        product_id: id(product),
        category_id: id(900),
        supplier_id: id(800),
        supplier_name: "S".into(),
        supplier_score: Decimal::from(70),
        band: Band::Standard,
        certifications: vec![],
        tiers: vec![PriceTier {
            min_quantity: Decimal::ONE,
            unit_price: Decimal::from(offer as i64),
        }],
        moq: Decimal::ONE,
        lead_time_days: 10,
        incoterm,
        origin_country: origin.into(),
        origin_region: Region::EastAsia,
        currency: Currency::USD,
        stock: None,
        valid_until,
        sample_available: false,
        sample_price: None,
        payment_days: 0,
    }
}

fn product(
    n: u128,
    name: &str,
    diameter: &str,
    grade: &str,
    listings: Vec<ListingFacts>,
) -> (Uuid, Arc<IndexedProduct>) {
    let product = IndexedProduct {
        head: ProductHead {
            product_id: id(n),
            sku: format!("SKU-{n}"),
            name_en: name.into(),
            name_zh: name.into(),
            unit: "t".into(),
        },
        category_id: id(901),
        attributes: serde_json::from_value(json!({"diameter": diameter, "grade": grade})).unwrap(),
        listings,
    };
    (id(n), Arc::new(product))
}

fn snapshot() -> Snapshot {
    let later = date!(2027 - 01 - 01);
    let expired = date!(2026 - 11 - 01);
    let products = [
        product(
            1,
            "Rebar 10",
            "10",
            "HRB400",
            vec![listing(1, 11, Incoterm::Fob, "CN", later)],
        ),
        product(
            2,
            "Rebar 12",
            "12",
            "HRB400",
            vec![
                listing(2, 21, Incoterm::Exw, "CN", later),
                listing(2, 22, Incoterm::Fob, "VN", later),
            ],
        ),
        product(
            3,
            "Rebar 16",
            "16",
            "HRB500",
            vec![listing(3, 31, Incoterm::Cif, "TR", later)],
        ),
        product(
            4,
            "Rebar 20",
            "20",
            "HRB500",
            vec![listing(4, 41, Incoterm::Fob, "CN", expired)],
        ),
    ];
    let schema = vec![
        AttributeDef {
            key: "diameter".into(),
            name_en: "Diameter".into(),
            name_zh: "直径".into(),
            kind: AttributeKind::Number { unit: "mm".into() },
            required: true,
        },
        AttributeDef {
            key: "grade".into(),
            name_en: "Grade".into(),
            name_zh: "牌号".into(),
            kind: AttributeKind::Enumeration {
                options: vec!["HRB400".into(), "HRB500".into()],
            },
            required: true,
        },
    ];
    let category = |n, parent, attributes| Category {
        category_id: id(n),
        parent_id: parent,
        code: format!("c{n}"),
        name_en: "Steel".into(),
        name_zh: "钢".into(),
        attributes,
    };
    Snapshot {
        products: products.into_iter().collect(),
        categories: Arc::new(vec![
            category(900, None, vec![]),
            category(901, Some(id(900)), schema),
        ]),
        tables: Arc::default(),
    }
}

fn names(results: &SearchResults) -> Vec<&str> {
    results.hits.iter().map(|h| h.name_en.as_str()).collect()
}

fn count(facet: &[FacetCount], value: &str) -> u32 {
    facet
        .iter()
        .find(|f| f.value == value)
        .map_or(0, |f| f.count)
}

#[test]
fn products_whose_only_listings_expired_are_not_found() {
    let results = search(&snapshot(), &SearchQuery::default(), None, TODAY);
    assert_eq!(names(&results), ["Rebar 10", "Rebar 12", "Rebar 16"]);
    assert_eq!(results.total, 3);
}

#[test]
fn text_matches_restrict_and_rank_the_results() {
    let text: HashMap<Uuid, f32> = [(id(3), 0.9), (id(1), 0.5), (id(4), 1.0)].into();
    let results = search(&snapshot(), &SearchQuery::default(), Some(&text), TODAY);
    assert_eq!(names(&results), ["Rebar 16", "Rebar 10"]);
}

#[test]
fn facets_leave_their_own_filter_out() {
    let query = SearchQuery {
        incoterms: vec![Incoterm::Fob],
        ..SearchQuery::default()
    };
    let results = search(&snapshot(), &query, None, TODAY);
    assert_eq!(names(&results), ["Rebar 10", "Rebar 12"]);
    // Ticking CIF as well would add Rebar 16: its count ignores the incoterm filter.
    assert_eq!(count(&results.facets.incoterms, "CIF"), 1);
    assert_eq!(count(&results.facets.incoterms, "FOB"), 2);
    // Origins are counted among FOB listings only.
    assert_eq!(count(&results.facets.origins, "VN"), 1);
    assert_eq!(count(&results.facets.origins, "TR"), 0);
}

#[test]
fn a_parent_category_finds_its_children_and_shows_their_attribute_facets() {
    let mut query = SearchQuery {
        category_id: Some(id(900)),
        ..SearchQuery::default()
    };
    assert_eq!(search(&snapshot(), &query, None, TODAY).total, 3);
    query.category_id = Some(id(901));
    query.ranges.insert(
        "diameter".into(),
        NumberRange {
            min: Some(Decimal::from(11)),
            max: Some(Decimal::from(16)),
        },
    );
    let results = search(&snapshot(), &query, None, TODAY);
    assert_eq!(names(&results), ["Rebar 12", "Rebar 16"]);
    assert_eq!(count(&results.facets.options["grade"], "HRB500"), 1);
    let range = &results.facets.ranges[0];
    assert_eq!(
        (range.min, range.max),
        (Decimal::from(10), Decimal::from(16))
    );
}

#[test]
fn enumeration_filters_accept_any_ticked_option() {
    let mut query = SearchQuery::default();
    query.options.insert("grade".into(), vec!["HRB500".into()]);
    assert_eq!(
        names(&search(&snapshot(), &query, None, TODAY)),
        ["Rebar 16"]
    );
    query
        .options
        .insert("grade".into(), vec!["HRB500".into(), "HRB400".into()]);
    assert_eq!(search(&snapshot(), &query, None, TODAY).total, 3);
}
