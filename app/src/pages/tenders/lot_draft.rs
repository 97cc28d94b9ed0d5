//! One lot of the new-tender form: what the buyer types, its defaults, and turning it into a
//! [`LotInput`] with every problem keyed by its field's dotted name.

use crate::live::clock::{self, from_input, to_input};
use crate::rules::auction::{
    validate, AntiSniping, Decrement, DecrementBase, ExtensionCap, ExtensionTrigger, LotRules,
    RuleIssue, SupplierVisibility, TiePolicy,
};
use crate::types::money::{Money, SignRule};
use crate::types::tender::LotInput;
use crate::types::validation::bounded_text;
use crate::types::{FieldErrors, FieldIssue};
use leptos::prelude::*;
use std::collections::BTreeMap;
use time::Duration;

/// The typed-in state of one lot; every input is a signal so the form keeps what was typed.
#[derive(Clone, Copy)]
pub struct LotDraft {
    /// Stable across removals of other lots (the list is keyed by it).
    pub key: u64,
    pub title: RwSignal<String>,
    pub specification: RwSignal<String>,
    pub quantity: RwSignal<String>,
    pub unit: RwSignal<String>,
    pub ceiling: RwSignal<String>,
    /// `absolute` or `percent`.
    pub decrement_kind: RwSignal<String>,
    pub decrement_value: RwSignal<String>,
    pub decrement_base: RwSignal<String>,
    pub ties: RwSignal<String>,
    pub opens: RwSignal<String>,
    pub closes: RwSignal<String>,
    pub anti_sniping: RwSignal<bool>,
    pub trigger: RwSignal<String>,
    pub window: RwSignal<String>,
    pub extension: RwSignal<String>,
    /// `max` or `hard`.
    pub cap_kind: RwSignal<String>,
    pub max_extensions: RwSignal<String>,
    pub hard_stop: RwSignal<String>,
    pub visibility: RwSignal<String>,
    pub blind: RwSignal<bool>,
    pub sealed: RwSignal<bool>,
    pub fat_finger: RwSignal<String>,
}

fn text(value: &str) -> RwSignal<String> {
    RwSignal::new(value.to_owned())
}

impl LotDraft {
    /// Opens in five to six minutes (on the minute), closes an hour later, with anti-sniping at
    /// 60 s / 120 s / at most 10 extensions.
    pub fn new(key: u64) -> Self {
        let now = clock::from_ms(clock::local_now_ms());
        let opens = (now + Duration::minutes(6))
            .replace_second(0)
            .unwrap_or(now);
        let closes = opens + Duration::hours(1);
        LotDraft {
            key,
            title: text(""),
            specification: text(""),
            quantity: text(""),
            unit: text(""),
            ceiling: text(""),
            decrement_kind: text("absolute"),
            decrement_value: text(""),
            decrement_base: text("best_price"),
            ties: text("rejected"),
            opens: text(&to_input(opens)),
            closes: text(&to_input(closes)),
            anti_sniping: RwSignal::new(true),
            trigger: text("any_accepted_bid"),
            window: text("60"),
            extension: text("120"),
            cap_kind: text("max"),
            max_extensions: text("10"),
            hard_stop: text(&to_input(closes + Duration::hours(1))),
            visibility: text("rank_and_best_price"),
            blind: RwSignal::new(false),
            sealed: RwSignal::new(false),
            fat_finger: text("20"),
        }
    }

    /// The lot as the API takes it, or `None` with the problems recorded under
    /// `lots.<index>.…` (parse problems in `errors`, rule-set problems in `rule_issues`).
    pub fn build(
        &self,
        index: usize,
        errors: &mut FieldErrors,
        rule_issues: &mut BTreeMap<String, Vec<RuleIssue>>,
    ) -> Option<LotInput> {
        let p = |field: &str| format!("lots.{index}.{field}");
        let amount = |errors: &mut FieldErrors, field: &str, raw: &str| {
            let parsed = Money::parse_amount(raw, SignRule::Positive).map_err(FieldIssue::from);
            errors.check(&p(field), parsed)
        };
        let instant = |errors: &mut FieldErrors, field: &str, raw: &str| {
            errors.check(&p(field), from_input(raw).ok_or(FieldIssue::Required))
        };
        let seconds = |errors: &mut FieldErrors, field: &str, raw: &str| {
            let parsed = raw
                .trim()
                .parse::<i64>()
                .map_err(|_| FieldIssue::NotANumber);
            errors.check(&p(field), parsed.map(Duration::seconds))
        };
        // The goods, checked as the server does (it decides; this only saves a round trip).
        errors.check(
            &p("title"),
            bounded_text(&self.title.get_untracked(), 1, 200),
        );
        errors.check(&p("unit"), bounded_text(&self.unit.get_untracked(), 1, 20));
        amount(errors, "quantity", &self.quantity.get_untracked());
        let ceiling = amount(errors, "rules.ceiling", &self.ceiling.get_untracked());
        let decrement = if self.decrement_kind.get_untracked() == "percent" {
            amount(
                errors,
                "rules.decrement.percent",
                &self.decrement_value.get_untracked(),
            )
            .map(|percent| Decrement::Percent { percent })
        } else {
            amount(
                errors,
                "rules.decrement.amount",
                &self.decrement_value.get_untracked(),
            )
            .map(|amount| Decrement::Absolute { amount })
        };
        let opens_at = instant(errors, "rules.opens_at", &self.opens.get_untracked());
        let closes_at = instant(errors, "rules.closes_at", &self.closes.get_untracked());
        let anti_sniping = if self.anti_sniping.get_untracked() {
            let window = seconds(
                errors,
                "rules.anti_sniping.window_secs",
                &self.window.get_untracked(),
            );
            let extension = seconds(
                errors,
                "rules.anti_sniping.extension_secs",
                &self.extension.get_untracked(),
            );
            let cap = if self.cap_kind.get_untracked() == "hard" {
                instant(
                    errors,
                    "rules.anti_sniping.cap.at",
                    &self.hard_stop.get_untracked(),
                )
                .map(|at| ExtensionCap::HardStop { at })
            } else {
                let count = self.max_extensions.get_untracked().trim().parse::<u32>();
                errors
                    .check(
                        &p("rules.anti_sniping.cap.count"),
                        count.map_err(|_| FieldIssue::NotANumber),
                    )
                    .map(|count| ExtensionCap::MaxExtensions { count })
            };
            let trigger = match self.trigger.get_untracked().as_str() {
                "rank_one_change" => ExtensionTrigger::RankOneChange,
                _ => ExtensionTrigger::AnyAcceptedBid,
            };
            match (window, extension, cap) {
                (Some(window), Some(extension), Some(cap)) => Some(Some(AntiSniping {
                    trigger,
                    window,
                    extension,
                    cap,
                })),
                _ => None,
            }
        } else {
            Some(None)
        };
        let fat_finger = self.fat_finger.get_untracked();
        let fat_finger_percent = if fat_finger.trim().is_empty() {
            Some(None)
        } else {
            amount(errors, "rules.fat_finger_percent", &fat_finger).map(Some)
        };
        let rules = LotRules {
            ceiling: ceiling?,
            decrement: decrement?,
            decrement_base: match self.decrement_base.get_untracked().as_str() {
                "own_last_bid" => DecrementBase::OwnLastBid,
                _ => DecrementBase::BestPrice,
            },
            ties: match self.ties.get_untracked().as_str() {
                "earlier_ranks_higher" => TiePolicy::EarlierRanksHigher,
                _ => TiePolicy::Rejected,
            },
            opens_at: opens_at?,
            closes_at: closes_at?,
            anti_sniping: anti_sniping?,
            visibility: visibility(&self.visibility.get_untracked()),
            blind: self.blind.get_untracked(),
            sealed_pre_bids: self.sealed.get_untracked(),
            fat_finger_percent: fat_finger_percent?,
        };
        let issues = validate(&rules);
        for issue in issues.iter() {
            rule_issues
                .entry(p(&format!("rules.{}", issue.field())))
                .or_default()
                .push(issue.clone());
        }
        issues.is_empty().then(|| LotInput {
            title: self.title.get_untracked(),
            specification: self.specification.get_untracked(),
            quantity: self.quantity.get_untracked(),
            unit: self.unit.get_untracked(),
            rules,
        })
    }
}

fn visibility(value: &str) -> SupplierVisibility {
    match value {
        "own_rank_only" => SupplierVisibility::OwnRankOnly,
        "anonymous_ladder" => SupplierVisibility::AnonymousLadder,
        _ => SupplierVisibility::RankAndBestPrice,
    }
}
