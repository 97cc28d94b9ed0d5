//! The search query in the URL, so a search can be shared, bookmarked and walked back with the
//! browser's back button. Short keys keep links readable:
//! `/catalog?q=钢筋&cat=<id>&inc=FOB,CIF&org=CN&lead=30&band=standard&opt.grade=HRB400|HRB500&rng.diameter=10..16&page=2`.
//! Option values are separated by `|` because they may contain commas; unreadable parts are
//! ignored rather than refused, so an old or hand-edited link still opens.

use crate::rules::pricing::Incoterm;
use crate::rules::qualification::band::Band;
use crate::types::catalog::search::{NumberRange, SearchQuery};
use rust_decimal::Decimal;

/// The query as `(key, value)` pairs, empty parts left out.
pub fn to_pairs(query: &SearchQuery) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut push = |key: &str, value: String| {
        if !value.is_empty() {
            pairs.push((key.to_owned(), value));
        }
    };
    push("q", query.text.trim().to_owned());
    push(
        "cat",
        query
            .category_id
            .map(|id| id.to_string())
            .unwrap_or_default(),
    );
    push(
        "inc",
        join(query.incoterms.iter().map(|i| i.as_str().to_owned()), ","),
    );
    push("org", join(query.origins.iter().cloned(), ","));
    push(
        "lead",
        query
            .max_lead_time_days
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    push(
        "band",
        join(query.bands.iter().map(|b| band_code(*b).to_owned()), ","),
    );
    for (key, options) in &query.options {
        push(&format!("opt.{key}"), join(options.iter().cloned(), "|"));
    }
    for (key, range) in &query.ranges {
        let end =
            |value: Option<Decimal>| value.map(|v| v.normalize().to_string()).unwrap_or_default();
        if range.min.is_some() || range.max.is_some() {
            push(
                &format!("rng.{key}"),
                format!("{}..{}", end(range.min), end(range.max)),
            );
        }
    }
    if query.page > 1 {
        push("page", query.page.to_string());
    }
    pairs
}

/// Reads a query back from `(key, value)` pairs.
pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> SearchQuery {
    let mut query = SearchQuery {
        page: 1,
        ..SearchQuery::default()
    };
    for (key, value) in pairs {
        match key {
            "q" => query.text = value.to_owned(),
            "cat" => query.category_id = value.parse().ok(),
            "inc" => {
                query.incoterms = split(value, ',')
                    .filter_map(|v| Incoterm::parse(v).ok())
                    .collect()
            }
            "org" => query.origins = split(value, ',').map(|v| v.to_ascii_uppercase()).collect(),
            "lead" => query.max_lead_time_days = value.parse().ok(),
            "band" => query.bands = split(value, ',').filter_map(parse_band).collect(),
            "page" => query.page = value.parse().unwrap_or(1).max(1),
            _ => {
                if let Some(attribute) = key.strip_prefix("opt.") {
                    let options: Vec<String> = split(value, '|').map(str::to_owned).collect();
                    if !options.is_empty() {
                        query.options.insert(attribute.to_owned(), options);
                    }
                } else if let Some(attribute) = key.strip_prefix("rng.") {
                    if let Some(range) = parse_range(value) {
                        query.ranges.insert(attribute.to_owned(), range);
                    }
                }
            }
        }
    }
    query
}

/// `/catalog?…` for the query.
pub fn href(query: &SearchQuery) -> String {
    let params: leptos_router::params::ParamsMap = to_pairs(query).into_iter().collect();
    format!("/catalog{}", params.to_query_string())
}

pub fn band_code(band: Band) -> &'static str {
    match band {
        Band::Blocked => "blocked",
        Band::Warned => "warned",
        Band::Standard => "standard",
        Band::Preferred => "preferred",
    }
}

pub fn parse_band(code: &str) -> Option<Band> {
    [Band::Blocked, Band::Warned, Band::Standard, Band::Preferred]
        .into_iter()
        .find(|band| band_code(*band) == code)
}

fn parse_range(value: &str) -> Option<NumberRange> {
    let (min, max) = value.split_once("..")?;
    let end = |text: &str| text.trim().parse::<Decimal>().ok();
    let range = NumberRange {
        min: end(min),
        max: end(max),
    };
    (range.min.is_some() || range.max.is_some()).then_some(range)
}

fn split(value: &str, separator: char) -> impl Iterator<Item = &str> {
    value
        .split(separator)
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

fn join(values: impl Iterator<Item = String>, separator: &str) -> String {
    values.collect::<Vec<_>>().join(separator)
}

#[cfg(test)]
mod tests;
