//! API integration tests: each test starts the real server on a random port against a fresh
//! database and talks to it over HTTP, exactly as the browser and API clients do.

mod access;
mod alerts;
mod auth;
mod catalog;
mod catalog_fixtures;
mod expiry;
mod helpers;
mod invitations;
mod market;
mod moderation;
mod offer_csv;
mod offers;
mod ops;
mod qualification;
mod samples;
mod scorecard;
mod search;
mod supplier_pages;
mod tenders;
