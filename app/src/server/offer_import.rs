//! A supplier's CSV import: read the uploaded file, decide row by row what importing it would do
//! (create, update, unchanged, or skip with its errors), and on confirmation write every valid
//! row as a pending revision in one transaction.

use crate::rules::catalog::moderation::Term;
use crate::rules::catalog::offer_csv::{read_offers, CsvRow, MAX_CSV_BYTES};
use crate::server::db;
use crate::server::offers::{ensure_can_offer, resubmit, screen_offer};
use crate::types::catalog::{ImportAction, ImportReport, ImportRow, OfferContent, SupplierOffer};
use crate::types::{CurrentUser, FieldErrors, FieldIssue};
use crate::AppError;
use leptos::server_fn::codec::MultipartData;
use sqlx::{PgPool, Postgres, Transaction};
use std::collections::{HashMap, HashSet};
use time::Date;
use uuid::Uuid;

/// The upload: whose offers, and the file's bytes (at most one byte over the limit).
pub struct Upload {
    pub organisation_id: Uuid,
    pub bytes: Vec<u8>,
}

/// Reads `organisation_id` and `file` from the multipart body, checking membership before the
/// file is read.
pub async fn read_upload(user: &CurrentUser, data: MultipartData) -> Result<Upload, AppError> {
    let mut form = data
        .into_inner()
        .ok_or_else(|| malformed("not a multipart body"))?;
    let mut organisation_id = None;
    while let Some(mut field) = form.next_field().await.map_err(malformed)? {
        match field.name().unwrap_or_default() {
            "organisation_id" => {
                let text = field.text().await.map_err(malformed)?;
                let id = Uuid::parse_str(text.trim()).map_err(malformed)?;
                crate::server::qualification::ensure_supplier_member(user, id)?;
                organisation_id = Some(id);
            }
            "file" => {
                let organisation_id =
                    organisation_id.ok_or_else(|| malformed("organisation_id before the file"))?;
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(malformed)? {
                    bytes.extend_from_slice(&chunk);
                    if bytes.len() > MAX_CSV_BYTES {
                        break; // `read_offers` reports the size
                    }
                }
                return Ok(Upload {
                    organisation_id,
                    bytes,
                });
            }
            _ => {}
        }
    }
    Err(AppError::field("file", FieldIssue::Required))
}

fn malformed(error: impl std::fmt::Display) -> AppError {
    AppError::BadRequest {
        message: format!("malformed upload: {error}"),
    }
}

/// What a valid row writes.
enum Write {
    Create { product_id: Uuid },
    Update { offer_id: Uuid },
}

/// A row's report and, when it is valid and changes something, its write.
struct Planned {
    report: ImportRow,
    write: Option<(Write, OfferContent, Vec<String>)>,
}

/// Previews (`confirm` false: nothing is written) or imports the file's valid rows.
pub async fn import(
    pool: &PgPool,
    user: &CurrentUser,
    upload: Upload,
    today: Date,
    confirm: bool,
) -> Result<ImportReport, AppError> {
    let supplier_id = upload.organisation_id;
    ensure_can_offer(pool, user, supplier_id).await?;
    let rows = match read_offers(&upload.bytes) {
        Ok(rows) => rows,
        Err(issue) => {
            return Ok(ImportReport {
                file_issue: Some(issue),
                ..ImportReport::default()
            })
        }
    };
    let terms = db::moderation::terms(pool).await?;
    let mut tx = pool.begin().await?;
    db::offer::lock_supplier_offers(&mut *tx, supplier_id).await?;
    let plan = plan(&mut tx, supplier_id, &rows, &terms, today).await?;
    let mut report = ImportReport {
        file_issue: None,
        rows: Vec::with_capacity(plan.len()),
        written: confirm,
    };
    for planned in plan {
        if let (true, Some((write, content, flagged))) = (confirm, planned.write) {
            let offer_id = match write {
                Write::Create { product_id } => {
                    let offer_id = Uuid::now_v7();
                    db::offer::insert_offer(
                        &mut *tx,
                        offer_id,
                        product_id,
                        supplier_id,
                        &content.reference,
                    )
                    .await?;
                    offer_id
                }
                Write::Update { offer_id } => {
                    resubmit(&mut tx, offer_id, &content.reference).await?;
                    offer_id
                }
            };
            let revision = db::offer::NewRevision {
                revision_id: Uuid::now_v7(),
                offer_id,
                content: &content,
                flagged_terms: &flagged,
                submitted_by: user.user_id,
            };
            db::offer::insert_revision(&mut *tx, revision).await?;
        }
        report.rows.push(planned.report);
    }
    if confirm {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    Ok(report)
}

/// Decides every row against the supplier's offers and the approved products.
async fn plan(
    tx: &mut Transaction<'_, Postgres>,
    supplier_id: Uuid,
    rows: &[CsvRow],
    terms: &[Term],
    today: Date,
) -> Result<Vec<Planned>, AppError> {
    let existing: HashMap<String, SupplierOffer> =
        db::offer::list_supplier_offers(&mut **tx, supplier_id)
            .await?
            .into_iter()
            .map(|offer| (offer.latest.reference.clone(), offer))
            .collect();
    let parsed: Vec<Result<OfferContent, FieldErrors>> =
        rows.iter().map(|row| row.parse(today)).collect();
    let skus: Vec<String> = parsed
        .iter()
        .filter_map(|content| content.as_ref().ok().map(|c| c.product_sku.clone()))
        .collect();
    let products: HashMap<String, Uuid> = db::offer::approved_products(&mut **tx, &skus)
        .await?
        .into_iter()
        .map(|product| (product.sku, product.product_id))
        .collect();
    let mut seen = HashSet::new();
    let mut planned = Vec::with_capacity(rows.len());
    for (row, parsed) in rows.iter().zip(parsed) {
        let reference = row.input.reference.trim().to_owned();
        let first_time = seen.insert(reference.clone());
        let decided = parsed.and_then(|content| {
            let mut errors = FieldErrors::default();
            if !first_time {
                errors.add("reference", FieldIssue::Duplicate);
            }
            let flagged = screen_offer(&content, terms).unwrap_or_else(|blocked| {
                errors.0.extend(blocked.0);
                Vec::new()
            });
            let product_id = products.get(&content.product_sku).copied();
            if product_id.is_none() {
                errors.add("product_sku", FieldIssue::InvalidChoice);
            }
            let current = existing.get(&content.reference);
            if let (Some(current), Some(product_id)) = (current, product_id) {
                if current.product_id != product_id {
                    errors.add("product_sku", FieldIssue::CannotChange);
                }
            }
            match (errors.is_empty(), current, product_id) {
                (false, _, _) | (_, _, None) => Err(errors),
                (true, Some(current), _)
                    if current.latest == content && current.withdrawn_at.is_none() =>
                {
                    Ok((ImportAction::Unchanged, None))
                }
                (true, Some(current), _) => Ok((
                    ImportAction::Update,
                    Some((
                        Write::Update {
                            offer_id: current.offer_id,
                        },
                        content,
                        flagged,
                    )),
                )),
                (true, None, Some(product_id)) => Ok((
                    ImportAction::Create,
                    Some((Write::Create { product_id }, content, flagged)),
                )),
            }
        });
        let (action, errors, write) = match decided {
            Ok((action, write)) => (action, FieldErrors::default(), write),
            Err(errors) => (ImportAction::Invalid, errors, None),
        };
        planned.push(Planned {
            report: ImportRow {
                line: row.line,
                reference,
                action,
                errors,
            },
            write,
        });
    }
    Ok(planned)
}
