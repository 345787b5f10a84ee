//! Dates and times on the office's clock, whatever the device's time zone.

use crate::contract::Meta;
use crate::domain::date::OfficeZone;
use crate::i18n::Texts;

thread_local! {
    /// The office's time zone, set by the shell once the backend's metadata is known. Kept here
    /// rather than read from context because dates are also formatted in event handlers and tasks
    /// that run outside any reactive owner.
    static OFFICE_ZONE: std::cell::Cell<OfficeZone> = const { std::cell::Cell::new(OfficeZone::Unknown) };
}

/// Records the office's time zone (`deadline_rules.time_zone`) once the metadata is known.
pub(super) fn set_office_zone(meta: &Meta) {
    OFFICE_ZONE.set(OfficeZone::from_iana(&meta.deadline_rules.time_zone));
}

/// The office's time zone; unknown before the metadata arrives or when the portal cannot map it.
pub fn office_zone() -> OfficeZone {
    OFFICE_ZONE.get()
}

/// Today at the office (the stale mark, the year filter, deadlines), never the browser's date.
pub fn today() -> crate::domain::date::Date {
    office_zone().today(js_sys::Date::now() as i64)
}

/// "23 November 2026 09.15 WIB" on the office's clock; the raw text when it does not parse.
pub fn format_instant(t: &Texts, s: &str) -> String {
    match crate::domain::date::LocalTime::parse_rfc3339(s) {
        Some(lt) => t.instant(office_zone(), lt),
        None => s.chars().take(40).collect(),
    }
}

/// The same for a time of this device's clock in milliseconds since 1970.
pub fn format_ms(t: &Texts, ms: f64) -> String {
    let (lt, _) = office_zone().show_ms(ms as i64);
    t.instant(office_zone(), lt)
}
