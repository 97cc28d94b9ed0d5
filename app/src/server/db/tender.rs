//! SQL for tenders, their invitations and the static facts of their lots. A lot's live state is
//! read and written by the auction sequencer (`server::auction::store`).

use crate::rules::auction::{LotRules, LotState, Phase};
use crate::types::tender::{InvitedSupplier, LotSummary, TenderRole, TenderSummary};
use rust_decimal::Decimal;
use sqlx::types::Json;
use sqlx::PgExecutor;
use time::OffsetDateTime;
use uuid::Uuid;

/// A validated tender, ready to insert.
pub struct NewTender {
    pub title: String,
    pub description: String,
    pub currency: String,
    pub minimum_band: Option<String>,
    pub bid_bond: Option<Decimal>,
    pub invited: Vec<Uuid>,
    pub lots: Vec<NewLot>,
}

pub struct NewLot {
    pub title: String,
    pub specification: String,
    pub quantity: Decimal,
    pub unit: String,
    pub rules: LotRules,
}

/// The tender row as the access checks and the detail page need it.
pub struct TenderHead {
    pub tender_id: Uuid,
    pub reference: String,
    pub title: String,
    pub description: String,
    pub buyer_organisation_id: Uuid,
    pub buyer_name: String,
    pub currency: String,
    pub minimum_band: Option<String>,
    pub bid_bond: Option<Decimal>,
    pub published: bool,
}

pub(crate) fn phase_str(phase: Phase) -> &'static str {
    match phase {
        Phase::Draft => "draft",
        Phase::Scheduled => "scheduled",
        Phase::Open => "open",
        Phase::Closed => "closed",
        Phase::Awarded => "awarded",
        Phase::Cancelled => "cancelled",
    }
}

pub(crate) fn decode_phase(raw: &str) -> Result<Phase, sqlx::Error> {
    serde_json::from_value(serde_json::Value::String(raw.to_owned()))
        .map_err(|_| sqlx::Error::Decode(format!("unknown lot phase {raw:?}").into()))
}

/// Inserts the tender, its invitations and its draft lots; returns the tender id.
#[tracing::instrument(skip_all, err)]
pub async fn insert_tender(
    tx: &mut sqlx::PgConnection,
    buyer_organisation_id: Uuid,
    created_by: Uuid,
    tender: &NewTender,
) -> Result<Uuid, sqlx::Error> {
    let tender_id = Uuid::now_v7();
    let year = OffsetDateTime::now_utc().year();
    sqlx::query!(
        r#"insert into tender (tender_id, reference, buyer_organisation_id, created_by, title, description,
                               currency, minimum_band, bid_bond)
           values ($1, 'T-' || $2::int || '-' || lpad(nextval('tender_reference_seq')::text, 6, '0'),
                   $3, $4, $5, $6, $7, $8, $9)"#,
        tender_id,
        year,
        buyer_organisation_id,
        created_by,
        tender.title,
        tender.description,
        tender.currency,
        tender.minimum_band,
        tender.bid_bond,
    )
    .execute(&mut *tx)
    .await?;
    let bond_status = if tender.bid_bond.is_some() {
        "required"
    } else {
        "not_required"
    };
    sqlx::query!(
        r#"insert into tender_invitation (tender_id, supplier_organisation_id, bond_status)
           select $1, unnest($2::uuid[]), $3"#,
        tender_id,
        &tender.invited,
        bond_status,
    )
    .execute(&mut *tx)
    .await?;
    for (position, lot) in (1i32..).zip(&tender.lots) {
        let state = LotState::new(&lot.rules, Default::default());
        sqlx::query!(
            r#"insert into lot (lot_id, tender_id, position, title, specification, quantity, unit,
                                rules, state, phase, opens_at, ends_at)
               values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, $11)"#,
            Uuid::now_v7(),
            tender_id,
            position,
            lot.title,
            lot.specification,
            lot.quantity,
            lot.unit,
            Json(&lot.rules) as _,
            Json(&state) as _,
            lot.rules.opens_at,
            lot.rules.closes_at,
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(tender_id)
}

#[tracing::instrument(skip_all, err)]
pub async fn find_head(
    db: impl PgExecutor<'_>,
    tender_id: Uuid,
) -> Result<Option<TenderHead>, sqlx::Error> {
    let row = sqlx::query!(
        r#"select t.tender_id, t.reference, t.title, t.description, t.buyer_organisation_id,
                  o.name as buyer_name, t.currency, t.minimum_band, t.bid_bond,
                  t.published_at is not null as "published!"
           from tender t join organisation o on o.organisation_id = t.buyer_organisation_id
           where t.tender_id = $1"#,
        tender_id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| TenderHead {
        tender_id: r.tender_id,
        reference: r.reference,
        title: r.title,
        description: r.description,
        buyer_organisation_id: r.buyer_organisation_id,
        buyer_name: r.buyer_name,
        currency: r.currency,
        minimum_band: r.minimum_band,
        bid_bond: r.bid_bond,
        published: r.published,
    }))
}

/// The tender a lot belongs to.
#[tracing::instrument(skip_all, err)]
pub async fn tender_of_lot(
    db: impl PgExecutor<'_>,
    lot_id: Uuid,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar!("select tender_id from lot where lot_id = $1", lot_id)
        .fetch_optional(db)
        .await
}

#[tracing::instrument(skip_all, err)]
pub async fn is_invited(
    db: impl PgExecutor<'_>,
    tender_id: Uuid,
    supplier: Uuid,
) -> Result<bool, sqlx::Error> {
    let found = sqlx::query_scalar!(
        r#"select 1 as "one!" from tender_invitation where tender_id = $1 and supplier_organisation_id = $2"#,
        tender_id,
        supplier
    )
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

/// Invited suppliers with their names and bond status (eligibility is filled in by the caller).
#[tracing::instrument(skip_all, err)]
pub async fn invitations(
    db: impl PgExecutor<'_>,
    tender_id: Uuid,
) -> Result<Vec<InvitedSupplier>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select i.supplier_organisation_id, o.name, i.bond_status
           from tender_invitation i join organisation o on o.organisation_id = i.supplier_organisation_id
           where i.tender_id = $1 order by o.name"#,
        tender_id
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| InvitedSupplier {
            organisation_id: r.supplier_organisation_id,
            name: r.name,
            bond_status: r.bond_status,
            eligible: false,
        })
        .collect())
}

#[tracing::instrument(skip_all, err)]
pub async fn lots(
    db: impl PgExecutor<'_>,
    tender_id: Uuid,
) -> Result<Vec<LotSummary>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select lot_id, position, title, specification, quantity, unit,
                  rules as "rules: Json<LotRules>", phase, ends_at
           from lot where tender_id = $1 order by position"#,
        tender_id
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(LotSummary {
                lot_id: r.lot_id,
                position: u32::try_from(r.position).unwrap_or(0),
                title: r.title,
                specification: r.specification,
                quantity: r.quantity,
                unit: r.unit,
                rules: r.rules.0,
                phase: decode_phase(&r.phase)?,
                ends_at: r.ends_at,
            })
        })
        .collect()
}

/// Tenders visible to an organisation: its own (as buyer) and, once published, those it is
/// invited to (as supplier); every tender for staff (`organisation_id` = `None`).
#[tracing::instrument(skip_all, err)]
pub async fn list(
    db: impl PgExecutor<'_>,
    organisation_id: Option<Uuid>,
) -> Result<Vec<TenderSummary>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select t.tender_id, t.reference, t.title, o.name as buyer_name, t.currency,
                  (t.buyer_organisation_id = $1) as "is_buyer!",
                  array_agg(l.phase order by l.position) as "phases!",
                  count(l.lot_id) as "lots!", min(l.opens_at) as "opens_at!", max(l.ends_at) as "ends_at!"
           from tender t
           join organisation o on o.organisation_id = t.buyer_organisation_id
           join lot l on l.tender_id = t.tender_id
           where $1::uuid is null
              or t.buyer_organisation_id = $1
              or (t.published_at is not null and exists (
                    select 1 from tender_invitation i
                    where i.tender_id = t.tender_id and i.supplier_organisation_id = $1))
           group by t.tender_id, o.name
           order by t.created_at desc
           limit 500"#,
        organisation_id
    )
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|r| {
            let phases = r
                .phases
                .iter()
                .map(|raw| decode_phase(raw))
                .collect::<Result<Vec<_>, _>>()?;
            let role = match (organisation_id, r.is_buyer) {
                (None, _) => TenderRole::Staff,
                (Some(_), true) => TenderRole::Buyer,
                (Some(_), false) => TenderRole::Supplier,
            };
            Ok(TenderSummary {
                tender_id: r.tender_id,
                reference: r.reference,
                title: r.title,
                buyer_name: r.buyer_name,
                currency: r.currency,
                status: crate::types::tender::TenderStatus::from_phases(&phases),
                lots: u32::try_from(r.lots).unwrap_or(u32::MAX),
                opens_at: r.opens_at,
                ends_at: r.ends_at,
                role,
            })
        })
        .collect()
}

/// Bond states that let an invited supplier bid.
pub const BOND_CLEARED: [&str; 3] = ["not_required", "lodged", "waived"];

/// Records the buyer's check of a supplier's bid bond; false when the supplier is not invited.
#[tracing::instrument(skip_all, err)]
pub async fn set_bond_status(
    db: impl PgExecutor<'_>,
    tender_id: Uuid,
    supplier: Uuid,
    status: &str,
) -> Result<bool, sqlx::Error> {
    let updated = sqlx::query!(
        "update tender_invitation set bond_status = $3 where tender_id = $1 and supplier_organisation_id = $2",
        tender_id,
        supplier,
        status
    )
    .execute(db)
    .await?;
    Ok(updated.rows_affected() == 1)
}

#[tracing::instrument(skip_all, err)]
pub async fn mark_published(db: impl PgExecutor<'_>, tender_id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "update tender set published_at = coalesce(published_at, now()) where tender_id = $1",
        tender_id
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Supplier organisations (id, name), for the invitation picker; `only` narrows to these ids.
#[tracing::instrument(skip_all, err)]
pub async fn supplier_organisations(
    db: impl PgExecutor<'_>,
    only: Option<&[Uuid]>,
) -> Result<Vec<(Uuid, String)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select organisation_id, name from organisation
           where kind in ('supplier', 'both') and ($1::uuid[] is null or organisation_id = any($1))
           order by name"#,
        only as Option<&[Uuid]>
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.organisation_id, r.name))
        .collect())
}
