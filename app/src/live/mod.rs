//! Browser live feeds: the bidding board's connection to the server, and the clocks it needs.
//!
//! Everything that touches the WebSocket or the browser clock sits behind the `csr` feature;
//! the server build compiles inert stand-ins so the pages still type-check there.

pub mod clock;
pub mod lot_feed;
#[cfg(feature = "csr")]
mod lot_socket;
