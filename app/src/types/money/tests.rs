//! Tests of money: parsing, rounding, formatting and the wire format.

use super::*;
use crate::types::validation::FieldIssue;
use proptest::prelude::*;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn parse(raw: &str) -> Result<Decimal, AmountIssue> {
    Money::parse_amount(raw, SignRule::Any)
}

#[test]
fn currency_codes_are_forgiven_case_and_spaces_but_unknown_codes_are_refused() {
    assert_eq!(Currency::parse(" usd "), Ok(Currency::USD));
    assert_eq!(Currency::parse(""), Err(FieldIssue::Required));
    for raw in ["XYZ", "US", "USDD", "ＵＳＤ", "12A"] {
        assert_eq!(
            Currency::parse(raw),
            Err(FieldIssue::InvalidChoice),
            "{raw}"
        );
    }
}

#[test]
fn every_currency_we_promise_is_known_with_its_minor_units() {
    let promised = "CNY2 USD2 EUR2 GBP2 JPY0 KRW0 HKD2 SGD2 AUD2 CAD2 CHF2 SEK2 PLN2 CLP0 INR2 \
        THB2 VND0 MYR2 IDR2 AED2 KWD3";
    for entry in promised.split_whitespace() {
        let (code, digits) = entry.split_at(3);
        let minor_units = Currency::parse(code).map(Currency::minor_units);
        assert_eq!(minor_units, Ok(digits.parse().unwrap()), "{code}");
    }
    for constant in [Currency::CNY, Currency::JPY, Currency::KWD, Currency::VND] {
        assert_eq!(Currency::parse(constant.code()), Ok(constant));
    }
    let codes: Vec<String> = Currency::all().map(String::from).collect();
    assert!(
        codes.windows(2).all(|pair| pair[0] < pair[1]),
        "sorted, no duplicates"
    );
}

#[test]
fn grouped_and_full_width_amounts_parse_exactly() {
    assert_eq!(parse("1,234.50"), Ok(d("1234.50")));
    assert_eq!(parse(" 1,234,567 "), Ok(d("1234567")));
    assert_eq!(parse("１２３．５"), Ok(d("123.5")));
    assert_eq!(parse("-0.0125"), Ok(d("-0.0125")));
    assert_eq!(parse("2.500000"), Ok(d("2.5")));
    assert_eq!(
        parse("1234.50").map(|d| d.to_string()),
        Ok("1234.50".into())
    );
}

#[test]
fn exponents_nan_and_stray_commas_are_not_numbers() {
    for raw in [
        "1e5", "NaN", "inf", "1,5", "1234,567", ".5", "5.", "--5", "+5", "1.2.3", "$5",
    ] {
        assert_eq!(parse(raw), Err(AmountIssue::NotANumber), "{raw}");
    }
    assert_eq!(parse("  "), Err(AmountIssue::Required));
}

#[test]
fn more_than_four_significant_decimals_or_fifteen_digits_are_refused() {
    assert_eq!(
        parse("0.12345"),
        Err(AmountIssue::TooManyDecimals { max: 4 })
    );
    assert_eq!(
        parse("1234567890123456"),
        Err(AmountIssue::TooLarge {
            max_integer_digits: 15
        })
    );
    assert_eq!(parse("123456789012345.9999"), Ok(d("123456789012345.9999")));
}

#[test]
fn negatives_and_zero_are_refused_where_the_caller_says_so() {
    assert_eq!(
        Money::parse_amount("-1", SignRule::NonNegative),
        Err(AmountIssue::Negative)
    );
    assert_eq!(Money::parse_amount("0", SignRule::NonNegative), Ok(d("0")));
    assert_eq!(
        Money::parse_amount("-0", SignRule::Positive),
        Err(AmountIssue::NotPositive)
    );
    assert_eq!(
        Money::parse_amount("0.0001", SignRule::Positive),
        Ok(d("0.0001"))
    );
    assert_eq!(
        FieldIssue::from(AmountIssue::Required),
        FieldIssue::Required
    );
}

#[test]
fn rounding_is_half_away_from_zero_to_the_minor_units() {
    let usd = |amount| {
        Money::new(amount, Currency::USD)
            .rounded()
            .amount
            .to_string()
    };
    assert_eq!(usd(d("2.345")), "2.35");
    assert_eq!(usd(d("2.355")), "2.36");
    assert_eq!(usd(d("-2.345")), "-2.35");
    assert_eq!(usd(d("7")), "7.00");
    assert_eq!(round_minor(d("1234.5"), Currency::JPY), d("1235"));
    assert_eq!(round_minor(d("0.0005"), Currency::KWD).to_string(), "0.001");
}

#[test]
fn formatting_groups_thousands_and_names_the_currency() {
    let usd = Money::new(d("1234567.5"), Currency::USD);
    assert_eq!(usd.format(Locale::En), "USD 1,234,567.50");
    assert_eq!(usd.format(Locale::ZhCn), "USD 1,234,567.50");
    let cny = Money::new(d("-1234.5"), Currency::CNY);
    assert_eq!(cny.format(Locale::ZhCn), "-¥1,234.50");
    assert_eq!(cny.format(Locale::En), "CNY -1,234.50");
    assert_eq!(
        Money::new(d("1234"), Currency::JPY).to_string(),
        "JPY 1,234"
    );
    assert_eq!(
        Money::new(d("999.9"), Currency::EUR).to_string(),
        "EUR 999.90"
    );
}

#[test]
fn small_unit_prices_keep_their_significant_decimals_when_shown() {
    assert_eq!(
        Money::new(d("0.012500"), Currency::USD).to_string(),
        "USD 0.0125"
    );
    assert_eq!(format_amount(d("100"), 0), "100");
}

#[test]
fn money_is_a_string_on_the_wire_and_a_json_number_is_refused() {
    let money = Money::new(d("1234.50"), Currency::CNY);
    let json = serde_json::to_string(&money).unwrap();
    assert_eq!(json, r#"{"amount":"1234.50","currency":"CNY"}"#);
    assert!(serde_json::from_str::<Money>(r#"{"amount":1234.5,"currency":"CNY"}"#).is_err());
    assert!(serde_json::from_str::<Money>(r#"{"amount":"1","currency":"XYZ"}"#).is_err());
}

proptest! {
    #[test]
    fn money_round_trips_through_json_keeping_the_exact_string(
        mantissa in any::<i64>(), scale in 0u32..=8, index in 0usize..49,
    ) {
        let currency = Currency::all().nth(index).unwrap();
        let money = Money::new(Decimal::new(mantissa, scale), currency);
        let json = serde_json::to_string(&money).unwrap();
        let back: Money = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back.amount.to_string(), money.amount.to_string());
        prop_assert_eq!(back.currency, currency);
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }

    #[test]
    fn formatted_amounts_parse_back_to_the_same_value(
        mantissa in -999_999_999_999_999i64..=999_999_999_999_999, scale in 0u32..=4,
    ) {
        let amount = Decimal::new(mantissa, scale);
        prop_assert_eq!(parse(&format_amount(amount, 2)), Ok(amount));
    }
}
