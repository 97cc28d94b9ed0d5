//! Routed pages, one module each.

pub mod account;
pub mod board;
pub mod company;
pub mod dashboard_tenders;
pub mod home;
pub mod invite;
pub mod login;
pub mod not_found;
pub mod org_profile;
pub mod qualification;
pub mod qualification_documents;
pub mod qualification_profile;
pub mod review_audit_photos;
pub mod review_audits;
pub mod review_decision;
pub mod review_detail;
pub mod review_queue;
pub mod scorecard_settings;
pub mod signup;
pub mod staff_orgs;
pub mod supplier_dashboard;
pub mod supplier_profile;
pub mod suppliers;
pub mod team;
pub mod team_invites;
pub mod tenders;
