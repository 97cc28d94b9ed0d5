//! `AppError`: the one error type every server function returns, shared by client and server.
//!
//! Each variant names its HTTP status. Internal failures never carry their cause to the client:
//! the server logs the cause and the client gets a request id to quote to support.

use crate::types::validation::FieldErrors;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Why a request failed, in a form both the UI and API clients can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    /// 401: no valid session; log in first.
    #[error("please log in")]
    Unauthorized,
    /// 403: logged in, but this role may not do this.
    #[error("you are not allowed to do this")]
    Forbidden,
    /// 404: no such object, or it belongs to someone else (we do not say which).
    #[error("not found")]
    NotFound,
    /// 422: the input failed validation; messages per field.
    #[error("some fields need attention")]
    Validation { fields: FieldErrors },
    /// 409: the request conflicts with the current state (e.g. removing the last admin).
    /// `reason` is for programs and translations, `message` is English for people reading logs.
    #[error("{message}")]
    Conflict {
        reason: ConflictReason,
        message: String,
    },
    /// 429: too many attempts; try again after `retry_after_secs`.
    /// A bid the auction rules refused, with the exact reason (see `rules::auction::Rejection`).
    #[error("{rejection}")]
    BidRejected {
        rejection: crate::rules::auction::Rejection,
    },
    #[error("too many attempts; try again in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    /// 400: the request itself was malformed (bad arguments, wrong origin, body too large).
    #[error("bad request: {message}")]
    BadRequest { message: String },
    /// 500: something broke on our side; quote the request id to support.
    #[error("internal error (request {request_id})")]
    Internal { request_id: String },
    /// The browser could not reach the server at all (never sent by the server).
    #[error("network error: {message}")]
    Network { message: String },
}

/// Why a request conflicts with the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictReason {
    /// Demoting or removing the organisation's only admin.
    LastAdmin,
    /// An admin removing their own account.
    RemoveSelf,
    /// Changing a supplier application that is submitted and not rejected.
    ApplicationLocked,
    /// Submitting without a saved profile and a business licence.
    ApplicationIncomplete,
    /// A qualification decision the application's current status does not allow.
    InvalidTransition,
    /// A tender or lot action that its phase does not allow (e.g. awarding an open lot).
    LotPhase,
    /// Publishing a tender none of whose invited suppliers may bid.
    NoEligibleSuppliers,
    /// Asking for a sample of an offer that does not offer samples.
    SampleUnavailable,
    /// Deciding a sample request that was already accepted or declined.
    SampleDecided,
    /// Deciding a listing submission that was already approved, rejected or replaced.
    AlreadyReviewed,
}

impl ConflictReason {
    fn english(self) -> &'static str {
        match self {
            ConflictReason::LastAdmin => "an organisation needs at least one admin",
            ConflictReason::RemoveSelf => "you cannot remove yourself",
            ConflictReason::ApplicationLocked => {
                "the application is submitted and cannot be changed now"
            }
            ConflictReason::ApplicationIncomplete => {
                "save the company profile and upload a business licence first"
            }
            ConflictReason::LotPhase => "this is not possible in the lot's current phase",
            ConflictReason::NoEligibleSuppliers => "none of the invited suppliers may bid yet",
            ConflictReason::InvalidTransition => {
                "this decision is not possible in the application's current status"
            }
            ConflictReason::SampleUnavailable => "this offer does not provide samples",
            ConflictReason::SampleDecided => "this sample request was already decided",
            ConflictReason::AlreadyReviewed => "this submission was already reviewed",
        }
    }
}

impl AppError {
    /// A conflict with its English message filled in.
    pub fn conflict(reason: ConflictReason) -> Self {
        AppError::Conflict {
            reason,
            message: reason.english().to_owned(),
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Validation { .. } => 422,
            AppError::Conflict { .. } => 409,
            AppError::BidRejected {
                rejection: crate::rules::auction::Rejection::NotEligible,
            } => 403,
            AppError::BidRejected { .. } => 409,
            AppError::RateLimited { .. } => 429,
            AppError::BadRequest { .. } => 400,
            AppError::Internal { .. } => 500,
            AppError::Network { .. } => 503,
        }
    }

    /// Shorthand for a validation error on a single field.
    pub fn field(field: &str, issue: crate::types::validation::FieldIssue) -> Self {
        let mut fields = FieldErrors::default();
        fields.add(field, issue);
        AppError::Validation { fields }
    }

    /// The field errors, if this is a validation error.
    pub fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            AppError::Validation { fields } => Some(fields),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(message) | ServerFnErrorErr::Response(message) => {
                AppError::Network { message }
            }
            // server_fn also reports arguments it cannot decode on the server as `Deserialization`:
            // there it is the caller's malformed request (400), not a network failure.
            ServerFnErrorErr::Deserialization(message) if cfg!(feature = "ssr") => {
                AppError::BadRequest { message }
            }
            ServerFnErrorErr::Deserialization(message) => AppError::Network { message },
            other => AppError::BadRequest {
                message: other.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::validation::FieldIssue;

    #[test]
    fn every_variant_maps_to_its_documented_status() {
        assert_eq!(AppError::Unauthorized.status_code(), 401);
        assert_eq!(
            AppError::field("email", FieldIssue::Required).status_code(),
            422
        );
        assert_eq!(
            AppError::RateLimited {
                retry_after_secs: 3
            }
            .status_code(),
            429
        );
    }

    #[test]
    fn errors_round_trip_through_json_with_a_kind_tag() {
        let error = AppError::field("email", FieldIssue::InvalidEmail);
        let json = serde_json::to_string(&error).unwrap();
        assert!(json.contains("\"kind\":\"validation\""), "{json}");
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), error);
    }
}
