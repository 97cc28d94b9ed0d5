use super::*;
use time::macros::date;

fn freight(amount: &'static str, incoterm: &'static str) -> FreightForm<'static> {
    FreightForm {
        incoterm,
        origin_region: "east_asia",
        destination_region: "europe",
        basis: "per_shipment",
        amount,
        currency: "USD",
    }
}

#[test]
fn a_rate_parses_with_up_to_ten_decimals() {
    let rate = parse_fx_rate("usd", "CNY", "7.1234", "2026-11-20").unwrap();
    assert_eq!(rate.base, Currency::USD);
    assert_eq!(rate.rate, Decimal::new(71234, 4));
    assert_eq!(rate.valid_from, date!(2026 - 11 - 20));
    assert_eq!(parse_rate("0.0000393701"), Ok(Decimal::new(393701, 10)));
    assert_eq!(
        parse_rate("0.00000000001"),
        Err(FieldIssue::TooManyDecimals { max: 10 })
    );
    assert_eq!(parse_rate("1e3"), Err(FieldIssue::NotANumber));
    assert_eq!(parse_rate("1.2.3"), Err(FieldIssue::NotANumber));
    assert_eq!(parse_rate("."), Err(FieldIssue::NotANumber));
    assert_eq!(
        parse_rate("12345678901"),
        Err(FieldIssue::TooLarge {
            max_integer_digits: 10
        })
    );
}

#[test]
fn a_rate_names_each_bad_field() {
    let errors = parse_fx_rate("USD", "USD", "7", "2026-11-20").unwrap_err();
    assert_eq!(errors.get("quote"), [FieldIssue::InvalidChoice]);
    let errors = parse_fx_rate("USD", "CNY", "0", "2026-11-20").unwrap_err();
    assert_eq!(errors.get("rate"), [FieldIssue::NotPositive]);
    let errors = parse_fx_rate("XXX", "", "-1", "20/11/2026").unwrap_err();
    assert_eq!(errors.get("base"), [FieldIssue::InvalidChoice]);
    assert_eq!(errors.get("quote"), [FieldIssue::Required]);
    assert_eq!(errors.get("valid_from"), [FieldIssue::InvalidFormat]);
}

#[test]
fn freight_is_kept_only_for_terms_that_leave_carriage_to_the_buyer() {
    let entry = parse_freight(freight("2,800", "fob")).unwrap();
    assert_eq!(entry.incoterm, Incoterm::Fob);
    assert_eq!(entry.charge.amount.amount, Decimal::from(2800));
    let errors = parse_freight(freight("100", "CIF")).unwrap_err();
    assert_eq!(errors.get("incoterm"), [FieldIssue::InvalidChoice]);
    let errors = parse_freight(freight("-5", "EXW")).unwrap_err();
    assert_eq!(errors.get("amount"), [FieldIssue::Negative]);
    assert!(parse_freight(freight("0", "FCA")).is_ok());
}

#[test]
fn duty_stays_between_zero_and_a_thousand_percent() {
    assert_eq!(parse_duty_percent("6.5"), Ok(Decimal::new(65, 1)));
    assert_eq!(parse_duty_percent("-1"), Err(FieldIssue::Negative));
    assert_eq!(
        parse_duty_percent("1000.01"),
        Err(FieldIssue::OutOfRange { min: 0, max: 1000 })
    );
    assert_eq!(
        parse_duty_percent("1.23456"),
        Err(FieldIssue::TooManyDecimals { max: 4 })
    );
}
