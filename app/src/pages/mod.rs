//! Routed pages.
