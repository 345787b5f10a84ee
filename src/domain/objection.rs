//! The portal's reading of each objection reason (UU 14/2008 Pasal 35(1)): when its ground is found
//! and its 30-working-day window (Pasal 36(1)), and the window to take an objection to the Komisi
//! Informasi (Pasal 37(2)). See `docs/legal-basis.md`, "Objections" and "Disputes".
//!
//! A reading is a guide, never a verdict: whether an objection is admissible is for the atasan PPID
//! and the Komisi Informasi. The portal offers every reason, shows each reading with its dates, and
//! warns when one looks early or late; the reference backend registers every well-formed objection
//! and returns the same readings as warnings.
//!
//! Every day count comes from the backend's `ServiceStandards` and every working day from its
//! calendar; a year the calendar lacks is an error, never a weekends-only guess. Nothing here panics
//! on what a backend sends: a date that does not parse is an [`ObjectionError::MalformedDate`].
//!
//! # When each reason is found ("day zero" of its window)
//!
//! Windows count from when the citizen *received* something, not from when it was sent: the date
//! the citizen gives ([`ReceivedDate`]), else the event's `received_on` from the office, else the
//! sending date, in which case the reading says it is assumed (the citizen may have received it
//! later, and is asked). Day zero itself never counts (`WorkCalendar::add_working_days`).
//!
//! | reason | found on (day zero) |
//! |---|---|
//! | a (refused) | receipt of the latest written notice |
//! | d, e (other than requested, not fulfilled) | receipt of the latest notice or delivery |
//! | f (unreasonable fees) | receipt of the latest notice or bill |
//! | b (periodic information not provided) | any time, with or without a request: no window |
//! | c (not answered) | the notice due date, when no notice was sent by then; open from the next day |
//! | g (information later than the law allows) | receipt of a delivery sent after its deadline, or that deadline itself while nothing was delivered |
//!
//! The notice due date is `notice_days` working days after day zero of the request, or
//! `notice_days + extension_days` when an `extended` event was sent on or before the unextended
//! due date (Pasal 22(8)). The request's day zero by the law is the date of receipt
//! (`counts_from_by_law` when the office's own rule gave a later `counts_from`), and c and g follow it.
//! The deadline for delivering the information is the notice's `provide_by`, else the due date.
//! Information "delivered" is a `delivered` event, or a notice without a later `provide_by` whose
//! outcome gives something (not refused, not held, not yet documented or forwarded: those leave
//! nothing to deliver, and g has no ground).

use super::date::{Date, LocalTime};
use super::deadlines::{
    dispute_filing_deadline, objection_answer_deadline, objection_filing_deadline,
};
use super::validate::{check_requester, MAX_TEXT};
use super::workdays::{Derivation, SkippedDay, WorkCalendar, YearMissing};
use crate::contract::{
    field_code, warning_code, EventKind, FieldError, ObjectionStatus, ObjectionSubmission,
    ObjectionWarning, Outcome, ReceivedDate, RequestStatus, ServiceStandards, WarningWindow,
};
use std::fmt;

/// A reason for an objection, the letters of Pasal 35(1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// Refused on Pasal 17 grounds.
    A,
    /// Periodic information (Pasal 9) not provided.
    B,
    /// Request not answered.
    C,
    /// Answered other than as requested.
    D,
    /// Request not fulfilled.
    E,
    /// Unreasonable fees.
    F,
    /// Information delivered later than the law allows.
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

/// How a reason reads on the day judged. Every reading lets the citizen file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// The ground is in the record and the window is open. `since` is the first day it could be
    /// filed; `last_day` the window's last day with its derivation (`last_day.start` is day zero),
    /// `None` only for b (any time). `assumed`: day zero is a sending date (no date of receipt known).
    Open {
        since: Date,
        last_day: Option<Derivation>,
        assumed: bool,
    },
    /// Looks early: `from` is the day it opens by the calendar alone (c, g before their deadline),
    /// `None` when it waits for an event (a notice, a delivery, a bill).
    Early { from: Option<Date> },
    /// The record shows the contrary: the notice (c) or the information (g) came in time.
    NotInRecord,
    /// Looks late: the window ended on `last_day.due`. `assumed` as in `Open`: counted from a
    /// sending date, so a later date of receipt may reopen it.
    Late { last_day: Derivation, assumed: bool },
}

impl Reading {
    /// Whether the ground is in the record and the window open.
    pub fn is_open(&self) -> bool {
        matches!(self, Reading::Open { .. })
    }

    /// The warning a receipt carries for this reading, if any (`warning_code`).
    pub fn warning_code(&self) -> Option<&'static str> {
        match self {
            Reading::Open { .. } => None,
            Reading::Early { .. } => Some(warning_code::LOOKS_EARLY),
            Reading::NotInRecord => Some(warning_code::NOT_IN_RECORD),
            Reading::Late { .. } => Some(warning_code::LOOKS_LATE),
        }
    }
}

/// Why a reading or a window could not be worked out.
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
    /// Day zero by the law: the date of receipt.
    pub counts_from: Date,
    /// The office's own day zero, when its rule gave a later one than the law's.
    pub office_counts_from: Option<Date>,
    /// `notice_days` working days after day zero, without extension.
    pub notice_due: Derivation,
    /// An extension was sent on or before `notice_due.due`, so `due` is the extended date.
    pub extended: bool,
    /// The date of the first `extended` event, even one that came too late to count.
    pub extension_on: Option<Date>,
    /// The due date that applies: `notice_due`, or `notice_days + extension_days` when `extended`.
    pub due: Derivation,
    /// The same due date counted from the office's day zero, when that differs.
    pub office_due: Option<Derivation>,
    /// The date the first written notice (`notice` event) was sent, if any.
    pub notice_on: Option<Date>,
    /// No notice yet and `today` is after `due.due`.
    pub overdue: bool,
    /// While no notice has come: the working days after `today` up to and including `due.due`, so the
    /// day of receipt reads `notice_days` as the law words it, and `0` means the due date is today.
    /// Once the due date has passed it is minus the working days gone by since (still `0` on a weekend
    /// right after it: show `overdue` first). `None` once a notice came: the clock has stopped.
    pub working_days_left: Option<i64>,
}

/// One event the citizen receives (a notice, a delivery, a bill).
#[derive(Clone, Copy, Debug)]
struct Got {
    sent: Date,
    /// The date of receipt: the citizen's, else the office's, else `sent`.
    received: Date,
    /// No date of receipt is known: `received` is the sending date.
    assumed: bool,
    /// A notice that gives the information (any outcome but one that leaves nothing to deliver)
    /// without announcing a later provision date.
    delivers: bool,
    /// A notice whose outcome leaves nothing to deliver (refused, not held, forwarded...).
    nothing_to_deliver: bool,
}

/// What of the timeline matters to the readings.
struct Timeline {
    /// Day zero by the law.
    counts_from: Date,
    office_counts_from: Option<Date>,
    notices: Vec<Got>,
    deliveries: Vec<Got>,
    bills: Vec<Got>,
    extension_on: Option<Date>,
    /// The latest notice's announced provision date.
    provide_by: Option<Date>,
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

/// Whether the citizen receives something with this kind of event, so its date of receipt matters.
pub fn is_received_by_citizen(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Notice | EventKind::Delivered | EventKind::Billed
    )
}

/// The date of receipt of one event: the citizen's date (never before it was sent), else the
/// office's `received_on`, else the sending date (`assumed`).
fn received(sent: Date, office: Option<Date>, citizen: Option<Date>) -> (Date, bool) {
    match (citizen, office) {
        (Some(c), _) => (c.max(sent), false),
        (None, Some(o)) => (o.max(sent), false),
        (None, None) => (sent, true),
    }
}

fn timeline(status: &RequestStatus, dates: &[ReceivedDate]) -> Result<Timeline, ObjectionError> {
    let counts_from = parse_date("/counts_from".into(), &status.counts_from)?;
    let by_law = status
        .counts_from_by_law
        .as_deref()
        .map(|v| parse_date("/counts_from_by_law".into(), v))
        .transpose()?;
    let (law, office) = match by_law {
        Some(l) if l < counts_from => (l, Some(counts_from)),
        Some(l) => (l.min(counts_from), None),
        None => (counts_from, None),
    };
    let mut t = Timeline {
        counts_from: law,
        office_counts_from: office,
        notices: Vec::new(),
        deliveries: Vec::new(),
        bills: Vec::new(),
        extension_on: None,
        provide_by: None,
    };
    let mut latest_notice: Option<Date> = None;
    for (i, e) in status.events.iter().enumerate() {
        if !(is_received_by_citizen(e.kind) || e.kind == EventKind::Extended) {
            continue;
        }
        let sent = parse_instant_date(format!("/events/{i}/at"), &e.at)?;
        if e.kind == EventKind::Extended {
            t.extension_on = Some(t.extension_on.map_or(sent, |d| d.min(sent)));
            continue;
        }
        let office = e
            .received_on
            .as_deref()
            .map(|v| parse_date(format!("/events/{i}/received_on"), v))
            .transpose()?;
        let citizen = dates
            .iter()
            .find(|d| d.event as usize == i)
            .and_then(|d| Date::parse(&d.on));
        let (received, assumed) = received(sent, office, citizen);
        let provide_by = e
            .provide_by
            .as_deref()
            .map(|v| parse_date(format!("/events/{i}/provide_by"), v))
            .transpose()?;
        let nothing_to_deliver = e.kind == EventKind::Notice
            && matches!(
                e.outcome,
                Some(
                    Outcome::Refused
                        | Outcome::NotHeld
                        | Outcome::NotYetDocumented
                        | Outcome::Forwarded
                )
            );
        let got = Got {
            sent,
            received,
            assumed,
            delivers: e.kind == EventKind::Notice && provide_by.is_none() && !nothing_to_deliver,
            nothing_to_deliver,
        };
        match e.kind {
            EventKind::Notice => {
                if latest_notice.is_none_or(|l| sent >= l) {
                    latest_notice = Some(sent);
                    t.provide_by = provide_by;
                }
                t.notices.push(got);
            }
            EventKind::Delivered => t.deliveries.push(got),
            _ => t.bills.push(got),
        }
    }
    Ok(t)
}

/// The notice due dates from `day_zero`: (without extension, whether extended, the one that applies).
fn due_dates(
    t: &Timeline,
    day_zero: Date,
    cal: &WorkCalendar,
    s: &ServiceStandards,
) -> Result<(Derivation, bool, Derivation), ObjectionError> {
    let notice_due = cal.add_working_days(day_zero, s.notice_days)?;
    let extended = t.extension_on.is_some_and(|d| d <= notice_due.due);
    let due = if extended {
        cal.add_working_days(day_zero, s.notice_days.saturating_add(s.extension_days))?
    } else {
        notice_due.clone()
    };
    Ok((notice_due, extended, due))
}

/// Where the request's notice clock stands on `today`, counted from the law's day zero.
pub fn request_clock(
    status: &RequestStatus,
    cal: &WorkCalendar,
    s: &ServiceStandards,
    today: Date,
) -> Result<RequestClock, ObjectionError> {
    let t = timeline(status, &[])?;
    let (notice_due, extended, due) = due_dates(&t, t.counts_from, cal, s)?;
    let office_due = t
        .office_counts_from
        .map(|o| due_dates(&t, o, cal, s).map(|(_, _, d)| d))
        .transpose()?;
    let first_notice = t.notices.iter().map(|n| n.sent).min();
    let working_days_left = match first_notice {
        Some(_) => None,
        None => Some(cal.working_days_between(today, due.due)?),
    };
    Ok(RequestClock {
        counts_from: t.counts_from,
        office_counts_from: t.office_counts_from,
        overdue: first_notice.is_none() && today > due.due,
        notice_due,
        extended,
        extension_on: t.extension_on,
        notice_on: first_notice,
        due,
        office_due,
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

/// Open from `since` until `objection_filing_days` working days after `day_zero`, read on `today`.
fn window(
    cal: &WorkCalendar,
    s: &ServiceStandards,
    since: Date,
    day_zero: Date,
    today: Date,
    assumed: bool,
) -> Result<Reading, YearMissing> {
    if today < since {
        return Ok(Reading::Early { from: Some(since) });
    }
    let last = window_last_day(cal, objection_filing_deadline(cal, day_zero, s)?, since)?;
    Ok(if today > last.due {
        Reading::Late {
            last_day: last,
            assumed,
        }
    } else {
        Reading::Open {
            since,
            last_day: Some(last),
            assumed,
        }
    })
}

/// The window from the receipt of the latest of `events`, or `Early` while there is none.
fn from_latest<'a>(
    events: impl Iterator<Item = &'a Got>,
    cal: &WorkCalendar,
    s: &ServiceStandards,
    today: Date,
) -> Result<Reading, YearMissing> {
    match events.max_by_key(|g| g.received) {
        None => Ok(Reading::Early { from: None }),
        Some(g) => window(cal, s, g.received, g.received, today, g.assumed),
    }
}

/// Every reason of Pasal 35(1) read on `today` (the office-local date), in the order of
/// [`Reason::ALL`], with the citizen's own dates of receipt. See the module documentation.
pub fn readings(
    status: &RequestStatus,
    dates: &[ReceivedDate],
    cal: &WorkCalendar,
    s: &ServiceStandards,
    today: Date,
) -> Result<Vec<(Reason, Reading)>, ObjectionError> {
    let t = timeline(status, dates)?;
    let (_, _, due) = due_dates(&t, t.counts_from, cal, s)?;
    let first_notice = t.notices.iter().map(|n| n.sent).min();
    let deliver_by = t.provide_by.unwrap_or(due.due);
    let delivery = t
        .deliveries
        .iter()
        .chain(t.notices.iter().filter(|n| n.delivers))
        .min_by_key(|g| g.sent);
    let nothing_to_deliver = t.deliveries.is_empty()
        && t.notices
            .iter()
            .max_by_key(|n| n.sent)
            .is_some_and(|n| n.nothing_to_deliver);
    Reason::ALL
        .into_iter()
        .map(|r| {
            let reading = match r {
                Reason::A => from_latest(t.notices.iter(), cal, s, today)?,
                Reason::D | Reason::E => {
                    from_latest(t.notices.iter().chain(&t.deliveries), cal, s, today)?
                }
                Reason::F => from_latest(t.notices.iter().chain(&t.bills), cal, s, today)?,
                Reason::B => Reading::Open {
                    since: t.counts_from.min(today),
                    last_day: None,
                    assumed: false,
                },
                Reason::C if first_notice.is_some_and(|n| n <= due.due) => Reading::NotInRecord,
                Reason::C => window(cal, s, due.due.succ(), due.due, today, false)?,
                Reason::G => match delivery {
                    Some(g) if g.sent > deliver_by => {
                        window(cal, s, g.received, g.received, today, g.assumed)?
                    }
                    Some(_) => Reading::NotInRecord,
                    None if nothing_to_deliver => Reading::NotInRecord,
                    None => window(cal, s, deliver_by.succ(), deliver_by, today, false)?,
                },
            };
            Ok((r, reading))
        })
        .collect()
}

/// Reason b without a request: periodic information is owed at any time (Pasal 9), so the
/// reading is open on `today` with no window.
pub fn reading_without_request(today: Date) -> Reading {
    Reading::Open {
        since: today,
        last_day: None,
        assumed: false,
    }
}

/// The warnings a receipt carries for the `chosen` letters: one per reason whose reading is not
/// open, with the window it was read against.
pub fn warnings(chosen: &[String], readings: &[(Reason, Reading)]) -> Vec<ObjectionWarning> {
    let mut out: Vec<ObjectionWarning> = Vec::new();
    for letter in chosen {
        let Some((reason, reading)) =
            Reason::from_letter(letter).and_then(|r| readings.iter().find(|(x, _)| *x == r))
        else {
            continue;
        };
        let Some(code) = reading.warning_code() else {
            continue;
        };
        if out.iter().any(|w| w.reason == reason.letter()) {
            continue;
        }
        let window = match reading {
            Reading::Early { from } => from.map(|d| WarningWindow {
                opens: Some(d.to_string()),
                counts_from: None,
                last_day: None,
            }),
            Reading::Late { last_day, .. } => Some(WarningWindow {
                opens: None,
                counts_from: Some(last_day.start.to_string()),
                last_day: Some(last_day.due.to_string()),
            }),
            _ => None,
        };
        out.push(ObjectionWarning {
            reason: reason.letter().into(),
            code: code.into(),
            window,
        });
    }
    out
}

/// Checks the citizen's dates of receipt against the request: each names an event the citizen
/// receives (`/received_dates/<i>/event`), is a date (`invalid_format`), and lies between the
/// day the event was sent and `today` (`impossible_date`).
pub fn check_received_dates(
    status: &RequestStatus,
    dates: &[ReceivedDate],
    today: Date,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut push = |pointer: String, code: &str| {
        errors.push(FieldError::new(pointer, code))
    };
    for (i, d) in dates.iter().enumerate() {
        let Some(event) = status
            .events
            .get(d.event as usize)
            .filter(|e| is_received_by_citizen(e.kind))
        else {
            push(
                format!("/received_dates/{i}/event"),
                field_code::UNKNOWN_VALUE,
            );
            continue;
        };
        let Some(on) = Date::parse(&d.on) else {
            push(
                format!("/received_dates/{i}/on"),
                field_code::INVALID_FORMAT,
            );
            continue;
        };
        let sent = LocalTime::parse_rfc3339(&event.at).map(LocalTime::date);
        if on > today || sent.is_some_and(|s| on < s) {
            push(
                format!("/received_dates/{i}/on"),
                field_code::IMPOSSIBLE_DATE,
            );
        }
    }
    errors
}

/// The field errors of an objection, as the contract defines them. Timing is never one: an
/// objection is refused only when it is malformed. A request number is needed for every reason
/// but b (`/request_number`, `required`).
pub fn check_objection(sub: &ObjectionSubmission) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut push = |pointer: &str, code: &str| {
        errors.push(FieldError::new(pointer, code))
    };
    let needs_request = sub.reasons.iter().any(|r| r != Reason::B.letter());
    if sub.request_number.trim().is_empty() && needs_request {
        push("/request_number", field_code::REQUIRED);
    }
    if sub.reasons.is_empty() {
        push("/reasons", field_code::REQUIRED);
    } else if sub.reasons.iter().any(|r| Reason::from_letter(r).is_none()) {
        push("/reasons", field_code::UNKNOWN_VALUE);
    }
    for (pointer, value) in [
        ("/case_summary", &sub.case_summary),
        ("/purpose", &sub.purpose),
    ] {
        if value.trim().is_empty() {
            push(pointer, field_code::REQUIRED);
        } else if value.trim().chars().count() > MAX_TEXT {
            push(pointer, field_code::TOO_LONG);
        }
    }
    check_requester(&sub.objector, "/objector", &mut errors);
    errors
}

/// The window for taking an objection to the Komisi Informasi (Pasal 37(2)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisputeWindow {
    /// The first day a dispute may be filed: the day the answer was received, or the day after the
    /// answer due date.
    pub opens: Date,
    /// `dispute_filing_days` working days of the national calendar after day zero.
    pub last_day: Derivation,
    /// The atasan PPID's answer due date (the office's calendar).
    pub answer_due: Derivation,
    /// Opened by the atasan's silence, not by an answer.
    pub unanswered: bool,
    /// Day zero is the answer's sending date: no date of receipt is known.
    pub assumed: bool,
    /// `Early { from: Some(opens) }`, `Open` or `Late` on the day judged.
    pub state: Reading,
}

/// The dispute window of an objection on `today`. `received_on` is the day the citizen says they
/// received the atasan's answer.
///
/// With an answer, day zero is the day it was received (the citizen's date, else the office's,
/// else the sending date) and the window opens that day, whatever the answer. Without one, day zero
/// is the answer due date (`objection_answer_days` of the office's calendar after the objection's
/// `counts_from`) and the window opens the day after it: the atasan's silence always opens the road
/// to the Komisi. The filing window counts the Komisi's working days: `cal.national()`.
pub fn dispute_window(
    objection: &ObjectionStatus,
    received_on: Option<Date>,
    cal: &WorkCalendar,
    s: &ServiceStandards,
    today: Date,
) -> Result<DisputeWindow, ObjectionError> {
    let counts_from = parse_date("/counts_from".into(), &objection.counts_from)?;
    let answer_due = objection_answer_deadline(cal, counts_from, s)?;
    let (opens, day_zero, unanswered, assumed) = match &objection.answer {
        Some(a) => {
            let sent = parse_instant_date("/answer/at".into(), &a.at)?;
            let office = a
                .received_on
                .as_deref()
                .map(|v| parse_date("/answer/received_on".into(), v))
                .transpose()?;
            let (on, assumed) = received(sent, office, received_on);
            (on, on, false, assumed)
        }
        None => (answer_due.due.succ(), answer_due.due, true, false),
    };
    let national = cal.national();
    let last_day = window_last_day(
        &national,
        dispute_filing_deadline(&national, day_zero, s)?,
        opens,
    )?;
    let state = if today < opens {
        Reading::Early { from: Some(opens) }
    } else if today > last_day.due {
        Reading::Late {
            last_day: last_day.clone(),
            assumed,
        }
    } else {
        Reading::Open {
            since: opens,
            last_day: Some(last_day.clone()),
            assumed,
        }
    };
    Ok(DisputeWindow {
        opens,
        last_day,
        answer_due,
        unanswered,
        assumed,
        state,
    })
}

mod draft;
pub use draft::ObjectionDraft;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod cases;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
