//! The supplier scorecard on the server: recomputing scores from their fact tables with
//! `rules::qualification::scorecard`, keeping one score per supplier per period, and the bands
//! other features gate eligibility on ([`supplier_bands`]).
//!
//! A period is a calendar month (UTC); its score counts the facts of the 365 days up to the moment
//! of computation, so a quiet month does not swing the score. Recomputing updates the current
//! month's row; earlier months stay as they were (the history the trend chart draws). Criteria
//! without facts count as neutral, as the rules say.

use crate::rules::qualification::band::Band;
use crate::rules::qualification::scorecard::{compute, Scorecard, ScorecardFacts};
use crate::server::db;
use crate::types::scorecard::SupplierScorecard;
use sqlx::PgPool;
use std::collections::HashMap;
use time::{Date, Duration, OffsetDateTime};
use uuid::Uuid;

/// How far back a score looks for facts.
pub const FACT_WINDOW: Duration = Duration::days(365);

/// How many periods of history the scorecard shows.
pub const HISTORY_PERIODS: i64 = 12;

/// The period `now` falls in: the first day of its month.
pub fn period_of(now: OffsetDateTime) -> Date {
    now.date()
        .replace_day(1)
        .expect("every month has a first day")
}

/// The score everyone has before any fact exists: every criterion neutral.
pub fn neutral_scorecard(settings: &db::scorecard::Settings) -> Scorecard {
    compute(
        &ScorecardFacts::default(),
        &settings.weights,
        &settings.thresholds,
    )
}

/// Recomputes and stores the score of `organisation_id` for the period of `now`.
#[tracing::instrument(skip(pool), err)]
pub async fn recompute_score(
    pool: &PgPool,
    organisation_id: Uuid,
    now: OffsetDateTime,
) -> Result<Scorecard, sqlx::Error> {
    let settings = db::scorecard::current_settings(pool).await?;
    recompute_with(pool, &settings, organisation_id, now).await
}

async fn recompute_with(
    pool: &PgPool,
    settings: &db::scorecard::Settings,
    organisation_id: Uuid,
    now: OffsetDateTime,
) -> Result<Scorecard, sqlx::Error> {
    let facts = db::scorecard::facts(pool, organisation_id, now - FACT_WINDOW, now).await?;
    let card = compute(&facts, &settings.weights, &settings.thresholds);
    db::scorecard::upsert_score(pool, organisation_id, period_of(now), &card, now).await?;
    Ok(card)
}

/// Recomputes every supplier's score (after staff change the settings, and hourly); returns how
/// many. One failing supplier is logged and does not stop the others.
pub async fn recompute_all(pool: &PgPool, now: OffsetDateTime) -> Result<usize, sqlx::Error> {
    let settings = db::scorecard::current_settings(pool).await?;
    let mut done = 0;
    for organisation_id in db::scorecard::supplier_ids(pool).await? {
        match recompute_with(pool, &settings, organisation_id, now).await {
            Ok(_) => done += 1,
            Err(error) => tracing::error!(%organisation_id, %error, "recomputing a score failed"),
        }
    }
    Ok(done)
}

/// The band of each supplier in `organisation_ids`, with staff's current thresholds applied to
/// its latest stored score. A supplier without a stored score gets the band of the all-neutral
/// score. Tender and RFQ eligibility call this (with `rules::qualification::status::can_trade`).
pub async fn supplier_bands(
    db: &PgPool,
    organisation_ids: &[Uuid],
) -> Result<HashMap<Uuid, Band>, sqlx::Error> {
    let settings = db::scorecard::current_settings(db).await?;
    let neutral = neutral_scorecard(&settings).band;
    let mut bands: HashMap<Uuid, Band> = organisation_ids.iter().map(|id| (*id, neutral)).collect();
    for (organisation_id, score) in db::scorecard::latest_scores(db, organisation_ids).await? {
        bands.insert(organisation_id, settings.thresholds.band(score));
    }
    Ok(bands)
}

/// The scorecard a supplier (or staff) sees: computed now from the facts, with the stored
/// history and the tier. Reading does not store anything.
pub async fn load_scorecard(
    pool: &PgPool,
    organisation_id: Uuid,
    now: OffsetDateTime,
) -> Result<SupplierScorecard, sqlx::Error> {
    let settings = db::scorecard::current_settings(pool).await?;
    let facts = db::scorecard::facts(pool, organisation_id, now - FACT_WINDOW, now).await?;
    let history = db::scorecard::history(pool, organisation_id, HISTORY_PERIODS).await?;
    Ok(SupplierScorecard {
        organisation_id,
        current: compute(&facts, &settings.weights, &settings.thresholds),
        stored: !history.is_empty(),
        history,
        tier: db::tier::get_tier(pool, organisation_id).await?,
        thresholds: settings.thresholds.into(),
    })
}
