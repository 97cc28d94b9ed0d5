//! SQL for organisations: creation, profiles, the supplier directory and the staff register.

use super::decode_kind;
use crate::types::{OrgKind, OrgProfile, OrgRegisterRow};
use sqlx::PgExecutor;
use uuid::Uuid;

/// Profile fields as stored (already validated).
pub struct OrgFields<'a> {
    pub name: &'a str,
    pub name_zh: Option<&'a str>,
    pub industry: Option<&'a str>,
    pub city: Option<&'a str>,
    pub country: Option<&'a str>,
    pub description: Option<&'a str>,
}

#[tracing::instrument(skip_all, err)]
pub async fn insert_organisation(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    kind: OrgKind,
    fields: OrgFields<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into organisation (organisation_id, name, name_zh, kind, industry, city, country, description)
           values ($1, $2, $3, $4, $5, $6, $7, $8)"#,
        organisation_id,
        fields.name,
        fields.name_zh,
        kind.as_str(),
        fields.industry,
        fields.city,
        fields.country,
        fields.description,
    )
    .execute(db)
    .await
    .map(|_| ())
}

#[tracing::instrument(skip_all, err)]
pub async fn update_profile(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    fields: OrgFields<'_>,
) -> Result<u64, sqlx::Error> {
    sqlx::query!(
        r#"update organisation
           set name = $2, name_zh = $3, industry = $4, city = $5, country = $6, description = $7, updated_at = now()
           where organisation_id = $1"#,
        organisation_id,
        fields.name,
        fields.name_zh,
        fields.industry,
        fields.city,
        fields.country,
        fields.description,
    )
    .execute(db)
    .await
    .map(|done| done.rows_affected())
}

#[tracing::instrument(skip(db), err)]
pub async fn get_profile(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Option<OrgProfile>, sqlx::Error> {
    let row = sqlx::query!(
        r#"select o.organisation_id, o.name, o.name_zh, o.kind, o.industry, o.city, o.country, o.description,
                  o.created_at, (select count(*) from account a where a.organisation_id = o.organisation_id) as "member_count!"
           from organisation o where o.organisation_id = $1"#,
        organisation_id
    )
    .fetch_optional(db)
    .await?;
    row.map(|row| {
        Ok(OrgProfile {
            organisation_id: row.organisation_id,
            name: row.name,
            name_zh: row.name_zh,
            kind: decode_kind(&row.kind)?,
            industry: row.industry,
            city: row.city,
            country: row.country,
            description: row.description,
            member_count: row.member_count,
            created_at: row.created_at,
        })
    })
    .transpose()
}

/// The row shape of organisation listings; the kind is decoded from text.
struct RegisterRow {
    organisation_id: Uuid,
    name: String,
    name_zh: Option<String>,
    kind: String,
    industry: Option<String>,
    country: Option<String>,
    created_at: time::OffsetDateTime,
    member_count: i64,
}

impl TryFrom<RegisterRow> for OrgRegisterRow {
    type Error = sqlx::Error;

    fn try_from(row: RegisterRow) -> Result<Self, Self::Error> {
        Ok(OrgRegisterRow {
            organisation_id: row.organisation_id,
            name: row.name,
            name_zh: row.name_zh,
            kind: decode_kind(&row.kind)?,
            industry: row.industry,
            country: row.country,
            member_count: row.member_count,
            created_at: row.created_at,
        })
    }
}

/// Suppliers (and dual-role organisations) whose names or industry match `query`.
#[tracing::instrument(skip(db), err)]
pub async fn search_suppliers(
    db: impl PgExecutor<'_>,
    query: &str,
    limit: i64,
) -> Result<Vec<OrgRegisterRow>, sqlx::Error> {
    let pattern = format!(
        "%{}%",
        query
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let rows = sqlx::query_as!(
        RegisterRow,
        r#"select o.organisation_id, o.name, o.name_zh, o.kind, o.industry, o.country, o.created_at,
                  (select count(*) from account a where a.organisation_id = o.organisation_id) as "member_count!"
           from organisation o
           where o.kind in ('supplier', 'both')
             and (o.name ilike $1 or coalesce(o.name_zh, '') ilike $1 or coalesce(o.industry, '') ilike $1)
           order by o.name
           limit $2"#,
        pattern,
        limit
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(OrgRegisterRow::try_from).collect()
}

/// Every organisation, newest first, for platform staff.
#[tracing::instrument(skip(db), err)]
pub async fn list_register(db: impl PgExecutor<'_>) -> Result<Vec<OrgRegisterRow>, sqlx::Error> {
    let rows = sqlx::query_as!(
        RegisterRow,
        r#"select o.organisation_id, o.name, o.name_zh, o.kind, o.industry, o.country, o.created_at,
                  (select count(*) from account a where a.organisation_id = o.organisation_id) as "member_count!"
           from organisation o order by o.created_at desc, o.name"#
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(OrgRegisterRow::try_from).collect()
}

#[tracing::instrument(skip(db), err)]
pub async fn count_organisations(db: impl PgExecutor<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(r#"select count(*) as "count!" from organisation"#)
        .fetch_one(db)
        .await
}
