//! `GET /files/supplier-documents/{document_id}` and `GET /files/audit-photos/{photo_id}`: a
//! stored supplier document or factory audit photo, for the members of the owning organisation
//! and platform staff only (anyone else gets a 404).

use app::server::access::SESSION_ACCOUNT_KEY;
use app::server::db;
use app::server::ServerState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{header, StatusCode};
use tower_sessions::Session;
use uuid::Uuid;

pub async fn download(
    State(state): State<ServerState>,
    session: Session,
    Path(document_id): Path<Uuid>,
) -> Response {
    let document = db::supplier_document::get_content(&state.pool, document_id).await;
    serve(&state, &session, document, document_id).await
}

pub async fn audit_photo(
    State(state): State<ServerState>,
    session: Session,
    Path(photo_id): Path<Uuid>,
) -> Response {
    let photo = db::factory_audit::get_photo(&state.pool, photo_id).await;
    serve(&state, &session, photo, photo_id).await
}

async fn serve(
    state: &ServerState,
    session: &Session,
    file: Result<Option<db::supplier_document::DocumentContent>, sqlx::Error>,
    document_id: Uuid,
) -> Response {
    let found = match file {
        Ok(file) => allowed(state, session, file).await,
        Err(error) => Err(error.into()),
    };
    match found {
        Ok(Some(document)) => {
            let disposition = format!(
                "inline; filename=\"{}\"",
                sanitise_file_name(&document.file_name)
            );
            (
                [
                    (header::CONTENT_TYPE, document.content_type),
                    (header::CONTENT_DISPOSITION, disposition),
                    (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
                    (header::CACHE_CONTROL, "private, no-store".to_owned()),
                ],
                document.content,
            )
                .into_response()
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, %document_id, "internal error while serving a document");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The file if the session's user may read it; `None` hides both "absent" and "not yours".
async fn allowed(
    state: &ServerState,
    session: &Session,
    file: Option<db::supplier_document::DocumentContent>,
) -> anyhow::Result<Option<db::supplier_document::DocumentContent>> {
    let Some(account_id) = session.get::<Uuid>(SESSION_ACCOUNT_KEY).await? else {
        return Ok(None);
    };
    let Some(user) = db::account::load_current_user(&state.pool, account_id).await? else {
        return Ok(None);
    };
    let Some(document) = file else {
        return Ok(None);
    };
    let own = user
        .organisation
        .as_ref()
        .is_some_and(|org| org.organisation_id == document.organisation_id);
    Ok((own || user.is_staff()).then_some(document))
}

/// A file name safe inside a quoted header value: printable ASCII without quotes or backslashes.
fn sanitise_file_name(raw: &str) -> String {
    let cleaned: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .take(200)
        .collect();
    if cleaned.trim().is_empty() {
        "document".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::sanitise_file_name;

    #[test]
    fn file_names_cannot_break_out_of_the_header() {
        assert_eq!(sanitise_file_name("a\"b\r\n.pdf"), "a_b__.pdf");
        assert_eq!(sanitise_file_name("营业执照.pdf"), "____.pdf");
        assert_eq!(sanitise_file_name(""), "document");
    }
}
