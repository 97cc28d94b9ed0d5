//! Live reverse auctions: the rule set of a lot and the decisions on bid attempts (issue 4).
//!
//! Pure functions of (rules, state, attempt, server time): the server's per-lot sequencer calls
//! [`advance`] then [`decide`] and stores the returned state and events before announcing them;
//! the browser runs [`parse_amount`] and [`precheck`] on its [`SupplierView`] for an instant
//! answer. Every state change comes with events numbered gaplessly per lot.

mod amount;
mod bid;
mod config;
mod events;
mod extension;
mod ladder;
mod phase;
mod price;
mod rejection;
mod state;
mod validate;
mod view;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use amount::{parse_amount, MAX_AMOUNT, MAX_DECIMAL_PLACES};
pub use bid::{decide, minimum_next_bid, Accepted, BidAttempt};
pub use config::{
    AntiSniping, Decrement, DecrementBase, ExtensionCap, ExtensionTrigger, LotRules,
    SupplierVisibility, TiePolicy,
};
pub use events::{BidWarning, ExtensionReason, LotEvent, LotEventKind, RankChange};
pub use extension::{extension_for, latest_possible_end, Extension};
pub use ladder::{rank_bids, rank_of, ranking, RankedBid};
pub use phase::{advance, award, cancel, close, open, schedule, Transition, TransitionError};
pub use rejection::{NotOpenReason, Rejection};
pub use state::{Award, LotState, Phase, StandingBid};
pub use validate::{validate, RuleIssue, MAX_EXTENSION_STEP};
pub use view::{
    buyer_view, outbid, precheck, supplier_view, BuyerLadderEntry, BuyerView, LadderEntry,
    SupplierView,
};
