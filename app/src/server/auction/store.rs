//! A lot's durable state: loading it into a sequencer and committing a batch of decisions in one
//! transaction, conditional on the version the sequencer last saw.

use crate::rules::auction::{LotEvent, LotRules, LotState};
use crate::rules::audit_chain::AuditEntry;
use crate::server::db::tender::phase_str;
use rust_decimal::Decimal;
use sqlx::types::Json;
use sqlx::PgPool;
use std::collections::HashMap;
use time::OffsetDateTime;
use uuid::Uuid;

/// The NOTIFY channel every commit signals on, with `<lot_id>:<version>` as payload.
pub const CHANGE_CHANNEL: &str = "lot_changed";

/// Events kept in memory per lot for the live feeds; older ones come from the database.
pub const RECENT_EVENTS: usize = 128;

/// Facts of a lot that never change once it exists.
#[derive(Debug, Clone)]
pub struct LotMeta {
    pub lot_id: Uuid,
    pub tender_id: Uuid,
    pub buyer_organisation_id: Uuid,
    pub quantity: Decimal,
    pub currency: String,
}

/// Everything a sequencer needs to take over a lot.
pub struct LoadedLot {
    pub meta: LotMeta,
    pub rules: LotRules,
    pub state: LotState,
    pub version: i64,
    /// The last audit entry's position and hash (enough to append to the chain).
    pub audit_tail: Option<AuditEntry>,
    pub recent: Vec<LotEvent>,
    /// First answers by (supplier, idempotency key).
    pub answers: HashMap<(Uuid, Uuid), serde_json::Value>,
}

/// One batch's writes: the state after it and everything that led there.
pub struct Batch<'a> {
    pub state: &'a LotState,
    pub events: &'a [LotEvent],
    pub audit: &'a [AuditEntry],
    pub answers: &'a [(Uuid, Uuid, serde_json::Value)],
    pub order: Option<&'a OrderDraft>,
}

/// The order draft an award creates.
pub struct OrderDraft {
    pub order_id: Uuid,
    pub supplier: Uuid,
    pub unit_price: Decimal,
}

#[derive(Debug, thiserror::Error)]
pub enum CommitError {
    /// Another writer moved the lot on since it was loaded: reload and decide again.
    #[error("the lot changed under the sequencer")]
    Stale,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Loads a lot, or `None` when it does not exist.
pub async fn load(pool: &PgPool, lot_id: Uuid) -> Result<Option<LoadedLot>, sqlx::Error> {
    let Some(row) = sqlx::query!(
        r#"select l.tender_id, t.buyer_organisation_id, l.quantity, t.currency,
                  l.rules as "rules: Json<LotRules>", l.state as "state: Json<LotState>",
                  l.version, l.audit_length, l.audit_head
           from lot l join tender t on t.tender_id = l.tender_id where l.lot_id = $1"#,
        lot_id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let recent = recent_events(pool, lot_id, RECENT_EVENTS).await?;
    let answers = sqlx::query!(
        r#"select supplier_organisation_id, idempotency_key, response from bid_request where lot_id = $1"#,
        lot_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| ((r.supplier_organisation_id, r.idempotency_key), r.response))
    .collect();
    Ok(Some(LoadedLot {
        meta: LotMeta {
            lot_id,
            tender_id: row.tender_id,
            buyer_organisation_id: row.buyer_organisation_id,
            quantity: row.quantity,
            currency: row.currency,
        },
        rules: row.rules.0,
        state: row.state.0,
        version: row.version,
        audit_tail: audit_tail(row.audit_length, row.audit_head),
        recent,
        answers,
    }))
}

/// `append` needs only the previous entry's position and hash.
fn audit_tail(length: i64, head: String) -> Option<AuditEntry> {
    let last = u64::try_from(length).ok()?.checked_sub(1)?;
    Some(AuditEntry {
        sequence: last,
        at: OffsetDateTime::UNIX_EPOCH,
        kind: String::new(),
        payload: serde_json::Value::Null,
        previous_hash: String::new(),
        hash: head,
    })
}

/// The latest `limit` events, oldest first.
pub async fn recent_events(
    pool: &PgPool,
    lot_id: Uuid,
    limit: usize,
) -> Result<Vec<LotEvent>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select payload as "payload: Json<LotEvent>" from lot_event
           where lot_id = $1 order by sequence desc limit $2"#,
        lot_id,
        i64::try_from(limit).unwrap_or(i64::MAX)
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().rev().map(|r| r.payload.0).collect())
}

/// Every accepted live bid as (sequence, at, supplier, amount), oldest first, for the chart.
pub async fn bid_history(
    pool: &PgPool,
    lot_id: Uuid,
) -> Result<Vec<(u64, OffsetDateTime, Uuid, Decimal)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select sequence, at, (payload->>'supplier')::uuid as "supplier!",
                  (payload->>'amount')::numeric as "amount!"
           from lot_event where lot_id = $1 and kind = 'bid_accepted' order by sequence"#,
        lot_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let sequence = u64::try_from(r.sequence).unwrap_or(0);
            (sequence, r.at, r.supplier, r.amount)
        })
        .collect())
}

/// The whole audit log of a lot, in order.
pub async fn audit_log(pool: &PgPool, lot_id: Uuid) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select position, at, kind, payload, previous_hash, hash
           from lot_audit where lot_id = $1 order by position"#,
        lot_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AuditEntry {
            sequence: u64::try_from(r.position).unwrap_or(0),
            at: r.at,
            kind: r.kind,
            payload: r.payload,
            previous_hash: r.previous_hash,
            hash: r.hash,
        })
        .collect())
}

/// Writes a batch atomically if the lot is still at `version`; returns the new version.
/// Nothing is acknowledged before this returns `Ok`: the commit is the durability point.
///
/// One statement (data-modifying CTEs) in one round trip: the state update, the events, the
/// audit entries, the idempotency answers, an order draft and the NOTIFY. Every insert is
/// conditional on the update having matched, so a stale version writes nothing at all. A hot
/// lot's throughput is bounded by how long this takes, hence one round trip rather than eight.
pub async fn commit(
    pool: &PgPool,
    meta: &LotMeta,
    version: i64,
    batch: Batch<'_>,
) -> Result<i64, CommitError> {
    let state = batch.state;
    let new_version = version + 1;
    let events = EventColumns::of(batch.events)?;
    let audit = AuditColumns::of(batch.audit);
    let suppliers: Vec<Uuid> = batch.answers.iter().map(|a| a.0).collect();
    let keys: Vec<Uuid> = batch.answers.iter().map(|a| a.1).collect();
    let responses: Vec<serde_json::Value> = batch.answers.iter().map(|a| a.2.clone()).collect();
    let order = batch.order;
    let updated = sqlx::query_scalar!(
        r#"with upd as (
               update lot set state = $3, phase = $4, sequence = $5, ends_at = $6, version = version + 1,
                              audit_length = coalesce($7, audit_length), audit_head = coalesce($8, audit_head)
               where lot_id = $1 and version = $2
               returning lot_id
           ), events as (
               insert into lot_event (lot_id, sequence, at, kind, payload)
               select $1, e.* from unnest($9::bigint[], $10::timestamptz[], $11::text[], $12::jsonb[]) e
               where exists (select 1 from upd)
           ), audit as (
               insert into lot_audit (lot_id, position, at, kind, payload, previous_hash, hash)
               select $1, a.* from unnest($13::bigint[], $14::timestamptz[], $15::text[], $16::jsonb[],
                                          $17::text[], $18::text[]) a
               where exists (select 1 from upd)
           ), answers as (
               insert into bid_request (lot_id, supplier_organisation_id, idempotency_key, response)
               select $1, b.* from unnest($19::uuid[], $20::uuid[], $21::jsonb[]) b
               where exists (select 1 from upd)
           ), orders as (
               insert into order_draft (order_id, lot_id, buyer_organisation_id, supplier_organisation_id,
                                        unit_price, quantity, currency)
               select $22::uuid, $1, $23, $24::uuid, $25::numeric, $26, $27
               where $22::uuid is not null and exists (select 1 from upd)
           )
           select count(*) as "updated!" from (select pg_notify($28, $29) from upd) notified"#,
        meta.lot_id,
        version,
        Json(state) as _,
        phase_str(state.phase),
        i64::try_from(state.sequence).unwrap_or(i64::MAX),
        state.ends_at,
        audit.length,
        audit.head,
        &events.sequences,
        &events.ats,
        &events.kinds,
        &events.payloads,
        &audit.positions,
        &audit.ats,
        &audit.kinds,
        &audit.payloads,
        &audit.previous,
        &audit.hashes,
        &suppliers,
        &keys,
        &responses,
        order.map(|o| o.order_id),
        meta.buyer_organisation_id,
        order.map(|o| o.supplier),
        order.map(|o| o.unit_price),
        meta.quantity,
        meta.currency,
        CHANGE_CHANNEL,
        format!("{}:{new_version}", meta.lot_id),
    )
    .fetch_one(pool)
    .await?;
    if updated != 1 {
        return Err(CommitError::Stale);
    }
    Ok(new_version)
}

/// Events as the columns `unnest` takes.
struct EventColumns {
    sequences: Vec<i64>,
    ats: Vec<OffsetDateTime>,
    kinds: Vec<String>,
    payloads: Vec<serde_json::Value>,
}

impl EventColumns {
    fn of(events: &[LotEvent]) -> Result<EventColumns, sqlx::Error> {
        let mut columns = EventColumns {
            sequences: Vec::with_capacity(events.len()),
            ats: Vec::with_capacity(events.len()),
            kinds: Vec::with_capacity(events.len()),
            payloads: Vec::with_capacity(events.len()),
        };
        for event in events {
            let payload = serde_json::to_value(event).map_err(|e| sqlx::Error::Encode(e.into()))?;
            columns
                .kinds
                .push(payload["type"].as_str().unwrap_or("unknown").to_owned());
            columns
                .sequences
                .push(i64::try_from(event.sequence).unwrap_or(i64::MAX));
            columns.ats.push(event.at);
            columns.payloads.push(payload);
        }
        Ok(columns)
    }
}

/// Audit entries as the columns `unnest` takes, with the chain's new length and head.
struct AuditColumns {
    positions: Vec<i64>,
    ats: Vec<OffsetDateTime>,
    kinds: Vec<String>,
    payloads: Vec<serde_json::Value>,
    previous: Vec<String>,
    hashes: Vec<String>,
    length: Option<i64>,
    head: Option<String>,
}

impl AuditColumns {
    fn of(entries: &[AuditEntry]) -> AuditColumns {
        AuditColumns {
            positions: entries
                .iter()
                .map(|e| i64::try_from(e.sequence).unwrap_or(i64::MAX))
                .collect(),
            ats: entries.iter().map(|e| e.at).collect(),
            kinds: entries.iter().map(|e| e.kind.clone()).collect(),
            payloads: entries.iter().map(|e| e.payload.clone()).collect(),
            previous: entries.iter().map(|e| e.previous_hash.clone()).collect(),
            hashes: entries.iter().map(|e| e.hash.clone()).collect(),
            length: entries
                .last()
                .map(|e| i64::try_from(e.sequence + 1).unwrap_or(i64::MAX)),
            head: entries.last().map(|e| e.hash.clone()),
        }
    }
}

/// A scheduled or open lot with what decides who may bid on it.
pub struct LiveLot {
    pub lot_id: Uuid,
    pub minimum_band: Option<String>,
    pub invited: Vec<Uuid>,
}

/// Lots a server must watch: scheduled or open (their timers open and close them).
pub async fn live_lots(pool: &PgPool) -> Result<Vec<LiveLot>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"select l.lot_id, t.minimum_band,
                  coalesce(array_agg(i.supplier_organisation_id) filter (where i.supplier_organisation_id is not null),
                           '{}') as "invited!"
           from lot l
           join tender t on t.tender_id = l.tender_id
           left join tender_invitation i on i.tender_id = t.tender_id
                and i.bond_status in ('not_required', 'lodged', 'waived')
           where l.phase in ('scheduled', 'open')
           group by l.lot_id, t.minimum_band"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| LiveLot {
            lot_id: r.lot_id,
            minimum_band: r.minimum_band,
            invited: r.invited,
        })
        .collect())
}
