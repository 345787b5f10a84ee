//! The working-day calendar and day zero: `/v1/calendar/{year}`, and when a submission starts to count.

use super::replies::{ok, problem};
use super::{Reference, Reply};
use crate::contract::problem_code;
use crate::domain::date::{Date, LocalTime};
use crate::domain::deadlines::day_zero;

impl Reference {
    pub(super) fn calendar_year(&self, year: &str) -> Reply {
        // Four ASCII digits or no such path (`abc`, `12345`, `+202`).
        let year = match year.parse::<i32>() {
            Ok(y) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => y,
            _ => return problem(404, problem_code::NOT_FOUND, "Not found", vec![]),
        };
        match self.seed.calendars.iter().find(|c| c.year == year) {
            Some(c) => ok(c),
            None => problem(
                404,
                problem_code::CALENDAR_YEAR_MISSING,
                "No calendar for this year",
                vec![],
            ),
        }
    }

    /// Day zero by the backend's rule (`domain::deadlines::day_zero`): the law's date of receipt
    /// unless `deadline_rules.day_zero` is the office's own rule; then the latest closing time of
    /// that weekday decides, and the law's date is kept beside it. Registration never waits for
    /// the calendar (Pasal 22(4)-(5)): when the office's rule needs a year not yet published, the
    /// law's date of receipt is day zero.
    pub(super) fn counts_from(&self, now: LocalTime) -> (Date, Option<Date>) {
        let weekday = now.date().weekday().number();
        let closes = self
            .seed
            .meta
            .office_hours
            .iter()
            .filter(|h| h.weekdays.contains(&weekday))
            .filter_map(|h| parse_hhmm(&h.closes))
            .max();
        day_zero(
            now,
            self.seed.meta.deadline_rules.day_zero,
            closes,
            &self.calendar,
        )
        .unwrap_or((now.date(), None))
    }
}

fn parse_hhmm(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
}
