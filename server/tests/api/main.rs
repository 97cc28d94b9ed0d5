//! API integration tests: each test starts the real server on a random port against a fresh
//! database and talks to it over HTTP, exactly as the browser and API clients do.

mod access;
mod auth;
mod catalog;
mod expiry;
mod helpers;
mod invitations;
mod ops;
mod qualification;
mod scorecard;
mod supplier_pages;
mod tenders;
