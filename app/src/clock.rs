//! The browser's clock: now, event ids, and local dates for people. Events carry the clock
//! corrected by the offset learned from the server at the last sync ([`corrected_now`]).

use std::cell::Cell;

use time::{Duration, OffsetDateTime, UtcOffset};
use uuid::{NoContext, Timestamp, Uuid};

/// Milliseconds since the Unix epoch, from the browser's clock.
fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Now, in UTC.
pub fn now() -> OffsetDateTime {
    let nanos = (now_ms() * 1_000_000.0) as i128;
    OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

thread_local! {
    /// Server time minus this browser's time, in milliseconds (0 until the first sync).
    static OFFSET_MS: Cell<i64> = const { Cell::new(0) };
}

/// The offset from a server answer: its `server_time` minus this browser's clock when the
/// answer arrived, in milliseconds.
pub fn offset_from(server_time: OffsetDateTime, local_at_arrival: OffsetDateTime) -> i64 {
    let ms = (server_time - local_at_arrival).whole_milliseconds();
    ms.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

/// Uses `offset_ms` (from [`offset_from`]) for [`corrected_now`] from now on.
pub fn set_offset_ms(offset_ms: i64) {
    OFFSET_MS.with(|o| o.set(offset_ms));
}

/// The offset in use, in milliseconds.
pub fn offset_ms() -> i64 {
    OFFSET_MS.with(Cell::get)
}

/// Now by the server's clock, as well as this device knows it: the browser's clock corrected
/// by the offset learned at the last sync.
pub fn corrected_now() -> OffsetDateTime {
    now() + Duration::milliseconds(offset_ms())
}

/// A fresh UUIDv7 from the browser's clock: the id (and idempotency key) of an event.
pub fn new_v7() -> Uuid {
    let ms = now_ms().max(0.0) as u64;
    let secs = ms / 1000;
    let nanos = ((ms % 1000) * 1_000_000) as u32;
    Uuid::new_v7(Timestamp::from_unix(NoContext, secs, nanos))
}

/// The browser's offset from UTC at `at`.
fn local_offset(at: OffsetDateTime) -> UtcOffset {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        (at.unix_timestamp_nanos() / 1_000_000) as f64,
    ));
    // getTimezoneOffset is minutes *behind* UTC.
    let minutes = -(date.get_timezone_offset() as i32);
    UtcOffset::from_whole_seconds(minutes * 60).unwrap_or(UtcOffset::UTC)
}

/// `at` in the browser's time zone.
pub fn local(at: OffsetDateTime) -> OffsetDateTime {
    at.to_offset(local_offset(at))
}

/// The browser's IANA time zone, for example "Europe/Paris".
pub fn browser_time_zone() -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    let options = format.resolved_options();
    js_sys::Reflect::get(&options, &wasm_bindgen::JsValue::from_str("timeZone"))
        .ok()
        .and_then(|zone| zone.as_string())
}
