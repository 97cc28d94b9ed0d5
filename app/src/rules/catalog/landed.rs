//! The landed cost of one offer column: the tier price at the quantity, priced with the staff's
//! FX, freight and duty tables. The browser and the server (comparison, price alerts) call this.

use crate::rules::pricing::{
    landed_cost, tier_at, CannotServe, Financing, LandedCost, LandedCostError, LandedCostInput,
};
use crate::types::catalog::compare::{ListingFacts, MarketTables};
use crate::types::catalog::Region;
use crate::types::money::{Currency, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// Where and how the buyer compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Basis {
    pub quantity: Decimal,
    pub destination: Region,
    pub currency: Currency,
    /// The date whose FX rates apply; also, offers no longer valid on it cannot serve.
    pub on: Date,
    /// The buyer's yearly cost of money in percent.
    pub annual_rate_percent: Decimal,
}

/// Why a column has no landed cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ColumnIssue {
    /// The quantity is below the MOQ, above the stock, or has no tier.
    CannotServe { reason: CannotServe },
    /// The offer's validity ended before the comparison date.
    Expired,
    /// The tables lack something (FX rate, freight route) or the numbers overflow.
    NotPriced { error: LandedCostError },
}

/// The tier unit price and landed cost of `listing` on `basis`.
pub fn price_listing(
    listing: &ListingFacts,
    tables: &MarketTables,
    basis: &Basis,
) -> Result<(Decimal, LandedCost), ColumnIssue> {
    if listing.valid_until < basis.on {
        return Err(ColumnIssue::Expired);
    }
    let tier = tier_at(&listing.tiers, listing.moq, basis.quantity, listing.stock)
        .map_err(|reason| ColumnIssue::CannotServe { reason })?;
    let freight = tables
        .freight
        .iter()
        .find(|entry| {
            entry.incoterm == listing.incoterm
                && entry.origin_region == listing.origin_region
                && entry.destination_region == basis.destination
        })
        .map(|entry| entry.charge);
    let duty_percent = tables
        .duty
        .iter()
        .find(|entry| {
            entry.category_id == listing.category_id
                && entry.destination_region == basis.destination
        })
        .map_or(Decimal::ZERO, |entry| entry.percent);
    let input = LandedCostInput {
        unit_price: Money::new(tier.unit_price, listing.currency),
        quantity: basis.quantity,
        incoterm: listing.incoterm,
        freight,
        duty_percent,
        financing: Financing {
            annual_rate_percent: basis.annual_rate_percent,
            days: listing.payment_days,
        },
        target: basis.currency,
        on: basis.on,
        rates: &tables.fx_rates,
    };
    let landed = landed_cost(&input).map_err(|error| ColumnIssue::NotPriced { error })?;
    Ok((tier.unit_price, landed))
}

#[cfg(test)]
mod tests;
