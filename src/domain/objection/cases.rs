//! The deadline and reading cases of `docs/legal-basis.md`, as one table over one calendar with a
//! Lebaran block, a regency closure (Hari Jadi), a year end and a missing year (2028).
//! `cargo test -p ppid-portal --lib cases -- --nocapture` prints every row with its result.
//!
//! Every expected date was counted by hand from the calendar below; the comment of each row says how.

use super::*;
use crate::contract::{
    Calendar, CalendarDay, DayKind, DayZeroRule, ObjectionAnswer, Outcome, RequestEvent,
};
use crate::domain::deadlines::{day_zero, request_deadlines};

fn standards() -> ServiceStandards {
    ServiceStandards {
        notice_days: 10,
        extension_days: 7,
        objection_filing_days: 30,
        objection_answer_days: 30,
        dispute_filing_days: 14,
        verification_days: None,
    }
}

/// 2026 and 2027; 2028 is missing. Cuti bersama are non-working days.
fn cal() -> WorkCalendar {
    let day = |date: &str, kind, name: &str| CalendarDay {
        date: date.into(),
        kind,
        name: name.into(),
        decree: None,
    };
    let mut c = WorkCalendar::new(true);
    c.add_year(&Calendar {
        year: 2026,
        days: vec![
            day("2026-03-18", DayKind::CutiBersama, "Cuti bersama Idulfitri"),
            day("2026-03-19", DayKind::Holiday, "Hari Suci Nyepi"),
            day("2026-03-20", DayKind::Holiday, "Idulfitri"),
            day("2026-03-21", DayKind::Holiday, "Idulfitri"),
            day("2026-03-23", DayKind::CutiBersama, "Cuti bersama Idulfitri"),
            day("2026-03-24", DayKind::CutiBersama, "Cuti bersama Idulfitri"),
            day("2026-06-03", DayKind::Closure, "Hari Jadi Kabupaten"),
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

fn ev(kind: EventKind, at: &str) -> RequestEvent {
    RequestEvent {
        at: format!("{at}T10:00:00+07:00"),
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

fn notice(at: &str, outcome: Outcome) -> RequestEvent {
    RequestEvent {
        outcome: Some(outcome),
        ..ev(EventKind::Notice, at)
    }
}

fn request(counts_from: &str, events: Vec<RequestEvent>) -> RequestStatus {
    let mut all = vec![ev(EventKind::Received, counts_from)];
    all.extend(events);
    RequestStatus {
        number: "PPID-2026-000999".into(),
        received_at: format!("{counts_from}T09:00:00+07:00"),
        counts_from: counts_from.into(),
        counts_from_by_law: None,
        information: "Salinan APBD".into(),
        purpose: None,
        unit_id: None,
        events: all,
        objections: vec![],
        assisted_by: None,
        survey_answered: false,
        publish: None,
        register_id: None,
    }
}

fn objection(counts_from: &str, answer: Option<(&str, Option<&str>)>) -> ObjectionStatus {
    ObjectionStatus {
        number: "KEB-2026-000999".into(),
        request_number: "PPID-2026-000999".into(),
        received_at: format!("{counts_from}T10:00:00+07:00"),
        counts_from: counts_from.into(),
        reasons: vec!["a".into()],
        case_summary: "Ditolak".into(),
        answer: answer.map(|(at, received_on)| ObjectionAnswer {
            at: format!("{at}T15:00:00+07:00"),
            received_on: received_on.map(str::to_owned),
            upheld: false,
            summary: "Atasan menguatkan keputusan PPID".into(),
            documents: vec![],
        }),
        assisted_by: None,
        warnings: vec![],
    }
}

fn citizen(event: u32, on: &str) -> Vec<ReceivedDate> {
    vec![ReceivedDate {
        event,
        on: on.into(),
    }]
}

/// A reading in words: what a row expects.
fn show(r: &Reading) -> String {
    let star = |assumed: &bool| if *assumed { " (from sending)" } else { "" };
    match r {
        Reading::Open {
            since,
            last_day: Some(l),
            assumed,
        } => format!("open {since}..{}{}", l.due, star(assumed)),
        Reading::Open { since, .. } => format!("open {since}.."),
        Reading::Early { from: Some(f) } => format!("early, opens {f}"),
        Reading::Early { from: None } => "early, waits for an event".into(),
        Reading::NotInRecord => "not in record".into(),
        Reading::Late { last_day, assumed } => {
            format!("late, ended {}{}", last_day.due, star(assumed))
        }
    }
}

fn reading(status: &RequestStatus, dates: &[ReceivedDate], today: &str, reason: Reason) -> String {
    match readings(status, dates, &cal(), &standards(), d(today)) {
        Ok(list) => show(&list.iter().find(|(r, _)| *r == reason).unwrap().1),
        Err(e) => format!("error: {e}"),
    }
}

fn dispute(o: &ObjectionStatus, citizen: Option<&str>, today: &str) -> String {
    match dispute_window(o, citizen.map(d), &cal(), &standards(), d(today)) {
        Ok(w) => format!(
            "{} (answer due {}, {:?} calendar)",
            show(&w.state),
            w.answer_due.due,
            w.last_day.calendar
        ),
        Err(e) => format!("error: {e}"),
    }
}

fn receipt(at: &str, rule: DayZeroRule) -> String {
    let closes = Some(15 * 60 + 30);
    match day_zero(LocalTime::parse_rfc3339(at).unwrap(), rule, closes, &cal()) {
        Ok((zero, None)) => {
            let due = request_deadlines(&cal(), zero, &standards()).map(|x| x.notice.due);
            format!(
                "day zero {zero}, notice due {}",
                due.map_or("?".into(), |d| d.to_string())
            )
        }
        Ok((zero, Some(law))) => format!("day zero {zero} (by law {law})"),
        Err(e) => format!("error: year {} missing", e.0),
    }
}

fn due(status: &RequestStatus, today: &str) -> String {
    match request_clock(status, &cal(), &standards(), d(today)) {
        Ok(c) => format!(
            "due {}{}{}",
            c.due.due,
            if c.extended { " (extended)" } else { "" },
            c.office_due
                .map_or(String::new(), |o| format!(", office {}", o.due))
        ),
        Err(e) => format!("error: {e}"),
    }
}

/// A posted notice of a refusal: sent Wednesday 7 October 2026 (request of 28 September).
fn refused_by_post(received_on: Option<&str>) -> RequestStatus {
    let mut n = notice("2026-10-07", Outcome::Refused);
    n.received_on = received_on.map(str::to_owned);
    request("2026-09-28", vec![n])
}

/// Day zero Monday 26 October 2026 (due Monday 9 November): a notice on 3 November that fulfils
/// the request and announces the information by 10 November; then whatever `more` adds.
fn provided_later(more: Vec<RequestEvent>) -> RequestStatus {
    let mut n = notice("2026-11-03", Outcome::Fulfilled);
    n.provide_by = Some("2026-11-10".into());
    let mut events = vec![n];
    events.extend(more);
    request("2026-10-26", events)
}

fn delivered(at: &str, received_on: Option<&str>) -> RequestEvent {
    RequestEvent {
        received_on: received_on.map(str::to_owned),
        ..ev(EventKind::Delivered, at)
    }
}

#[test]
fn the_case_table() {
    let office_rule = {
        let mut r = request("2026-11-23", vec![]);
        r.counts_from_by_law = Some("2026-11-20".into());
        r
    };
    let silent = request("2026-10-26", vec![]);
    let late_notice = request("2026-10-26", vec![notice("2026-11-12", Outcome::Fulfilled)]);
    let in_time = request("2026-10-26", vec![notice("2026-11-06", Outcome::Refused)]);
    let billed = request(
        "2026-10-26",
        vec![
            notice("2026-11-03", Outcome::Fulfilled),
            ev(EventKind::Billed, "2026-11-20"),
        ],
    );
    let lebaran = request("2026-02-23", vec![notice("2026-03-09", Outcome::Refused)]);
    let hari_jadi = request("2026-05-11", vec![notice("2026-05-25", Outcome::Refused)]);
    let december_2027 = request("2027-11-22", vec![notice("2027-12-01", Outcome::Refused)]);
    let cases: Vec<(&str, String, &str)> = vec![
        // Day zero (receipt). Fri 20 Nov + 10: 23-27, 30, 1-4 Dec.
        (
            "1 after-hours receipt is day zero (law)",
            receipt("2026-11-20T19:40:00+07:00", DayZeroRule::DayOfReceipt),
            "day zero 2026-11-20, notice due 2026-12-04",
        ),
        (
            "2 weekend receipt is day zero (law)",
            receipt("2026-11-21T10:00:00+07:00", DayZeroRule::DayOfReceipt),
            "day zero 2026-11-21, notice due 2026-12-04",
        ),
        // Idulfitri Fri 20 Mar: 21 H, 23-24 CB; 25-27, 30-31, 1-3 Apr, 6-7.
        (
            "3 holiday receipt is day zero, Lebaran block skipped",
            receipt("2026-03-20T09:00:00+07:00", DayZeroRule::DayOfReceipt),
            "day zero 2026-03-20, notice due 2026-04-07",
        ),
        (
            "4 office rule moves an after-hours Friday to Monday, law date beside it",
            receipt("2026-11-20T19:40:00+07:00", DayZeroRule::OfficeHours),
            "day zero 2026-11-23 (by law 2026-11-20)",
        ),
        (
            "5 office rule over the Lebaran block",
            receipt("2026-03-18T10:00:00+07:00", DayZeroRule::OfficeHours),
            "day zero 2026-03-25 (by law 2026-03-18)",
        ),
        (
            "6 office rule in a year the calendar lacks is an error; the law's is not",
            receipt("2028-01-03T09:00:00+07:00", DayZeroRule::OfficeHours),
            "error: year 2028 missing",
        ),
        // Notice clocks. Office day zero Mon 23 Nov + 10 = 7 Dec; law Fri 20 Nov + 10 = 4 Dec.
        (
            "7 office rule: the clock follows the law, the office's date beside it",
            due(&office_rule, "2026-11-24"),
            "due 2026-12-04, office 2026-12-07",
        ),
        (
            "8 c follows the law's earlier date (opens Sat 5 Dec; 30 days skip 24-25 Dec, 1 Jan)",
            reading(&office_rule, &[], "2026-12-07", Reason::C),
            "open 2026-12-05..2027-01-20",
        ),
        (
            "9 extension sent within the 10 days: 17 days",
            due(
                &request("2026-11-02", vec![ev(EventKind::Extended, "2026-11-13")]),
                "2026-11-20",
            ),
            "due 2026-11-25 (extended)",
        ),
        (
            "10 extension sent after the 10th day does not count",
            due(
                &request("2026-11-02", vec![ev(EventKind::Extended, "2026-11-17")]),
                "2026-11-20",
            ),
            "due 2026-11-16",
        ),
        // Fri 18 Dec + 10: 21-23, 28-31, 4-6 Jan (24 CB, 25 H, 1 Jan H).
        (
            "11 notice due over the year end",
            due(&request("2026-12-18", vec![]), "2026-12-18"),
            "due 2027-01-06",
        ),
        (
            "12 notice due in a missing year is an error",
            due(&request("2027-12-20", vec![]), "2027-12-20"),
            "error: the working-day calendar has no year 2028",
        ),
        // Reason a from a posted notice sent Wed 7 Oct: + 30 = Wed 18 Nov.
        (
            "13 a counted from the sending date looks late, and says so",
            reading(&refused_by_post(None), &[], "2026-11-23", Reason::A),
            "late, ended 2026-11-18 (from sending)",
        ),
        // Received Wed 14 Oct: + 30 = Wed 25 Nov.
        (
            "14 the citizen's later date of receipt moves the window",
            reading(
                &refused_by_post(None),
                &citizen(1, "2026-10-14"),
                "2026-11-23",
                Reason::A,
            ),
            "open 2026-10-14..2026-11-25",
        ),
        // Received Mon 12 Oct: + 30 = Mon 23 Nov, the last day itself.
        (
            "15 the office's date of receipt counts, up to the last day",
            reading(
                &refused_by_post(Some("2026-10-12")),
                &[],
                "2026-11-23",
                Reason::A,
            ),
            "open 2026-10-12..2026-11-23",
        ),
        (
            "16 a date of receipt before sending counts as the sending date",
            reading(
                &refused_by_post(None),
                &citizen(1, "2026-10-01"),
                "2026-11-23",
                Reason::A,
            ),
            "late, ended 2026-11-18",
        ),
        (
            "17 the citizen's date wins over the office's",
            reading(
                &refused_by_post(Some("2026-10-12")),
                &citizen(1, "2026-10-14"),
                "2026-11-23",
                Reason::A,
            ),
            "open 2026-10-14..2026-11-25",
        ),
        // Delivered Tue 17 Nov, received Thu 19 Nov: + 30 skips 24-25 Dec and 1 Jan = Tue 5 Jan.
        (
            "18 d arises at delivery, after a timely notice",
            reading(
                &provided_later(vec![delivered("2026-11-17", Some("2026-11-19"))]),
                &[],
                "2026-11-23",
                Reason::D,
            ),
            "open 2026-11-19..2027-01-05",
        ),
        (
            "19 g: late delivery after a timely notice",
            reading(
                &provided_later(vec![delivered("2026-11-17", Some("2026-11-19"))]),
                &[],
                "2026-11-23",
                Reason::G,
            ),
            "open 2026-11-19..2027-01-05",
        ),
        (
            "20 g: delivered by the date the notice gave",
            reading(
                &provided_later(vec![delivered("2026-11-10", None)]),
                &[],
                "2026-11-23",
                Reason::G,
            ),
            "not in record",
        ),
        // Nothing delivered by Tue 10 Nov: open from 11 Nov, + 30 from 10 Nov = Tue 22 Dec.
        (
            "21 g: information still missing after the date the notice gave",
            reading(&provided_later(vec![]), &[], "2026-11-23", Reason::G),
            "open 2026-11-11..2026-12-22",
        ),
        (
            "22 g before that date looks early",
            reading(&provided_later(vec![]), &[], "2026-11-05", Reason::G),
            "early, opens 2026-11-11",
        ),
        // Billed Fri 20 Nov: + 30 = Wed 6 Jan.
        (
            "23 f arises at billing, after the notice",
            reading(&billed, &[], "2026-11-23", Reason::F),
            "open 2026-11-20..2027-01-06 (from sending)",
        ),
        // Notice Tue 3 Nov: + 30 = Tue 15 Dec.
        (
            "24 a does not move with the bill",
            reading(&billed, &[], "2026-11-23", Reason::A),
            "open 2026-11-03..2026-12-15 (from sending)",
        ),
        (
            "25 c on the due date looks early (silence)",
            reading(&silent, &[], "2026-11-09", Reason::C),
            "early, opens 2026-11-10",
        ),
        // Due Mon 9 Nov: + 30 = Mon 21 Dec.
        (
            "26 c the day after the due date (silence)",
            reading(&silent, &[], "2026-11-10", Reason::C),
            "open 2026-11-10..2026-12-21",
        ),
        (
            "27 a late notice does not undo c",
            reading(&late_notice, &[], "2026-11-23", Reason::C),
            "open 2026-11-10..2026-12-21",
        ),
        // Notice Thu 12 Nov: + 30 = Mon 28 Dec.
        (
            "28 g from a late notice that gave the information",
            reading(&late_notice, &[], "2026-11-23", Reason::G),
            "open 2026-11-12..2026-12-28 (from sending)",
        ),
        (
            "29 c when the notice came in time: not in the record",
            reading(&in_time, &[], "2026-11-23", Reason::C),
            "not in record",
        ),
        (
            "30 g after a timely refusal: nothing to deliver",
            reading(&in_time, &[], "2026-11-23", Reason::G),
            "not in record",
        ),
        (
            "31 b is open at any time",
            reading(&in_time, &[], "2027-06-01", Reason::B),
            "open 2026-10-26..",
        ),
        (
            "32 a before any notice waits for it",
            reading(&silent, &[], "2026-11-23", Reason::A),
            "early, waits for an event",
        ),
        // Mon 9 Mar: 10-13, 16-17, (18 CB, 19-21 H, 23-24 CB), 25-27, 30-31, 1-3, 6-10, 13-17, 20-24, 27 Apr.
        (
            "33 a window across the Lebaran block, last day",
            reading(&lebaran, &[], "2026-04-27", Reason::A),
            "open 2026-03-09..2026-04-27 (from sending)",
        ),
        (
            "34 the day after it looks late",
            reading(&lebaran, &[], "2026-04-28", Reason::A),
            "late, ended 2026-04-27 (from sending)",
        ),
        // Mon 25 May: 26-29, 1-2 Jun, (3 Hari Jadi), 4-5, 8-12, 15-19, 22-26, 29-30, 1-3 Jul, 6-7.
        (
            "35 the regency's closure stops the office's objection clock",
            reading(&hari_jadi, &[], "2026-07-07", Reason::A),
            "open 2026-05-25..2026-07-07 (from sending)",
        ),
        (
            "36 a window into a missing year is an error, never weekends only",
            reading(&december_2027, &[], "2027-12-02", Reason::A),
            "error: the working-day calendar has no year 2028",
        ),
        // Dispute: answer Fri 29 May; Komisi days 1-5 Jun (Hari Jadi counts), 8-12, 15-18 = Thu 18 Jun.
        (
            "37 dispute window over a regency closure counts the Komisi's days",
            dispute(
                &objection("2026-04-27", Some(("2026-05-29", None))),
                None,
                "2026-06-19",
            ),
            "late, ended 2026-06-18 (from sending) (answer due 2026-06-09, National calendar)",
        ),
        // Received Tue 2 Jun: 3-5, 8-12, 15-19, 22 = Mon 22 Jun.
        (
            "38 the answer received later moves the dispute window",
            dispute(
                &objection("2026-04-27", Some(("2026-05-29", None))),
                Some("2026-06-02"),
                "2026-06-19",
            ),
            "open 2026-06-02..2026-06-22 (answer due 2026-06-09, National calendar)",
        ),
        // Sent Fri 20 Nov, received Wed 25 Nov by the office's record: 26-27, 30-4, 7-11, 14-15.
        (
            "39 the office's date of receipt of the answer counts",
            dispute(
                &objection("2026-11-02", Some(("2026-11-20", Some("2026-11-25")))),
                None,
                "2026-11-30",
            ),
            "open 2026-11-25..2026-12-15 (answer due 2026-12-14, National calendar)",
        ),
        // Objection Mon 2 Nov: answer due + 30 = Mon 14 Dec; then 15-18, 21-23, 28-31, 4-6 Jan.
        (
            "40 the atasan's silence opens the dispute after 30 days",
            dispute(&objection("2026-11-02", None), None, "2026-11-23"),
            "early, opens 2026-12-15 (answer due 2026-12-14, National calendar)",
        ),
        (
            "41 silence: the dispute window once open",
            dispute(&objection("2026-11-02", None), None, "2027-01-06"),
            "open 2026-12-15..2027-01-06 (answer due 2026-12-14, National calendar)",
        ),
        (
            "42 silence into a missing year is an error",
            dispute(&objection("2027-11-15", None), None, "2027-12-28"),
            "error: the working-day calendar has no year 2028",
        ),
    ];
    let mut failed = 0;
    println!("| case | result | expected |");
    for (name, got, expected) in &cases {
        let ok = got == expected;
        failed += usize::from(!ok);
        println!("| {name} | {got} | {} |", if ok { "ok" } else { expected });
    }
    println!("{} cases, {failed} failed", cases.len());
    assert!(cases.len() >= 30);
    assert_eq!(failed, 0, "see the table above");
}

#[test]
fn warnings_carry_the_window_they_were_read_against() {
    let list = readings(
        &refused_by_post(None),
        &[],
        &cal(),
        &standards(),
        d("2026-11-23"),
    )
    .unwrap();
    let w = warnings(&["b".into(), "a".into(), "a".into(), "g".into()], &list);
    assert_eq!(w.len(), 2, "{w:?}");
    assert_eq!(
        (w[0].reason.as_str(), w[0].code.as_str()),
        ("a", "looks_late")
    );
    let window = w[0].window.clone().unwrap();
    assert_eq!(window.counts_from.as_deref(), Some("2026-10-07"));
    assert_eq!(window.last_day.as_deref(), Some("2026-11-18"));
    assert_eq!(
        (w[1].reason.as_str(), w[1].code.as_str()),
        ("g", "not_in_record")
    );
}

#[test]
fn dates_of_receipt_are_checked_against_the_record() {
    let r = refused_by_post(None);
    let today = d("2026-11-23");
    let ok = citizen(1, "2026-10-14");
    assert!(check_received_dates(&r, &ok, today).is_empty());
    for (dates, pointer, code) in [
        (
            citizen(1, "2026-10-06"),
            "/received_dates/0/on",
            "impossible_date",
        ),
        (
            citizen(1, "2026-11-24"),
            "/received_dates/0/on",
            "impossible_date",
        ),
        (
            citizen(0, "2026-10-14"),
            "/received_dates/0/event",
            "unknown_value",
        ),
        (
            citizen(9, "2026-10-14"),
            "/received_dates/0/event",
            "unknown_value",
        ),
        (
            citizen(1, "14-10-2026"),
            "/received_dates/0/on",
            "invalid_format",
        ),
    ] {
        let e = check_received_dates(&r, &dates, today);
        assert_eq!(e.len(), 1, "{dates:?}");
        assert_eq!((e[0].pointer.as_str(), e[0].code.as_str()), (pointer, code));
    }
}
