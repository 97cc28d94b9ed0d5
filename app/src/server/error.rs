//! Turning server-side failures into `AppError` without leaking their details.

use crate::server::context::request_id;
use crate::AppError;
use std::fmt::Display;

/// Logs an internal failure with its context and returns the opaque error the client sees.
pub fn internal(error: impl Display, doing: &str) -> AppError {
    let request_id = request_id();
    tracing::error!(%request_id, error = %error, "internal error while {doing}");
    AppError::Internal { request_id }
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        internal(error, "talking to the database")
    }
}

/// The name of the violated constraint, if `error` is a constraint violation.
pub fn violated_constraint(error: &sqlx::Error) -> Option<&str> {
    error.as_database_error().and_then(|db| db.constraint())
}
