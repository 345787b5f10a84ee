//! The legal clocks of a request and an objection (`docs/legal-basis.md`, "Deadlines"), each with
//! its derivation.

use super::date::{Date, LocalTime};
use super::workdays::{Derivation, WorkCalendar, YearMissing};
use crate::contract::{DayZeroRule, ServiceStandards};

/// Day zero of something received at `at` (office-local time): `(counts_from, counts_from_by_law)`.
///
/// By the law it is the date of receipt whatever the hour or the day (an electronic submission is
/// received when it enters the office's system, UU 11/2008 Pasal 8(2)); counting then starts on
/// the next working day. That needs no calendar, so registration never waits for one. Under an
/// office's own rule (`DayZeroRule::OfficeHours`), a receipt at or after `closes` (minutes after
/// midnight; `None`: the office is closed that day) or on a non-working day counts from the next
/// working day, and the law's date is returned beside it so both can be shown.
pub fn day_zero(
    at: LocalTime,
    rule: DayZeroRule,
    closes: Option<u32>,
    cal: &WorkCalendar,
) -> Result<(Date, Option<Date>), YearMissing> {
    let law = at.date();
    if rule != DayZeroRule::OfficeHours {
        return Ok((law, None));
    }
    let in_hours = closes.is_some_and(|c| at.minute_of_day() < c);
    if in_hours && cal.is_working_day(law)? {
        Ok((law, None))
    } else {
        Ok((cal.next_working_day_from(law.succ())?, Some(law)))
    }
}

/// The deadlines of one information request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestDeadlines {
    /// Written notice due (Pasal 22(7)): `notice_days` working days after day zero.
    pub notice: Derivation,
    /// The latest date when the notice period is extended once (Pasal 22(8)).
    pub extended: Derivation,
    /// A faster internal target for verification, when the backend has one.
    pub verification: Option<Derivation>,
}

/// Deadlines of a request whose day zero is `counts_from`.
pub fn request_deadlines(
    cal: &WorkCalendar,
    counts_from: Date,
    s: &ServiceStandards,
) -> Result<RequestDeadlines, YearMissing> {
    Ok(RequestDeadlines {
        notice: cal.add_working_days(counts_from, s.notice_days)?,
        extended: cal.add_working_days(counts_from, s.notice_days + s.extension_days)?,
        verification: s
            .verification_days
            .map(|d| cal.add_working_days(counts_from, d))
            .transpose()?,
    })
}

/// The deadline that applies now: extended only when an extension was actually notified.
pub fn notice_due(d: &RequestDeadlines, extension_notified: bool) -> &Derivation {
    if extension_notified {
        &d.extended
    } else {
        &d.notice
    }
}

/// Last day to object (Pasal 36(1)): `objection_filing_days` working days after the reason arose.
pub fn objection_filing_deadline(
    cal: &WorkCalendar,
    reason_arose: Date,
    s: &ServiceStandards,
) -> Result<Derivation, YearMissing> {
    cal.add_working_days(reason_arose, s.objection_filing_days)
}

/// When the atasan PPID must answer an objection (Pasal 36(2)).
pub fn objection_answer_deadline(
    cal: &WorkCalendar,
    counts_from: Date,
    s: &ServiceStandards,
) -> Result<Derivation, YearMissing> {
    cal.add_working_days(counts_from, s.objection_answer_days)
}

/// Last day to take the dispute to the Komisi Informasi (Pasal 37(2)).
pub fn dispute_filing_deadline(
    cal: &WorkCalendar,
    answer_received: Date,
    s: &ServiceStandards,
) -> Result<Derivation, YearMissing> {
    cal.add_working_days(answer_received, s.dispute_filing_days)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::contract::{Calendar, CalendarDay, DayKind};

    fn standards() -> ServiceStandards {
        ServiceStandards {
            notice_days: 10,
            extension_days: 7,
            objection_filing_days: 30,
            objection_answer_days: 30,
            dispute_filing_days: 14,
            verification_days: Some(3),
        }
    }

    fn cal() -> WorkCalendar {
        let mut c = WorkCalendar::new(true);
        let day = |d: &str, k, n: &str| CalendarDay {
            date: d.into(),
            kind: k,
            name: n.into(),
            decree: None,
        };
        c.add_year(&Calendar {
            year: 2026,
            days: vec![
                day("2026-12-24", DayKind::CutiBersama, "Cuti bersama Natal"),
                day("2026-12-25", DayKind::Holiday, "Natal"),
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

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn ten_days_then_seventeen_only_when_extended() {
        let c = cal();
        // Monday 23 Nov 2026: +10 working days = Mon 7 Dec; +17 = Wed 16 Dec; verification +3 = Thu 26 Nov.
        let r = request_deadlines(&c, d("2026-11-23"), &standards()).unwrap();
        assert_eq!(r.notice.due, d("2026-12-07"));
        assert_eq!(r.extended.due, d("2026-12-16"));
        assert_eq!(r.verification.as_ref().unwrap().due, d("2026-11-26"));
        assert_eq!(notice_due(&r, false).due, d("2026-12-07"));
        assert_eq!(notice_due(&r, true).due, d("2026-12-16"));
    }

    #[test]
    fn deadlines_over_christmas_and_new_year_skip_each_listed_day() {
        let c = cal();
        // Fri 18 Dec 2026 + 10: 21,22,23 | 24 cuti, 25 Natal, weekend | 28,29,30,31 | 1 Jan, weekend | 4,5,6 = Wed 6 Jan.
        let r = request_deadlines(&c, d("2026-12-18"), &standards()).unwrap();
        assert_eq!(r.notice.due, d("2027-01-06"));
        let listed: Vec<_> = r
            .notice
            .skipped
            .iter()
            .filter(|s| !matches!(s.reason, crate::domain::workdays::SkipReason::Weekend(_)))
            .collect();
        assert_eq!(listed.len(), 3);
    }

    fn at(rfc3339: &str) -> LocalTime {
        LocalTime::parse_rfc3339(rfc3339).unwrap()
    }

    #[test]
    fn day_zero_is_the_day_of_receipt_whatever_the_hour_unless_the_office_rules_otherwise() {
        let c = cal();
        let law = DayZeroRule::DayOfReceipt;
        let office = DayZeroRule::OfficeHours;
        let closes = Some(15 * 60 + 30);
        // By the law: the date of receipt, at 19:40, on a Saturday, on Christmas; no calendar needed.
        for (when, day) in [
            ("2026-11-20T19:40:00+07:00", "2026-11-20"),
            ("2026-11-21T10:00:00+07:00", "2026-11-21"),
            ("2026-12-25T09:00:00+07:00", "2026-12-25"),
            ("2031-05-05T09:00:00+07:00", "2031-05-05"),
        ] {
            assert_eq!(
                day_zero(at(when), law, closes, &c),
                Ok((d(day), None)),
                "{when}"
            );
        }
        // The office's rule: in hours on a working day is the same day.
        assert_eq!(
            day_zero(at("2026-11-20T09:15:00+07:00"), office, closes, &c),
            Ok((d("2026-11-20"), None))
        );
        // After closing on a Friday: Monday, with the law's Friday beside it.
        assert_eq!(
            day_zero(at("2026-11-20T19:40:00+07:00"), office, closes, &c),
            Ok((d("2026-11-23"), Some(d("2026-11-20"))))
        );
        // On the cuti bersama before Christmas: the next working day is 28 December.
        assert_eq!(
            day_zero(at("2026-12-24T09:00:00+07:00"), office, closes, &c),
            Ok((d("2026-12-28"), Some(d("2026-12-24"))))
        );
        // The office's rule needs the calendar; the law's does not.
        assert!(day_zero(at("2031-05-05T09:00:00+07:00"), office, closes, &c).is_err());
        // An unknown rule from a newer backend is read as the law's.
        assert_eq!(
            day_zero(
                at("2026-11-20T19:40:00+07:00"),
                DayZeroRule::Unknown,
                closes,
                &c
            ),
            Ok((d("2026-11-20"), None))
        );
    }

    #[test]
    fn objection_and_dispute_windows() {
        let c = cal();
        let s = standards();
        assert_eq!(
            objection_answer_deadline(&c, d("2026-11-02"), &s)
                .unwrap()
                .due,
            d("2026-12-14")
        );
        assert_eq!(
            dispute_filing_deadline(&c, d("2026-11-02"), &s)
                .unwrap()
                .due,
            d("2026-11-20")
        );
        // A window reaching into a year the calendar lacks is an error, not weekends-only.
        assert!(objection_filing_deadline(&c, d("2027-12-01"), &s).is_err());
    }
}
