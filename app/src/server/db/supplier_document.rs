//! SQL for supplier documents: the uploaded files, their metadata and the reviewers' verdicts.

use crate::rules::qualification::documents::DocumentKind;
use crate::types::qualification::{DocumentReview, SupplierDocument};
use sqlx::PgExecutor;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// The text a document kind is stored as.
pub fn kind_str(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::BusinessLicence => "business_licence",
        DocumentKind::Iso9001 => "iso9001",
        DocumentKind::SgsTestReport => "sgs_test_report",
        DocumentKind::Ce => "ce",
        DocumentKind::OtherCertificate => "other_certificate",
        DocumentKind::FactoryPhoto => "factory_photo",
    }
}

/// The text a review verdict is stored as.
pub fn review_str(review: DocumentReview) -> &'static str {
    match review {
        DocumentReview::Pending => "pending",
        DocumentReview::Approved => "approved",
        DocumentReview::Rejected => "rejected",
    }
}

pub(crate) fn decode_kind(raw: &str) -> Result<DocumentKind, sqlx::Error> {
    DocumentKind::ALL
        .into_iter()
        .find(|kind| kind_str(*kind) == raw)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown document kind {raw:?}").into()))
}

fn decode_review(raw: &str) -> Result<DocumentReview, sqlx::Error> {
    [
        DocumentReview::Pending,
        DocumentReview::Approved,
        DocumentReview::Rejected,
    ]
    .into_iter()
    .find(|review| review_str(*review) == raw)
    .ok_or_else(|| sqlx::Error::Decode(format!("unknown review {raw:?}").into()))
}

/// A checked upload to store.
pub struct NewDocument<'a> {
    pub document_id: Uuid,
    pub organisation_id: Uuid,
    pub kind: DocumentKind,
    pub number: &'a str,
    pub issuer: &'a str,
    pub expires_on: Option<Date>,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub sha256: &'a str,
    pub content: &'a [u8],
    pub uploaded_by: Uuid,
}

#[tracing::instrument(skip_all, err)]
pub async fn insert_document(
    db: impl PgExecutor<'_>,
    new: NewDocument<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        r#"insert into supplier_document
               (document_id, organisation_id, kind, number, issuer, expires_on, file_name,
                content_type, size_bytes, sha256, content, uploaded_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"#,
        new.document_id,
        new.organisation_id,
        kind_str(new.kind),
        new.number,
        new.issuer,
        new.expires_on,
        new.file_name,
        new.content_type,
        new.content.len() as i64,
        new.sha256,
        new.content,
        new.uploaded_by,
    )
    .execute(db)
    .await
    .map(|_| ())
}

struct DocumentRow {
    document_id: Uuid,
    kind: String,
    number: String,
    issuer: String,
    expires_on: Option<Date>,
    file_name: String,
    content_type: String,
    size_bytes: i64,
    sha256: String,
    review: String,
    review_note: Option<String>,
    uploaded_at: OffsetDateTime,
}

impl TryFrom<DocumentRow> for SupplierDocument {
    type Error = sqlx::Error;

    fn try_from(row: DocumentRow) -> Result<Self, Self::Error> {
        Ok(SupplierDocument {
            document_id: row.document_id,
            kind: decode_kind(&row.kind)?,
            number: row.number,
            issuer: row.issuer,
            expires_on: row.expires_on,
            file_name: row.file_name,
            content_type: row.content_type,
            size_bytes: row.size_bytes,
            sha256: row.sha256,
            review: decode_review(&row.review)?,
            review_note: row.review_note,
            uploaded_at: row.uploaded_at,
        })
    }
}

/// The documents of one organisation, without their content, oldest first.
#[tracing::instrument(skip(db), err)]
pub async fn list_documents(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
) -> Result<Vec<SupplierDocument>, sqlx::Error> {
    let rows = sqlx::query_as!(
        DocumentRow,
        r#"select document_id, kind, number, issuer, expires_on, file_name, content_type,
                  size_bytes, sha256, review, review_note, uploaded_at
           from supplier_document where organisation_id = $1
           order by uploaded_at, document_id limit 200"#,
        organisation_id
    )
    .fetch_all(db)
    .await?;
    rows.into_iter().map(SupplierDocument::try_from).collect()
}

/// How many documents of `kind` the organisation has that were not rejected.
#[tracing::instrument(skip(db), err)]
pub async fn count_usable(
    db: impl PgExecutor<'_>,
    organisation_id: Uuid,
    kind: DocumentKind,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select count(*) as "count!" from supplier_document
           where organisation_id = $1 and kind = $2 and review <> 'rejected'"#,
        organisation_id,
        kind_str(kind)
    )
    .fetch_one(db)
    .await
}

/// The organisation that owns a document, locking the document row.
#[tracing::instrument(skip(db), err)]
pub async fn lock_owner(
    db: impl PgExecutor<'_>,
    document_id: Uuid,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"select organisation_id from supplier_document where document_id = $1 for update"#,
        document_id
    )
    .fetch_optional(db)
    .await
}

/// A stored file, for download.
pub struct DocumentContent {
    pub organisation_id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

#[tracing::instrument(skip(db), err)]
pub async fn get_content(
    db: impl PgExecutor<'_>,
    document_id: Uuid,
) -> Result<Option<DocumentContent>, sqlx::Error> {
    sqlx::query_as!(
        DocumentContent,
        r#"select organisation_id, file_name, content_type, content
           from supplier_document where document_id = $1"#,
        document_id
    )
    .fetch_optional(db)
    .await
}

/// Records a reviewer's verdict on one document.
#[tracing::instrument(skip(db), err)]
pub async fn set_review(
    db: impl PgExecutor<'_>,
    document_id: Uuid,
    review: DocumentReview,
    note: Option<&str>,
    reviewed_by: Uuid,
) -> Result<u64, sqlx::Error> {
    sqlx::query!(
        r#"update supplier_document
           set review = $2, review_note = $3, reviewed_by = $4, reviewed_at = now()
           where document_id = $1"#,
        document_id,
        review_str(review),
        note,
        reviewed_by
    )
    .execute(db)
    .await
    .map(|done| done.rows_affected())
}
