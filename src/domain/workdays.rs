//! Working days over the backend's calendar, with the derivation shown to the citizen.
//!
//! Saturdays, Sundays and the calendar's days are not working days; whether cuti bersama
//! counts is the backend's rule. A year the calendar does not cover is an error, never
//! a silent weekends-only fallback.
//!
//! Two calendars come from one backend calendar: the office's (every listed day) and the
//! national one the Komisi Informasi counts on (the regency's own closures are working days
//! there), so a window for filing at the Komisi never loses a day to a regional closure.

use super::date::{Date, Weekday};
use crate::contract::{Calendar, DayKind};

/// Why a day does not count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    Weekend(Weekday),
    /// A day from the calendar, with its name and decree.
    Listed {
        kind: DayKind,
        name: String,
        decree: Option<String>,
    },
}

/// A day skipped while counting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedDay {
    pub date: Date,
    pub reason: SkipReason,
}

/// The calendar has no data for a year a deadline runs into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearMissing(pub i32);

/// Whose working days a count used.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CalendarScope {
    /// The public body's office: national days and the regency's own closures.
    #[default]
    Office,
    /// National days only (holidays, and cuti bersama as the backend's rule says): the Komisi
    /// Informasi's clock.
    National,
}

/// How a due date was reached: start, the number of working days counted, what was skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Derivation {
    pub start: Date,
    pub working_days: u32,
    pub due: Date,
    /// Non-working days between start (exclusive) and due (inclusive).
    pub skipped: Vec<SkippedDay>,
    /// The calendar counted on.
    pub calendar: CalendarScope,
}

/// The non-working days of the years the backend published.
#[derive(Clone, Debug, Default)]
pub struct WorkCalendar {
    /// Years covered; plain vectors rather than maps keep the wasm small.
    years: Vec<i32>,
    /// Listed days of every covered year, sorted by date (a later entry for a date wins).
    days: Vec<(Date, (DayKind, String, Option<String>))>,
    cuti_bersama_is_non_working: bool,
    scope: CalendarScope,
}

impl WorkCalendar {
    /// An empty calendar: every year is missing until added.
    pub fn new(cuti_bersama_is_non_working: bool) -> Self {
        WorkCalendar {
            years: Vec::new(),
            days: Vec::new(),
            cuti_bersama_is_non_working,
            scope: CalendarScope::Office,
        }
    }

    /// The same years counted on national days only: the regency's closures are working days.
    pub fn national(&self) -> WorkCalendar {
        WorkCalendar {
            scope: CalendarScope::National,
            ..self.clone()
        }
    }

    /// Which calendar this is.
    pub fn scope(&self) -> CalendarScope {
        self.scope
    }

    /// Adds one year from the contract; dates that do not parse or belong to another year are ignored.
    pub fn add_year(&mut self, cal: &Calendar) {
        if !self.years.contains(&cal.year) {
            self.years.push(cal.year);
        }
        for day in &cal.days {
            if let Some(date) = Date::parse(&day.date).filter(|d| d.year() == cal.year) {
                let entry = (date, (day.kind, day.name.clone(), day.decree.clone()));
                match self.days.binary_search_by(|(d, _)| d.cmp(&date)) {
                    Ok(i) => self.days[i] = entry,
                    Err(i) => self.days.insert(i, entry),
                }
            }
        }
    }

    /// Whether the calendar covers `year`.
    pub fn has_year(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// `None` for a working day, or why the day does not count.
    pub fn skip_reason(&self, date: Date) -> Result<Option<SkipReason>, YearMissing> {
        if !self.years.contains(&date.year()) {
            return Err(YearMissing(date.year()));
        }
        let wd = date.weekday();
        if wd.is_weekend() {
            return Ok(Some(SkipReason::Weekend(wd)));
        }
        let listed = self
            .days
            .binary_search_by(|(d, _)| d.cmp(&date))
            .ok()
            .map(|i| &self.days[i].1);
        Ok(match listed {
            Some((DayKind::CutiBersama, _, _)) if !self.cuti_bersama_is_non_working => None,
            Some((DayKind::Closure, _, _)) if self.scope == CalendarScope::National => None,
            Some((kind, name, decree)) => Some(SkipReason::Listed {
                kind: *kind,
                name: name.clone(),
                decree: decree.clone(),
            }),
            None => None,
        })
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: Date) -> Result<bool, YearMissing> {
        Ok(self.skip_reason(date)?.is_none())
    }

    /// The `n`-th working day after `start` (`start` itself is day zero), with every skipped day.
    pub fn add_working_days(&self, start: Date, n: u32) -> Result<Derivation, YearMissing> {
        let mut due = start;
        let mut counted = 0;
        let mut skipped = Vec::new();
        while counted < n {
            due = due.succ();
            match self.skip_reason(due)? {
                None => counted += 1,
                Some(reason) => skipped.push(SkippedDay { date: due, reason }),
            }
        }
        Ok(Derivation {
            start,
            working_days: n,
            due,
            skipped,
            calendar: self.scope,
        })
    }

    /// `date` if it is a working day, else the next one.
    pub fn next_working_day_from(&self, date: Date) -> Result<Date, YearMissing> {
        let mut d = date;
        while !self.is_working_day(d)? {
            d = d.succ();
        }
        Ok(d)
    }

    /// Working days after `from` up to and including `to`; negative when `to` is earlier.
    pub fn working_days_between(&self, from: Date, to: Date) -> Result<i64, YearMissing> {
        let (lo, hi, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut d = lo;
        let mut n = 0;
        while d < hi {
            d = d.succ();
            if self.is_working_day(d)? {
                n += 1;
            }
        }
        Ok(sign * n)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::contract::CalendarDay;
    use proptest::prelude::*;

    fn day(date: &str, kind: DayKind, name: &str) -> CalendarDay {
        CalendarDay {
            date: date.into(),
            kind,
            name: name.into(),
            decree: Some("SKB 3 Menteri (uji)".into()),
        }
    }

    fn cal(cuti_counts_as_holiday: bool) -> WorkCalendar {
        let mut c = WorkCalendar::new(cuti_counts_as_holiday);
        c.add_year(&Calendar {
            year: 2026,
            days: vec![
                day("2026-03-20", DayKind::Holiday, "Idulfitri"), // Friday
                day("2026-03-23", DayKind::CutiBersama, "Cuti bersama Idulfitri"), // Monday
                day("2026-03-24", DayKind::CutiBersama, "Cuti bersama Idulfitri"),
                day("2026-12-25", DayKind::Holiday, "Natal"), // Friday
                day("2026-12-24", DayKind::CutiBersama, "Cuti bersama Natal"),
                day("2027-01-01", DayKind::Holiday, "wrong year: ignored"),
            ],
            sources: vec![],
        });
        c.add_year(&Calendar {
            year: 2027,
            days: vec![day("2027-01-01", DayKind::Holiday, "Tahun Baru")],
            sources: vec![],
        });
        c
    }

    #[test]
    fn a_regional_closure_stops_the_office_clock_but_not_the_national_one() {
        let mut c = cal(true);
        c.add_year(&Calendar {
            year: 2026,
            days: vec![day("2026-06-03", DayKind::Closure, "Hari Jadi Kabupaten")], // Wednesday
            sources: vec![],
        });
        let office = c.add_working_days(d("2026-06-01"), 3).unwrap();
        assert_eq!(office.due, d("2026-06-05"));
        assert_eq!(office.calendar, CalendarScope::Office);
        let national = c.national().add_working_days(d("2026-06-01"), 3).unwrap();
        assert_eq!(national.due, d("2026-06-04"));
        assert_eq!(national.calendar, CalendarScope::National);
        assert!(national.skipped.is_empty());
        // National days still count on the national calendar.
        assert!(!c.national().is_working_day(d("2026-12-25")).unwrap());
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn ten_working_days_skip_two_weekends() {
        // Monday 2026-11-02 + 10 working days = Monday 2026-11-16.
        let r = cal(true).add_working_days(d("2026-11-02"), 10).unwrap();
        assert_eq!(r.due, d("2026-11-16"));
        assert_eq!(r.skipped.len(), 4);
        assert!(r
            .skipped
            .iter()
            .all(|s| matches!(s.reason, SkipReason::Weekend(_))));
    }

    #[test]
    fn holiday_next_to_weekend_and_cuti_bersama_are_skipped() {
        // Thursday 19 March; Fri holiday, weekend, Mon-Tue cuti bersama: first working day is Wed 25.
        let r = cal(true).add_working_days(d("2026-03-19"), 1).unwrap();
        assert_eq!(r.due, d("2026-03-25"));
        assert_eq!(r.skipped.len(), 5);
        assert!(
            matches!(&r.skipped[0].reason, SkipReason::Listed { kind: DayKind::Holiday, name, .. } if name == "Idulfitri")
        );
    }

    #[test]
    fn cuti_bersama_counts_when_the_backend_says_so() {
        let r = cal(false).add_working_days(d("2026-03-19"), 1).unwrap();
        assert_eq!(r.due, d("2026-03-23"));
    }

    #[test]
    fn crosses_the_year_boundary() {
        // Wed 23 Dec 2026: 24 cuti, 25 Natal, weekend, 28-31 count 4, 1 Jan holiday, weekend, Mon 4 Jan is the 5th.
        let r = cal(true).add_working_days(d("2026-12-23"), 5).unwrap();
        assert_eq!(r.due, d("2027-01-04"));
    }

    #[test]
    fn a_missing_year_is_an_error_not_weekends_only() {
        assert_eq!(
            cal(true).add_working_days(d("2027-12-20"), 10),
            Err(YearMissing(2028))
        );
        assert_eq!(
            cal(true).is_working_day(d("2025-06-02")),
            Err(YearMissing(2025))
        );
    }

    #[test]
    fn received_on_a_holiday_counts_from_the_next_working_day() {
        let c = cal(true);
        let start = c.next_working_day_from(d("2026-03-20")).unwrap();
        assert_eq!(start, d("2026-03-25"));
        assert_eq!(c.add_working_days(start, 10).unwrap().due, d("2026-04-08"));
    }

    #[test]
    fn counts_working_days_between_dates() {
        let c = cal(true);
        assert_eq!(
            c.working_days_between(d("2026-11-02"), d("2026-11-16")),
            Ok(10)
        );
        assert_eq!(
            c.working_days_between(d("2026-11-16"), d("2026-11-02")),
            Ok(-10)
        );
    }

    proptest! {
        #[test]
        fn due_date_is_a_working_day_and_monotonic(offset in 0i64..330, n in 1u32..40) {
            let c = cal(true);
            let start = d("2026-01-01").add_days(offset);
            let a = c.add_working_days(start, n).unwrap();
            let b = c.add_working_days(start, n + 1).unwrap();
            prop_assert!(c.is_working_day(a.due).unwrap());
            prop_assert!(b.due > a.due);
            prop_assert_eq!(c.working_days_between(start, a.due).unwrap(), i64::from(n));
        }
    }
}
