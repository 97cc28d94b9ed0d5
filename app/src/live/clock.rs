//! Time on the board: the browser's clock, the server-synced "now", and local wall-clock text.
//!
//! Deadlines are the server's; the board keeps `offset = server_now − local now` from every
//! message and counts down on `local now + offset`, so a wrong PC clock never moves the end.

use time::{OffsetDateTime, UtcOffset};

/// Milliseconds since the epoch on this machine's clock.
pub fn local_now_ms() -> f64 {
    #[cfg(feature = "csr")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(feature = "csr"))]
    {
        to_ms(OffsetDateTime::now_utc())
    }
}

pub fn to_ms(at: OffsetDateTime) -> f64 {
    (at.unix_timestamp_nanos() / 1_000_000) as f64
}

pub fn from_ms(ms: f64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// The server's "now", given the last measured offset.
pub fn server_now(offset_ms: f64) -> OffsetDateTime {
    from_ms(local_now_ms() + offset_ms)
}

/// The viewer's UTC offset at `at` (daylight saving included).
fn local_offset(at: OffsetDateTime) -> UtcOffset {
    #[cfg(feature = "csr")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(to_ms(at)));
        // getTimezoneOffset is minutes *behind* UTC.
        let seconds = -(date.get_timezone_offset() as i32) * 60;
        UtcOffset::from_whole_seconds(seconds).unwrap_or(UtcOffset::UTC)
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = at;
        UtcOffset::UTC
    }
}

fn local(at: OffsetDateTime) -> OffsetDateTime {
    at.to_offset(local_offset(at))
}

/// `14:32:05` in the viewer's time zone.
pub fn format_time(at: OffsetDateTime) -> String {
    let at = local(at);
    format!("{:02}:{:02}:{:02}", at.hour(), at.minute(), at.second())
}

/// `2026-11-25 14:32` in the viewer's time zone.
pub fn format_date_time(at: OffsetDateTime) -> String {
    let at = local(at);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute()
    )
}

/// The value of a `datetime-local` input showing `at` in the viewer's time zone.
pub fn to_input(at: OffsetDateTime) -> String {
    format_date_time(at).replacen(' ', "T", 1)
}

/// Reads a `datetime-local` value (`2026-11-25T14:32`, seconds optional) as the viewer's local
/// time and returns the instant in UTC.
pub fn from_input(value: &str) -> Option<OffsetDateTime> {
    let value = value.trim();
    if value.len() < 16 {
        return None;
    }
    #[cfg(feature = "csr")]
    {
        // The Date constructor reads a date-time without an offset as local time (ECMA-262).
        let ms = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(value)).get_time();
        if ms.is_nan() {
            return None;
        }
        from_ms(ms).replace_nanosecond(0).ok()
    }
    #[cfg(not(feature = "csr"))]
    {
        let format = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
        time::PrimitiveDateTime::parse(&value[..16], format)
            .ok()
            .map(|at| at.assume_utc())
    }
}

/// Resolves after `ms` milliseconds (browser timers; immediately in the server build, where
/// nothing waits on it).
pub async fn sleep_ms(ms: u32) {
    #[cfg(feature = "csr")]
    {
        let (done, wait) = futures::channel::oneshot::channel::<()>();
        leptos::prelude::set_timeout(
            move || {
                let _ = done.send(());
            },
            std::time::Duration::from_millis(u64::from(ms)),
        );
        let _ = wait.await;
    }
    #[cfg(not(feature = "csr"))]
    let _ = ms;
}

/// A remaining time as the countdown shows it: `04:59`, `1:02:03`, `2d 03:04:05`.
pub fn format_remaining(ms: f64) -> String {
    let total = (ms.max(0.0) / 1000.0).ceil() as i64;
    let (days, hours) = (total / 86_400, total / 3600 % 24);
    let (minutes, seconds) = (total / 60 % 60, total % 60);
    match (days, hours) {
        (0, 0) => format!("{minutes:02}:{seconds:02}"),
        (0, _) => format!("{hours}:{minutes:02}:{seconds:02}"),
        _ => format!("{days}d {hours:02}:{minutes:02}:{seconds:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remaining_time_rounds_up_to_the_second() {
        assert_eq!(format_remaining(299_001.0), "05:00");
        assert_eq!(format_remaining(0.0), "00:00");
        assert_eq!(format_remaining(-5.0), "00:00");
        assert_eq!(format_remaining(3_723_000.0), "1:02:03");
        assert_eq!(format_remaining(183_845_000.0), "2d 03:04:05");
    }

    #[test]
    fn input_values_round_trip_in_utc_on_the_server_build() {
        let at = from_input("2026-11-25T14:32").unwrap();
        assert_eq!(to_input(at), "2026-11-25T14:32");
        assert_eq!(from_input("nonsense"), None);
    }
}
