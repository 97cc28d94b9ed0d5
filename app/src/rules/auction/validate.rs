//! Checking a rule set before a lot may be scheduled, with one issue per field at fault.
//!
//! The issues are codes keyed by the form's field names (the same as the serde names of
//! [`LotRules`]), so the API can turn them into field errors and the browser can phrase them.

use super::amount::{decimal_places, MAX_AMOUNT, MAX_DECIMAL_PLACES};
use super::config::{Decrement, DecrementBase, ExtensionCap, LotRules};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Duration;

/// The longest anti-sniping window or extension we accept.
pub const MAX_EXTENSION_STEP: Duration = Duration::hours(24);

/// One thing wrong with a rule set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum RuleIssue {
    /// The amount must be greater than zero.
    NotPositive { field: String },
    /// The amount has more than four decimal places.
    TooManyDecimals { field: String, max: u32 },
    /// The amount exceeds what `numeric(19,4)` stores.
    TooLarge { field: String, max: Decimal },
    /// An absolute decrement as large as the ceiling leaves no room for a second bid.
    DecrementNotBelowCeiling,
    /// A percentage must lie in `(min, max]`.
    PercentOutOfRange {
        field: String,
        min: Decimal,
        max: Decimal,
    },
    /// `closes_at` must be after `opens_at`.
    EndNotAfterStart,
    /// A duration must be whole seconds between one second and [`MAX_EXTENSION_STEP`].
    DurationOutOfRange { field: String, max_secs: i64 },
    /// A maximum of zero extensions: leave anti-sniping off instead.
    NoExtensionsAllowed,
    /// The hard stop must be after `closes_at`.
    HardStopNotAfterEnd,
    /// Measuring the step from a best price the suppliers cannot see would reveal it in every
    /// "minimum next bid" and every rejection; use `own_last_bid` or show the best price.
    BestPriceHiddenFromSuppliers,
}

impl RuleIssue {
    /// The field (dotted path into [`LotRules`]) the issue belongs to.
    pub fn field(&self) -> &str {
        match self {
            RuleIssue::NotPositive { field }
            | RuleIssue::TooManyDecimals { field, .. }
            | RuleIssue::TooLarge { field, .. }
            | RuleIssue::PercentOutOfRange { field, .. }
            | RuleIssue::DurationOutOfRange { field, .. } => field,
            RuleIssue::DecrementNotBelowCeiling => "decrement.amount",
            RuleIssue::EndNotAfterStart => "closes_at",
            RuleIssue::NoExtensionsAllowed => "anti_sniping.cap.count",
            RuleIssue::HardStopNotAfterEnd => "anti_sniping.cap.at",
            RuleIssue::BestPriceHiddenFromSuppliers => "decrement_base",
        }
    }
}

/// Every issue of a rule set; empty means the lot may be scheduled with it.
pub fn validate(rules: &LotRules) -> Vec<RuleIssue> {
    let mut issues = Vec::new();
    check_amount(&mut issues, "ceiling", rules.ceiling);
    match rules.decrement {
        Decrement::Absolute { amount } => {
            check_amount(&mut issues, "decrement.amount", amount);
            if amount > Decimal::ZERO && amount >= rules.ceiling {
                issues.push(RuleIssue::DecrementNotBelowCeiling);
            }
        }
        Decrement::Percent { percent } => {
            // 100 % would ask for a bid of zero, hence the open upper end.
            let below_hundred = Decimal::ONE_HUNDRED - Decimal::new(1, MAX_DECIMAL_PLACES);
            check_percent(&mut issues, "decrement.percent", percent, below_hundred);
        }
    }
    if let Some(percent) = rules.fat_finger_percent {
        check_percent(
            &mut issues,
            "fat_finger_percent",
            percent,
            Decimal::ONE_HUNDRED,
        );
    }
    if rules.closes_at <= rules.opens_at {
        issues.push(RuleIssue::EndNotAfterStart);
    }
    if rules.decrement_base == DecrementBase::BestPrice && !rules.visibility.shows_best_price() {
        issues.push(RuleIssue::BestPriceHiddenFromSuppliers);
    }
    if let Some(anti) = rules.anti_sniping {
        check_step(&mut issues, "anti_sniping.window_secs", anti.window);
        check_step(&mut issues, "anti_sniping.extension_secs", anti.extension);
        match anti.cap {
            ExtensionCap::MaxExtensions { count: 0 } => issues.push(RuleIssue::NoExtensionsAllowed),
            ExtensionCap::MaxExtensions { .. } => {}
            ExtensionCap::HardStop { at } if at <= rules.closes_at => {
                issues.push(RuleIssue::HardStopNotAfterEnd)
            }
            ExtensionCap::HardStop { .. } => {}
        }
    }
    issues
}

fn check_amount(issues: &mut Vec<RuleIssue>, field: &str, amount: Decimal) {
    let field = field.to_owned();
    if amount <= Decimal::ZERO {
        issues.push(RuleIssue::NotPositive { field });
    } else if amount > MAX_AMOUNT {
        issues.push(RuleIssue::TooLarge {
            field,
            max: MAX_AMOUNT,
        });
    } else if decimal_places(amount) > MAX_DECIMAL_PLACES {
        issues.push(RuleIssue::TooManyDecimals {
            field,
            max: MAX_DECIMAL_PLACES,
        });
    }
}

fn check_percent(issues: &mut Vec<RuleIssue>, field: &str, percent: Decimal, max: Decimal) {
    if percent <= Decimal::ZERO || percent > max {
        issues.push(RuleIssue::PercentOutOfRange {
            field: field.to_owned(),
            min: Decimal::ZERO,
            max,
        });
    } else if decimal_places(percent) > MAX_DECIMAL_PLACES {
        issues.push(RuleIssue::TooManyDecimals {
            field: field.to_owned(),
            max: MAX_DECIMAL_PLACES,
        });
    }
}

fn check_step(issues: &mut Vec<RuleIssue>, field: &str, step: Duration) {
    let whole = step.subsec_nanoseconds() == 0;
    if !whole || step < Duration::SECOND || step > MAX_EXTENSION_STEP {
        issues.push(RuleIssue::DurationOutOfRange {
            field: field.to_owned(),
            max_secs: MAX_EXTENSION_STEP.whole_seconds(),
        });
    }
}
