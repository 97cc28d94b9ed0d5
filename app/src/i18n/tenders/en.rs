//! English strings of the tender pages and the bidding board.

use super::TenderTexts;
use crate::rules::auction::{
    BidWarning, ExtensionTrigger, NotOpenReason, Phase, Rejection, RuleIssue, SupplierVisibility,
};
use crate::rules::qualification::band::Band;
use crate::types::tender::{FeedKind, TenderStatus};

pub static TEXTS: TenderTexts = TenderTexts {
    nav: "Tenders",
    phase_name: |phase| match phase {
        Phase::Draft => "Draft",
        Phase::Scheduled => "Scheduled",
        Phase::Open => "Open",
        Phase::Closed => "Closed",
        Phase::Awarded => "Awarded",
        Phase::Cancelled => "Cancelled",
    },
    rejection: |rejection| match rejection {
        Rejection::NotEligible => "You are not eligible to bid on this lot.".into(),
        Rejection::NotOpen { why } => match why {
            NotOpenReason::Draft => "This lot has not been published.".into(),
            NotOpenReason::NotStarted { .. } => "Bidding has not started yet.".into(),
            NotOpenReason::Ended { .. } => "Bidding has ended.".into(),
            NotOpenReason::Closed => "This lot is closed.".into(),
            NotOpenReason::Cancelled => "This lot was cancelled.".into(),
        },
        Rejection::NotANumber => "Enter a number such as 1250.50.".into(),
        Rejection::NotPositive => "The bid must be greater than zero.".into(),
        Rejection::TooManyDecimals { max } => format!("Use at most {max} decimal places."),
        Rejection::TooHigh { ceiling } => {
            format!("The bid is above the ceiling price of {ceiling}.")
        }
        Rejection::DecrementTooSmall { minimum_next_bid } => {
            format!("Not enough of a step down: bid {minimum_next_bid} or less.")
        }
        Rejection::NoLowerBidPossible => "No lower bid is possible on this lot.".into(),
        Rejection::TieNotAllowed => "Another supplier already bid exactly this amount.".into(),
    },
    rule_issue: |issue| {
        match issue {
        RuleIssue::NotPositive { .. } => "Must be greater than zero".into(),
        RuleIssue::TooManyDecimals { max, .. } => format!("Use at most {max} decimal places"),
        RuleIssue::TooLarge { max, .. } => format!("Must not exceed {max}"),
        RuleIssue::DecrementNotBelowCeiling => "The decrement must be smaller than the ceiling price".into(),
        RuleIssue::PercentOutOfRange { min, max, .. } => format!("Enter a percentage above {min} and at most {max}"),
        RuleIssue::EndNotAfterStart => "The end must be after the start".into(),
        RuleIssue::DurationOutOfRange { max_secs, .. } => format!("Whole seconds from 1 to {max_secs}"),
        RuleIssue::NoExtensionsAllowed => "Allow at least one extension, or turn anti-sniping off".into(),
        RuleIssue::HardStopNotAfterEnd => "The hard stop must be after the scheduled end".into(),
        RuleIssue::BestPriceHiddenFromSuppliers => "Suppliers who see only their rank cannot step down from the best price: use their own last bid, or show the best price".into(),
    }
    },
    list_title: "Tenders",
    new_tender: "New tender",
    reference: "Reference",
    title: "Title",
    buyer: "Buyer",
    opens: "Opens",
    ends: "Ends",
    lots: "Lots",
    none_buyer: "No tenders yet. Create one to run a live reverse auction.",
    none_supplier: "You have not been invited to a tender yet.",
    status_name: |status| match status {
        TenderStatus::Draft => "Draft",
        TenderStatus::Scheduled => "Scheduled",
        TenderStatus::Open => "Open",
        TenderStatus::Closed => "Closed",
        TenderStatus::Awarded => "Awarded",
        TenderStatus::Cancelled => "Cancelled",
    },
    description: "Description",
    currency: "Currency",
    minimum_band: "Minimum score band",
    band_any: "Any (approved suppliers)",
    band_name: |band| match band {
        Band::Blocked => "Blocked",
        Band::Warned => "Warned",
        Band::Standard => "Standard",
        Band::Preferred => "Preferred",
    },
    bid_bond: "Bid bond (optional)",
    bid_bond_hint: "A deposit each invited supplier must lodge, in the tender's currency.",
    invited_suppliers: "Invited suppliers",
    eligible: "Eligible",
    not_eligible: "Not eligible now",
    no_supplier_choices: "There are no supplier organisations to invite yet.",
    lot_n: |n| format!("Lot {n}"),
    add_lot: "Add a lot",
    remove_lot: "Remove this lot",
    lot_title: "Lot title",
    specification: "Specification",
    quantity: "Quantity",
    unit: "Unit",
    ceiling: "Ceiling price",
    decrement: "Minimum decrement",
    decrement_absolute: "Fixed amount",
    decrement_percent: "Percent",
    decrement_value: "Decrement",
    decrement_base: "Measured from",
    base_best: "The best price",
    base_own: "The bidder's own last bid",
    ties: "Equal bids",
    ties_rejected: "Not allowed",
    ties_earlier: "Allowed; the earlier bid ranks higher",
    opens_at: "Opens (local time)",
    closes_at: "Closes (local time)",
    anti_sniping: "Anti-sniping: extend the end when a bid comes late",
    trigger: "Extends on",
    trigger_name: |trigger| match trigger {
        ExtensionTrigger::AnyAcceptedBid => "Any accepted bid",
        ExtensionTrigger::RankOneChange => "A new leader (rank 1 changes)",
    },
    window_secs: "Window (seconds before the end)",
    extension_secs: "Extension (seconds)",
    cap: "Limit",
    cap_max: "A maximum number of extensions",
    cap_hard: "A hard stop time",
    max_extensions: "Maximum extensions",
    hard_stop: "Hard stop (local time)",
    visibility: "Suppliers see",
    visibility_name: |visibility| match visibility {
        SupplierVisibility::OwnRankOnly => "Their own rank only",
        SupplierVisibility::RankAndBestPrice => "Their rank and the best price",
        SupplierVisibility::AnonymousLadder => "The full anonymous ladder",
    },
    blind: "Blind auction: hide supplier names from us until the lot closes",
    sealed_pre_bids: "Take sealed pre-bids before opening",
    fat_finger: "Fat-finger warning above a drop of (%)",
    fat_finger_hint:
        "Asks a bidder to confirm a bid that drops more than this at once. Empty: no warning.",
    save_draft: "Save draft",
    draft_saved: "Draft saved",
    unmatched_errors: "Please check:",
    back_to_list: "← All tenders",
    publish: "Publish",
    publish_hint: "Publishing fixes the rules and shows the tender to the invited suppliers.",
    published: "Published: the invited suppliers can see the tender now",
    cancel_tender: "Cancel tender…",
    cancel_reason: "Reason (the suppliers read it)",
    confirm_cancel: "Cancel the tender",
    cancelled: "Tender cancelled",
    lot: "Lot",
    phase: "Phase",
    open_board: "Open board",
    bond_status: "Bid bond",
    bond_status_name: |status| match status {
        "required" => "Required".into(),
        "not_required" => "Not required".into(),
        "lodged" => "Lodged".into(),
        "waived" => "Waived".into(),
        "returned" => "Returned".into(),
        other => other.to_owned(),
    },
    no_invited: "No suppliers invited.",
    connection_live: "Live",
    connection_connecting: "Connecting…",
    connection_reconnecting: "Reconnecting… prices may be out of date",
    not_live: "not live",
    time_left: "Time left",
    opens_in: "Opens in",
    ended: "Ended",
    extended_notice: |end, secs| format!("Extended to {end} — a bid came {secs} s before the end"),
    extensions_used: |n| format!("Extensions: {n}"),
    two_minutes_left: "Two minutes left",
    thirty_seconds_left: "Thirty seconds left",
    your_rank: "Your rank",
    you_are: |rank| format!("You are #{rank}"),
    no_bid_yet: "You have not bid yet",
    your_bid: "Your bid",
    best_price: "Best price",
    hidden_by_rules: "hidden by the rules",
    min_next_bid: "Next bid: at most",
    bid_amount: "Your bid",
    place_bid: "Place bid",
    place_sealed_bid: "Place sealed bid",
    placing: "Placing…",
    bid_accepted: |amount| format!("Bid of {amount} accepted"),
    warning: |warning, money| {
        match warning {
        BidWarning::LargeDrop {
            reference,
            drop_percent,
            threshold_percent,
        } => format!(
            "This bid is {drop_percent} % below {} (more than the {threshold_percent} % the buyer set). Place it anyway?",
            money(*reference)
        ),
    }
    },
    confirm_bid: "Yes, place this bid",
    change_amount: "Change the amount",
    retrying: "Network trouble, retrying the same bid…",
    outbid: "You have been outbid",
    outbid_detail: |rank| format!("You are now #{rank}."),
    dismiss: "Dismiss",
    ladder: "Ladder",
    rank: "Rank",
    amount: "Amount",
    time: "Time",
    bidder: "Bidder",
    bidder_no: |n| format!("Bidder {n}"),
    you: "You",
    sealed_bids: |n| match n {
        1 => "1 sealed bid waits for opening".into(),
        n => format!("{n} sealed bids wait for opening"),
    },
    no_bids: "No bids yet.",
    chart_title: "Price over time",
    chart_summary: |first, last, n| format!("Price went from {first} to {last} over {n} points"),
    chart_empty: "The chart starts with the first bid.",
    feed_title: "Events",
    feed_empty: "Nothing has happened yet.",
    feed_text: |kind, money, at| {
        match kind {
        FeedKind::Scheduled => "The lot was published".into(),
        FeedKind::Opened { revealed_sealed_bids: 0 } => "Bidding opened".into(),
        FeedKind::Opened { revealed_sealed_bids } => {
            format!("Bidding opened; {revealed_sealed_bids} sealed bids revealed")
        }
        FeedKind::BidPlaced { amount, yours: true, .. } => match amount {
            Some(amount) => format!("You bid {}", money(*amount)),
            None => "You bid".into(),
        },
        FeedKind::BidPlaced { amount, bidder_no, .. } => {
            let who = bidder_no.map_or("A supplier".to_owned(), |n| format!("Bidder {n}"));
            match amount {
                Some(amount) => format!("{who} bid {}", money(*amount)),
                None => format!("{who} placed a bid"),
            }
        }
        FeedKind::SealedBidPlaced { amount: Some(amount), yours: true } => {
            format!("Your sealed bid of {}", money(*amount))
        }
        FeedKind::SealedBidPlaced { .. } => "A sealed bid was entered".into(),
        FeedKind::YourRank { from: None, to } => format!("You entered the ladder at #{to}"),
        FeedKind::YourRank { from: Some(from), to } if to > from => {
            format!("You dropped from #{from} to #{to}")
        }
        FeedKind::YourRank { from: Some(from), to } => format!("You moved from #{from} to #{to}"),
        FeedKind::Extended {
            new_end,
            extensions_used,
            remaining_secs,
        } => format!(
            "Extended to {} (extension {extensions_used}; a bid came {remaining_secs} s before the end)",
            at(*new_end)
        ),
        FeedKind::Closed => "Bidding closed".into(),
        FeedKind::Awarded { yours: Some(true) } => "Awarded to you".into(),
        FeedKind::Awarded { yours: Some(false) } => "Awarded to another supplier".into(),
        FeedKind::Awarded { yours: None } => "The lot was awarded".into(),
        FeedKind::Cancelled { reason } => format!("Cancelled: {reason}"),
    }
    },
    award_title: "Award",
    award_rank_one: |who| format!("Award to rank 1: {who}"),
    award_other: "Award another bidder…",
    award_reason: "Reason (required when not awarding rank 1)",
    award_confirm: "Award to this bidder",
    awarded_toast: "Awarded. An order draft was created for the winner.",
    awarded_to: |who, rank| format!("Awarded to {who} (rank {rank})"),
    outcome_won: "You won this lot",
    outcome_lost: "This lot was awarded to another supplier",
    outcome_closed: "Bidding has closed. The buyer will now award the lot.",
    outcome_cancelled: "This lot was cancelled.",
    export_audit: "Export audit log",
    chain_verified: |n| format!("Chain verified ✓ ({n} entries)"),
    chain_broken: "The chain did NOT verify ✗ — keep this file and contact support",
    rules_summary: "Rules",
    step_summary: |step| format!("Each bid at least {step} lower"),
};
