//! Server-side pieces of the staff market tables: the server's date and where each stored
//! exchange rate stands on it.

use crate::server::db::catalog::market::FxRow;
use crate::types::catalog::manage::{FxRateEntry, RateState};
use time::Date;

/// Today's date by the server's clock (UTC): rates and validity windows are dated by it.
pub fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

/// The rates with their state on `today`; `rows` come per pair, newest first.
pub fn rate_entries(rows: Vec<FxRow>, today: Date) -> Vec<FxRateEntry> {
    let mut entries: Vec<FxRateEntry> = Vec::with_capacity(rows.len());
    for row in rows {
        let pair = (row.rate.base, row.rate.quote);
        let state = if row.rate.valid_from > today {
            RateState::Scheduled
        } else if entries
            .iter()
            .any(|e| (e.rate.base, e.rate.quote) == pair && e.state == RateState::InForce)
        {
            RateState::Superseded
        } else {
            RateState::InForce
        };
        entries.push(FxRateEntry {
            rate: row.rate,
            state,
            entered_by: row.entered_by,
            entered_at: row.entered_at,
        });
    }
    entries
}
