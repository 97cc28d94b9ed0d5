//! Agora's shared crate: the code both the browser (`csr`) and the server (`ssr`) compile.
//!
//! `types` and `rules` are plain Rust that runs anywhere; `api` holds the server functions (their
//! bodies run on the server, the browser gets generated HTTP stubs); `server` is ssr-only data
//! access and request context; `pages`, `components` and `app` are the Leptos user interface.
// Deeply nested views (the comparison matrix's cells) exceed the default type-layout depth.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod error;
pub mod i18n;
pub mod live;
pub mod pages;
pub mod rules;
pub mod session;
pub mod types;

#[cfg(feature = "ssr")]
pub mod server;

pub use app::App;
pub use error::AppError;
