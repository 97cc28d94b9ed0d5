//! Facet counts collected during the search pass.

use super::{counts_for, number, Matcher, CATEGORY};
use crate::rules::pricing::Incoterm;
use crate::rules::qualification::band::Band;
use crate::server::catalog_index::IndexedProduct;
use crate::types::catalog::search::{FacetCount, Facets, RangeFacet};
use crate::types::catalog::{AttributeDef, AttributeKind};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// Facet counts as the pass collects them.
#[derive(Default)]
pub(super) struct Tally<'a> {
    incoterms: [u32; 6],
    bands: [u32; 4],
    origins: HashMap<&'a str, u32>,
    categories: HashMap<Uuid, u32>,
    options: HashMap<&'a str, HashMap<&'a str, u32>>,
    ranges: HashMap<&'a str, (Decimal, Decimal)>,
}

impl<'a> Tally<'a> {
    pub(super) fn listing_facets(&mut self, incoterms: u8, bands: u8, origins: &[&'a str]) {
        for (index, count) in self.incoterms.iter_mut().enumerate() {
            *count += u32::from(incoterms >> index & 1);
        }
        for (index, count) in self.bands.iter_mut().enumerate() {
            *count += u32::from(bands >> index & 1);
        }
        for origin in origins {
            *self.origins.entry(origin).or_default() += 1;
        }
    }

    pub(super) fn product_facets(
        &mut self,
        product: &'a IndexedProduct,
        failures: u64,
        schema: &'a [AttributeDef],
        matcher: &Matcher,
    ) {
        if counts_for(failures, CATEGORY) {
            *self.categories.entry(product.category_id).or_default() += 1;
        }
        for attribute in schema {
            let key = attribute.key.as_str();
            match attribute.kind {
                AttributeKind::Enumeration { .. }
                    if counts_for(failures, matcher.option_bit(key)) =>
                {
                    if let Some(value) = product.attributes.get(key).and_then(|v| v.as_str()) {
                        *self
                            .options
                            .entry(key)
                            .or_default()
                            .entry(value)
                            .or_default() += 1;
                    }
                }
                AttributeKind::Number { .. } if counts_for(failures, matcher.range_bit(key)) => {
                    if let Some(value) = number(product, key) {
                        let spread = self.ranges.entry(key).or_insert((value, value));
                        spread.0 = spread.0.min(value);
                        spread.1 = spread.1.max(value);
                    }
                }
                _ => {}
            }
        }
    }

    pub(super) fn into_facets(self, schema: &[AttributeDef]) -> Facets {
        let counted = |pairs: Vec<(String, u32)>| {
            sorted(pairs.into_iter().filter(|(_, count)| *count > 0).collect())
        };
        let incoterms = Incoterm::ALL
            .iter()
            .zip(self.incoterms)
            .map(|(term, count)| (term.as_str().to_owned(), count))
            .collect();
        let bands = [Band::Blocked, Band::Warned, Band::Standard, Band::Preferred]
            .iter()
            .zip(self.bands)
            .map(|(band, count)| (format!("{band:?}").to_lowercase(), count))
            .collect();
        let mut options = BTreeMap::new();
        for (key, values) in self.options {
            options.insert(
                key.to_owned(),
                counted(values.into_iter().map(|(v, c)| (v.to_owned(), c)).collect()),
            );
        }
        let ranges = schema
            .iter()
            .filter_map(|attribute| {
                let (min, max) = self.ranges.get(attribute.key.as_str())?;
                Some(RangeFacet {
                    key: attribute.key.clone(),
                    min: *min,
                    max: *max,
                })
            })
            .collect();
        Facets {
            incoterms: counted(incoterms),
            bands: counted(bands),
            origins: counted(
                self.origins
                    .into_iter()
                    .map(|(o, c)| (o.to_owned(), c))
                    .collect(),
            ),
            categories: counted(
                self.categories
                    .into_iter()
                    .map(|(id, c)| (id.to_string(), c))
                    .collect(),
            ),
            options,
            ranges,
        }
    }
}

/// Most frequent first, then by value.
fn sorted(counts: Vec<(String, u32)>) -> Vec<FacetCount> {
    let mut list: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    list
}
