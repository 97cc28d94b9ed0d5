//! Server functions, one module per resource. Each is `POST /api/<resource>/<verb_noun>` with a
//! JSON body of its named arguments and a JSON answer (see docs/API.md). Bodies stay thin:
//! authenticate, authorise, validate, call `server::db`, map errors.

pub mod account;
pub mod alerts;
pub mod audits;
pub mod auth;
pub mod catalog;
pub mod invitations;
pub mod lots;
pub mod members;
pub mod moderation;
pub mod notifications;
pub mod offers;
pub mod organisations;
pub mod qualification;
pub mod samples;
pub mod scorecard;
pub mod search;
pub mod suppliers;
pub mod tenders;
