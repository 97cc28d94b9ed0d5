//! English strings of the scorecard, dashboard, public profile and staff tools.

use super::ScorecardTexts;
use crate::rules::qualification::band::Band;
use crate::rules::qualification::documents::NoticeThreshold;
use crate::rules::qualification::scorecard::Criterion;
use crate::rules::qualification::status::NotEligible;
use crate::types::audit::AuditResult;
use crate::types::scorecard::{NotificationKind, Tier};

pub static TEXTS: ScorecardTexts = ScorecardTexts {
    dashboard_title: "Supplier dashboard",
    qualification: "Qualification",
    open_application: "Open the application",
    can_trade: "You can quote and bid.",
    not_eligible: |reason| match reason {
        NotEligible::NotYetReviewed => "You cannot quote or bid until your application is reviewed.",
        NotEligible::UnderReview => "You cannot quote or bid while your application is under review.",
        NotEligible::Rejected => "You cannot quote or bid: your application was rejected.",
        NotEligible::Suspended => "You cannot quote or bid while suspended.",
        NotEligible::BlockedBand => "You cannot quote or bid: your score is in the blocked band.",
    },
    expiring_title: "Expiring documents",
    no_expiring: "No required document expires within 30 days.",
    days_left: |days| match days {
        d if d < 0 => format!("expired {} days ago", -d),
        0 => "last valid day today".into(),
        1 => "1 day left".into(),
        d => format!("{d} days left"),
    },
    score_title: "Scorecard",
    score: "Score",
    stars: "Stars",
    band: "Band",
    band_name: |band| match band {
        Band::Blocked => "Blocked",
        Band::Warned => "Warned",
        Band::Standard => "Standard",
        Band::Preferred => "Preferred",
    },
    tier: "Membership",
    tier_name: |tier| match tier {
        Tier::Regular => "Regular",
        Tier::Vip => "VIP",
        Tier::Strategic => "Strategic supplier",
    },
    criterion_name: |criterion| match criterion {
        Criterion::OnTimeDelivery => "On-time delivery",
        Criterion::QualityAcceptance => "Quality acceptance",
        Criterion::RfqResponseRate => "RFQ response rate",
        Criterion::QuoteWinRate => "Quote win rate",
        Criterion::DisputeRate => "Dispute rate",
        Criterion::BuyerRating => "Buyer rating",
    },
    trend_title: "Score trend",
    trend_label: |periods| format!("Score over the last {periods} months"),
    no_history: "No score history yet: scores are stored every hour.",
    raise_title: "What would raise your score",
    raise_points: |points| format!("up to +{points} points"),
    counts_neutral: "no data yet, counts as neutral (50)",
    nothing_to_raise: "Every criterion is at its best.",
    how_computed: "How the score is computed",
    fact: "Fact",
    normalised: "0–100",
    weight: "Weight",
    contribution: "Points",
    no_data: "No data yet",
    notifications: "Notifications",
    no_notifications: "No notifications.",
    mark_read: "Mark all as read",
    notification_text: |n| {
        let kind = n
            .document_kind
            .map(|k| (crate::i18n::qualification::EN.kind_name)(k))
            .unwrap_or("document");
        let on = n.expires_on.map(|d| d.to_string()).unwrap_or_default();
        match n.kind {
            NotificationKind::DocumentExpiring => match n.threshold {
                Some(NoticeThreshold::SevenDays) => {
                    format!("Your {kind} expires on {on}, in 7 days or less. Upload a replacement now.")
                }
                _ => format!("Your {kind} expires on {on}, within 30 days. Upload a replacement."),
            },
            NotificationKind::SuspendedDocumentExpired => {
                format!("Suspended: your {kind} expired on {on}. Upload a valid replacement to be reviewed again.")
            }
            NotificationKind::ReReviewStarted => {
                "Thank you: your replacement document is being reviewed.".into()
            }
        }
    },
    slot_tenders: "Live and upcoming tenders",
    slot_offers: "Offers",
    slot_samples: "Sample requests",
    slot_rfqs: "RFQs to answer",
    slot_orders: "Orders to fulfil",
    slot_empty: "Nothing here yet.",
    tenders_none: "No live or upcoming tenders you are invited to.",
    tender_rank: |rank| match rank {
        Some(rank) => format!("You are #{rank}"),
        None => "No bid yet".into(),
    },
    open_board: "Open the board",
    tender_opens: "Opens",
    tender_ends: "Ends",
    profile_lead: "Verified facts and measured performance of this supplier.",
    verified_badges: "Verified documents",
    no_badges: "No verified documents yet.",
    verified_by: |date, name| format!("verified {date} by {name}"),
    valid_until: |date| format!("valid until {date}"),
    performance: "Performance (last 12 months)",
    on_time_rate: "On-time delivery",
    fulfilment_rate: "Fulfilment rate",
    response_rate: "RFQ response rate",
    buyer_rating: "Buyer rating",
    ratings: |average, count| format!("{average} / 5 from {count} ratings"),
    audits_passed: "Factory audits passed",
    audits_summary: |passed, total| format!("{passed} of {total}"),
    view_profile: "Supplier profile",
    settings_nav: "Scorecard",
    settings_title: "Scorecard settings",
    settings_lead: "Weights of each criterion and the score where each band starts. Saving recomputes every supplier's score.",
    weights: "Weights",
    thresholds: "Band thresholds",
    warned_from: "Warned from",
    standard_from: "Standard from",
    preferred_from: "Preferred from",
    save_settings: "Save and recompute",
    settings_saved: "Saved: every supplier's score was recomputed.",
    defaults_apply: "The default settings apply.",
    grant_tier: "Grant tier",
    tier_saved: "Membership tier saved",
    audits_title: "Factory audits",
    no_audits: "No factory audits yet.",
    record_audit: "Record audit",
    audited_on: "Audit date",
    auditor: "Auditor",
    result: "Result",
    result_name: |result| match result {
        AuditResult::Pass => "Pass",
        AuditResult::Conditional => "Conditional pass",
        AuditResult::Fail => "Fail",
    },
    audit_score: "Score (0–100)",
    notes: "Notes",
    samples_title: "Sample tests",
    no_samples: "No sample tests yet.",
    record_sample: "Record sample test",
    tested_on: "Test date",
    product: "Product",
    laboratory: "Laboratory",
    passed: "Passed",
    passed_name: |passed| if passed { "Passed" } else { "Failed" },
    recorded: "Recorded",
    photo: "Audit photo",
    add_photo: "Add a photo (PNG or JPEG)",
    upload_photo: "Upload photo",
};
