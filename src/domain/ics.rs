//! iCalendar (RFC 5545) files of deadlines: all-day events a citizen can add to a phone calendar.

use super::date::{Date, LocalTime};

/// One all-day event.
pub struct Event<'a> {
    /// Unique and stable: a second download replaces the event instead of doubling it.
    pub uid: String,
    pub date: Date,
    pub summary: &'a str,
    pub description: &'a str,
}

/// A calendar with `events`, stamped `stamp` (when the dates were computed). CRLF line ends, text
/// escaped and lines folded at 75 octets as the RFC requires.
pub fn calendar(events: &[Event], stamp: LocalTime) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Portal PPID//Tenggat//ID");
    line(&mut out, "CALSCALE:GREGORIAN");
    let utc = LocalTime {
        unix_ms: stamp.unix_ms,
        offset_minutes: 0,
    };
    let (hh, mm) = (utc.minute_of_day() / 60, utc.minute_of_day() % 60);
    let dtstamp = format!("{}T{hh:02}{mm:02}00Z", compact(utc.date()));
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape(&e.uid)));
        line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", compact(e.date)));
        line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", compact(e.date.succ())),
        );
        line(&mut out, &format!("SUMMARY:{}", escape(e.summary)));
        line(&mut out, &format!("DESCRIPTION:{}", escape(e.description)));
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// `YYYYMMDD`.
fn compact(d: Date) -> String {
    let (y, m, day) = d.ymd();
    format!("{y:04}{m:02}{day:02}")
}

/// TEXT values: backslash, semicolon and comma escaped, new lines as `\n`.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so no physical line exceeds 75 octets (never inside a character).
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn two_all_day_events_escaped_and_folded() {
        let stamp = LocalTime::parse_rfc3339("2026-11-23T09:00:00+07:00").unwrap();
        let long = "Batas pemberitahuan tertulis untuk permohonan PPID-2026-000201; dihitung 10 hari kerja, tanpa hari libur, dari 23 November 2026";
        let ics = calendar(
            &[
                Event {
                    uid: "PPID-2026-000201-notice@ppid".into(),
                    date: Date::parse("2026-12-07").unwrap(),
                    summary: "Batas pemberitahuan, PPID-2026-000201",
                    description: long,
                },
                Event {
                    uid: "PPID-2026-000201-extended@ppid".into(),
                    date: Date::parse("2026-12-31").unwrap(),
                    summary: "Paling lambat",
                    description: "baris 1\nbaris 2 \\ akhir",
                },
            ],
            stamp,
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
        assert!(ics.contains("DTSTAMP:20261123T020000Z\r\n"), "stamped in UTC");
        assert!(ics.contains("DTSTART;VALUE=DATE:20261207\r\nDTEND;VALUE=DATE:20261208\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20270101\r\n"), "across the year end");
        assert!(ics.contains("SUMMARY:Batas pemberitahuan\\, PPID-2026-000201\r\n"));
        assert!(ics.contains("DESCRIPTION:baris 1\\nbaris 2 \\\\ akhir\r\n"));
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75, "folded: {l:?}");
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("DESCRIPTION:{}", long.replace(';', "\\;").replace(',', "\\,"))));
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        line(&mut out, &"é".repeat(100));
        for l in out.split("\r\n") {
            assert!(l.len() <= 75);
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), "é".repeat(100));
    }
}
