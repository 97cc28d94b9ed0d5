//! Incoterms 2020 that offers are quoted in, and which costs the quoted price already includes.

use crate::types::FieldIssue;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where the seller's costs stop. Serialised as the upper-case code (`"FOB"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Incoterm {
    /// Ex works: the buyer collects at the seller's premises.
    Exw,
    /// Free carrier: handed to the buyer's carrier, export-cleared.
    Fca,
    /// Free on board: loaded on the buyer's vessel at the port of shipment.
    Fob,
    /// Cost, insurance and freight to the destination port.
    Cif,
    /// Delivered at place: at the named destination, import duty unpaid.
    Dap,
    /// Delivered duty paid: at the named destination, import duty paid.
    Ddp,
}

impl Incoterm {
    pub const ALL: [Incoterm; 6] = [
        Incoterm::Exw,
        Incoterm::Fca,
        Incoterm::Fob,
        Incoterm::Cif,
        Incoterm::Dap,
        Incoterm::Ddp,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Incoterm::Exw => "EXW",
            Incoterm::Fca => "FCA",
            Incoterm::Fob => "FOB",
            Incoterm::Cif => "CIF",
            Incoterm::Dap => "DAP",
            Incoterm::Ddp => "DDP",
        }
    }

    /// Parses a code, forgiving case and spaces (CSV files).
    pub fn parse(raw: &str) -> Result<Incoterm, FieldIssue> {
        let code = raw.trim();
        if code.is_empty() {
            return Err(FieldIssue::Required);
        }
        Incoterm::ALL
            .into_iter()
            .find(|term| term.as_str().eq_ignore_ascii_case(code))
            .ok_or(FieldIssue::InvalidChoice)
    }

    /// The price already pays the main carriage to the destination (CIF, DAP, DDP), so the
    /// landed cost adds no freight.
    pub fn includes_freight(self) -> bool {
        matches!(self, Incoterm::Cif | Incoterm::Dap | Incoterm::Ddp)
    }

    /// The price already pays the import duty (DDP only).
    pub fn includes_duty(self) -> bool {
        self == Incoterm::Ddp
    }
}

impl fmt::Display for Incoterm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incoterms_parse_from_their_codes_and_serialise_upper_case() {
        for term in Incoterm::ALL {
            assert_eq!(Incoterm::parse(&term.as_str().to_lowercase()), Ok(term));
            assert_eq!(serde_json::to_string(&term).unwrap(), format!("\"{term}\""));
        }
        assert_eq!(Incoterm::parse("CFR"), Err(FieldIssue::InvalidChoice));
        assert_eq!(Incoterm::parse(" "), Err(FieldIssue::Required));
    }

    #[test]
    fn only_delivered_or_cif_prices_include_freight_and_only_ddp_includes_duty() {
        let with_freight: Vec<_> = Incoterm::ALL
            .into_iter()
            .filter(|t| t.includes_freight())
            .collect();
        assert_eq!(with_freight, [Incoterm::Cif, Incoterm::Dap, Incoterm::Ddp]);
        let with_duty: Vec<_> = Incoterm::ALL
            .into_iter()
            .filter(|t| t.includes_duty())
            .collect();
        assert_eq!(with_duty, [Incoterm::Ddp]);
    }
}
