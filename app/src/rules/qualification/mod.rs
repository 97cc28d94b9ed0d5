//! Supplier qualification: the review state machine, document expiry and the performance scorecard.
//!
//! Everything here is pure (no I/O, no clock reads: today or now is an argument), so the scheduled
//! expiry job, the API and the supplier dashboard in the browser all decide the same way.

pub mod band;
pub mod criteria;
pub mod documents;
pub mod improve;
pub mod scorecard;
pub mod status;
