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

/// Writes a batch in one transaction if the lot is still at `version`; returns the new version.
/// Nothing is acknowledged before this returns `Ok`: the commit is the durability point.
pub async fn commit(
    pool: &PgPool,
    meta: &LotMeta,
    version: i64,
    batch: Batch<'_>,
) -> Result<i64, CommitError> {
    let mut tx = pool.begin().await?;
    let state = batch.state;
    let sequence = i64::try_from(state.sequence).unwrap_or(i64::MAX);
    let audit_length = batch
        .audit
        .last()
        .map(|entry| i64::try_from(entry.sequence + 1).unwrap_or(i64::MAX));
    let audit_head = batch.audit.last().map(|entry| entry.hash.as_str());
    let updated = sqlx::query!(
        r#"update lot set state = $3, phase = $4, sequence = $5, ends_at = $6, version = version + 1,
                          audit_length = coalesce($7, audit_length), audit_head = coalesce($8, audit_head)
           where lot_id = $1 and version = $2"#,
        meta.lot_id,
        version,
        Json(state) as _,
        phase_str(state.phase),
        sequence,
        state.ends_at,
        audit_length,
        audit_head,
    )
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() != 1 {
        return Err(CommitError::Stale);
    }
    insert_events(&mut tx, meta.lot_id, batch.events).await?;
    insert_audit(&mut tx, meta.lot_id, batch.audit).await?;
    insert_answers(&mut tx, meta.lot_id, batch.answers).await?;
    if let Some(order) = batch.order {
        sqlx::query!(
            r#"insert into order_draft (order_id, lot_id, buyer_organisation_id, supplier_organisation_id,
                                        unit_price, quantity, currency)
               values ($1, $2, $3, $4, $5, $6, $7)"#,
            order.order_id,
            meta.lot_id,
            meta.buyer_organisation_id,
            order.supplier,
            order.unit_price,
            meta.quantity,
            meta.currency,
        )
        .execute(&mut *tx)
        .await?;
    }
    let new_version = version + 1;
    sqlx::query!(
        "select pg_notify($1, $2)",
        CHANGE_CHANNEL,
        format!("{}:{new_version}", meta.lot_id)
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(new_version)
}

async fn insert_events(
    tx: &mut sqlx::PgConnection,
    lot_id: Uuid,
    events: &[LotEvent],
) -> Result<(), sqlx::Error> {
    if events.is_empty() {
        return Ok(());
    }
    let mut sequences = Vec::with_capacity(events.len());
    let mut ats = Vec::with_capacity(events.len());
    let mut kinds = Vec::with_capacity(events.len());
    let mut payloads = Vec::with_capacity(events.len());
    for event in events {
        let payload = serde_json::to_value(event).map_err(|e| sqlx::Error::Encode(e.into()))?;
        kinds.push(payload["type"].as_str().unwrap_or("unknown").to_owned());
        sequences.push(i64::try_from(event.sequence).unwrap_or(i64::MAX));
        ats.push(event.at);
        payloads.push(payload);
    }
    sqlx::query!(
        r#"insert into lot_event (lot_id, sequence, at, kind, payload)
           select $1, * from unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::jsonb[])"#,
        lot_id,
        &sequences,
        &ats,
        &kinds,
        &payloads,
    )
    .execute(tx)
    .await
    .map(|_| ())
}

async fn insert_audit(
    tx: &mut sqlx::PgConnection,
    lot_id: Uuid,
    entries: &[AuditEntry],
) -> Result<(), sqlx::Error> {
    if entries.is_empty() {
        return Ok(());
    }
    let positions: Vec<i64> = entries
        .iter()
        .map(|e| i64::try_from(e.sequence).unwrap_or(i64::MAX))
        .collect();
    let ats: Vec<OffsetDateTime> = entries.iter().map(|e| e.at).collect();
    let kinds: Vec<String> = entries.iter().map(|e| e.kind.clone()).collect();
    let payloads: Vec<serde_json::Value> = entries.iter().map(|e| e.payload.clone()).collect();
    let previous: Vec<String> = entries.iter().map(|e| e.previous_hash.clone()).collect();
    let hashes: Vec<String> = entries.iter().map(|e| e.hash.clone()).collect();
    sqlx::query!(
        r#"insert into lot_audit (lot_id, position, at, kind, payload, previous_hash, hash)
           select $1, * from unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::jsonb[], $6::text[], $7::text[])"#,
        lot_id,
        &positions,
        &ats,
        &kinds,
        &payloads,
        &previous,
        &hashes,
    )
    .execute(tx)
    .await
    .map(|_| ())
}

async fn insert_answers(
    tx: &mut sqlx::PgConnection,
    lot_id: Uuid,
    answers: &[(Uuid, Uuid, serde_json::Value)],
) -> Result<(), sqlx::Error> {
    if answers.is_empty() {
        return Ok(());
    }
    let suppliers: Vec<Uuid> = answers.iter().map(|a| a.0).collect();
    let keys: Vec<Uuid> = answers.iter().map(|a| a.1).collect();
    let responses: Vec<serde_json::Value> = answers.iter().map(|a| a.2.clone()).collect();
    sqlx::query!(
        r#"insert into bid_request (lot_id, supplier_organisation_id, idempotency_key, response)
           select $1, * from unnest($2::uuid[], $3::uuid[], $4::jsonb[])"#,
        lot_id,
        &suppliers,
        &keys,
        &responses,
    )
    .execute(tx)
    .await
    .map(|_| ())
}

/// Lots a server must watch: scheduled or open (their timers open and close them).
pub async fn live_lots(pool: &PgPool) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar!("select lot_id from lot where phase in ('scheduled', 'open')")
        .fetch_all(pool)
        .await
}
