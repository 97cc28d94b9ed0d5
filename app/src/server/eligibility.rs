//! Who may bid: an invited supplier that is approved, outside the blocked band and at or above
//! the tender's minimum band (`rules::qualification::status::can_trade`).

use crate::rules::qualification::band::Band;
use crate::rules::qualification::status::{can_trade, QualificationStatus};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// The score band of each supplier. Until the scorecard is stored (issue 5), every supplier has
/// the all-neutral score, whose band is `Standard` with the default thresholds.
async fn bands(
    _db: &mut sqlx::PgConnection,
    organisation_ids: &[Uuid],
) -> Result<HashMap<Uuid, Band>, sqlx::Error> {
    Ok(organisation_ids
        .iter()
        .map(|id| (*id, Band::Standard))
        .collect())
}

/// The suppliers among `candidates` that may bid on a tender with `minimum_band`.
pub async fn eligible_suppliers(
    db: &mut sqlx::PgConnection,
    candidates: &[Uuid],
    minimum_band: Option<Band>,
) -> Result<BTreeSet<Uuid>, sqlx::Error> {
    let statuses = sqlx::query!(
        r#"select organisation_id, status from supplier_profile
           where organisation_id = any($1) and status is not null"#,
        candidates
    )
    .fetch_all(&mut *db)
    .await?;
    let bands = bands(db, candidates).await?;
    let mut eligible = BTreeSet::new();
    for row in statuses {
        let Some(status) = row.status.as_deref().and_then(parse_status) else {
            continue;
        };
        let band = bands
            .get(&row.organisation_id)
            .copied()
            .unwrap_or(Band::Standard);
        let band_ok = minimum_band.is_none_or(|minimum| band >= minimum);
        if can_trade(status, band).is_ok() && band_ok {
            eligible.insert(row.organisation_id);
        }
    }
    Ok(eligible)
}

fn parse_status(raw: &str) -> Option<QualificationStatus> {
    serde_json::from_value(serde_json::Value::String(raw.to_owned())).ok()
}

/// The band as stored on a tender.
pub fn parse_band(raw: &str) -> Option<Band> {
    serde_json::from_value(serde_json::Value::String(raw.to_owned())).ok()
}

pub fn band_str(band: Band) -> &'static str {
    match band {
        Band::Blocked => "blocked",
        Band::Warned => "warned",
        Band::Standard => "standard",
        Band::Preferred => "preferred",
    }
}
