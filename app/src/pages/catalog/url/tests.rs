//! Tests of the search query in the URL.

use super::*;
use uuid::Uuid;

fn round_trip(query: &SearchQuery) -> SearchQuery {
    let pairs = to_pairs(query);
    from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

#[test]
fn a_full_query_survives_the_url() {
    let mut query = SearchQuery {
        text: "不锈钢螺栓 M12".into(),
        category_id: Some(Uuid::from_u128(7)),
        incoterms: vec![Incoterm::Fob, Incoterm::Cif],
        origins: vec!["CN".into(), "VN".into()],
        max_lead_time_days: Some(30),
        bands: vec![Band::Preferred],
        page: 3,
        ..SearchQuery::default()
    };
    query.options.insert(
        "material".into(),
        vec!["stainless 304, annealed".into(), "A2".into()],
    );
    query.ranges.insert(
        "diameter".into(),
        NumberRange {
            min: Some("10.5".parse().unwrap()),
            max: None,
        },
    );
    assert_eq!(round_trip(&query), query);
}

#[test]
fn an_empty_query_is_an_empty_url_and_page_one() {
    let query = SearchQuery {
        page: 1,
        ..SearchQuery::default()
    };
    assert!(to_pairs(&query).is_empty());
    assert_eq!(round_trip(&query), query);
}

#[test]
fn unreadable_parts_are_ignored() {
    let query = from_pairs([
        ("inc", "FOB,XYZ"),
        ("lead", "soon"),
        ("rng.d", "a..b"),
        ("page", "-1"),
    ]);
    assert_eq!(query.incoterms, [Incoterm::Fob]);
    assert_eq!(query.max_lead_time_days, None);
    assert!(query.ranges.is_empty());
    assert_eq!(query.page, 1);
}

#[test]
fn the_href_escapes_chinese_and_separators() {
    let query = SearchQuery {
        text: "钢筋".into(),
        page: 1,
        ..SearchQuery::default()
    };
    assert_eq!(href(&query), "/catalog?q=%E9%92%A2%E7%AD%8B");
}
