//! The comparison in the URL, so a shared link reproduces the same matrix:
//! `/compare?p=<id>,<id>&qty=250&dest=europe&cur=EUR&rate=8&w=50,20,20,10&sort=score&pin=<id>&hide=<id>`.
//! Unreadable parts fall back to their defaults.

use crate::rules::pricing::{Criterion, Weights};
use crate::types::catalog::Region;
use crate::types::money::Currency;
use rust_decimal::Decimal;
use uuid::Uuid;

/// How the columns are ordered (pinned columns always come first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Score,
    LandedCost,
    LeadTime,
}

impl SortKey {
    pub const ALL: [SortKey; 3] = [SortKey::Score, SortKey::LandedCost, SortKey::LeadTime];

    pub fn code(self) -> &'static str {
        match self {
            SortKey::Score => "score",
            SortKey::LandedCost => "landed",
            SortKey::LeadTime => "lead",
        }
    }

    pub fn parse(code: &str) -> SortKey {
        SortKey::ALL
            .into_iter()
            .find(|key| key.code() == code)
            .unwrap_or_default()
    }
}

/// Everything the comparison page shows, as the URL carries it. Quantity and rate stay text
/// (as typed) so the page can point at a bad entry instead of silently replacing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareParams {
    pub products: Vec<Uuid>,
    /// Empty until chosen: the page then proposes the largest MOQ, which every offer accepts.
    pub quantity: String,
    pub destination: Region,
    pub currency: Currency,
    pub annual_rate: String,
    /// Landed cost, lead time, supplier score, certifications (as `Criterion::ALL`).
    pub weights: [Decimal; 4],
    pub sort: SortKey,
    pub pinned: Vec<Uuid>,
    pub hidden: Vec<Uuid>,
}

impl Default for CompareParams {
    fn default() -> CompareParams {
        let defaults = Weights::default();
        CompareParams {
            products: Vec::new(),
            quantity: String::new(),
            destination: Region::Europe,
            currency: Currency::USD,
            annual_rate: "8".into(),
            weights: Criterion::ALL.map(|c| defaults.get(c)),
            sort: SortKey::Score,
            pinned: Vec::new(),
            hidden: Vec::new(),
        }
    }
}

pub fn to_pairs(params: &CompareParams) -> Vec<(String, String)> {
    let ids = |list: &[Uuid]| {
        list.iter()
            .map(Uuid::to_string)
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut pairs = vec![
        ("p".to_owned(), ids(&params.products)),
        ("qty".to_owned(), params.quantity.trim().to_owned()),
        ("dest".to_owned(), params.destination.as_str().to_owned()),
        ("cur".to_owned(), params.currency.to_string()),
        ("rate".to_owned(), params.annual_rate.trim().to_owned()),
        (
            "w".to_owned(),
            params.weights.map(|w| w.normalize().to_string()).join(","),
        ),
        ("sort".to_owned(), params.sort.code().to_owned()),
        ("pin".to_owned(), ids(&params.pinned)),
        ("hide".to_owned(), ids(&params.hidden)),
    ];
    pairs.retain(|(_, value)| !value.is_empty());
    pairs
}

pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> CompareParams {
    let ids = |value: &str| -> Vec<Uuid> {
        value
            .split(',')
            .filter_map(|id| id.trim().parse().ok())
            .collect()
    };
    let mut params = CompareParams::default();
    for (key, value) in pairs {
        match key {
            "p" => params.products = ids(value),
            "qty" => params.quantity = value.to_owned(),
            "dest" => params.destination = Region::parse(value).unwrap_or(params.destination),
            "cur" => params.currency = Currency::parse(value).unwrap_or(params.currency),
            "rate" => params.annual_rate = value.to_owned(),
            "w" => {
                let weights: Vec<Decimal> = value
                    .split(',')
                    .filter_map(|w| w.trim().parse().ok())
                    .collect();
                if let Ok(weights) = <[Decimal; 4]>::try_from(weights) {
                    params.weights = weights;
                }
            }
            "sort" => params.sort = SortKey::parse(value),
            "pin" => params.pinned = ids(value),
            "hide" => params.hidden = ids(value),
            _ => {}
        }
    }
    params
}

/// `/compare?…` for the parameters.
pub fn href(params: &CompareParams) -> String {
    let map: leptos_router::params::ParamsMap = to_pairs(params).into_iter().collect();
    format!("/compare{}", map.to_query_string())
}

#[cfg(test)]
mod tests;
