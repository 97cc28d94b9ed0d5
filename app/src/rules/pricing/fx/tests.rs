//! Tests of dated currency conversion.

use super::*;
use proptest::prelude::*;
use std::collections::BTreeMap;
use time::macros::date;
use time::Duration;

const USD: Currency = Currency::USD;
const CNY: Currency = Currency::CNY;
const EUR: Currency = Currency::EUR;
const JPY: Currency = Currency::JPY;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn rate(base: Currency, quote: Currency, rate: &str, valid_from: Date) -> FxRate {
    FxRate {
        base,
        quote,
        rate: d(rate),
        valid_from,
    }
}

#[test]
fn the_rate_in_force_is_the_latest_one_not_after_the_date() {
    let rates = [
        rate(USD, CNY, "7.10", date!(2026 - 11 - 01)),
        rate(USD, CNY, "7.20", date!(2026 - 11 - 20)),
        rate(USD, CNY, "9.99", date!(2026 - 11 - 26)),
    ];
    let on = |day| convert(d("100"), USD, CNY, day, &rates).map(|m| m.amount);
    assert_eq!(on(date!(2026 - 11 - 19)), Ok(d("710.00")));
    assert_eq!(on(date!(2026 - 11 - 20)), Ok(d("720.00")));
    assert_eq!(on(date!(2026 - 11 - 25)), Ok(d("720.00")));
    assert_eq!(
        on(date!(2026 - 10 - 31)),
        Err(FxError::NoRate {
            from: USD,
            to: CNY,
            on: date!(2026 - 10 - 31)
        })
    );
}

#[test]
fn the_opposite_pair_converts_by_division_and_a_direct_quote_wins_a_tie() {
    let day = date!(2026 - 11 - 20);
    let rates = [rate(USD, CNY, "8", day)];
    assert_eq!(
        convert(d("720"), CNY, USD, day, &rates).unwrap().amount,
        d("90")
    );
    let both = [rate(USD, CNY, "8", day), rate(CNY, USD, "0.125001", day)];
    let path = find_path(CNY, USD, day, &both).unwrap();
    assert!(!path.legs[0].inverted);
    let newer_inverse = [
        rate(USD, CNY, "8", day - Duration::days(1)),
        rate(CNY, USD, "0.125", day),
    ];
    assert_eq!(
        convert(d("8"), USD, CNY, day, &newer_inverse)
            .unwrap()
            .amount,
        d("64")
    );
}

#[test]
fn without_a_pair_the_conversion_goes_through_the_usd_pivot() {
    let day = date!(2026 - 11 - 20);
    let rates = [
        rate(EUR, USD, "1.10", day),
        rate(USD, JPY, "150", day),
        rate(CNY, JPY, "21", day + Duration::days(1)),
    ];
    let path = find_path(EUR, JPY, day, &rates).unwrap();
    assert_eq!(
        path.describe(),
        "× 1.1 (EUR/USD 2026-11-20) × 150 (USD/JPY 2026-11-20)"
    );
    assert_eq!(
        convert(d("2"), EUR, JPY, day, &rates).unwrap().amount,
        d("330")
    );
    assert!(
        convert(d("2"), CNY, EUR, day, &rates).is_err(),
        "CNY/JPY is from the future"
    );
}

#[test]
fn the_same_currency_needs_no_rate_and_bad_stored_rates_are_skipped() {
    let day = date!(2026 - 11 - 20);
    assert_eq!(
        convert(d("1.5"), JPY, JPY, day, &[]).unwrap(),
        Money::new(d("1.5"), JPY)
    );
    let zero = [rate(USD, CNY, "0", day)];
    assert!(convert(d("1"), CNY, USD, day, &zero).is_err());
}

#[test]
fn staff_cannot_store_a_rate_against_itself_or_a_non_positive_rate() {
    let day = date!(2026 - 11 - 20);
    assert_eq!(validate_rate(&rate(USD, CNY, "7.1234567891", day)), Ok(()));
    assert_eq!(
        validate_rate(&rate(USD, USD, "1", day)),
        Err(("quote", FxRateIssue::SameCurrency))
    );
    assert_eq!(
        validate_rate(&rate(USD, CNY, "-7", day)),
        Err(("rate", FxRateIssue::NotPositive))
    );
    assert_eq!(
        validate_rate(&rate(USD, CNY, "7.12345678912", day)),
        Err(("rate", FxRateIssue::TooManyDecimals { max: 10 }))
    );
}

#[test]
fn rates_travel_as_strings_and_iso_dates() {
    let stored = rate(USD, CNY, "7.1250", date!(2026 - 11 - 20));
    let json = serde_json::to_string(&stored).unwrap();
    assert_eq!(
        json,
        r#"{"base":"USD","quote":"CNY","rate":"7.1250","valid_from":"2026-11-20"}"#
    );
    assert_eq!(serde_json::from_str::<FxRate>(&json).unwrap(), stored);
}

proptest! {
    #[test]
    fn conversion_uses_the_rate_in_force_on_the_date_and_never_a_later_one(
        dated in proptest::collection::btree_map(0i64..120, 1i64..100_000_000, 0..10),
        on_day in 0i64..120,
        amount in 1i64..1_000_000_000,
    ) {
        let start = date!(2026 - 01 - 01);
        let rates: Vec<FxRate> = dated
            .iter()
            .map(|(day, units)| FxRate {
                base: USD,
                quote: CNY,
                rate: Decimal::new(*units, 6),
                valid_from: start + Duration::days(*day),
            })
            .collect();
        let on = start + Duration::days(on_day);
        let amount = Decimal::new(amount, 2);
        let in_force: BTreeMap<_, _> = dated.range(..=on_day).collect();
        let converted = convert(amount, USD, CNY, on, &rates);
        match in_force.last_key_value() {
            Some((_, units)) => {
                prop_assert_eq!(converted, Ok(Money::new(amount * Decimal::new(**units, 6), CNY)));
            }
            None => prop_assert!(converted.is_err()),
        }
        let path = find_path(USD, CNY, on, &rates);
        prop_assert!(path.map_or(true, |path| path.legs.iter().all(|leg| leg.rate.valid_from <= on)));
    }
}
