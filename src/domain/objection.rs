//! Which objection reasons (UU 14/2008 Pasal 35(1)) are open for a request, from when and until when
//! (Pasal 36(1)), and when the dispute route to the Komisi Informasi is open (Pasal 37(2)).
//!
//! Every day count comes from the backend's `ServiceStandards` and every working day from its calendar;
//! a year the calendar lacks is an error, never a weekends-only guess. Nothing here panics on what a
//! backend sends: a date that does not parse is an [`ObjectionError::MalformedDate`].
//!
//! # The day each reason arises ("day zero" of its filing window)
//!
//! The filing window closes at the end of the `objection_filing_days`-th working day after day zero;
//! day zero itself never counts, as for every other deadline (`WorkCalendar::add_working_days`).
//! Should a backend set a standard of 0 days, the window still ends on the first working day on or
//! after the day it opens, so a last day is always a working day and never before the opening.
//!
//! | reason | opens (`Open::since`) | day zero of the window |
//! |---|---|---|
//! | a, d, e, f | the date of the **latest** written notice | that date |
//! | b | at any time (no window); `since` is the request's day zero, or today if earlier | none |
//! | c | the calendar day after the notice due date, if no notice came by then | the notice due date |
//! | g | the date of the **first** notice, if it came after the due date | that date |
//!
//! Why, in the citizen's terms:
//! - a, d, e, f: the citizen learns what was decided from the written notice, so the reason exists from
//!   that day. A later notice (a corrected or second decision) restarts the window, because that is the
//!   decision the citizen now objects to; this never shortens a window.
//!   Whether the notice's outcome fits the reason (for example `a` after a `fulfilled` notice) is for
//!   the atasan PPID to judge, not for the portal: an outcome label is never a reason to refuse filing.
//! - c: "not answered" becomes true when the due date ends without a notice. The due date is day zero,
//!   so the citizen has exactly `objection_filing_days` working days after it, and may file from the very
//!   next day (even a weekend: the backend's `counts_from` takes care of office days). A notice that
//!   comes late does not undo it.
//! - g: "answered later than the law allows" can only be known when the late answer arrives, so it arises
//!   on the date of that notice; counting from the due date instead could close the window before the
//!   late answer even came.
//!
//! The due date is `notice_days` working days after `counts_from`, or `notice_days + extension_days`
//! when an `extended` event was notified on or before the original due date (Pasal 22(8): the extension
//! is given within the notice period; one given after that period cannot revive a missed deadline).
//! Only `notice` events are written notices. Dates of instants are their office-local dates (the first
//! ten characters of the RFC 3339 text, which carries the office's offset).

use super::date::{Date, LocalTime};
use super::deadlines::{
    dispute_filing_deadline, objection_answer_deadline, objection_filing_deadline,
};
use super::workdays::{Derivation, SkippedDay, WorkCalendar, YearMissing};
use crate::contract::{DeadlineRules, EventKind, ObjectionStatus, RequestStatus, ServiceStandards};
use std::fmt;

/// A reason for an objection, the letters of Pasal 35(1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// Refused on Pasal 17 grounds.
    A,
    /// Periodic information (Pasal 9) not published.
    B,
    /// Request not answered.
    C,
    /// Answered other than as requested.
    D,
    /// Request not fulfilled.
    E,
    /// Unreasonable fees.
    F,
    /// Answered later than the law allows.
    G,
}

impl Reason {
    /// Every reason in the order of the law.
    pub const ALL: [Reason; 7] = [
        Reason::A,
        Reason::B,
        Reason::C,
        Reason::D,
        Reason::E,
        Reason::F,
        Reason::G,
    ];

    /// The letter as the contract sends it, `"a"` to `"g"`.
    pub fn letter(self) -> &'static str {
        match self {
            Reason::A => "a",
            Reason::B => "b",
            Reason::C => "c",
            Reason::D => "d",
            Reason::E => "e",
            Reason::F => "f",
            Reason::G => "g",
        }
    }

    /// Parses a contract letter (lower case, exactly one letter).
    pub fn from_letter(s: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.letter() == s)
    }
}

/// Whether a reason may be filed today, and its window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Eligibility {
    /// May be filed today. `since` is the first day it could be filed; `last_day` is the last day of the
    /// filing window with its derivation (`last_day.start` is day zero), `None` only for b (any time).
    Open {
        since: Date,
        last_day: Option<Derivation>,
    },
    /// Not open yet. `from`: the day it opens by the calendar alone (c before its due date);
    /// `None` when it waits for a written notice (a, d, e, f, and g, which needs a late one).
    NotYet { from: Option<Date> },
    /// The reason cannot arise for this request any more: the notice came by the due date (c, g).
    NotApplicable,
    /// The filing window ended on `last_day.due`.
    Closed { last_day: Derivation },
}

impl Eligibility {
    /// Whether the reason may be filed today.
    pub fn is_open(&self) -> bool {
        matches!(self, Eligibility::Open { .. })
    }
}

/// Why eligibility or a window could not be worked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ObjectionError {
    /// The backend's calendar lacks a year a window runs into: show it, never guess weekends only.
    YearMissing(i32),
    /// A date or instant in the backend's answer does not parse; `field` is a JSON Pointer into it.
    MalformedDate { field: String, value: String },
}

impl From<YearMissing> for ObjectionError {
    fn from(e: YearMissing) -> Self {
        ObjectionError::YearMissing(e.0)
    }
}

impl fmt::Display for ObjectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ObjectionError::YearMissing(y) => write!(f, "the working-day calendar has no year {y}"),
            ObjectionError::MalformedDate { field, value } => {
                write!(f, "{field} is not a valid date: {value:?}")
            }
        }
    }
}

impl std::error::Error for ObjectionError {}

/// The notice clock of a request (Pasal 22(7)-(8)), as the status page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestClock {
    /// Day zero, the backend's `counts_from`.
    pub counts_from: Date,
    /// `notice_days` working days after day zero, without extension.
    pub notice_due: Derivation,
    /// An extension was notified on or before `notice_due.due`, so `due` is the extended date.
    pub extended: bool,
    /// The date of the first `extended` event, even one that came too late to count.
    pub extension_on: Option<Date>,
    /// The due date that applies: `notice_due`, or `notice_days + extension_days` when `extended`.
    pub due: Derivation,
    /// The date of the first written notice (`notice` event), if any.
    pub notice_on: Option<Date>,
    /// No notice yet and `today` is after `due.due`.
    pub overdue: bool,
    /// While no notice has come: the working days after `today` up to and including `due.due`, so the
    /// day of receipt reads `notice_days` as the law words it, and `0` means the due date is today.
    /// Once the due date has passed it is minus the working days gone by since (still `0` on a weekend
    /// right after it: show `overdue` first). `None` once a notice came: the clock has stopped.
    pub working_days_left: Option<i64>,
}

/// What of the timeline matters to the clocks.
struct Timeline {
    counts_from: Date,
    first_notice: Option<Date>,
    last_notice: Option<Date>,
    extension_on: Option<Date>,
}

fn parse_date(field: String, value: &str) -> Result<Date, ObjectionError> {
    Date::parse(value).ok_or(ObjectionError::MalformedDate {
        field,
        value: value.into(),
    })
}

fn parse_instant_date(field: String, value: &str) -> Result<Date, ObjectionError> {
    LocalTime::parse_rfc3339(value)
        .map(LocalTime::date)
        .ok_or(ObjectionError::MalformedDate {
            field,
            value: value.into(),
        })
}

fn timeline(status: &RequestStatus) -> Result<Timeline, ObjectionError> {
    let counts_from = parse_date("/counts_from".into(), &status.counts_from)?;
    let mut t = Timeline {
        counts_from,
        first_notice: None,
        last_notice: None,
        extension_on: None,
    };
    // Events are meant to be in time order; take the earliest and latest by date all the same.
    for (i, e) in status.events.iter().enumerate() {
        if !matches!(e.kind, EventKind::Notice | EventKind::Extended) {
            continue;
        }
        let on = parse_instant_date(format!("/events/{i}/at"), &e.at)?;
        if e.kind == EventKind::Notice {
            t.first_notice = Some(t.first_notice.map_or(on, |d| d.min(on)));
            t.last_notice = Some(t.last_notice.map_or(on, |d| d.max(on)));
        } else {
            t.extension_on = Some(t.extension_on.map_or(on, |d| d.min(on)));
        }
    }
    Ok(t)
}

/// The notice due dates of a timeline: (without extension, whether extended, the one that applies).
fn due_dates(
    t: &Timeline,
    cal: &WorkCalendar,
    s: &ServiceStandards,
) -> Result<(Derivation, bool, Derivation), ObjectionError> {
    let notice_due = cal.add_working_days(t.counts_from, s.notice_days)?;
    let extended = t.extension_on.is_some_and(|d| d <= notice_due.due);
    let due = if extended {
        cal.add_working_days(
            t.counts_from,
            s.notice_days.saturating_add(s.extension_days),
        )?
    } else {
        notice_due.clone()
    };
    Ok((notice_due, extended, due))
}

/// Where the request's notice clock stands on `today`.
pub fn request_clock(
    status: &RequestStatus,
    cal: &WorkCalendar,
    s: &ServiceStandards,
    today: Date,
) -> Result<RequestClock, ObjectionError> {
    let t = timeline(status)?;
    let (notice_due, extended, due) = due_dates(&t, cal, s)?;
    let working_days_left = match t.first_notice {
        Some(_) => None,
        None => Some(cal.working_days_between(today, due.due)?),
    };
    Ok(RequestClock {
        counts_from: t.counts_from,
        overdue: t.first_notice.is_none() && today > due.due,
        notice_due,
        extended,
        extension_on: t.extension_on,
        notice_on: t.first_notice,
        due,
        working_days_left,
    })
}

/// A window's last day as `deadlines` computes it, moved on to the first working day on or after
/// `since` when it is earlier or not a working day. That only happens with a standard of 0 days; it keeps
/// every window at least one office day long and every last day a day the office can receive something.
fn window_last_day(
    cal: &WorkCalendar,
    mut d: Derivation,
    since: Date,
) -> Result<Derivation, YearMissing> {
    while d.due < since || !cal.is_working_day(d.due)? {
        if d.due != d.start {
            if let Some(reason) = cal.skip_reason(d.due)? {
                d.skipped.push(SkippedDay {
                    date: d.due,
                    reason,
                });
            }
        }
        d.due = d.due.succ();
    }
    Ok(d)
}

/// Open from `since` until `objection_filing_days` working days after `day_zero`, judged on `today`.
fn window(
    cal: &WorkCalendar,
    s: &ServiceStandards,
    since: Date,
    day_zero: Date,
    today: Date,
) -> Result<Eligibility, YearMissing> {
    if today < since {
        return Ok(Eligibility::NotYet { from: Some(since) });
    }
    let last = window_last_day(cal, objection_filing_deadline(cal, day_zero, s)?, since)?;
    Ok(if today > last.due {
        Eligibility::Closed { last_day: last }
    } else {
        Eligibility::Open {
            since,
            last_day: Some(last),
        }
    })
}

/// Every reason of Pasal 35(1) with whether it may be filed on `today` (the office-local date), in the
/// order of [`Reason::ALL`]. See the module documentation for the day each reason arises.
pub fn eligibility(
    status: &RequestStatus,
    cal: &WorkCalendar,
    s: &ServiceStandards,
    today: Date,
) -> Result<Vec<(Reason, Eligibility)>, ObjectionError> {
    let t = timeline(status)?;
    let (_, _, due) = due_dates(&t, cal, s)?;
    let answered_in_time = t.first_notice.is_some_and(|d| d <= due.due);
    Reason::ALL
        .into_iter()
        .map(|r| {
            let e = match r {
                Reason::A | Reason::D | Reason::E | Reason::F => match t.last_notice {
                    None => Eligibility::NotYet { from: None },
                    Some(on) => window(cal, s, on, on, today)?,
                },
                Reason::B => Eligibility::Open {
                    since: t.counts_from.min(today),
                    last_day: None,
                },
                Reason::C if answered_in_time => Eligibility::NotApplicable,
                Reason::C => window(cal, s, due.due.succ(), due.due, today)?,
                Reason::G => match t.first_notice {
                    None => Eligibility::NotYet { from: None },
                    Some(_) if answered_in_time => Eligibility::NotApplicable,
                    Some(on) => window(cal, s, on, on, today)?,
                },
            };
            Ok((r, e))
        })
        .collect()
}

/// The window for taking an objection to the Komisi Informasi (Pasal 37(2)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisputeWindow {
    /// The first day a dispute may be filed: the date of the answer, or the day after the answer due date.
    pub opens: Date,
    /// `dispute_filing_days` working days after the answer's date (or after the answer due date).
    pub last_day: Derivation,
    /// Opened by the atasan's silence (`unanswered_objection_opens_dispute`), not by an answer.
    pub unanswered: bool,
    /// Whether it is open on `today`: `NotYet { from: Some(opens) }`, `Open` or `Closed`.
    pub state: Eligibility,
}

/// The dispute window of an objection on `today`, or `None` when there is no answer and the backend's
/// rules say the atasan's silence does not open the dispute route (a (?) point of the law).
///
/// With an answer, day zero is the answer's date and the window opens that day, whatever the answer
/// (an upheld objection the body does not carry out may still go to the Komisi). Without one and with
/// `unanswered_objection_opens_dispute`, day zero is the answer due date (`objection_answer_days` after
/// the objection's `counts_from`) and the window opens the day after it, like reason c; the window is
/// then returned before it opens too (`state` is `NotYet`), so the citizen sees it ahead.
pub fn dispute_window(
    objection: &ObjectionStatus,
    cal: &WorkCalendar,
    s: &ServiceStandards,
    rules: &DeadlineRules,
    today: Date,
) -> Result<Option<DisputeWindow>, ObjectionError> {
    let counts_from = parse_date("/counts_from".into(), &objection.counts_from)?;
    let (opens, day_zero, unanswered) = match &objection.answer {
        Some(a) => {
            let on = parse_instant_date("/answer/at".into(), &a.at)?;
            (on, on, false)
        }
        None if rules.unanswered_objection_opens_dispute => {
            let due = objection_answer_deadline(cal, counts_from, s)?.due;
            (due.succ(), due, true)
        }
        None => return Ok(None),
    };
    let last_day = window_last_day(cal, dispute_filing_deadline(cal, day_zero, s)?, opens)?;
    let state = if today < opens {
        Eligibility::NotYet { from: Some(opens) }
    } else if today > last_day.due {
        Eligibility::Closed {
            last_day: last_day.clone(),
        }
    } else {
        Eligibility::Open {
            since: opens,
            last_day: Some(last_day.clone()),
        }
    };
    Ok(Some(DisputeWindow {
        opens,
        last_day,
        unanswered,
        state,
    }))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
