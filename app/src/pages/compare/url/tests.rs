//! Tests of the comparison in the URL.

use super::*;

#[test]
fn a_comparison_survives_its_share_link() {
    let params = CompareParams {
        products: vec![Uuid::from_u128(1), Uuid::from_u128(2)],
        quantity: "250".into(),
        destination: Region::NorthAmerica,
        currency: Currency::EUR,
        annual_rate: "6.5".into(),
        weights: [70, 10, 10, 10].map(Decimal::from),
        sort: SortKey::LeadTime,
        pinned: vec![Uuid::from_u128(9)],
        hidden: vec![Uuid::from_u128(8)],
    };
    let pairs = to_pairs(&params);
    assert_eq!(
        from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        params
    );
}

#[test]
fn bad_parts_fall_back_to_defaults() {
    let params = from_pairs([
        ("dest", "mars"),
        ("cur", "XXX"),
        ("w", "1,2"),
        ("sort", "?"),
    ]);
    assert_eq!(params, CompareParams::default());
}
