use super::*;
use crate::contract::{Calendar, CalendarDay, DayKind, ObjectionAnswer, Outcome, RequestEvent};
use crate::domain::date::Weekday;
use crate::domain::workdays::SkipReason;
use proptest::prelude::*;

// The timeline most tests use: day zero Monday 2026-11-02.
// Notice due +10 working days = Monday 2026-11-16; extended +17 = Wednesday 2026-11-25.
const DAY_ZERO: &str = "2026-11-02";

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

fn cal_with(years: &[i32]) -> WorkCalendar {
    let day = |date: &str, kind, name: &str| CalendarDay {
        date: date.into(),
        kind,
        name: name.into(),
        decree: None,
    };
    let mut c = WorkCalendar::new(true);
    for &year in years {
        let days = match year {
            2026 => vec![
                day("2026-12-24", DayKind::CutiBersama, "Cuti bersama Natal"),
                day("2026-12-25", DayKind::Holiday, "Natal"),
            ],
            2027 => vec![day("2027-01-01", DayKind::Holiday, "Tahun Baru")],
            _ => vec![],
        };
        c.add_year(&Calendar {
            year,
            days,
            sources: vec![],
        });
    }
    c
}

fn cal() -> WorkCalendar {
    cal_with(&[2026, 2027])
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn event(kind: EventKind, on: &str) -> RequestEvent {
    RequestEvent {
        at: format!("{on}T10:00:00+07:00"),
        kind,
        note: None,
        unit_id: None,
        body_name: None,
        reason: None,
        outcome: None,
        pasal17: None,
        documents: vec![],
        received_on: None,
        provide_by: None,
    }
}

fn notice(on: &str, outcome: Option<Outcome>) -> RequestEvent {
    RequestEvent {
        outcome,
        ..event(EventKind::Notice, on)
    }
}

fn request(counts_from: &str, mut events: Vec<RequestEvent>) -> RequestStatus {
    events.insert(0, event(EventKind::Received, counts_from));
    RequestStatus {
        number: "PPID-2026-000999".into(),
        received_at: format!("{counts_from}T09:00:00+07:00"),
        counts_from: counts_from.into(),
        counts_from_by_law: None,
        purpose: None,
        information: "Salinan APBD".into(),
        unit_id: None,
        events,
        objections: vec![],
        assisted_by: None,
        survey_answered: false,
        publish: None,
        register_id: None,
    }
}

fn all(status: &RequestStatus, today: &str) -> Vec<(Reason, Reading)> {
    readings(status, &[], &cal(), &standards(), d(today)).unwrap()
}

fn of(list: &[(Reason, Reading)], r: Reason) -> Reading {
    list.iter().find(|(x, _)| *x == r).unwrap().1.clone()
}

/// Asserts Open with `since` and the last day's date, and returns the last day.
fn assert_open(e: &Reading, since: &str, last: &str) -> Derivation {
    match e {
        Reading::Open {
            since: s,
            last_day: Some(l),
            ..
        } => {
            assert_eq!((*s, l.due), (d(since), d(last)), "{e:?}");
            l.clone()
        }
        other => panic!("expected open {since}..{last}, got {other:?}"),
    }
}

const WAITS_FOR_NOTICE: Reading = Reading::Early { from: None };

#[test]
fn letters_round_trip() {
    for r in Reason::ALL {
        assert_eq!(Reason::from_letter(r.letter()), Some(r));
    }
    assert_eq!(
        Reason::ALL.map(Reason::letter).concat(),
        "abcdefg",
        "the order of the law"
    );
    for bad in ["", "A", "h", " a", "ab"] {
        assert_eq!(Reason::from_letter(bad), None, "{bad:?}");
    }
}

#[test]
fn no_notice_before_the_deadline() {
    let r = request(DAY_ZERO, vec![event(EventKind::Verified, "2026-11-03")]);
    let e = all(&r, "2026-11-10");
    for x in [Reason::A, Reason::D, Reason::E, Reason::F] {
        assert_eq!(of(&e, x), WAITS_FOR_NOTICE, "{x:?}");
    }
    // g (information late) reads early until the delivery deadline, the notice due date, passes.
    assert_eq!(
        of(&e, Reason::G),
        Reading::Early {
            from: Some(d("2026-11-17"))
        }
    );
    assert_eq!(
        of(&e, Reason::B),
        Reading::Open {
            since: d(DAY_ZERO),
            last_day: None,
            assumed: false,
        }
    );
    assert_eq!(
        of(&e, Reason::C),
        Reading::Early {
            from: Some(d("2026-11-17"))
        }
    );
    let clock = request_clock(&r, &cal(), &standards(), d("2026-11-10")).unwrap();
    assert_eq!(clock.due.due, d("2026-11-16"));
    assert_eq!(clock.notice_due, clock.due);
    assert!(!clock.extended && !clock.overdue);
    // Wednesday 10th: 11, 12, 13, 16 are left.
    assert_eq!(clock.working_days_left, Some(4));
    let first = request_clock(&r, &cal(), &standards(), d(DAY_ZERO)).unwrap();
    assert_eq!(
        first.working_days_left,
        Some(10),
        "reads as the law words it"
    );
}

#[test]
fn on_the_due_date_c_is_not_open_yet() {
    let r = request(DAY_ZERO, vec![]);
    let e = all(&r, "2026-11-16");
    assert_eq!(
        of(&e, Reason::C),
        Reading::Early {
            from: Some(d("2026-11-17"))
        }
    );
    let clock = request_clock(&r, &cal(), &standards(), d("2026-11-16")).unwrap();
    assert_eq!(clock.working_days_left, Some(0));
    assert!(!clock.overdue);
}

#[test]
fn no_notice_after_the_deadline_opens_c_and_g() {
    let r = request(DAY_ZERO, vec![]);
    let e = all(&r, "2026-11-17");
    // Day zero is the due date; 30 working days after Mon 16 Nov skip 24 (cuti) and 25 Dec (Natal).
    let last = assert_open(&of(&e, Reason::C), "2026-11-17", "2026-12-30");
    assert_eq!(last.start, d("2026-11-16"));
    assert_eq!(last.working_days, 30);
    assert!(last
        .skipped
        .iter()
        .any(|s| s.date == d("2026-12-25") && matches!(s.reason, SkipReason::Listed { .. })));
    // Nothing delivered by the deadline: g is found the same day as c, from the same day zero.
    assert_open(&of(&e, Reason::G), "2026-11-17", "2026-12-30");
    for x in [Reason::A, Reason::D, Reason::E, Reason::F] {
        assert_eq!(of(&e, x), WAITS_FOR_NOTICE);
    }
    let clock = request_clock(&r, &cal(), &standards(), d("2026-11-17")).unwrap();
    assert!(clock.overdue);
    assert_eq!(clock.working_days_left, Some(-1));
    // A weekend after the due date: c is open from the day after the due date, whatever day it is.
    let friday_due = request("2026-11-06", vec![]); // due Fri 20 Nov
    assert_open(
        &of(&all(&friday_due, "2026-11-21"), Reason::C),
        "2026-11-21",
        "2027-01-06",
    );
}

#[test]
fn extended_before_and_after_the_extended_deadline() {
    let r = request(DAY_ZERO, vec![event(EventKind::Extended, "2026-11-13")]);
    let clock = request_clock(&r, &cal(), &standards(), d("2026-11-20")).unwrap();
    assert!(clock.extended);
    assert_eq!(clock.extension_on, Some(d("2026-11-13")));
    assert_eq!(clock.notice_due.due, d("2026-11-16"));
    assert_eq!(clock.due.due, d("2026-11-25"));
    assert_eq!(clock.due.working_days, 17);
    assert!(!clock.overdue);
    // After the original due date but before the extended one: nothing opens.
    let before = all(&r, "2026-11-20");
    assert_eq!(
        of(&before, Reason::C),
        Reading::Early {
            from: Some(d("2026-11-26"))
        }
    );
    assert_eq!(
        of(&all(&r, "2026-11-25"), Reason::C),
        Reading::Early {
            from: Some(d("2026-11-26"))
        }
    );
    let after = all(&r, "2026-11-26");
    // 30 working days after Wed 25 Nov: skips 24-25 Dec and 1 Jan.
    assert_open(&of(&after, Reason::C), "2026-11-26", "2027-01-11");
    assert_open(&of(&after, Reason::G), "2026-11-26", "2027-01-11");
    assert!(
        request_clock(&r, &cal(), &standards(), d("2026-11-26"))
            .unwrap()
            .overdue
    );
}

#[test]
fn an_extension_notified_after_the_due_date_does_not_count() {
    let r = request(DAY_ZERO, vec![event(EventKind::Extended, "2026-11-18")]);
    let clock = request_clock(&r, &cal(), &standards(), d("2026-11-18")).unwrap();
    assert!(!clock.extended);
    assert_eq!(clock.extension_on, Some(d("2026-11-18")));
    assert_eq!(clock.due.due, d("2026-11-16"));
    assert!(clock.overdue);
    assert_open(
        &of(&all(&r, "2026-11-18"), Reason::C),
        "2026-11-17",
        "2026-12-30",
    );
    // Notified on the due date itself still counts.
    let on_due = request(DAY_ZERO, vec![event(EventKind::Extended, "2026-11-16")]);
    assert!(
        request_clock(&on_due, &cal(), &standards(), d("2026-11-18"))
            .unwrap()
            .extended
    );
}

#[test]
fn notice_on_time_with_each_outcome() {
    let outcomes = [
        Some(Outcome::Fulfilled),
        Some(Outcome::PartlyFulfilled),
        Some(Outcome::Refused),
        Some(Outcome::NotHeld),
        Some(Outcome::NotYetDocumented),
        Some(Outcome::Forwarded),
        Some(Outcome::Unknown),
        None,
    ];
    for outcome in outcomes {
        let r = request(DAY_ZERO, vec![notice("2026-11-12", outcome)]);
        for today in ["2026-11-12", "2026-11-20", "2026-12-28"] {
            let e = all(&r, today);
            // Thu 12 Nov + 30 working days = Mon 28 Dec (24 and 25 Dec skipped).
            for x in [Reason::A, Reason::D, Reason::E, Reason::F] {
                let last = assert_open(&of(&e, x), "2026-11-12", "2026-12-28");
                assert_eq!(last.start, d("2026-11-12"), "{outcome:?}");
            }
            assert!(of(&e, Reason::B).is_open());
            assert_eq!(of(&e, Reason::C), Reading::NotInRecord, "{outcome:?}");
            assert_eq!(of(&e, Reason::G), Reading::NotInRecord, "{outcome:?}");
        }
        let clock = request_clock(&r, &cal(), &standards(), d("2026-11-20")).unwrap();
        assert_eq!(clock.notice_on, Some(d("2026-11-12")));
        assert_eq!(clock.working_days_left, None, "the clock stopped");
        assert!(!clock.overdue);
    }
}

#[test]
fn a_notice_on_the_due_date_is_on_time() {
    let r = request(DAY_ZERO, vec![notice("2026-11-16", Some(Outcome::Refused))]);
    let e = all(&r, "2026-11-30");
    assert_eq!(of(&e, Reason::C), Reading::NotInRecord);
    assert_eq!(of(&e, Reason::G), Reading::NotInRecord);
    // A notice between the original and the extended due date is on time when extended in time.
    let extended = request(
        DAY_ZERO,
        vec![
            event(EventKind::Extended, "2026-11-13"),
            notice("2026-11-24", Some(Outcome::Fulfilled)),
        ],
    );
    let e = all(&extended, "2026-11-30");
    assert_eq!(of(&e, Reason::C), Reading::NotInRecord);
    assert_eq!(of(&e, Reason::G), Reading::NotInRecord);
}

#[test]
fn a_late_notice_opens_g_from_its_date_and_keeps_c() {
    let r = request(
        DAY_ZERO,
        vec![notice("2026-11-19", Some(Outcome::PartlyFulfilled))],
    );
    let e = all(&r, "2026-11-19");
    // g arises when the late answer arrives: Thu 19 Nov + 30 = Tue 5 Jan 2027.
    let g = assert_open(&of(&e, Reason::G), "2026-11-19", "2027-01-05");
    assert_eq!(g.start, d("2026-11-19"));
    // c arose when the due date passed; the late notice does not undo it.
    assert_open(&of(&e, Reason::C), "2026-11-17", "2026-12-30");
    assert_open(&of(&e, Reason::E), "2026-11-19", "2027-01-05");
    // Before the late notice arrives (today earlier than its date) it is a future date, not open.
    assert_eq!(
        of(&all(&r, "2026-11-18"), Reason::G),
        Reading::Early {
            from: Some(d("2026-11-19"))
        }
    );
    let clock = request_clock(&r, &cal(), &standards(), d("2026-11-19")).unwrap();
    assert!(!clock.overdue, "answered, if late");
    assert_eq!(clock.notice_on, Some(d("2026-11-19")));
}

#[test]
fn a_later_notice_restarts_a_d_e_f_and_the_first_decides_g() {
    let r = request(
        DAY_ZERO,
        vec![
            notice("2026-11-12", Some(Outcome::Fulfilled)),
            notice("2026-11-24", Some(Outcome::Refused)),
        ],
    );
    let e = all(&r, "2026-12-29");
    // 30 working days after Tue 24 Nov = Fri 8 Jan 2027.
    assert_open(&of(&e, Reason::A), "2026-11-24", "2027-01-08");
    assert_eq!(of(&e, Reason::G), Reading::NotInRecord);
    // Out of order in the list: still the earliest and latest by date.
    let shuffled = request(
        DAY_ZERO,
        vec![
            notice("2026-11-24", Some(Outcome::Refused)),
            notice("2026-11-12", Some(Outcome::Fulfilled)),
        ],
    );
    assert_eq!(all(&shuffled, "2026-12-29"), e);
}

#[test]
fn the_filing_window_closes_after_its_last_day() {
    let r = request(DAY_ZERO, vec![notice("2026-11-12", Some(Outcome::Refused))]);
    assert_open(
        &of(&all(&r, "2026-12-28"), Reason::A),
        "2026-11-12",
        "2026-12-28",
    );
    match of(&all(&r, "2026-12-29"), Reason::A) {
        Reading::Late { last_day, .. } => assert_eq!(last_day.due, d("2026-12-28")),
        other => panic!("{other:?}"),
    }
    let silent = request(DAY_ZERO, vec![]);
    assert!(of(&all(&silent, "2026-12-30"), Reason::C).is_open());
    assert!(matches!(
        of(&all(&silent, "2026-12-31"), Reason::C),
        Reading::Late { last_day, .. } if last_day.due == d("2026-12-30")
    ));
    // b never closes.
    assert!(of(&all(&silent, "2027-12-31"), Reason::B).is_open());
}

#[test]
fn a_year_missing_from_the_calendar_is_an_error() {
    let only_2026 = cal_with(&[2026]);
    let s = standards();
    // A window running into 2027 cannot be derived.
    let r = request(DAY_ZERO, vec![notice("2026-12-01", Some(Outcome::Refused))]);
    assert_eq!(
        readings(&r, &[], &only_2026, &s, d("2026-12-01")),
        Err(ObjectionError::YearMissing(2027))
    );
    // Nothing needs 2027 yet: a waiting request is fine.
    let waiting = request(DAY_ZERO, vec![]);
    assert!(readings(&waiting, &[], &only_2026, &s, d("2026-11-10")).is_ok());
    // Day zero in a year the calendar lacks.
    let old = request("2025-11-03", vec![]);
    assert_eq!(
        readings(&old, &[], &only_2026, &s, d("2026-11-10")),
        Err(ObjectionError::YearMissing(2025))
    );
    assert_eq!(
        request_clock(&old, &only_2026, &s, d("2026-11-10")),
        Err(ObjectionError::YearMissing(2025))
    );
    // Counting the days left to a due date from a today in a missing year.
    assert_eq!(
        request_clock(&waiting, &only_2026, &s, d("2027-01-04")),
        Err(ObjectionError::YearMissing(2027))
    );
    let text = ObjectionError::YearMissing(2027).to_string();
    assert!(text.contains("2027"), "{text}");
}

#[test]
fn malformed_dates_are_errors_not_panics() {
    let s = standards();
    let mut r = request(DAY_ZERO, vec![]);
    r.counts_from = "2026-13-01".into();
    assert_eq!(
        readings(&r, &[], &cal(), &s, d(DAY_ZERO)),
        Err(ObjectionError::MalformedDate {
            field: "/counts_from".into(),
            value: "2026-13-01".into()
        })
    );
    let mut r = request(DAY_ZERO, vec![notice("2026-11-12", None)]);
    r.events[1].at = "kemarin".into();
    assert!(matches!(
        request_clock(&r, &cal(), &s, d(DAY_ZERO)),
        Err(ObjectionError::MalformedDate { field, .. }) if field == "/events/1/at"
    ));
    // A bad instant on an event that does not matter to the clocks is ignored.
    let mut r = request(DAY_ZERO, vec![event(EventKind::Verified, "2026-11-03")]);
    r.events[1].at = "2026-11-03".into();
    assert!(readings(&r, &[], &cal(), &s, d(DAY_ZERO)).is_ok());
    // Unknown event kinds are ignored.
    let r = request(DAY_ZERO, vec![event(EventKind::Unknown, "2026-11-05")]);
    assert!(of(&all(&r, "2026-11-05"), Reason::A) == WAITS_FOR_NOTICE);
}

#[test]
fn b_is_open_at_any_time() {
    let r = request(
        DAY_ZERO,
        vec![notice("2026-11-12", Some(Outcome::Fulfilled))],
    );
    for today in ["2026-10-01", DAY_ZERO, "2026-11-12", "2027-06-01"] {
        match of(&all(&r, today), Reason::B) {
            Reading::Open {
                since,
                last_day: None,
                ..
            } => assert!(since <= d(today)),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_zero_day_standard_still_ends_on_a_working_day() {
    let s = ServiceStandards {
        objection_filing_days: 0,
        dispute_filing_days: 0,
        ..standards()
    };
    // Notice on Saturday 14 Nov: the window ends Monday 16 Nov.
    let r = request(DAY_ZERO, vec![notice("2026-11-14", None)]);
    let e = readings(&r, &[], &cal(), &s, d("2026-11-16")).unwrap();
    let last = assert_open(&of(&e, Reason::A), "2026-11-14", "2026-11-16");
    assert_eq!(last.skipped.len(), 1, "Sunday; Saturday is day zero");
    // c with no days: open on the one working day after the due date.
    let silent = request(DAY_ZERO, vec![]);
    let e = readings(&silent, &[], &cal(), &s, d("2026-11-17")).unwrap();
    assert_open(&of(&e, Reason::C), "2026-11-17", "2026-11-17");
}

fn objection(counts_from: &str, answer_at: Option<&str>) -> ObjectionStatus {
    ObjectionStatus {
        number: "KEB-2026-000999".into(),
        request_number: "PPID-2026-000999".into(),
        received_at: format!("{counts_from}T10:00:00+07:00"),
        counts_from: counts_from.into(),
        reasons: vec!["c".into()],
        case_summary: "Belum dijawab".into(),
        answer: answer_at.map(|at| ObjectionAnswer {
            at: at.into(),
            received_on: None,
            upheld: false,
            summary: "Ditolak".into(),
            documents: vec![],
        }),
        assisted_by: None,
        warnings: vec![],
    }
}

#[test]
fn dispute_window_after_an_answer() {
    let o = objection(DAY_ZERO, Some("2026-11-20T15:00:00+07:00"));
    let w = dispute_window(&o, None, &cal(), &standards(), d("2026-12-10")).unwrap();
    // The contract's example: answered Fri 20 Nov, dispute until Thu 10 Dec.
    assert_eq!(
        (w.opens, w.last_day.due),
        (d("2026-11-20"), d("2026-12-10"))
    );
    assert_eq!(w.last_day.start, d("2026-11-20"));
    assert!(!w.unanswered);
    assert!(w.state.is_open());
    let next = dispute_window(&o, None, &cal(), &standards(), d("2026-12-11")).unwrap();
    assert!(matches!(next.state, Reading::Late { .. }));
}

#[test]
fn the_atasans_silence_always_opens_the_dispute_window() {
    let o = objection(DAY_ZERO, None);
    let s = standards();
    // Answer due Mon 14 Dec; the window opens Tue 15 Dec and runs 14 working days: Wed 6 Jan 2027.
    let w = dispute_window(&o, None, &cal(), &s, d("2026-11-23")).unwrap();
    assert!(w.unanswered);
    assert_eq!(
        (w.opens, w.last_day.start, w.last_day.due),
        (d("2026-12-15"), d("2026-12-14"), d("2027-01-06"))
    );
    assert_eq!(
        w.state,
        Reading::Early {
            from: Some(d("2026-12-15"))
        }
    );
    let open = dispute_window(&o, None, &cal(), &s, d("2026-12-15")).unwrap();
    assert!(open.state.is_open());
    // A missing year is an error; a malformed answer date too.
    assert_eq!(
        dispute_window(&o, None, &cal_with(&[2026]), &s, d("2026-12-15")),
        Err(ObjectionError::YearMissing(2027))
    );
    let bad = objection(DAY_ZERO, Some("20 November 2026"));
    assert!(matches!(
        dispute_window(&bad, None, &cal(), &s, d("2026-12-15")),
        Err(ObjectionError::MalformedDate { field, .. }) if field == "/answer/at"
    ));
}

// ---------------------------------------------------------------- properties

/// Rank of a state along the days: a reason only moves forward.
fn rank(e: &Reading) -> u8 {
    match e {
        Reading::Early { .. } => 0,
        Reading::Open { .. } => 1,
        Reading::Late { .. } => 2,
        Reading::NotInRecord => 3,
    }
}

fn kind_of(i: u8) -> EventKind {
    match i % 5 {
        0 => EventKind::Notice,
        1 => EventKind::Extended,
        2 => EventKind::Verified,
        3 => EventKind::ForwardedBody,
        _ => EventKind::Unknown,
    }
}

fn arb_standards() -> impl Strategy<Value = ServiceStandards> {
    (0u32..15, 0u32..10, 0u32..45, 0u32..40, 0u32..20).prop_map(|(n, x, f, a, p)| {
        ServiceStandards {
            notice_days: n,
            extension_days: x,
            objection_filing_days: f,
            objection_answer_days: a,
            dispute_filing_days: p,
            verification_days: None,
        }
    })
}

/// A request with day zero somewhere in 2026, and events up to ~80 days around it.
fn arb_request() -> impl Strategy<Value = RequestStatus> {
    (
        0i64..365,
        prop::collection::vec((any::<u8>(), -5i64..90), 0..5),
    )
        .prop_map(|(zero, events)| {
            let start = d("2026-01-01").add_days(zero);
            let evs = events
                .into_iter()
                .map(|(k, off)| event(kind_of(k), &start.add_days(off).to_string()))
                .collect();
            request(&start.to_string(), evs)
        })
}

fn check_invariants(
    c: &WorkCalendar,
    today: Date,
    list: &[(Reason, Reading)],
) -> Result<(), TestCaseError> {
    prop_assert_eq!(list.len(), 7);
    for (r, e) in list {
        match e {
            Reading::Open {
                since, last_day, ..
            } => {
                prop_assert!(
                    *since <= today,
                    "{:?} open since {} > today {}",
                    r,
                    since,
                    today
                );
                match last_day {
                    None => prop_assert_eq!(*r, Reason::B),
                    Some(l) => {
                        prop_assert!(today <= l.due);
                        prop_assert!(l.start <= *since, "day zero after opening");
                        prop_assert!(c.is_working_day(l.due).unwrap(), "{:?}", l);
                    }
                }
            }
            Reading::Early { from } => {
                prop_assert!(*r != Reason::B);
                if let Some(f) = from {
                    prop_assert!(*f > today);
                }
            }
            Reading::Late { last_day, .. } => {
                prop_assert!(*r != Reason::B);
                prop_assert!(last_day.due < today);
                prop_assert!(c.is_working_day(last_day.due).unwrap());
            }
            Reading::NotInRecord => {
                prop_assert!(matches!(r, Reason::C | Reason::G));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reasons_only_move_forward_and_windows_are_well_formed(
        req in arb_request(),
        s in arb_standards(),
        with_2027 in any::<bool>(),
        first in -20i64..120,
    ) {
        let c = if with_2027 { cal_with(&[2026, 2027]) } else { cal_with(&[2026]) };
        let start = Date::parse(&req.counts_from).unwrap();
        let mut prev: Option<Vec<(Reason, Reading)>> = None;
        for step in 0..90 {
            let today = start.add_days(first + step);
            match readings(&req, &[], &c, &s, today) {
                Ok(list) => {
                    check_invariants(&c, today, &list)?;
                    if let Some(p) = &prev {
                        for ((r, before), (_, now)) in p.iter().zip(&list) {
                            prop_assert!(
                                rank(before) <= rank(now) && (rank(before) == 3) == (rank(now) == 3),
                                "{:?} went from {:?} to {:?} on {}", r, before, now, today
                            );
                        }
                    }
                    prev = Some(list);
                }
                Err(ObjectionError::YearMissing(y)) => prop_assert!(y != 2026),
                Err(e) => prop_assert!(false, "{}", e),
            }
            // The clock never panics either, and agrees with the reasons about lateness.
            if let Ok(clock) = request_clock(&req, &c, &s, today) {
                prop_assert!(clock.due.due >= clock.notice_due.due);
                prop_assert_eq!(clock.working_days_left.is_none(), clock.notice_on.is_some());
                if let Some(left) = clock.working_days_left {
                    let consistent = if clock.overdue { left <= 0 } else { left >= 0 };
                    prop_assert!(consistent, "{:?}", clock);
                }
            }
        }
    }

    #[test]
    fn any_text_in_dates_is_an_error_or_a_result_never_a_panic(
        counts_from in ".{0,12}|20[0-9]{2}-[01][0-9]-[0-3][0-9]",
        at in ".{0,30}|2026-1[0-2]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:00\\+0[0-9]:00",
        answer in ".{0,30}|2026-1[0-2]-[0-3][0-9]T10:00:00Z",
        kind in any::<u8>(),
        today in 0i64..800,
        s in arb_standards(),
    ) {
        let c = cal();
        let today = d("2026-01-01").add_days(today);
        let mut e = event(kind_of(kind), "2026-11-02");
        e.at = at;
        let r = RequestStatus { counts_from: counts_from.clone(), ..request(DAY_ZERO, vec![e]) };
        let _ = request_clock(&r, &c, &s, today);
        if let Ok(list) = readings(&r, &[], &c, &s, today) {
            check_invariants(&c, today, &list)?;
        }
        let mut o = objection(DAY_ZERO, Some(&answer));
        o.counts_from = counts_from;
        for o in [o.clone(), ObjectionStatus { answer: None, ..o }] {
            if let Ok(w) = dispute_window(&o, None, &c, &s, today) {
                prop_assert!(c.is_working_day(w.last_day.due).unwrap());
                prop_assert!(w.opens <= w.last_day.due, "closes before it opens: {:?}", w);
                prop_assert_eq!(w.state.is_open(), w.opens <= today && today <= w.last_day.due);
            }
        }
    }

    #[test]
    fn dispute_windows_only_move_forward(
        zero in 0i64..330,
        answered_after in prop::option::of(0i64..60),
        s in arb_standards(),
    ) {
        let c = cal();
        let start = d("2026-01-01").add_days(zero);
        let answer = answered_after.map(|n| format!("{}T10:00:00+07:00", start.add_days(n)));
        let o = objection(&start.to_string(), answer.as_deref());
        let mut prev = 0;
        for step in 0..120 {
            let today = start.add_days(step);
            if let Ok(w) = dispute_window(&o, None, &c, &s, today) {
                prop_assert!(w.opens <= w.last_day.due);
                prop_assert!(c.is_working_day(w.last_day.due).unwrap());
                prop_assert!(rank(&w.state) >= prev);
                prev = rank(&w.state);
            }
        }
    }
}

#[test]
fn weekday_helper_sanity() {
    // The fixed dates above assume these weekdays.
    assert_eq!(d(DAY_ZERO).weekday(), Weekday::Mon);
    assert_eq!(d("2026-11-14").weekday(), Weekday::Sat);
    assert_eq!(d("2026-11-20").weekday(), Weekday::Fri);
}
