//! The Agora server as a library, so the integration tests can start it on a random port.

pub mod config;
pub mod middleware;
pub mod routes;
pub mod seed;
pub mod staff;
pub mod startup;
pub mod telemetry;
