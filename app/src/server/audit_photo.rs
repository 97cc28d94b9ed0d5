//! Reading a factory audit photo from its multipart body: the same content checks as supplier
//! documents (`rules::upload`), but only pictures (PNG or JPEG) are photos.

use crate::rules::upload::{check_upload, checksum_hex, FileKind, UploadIssue, MAX_UPLOAD_BYTES};
use crate::server::qualification::file_name_only;
use crate::types::validation::FieldIssue;
use crate::AppError;
use leptos::server_fn::codec::MultipartData;
use uuid::Uuid;

/// A checked photo, ready to store.
pub struct Photo {
    pub audit_id: Uuid,
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

/// Reads the fields `audit_id` and `file` (keeping at most one byte more than allowed) and checks
/// the file. The caller has already checked that the user is staff.
pub async fn read_photo(data: MultipartData) -> Result<Photo, AppError> {
    let mut form = data
        .into_inner()
        .ok_or_else(|| malformed("not a multipart body"))?;
    let mut audit_id = None;
    let mut file: Option<(String, String, Vec<u8>)> = None;
    while let Some(mut field) = form.next_field().await.map_err(malformed)? {
        match field.name().unwrap_or_default() {
            "file" => {
                let name = field.file_name().unwrap_or_default().to_owned();
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
                file = Some((name, declared, bytes));
                break;
            }
            "audit_id" => {
                let text = field.text().await.map_err(malformed)?;
                audit_id = Some(Uuid::parse_str(text.trim()).map_err(malformed)?);
            }
            _ => {}
        }
    }
    let audit_id = audit_id.ok_or_else(|| malformed("no audit_id"))?;
    let (name, declared, content) =
        file.ok_or_else(|| AppError::field("file", FieldIssue::Required))?;
    let invalid = |issue| AppError::field("file", FieldIssue::InvalidFile { issue });
    let kind = check_upload(&declared, &name, &content).map_err(invalid)?;
    if kind == FileKind::Pdf {
        return Err(invalid(UploadIssue::UnsupportedContent));
    }
    Ok(Photo {
        audit_id,
        file_name: file_name_only(&name),
        content_type: kind.content_type().to_owned(),
        sha256: checksum_hex(&content),
        content,
    })
}
