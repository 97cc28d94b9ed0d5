//! Trade regions: freight and duty tables are kept per region, not per country.

use crate::types::FieldIssue;
use serde::{Deserialize, Serialize};

/// A region goods ship from or to. Serialised as its snake-case code (`"east_asia"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    EastAsia,
    SoutheastAsia,
    SouthAsia,
    MiddleEast,
    Europe,
    NorthAmerica,
    LatinAmerica,
    Africa,
    Oceania,
}

/// ISO 3166 alpha-2 codes by region; a country not listed belongs to no region (the offer form
/// refuses it, so freight can always be looked up).
const COUNTRIES: [(Region, &str); 9] = [
    (Region::EastAsia, "CN HK JP KR MN MO TW"),
    (Region::SoutheastAsia, "BN ID KH LA MM MY PH SG TH TL VN"),
    (Region::SouthAsia, "BD BT IN LK MV NP PK"),
    (
        Region::MiddleEast,
        "AE BH IL IQ IR JO KW LB OM QA SA SY TR YE",
    ),
    (
        Region::Europe,
        "AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LT LU LV MT NL NO PL PT RO \
         RS SE SI SK UA",
    ),
    (Region::NorthAmerica, "CA MX US"),
    (
        Region::LatinAmerica,
        "AR BO BR CL CO CR EC GT PA PE PY UY VE",
    ),
    (Region::Africa, "DZ EG ET GH KE MA NG TN TZ UG ZA"),
    (Region::Oceania, "AU FJ NZ PG"),
];

impl Region {
    pub const ALL: [Region; 9] = [
        Region::EastAsia,
        Region::SoutheastAsia,
        Region::SouthAsia,
        Region::MiddleEast,
        Region::Europe,
        Region::NorthAmerica,
        Region::LatinAmerica,
        Region::Africa,
        Region::Oceania,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Region::EastAsia => "east_asia",
            Region::SoutheastAsia => "southeast_asia",
            Region::SouthAsia => "south_asia",
            Region::MiddleEast => "middle_east",
            Region::Europe => "europe",
            Region::NorthAmerica => "north_america",
            Region::LatinAmerica => "latin_america",
            Region::Africa => "africa",
            Region::Oceania => "oceania",
        }
    }

    pub fn parse(raw: &str) -> Result<Region, FieldIssue> {
        let code = raw.trim();
        if code.is_empty() {
            return Err(FieldIssue::Required);
        }
        Region::ALL
            .into_iter()
            .find(|region| region.as_str() == code)
            .ok_or(FieldIssue::InvalidChoice)
    }

    /// The region of an ISO 3166 alpha-2 country code (any case).
    pub fn of_country(raw: &str) -> Result<Region, FieldIssue> {
        let code = raw.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(FieldIssue::Required);
        }
        if code.len() != 2 {
            return Err(FieldIssue::InvalidChoice);
        }
        COUNTRIES
            .iter()
            .find(|(_, codes)| codes.split_whitespace().any(|c| c == code))
            .map(|(region, _)| *region)
            .ok_or(FieldIssue::InvalidChoice)
    }

    /// Every country code we know, sorted, for pick lists.
    pub fn countries() -> Vec<&'static str> {
        let mut all: Vec<&str> = COUNTRIES
            .iter()
            .flat_map(|(_, codes)| codes.split_whitespace())
            .collect();
        all.sort_unstable();
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_map_to_one_region_each() {
        assert_eq!(Region::of_country("cn"), Ok(Region::EastAsia));
        assert_eq!(Region::of_country(" DE "), Ok(Region::Europe));
        assert_eq!(Region::of_country("XX"), Err(FieldIssue::InvalidChoice));
        assert_eq!(Region::of_country(""), Err(FieldIssue::Required));
        let countries = Region::countries();
        let mut unique = countries.clone();
        unique.dedup();
        assert_eq!(countries.len(), unique.len(), "a country in two regions");
    }

    #[test]
    fn regions_round_trip_through_their_codes() {
        for region in Region::ALL {
            assert_eq!(Region::parse(region.as_str()), Ok(region));
            let json = serde_json::to_string(&region).unwrap();
            assert_eq!(json, format!("\"{}\"", region.as_str()));
        }
    }
}
