//! Tests of offer parsing: each field's issues, tier rows as entered, and the round trip
//! content → form text → content.

use super::*;
use proptest::prelude::*;
use time::macros::date;

pub(crate) const TODAY: Date = date!(2026 - 11 - 25);

fn tier(min_quantity: &str, unit_price: &str) -> TierInput {
    TierInput {
        min_quantity: min_quantity.into(),
        unit_price: unit_price.into(),
    }
}

fn rebar() -> OfferInput {
    OfferInput {
        product_sku: "hrb400-12".into(),
        reference: " ERP-7781 ".into(),
        tiers: vec![tier("25", "612.50"), tier("100", "598"), tier("500", "585")],
        moq: "25".into(),
        lead_time_days: "21".into(),
        incoterm: "fob".into(),
        origin_country: "cn".into(),
        currency: "usd".into(),
        stock: "1,200".into(),
        valid_from: "2026-11-01".into(),
        valid_until: "2027-03-31".into(),
        sample_available: true,
        sample_price: "".into(),
        payment_days: "30".into(),
        description: "Hot-rolled ribbed bar, mill certificate with every lot.".into(),
    }
}

fn issues(input: &OfferInput) -> Vec<(String, FieldIssue)> {
    match parse_offer(input, TODAY) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .0
            .into_iter()
            .flat_map(|(field, issues)| issues.into_iter().map(move |i| (field.clone(), i)))
            .collect(),
    }
}

fn one(field: &str, issue: FieldIssue) -> Vec<(String, FieldIssue)> {
    vec![(field.to_owned(), issue)]
}

#[test]
fn a_complete_offer_is_normalised() {
    let content = parse_offer(&rebar(), TODAY).unwrap();
    assert_eq!(content.product_sku, "HRB400-12");
    assert_eq!(content.reference, "ERP-7781");
    assert_eq!(content.tiers.len(), 3);
    assert_eq!(content.tiers[0].unit_price, "612.5".parse().unwrap());
    assert_eq!(content.incoterm, Incoterm::Fob);
    assert_eq!(content.origin_country, "CN");
    assert_eq!(content.origin_region, Region::EastAsia);
    assert_eq!(content.currency, Currency::USD);
    assert_eq!(content.stock, Some(Decimal::from(1200)));
    assert_eq!(content.sample_price, None);
    assert_eq!(content.payment_days, 30);
}

#[test]
fn an_empty_form_names_every_required_field() {
    let fields: Vec<String> = issues(&OfferInput::default())
        .into_iter()
        .filter(|(_, issue)| *issue == FieldIssue::Required)
        .map(|(field, _)| field)
        .collect();
    for field in [
        "product_sku",
        "reference",
        "tiers",
        "moq",
        "lead_time_days",
        "incoterm",
        "origin_country",
        "currency",
        "valid_from",
        "valid_until",
        "payment_days",
    ] {
        assert!(fields.contains(&field.to_owned()), "{field} in {fields:?}");
    }
    assert!(!fields.contains(&"stock".to_owned()));
    assert!(!fields.contains(&"description".to_owned()));
}

#[test]
fn tiers_that_do_not_increase_or_start_above_the_moq_are_refused_on_their_row() {
    let mut input = rebar();
    input.tiers = vec![tier("100", "600"), tier("50", "590")];
    input.moq = "25".into();
    assert_eq!(
        issues(&input),
        vec![
            ("tiers[0].min_quantity".into(), FieldIssue::AboveMoq),
            ("tiers[1].min_quantity".into(), FieldIssue::NotIncreasing),
        ]
    );
}

#[test]
fn blank_tier_rows_are_skipped_and_errors_name_the_row_as_entered() {
    let mut input = rebar();
    input.tiers = vec![tier("25", "612.50"), tier(" ", ""), tier("20", "600")];
    assert_eq!(
        issues(&input),
        one("tiers[2].min_quantity", FieldIssue::NotIncreasing)
    );
    input.tiers = vec![tier("", ""), tier("", "")];
    assert_eq!(issues(&input), one("tiers", FieldIssue::Required));
}

#[test]
fn negative_zero_and_malformed_prices_each_have_their_code() {
    let mut input = rebar();
    input.tiers = vec![tier("25", "-612"), tier("100", "0"), tier("500", "5e2")];
    assert_eq!(
        issues(&input),
        vec![
            ("tiers[0].unit_price".into(), FieldIssue::Negative),
            ("tiers[1].unit_price".into(), FieldIssue::NotPositive),
            ("tiers[2].unit_price".into(), FieldIssue::NotANumber),
        ]
    );
    input = rebar();
    input.tiers[1].min_quantity = "".into();
    assert_eq!(
        issues(&input),
        one("tiers[1].min_quantity", FieldIssue::Required)
    );
}

#[test]
fn a_bad_moq_is_reported_once_and_the_tiers_are_still_checked() {
    let mut input = rebar();
    input.moq = "0".into();
    input.tiers = vec![tier("25", "600"), tier("25", "590")];
    assert_eq!(
        issues(&input),
        vec![
            ("moq".into(), FieldIssue::NotPositive),
            ("tiers[1].min_quantity".into(), FieldIssue::NotIncreasing),
        ]
    );
}

#[test]
fn choices_are_checked_against_their_lists() {
    let mut input = rebar();
    input.currency = "XYZ".into();
    input.incoterm = "CFR".into();
    input.origin_country = "XX".into();
    assert_eq!(
        issues(&input),
        vec![
            ("currency".into(), FieldIssue::InvalidChoice),
            ("incoterm".into(), FieldIssue::InvalidChoice),
            ("origin_country".into(), FieldIssue::InvalidChoice),
        ]
    );
}

#[test]
fn day_counts_are_whole_numbers_in_their_range() {
    let mut input = rebar();
    input.lead_time_days = "731".into();
    input.payment_days = "-1".into();
    assert_eq!(
        issues(&input),
        vec![
            (
                "lead_time_days".into(),
                FieldIssue::OutOfRange { min: 0, max: 730 }
            ),
            (
                "payment_days".into(),
                FieldIssue::OutOfRange { min: 0, max: 365 }
            ),
        ]
    );
    input = rebar();
    input.lead_time_days = "2.5".into();
    input.payment_days = "0".into();
    assert_eq!(
        issues(&input),
        one("lead_time_days", FieldIssue::NotANumber)
    );
    input.lead_time_days = "730".into();
    assert!(parse_offer(&input, TODAY).is_ok());
}

#[test]
fn the_validity_window_is_ordered_and_not_over() {
    let mut input = rebar();
    input.valid_from = "2026-12-01".into();
    input.valid_until = "2026-11-30".into();
    assert_eq!(
        issues(&input),
        one("valid_until", FieldIssue::EndBeforeStart)
    );
    input.valid_from = "2026-01-01".into();
    input.valid_until = "2026-11-24".into();
    assert_eq!(issues(&input), one("valid_until", FieldIssue::InThePast));
    input.valid_until = "2026-11-25".into();
    assert!(parse_offer(&input, TODAY).is_ok(), "valid through today");
    input.valid_from = "01/11/2026".into();
    input.valid_until = "2026-02-30".into();
    assert_eq!(
        issues(&input),
        vec![
            ("valid_from".into(), FieldIssue::InvalidFormat),
            ("valid_until".into(), FieldIssue::InvalidFormat),
        ]
    );
}

#[test]
fn stock_and_sample_price_are_optional_but_never_negative() {
    let mut input = rebar();
    input.stock = "".into();
    assert_eq!(parse_offer(&input, TODAY).unwrap().stock, None);
    input.stock = "-1".into();
    input.sample_price = "-5".into();
    assert_eq!(
        issues(&input),
        vec![
            ("sample_price".into(), FieldIssue::Negative),
            ("stock".into(), FieldIssue::Negative),
        ]
    );
    input.stock = "0".into();
    input.sample_price = "25".into();
    let content = parse_offer(&input, TODAY).unwrap();
    assert_eq!(content.stock, Some(Decimal::ZERO));
    assert_eq!(content.sample_price, Some(Decimal::from(25)));
}

#[test]
fn a_sample_price_without_samples_is_dropped() {
    let mut input = rebar();
    input.sample_available = false;
    input.sample_price = "not a number".into();
    assert_eq!(parse_offer(&input, TODAY).unwrap().sample_price, None);
}

#[test]
fn texts_have_length_limits_and_skus_a_format() {
    let mut input = rebar();
    input.reference = "R".repeat(61);
    input.description = "说".repeat(2001);
    input.product_sku = "HRB 400".into();
    assert_eq!(
        issues(&input),
        vec![
            ("description".into(), FieldIssue::TooLong { max: 2000 }),
            ("product_sku".into(), FieldIssue::InvalidFormat),
            ("reference".into(), FieldIssue::TooLong { max: 60 }),
        ]
    );
    assert_eq!(parse_sku("-AB"), Err(FieldIssue::InvalidFormat));
    assert_eq!(parse_sku("ab"), Err(FieldIssue::InvalidFormat));
    assert_eq!(parse_sku(" m12-a4 "), Ok("M12-A4".into()));
}

fn decimal(max_integer: i64) -> impl Strategy<Value = Decimal> {
    (1..max_integer, 0u32..=4).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
}

prop_compose! {
    /// A valid offer's content (any field within its rules).
    pub(crate) fn content()(
        sku in "[A-Z0-9][A-Z0-9-]{2,20}",
        reference in "[A-Za-z0-9][A-Za-z0-9 ./_-]{0,30}[A-Za-z0-9]",
        first in decimal(1_000_000),
        steps in proptest::collection::vec((decimal(10_000), decimal(100_000_000)), 0..6),
        first_price in decimal(100_000_000),
        moq_extra in 0i64..1000,
        lead_time_days in 0u32..=730,
        incoterm in proptest::sample::select(Incoterm::ALL.to_vec()),
        country in proptest::sample::select(Region::countries()),
        currency in proptest::sample::select(Currency::all().collect::<Vec<_>>()),
        stock in proptest::option::of(0i64..1_000_000),
        from_offset in -400i64..400,
        length in 0i64..800,
        sample_available in any::<bool>(),
        sample_price in proptest::option::of(0i64..100_000),
        payment_days in 0u32..=365,
        description in "[a-z 螺栓钢筋,.]{0,80}",
    ) -> OfferContent {
        let mut tiers = vec![PriceTier { min_quantity: first, unit_price: first_price }];
        let mut quantity = first;
        for (step, unit_price) in steps {
            quantity += step;
            tiers.push(PriceTier { min_quantity: quantity, unit_price });
        }
        let valid_until = TODAY + time::Duration::days(length);
        let valid_from = (valid_until - time::Duration::days(length + from_offset.abs()))
            .min(valid_until);
        OfferContent {
            product_sku: sku,
            reference,
            moq: first + Decimal::from(moq_extra),
            tiers,
            lead_time_days,
            incoterm,
            origin_country: country.to_owned(),
            origin_region: Region::of_country(country).unwrap(),
            currency,
            stock: stock.map(|s| Decimal::new(s, 2)),
            valid_from,
            valid_until,
            sample_available,
            sample_price: sample_price
                .filter(|_| sample_available)
                .map(|p| Decimal::new(p, 2)),
            payment_days,
            description: description.trim().to_owned(),
        }
    }
}

proptest! {
    #[test]
    fn any_parsed_offer_written_back_as_form_text_parses_to_the_same_content(
        content in content()
    ) {
        let input = to_input(&content);
        let parsed = parse_offer(&input, TODAY);
        prop_assert_eq!(parsed.as_ref(), Ok(&content));
        let again = parse_offer(&to_input(parsed.as_ref().unwrap()), TODAY);
        prop_assert_eq!(again, parsed);
    }
}
