//! The legal clocks of a request and an objection (docs/legal-basis.md sections 5, 6 and 8-10), each
//! with its derivation.

use super::date::Date;
use super::workdays::{Derivation, WorkCalendar, YearMissing};
use crate::contract::ServiceStandards;

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
