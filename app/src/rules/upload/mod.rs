//! Document uploads: only PDF, PNG and JPEG, recognised by their content, up to 10 MiB.
//!
//! The content decides what a file is. The browser's declared type and the file name are only
//! hints, but a hint that contradicts the content rejects the upload, so a file that claims to be
//! a PDF and is not never gets stored:
//!
//! - declared type: parameters (`; charset=…`) and case are ignored; an empty type or
//!   `application/octet-stream` (what browsers send when they do not know) is accepted; anything
//!   else must be one of the kind's types ([`FileKind::content_types`]);
//! - file name: the extension after the last `.` (case ignored) must be one of the kind's
//!   ([`FileKind::extensions`]); a name without an extension is rejected, because the name is what
//!   reviewers download and open;
//! - PDF: `%PDF-` must start the file and `%%EOF` must appear in its last 1024 bytes (as the PDF
//!   specification allows), which catches truncated uploads.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The largest accepted upload: 10 MiB.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// How far from the end a PDF's `%%EOF` marker may be.
const PDF_EOF_WINDOW: usize = 1024;

const PDF_MAGIC: &[u8] = b"%PDF-";
const PNG_MAGIC: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
const JPEG_MAGIC: &[u8] = &[0xFF, 0xD8, 0xFF];

/// An accepted file type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
}

impl FileKind {
    /// The content type to store and serve the file with.
    pub fn content_type(self) -> &'static str {
        self.content_types()[0]
    }

    /// Declared content types that agree with this kind (lowercase).
    pub fn content_types(self) -> &'static [&'static str] {
        match self {
            FileKind::Pdf => &["application/pdf", "application/x-pdf"],
            FileKind::Png => &["image/png"],
            FileKind::Jpeg => &["image/jpeg", "image/jpg", "image/pjpeg"],
        }
    }

    /// File name extensions that agree with this kind (lowercase, without the dot).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Pdf => &["pdf"],
            FileKind::Png => &["png"],
            FileKind::Jpeg => &["jpg", "jpeg"],
        }
    }
}

/// Why an upload is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UploadIssue {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("only PDF, PNG and JPEG files are accepted")]
    UnsupportedContent,
    #[error("the file was sent as {declared} but its content is {actual:?}")]
    DeclaredTypeMismatch { declared: String, actual: FileKind },
    #[error("the file name ends in \"{extension}\" but its content is {actual:?}")]
    ExtensionMismatch { extension: String, actual: FileKind },
    #[error("the PDF is incomplete: it has no end-of-file marker")]
    TruncatedPdf,
}

/// The kind of file the content starts like, from its magic bytes.
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(PDF_MAGIC) {
        Some(FileKind::Pdf)
    } else if bytes.starts_with(PNG_MAGIC) {
        Some(FileKind::Png)
    } else if bytes.starts_with(JPEG_MAGIC) {
        Some(FileKind::Jpeg)
    } else {
        None
    }
}

/// Accepts an upload and says what it is, or says why not. Checks, in order: empty, size,
/// content, declared type, extension, PDF end marker.
pub fn check_upload(
    declared_content_type: &str,
    file_name: &str,
    bytes: &[u8],
) -> Result<FileKind, UploadIssue> {
    if bytes.is_empty() {
        return Err(UploadIssue::Empty);
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(UploadIssue::TooLarge {
            size: bytes.len(),
            limit: MAX_UPLOAD_BYTES,
        });
    }
    let kind = sniff(bytes).ok_or(UploadIssue::UnsupportedContent)?;

    let declared = declared_content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let declared_is_a_hint = declared.is_empty() || declared == "application/octet-stream";
    if !declared_is_a_hint && !kind.content_types().contains(&declared.as_str()) {
        return Err(UploadIssue::DeclaredTypeMismatch {
            declared,
            actual: kind,
        });
    }

    let extension = extension_of(file_name);
    if !kind.extensions().contains(&extension.as_str()) {
        return Err(UploadIssue::ExtensionMismatch {
            extension,
            actual: kind,
        });
    }

    if kind == FileKind::Pdf {
        let tail = &bytes[bytes.len().saturating_sub(PDF_EOF_WINDOW)..];
        if !tail.windows(5).any(|w| w == b"%%EOF") {
            return Err(UploadIssue::TruncatedPdf);
        }
    }
    Ok(kind)
}

/// Lowercase hex SHA-256 of the content, stored with the file to detect corruption.
pub fn checksum_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The lowercase extension of the last path segment, or `""` when it has none.
fn extension_of(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
    match base.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => extension.to_ascii_lowercase(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests;
