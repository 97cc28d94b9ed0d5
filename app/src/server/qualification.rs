//! Server-side pieces of supplier qualification: who may act on an application, profile
//! validation, loading the whole application and reading an upload from its multipart body.

use crate::rules::qualification::documents::DocumentKind;
use crate::rules::upload::{check_upload, checksum_hex, MAX_UPLOAD_BYTES};
use crate::server::db;
use crate::types::qualification::{SupplierApplication, SupplierProfileInput, CATEGORIES};
use crate::types::validation::{bounded_text, FieldErrors, FieldIssue};
use crate::types::{CurrentUser, OrgKind, Role};
use crate::AppError;
use leptos::server_fn::codec::MultipartData;
use sqlx::PgPool;
use time::Date;
use uuid::Uuid;

/// The user is a member of `organisation_id` and it is a supplier (kind supplier or both).
pub fn ensure_supplier_member(user: &CurrentUser, organisation_id: Uuid) -> Result<(), AppError> {
    match &user.organisation {
        Some(org)
            if org.organisation_id == organisation_id
                && matches!(org.kind, OrgKind::Supplier | OrgKind::Both) =>
        {
            Ok(())
        }
        _ => Err(AppError::NotFound),
    }
}

/// The user administers the supplier organisation `organisation_id`.
pub fn ensure_supplier_admin(user: &CurrentUser, organisation_id: Uuid) -> Result<(), AppError> {
    ensure_supplier_member(user, organisation_id)?;
    if user.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Trims and checks the company facts, reporting every bad field at once.
pub fn validate_profile(input: &SupplierProfileInput) -> Result<SupplierProfileInput, AppError> {
    let mut errors = FieldErrors::default();
    let legal_name = errors.check("legal_name", bounded_text(&input.legal_name, 2, 200));
    let registration_number = errors.check(
        "registration_number",
        bounded_text(&input.registration_number, 1, 100),
    );
    let address = errors.check("address", bounded_text(&input.address, 1, 500));
    let production_capacity = errors.check(
        "production_capacity",
        bounded_text(&input.production_capacity, 1, 200),
    );
    let mut categories: Vec<String> = Vec::new();
    for category in &input.categories {
        if !CATEGORIES.contains(&category.as_str()) {
            errors.add("categories", FieldIssue::InvalidChoice);
            break;
        }
        if !categories.contains(category) {
            categories.push(category.clone());
        }
    }
    if input.categories.is_empty() {
        errors.add("categories", FieldIssue::Required);
    }
    errors.into_result()?;
    match (
        legal_name,
        registration_number,
        address,
        production_capacity,
    ) {
        (Some(legal_name), Some(registration_number), Some(address), Some(production_capacity)) => {
            Ok(SupplierProfileInput {
                legal_name,
                registration_number,
                address,
                categories,
                production_capacity,
            })
        }
        _ => Err(AppError::field("legal_name", FieldIssue::Required)),
    }
}

/// The whole application of a supplier organisation; `NotFound` for a buyer or no organisation.
pub async fn load_application(
    pool: &PgPool,
    organisation_id: Uuid,
) -> Result<SupplierApplication, AppError> {
    let head = db::qualification::find_head(pool, organisation_id)
        .await?
        .filter(|head| head.organisation_kind != OrgKind::Buyer.as_str())
        .ok_or(AppError::NotFound)?;
    Ok(SupplierApplication {
        organisation_id: head.organisation_id,
        organisation_name: head.organisation_name,
        status: head.status,
        status_reason: head.status_reason,
        profile: head.profile.unwrap_or_default(),
        documents: db::supplier_document::list_documents(pool, organisation_id).await?,
        history: db::qualification::list_events(pool, organisation_id).await?,
    })
}

/// An upload read from its multipart body and checked.
pub struct Upload {
    pub organisation_id: Uuid,
    pub kind: DocumentKind,
    pub number: String,
    pub issuer: String,
    pub expires_on: Option<Date>,
    pub file_name: String,
    pub content_type: String,
    pub sha256: String,
    pub content: Vec<u8>,
}

fn malformed(error: impl std::fmt::Display) -> AppError {
    AppError::BadRequest {
        message: format!("malformed upload: {error}"),
    }
}

/// Reads the fields of an upload, keeping at most `MAX_UPLOAD_BYTES + 1` bytes of the file (one
/// more than allowed is enough to know it is too large), then validates every field. `user` must
/// be a member of the supplier named by `organisation_id`; when that field comes before the file
/// (as the browser sends it) this is checked before a stranger's file is read.
pub async fn read_upload(user: &CurrentUser, data: MultipartData) -> Result<Upload, AppError> {
    let mut form = data
        .into_inner()
        .ok_or_else(|| malformed("not a multipart body"))?;
    let mut text = std::collections::HashMap::new();
    let mut file: Option<(String, String, Vec<u8>)> = None;
    while let Some(mut field) = form.next_field().await.map_err(malformed)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            if let Some(Ok(organisation_id)) = text
                .get("organisation_id")
                .map(|id: &String| Uuid::parse_str(id.trim()))
            {
                ensure_supplier_member(user, organisation_id)?;
            }
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let declared = field
                .content_type()
                .map(|mime| mime.to_string())
                .unwrap_or_default();
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(malformed)? {
                bytes.extend_from_slice(&chunk);
                if bytes.len() > MAX_UPLOAD_BYTES {
                    bytes.truncate(MAX_UPLOAD_BYTES + 1);
                    break;
                }
            }
            file = Some((file_name, declared, bytes));
            // Anything after an oversized file is not worth reading.
            break;
        }
        let value = field.text().await.map_err(malformed)?;
        text.insert(name, value);
    }
    let field_text = |name: &str| text.get(name).map(String::as_str).unwrap_or_default();

    let organisation_id =
        Uuid::parse_str(field_text("organisation_id").trim()).map_err(malformed)?;
    ensure_supplier_member(user, organisation_id)?;
    let mut errors = FieldErrors::default();
    let kind = errors.check(
        "kind",
        serde_json::from_value::<DocumentKind>(serde_json::Value::String(
            field_text("kind").trim().to_owned(),
        ))
        .map_err(|_| FieldIssue::InvalidChoice),
    );
    // A factory photo has no number or issuer; certificates and licences must have both.
    let min = usize::from(kind != Some(DocumentKind::FactoryPhoto));
    let number = errors.check("number", bounded_text(field_text("number"), min, 100));
    let issuer = errors.check("issuer", bounded_text(field_text("issuer"), min, 200));
    let expires_on = errors.check("expires_on", parse_date(field_text("expires_on")));
    let checked = match &file {
        None => {
            errors.add("file", FieldIssue::Required);
            None
        }
        Some((file_name, declared, bytes)) => errors.check(
            "file",
            check_upload(declared, file_name, bytes)
                .map_err(|issue| FieldIssue::InvalidFile { issue }),
        ),
    };
    errors.into_result()?;
    let (Some(kind), Some(number), Some(issuer), Some(expires_on), Some(file_kind), Some(file)) =
        (kind, number, issuer, expires_on, checked, file)
    else {
        return Err(AppError::field("file", FieldIssue::Required));
    };
    let (file_name, _, content) = file;
    Ok(Upload {
        organisation_id,
        kind,
        number,
        issuer,
        expires_on,
        file_name: file_name_only(&file_name),
        content_type: file_kind.content_type().to_owned(),
        sha256: checksum_hex(&content),
        content,
    })
}

/// `YYYY-MM-DD`, or nothing for a document that never expires.
fn parse_date(raw: &str) -> Result<Option<Date>, FieldIssue> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(raw, &format)
        .map(Some)
        .map_err(|_| FieldIssue::InvalidChoice)
}

/// The last path segment of a browser-supplied name, at most 200 characters.
pub(crate) fn file_name_only(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    base.chars().filter(|c| !c.is_control()).take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> SupplierProfileInput {
        SupplierProfileInput {
            legal_name: "  Ningbo Steel Works  ".into(),
            registration_number: "9133".into(),
            address: "88 Harbour Road".into(),
            categories: vec!["steel".into(), "steel".into(), "fasteners".into()],
            production_capacity: "12,000 t".into(),
        }
    }

    #[test]
    fn a_valid_profile_is_trimmed_and_its_categories_deduplicated() {
        let profile = validate_profile(&input()).unwrap();
        assert_eq!(profile.legal_name, "Ningbo Steel Works");
        assert_eq!(profile.categories, ["steel", "fasteners"]);
    }

    #[test]
    fn categories_must_be_known_and_not_empty() {
        let unknown = SupplierProfileInput {
            categories: vec!["weapons".into()],
            ..input()
        };
        let error = validate_profile(&unknown).unwrap_err();
        assert_eq!(
            error.field_errors().unwrap().get("categories"),
            &[FieldIssue::InvalidChoice]
        );
        let empty = SupplierProfileInput {
            categories: Vec::new(),
            ..input()
        };
        let error = validate_profile(&empty).unwrap_err();
        assert_eq!(
            error.field_errors().unwrap().get("categories"),
            &[FieldIssue::Required]
        );
    }

    #[test]
    fn file_names_lose_their_directories_and_control_characters() {
        assert_eq!(file_name_only("C:\\scans\\lic\nence.pdf"), "licence.pdf");
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(parse_date("2030-02-30"), Err(FieldIssue::InvalidChoice));
    }
}
