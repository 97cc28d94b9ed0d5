//! Currencies: the ISO 4217 codes we trade in, with their minor-unit digits.

use crate::types::validation::FieldIssue;
use serde::{Deserialize, Serialize};
use std::fmt;

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
