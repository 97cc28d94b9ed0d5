//! Server functions, one module per resource. Each is `POST /api/<resource>/<verb_noun>` with a
//! JSON body of its named arguments and a JSON answer (see docs/API.md). Bodies stay thin:
//! authenticate, authorise, validate, call `server::db`, map errors.

pub mod account;
pub mod audits;
pub mod auth;
pub mod catalog;
pub mod invitations;
pub mod lots;
pub mod members;
pub mod organisations;
pub mod qualification;
pub mod scorecard;
pub mod suppliers;
pub mod tenders;
