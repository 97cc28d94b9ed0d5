//! Typed settings, read once from the environment at start-up.

use anyhow::{bail, Context};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything the server needs to know about its surroundings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `DATABASE_URL` (required): the PostgreSQL database to use.
    pub database_url: String,
    /// `AGORA_ADDR`: where to listen (default 127.0.0.1:3000; port 0 picks a free one).
    pub addr: SocketAddr,
    /// `AGORA_DIST`: the built browser bundle to serve (default `dist`).
    pub dist_dir: PathBuf,
    /// `AGORA_ALLOWED_ORIGINS`: comma-separated origins allowed to POST (default: the listen
    /// address as http://127.0.0.1:PORT and http://localhost:PORT).
    pub allowed_origins: Vec<String>,
    /// `AGORA_SECURE_COOKIES`: mark the session cookie Secure (set this behind HTTPS).
    pub secure_cookies: bool,
    /// `AGORA_TRUST_FORWARDED_FOR`: take the client address from the last X-Forwarded-For entry.
    pub trust_forwarded_for: bool,
    /// `AGORA_SEED_DEMO`: load the demo data set when the database has no organisations (default true).
    pub seed_demo: bool,
    /// `AGORA_LOG_FORMAT`: `json` or `pretty` (default pretty).
    pub log_format: String,
    /// `AGORA_DB_MAX_CONNECTIONS` (default 10).
    pub db_max_connections: u32,
}

fn flag(name: &str, default: bool) -> anyhow::Result<bool> {
    match std::env::var(name) {
        Err(_) => Ok(default),
        Ok(value) => match value.as_str() {
            "1" | "true" | "yes" => Ok(true),
            "0" | "false" | "no" => Ok(false),
            other => bail!("{name} must be true or false, not {other:?}"),
        },
    }
}

impl Settings {
    pub fn from_env() -> anyhow::Result<Self> {
        let database_url = std::env::var("DATABASE_URL").context("DATABASE_URL is not set")?;
        let addr: SocketAddr = std::env::var("AGORA_ADDR")
            .unwrap_or_else(|_| "127.0.0.1:3000".into())
            .parse()
            .context("AGORA_ADDR must look like 127.0.0.1:3000")?;
        let allowed_origins = std::env::var("AGORA_ALLOWED_ORIGINS")
            .map(|list| {
                list.split(',')
                    .map(|o| o.trim().trim_end_matches('/').to_owned())
                    .collect()
            })
            .unwrap_or_default();
        Ok(Settings {
            database_url,
            addr,
            dist_dir: std::env::var("AGORA_DIST")
                .unwrap_or_else(|_| "dist".into())
                .into(),
            allowed_origins,
            secure_cookies: flag("AGORA_SECURE_COOKIES", false)?,
            trust_forwarded_for: flag("AGORA_TRUST_FORWARDED_FOR", false)?,
            seed_demo: flag("AGORA_SEED_DEMO", true)?,
            log_format: std::env::var("AGORA_LOG_FORMAT").unwrap_or_else(|_| "pretty".into()),
            db_max_connections: std::env::var("AGORA_DB_MAX_CONNECTIONS")
                .ok()
                .map(|n| {
                    n.parse()
                        .context("AGORA_DB_MAX_CONNECTIONS must be a number")
                })
                .transpose()?
                .unwrap_or(10),
        })
    }

    /// The origins allowed to send mutations, given the port actually bound.
    pub fn origins_for_port(&self, port: u16) -> Vec<String> {
        if !self.allowed_origins.is_empty() {
            return self.allowed_origins.clone();
        }
        vec![
            format!("http://127.0.0.1:{port}"),
            format!("http://localhost:{port}"),
        ]
    }
}
