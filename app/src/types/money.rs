//! Money: an exact decimal amount with its ISO 4217 currency.
//!
//! Amounts are `rust_decimal::Decimal` from the user's text to `numeric(19,4)` and back, and JSON
//! strings on the wire (`"1234.50"`), so they never pass through a float. Rounding to a currency's
//! minor units is always half away from zero ([`ROUNDING`]).

use super::validation::FieldIssue;
use crate::i18n::Locale;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How money is rounded everywhere: half away from zero ("half-up", 2.345 → 2.35, −2.345 → −2.35).
/// Buyers check our figures with a calculator or a spreadsheet `ROUND`, both of which round half
/// up; banker's rounding would make a correct landed cost look wrong by a cent on hover.
pub const ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// Most decimals an entered amount (price, quantity) may carry: the scale of `numeric(19,4)`.
pub const MAX_DECIMALS: u32 = 4;

/// Most integer digits an entered amount may carry: `numeric(19,4)` leaves 15.
pub const MAX_INTEGER_DIGITS: u32 = 15;

/// Known ISO 4217 codes, each followed by its minor-unit digits (alphabetical).
const KNOWN: &str =
    "AED2 ARS2 AUD2 BDT2 BHD3 BRL2 CAD2 CHF2 CLP0 CNY2 COP2 CZK2 DKK2 EGP2 EUR2 GBP2 \
     HKD2 HUF2 IDR2 ILS2 INR2 ISK0 JPY0 KES2 KRW0 KWD3 MXN2 MYR2 NGN2 NOK2 NZD2 OMR3 PEN2 PHP2 \
     PKR2 PLN2 QAR2 RON2 RUB2 SAR2 SEK2 SGD2 THB2 TRY2 TWD2 UAH2 USD2 VND0 ZAR2";

/// A currency we trade in: a known ISO 4217 code with its minor-unit digits. Serialised as the
/// code (`"USD"`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency {
    code: [u8; 3],
    minor_units: u8,
}

impl Currency {
    pub const CNY: Currency = Currency::known(b"CNY", 2);
    pub const USD: Currency = Currency::known(b"USD", 2);
    pub const EUR: Currency = Currency::known(b"EUR", 2);
    pub const GBP: Currency = Currency::known(b"GBP", 2);
    pub const JPY: Currency = Currency::known(b"JPY", 0);
    pub const KRW: Currency = Currency::known(b"KRW", 0);
    pub const HKD: Currency = Currency::known(b"HKD", 2);
    pub const CLP: Currency = Currency::known(b"CLP", 0);
    pub const VND: Currency = Currency::known(b"VND", 0);
    pub const KWD: Currency = Currency::known(b"KWD", 3);

    const fn known(code: &[u8; 3], minor_units: u8) -> Currency {
        Currency {
            code: *code,
            minor_units,
        }
    }

    /// Parses a code such as `USD` (surrounding spaces and lower case are forgiven: CSV files).
    /// Empty gives `Required`; anything not in the known list gives `InvalidChoice`.
    pub fn parse(raw: &str) -> Result<Currency, FieldIssue> {
        let code = raw.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(FieldIssue::Required);
        }
        Currency::all()
            .find(|currency| currency.code() == code)
            .ok_or(FieldIssue::InvalidChoice)
    }

    /// Every known currency, alphabetically (for pickers).
    pub fn all() -> impl Iterator<Item = Currency> {
        KNOWN.split_whitespace().map(|entry| {
            let bytes = entry.as_bytes();
            Currency::known(&[bytes[0], bytes[1], bytes[2]], bytes[3] - b'0')
        })
    }

    /// The three-letter code.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.code).unwrap_or("XXX")
    }

    /// Digits after the decimal point in the currency's minor unit (JPY 0, USD 2, KWD 3).
    pub fn minor_units(self) -> u32 {
        u32::from(self.minor_units)
    }
}

impl TryFrom<String> for Currency {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Currency::parse(&raw).map_err(|_| format!("unknown currency `{raw}`"))
    }
}

impl From<Currency> for String {
    fn from(currency: Currency) -> String {
        currency.code().to_owned()
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Which signs a caller accepts when parsing an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignRule {
    Any,
    /// Zero allowed (a free sample, no freight).
    NonNegative,
    /// Strictly above zero (a price, a quantity).
    Positive,
}

/// Why entered text is not an acceptable amount. Precise codes for the UI and CSV reports;
/// `FieldIssue::from` gives the nearest generic issue for a [`crate::types::FieldErrors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AmountIssue {
    Required,
    /// Not a plain decimal number (letters, exponents, `NaN`, a stray comma such as `1,5`).
    NotANumber,
    TooManyDecimals {
        max: u32,
    },
    TooLarge {
        max_integer_digits: u32,
    },
    Negative,
    NotPositive,
}

impl From<AmountIssue> for FieldIssue {
    fn from(issue: AmountIssue) -> FieldIssue {
        match issue {
            AmountIssue::Required => FieldIssue::Required,
            AmountIssue::NotANumber => FieldIssue::NotANumber,
            AmountIssue::TooManyDecimals { max } => FieldIssue::TooManyDecimals { max },
            AmountIssue::TooLarge { max_integer_digits } => {
                FieldIssue::TooLarge { max_integer_digits }
            }
            AmountIssue::Negative => FieldIssue::Negative,
            AmountIssue::NotPositive => FieldIssue::NotPositive,
        }
    }
}

/// An exact amount in a currency. The amount keeps the scale it was given (`1234.50` stays
/// `"1234.50"` on the wire); only [`Money::rounded`] trims it to the currency's minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// A JSON string; a JSON number is refused so no float ever sneaks in.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub currency: Currency,
}

impl Money {
    pub fn new(amount: Decimal, currency: Currency) -> Money {
        Money { amount, currency }
    }

    pub fn zero(currency: Currency) -> Money {
        Money::new(Decimal::ZERO, currency)
    }

    /// Parses what a person typed or a spreadsheet exported: `1234.5`, `1,234.50`, `-3`,
    /// full-width digits from a Chinese IME (`１２３．５`). Commas must group thousands (`1,5` is
    /// refused rather than guessed); no exponent, `NaN` or `inf`. At most [`MAX_DECIMALS`]
    /// significant decimals (zeros beyond them are dropped) and [`MAX_INTEGER_DIGITS`] digits.
    pub fn parse_amount(raw: &str, sign: SignRule) -> Result<Decimal, AmountIssue> {
        let text: String = raw.trim().chars().map(half_width).collect();
        if text.is_empty() {
            return Err(AmountIssue::Required);
        }
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (integer, fraction) = match unsigned.split_once('.') {
            Some((integer, fraction)) => (integer, Some(fraction)),
            None => (unsigned, None),
        };
        let integer = ungroup(integer).ok_or(AmountIssue::NotANumber)?;
        let fraction = match fraction {
            // Zeros beyond the allowed decimals are padding (ERP exports), not precision.
            Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                if digits.len() > MAX_DECIMALS as usize {
                    digits.trim_end_matches('0')
                } else {
                    digits
                }
            }
            Some(_) => return Err(AmountIssue::NotANumber),
            None => "",
        };
        if fraction.len() > MAX_DECIMALS as usize {
            return Err(AmountIssue::TooManyDecimals { max: MAX_DECIMALS });
        }
        if integer.trim_start_matches('0').len() > MAX_INTEGER_DIGITS as usize {
            return Err(AmountIssue::TooLarge {
                max_integer_digits: MAX_INTEGER_DIGITS,
            });
        }
        let mut amount: Decimal = format!("{integer}.{fraction}")
            .trim_end_matches('.')
            .parse()
            .map_err(|_| AmountIssue::NotANumber)?;
        amount.set_sign_negative(negative && !amount.is_zero());
        match sign {
            _ if amount.is_sign_negative() && sign != SignRule::Any => Err(AmountIssue::Negative),
            SignRule::Positive if amount.is_zero() => Err(AmountIssue::NotPositive),
            _ => Ok(amount),
        }
    }

    /// The amount rounded half-up to the currency's minor units, with exactly that many decimals.
    pub fn rounded(self) -> Money {
        Money::new(round_minor(self.amount, self.currency), self.currency)
    }

    /// For the UI: `USD 1,234.50`; in zh-CN, CNY shows as `¥1,234.50`. Shows the currency's minor
    /// units at least and any further significant decimals (a unit price of `USD 0.0125` is not
    /// hidden as `0.01`). Negative: `USD -1,234.50`, `-¥1,234.50`.
    pub fn format(&self, locale: Locale) -> String {
        let number = format_amount(self.amount.abs(), self.currency.minor_units());
        let sign = if self.amount.is_sign_negative() && !self.amount.is_zero() {
            "-"
        } else {
            ""
        };
        match locale {
            Locale::ZhCn if self.currency == Currency::CNY => format!("{sign}¥{number}"),
            _ => format!("{} {sign}{number}", self.currency),
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(Locale::En))
    }
}

/// `amount` rounded half-up to `currency`'s minor units, with exactly that scale.
pub fn round_minor(amount: Decimal, currency: Currency) -> Decimal {
    let mut rounded = amount.round_dp_with_strategy(currency.minor_units(), ROUNDING);
    rounded.rescale(currency.minor_units());
    rounded
}

/// Groups thousands with `,` and shows at least `min_decimals` decimals (more if significant):
/// `format_amount(1234567.5, 2)` is `1,234,567.50`. English and Chinese group alike.
pub fn format_amount(amount: Decimal, min_decimals: u32) -> String {
    let mut shown = amount;
    shown.rescale(amount.normalize().scale().max(min_decimals));
    let text = shown.abs().to_string();
    let (integer, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::with_capacity(text.len() + integer.len() / 3 + 1);
    if shown.is_sign_negative() && !shown.is_zero() {
        grouped.push('-');
    }
    for (index, digit) in integer.chars().enumerate() {
        if index > 0 && (integer.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if !fraction.is_empty() {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

/// Full-width digits, point and comma (Chinese input methods) to their ASCII forms.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        other => other,
    }
}

/// The digits of an integer part, plain (`1234`) or grouped by thousands (`1,234`).
fn ungroup(integer: &str) -> Option<String> {
    let groups: Vec<&str> = integer.split(',').collect();
    let digits_only = |group: &str| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit());
    let well_grouped = groups.len() == 1
        || (groups[0].len() <= 3 && groups[1..].iter().all(|group| group.len() == 3));
    (groups.iter().all(|group| digits_only(group)) && well_grouped).then(|| groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let promised =
            "CNY2 USD2 EUR2 GBP2 JPY0 KRW0 HKD2 SGD2 AUD2 CAD2 CHF2 SEK2 PLN2 CLP0 INR2 \
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
}
