//! The supplier scorecard, tiers and notices as the browser sees them: staff's settings, a
//! supplier's score with its history, and the in-app notifications the expiry job writes.

use crate::rules::qualification::band::{Band, RawThresholds};
use crate::rules::qualification::criteria::PerCriterion;
use crate::rules::qualification::documents::{DocumentKind, NoticeThreshold};
use crate::rules::qualification::scorecard::Scorecard;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A supplier's membership tier, granted by staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    #[default]
    Regular,
    Vip,
    Strategic,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Regular, Tier::Vip, Tier::Strategic];

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Regular => "regular",
            Tier::Vip => "vip",
            Tier::Strategic => "strategic",
        }
    }

    pub fn parse(raw: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|tier| tier.as_str() == raw)
    }
}

/// The text a band is stored as.
pub fn band_str(band: Band) -> &'static str {
    match band {
        Band::Blocked => "blocked",
        Band::Warned => "warned",
        Band::Standard => "standard",
        Band::Preferred => "preferred",
    }
}

/// Staff's scorecard settings, as stored and sent (decimals as strings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSettings {
    #[serde(with = "per_criterion_str")]
    pub weights: PerCriterion<rust_decimal::Decimal>,
    pub thresholds: RawThresholds,
    /// When staff last changed them; `None` while the defaults apply.
    #[serde(with = "time::serde::rfc3339::option")]
    pub changed_at: Option<OffsetDateTime>,
}

/// What staff type into the settings form: raw strings, the server validates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSettingsInput {
    pub weights: PerCriterion<String>,
    pub warned: String,
    pub standard: String,
    pub preferred: String,
}

/// One period of a supplier's score history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScorePoint {
    pub period_start: Date,
    #[serde(with = "rust_decimal::serde::str")]
    pub score: rust_decimal::Decimal,
    pub band: Band,
}

/// A supplier's current scorecard with its history (oldest period first) and tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierScorecard {
    pub organisation_id: Uuid,
    pub current: Scorecard,
    /// `false` when no score was stored yet and `current` is the all-neutral score.
    pub stored: bool,
    pub history: Vec<ScorePoint>,
    pub tier: Tier,
    /// Staff's band thresholds in force (the chart draws them as guides).
    pub thresholds: RawThresholds,
}

/// What an in-app notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// A required document expires soon (30 or 7 days).
    DocumentExpiring,
    /// The supplier was suspended because a required document lapsed.
    SuspendedDocumentExpired,
    /// A valid replacement was uploaded; the application is back under review.
    ReReviewStarted,
}

/// One in-app notice to a supplier organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierNotification {
    pub notification_id: Uuid,
    pub kind: NotificationKind,
    pub document_kind: Option<DocumentKind>,
    pub threshold: Option<NoticeThreshold>,
    pub expires_on: Option<Date>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub read_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// `PerCriterion<Decimal>` with every decimal as a string.
mod per_criterion_str {
    use crate::rules::qualification::criteria::PerCriterion;
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(
        value: &PerCriterion<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let strings = PerCriterion {
            on_time_delivery: value.on_time_delivery.to_string(),
            quality_acceptance: value.quality_acceptance.to_string(),
            rfq_response_rate: value.rfq_response_rate.to_string(),
            quote_win_rate: value.quote_win_rate.to_string(),
            dispute_rate: value.dispute_rate.to_string(),
            buyer_rating: value.buyer_rating.to_string(),
        };
        strings.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<PerCriterion<Decimal>, D::Error> {
        let strings = PerCriterion::<String>::deserialize(deserializer)?;
        let parse = |raw: &str| raw.parse::<Decimal>().map_err(serde::de::Error::custom);
        Ok(PerCriterion {
            on_time_delivery: parse(&strings.on_time_delivery)?,
            quality_acceptance: parse(&strings.quality_acceptance)?,
            rfq_response_rate: parse(&strings.rfq_response_rate)?,
            quote_win_rate: parse(&strings.quote_win_rate)?,
            dispute_rate: parse(&strings.dispute_rate)?,
            buyer_rating: parse(&strings.buyer_rating)?,
        })
    }
}

/// The form field of a criterion's weight (its snake_case name).
pub fn criterion_field(
    criterion: crate::rules::qualification::criteria::Criterion,
) -> &'static str {
    use crate::rules::qualification::criteria::Criterion as C;
    match criterion {
        C::OnTimeDelivery => "on_time_delivery",
        C::QualityAcceptance => "quality_acceptance",
        C::RfqResponseRate => "rfq_response_rate",
        C::QuoteWinRate => "quote_win_rate",
        C::DisputeRate => "dispute_rate",
        C::BuyerRating => "buyer_rating",
    }
}

/// Checks staff's settings form with the rules' own checks, reporting every bad field at once
/// (the browser runs it too).
pub fn parse_settings(
    input: &ScoreSettingsInput,
) -> Result<
    (
        crate::rules::qualification::criteria::ScoreWeights,
        crate::rules::qualification::band::BandThresholds,
    ),
    crate::types::FieldErrors,
> {
    use crate::rules::qualification::band::BandThresholds;
    use crate::rules::qualification::criteria::{ScoreWeights, WeightsError};
    use crate::types::money::{Money, SignRule};
    use crate::types::{FieldErrors, FieldIssue};
    use rust_decimal::Decimal;

    let mut errors = FieldErrors::default();
    let mut number = |field: &str, raw: &str, max: u32| {
        let value = errors.check(
            field,
            Money::parse_amount(raw, SignRule::NonNegative).map_err(FieldIssue::from),
        )?;
        if value > Decimal::from(max) {
            errors.add(field, FieldIssue::OutOfRange { min: 0, max });
            return None;
        }
        Some(value)
    };
    let max_weight = crate::rules::weights::MAX_WEIGHT;
    let w = &input.weights;
    let weights = [
        number("on_time_delivery", &w.on_time_delivery, max_weight),
        number("quality_acceptance", &w.quality_acceptance, max_weight),
        number("rfq_response_rate", &w.rfq_response_rate, max_weight),
        number("quote_win_rate", &w.quote_win_rate, max_weight),
        number("dispute_rate", &w.dispute_rate, max_weight),
        number("buyer_rating", &w.buyer_rating, max_weight),
    ];
    let thresholds = [
        number("warned", &input.warned, 100),
        number("standard", &input.standard, 100),
        number("preferred", &input.preferred, 100),
    ];
    let mut parsed_weights = None;
    if let [Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)] = weights {
        let raw = PerCriterion {
            on_time_delivery: a,
            quality_acceptance: b,
            rfq_response_rate: c,
            quote_win_rate: d,
            dispute_rate: e,
            buyer_rating: f,
        };
        match ScoreWeights::new(raw) {
            Ok(weights) => parsed_weights = Some(weights),
            Err(WeightsError::SumIsZero) => errors.add("weights", FieldIssue::AllZero),
            Err(WeightsError::Negative { criterion }) => {
                errors.add(criterion_field(criterion), FieldIssue::Negative)
            }
            Err(WeightsError::TooLarge { criterion }) => errors.add(
                criterion_field(criterion),
                FieldIssue::OutOfRange {
                    min: 0,
                    max: max_weight,
                },
            ),
        }
    }
    let mut parsed_thresholds = None;
    if let [Some(warned), Some(standard), Some(preferred)] = thresholds {
        match BandThresholds::new(warned, standard, preferred) {
            Ok(thresholds) => parsed_thresholds = Some(thresholds),
            // Ranges were checked above, so only the order can be wrong: blame the first
            // threshold that does not rise.
            Err(_) if standard <= warned => errors.add("standard", FieldIssue::NotIncreasing),
            Err(_) => errors.add("preferred", FieldIssue::NotIncreasing),
        }
    }
    match (parsed_weights, parsed_thresholds) {
        (Some(weights), Some(thresholds)) if errors.is_empty() => Ok((weights, thresholds)),
        _ => Err(errors),
    }
}
