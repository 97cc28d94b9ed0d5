//! SQL for the scorecard: staff's settings, the facts a score is computed from, the score history
//! and the bands the tender and RFQ code gate on.

use crate::rules::qualification::band::{BandThresholds, RawThresholds};
use crate::rules::qualification::scorecard::{
    PerCriterion, ScoreWeights, Scorecard, ScorecardFacts,
};
use crate::types::scorecard::{band_str, ScorePoint};
use rust_decimal::Decimal;
use sqlx::PgExecutor;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// Staff's settings in force and when they were set (`None`: the defaults, never changed).
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    pub weights: ScoreWeights,
    pub thresholds: BandThresholds,
    pub changed_at: Option<OffsetDateTime>,
}

/// Builds validated settings from stored columns (a check failing here is corruption).
fn decode_settings(
    weights: [Decimal; 6],
    thresholds: [Decimal; 3],
    changed_at: OffsetDateTime,
) -> Result<Settings, sqlx::Error> {
    let [on_time_delivery, quality_acceptance, rfq_response_rate, quote_win_rate, dispute_rate, buyer_rating] =
        weights;
    let weights = ScoreWeights::new(PerCriterion {
        on_time_delivery,
        quality_acceptance,
        rfq_response_rate,
        quote_win_rate,
        dispute_rate,
        buyer_rating,
    })
    .map_err(|e| sqlx::Error::Decode(format!("stored weights: {e}").into()))?;
    let [warned, standard, preferred] = thresholds;
    let thresholds = BandThresholds::new(warned, standard, preferred)
        .map_err(|e| sqlx::Error::Decode(format!("stored thresholds: {e}").into()))?;
    Ok(Settings {
        weights,
        thresholds,
        changed_at: Some(changed_at),
    })
}

/// The newest settings, or the rules' defaults when staff never changed them.
#[tracing::instrument(skip(db), err)]
pub async fn current_settings(db: impl PgExecutor<'_>) -> Result<Settings, sqlx::Error> {
    let row = sqlx::query!(
        r#"select weight_on_time_delivery, weight_quality_acceptance, weight_rfq_response_rate,
                  weight_quote_win_rate, weight_dispute_rate, weight_buyer_rating,
                  threshold_warned, threshold_standard, threshold_preferred, created_at
           from scorecard_setting order by created_at desc, setting_id desc limit 1"#
    )
    .fetch_optional(db)
    .await?;
    let Some(r) = row else {
        return Ok(Settings::default());
    };
    decode_settings(
        [
            r.weight_on_time_delivery,
            r.weight_quality_acceptance,
            r.weight_rfq_response_rate,
            r.weight_quote_win_rate,
            r.weight_dispute_rate,
            r.weight_buyer_rating,
        ],
        [
            r.threshold_warned,
            r.threshold_standard,
            r.threshold_preferred,
        ],
        r.created_at,
    )
}

/// Stores new settings (the old rows stay as history).
#[tracing::instrument(skip(db), err)]
pub async fn insert_settings(
    db: impl PgExecutor<'_>,
    weights: &ScoreWeights,
    thresholds: &BandThresholds,
    changed_by: Uuid,
) -> Result<(), sqlx::Error> {
    let w: PerCriterion<Decimal> = (*weights).into();
    let t: RawThresholds = (*thresholds).into();
    sqlx::query!(
        r#"insert into scorecard_setting
               (setting_id, weight_on_time_delivery, weight_quality_acceptance,
                weight_rfq_response_rate, weight_quote_win_rate, weight_dispute_rate,
                weight_buyer_rating, threshold_warned, threshold_standard, threshold_preferred,
                changed_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"#,
        Uuid::new_v4(),
        w.on_time_delivery,
        w.quality_acceptance,
        w.rfq_response_rate,
        w.quote_win_rate,
        w.dispute_rate,
        w.buyer_rating,
        t.warned,
        t.standard,
        t.preferred,
        changed_by,
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// A supplier's facts over `(from, to]`, as percentages (the rating as its 1–5 mean); `None`
/// where there is nothing to count yet.
#[tracing::instrument(skip(db), err)]
pub async fn facts(
    db: impl PgExecutor<'_>,
    supplier_id: Uuid,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<ScorecardFacts, sqlx::Error> {
    let row = sqlx::query!(
        r#"with d as (select * from delivery_record
                      where supplier_id = $1 and recorded_at > $2 and recorded_at <= $3),
                r as (select * from rfq_response
                      where supplier_id = $1 and invited_at > $2 and invited_at <= $3)
           select
             (select round(100.0 * count(*) filter (where delivered_on <= promised_on)
                           / nullif(count(*), 0), 4) from d) as on_time,
             (select round(100.0 * count(*) filter (where accepted) / nullif(count(*), 0), 4)
              from quality_inspection
              where supplier_id = $1 and inspected_at > $2 and inspected_at <= $3) as quality,
             (select round(100.0 * count(quoted_at) / nullif(count(*), 0), 4) from r) as response,
             (select round(100.0 * count(won_at) / nullif(count(quoted_at), 0), 4) from r) as win,
             (select round(100.0 * (select count(distinct order_id) from order_dispute
                                    where supplier_id = $1 and opened_at > $2 and opened_at <= $3)
                           / nullif(count(distinct order_id), 0), 4) from d) as dispute,
             (select round(avg(stars), 4) from buyer_rating
              where supplier_id = $1 and rated_at > $2 and rated_at <= $3) as rating"#,
        supplier_id,
        from,
        to
    )
    .fetch_one(db)
    .await?;
    Ok(PerCriterion {
        on_time_delivery: row.on_time,
        quality_acceptance: row.quality,
        rfq_response_rate: row.response,
        quote_win_rate: row.win,
        dispute_rate: row.dispute,
        buyer_rating: row.rating,
    })
}

/// Stores the score of a period, replacing an earlier computation of the same period.
#[tracing::instrument(skip(db, card), err)]
pub async fn upsert_score(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    period_start: Date,
    card: &Scorecard,
    computed_at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let lines = serde_json::to_string(&card.lines)
        .map_err(|e| sqlx::Error::Encode(format!("score lines: {e}").into()))?;
    sqlx::query!(
        r#"insert into supplier_score
               (organisation_id, period_start, score, stars, band, lines, computed_at)
           values ($1, $2, $3, $4, $5, $6::text::jsonb, $7)
           on conflict (organisation_id, period_start) do update set
               score = excluded.score, stars = excluded.stars, band = excluded.band,
               lines = excluded.lines, computed_at = excluded.computed_at"#,
        organisation_id,
        period_start,
        card.score,
        card.stars,
        band_str(card.band),
        lines,
        computed_at,
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// A supplier's last `limit` periods, oldest first.
#[tracing::instrument(skip(db), err)]
pub async fn history(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    limit: i64,
) -> Result<Vec<ScorePoint>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select period_start, score, band from (
               select period_start, score, band from supplier_score
               where organisation_id = $1 order by period_start desc limit $2
           ) last order by period_start"#,
        organisation_id,
        limit
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(ScorePoint {
                period_start: row.period_start,
                score: row.score,
                band: decode_band(&row.band)?,
            })
        })
        .collect()
}

fn decode_band(raw: &str) -> Result<crate::rules::qualification::band::Band, sqlx::Error> {
    use crate::rules::qualification::band::Band;
    [Band::Blocked, Band::Warned, Band::Standard, Band::Preferred]
        .into_iter()
        .find(|band| band_str(*band) == raw)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown band {raw:?}").into()))
}

/// The latest stored score of each of `organisation_ids` that has one.
#[tracing::instrument(skip(db), err)]
pub async fn latest_scores(
    db: impl PgExecutor<'_>,
    organisation_ids: &[Uuid],
) -> Result<Vec<(Uuid, Decimal)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select distinct on (organisation_id) organisation_id, score
           from supplier_score where organisation_id = any($1)
           order by organisation_id, period_start desc"#,
        organisation_ids
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.organisation_id, row.score))
        .collect())
}

/// Every supplier organisation (kind supplier or both), for a full recomputation.
#[tracing::instrument(skip(db), err)]
pub async fn supplier_ids(db: impl PgExecutor<'_>) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select organisation_id from organisation where kind in ('supplier', 'both')
           order by organisation_id"#
    )
    .fetch_all(db)
    .await
}
