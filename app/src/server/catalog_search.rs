//! Search over the catalog index: which products match a query, one page of them, and facet
//! counts for every filter.
//!
//! A product matches when it passes the product filters (text, category, attribute options and
//! ranges) and at least one of its listings, valid on the day, passes the listing filters
//! (incoterm, origin, lead time, supplier band). Facets are disjunctive: each dimension is
//! counted with every filter but its own applied, so ticking a second incoterm shows how many
//! more products it brings.

use crate::rules::pricing::convert;
use crate::server::catalog_index::{IndexedProduct, Snapshot};
use crate::types::catalog::compare::ListingFacts;
use crate::types::catalog::search::{SearchHit, SearchQuery, SearchResults, PAGE_SIZE};
use crate::types::money::Currency;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use tally::Tally;
use time::Date;
use uuid::Uuid;

/// Listing filter bits: a listing passes the listing filters when its mask is [`ALL`].
const INCOTERM: u8 = 1;
const ORIGIN: u8 = 2;
const LEAD_TIME: u8 = 4;
const BAND: u8 = 8;
const ALL: u8 = INCOTERM | ORIGIN | LEAD_TIME | BAND;

/// Product filter bits: bit 0 the category, then one per option key and per range key of the
/// query (a query has a handful; more than 63 are ignored).
pub(super) const CATEGORY: u64 = 1;

pub(super) struct Matcher<'a> {
    query: &'a SearchQuery,
    categories: Option<HashSet<Uuid>>,
    /// Option and range filters with their bit.
    options: Vec<(&'a str, &'a [String], u64)>,
    ranges: Vec<(&'a str, &'a crate::types::catalog::search::NumberRange, u64)>,
    today: Date,
}

impl<'a> Matcher<'a> {
    fn new(snapshot: &Snapshot, query: &'a SearchQuery, today: Date) -> Self {
        let mut bit = CATEGORY;
        let mut next_bit = || {
            bit = bit.checked_shl(1).unwrap_or(0);
            bit
        };
        let options = query
            .options
            .iter()
            .filter(|(_, accepted)| !accepted.is_empty())
            .map(|(key, accepted)| (key.as_str(), accepted.as_slice(), next_bit()))
            .collect();
        let ranges = query
            .ranges
            .iter()
            .filter(|(_, range)| range.min.is_some() || range.max.is_some())
            .map(|(key, range)| (key.as_str(), range, next_bit()))
            .collect();
        Matcher {
            query,
            categories: query
                .category_id
                .map(|id| snapshot.category_and_descendants(id).into_iter().collect()),
            options,
            ranges,
            today,
        }
    }

    /// The product filters `product` fails, as bits (0: passes them all).
    fn product_failures(&self, product: &IndexedProduct) -> u64 {
        let mut failed = 0;
        if self
            .categories
            .as_ref()
            .is_some_and(|c| !c.contains(&product.category_id))
        {
            failed |= CATEGORY;
        }
        for (key, accepted, bit) in &self.options {
            let value = product.attributes.get(*key).and_then(|v| v.as_str());
            if !value.is_some_and(|value| accepted.iter().any(|a| a == value)) {
                failed |= bit;
            }
        }
        for (key, range, bit) in &self.ranges {
            let passes = number(product, key).is_some_and(|value| {
                range.min.is_none_or(|min| value >= min) && range.max.is_none_or(|max| value <= max)
            });
            if !passes {
                failed |= bit;
            }
        }
        failed
    }

    /// The listing filters `listing` passes, as bits; `None` when it is not valid on the day.
    fn listing_mask(&self, listing: &ListingFacts) -> Option<u8> {
        if listing.valid_until < self.today {
            return None;
        }
        let query = self.query;
        let mut mask = 0;
        if query.incoterms.is_empty() || query.incoterms.contains(&listing.incoterm) {
            mask |= INCOTERM;
        }
        if query.origins.is_empty() || query.origins.contains(&listing.origin_country) {
            mask |= ORIGIN;
        }
        if query
            .max_lead_time_days
            .is_none_or(|max| listing.lead_time_days <= max)
        {
            mask |= LEAD_TIME;
        }
        if query.bands.is_empty() || query.bands.contains(&listing.band) {
            mask |= BAND;
        }
        Some(mask)
    }

    /// The bit of the option filter on `key`, if the query filters on it.
    pub(super) fn option_bit(&self, key: &str) -> u64 {
        self.options
            .iter()
            .find(|(k, ..)| *k == key)
            .map_or(0, |(.., bit)| *bit)
    }

    pub(super) fn range_bit(&self, key: &str) -> u64 {
        self.ranges
            .iter()
            .find(|(k, ..)| *k == key)
            .map_or(0, |(.., bit)| *bit)
    }
}

pub(super) fn number(product: &IndexedProduct, key: &str) -> Option<Decimal> {
    product.attributes.get(key)?.as_str()?.parse().ok()
}

/// A product "counts" for a facet dimension when it fails no product filter but that
/// dimension's own (`bit`; 0 for a dimension the query does not filter on).
pub(super) fn counts_for(failures: u64, bit: u64) -> bool {
    failures & !bit == 0
}

/// Runs `query` over `snapshot` in one pass over the products and their listings. `text` holds
/// the products the text matched, with their rank, or `None` when the query has no text.
pub fn search(
    snapshot: &Snapshot,
    query: &SearchQuery,
    text: Option<&HashMap<Uuid, f32>>,
    today: Date,
) -> SearchResults {
    let matcher = Matcher::new(snapshot, query, today);
    let schema = query
        .category_id
        .and_then(|id| snapshot.categories.iter().find(|c| c.category_id == id))
        .map(|c| c.attributes.as_slice())
        .unwrap_or_default();
    let mut tally = Tally::default();
    let mut hits: Vec<&IndexedProduct> = Vec::new();
    for product in snapshot.products.values() {
        if text.is_some_and(|matches| !matches.contains_key(&product.head.product_id)) {
            continue;
        }
        let failures = matcher.product_failures(product);
        if failures.count_ones() > 1 {
            continue; // Fails two filters: no facet could count it.
        }
        let (mut any_passing, mut incoterms, mut bands) = (false, 0u8, 0u8);
        let mut origins: Vec<&str> = Vec::new();
        for listing in &product.listings {
            let Some(mask) = matcher.listing_mask(listing) else {
                continue;
            };
            any_passing |= mask == ALL;
            if failures == 0 {
                if mask | INCOTERM == ALL {
                    incoterms |= 1 << listing.incoterm as u8;
                }
                if mask | BAND == ALL {
                    bands |= 1 << listing.band as u8;
                }
                if mask | ORIGIN == ALL && !origins.contains(&listing.origin_country.as_str()) {
                    origins.push(&listing.origin_country);
                }
            }
        }
        if failures == 0 {
            tally.listing_facets(incoterms, bands, &origins);
            if any_passing {
                hits.push(product);
            }
        }
        if any_passing {
            tally.product_facets(product, failures, schema, &matcher);
        }
    }
    let rank = |p: &IndexedProduct| {
        text.and_then(|t| t.get(&p.head.product_id))
            .copied()
            .unwrap_or(0.0)
    };
    hits.sort_by(|a, b| {
        rank(b)
            .total_cmp(&rank(a))
            .then_with(|| a.head.name_en.cmp(&b.head.name_en))
            .then_with(|| a.head.product_id.cmp(&b.head.product_id))
    });
    let page = query.page.max(1);
    let start = ((page - 1) * PAGE_SIZE) as usize;
    let page_hits = hits
        .iter()
        .skip(start)
        .take(PAGE_SIZE as usize)
        .map(|p| hit(p, &matcher, snapshot, today))
        .collect();
    SearchResults {
        total: hits.len() as u32,
        hits: page_hits,
        page,
        facets: tally.into_facets(schema),
        categories: snapshot.categories.to_vec(),
    }
}

fn hit(product: &IndexedProduct, matcher: &Matcher, snapshot: &Snapshot, today: Date) -> SearchHit {
    let listings: Vec<&ListingFacts> = product
        .listings
        .iter()
        .filter(|l| matcher.listing_mask(l) == Some(ALL))
        .collect();
    // "From" is the cheapest first tier, compared in US dollars where a rate allows.
    let in_usd = |l: &ListingFacts| {
        let price = l.tiers.first().map_or(Decimal::MAX, |t| t.unit_price);
        convert(
            price,
            l.currency,
            Currency::USD,
            today,
            &snapshot.tables.fx_rates,
        )
        .map_or(price, |money| money.amount)
    };
    let cheapest = listings.iter().min_by_key(|l| in_usd(l));
    SearchHit {
        product_id: product.head.product_id,
        sku: product.head.sku.clone(),
        name_en: product.head.name_en.clone(),
        name_zh: product.head.name_zh.clone(),
        category_id: product.category_id,
        unit: product.head.unit.clone(),
        attributes: product.attributes.clone(),
        offer_count: listings.len() as u32,
        from_price: cheapest.and_then(|l| {
            let tier = l.tiers.first()?;
            Some((l.currency, tier.unit_price.normalize().to_string()))
        }),
        min_lead_time_days: listings.iter().map(|l| l.lead_time_days).min(),
    }
}

mod tally;

#[cfg(test)]
mod tests;
