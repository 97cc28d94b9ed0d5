//! Assembles the public supplier profile and the supplier dashboard from the qualification,
//! scorecard and notification data, applying the pure rules for eligibility, expiry and advice.

use crate::rules::qualification::documents::{expiry_notices, lapsed};
use crate::rules::qualification::improve::biggest_gains;
use crate::rules::qualification::scorecard::Criterion;
use crate::rules::qualification::status::can_trade;
use crate::server::{db, qualification, scorecard};
use crate::types::supplier_page::{
    ExpiringDocument, Improvement, PublicSupplierProfile, SupplierDashboard,
};
use crate::AppError;
use sqlx::PgPool;
use time::OffsetDateTime;
use uuid::Uuid;

/// How many criteria the dashboard suggests working on.
const IMPROVEMENTS_SHOWN: usize = 3;

/// The profile buyers see; `NotFound` for an organisation that is not a supplier.
pub async fn public_profile(
    pool: &PgPool,
    organisation_id: Uuid,
    now: OffsetDateTime,
) -> Result<PublicSupplierProfile, AppError> {
    let profile = db::organisation::get_profile(pool, organisation_id)
        .await?
        .filter(|profile| profile.kind.supplies())
        .ok_or(AppError::NotFound)?;
    let head = db::qualification::find_head(pool, organisation_id).await?;
    let card = scorecard::load_scorecard(pool, organisation_id, now).await?;
    let value = |criterion: Criterion| {
        card.current
            .lines
            .iter()
            .find(|line| line.criterion == criterion)
            .and_then(|line| line.value)
    };
    let (rating_count, rating_average) =
        db::supplier_page::rating_summary(pool, organisation_id).await?;
    let (audits_passed, audits_total) =
        db::supplier_page::audit_counts(pool, organisation_id).await?;
    Ok(PublicSupplierProfile {
        organisation_id,
        name: profile.name,
        name_zh: profile.name_zh,
        industry: profile.industry,
        city: profile.city,
        country: profile.country,
        description: profile.description,
        status: head.and_then(|head| head.status),
        badges: db::supplier_page::verified_badges(pool, organisation_id, now.date()).await?,
        stars: card.current.stars,
        band: card.current.band,
        tier: card.tier,
        on_time_rate: value(Criterion::OnTimeDelivery),
        // Needs orders (placed vs fulfilled), which arrive with later work: no data yet.
        fulfilment_rate: None,
        response_rate: value(Criterion::RfqResponseRate),
        rating_count,
        rating_average,
        audits_passed,
        audits_total,
    })
}

/// The supplier's home page data.
pub async fn dashboard(
    pool: &PgPool,
    organisation_id: Uuid,
    now: OffsetDateTime,
) -> Result<SupplierDashboard, AppError> {
    let application = qualification::load_application(pool, organisation_id).await?;
    let card = scorecard::load_scorecard(pool, organisation_id, now).await?;
    let today = now.date();
    let documents = db::expiry::usable_documents(pool, organisation_id).await?;
    // With no notice counted as sent, the rules list every required document due within 30 days.
    let mut expiring: Vec<ExpiringDocument> = expiry_notices(&documents, &[], today)
        .into_iter()
        .map(|notice| ExpiringDocument {
            document_id: notice.document_id,
            kind: notice.kind,
            expires_on: notice.expires_on,
            days_left: notice.days_left,
        })
        .collect();
    expiring.extend(
        lapsed(&documents, today)
            .into_iter()
            .map(|gone| ExpiringDocument {
                document_id: gone.document_id,
                kind: gone.kind,
                expires_on: gone.expired_on,
                days_left: (gone.expired_on - today).whole_days(),
            }),
    );
    expiring.sort_by_key(|document| document.expires_on);
    let improvements = biggest_gains(&card.current, IMPROVEMENTS_SHOWN)
        .into_iter()
        .map(|(criterion, points, no_data)| Improvement {
            criterion,
            points,
            no_data,
        })
        .collect();
    let not_eligible = match application.status {
        None => Some(crate::rules::qualification::status::NotEligible::NotYetReviewed),
        Some(status) => can_trade(status, card.current.band).err(),
    };
    Ok(SupplierDashboard {
        organisation_id,
        organisation_name: application.organisation_name,
        status: application.status,
        status_reason: application.status_reason,
        not_eligible,
        expiring,
        notifications: db::notification::list_notifications(pool, organisation_id, 20).await?,
        improvements,
        scorecard: card,
    })
}
