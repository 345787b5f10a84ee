//! Civil dates and instants without a date library: just what deadlines and receipts need.

use std::fmt;

/// A day in the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01.
    days: i64,
}

/// Day of the week, Monday first (ISO 8601).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// ISO number, 1 = Monday ... 7 = Sunday.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Sat | Weekday::Sun)
    }
}

impl Date {
    /// A date from year, month (1-12) and day (1-31); `None` when it does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
            || !(1..=9999).contains(&year)
        {
            return None;
        }
        Some(Date {
            days: days_from_civil(year, month, day),
        })
    }

    /// Parses `YYYY-MM-DD` strictly.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        Date::from_ymd(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// Day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        const ORDER: [Weekday; 7] = [
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
        ];
        ORDER[self.days.rem_euclid(7) as usize]
    }

    /// The next calendar day.
    pub fn succ(self) -> Date {
        Date {
            days: self.days + 1,
        }
    }

    /// This date moved by `n` calendar days.
    pub fn add_days(self, n: i64) -> Date {
        Date {
            days: self.days + n,
        }
    }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.days - self.days
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// Whether `year` is a leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

/// A moment in time as milliseconds since the Unix epoch, with the office's UTC offset for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub unix_ms: i64,
    pub offset_minutes: i32,
}

impl LocalTime {
    /// The local calendar date.
    pub fn date(self) -> Date {
        let local_ms = self.unix_ms + i64::from(self.offset_minutes) * 60_000;
        Date {
            days: local_ms.div_euclid(86_400_000),
        }
    }

    /// Minutes since local midnight.
    pub fn minute_of_day(self) -> u32 {
        let local_ms = self.unix_ms + i64::from(self.offset_minutes) * 60_000;
        (local_ms.rem_euclid(86_400_000) / 60_000) as u32
    }

    /// RFC 3339 with offset, seconds precision: `2026-11-23T09:15:00+07:00`.
    pub fn to_rfc3339(self) -> String {
        let m = self.minute_of_day();
        let secs =
            ((self.unix_ms + i64::from(self.offset_minutes) * 60_000).rem_euclid(60_000)) / 1000;
        let off = self.offset_minutes;
        let sign = if off < 0 { '-' } else { '+' };
        format!(
            "{}T{:02}:{:02}:{:02}{}{:02}:{:02}",
            self.date(),
            m / 60,
            m % 60,
            secs,
            sign,
            off.abs() / 60,
            off.abs() % 60
        )
    }

    /// Parses RFC 3339 (`YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`), keeping its offset.
    pub fn parse_rfc3339(s: &str) -> Option<LocalTime> {
        let date = Date::parse(s.get(0..10)?)?;
        let rest = s.get(10..)?;
        let rest = rest
            .strip_prefix('T')
            .or_else(|| rest.strip_prefix('t'))
            .or_else(|| rest.strip_prefix(' '))?;
        let two = |t: &str| -> Option<i64> {
            if t.len() == 2 && t.bytes().all(|c| c.is_ascii_digit()) {
                t.parse().ok()
            } else {
                None
            }
        };
        let hh = two(rest.get(0..2)?)?;
        if rest.get(2..3)? != ":" {
            return None;
        }
        let mm = two(rest.get(3..5)?)?;
        let mut tail = rest.get(5..)?;
        let mut ss = 0;
        if let Some(t) = tail.strip_prefix(':') {
            ss = two(t.get(0..2)?)?;
            tail = t.get(2..)?;
            if let Some(frac) = tail.strip_prefix('.') {
                let n = frac.bytes().take_while(u8::is_ascii_digit).count();
                if n == 0 {
                    return None;
                }
                tail = frac.get(n..)?;
            }
        }
        if hh > 23 || mm > 59 || ss > 60 {
            return None;
        }
        let offset_minutes: i32 = if tail == "Z" || tail == "z" {
            0
        } else {
            let sign = match tail.get(0..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            if tail.len() != 6 || tail.get(3..4)? != ":" {
                return None;
            }
            let oh = two(tail.get(1..3)?)?;
            let om = two(tail.get(4..6)?)?;
            if oh > 14 || om > 59 {
                return None;
            }
            sign * (oh * 60 + om) as i32
        };
        let local_secs = date.days * 86_400 + hh * 3600 + mm * 60 + ss;
        let unix_ms = (local_secs - i64::from(offset_minutes) * 60) * 1000;
        Some(LocalTime {
            unix_ms,
            offset_minutes,
        })
    }
}

/// UTC offset in minutes of an Indonesian time zone name; `None` for any other zone.
pub fn indonesian_offset_minutes(time_zone: &str) -> Option<i32> {
    match time_zone {
        "Asia/Jakarta" | "Asia/Pontianak" => Some(7 * 60),
        "Asia/Makassar" => Some(8 * 60),
        "Asia/Jayapura" => Some(9 * 60),
        _ => None,
    }
}

/// One of Indonesia's three time zones, by the name citizens know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndonesianZone {
    /// Waktu Indonesia Barat, UTC+7.
    Wib,
    /// Waktu Indonesia Tengah, UTC+8.
    Wita,
    /// Waktu Indonesia Timur, UTC+9.
    Wit,
}

/// The office's time zone as the portal judges "today" and shows times: one of Indonesia's three,
/// or one it cannot name (a name it does not know, or no metadata yet).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OfficeZone {
    Indonesian(IndonesianZone),
    #[default]
    Unknown,
}

/// How a shown time says which clock it is: a zone's name, or its UTC offset in minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneLabel {
    Named(IndonesianZone),
    Offset(i32),
}

/// The offset used for "today" when the office's zone is unknown: Western Indonesia's, whose date
/// is the earliest in the country, so a deadline never looks passed sooner than at any office.
const EARLIEST_OFFSET: i32 = 7 * 60;

impl OfficeZone {
    /// The zone of an IANA name from the backend's `deadline_rules.time_zone`.
    pub fn from_iana(time_zone: &str) -> OfficeZone {
        match indonesian_offset_minutes(time_zone) {
            Some(420) => OfficeZone::Indonesian(IndonesianZone::Wib),
            Some(480) => OfficeZone::Indonesian(IndonesianZone::Wita),
            Some(540) => OfficeZone::Indonesian(IndonesianZone::Wit),
            _ => OfficeZone::Unknown,
        }
    }

    /// The zone's UTC offset in minutes, when known.
    pub fn offset_minutes(self) -> Option<i32> {
        match self {
            OfficeZone::Indonesian(IndonesianZone::Wib) => Some(7 * 60),
            OfficeZone::Indonesian(IndonesianZone::Wita) => Some(8 * 60),
            OfficeZone::Indonesian(IndonesianZone::Wit) => Some(9 * 60),
            OfficeZone::Unknown => None,
        }
    }

    /// The office's date at `unix_ms`, whatever the browser's zone.
    pub fn today(self, unix_ms: i64) -> Date {
        LocalTime {
            unix_ms,
            offset_minutes: self.offset_minutes().unwrap_or(EARLIEST_OFFSET),
        }
        .date()
    }

    /// An instant as the citizen sees it: on the office's clock with the zone's name; when the
    /// zone is unknown, on the clock of the offset it carries, labelled with that offset.
    pub fn show(self, t: LocalTime) -> (LocalTime, ZoneLabel) {
        match (self, self.offset_minutes()) {
            (OfficeZone::Indonesian(zone), Some(offset_minutes)) => (
                LocalTime {
                    offset_minutes,
                    ..t
                },
                ZoneLabel::Named(zone),
            ),
            _ => (t, ZoneLabel::Offset(t.offset_minutes)),
        }
    }

    /// A moment of the browser's clock (milliseconds) as the citizen sees it, like [`Self::show`];
    /// with the zone unknown, on Western Indonesian clock labelled by its offset.
    pub fn show_ms(self, unix_ms: i64) -> (LocalTime, ZoneLabel) {
        self.show(LocalTime {
            unix_ms,
            offset_minutes: EARLIEST_OFFSET,
        })
    }
}

/// A UTC offset as `+08:00`.
pub fn offset_text(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    format!("{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_round_trip() {
        let d = Date::parse("2026-11-23").unwrap();
        assert_eq!(d.to_string(), "2026-11-23");
        assert_eq!(d.weekday(), Weekday::Mon);
        assert_eq!(
            Date::parse("2024-02-29").unwrap().succ().to_string(),
            "2024-03-01"
        );
        assert_eq!(
            Date::parse("2026-12-31").unwrap().succ().to_string(),
            "2027-01-01"
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "26-01-01",
            "2026-01-32",
            "２０２６-01-01",
            "",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn rfc3339_round_trip_keeps_offset() {
        let t = LocalTime::parse_rfc3339("2026-11-23T09:15:30+07:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-23T09:15:30+07:00");
        let z = LocalTime::parse_rfc3339("2026-11-23T20:00:00Z").unwrap();
        let jkt = LocalTime {
            offset_minutes: 420,
            ..z
        };
        assert_eq!(jkt.date().to_string(), "2026-11-24");
        assert!(LocalTime::parse_rfc3339("2026-11-23T25:00:00Z").is_none());
        assert!(LocalTime::parse_rfc3339("2026-11-23").is_none());
    }

    #[test]
    fn today_is_the_office_date_whatever_the_browser() {
        // 2026-11-23 16:30 UTC: still the 23rd in WIB (23:30), already the 24th in WITA and WIT.
        let ms = LocalTime::parse_rfc3339("2026-11-23T16:30:00Z")
            .unwrap()
            .unix_ms;
        let day = |tz: &str| OfficeZone::from_iana(tz).today(ms).to_string();
        assert_eq!(day("Asia/Jakarta"), "2026-11-23");
        assert_eq!(day("Asia/Pontianak"), "2026-11-23");
        assert_eq!(day("Asia/Makassar"), "2026-11-24");
        assert_eq!(day("Asia/Jayapura"), "2026-11-24");
        // Unknown: the earliest Indonesian date, never a later one.
        assert_eq!(
            OfficeZone::from_iana("Europe/Amsterdam"),
            OfficeZone::Unknown
        );
        assert_eq!(day("Europe/Amsterdam"), "2026-11-23");
        assert_eq!(day(""), "2026-11-23");
    }

    #[test]
    fn shown_times_carry_their_zone() {
        let t = LocalTime::parse_rfc3339("2026-11-23T09:15:00+07:00").unwrap();
        let wita = OfficeZone::from_iana("Asia/Makassar");
        let (local, label) = wita.show(t);
        assert_eq!(local.to_rfc3339(), "2026-11-23T10:15:00+08:00");
        assert_eq!(label, ZoneLabel::Named(IndonesianZone::Wita));
        let (local, label) = OfficeZone::from_iana("Asia/Jayapura").show(t);
        assert_eq!(
            (local.minute_of_day(), label),
            (11 * 60 + 15, ZoneLabel::Named(IndonesianZone::Wit))
        );
        // A zone the portal cannot name keeps the instant's own clock and says its offset, not "WIB".
        let z = LocalTime::parse_rfc3339("2026-11-23T09:15:00+08:00").unwrap();
        let (local, label) = OfficeZone::Unknown.show(z);
        assert_eq!((local, label), (z, ZoneLabel::Offset(480)));
        assert_eq!(offset_text(480), "+08:00");
        assert_eq!(offset_text(-210), "-03:30");
        let (local, label) = OfficeZone::Unknown.show_ms(t.unix_ms);
        assert_eq!(
            (local.minute_of_day(), label),
            (9 * 60 + 15, ZoneLabel::Offset(420))
        );
        let (local, _) = wita.show_ms(t.unix_ms);
        assert_eq!(local.minute_of_day(), 10 * 60 + 15);
    }
}
