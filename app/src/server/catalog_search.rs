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
use crate::types::catalog::search::{
    FacetCount, Facets, RangeFacet, SearchHit, SearchQuery, SearchResults, PAGE_SIZE,
};
use crate::types::catalog::AttributeKind;
use crate::types::money::Currency;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};
use time::Date;
use uuid::Uuid;

/// One listing-level filter dimension, so a facet can leave its own out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListingFilter {
    Incoterm,
    Origin,
    LeadTime,
    Band,
}

/// One product-level filter dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ProductFilter {
    Category,
    Option(String),
    Range(String),
}

struct Matcher<'a> {
    query: &'a SearchQuery,
    text: Option<&'a HashMap<Uuid, f32>>,
    categories: Option<HashSet<Uuid>>,
    today: Date,
}

impl Matcher<'_> {
    fn product_passes(&self, product: &IndexedProduct, except: Option<&ProductFilter>) -> bool {
        let id = product.head.product_id;
        if self.text.is_some_and(|matches| !matches.contains_key(&id)) {
            return false;
        }
        if except != Some(&ProductFilter::Category) {
            if let Some(categories) = &self.categories {
                if !categories.contains(&product.category_id) {
                    return false;
                }
            }
        }
        let options_pass = self.query.options.iter().all(|(key, accepted)| {
            accepted.is_empty()
                || except == Some(&ProductFilter::Option(key.clone()))
                || product
                    .attributes
                    .get(key)
                    .and_then(|v| v.as_str())
                    .is_some_and(|value| accepted.iter().any(|a| a == value))
        });
        let ranges_pass = self.query.ranges.iter().all(|(key, range)| {
            if except == Some(&ProductFilter::Range(key.clone())) {
                return true;
            }
            let Some(value) = number(product, key) else {
                return range.min.is_none() && range.max.is_none();
            };
            range.min.is_none_or(|min| value >= min) && range.max.is_none_or(|max| value <= max)
        });
        options_pass && ranges_pass
    }

    fn listing_passes(&self, listing: &ListingFacts, except: Option<ListingFilter>) -> bool {
        let query = self.query;
        let check = |filter, passes: bool| except == Some(filter) || passes;
        listing.valid_until >= self.today
            && check(
                ListingFilter::Incoterm,
                query.incoterms.is_empty() || query.incoterms.contains(&listing.incoterm),
            )
            && check(
                ListingFilter::Origin,
                query.origins.is_empty() || query.origins.contains(&listing.origin_country),
            )
            && check(
                ListingFilter::LeadTime,
                query
                    .max_lead_time_days
                    .is_none_or(|max| listing.lead_time_days <= max),
            )
            && check(
                ListingFilter::Band,
                query.bands.is_empty() || query.bands.contains(&listing.band),
            )
    }

    fn passing_listings<'p>(
        &self,
        product: &'p IndexedProduct,
        except: Option<ListingFilter>,
    ) -> impl Iterator<Item = &'p ListingFacts> + use<'p, '_> {
        product
            .listings
            .iter()
            .filter(move |listing| self.listing_passes(listing, except))
    }
}

fn number(product: &IndexedProduct, key: &str) -> Option<Decimal> {
    product.attributes.get(key)?.as_str()?.parse().ok()
}

/// Runs `query` over `snapshot`. `text` holds the products the text matched, with their rank,
/// or `None` when the query has no text.
pub fn search(
    snapshot: &Snapshot,
    query: &SearchQuery,
    text: Option<&HashMap<Uuid, f32>>,
    today: Date,
) -> SearchResults {
    let matcher = Matcher {
        query,
        text,
        categories: query
            .category_id
            .map(|id| snapshot.category_and_descendants(id).into_iter().collect()),
        today,
    };
    let products: Vec<&IndexedProduct> = snapshot.products.values().map(|p| p.as_ref()).collect();
    let mut hits: Vec<&IndexedProduct> = products
        .iter()
        .copied()
        .filter(|p| {
            matcher.product_passes(p, None) && matcher.passing_listings(p, None).next().is_some()
        })
        .collect();
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
        facets: facets(snapshot, &products, &matcher),
        categories: snapshot.categories.to_vec(),
    }
}

fn hit(product: &IndexedProduct, matcher: &Matcher, snapshot: &Snapshot, today: Date) -> SearchHit {
    let listings: Vec<&ListingFacts> = matcher.passing_listings(product, None).collect();
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

fn facets(snapshot: &Snapshot, products: &[&IndexedProduct], matcher: &Matcher) -> Facets {
    let listing_facet = |except: ListingFilter, value: fn(&ListingFacts) -> String| {
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        for product in products.iter().filter(|p| matcher.product_passes(p, None)) {
            let values: HashSet<String> = matcher
                .passing_listings(product, Some(except))
                .map(value)
                .collect();
            for v in values {
                *counts.entry(v).or_default() += 1;
            }
        }
        sorted(counts)
    };
    let product_facet =
        |except: ProductFilter, value: &dyn Fn(&IndexedProduct) -> Option<String>| {
            let mut counts: BTreeMap<String, u32> = BTreeMap::new();
            for product in products.iter().filter(|p| {
                matcher.product_passes(p, Some(&except))
                    && matcher.passing_listings(p, None).next().is_some()
            }) {
                if let Some(v) = value(product) {
                    *counts.entry(v).or_default() += 1;
                }
            }
            sorted(counts)
        };
    let mut facets = Facets {
        incoterms: listing_facet(ListingFilter::Incoterm, |l| l.incoterm.as_str().to_owned()),
        origins: listing_facet(ListingFilter::Origin, |l| l.origin_country.clone()),
        bands: listing_facet(ListingFilter::Band, |l| {
            format!("{:?}", l.band).to_lowercase()
        }),
        categories: product_facet(ProductFilter::Category, &|p| {
            Some(p.category_id.to_string())
        }),
        ..Facets::default()
    };
    let schema = matcher
        .query
        .category_id
        .and_then(|id| snapshot.categories.iter().find(|c| c.category_id == id))
        .map(|c| c.attributes.clone())
        .unwrap_or_default();
    for attribute in schema {
        let key = attribute.key.clone();
        match attribute.kind {
            AttributeKind::Enumeration { .. } => {
                let counts = product_facet(ProductFilter::Option(key.clone()), &|p| {
                    p.attributes.get(&key)?.as_str().map(str::to_owned)
                });
                facets.options.insert(key, counts);
            }
            AttributeKind::Number { .. } => {
                let values: Vec<Decimal> = products
                    .iter()
                    .filter(|p| {
                        matcher.product_passes(p, Some(&ProductFilter::Range(key.clone())))
                            && matcher.passing_listings(p, None).next().is_some()
                    })
                    .filter_map(|p| number(p, &key))
                    .collect();
                if let (Some(min), Some(max)) = (values.iter().min(), values.iter().max()) {
                    facets.ranges.push(RangeFacet {
                        key,
                        min: *min,
                        max: *max,
                    });
                }
            }
            AttributeKind::Text | AttributeKind::Boolean => {}
        }
    }
    facets
}

/// Most frequent first, then by value.
fn sorted(counts: BTreeMap<String, u32>) -> Vec<FacetCount> {
    let mut list: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    list
}

#[cfg(test)]
mod tests;
