//! Offer pricing: quantity tiers, dated currency conversion, landed cost and weighted scoring (issue 3).
//!
//! All pure: the comparison matrix recalculates in the browser with the same functions the
//! server uses. Money is `Decimal` throughout; dates are arguments.

pub mod fx;
pub mod incoterm;
pub mod landed_cost;
pub mod scoring;
pub mod tiers;

pub use fx::{convert, find_path, FxError, FxPath, FxRate};
pub use incoterm::Incoterm;
pub use landed_cost::{
    landed_cost, Component, ComponentKind, Financing, FreightBasis, FreightCharge, LandedCost,
    LandedCostError, LandedCostInput,
};
pub use scoring::{
    best_in_row, score_offers, Criterion, OfferFacts, OfferScore, Weights, WeightsError,
};
pub use tiers::{tier_at, unit_price_at, validate_tiers, CannotServe, PriceTier, TierIssue};
