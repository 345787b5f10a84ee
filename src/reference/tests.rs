use super::requests::status_of;
use super::*;
use crate::contract::*;
use crate::domain::date::{Date, LocalTime};

// Monday 2026-11-23 10:00 +07:00.
const MONDAY_10AM: i64 = 1_795_402_800_000;

fn get(r: &mut Reference, path_and_query: &str) -> Reply {
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    r.handle(
        &Call {
            method: "GET",
            path,
            query,
            ..Default::default()
        },
        MONDAY_10AM,
    )
}

fn post(r: &mut Reference, path: &str, key: Option<&str>, body: &str, now: i64) -> Reply {
    r.handle(
        &Call {
            method: "POST",
            path,
            query: "",
            idempotency_key: key,
            body,
        },
        now,
    )
}

fn decode<T: for<'de> Deserialize<'de>>(reply: &Reply) -> T {
    serde_json::from_str(&reply.body).unwrap_or_else(|e| panic!("{e}: {}", reply.body))
}

fn valid_request() -> serde_json::Value {
    serde_json::json!({
        "requester": {"kind": "individual", "name": "Siti Rahma", "nik": "3201014508900001",
                      "address": "Jl. Melati 3, Sukamaju", "phone": "+6281234567890", "email": "siti@example.id"},
        "information": "Salinan APBD 2026",
        "purpose": "Penelitian",
        "obtain": ["soft_copy"],
        "delivery": "email",
        "delivery_email": "siti@example.id"
    })
}

#[test]
fn the_clock_constant_is_monday_ten_am_in_jakarta() {
    let t = LocalTime {
        unix_ms: MONDAY_10AM,
        offset_minutes: 420,
    };
    assert_eq!(t.to_rfc3339(), "2026-11-23T10:00:00+07:00");
}

#[test]
fn meta_speaks_major_version_one() {
    let mut r = Reference::demo();
    let meta: Meta = decode(&get(&mut r, "/v1/meta"));
    assert!(meta.contract_version.starts_with("1."));
}

#[test]
fn a_year_without_calendar_is_a_distinct_problem() {
    let mut r = Reference::demo();
    let reply = get(&mut r, "/v1/calendar/1999");
    assert_eq!(reply.status, 404);
    assert_eq!(
        decode::<Problem>(&reply).code,
        problem_code::CALENDAR_YEAR_MISSING
    );
    assert_eq!(get(&mut r, "/v1/calendar/2026").status, 200);
}

#[test]
fn catalogue_filters_search_and_pages() {
    let mut r = Reference::demo();
    let all: CataloguePage = decode(&get(&mut r, "/v1/catalogue?per_page=100"));
    let counts = all.class_counts;
    assert_eq!(
        all.total,
        counts.berkala + counts.serta_merta + counts.setiap_saat + counts.dikecualikan
    );
    let excepted: CataloguePage = decode(&get(
        &mut r,
        "/v1/catalogue?class=dikecualikan&per_page=100",
    ));
    assert_eq!(excepted.total, counts.dikecualikan);
    assert!(excepted
        .items
        .iter()
        .all(|i| i.class == InformationClass::Dikecualikan));
    let found: CataloguePage = decode(&get(&mut r, "/v1/catalogue?q=ANGG&per_page=100"));
    assert!(found.items.iter().any(|i| i.title.starts_with("Anggaran")));
    assert!(found.total < all.total);
    let none: CataloguePage = decode(&get(&mut r, "/v1/catalogue?q=zzzzqx"));
    assert_eq!(none.total, 0);
    let page2: CataloguePage = decode(&get(&mut r, "/v1/catalogue?per_page=5&page=2"));
    assert_eq!(page2.items.len(), 5);
    assert_eq!(page2.items[0].id, all.items[5].id);
    let by_title: CataloguePage = decode(&get(&mut r, "/v1/catalogue?sort=title&per_page=100"));
    let titles: Vec<String> = by_title
        .items
        .iter()
        .map(|i| i.title.to_lowercase())
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(get(&mut r, "/v1/catalogue?class=rahasia").status, 400);
}

#[test]
fn excepted_items_never_carry_content() {
    let mut r = Reference::demo();
    let excepted: CataloguePage = decode(&get(
        &mut r,
        "/v1/catalogue?class=dikecualikan&per_page=100",
    ));
    for s in excepted.items {
        let item: CatalogueItem = decode(&get(&mut r, &format!("/v1/catalogue/{}", s.id)));
        assert!(item.files.is_empty());
        assert!(item.exemption.is_some());
    }
}

#[test]
fn a_retried_submission_never_creates_a_second_request() {
    let mut r = Reference::demo();
    let body = valid_request().to_string();
    let first = post(
        &mut r,
        "/v1/requests",
        Some("key-0001-abcdef"),
        &body,
        MONDAY_10AM,
    );
    assert_eq!(first.status, 201, "{}", first.body);
    let before = r.journal().requests.len();
    let again = post(
        &mut r,
        "/v1/requests",
        Some("key-0001-abcdef"),
        &body,
        MONDAY_10AM + 60_000,
    );
    assert_eq!(again.status, 201);
    assert!(again.replayed);
    assert_eq!(again.body, first.body);
    assert_eq!(r.journal().requests.len(), before);
    let receipt: RequestReceipt = decode(&first);
    assert_eq!(receipt.counts_from, "2026-11-23");

    let mut other = valid_request();
    other["purpose"] = "Lain".into();
    let conflict = post(
        &mut r,
        "/v1/requests",
        Some("key-0001-abcdef"),
        &other.to_string(),
        MONDAY_10AM,
    );
    assert_eq!(conflict.status, 409);
    assert_eq!(
        post(&mut r, "/v1/requests", None, &body, MONDAY_10AM).status,
        400
    );
}

#[test]
fn after_closing_time_day_zero_is_still_the_day_of_receipt_unless_the_office_rules_otherwise() {
    let evening = MONDAY_10AM + 8 * 3_600_000; // 18:00
    let mut r = Reference::demo();
    let receipt: RequestReceipt = decode(&post(
        &mut r,
        "/v1/requests",
        Some("key-evening-01"),
        &valid_request().to_string(),
        evening,
    ));
    assert_eq!(receipt.counts_from, "2026-11-23");
    assert_eq!(receipt.counts_from_by_law, None);
    // An office that counts after-hours receipts from the next working day says so, with the
    // law's date beside it, in the receipt and the status.
    let mut seed = Seed::demo().unwrap();
    seed.meta.deadline_rules.day_zero = DayZeroRule::OfficeHours;
    let mut r = Reference::new(seed);
    let reply = post(
        &mut r,
        "/v1/requests",
        Some("key-evening-02"),
        &valid_request().to_string(),
        evening,
    );
    assert!(
        reply.body.contains(r#""counts_from_by_law":"2026-11-23""#),
        "{}",
        reply.body
    );
    let receipt: RequestReceipt = decode(&reply);
    assert_eq!(receipt.counts_from, "2026-11-24");
    let lookup = serde_json::json!({"number": receipt.number, "verifier": "siti@example.id"});
    let status: RequestStatus = decode(&post(
        &mut r,
        "/v1/request-lookups",
        None,
        &lookup.to_string(),
        evening,
    ));
    assert_eq!(status.counts_from_by_law.as_deref(), Some("2026-11-23"));
}

#[test]
fn invalid_fields_come_back_as_pointers() {
    let mut r = Reference::demo();
    let mut body = valid_request();
    body["requester"]["nik"] = "123".into();
    body["requester"]["phone"] = serde_json::Value::Null;
    body["requester"]["email"] = serde_json::Value::Null;
    body["purpose"] = "".into();
    let reply = post(
        &mut r,
        "/v1/requests",
        Some("key-invalid-01"),
        &body.to_string(),
        MONDAY_10AM,
    );
    assert_eq!(reply.status, 422);
    let p: Problem = decode(&reply);
    let pointers: Vec<&str> = p.errors.iter().map(|e| e.pointer.as_str()).collect();
    assert_eq!(pointers, ["/requester/nik", "/requester/phone", "/purpose"]);
    // A failed submission is not remembered: the same key may be retried after fixing.
    assert!(r.journal().idempotency.is_empty());
}

#[test]
fn a_group_through_its_member_is_received_even_with_an_odd_nik_date() {
    let mut r = Reference::demo();
    let mut body = valid_request();
    body["requester"] = serde_json::json!({"kind": "group", "group_name": "Kelompok Tani Sri Rejeki",
        "name": "Budi Santoso", "nik": "3201013208900001", "address": "Dusun Krajan, Sukamaju",
        "phone": "+6281234567890"});
    body["attachments"] = serde_json::json!([{"role": "mandate", "file_name": "mandat.pdf",
        "media_type": "application/pdf", "content_base64": "JVBERi0="}]);
    let reply = post(
        &mut r,
        "/v1/requests",
        Some("key-group-01"),
        &body.to_string(),
        MONDAY_10AM,
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    // Without the group's name it is refused at that field, and at no other.
    body["requester"]
        .as_object_mut()
        .unwrap()
        .remove("group_name");
    let reply = post(
        &mut r,
        "/v1/requests",
        Some("key-group-02"),
        &body.to_string(),
        MONDAY_10AM,
    );
    assert_eq!(reply.status, 422);
    let p: Problem = decode(&reply);
    let found: Vec<(&str, &str)> = p
        .errors
        .iter()
        .map(|e| (e.pointer.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(found, [("/requester/group_name", field_code::REQUIRED)]);
}

#[test]
fn lookups_do_not_reveal_which_part_was_wrong() {
    let mut r = Reference::demo();
    let receipt: RequestReceipt = decode(&post(
        &mut r,
        "/v1/requests",
        Some("key-lookup-01"),
        &valid_request().to_string(),
        MONDAY_10AM,
    ));
    let lookup = |n: &str, v: &str| serde_json::json!({"number": n, "verifier": v}).to_string();
    let found = post(
        &mut r,
        "/v1/request-lookups",
        None,
        &lookup(&receipt.number, "SITI@example.id"),
        MONDAY_10AM,
    );
    assert_eq!(found.status, 200);
    let status: RequestStatus = decode(&found);
    assert_eq!(status.events[0].kind, EventKind::Received);
    assert_eq!(
        post(
            &mut r,
            "/v1/request-lookups",
            None,
            &lookup(&receipt.number, "7890"),
            MONDAY_10AM
        )
        .status,
        200
    );
    let wrong_factor = post(
        &mut r,
        "/v1/request-lookups",
        None,
        &lookup(&receipt.number, "0000"),
        MONDAY_10AM,
    );
    let wrong_number = post(
        &mut r,
        "/v1/request-lookups",
        None,
        &lookup("PPID-2026-999999", "7890"),
        MONDAY_10AM,
    );
    assert_eq!(wrong_factor, wrong_number);
    assert_eq!(wrong_factor.status, 404);
}

#[test]
fn objections_attach_to_their_request() {
    let mut r = Reference::demo();
    let receipt: RequestReceipt = decode(&post(
        &mut r,
        "/v1/requests",
        Some("key-objection-r"),
        &valid_request().to_string(),
        MONDAY_10AM,
    ));
    let body = serde_json::json!({
        "request_number": receipt.number, "verifier": "siti@example.id",
        "objector": valid_request()["requester"], "reasons": ["b"],
        "case_summary": "Informasi berkala belum diumumkan", "purpose": "Penelitian"
    });
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-objection-1"),
        &body.to_string(),
        MONDAY_10AM,
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let o: ObjectionReceipt = decode(&reply);
    let status: ObjectionStatus = decode(&post(
        &mut r,
        "/v1/objection-lookups",
        None,
        &serde_json::json!({"number": o.number, "verifier": "siti@example.id"}).to_string(),
        MONDAY_10AM,
    ));
    assert_eq!(status.request_number, receipt.number);
}

#[test]
fn the_journal_survives_a_restart() {
    let mut r = Reference::demo();
    post(
        &mut r,
        "/v1/requests",
        Some("key-persist-01"),
        &valid_request().to_string(),
        MONDAY_10AM,
    );
    let saved = serde_json::to_string(r.journal()).unwrap();
    let mut again = Reference::demo();
    again.restore(serde_json::from_str(&saved).unwrap());
    let replay = post(
        &mut again,
        "/v1/requests",
        Some("key-persist-01"),
        &valid_request().to_string(),
        MONDAY_10AM,
    );
    assert!(replay.replayed);
}

#[test]
fn unknown_paths_and_methods_are_problems() {
    let mut r = Reference::demo();
    assert_eq!(get(&mut r, "/v2/meta").status, 404);
    assert_eq!(post(&mut r, "/v1/meta", None, "", MONDAY_10AM).status, 405);
}

#[test]
fn features_not_advertised_are_refused() {
    let mut seed = Seed::demo().unwrap();
    seed.meta.features.retain(|f| f != feature::STATISTICS);
    let mut r = Reference::new(seed);
    let reply = get(&mut r, "/v1/statistics");
    assert_eq!(reply.status, 404);
    assert_eq!(
        decode::<Problem>(&reply).code,
        problem_code::FEATURE_UNSUPPORTED
    );
}

#[test]
fn a_body_that_is_not_json_is_a_validation_problem() {
    let mut r = Reference::demo();
    let reply = post(
        &mut r,
        "/v1/requests",
        Some("key-garbage-01"),
        "{nope",
        MONDAY_10AM,
    );
    assert_eq!(reply.status, 422);
    assert_eq!(decode::<Problem>(&reply).errors[0].pointer, "");
}

/// Unix milliseconds of an RFC 3339 instant.
fn at(instant: &str) -> i64 {
    LocalTime::parse_rfc3339(instant).unwrap().unix_ms
}

fn objection_body(request: &str, verifier: &str, reasons: &[&str]) -> String {
    serde_json::json!({
        "request_number": request, "verifier": verifier,
        "objector": valid_request()["requester"], "reasons": reasons,
        "case_summary": "Kasus posisi", "purpose": "Memperoleh informasi"
    })
    .to_string()
}

fn field_errors(reply: &Reply) -> Vec<(String, String)> {
    assert_eq!(reply.status, 422, "{}", reply.body);
    let p: Problem = decode(reply);
    assert_eq!(p.code, problem_code::VALIDATION);
    p.errors.into_iter().map(|e| (e.pointer, e.code)).collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(p, c)| (p.to_string(), c.to_string()))
        .collect()
}

/// The warnings of a `201` objection receipt as (reason, code, last day).
fn warned(reply: &Reply) -> Vec<(String, String, Option<String>)> {
    assert_eq!(reply.status, 201, "{}", reply.body);
    let receipt: ObjectionReceipt = decode(reply);
    receipt
        .warnings
        .into_iter()
        .map(|w| (w.reason, w.code, w.window.and_then(|x| x.last_day)))
        .collect()
}

fn w(reason: &str, code: &str, last: Option<&str>) -> (String, String, Option<String>) {
    (reason.into(), code.into(), last.map(str::to_owned))
}

#[test]
fn a_reason_named_twice_counts_once() {
    let mut r = Reference::demo();
    let receipt: RequestReceipt = decode(&post(
        &mut r,
        "/v1/requests",
        Some("key-twice-request"),
        &valid_request().to_string(),
        MONDAY_10AM,
    ));
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-twice-objection"),
        &objection_body(&receipt.number, "siti@example.id", &["c", "a", "c", "a"]),
        MONDAY_10AM,
    );
    let objection: ObjectionReceipt = decode(&reply);
    let reasons: Vec<&str> = objection.warnings.iter().map(|w| w.reason.as_str()).collect();
    assert_eq!(reasons, ["c", "a"], "one warning per reason: {}", reply.body);
    assert_eq!(r.journal().objections.last().unwrap().submission.reasons, ["c", "a"]);
}

#[test]
fn reasons_that_look_early_are_registered_with_warnings() {
    let mut r = Reference::demo();
    let receipt: RequestReceipt = decode(&post(
        &mut r,
        "/v1/requests",
        Some("key-fresh-request"),
        &valid_request().to_string(),
        MONDAY_10AM,
    ));
    let before = r.journal().objections.len();
    // A letter that is not a reason is malformed: nothing is registered.
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-too-early-0"),
        &objection_body(&receipt.number, "siti@example.id", &["b", "x"]),
        MONDAY_10AM,
    );
    assert_eq!(
        field_errors(&reply),
        pairs(&[("/reasons", "unknown_value")])
    );
    assert_eq!(r.journal().objections.len(), before, "nothing registered");
    // No notice yet and the due date (7 December) still ahead: registered, with a warning per
    // reason that looks early, and the day c and g would open.
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-too-early-1"),
        &objection_body(&receipt.number, "siti@example.id", &["b", "a", "c", "g"]),
        MONDAY_10AM,
    );
    let receipt: ObjectionReceipt = decode(&reply);
    assert_eq!(receipt.warnings.len(), 3, "{:?}", receipt.warnings);
    assert_eq!(
        (
            receipt.warnings[0].reason.as_str(),
            receipt.warnings[0].code.as_str()
        ),
        ("a", "looks_early")
    );
    assert_eq!(receipt.warnings[0].window, None, "a waits for a notice");
    let c = &receipt.warnings[1];
    assert_eq!((c.reason.as_str(), c.code.as_str()), ("c", "looks_early"));
    assert_eq!(
        c.window.as_ref().and_then(|w| w.opens.as_deref()),
        Some("2026-12-08")
    );
    assert_eq!(r.journal().objections.len(), before + 1, "registered");
    // The lookup shows the same warnings.
    let lookup = serde_json::json!({"number": receipt.number, "verifier": "siti@example.id"});
    let status: ObjectionStatus = decode(&post(
        &mut r,
        "/v1/objection-lookups",
        None,
        &lookup.to_string(),
        MONDAY_10AM,
    ));
    assert_eq!(status.warnings, receipt.warnings);
}

#[test]
fn a_window_that_looks_closed_is_registered_and_warned_and_a_later_receipt_moves_it() {
    // PPID-2026-000102: refused on 7 October; 30 working days later is Wednesday 18 November.
    let body = objection_body("PPID-2026-000102", "rina.marlina@example.id", &["a", "d"]);
    let mut r = Reference::demo();
    let late_evening = post(
        &mut r,
        "/v1/objections",
        Some("key-last-day-01"),
        &body,
        at("2026-11-18T22:30:00+07:00"),
    );
    assert_eq!(
        warned(&late_evening),
        vec![],
        "the last day, whatever the hour"
    );
    let next_day = post(
        &mut r,
        "/v1/objections",
        Some("key-day-after-01"),
        &body,
        at("2026-11-19T08:00:00+07:00"),
    );
    assert_eq!(
        warned(&next_day),
        vec![
            w("a", "looks_late", Some("2026-11-18")),
            w("d", "looks_late", Some("2026-11-18")),
        ]
    );
    // The notice was posted and received on 14 October: the window runs to 25 November.
    let mut later: serde_json::Value = serde_json::from_str(&body).unwrap();
    later["received_dates"] = serde_json::json!([{"event": 3, "on": "2026-10-14"}]);
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-received-later"),
        &later.to_string(),
        at("2026-11-19T08:00:00+07:00"),
    );
    assert_eq!(warned(&reply), vec![]);
    // A date before it was sent, in the future, or of an event the citizen does not receive is
    // malformed.
    later["received_dates"] = serde_json::json!([
        {"event": 3, "on": "2026-10-01"},
        {"event": 3, "on": "2026-12-01"},
        {"event": 0, "on": "2026-10-14"},
        {"event": 3, "on": "14/10/2026"},
    ]);
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-received-bad"),
        &later.to_string(),
        at("2026-11-19T08:00:00+07:00"),
    );
    assert_eq!(
        field_errors(&reply),
        pairs(&[
            ("/received_dates/0/on", "impossible_date"),
            ("/received_dates/1/on", "impossible_date"),
            ("/received_dates/2/event", "unknown_value"),
            ("/received_dates/3/on", "invalid_format"),
        ])
    );
    // b has no window.
    let b = post(
        &mut r,
        "/v1/objections",
        Some("key-day-after-b"),
        &objection_body("PPID-2026-000102", "rina.marlina@example.id", &["b"]),
        at("2026-11-19T08:00:00+07:00"),
    );
    assert_eq!(warned(&b), vec![]);
}

#[test]
fn an_unanswered_request_reads_c_open_the_day_after_its_due_date() {
    // PPID-2026-000107: day zero 26 October, notice due Monday 9 November, no notice since.
    let body = objection_body("PPID-2026-000107", "1766", &["c", "g"]);
    let mut r = Reference::demo();
    let on_due_date = post(
        &mut r,
        "/v1/objections",
        Some("key-c-on-due-1"),
        &body,
        at("2026-11-09T14:00:00+07:00"),
    );
    let early = warned(&on_due_date);
    assert_eq!(early.len(), 2);
    assert_eq!(
        (early[0].0.as_str(), early[0].1.as_str()),
        ("c", "looks_early")
    );
    let next_day = post(
        &mut r,
        "/v1/objections",
        Some("key-c-next-day"),
        &body,
        at("2026-11-10T08:00:00+07:00"),
    );
    // The information is still missing after its deadline: g as well as c.
    assert_eq!(warned(&next_day), vec![]);
}

#[test]
fn a_late_notice_reads_g_open_and_an_on_time_one_is_warned_not_refused() {
    let mut r = Reference::demo();
    // PPID-2026-000112: extended in time (due 28 October), answered 4 November.
    let late = post(
        &mut r,
        "/v1/objections",
        Some("key-late-notice"),
        &objection_body(
            "PPID-2026-000112",
            "wulan.sari@example.id",
            &["g", "c", "e"],
        ),
        MONDAY_10AM,
    );
    assert_eq!(warned(&late), vec![]);
    // PPID-2026-000103: answered on 29 October, before its due date.
    let on_time = post(
        &mut r,
        "/v1/objections",
        Some("key-on-time-notice"),
        &objection_body(
            "PPID-2026-000103",
            "lingkar.priangan@example.id",
            &["f", "g", "c"],
        ),
        MONDAY_10AM,
    );
    assert_eq!(
        warned(&on_time),
        vec![w("g", "not_in_record", None), w("c", "not_in_record", None)]
    );
}

#[test]
fn reason_b_needs_no_request_and_every_other_reason_does() {
    let mut r = Reference::demo();
    let item = Seed::demo().unwrap().catalogue[0].id.clone();
    let mut body: serde_json::Value =
        serde_json::from_str(&objection_body("", "", &["b"])).unwrap();
    body.as_object_mut().unwrap().remove("request_number");
    body["catalogue_item_id"] = item.clone().into();
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-b-alone"),
        &body.to_string(),
        MONDAY_10AM,
    );
    assert_eq!(warned(&reply), vec![]);
    let receipt: ObjectionReceipt = decode(&reply);
    assert_eq!(receipt.request_number, "");
    assert!(!reply.body.contains("request_number"), "absent, not empty");
    // The objector finds it with their own contact.
    let lookup = serde_json::json!({"number": receipt.number, "verifier": "siti@example.id"});
    let status: ObjectionStatus = decode(&post(
        &mut r,
        "/v1/objection-lookups",
        None,
        &lookup.to_string(),
        MONDAY_10AM,
    ));
    assert_eq!(status.reasons, vec!["b".to_owned()]);
    // c without a request, or an unknown catalogue item, is malformed.
    body["reasons"] = serde_json::json!(["b", "c"]);
    body["catalogue_item_id"] = "no-such-item".into();
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-b-and-c"),
        &body.to_string(),
        MONDAY_10AM,
    );
    assert_eq!(
        field_errors(&reply),
        pairs(&[
            ("/request_number", "required"),
            ("/catalogue_item_id", "unknown_value")
        ])
    );
}

/// The demo seed with PPID-2026-000103's notice moved to 10 December 2026 (window into 2027).
fn seed_with_december_notice() -> Seed {
    let mut seed = Seed::demo().unwrap();
    let req = seed
        .requests
        .iter_mut()
        .find(|r| r.receipt.number == "PPID-2026-000103")
        .unwrap();
    let notice = req
        .events
        .iter_mut()
        .find(|e| e.kind == EventKind::Notice)
        .unwrap();
    notice.at = "2026-12-10T10:00:00+07:00".into();
    seed
}

#[test]
fn registration_never_waits_for_the_calendar() {
    let mut seed = seed_with_december_notice();
    seed.calendars.retain(|c| c.year != 2027);
    let mut r = Reference::new(seed);
    let body = objection_body("PPID-2026-000103", "lingkar.priangan@example.id", &["d"]);
    let when = at("2026-12-10T11:00:00+07:00");
    // The window of d runs into 2027, which the calendar lacks: registered, without a warning.
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-no-2027-01"),
        &body,
        when,
    );
    assert_eq!(warned(&reply), vec![]);
    // Other field errors are still reported as such.
    let mut invalid: serde_json::Value = serde_json::from_str(&body).unwrap();
    invalid["purpose"] = "".into();
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-no-2027-02"),
        &invalid.to_string(),
        when,
    );
    assert_eq!(field_errors(&reply), pairs(&[("/purpose", "required")]));
    // A request on a day of a year the calendar lacks is registered too (day zero by the law).
    let reply = post(
        &mut r,
        "/v1/requests",
        Some("key-no-2027-03"),
        &valid_request().to_string(),
        at("2027-01-04T10:00:00+07:00"),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(decode::<RequestReceipt>(&reply).counts_from, "2027-01-04");
}

#[test]
fn a_malformed_stored_date_leaves_the_objection_registered_without_warnings() {
    let mut seed = Seed::demo().unwrap();
    seed.requests[2].receipt.counts_from = "19-10-2026".into();
    let number = seed.requests[2].receipt.number.clone();
    let mut r = Reference::new(seed);
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-malformed-1"),
        &objection_body(&number, "lingkar.priangan@example.id", &["a"]),
        MONDAY_10AM,
    );
    assert_eq!(warned(&reply), vec![]);
}

#[test]
fn the_seed_shows_every_outcome_and_every_timeline_state() {
    use crate::domain::objection::{readings, request_clock, Reading, Reason};
    let seed = Seed::demo().unwrap();
    let r = Reference::new(seed.clone());
    let s = &seed.meta.service_standards;
    // The demo's "today" (scripts/gen-seed.py TODAY).
    let today = Date::parse("2026-11-23").unwrap();
    let outcomes: Vec<Outcome> = seed
        .requests
        .iter()
        .flat_map(|q| q.events.iter().filter_map(|e| e.outcome))
        .collect();
    for o in [
        Outcome::Fulfilled,
        Outcome::PartlyFulfilled,
        Outcome::Refused,
        Outcome::NotHeld,
        Outcome::NotYetDocumented,
        Outcome::Forwarded,
    ] {
        assert!(outcomes.contains(&o), "no notice with outcome {o:?}");
    }
    let mut seen = std::collections::BTreeSet::new();
    for q in &seed.requests {
        let st = status_of(q);
        let clock = request_clock(&st, &r.calendar, s, today).unwrap();
        let e = readings(&st, &[], &r.calendar, s, today).unwrap();
        let state = |x: Reason| e.iter().find(|(y, _)| *y == x).unwrap().1.clone();
        if clock.overdue && state(Reason::C).is_open() {
            seen.insert("overdue, c open");
        }
        if clock.overdue && matches!(state(Reason::C), Reading::Late { .. }) {
            seen.insert("overdue, c closed");
        }
        if state(Reason::G).is_open() {
            seen.insert("late notice, g open");
        }
        if clock.extended && clock.notice_on.is_none() && !clock.overdue {
            seen.insert("extended, waiting");
        }
        if matches!(state(Reason::C), Reading::Early { from: Some(_) }) {
            seen.insert("waiting, c opens later");
        }
        if matches!(state(Reason::A), Reading::Late { .. }) {
            seen.insert("notice, window closed");
        }
        if state(Reason::A).is_open() && state(Reason::G) == Reading::NotInRecord {
            seen.insert("notice on time, window open");
        }
    }
    assert_eq!(seen.len(), 7, "only {seen:?}");
}

#[test]
fn the_officer_who_filled_in_a_request_or_objection_is_kept_and_echoed() {
    let mut r = Reference::demo();
    let officer = "Dewi Lestari (NIP 198503122010012004)";
    let mut body = valid_request();
    body["channel"] = "kiosk".into();
    body["assisted"] = true.into();
    body["assisted_by"] = officer.into();
    let reply = post(
        &mut r,
        "/v1/requests",
        Some("key-assisted-r"),
        &body.to_string(),
        MONDAY_10AM,
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let receipt: RequestReceipt = decode(&reply);
    let lookup =
        serde_json::json!({"number": receipt.number, "verifier": "siti@example.id"}).to_string();
    let status: RequestStatus = decode(&post(
        &mut r,
        "/v1/request-lookups",
        None,
        &lookup,
        MONDAY_10AM,
    ));
    assert_eq!(status.assisted_by.as_deref(), Some(officer));

    let mut objection: serde_json::Value =
        serde_json::from_str(&objection_body(&receipt.number, "siti@example.id", &["b"])).unwrap();
    objection["assisted_by"] = officer.into();
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-assisted-o"),
        &objection.to_string(),
        MONDAY_10AM,
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let o: ObjectionReceipt = decode(&reply);
    let lookup = serde_json::json!({"number": o.number, "verifier": "siti@example.id"}).to_string();
    let status: ObjectionStatus = decode(&post(
        &mut r,
        "/v1/objection-lookups",
        None,
        &lookup,
        MONDAY_10AM,
    ));
    assert_eq!(status.assisted_by.as_deref(), Some(officer));

    // Without an officer nothing is echoed; a blank or too long name is refused.
    let plain: RequestReceipt = decode(&post(
        &mut r,
        "/v1/requests",
        Some("key-plain"),
        &valid_request().to_string(),
        MONDAY_10AM,
    ));
    let lookup =
        serde_json::json!({"number": plain.number, "verifier": "siti@example.id"}).to_string();
    let reply = post(&mut r, "/v1/request-lookups", None, &lookup, MONDAY_10AM);
    assert!(!reply.body.contains("assisted_by"), "{}", reply.body);
    for (who, code) in [
        ("  ", field_code::REQUIRED),
        (&*"x".repeat(MAX_ASSISTED_BY + 1), field_code::TOO_LONG),
    ] {
        let mut body = valid_request();
        body["assisted_by"] = who.into();
        let reply = post(
            &mut r,
            "/v1/requests",
            Some(&format!("key-officer-{}", who.len())),
            &body.to_string(),
            MONDAY_10AM,
        );
        assert_eq!(field_errors(&reply), pairs(&[("/assisted_by", code)]));
    }
    let mut body = valid_request();
    body["assisted_by"] = "x".repeat(MAX_ASSISTED_BY).into();
    assert_eq!(
        post(
            &mut r,
            "/v1/requests",
            Some("key-officer-100"),
            &body.to_string(),
            MONDAY_10AM
        )
        .status,
        201
    );
}

// ---------------------------------------------------------------- satisfaction survey (1.2.0)

fn survey(number: &str, verifier: &str, rating: u8, comment: Option<&str>) -> String {
    let mut v = serde_json::json!({"number": number, "verifier": verifier, "rating": rating});
    if let Some(c) = comment {
        v["comment"] = c.into();
    }
    v.to_string()
}

fn looked_up(r: &mut Reference, number: &str, verifier: &str) -> RequestStatus {
    let body = serde_json::json!({"number": number, "verifier": verifier}).to_string();
    decode(&post(r, "/v1/request-lookups", None, &body, MONDAY_10AM))
}

#[test]
fn a_finished_request_takes_one_survey_answer() {
    let mut r = Reference::demo();
    let (number, verifier) = ("PPID-2026-000102", "rina.marlina@example.id");
    let before = looked_up(&mut r, number, verifier);
    assert!(before.is_finished() && !before.survey_answered);
    let body = survey(number, verifier, 4, Some("Cepat dan jelas"));
    let sent = post(
        &mut r,
        "/v1/surveys",
        Some("survey-key-1"),
        &body,
        MONDAY_10AM,
    );
    assert_eq!(sent.status, 201, "{}", sent.body);
    let receipt: SurveyReceipt = decode(&sent);
    assert!(receipt.received_at.starts_with("2026-"));
    // The same key and body: the same answer again, nothing stored twice.
    let again = post(
        &mut r,
        "/v1/surveys",
        Some("survey-key-1"),
        &body,
        MONDAY_10AM,
    );
    assert_eq!((again.status, again.replayed), (201, true));
    assert!(looked_up(&mut r, number, verifier).survey_answered);
    // A second answer (another key): refused, the first one stays.
    let second = post(
        &mut r,
        "/v1/surveys",
        Some("survey-key-2"),
        &survey(number, verifier, 1, None),
        MONDAY_10AM,
    );
    assert_eq!(second.status, 409);
    assert!(second.body.contains(problem_code::SURVEY_CLOSED));
    let kept = r
        .journal()
        .requests
        .iter()
        .find(|q| q.receipt.number == number)
        .and_then(|q| q.survey.clone());
    assert_eq!(
        kept.map(|s| (s.rating, s.comment)),
        Some((4, Some("Cepat dan jelas".into())))
    );
}

#[test]
fn a_survey_needs_a_finished_request_of_the_requester_and_a_rating_from_one_to_five() {
    let mut r = Reference::demo();
    let post_survey = |r: &mut Reference, key: &str, body: String| {
        post(
            r,
            "/v1/surveys",
            Some(&format!("survey-key-{key}")),
            &body,
            MONDAY_10AM,
        )
    };
    // Not finished yet (no written notice).
    let open = post_survey(
        &mut r,
        "a",
        survey("PPID-2026-000101", "dadang.suherman@example.id", 5, None),
    );
    assert_eq!(open.status, 409);
    // Unknown number, or the wrong verifier: the lookup's generic 404.
    assert_eq!(
        post_survey(
            &mut r,
            "b",
            survey("PPID-2026-999999", "x@example.id", 5, None)
        )
        .status,
        404
    );
    assert_eq!(
        post_survey(
            &mut r,
            "c",
            survey("PPID-2026-000102", "someone@example.id", 5, None)
        )
        .status,
        404
    );
    // Out of range, and a comment too long.
    for (key, rating, comment, pointer, code) in [
        ("d", 0, None, "/rating", field_code::OUT_OF_RANGE),
        ("e", 6, None, "/rating", field_code::OUT_OF_RANGE),
        (
            "f",
            3,
            Some("x".repeat(MAX_SURVEY_COMMENT + 1)),
            "/comment",
            field_code::TOO_LONG,
        ),
    ] {
        let reply = post_survey(
            &mut r,
            key,
            survey(
                "PPID-2026-000102",
                "rina.marlina@example.id",
                rating,
                comment.as_deref(),
            ),
        );
        assert_eq!(reply.status, 422, "{key}");
        let p: Problem = decode(&reply);
        assert_eq!(
            p.errors
                .iter()
                .map(|e| (e.pointer.as_str(), e.code.as_str()))
                .collect::<Vec<_>>(),
            [(pointer, code)],
            "{key}"
        );
    }
    // Without the Idempotency-Key header.
    let no_key = post(
        &mut r,
        "/v1/surveys",
        None,
        &survey("PPID-2026-000102", "rina.marlina@example.id", 3, None),
        MONDAY_10AM,
    );
    assert_eq!(no_key.status, 400);
    assert!(
        !looked_up(&mut r, "PPID-2026-000102", "rina.marlina@example.id").survey_answered,
        "nothing stored"
    );
}

// ---------------------------------------------------------------- access tokens and locks (1.4.0)

fn access(r: &mut Reference, path: &str, number: &str, token: &str) -> Reply {
    let body = serde_json::json!({"number": number, "access_token": token}).to_string();
    post(r, path, None, &body, MONDAY_10AM)
}

#[test]
fn a_receipt_s_access_token_opens_its_status_and_nothing_else() {
    let mut r = Reference::demo();
    let reply = post(
        &mut r,
        "/v1/requests",
        Some("key-token-01"),
        &valid_request().to_string(),
        MONDAY_10AM,
    );
    let receipt: RequestReceipt = decode(&reply);
    let token = receipt
        .access_token
        .clone()
        .expect("a token on the receipt");
    assert_eq!(token.len(), 24);
    let opened = access(&mut r, "/v1/request-access", &receipt.number, &token);
    assert_eq!(opened.status, 200, "{}", opened.body);
    let status: RequestStatus = decode(&opened);
    assert_eq!(
        status,
        looked_up(&mut r, &receipt.number, "siti@example.id")
    );
    assert!(!opened.body.contains("3201014508900001"), "never the NIK");

    let miss = post(
        &mut r,
        "/v1/request-lookups",
        None,
        &serde_json::json!({"number": receipt.number, "verifier": "0000"}).to_string(),
        MONDAY_10AM,
    );
    let seeded = "PPID-2026-000101";
    let seeded_token = r.journal().requests[0]
        .receipt
        .access_token
        .clone()
        .unwrap();
    for (number, token) in [
        (receipt.number.as_str(), &token[..23]),
        (receipt.number.as_str(), ""),
        (receipt.number.as_str(), seeded_token.as_str()),
        (seeded, token.as_str()),
        ("PPID-2026-999999", token.as_str()),
    ] {
        let reply = access(&mut r, "/v1/request-access", number, token);
        assert_eq!(reply, miss, "{number} {token}");
    }
    assert_eq!(
        access(&mut r, "/v1/request-access", seeded, &seeded_token).status,
        200
    );
    assert_eq!(
        post(
            &mut r,
            "/v1/request-access",
            None,
            "{\"number\":\"x\"}",
            MONDAY_10AM
        )
        .status,
        422,
        "not an AccessLookup"
    );
}

#[test]
fn a_request_without_a_token_is_never_opened_by_one() {
    let mut seed = Seed::demo().unwrap();
    seed.requests[0].receipt.access_token = None;
    let number = seed.requests[0].receipt.number.clone();
    let mut r = Reference::new(seed);
    for token in ["", "========================", "AAAAAAAAAAAAAAAAAAAAAAAA"] {
        assert_eq!(
            access(&mut r, "/v1/request-access", &number, token).status,
            404
        );
    }
}

#[test]
fn an_objection_s_receipt_opens_its_status_by_token() {
    let mut r = Reference::demo();
    let body = serde_json::json!({
        "request_number": "PPID-2026-000102", "verifier": "rina.marlina@example.id",
        "objector": {"kind": "individual", "name": "Rina Marlina", "nik": "3201014508900001",
                     "address": "Jl. Mawar", "email": "rina.marlina@example.id"},
        "reasons": ["a"], "case_summary": "Alasan penolakan tidak jelas", "purpose": "Penelitian"
    });
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-obj-token"),
        &body.to_string(),
        MONDAY_10AM,
    );
    let receipt: ObjectionReceipt = decode(&reply);
    let token = receipt.access_token.clone().expect("a token");
    let opened = access(&mut r, "/v1/objection-access", &receipt.number, &token);
    assert_eq!(opened.status, 200, "{}", opened.body);
    assert_eq!(decode::<ObjectionStatus>(&opened).number, receipt.number);
    assert!(!opened.body.contains("3201014508900001"));
    assert_eq!(
        access(&mut r, "/v1/objection-access", &receipt.number, "x").status,
        404
    );
    // A request's token does not open an objection of the same number space, nor the reverse.
    let request_token = r.journal().requests[1]
        .receipt
        .access_token
        .clone()
        .unwrap();
    assert_eq!(
        access(
            &mut r,
            "/v1/objection-access",
            &receipt.number,
            &request_token
        )
        .status,
        404
    );
    assert_eq!(
        access(&mut r, "/v1/request-access", "PPID-2026-000102", &token).status,
        404
    );
}

fn lookup_at(r: &mut Reference, path: &str, number: &str, verifier: &str, now: i64) -> Reply {
    let body = serde_json::json!({"number": number, "verifier": verifier}).to_string();
    post(r, path, None, &body, now)
}

#[test]
fn five_wrong_verifiers_lock_a_number_for_fifteen_minutes_but_never_its_link() {
    use super::access::{MAX_WRONG_VERIFIERS, WRONG_VERIFIER_WINDOW_MS};
    assert_eq!(
        (MAX_WRONG_VERIFIERS, WRONG_VERIFIER_WINDOW_MS),
        (5, 900_000)
    );
    let mut r = Reference::demo();
    let (number, verifier) = ("PPID-2026-000102", "rina.marlina@example.id");
    let token = r.journal().requests[1]
        .receipt
        .access_token
        .clone()
        .unwrap();
    for i in 0..5 {
        let t = MONDAY_10AM + i * 60_000;
        let reply = lookup_at(
            &mut r,
            "/v1/request-lookups",
            number,
            &format!("00{i:02}"),
            t,
        );
        assert_eq!(reply.status, 404, "wrong verifier {i}");
    }
    // Locked, even for the right verifier (a lock must not confirm a guess), and in any case.
    let five_min = MONDAY_10AM + 5 * 60_000;
    for n in [number, " ppid-2026-000102 "] {
        let locked = lookup_at(&mut r, "/v1/request-lookups", n, verifier, five_min);
        assert_eq!(locked.status, 429);
        assert_eq!(
            locked.retry_after,
            Some(600),
            "until the first is 15 minutes old"
        );
        assert_eq!(decode::<Problem>(&locked).retry_after, Some(600));
    }
    let survey_body = survey(number, verifier, 5, None);
    let survey_reply = post(
        &mut r,
        "/v1/surveys",
        Some("survey-lock-1"),
        &survey_body,
        five_min,
    );
    assert_eq!(
        survey_reply.status, 429,
        "the survey proves ownership the same way"
    );
    // The link on the receipt still opens it, and so does its token in a survey.
    assert_eq!(
        access(&mut r, "/v1/request-access", number, &token).status,
        200
    );
    let by_token = serde_json::json!({"number": number, "access_token": token, "rating": 4});
    let sent = post(
        &mut r,
        "/v1/surveys",
        Some("survey-lock-2"),
        &by_token.to_string(),
        five_min,
    );
    assert_eq!(sent.status, 201, "{}", sent.body);
    // Other numbers are not locked; this one opens again 15 minutes after the first wrong one.
    assert_eq!(
        lookup_at(
            &mut r,
            "/v1/request-lookups",
            "PPID-2026-000101",
            "dadang.suherman@example.id",
            five_min
        )
        .status,
        200
    );
    let later = MONDAY_10AM + WRONG_VERIFIER_WINDOW_MS;
    assert_eq!(
        lookup_at(&mut r, "/v1/request-lookups", number, verifier, later).status,
        200
    );
}

#[test]
fn a_lock_is_the_same_for_numbers_that_do_not_exist_and_for_objections() {
    let mut r = Reference::demo();
    // A made-up number locks as a real one does, so a lock tells nothing about which exist.
    for _ in 0..5 {
        assert_eq!(
            lookup_at(
                &mut r,
                "/v1/request-lookups",
                "PPID-2026-999999",
                "1234",
                MONDAY_10AM
            )
            .status,
            404
        );
    }
    assert_eq!(
        lookup_at(
            &mut r,
            "/v1/request-lookups",
            "PPID-2026-999999",
            "1234",
            MONDAY_10AM
        )
        .status,
        429
    );
    // Objection lookups count per objection number.
    for _ in 0..5 {
        assert_eq!(
            lookup_at(
                &mut r,
                "/v1/objection-lookups",
                "KEB-2026-000011",
                "x@example.id",
                MONDAY_10AM
            )
            .status,
            404
        );
    }
    let locked = lookup_at(
        &mut r,
        "/v1/objection-lookups",
        "KEB-2026-000011",
        "rina.marlina@example.id",
        MONDAY_10AM,
    );
    assert_eq!(locked.status, 429);
    let token = r.journal().objections[0]
        .receipt
        .access_token
        .clone()
        .unwrap();
    assert_eq!(
        access(&mut r, "/v1/objection-access", "KEB-2026-000011", &token).status,
        200
    );
}

#[test]
fn an_objection_is_never_held_up_by_a_lock_but_its_wrong_verifiers_count() {
    let mut r = Reference::demo();
    let number = "PPID-2026-000102";
    let objection = |verifier: &str| {
        serde_json::json!({
            "request_number": number, "verifier": verifier,
            "objector": {"kind": "individual", "name": "Rina Marlina", "nik": "3201014508900001",
                         "address": "Jl. Mawar", "email": "rina.marlina@example.id"},
            "reasons": ["a"], "case_summary": "Alasan penolakan tidak jelas", "purpose": "Penelitian"
        })
        .to_string()
    };
    for i in 0..5 {
        let reply = post(
            &mut r,
            "/v1/objections",
            Some(&format!("key-guess-{i:02}")),
            &objection("0000"),
            MONDAY_10AM,
        );
        assert_eq!(reply.status, 404);
    }
    // Guessing through objections locked the lookups...
    assert_eq!(
        lookup_at(
            &mut r,
            "/v1/request-lookups",
            number,
            "rina.marlina@example.id",
            MONDAY_10AM
        )
        .status,
        429
    );
    // ...but the requester's own objection is registered all the same.
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-rightful"),
        &objection("rina.marlina@example.id"),
        MONDAY_10AM,
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
}

fn with_attachments(list: serde_json::Value) -> String {
    let mut body = valid_request();
    body["attachments"] = list;
    body.to_string()
}

#[test]
fn attachments_follow_the_contract_rules() {
    let mut r = Reference::demo();
    let ok = serde_json::json!([
        {"role": "identity_card", "file_name": "ktp.jpg", "media_type": "image/jpeg", "content_base64": "/9j/4AAQSkZJRgABAQ=="},
        {"role": "power_of_attorney", "file_name": "kuasa.pdf", "media_type": "application/pdf", "content_base64": "JVBERi0xLjQK"}
    ]);
    let reply = post(
        &mut r,
        "/v1/requests",
        Some("key-attach-01"),
        &with_attachments(ok),
        MONDAY_10AM,
    );
    assert_eq!(reply.status, 201, "{}", reply.body);

    let too_big = "A".repeat((super::attachments::MAX_DECODED_BYTES / 3 + 1) * 4);
    let bad = serde_json::json!([
        {"role": "identity_card", "file_name": "ktp.html", "media_type": "text/html", "content_base64": "PGI+"},
        {"role": "identity_card", "file_name": "ktp.jpg", "media_type": "image/jpeg", "content_base64": "bukan base64!"},
        {"role": "identity_card", "file_name": "ktp.png", "media_type": "image/png", "content_base64": too_big}
    ]);
    let reply = post(
        &mut r,
        "/v1/requests",
        Some("key-attach-02"),
        &with_attachments(bad.clone()),
        MONDAY_10AM,
    );
    assert_eq!(reply.status, 422);
    assert_eq!(
        field_errors(&reply),
        pairs(&[
            ("/attachments/0/media_type", field_code::UNKNOWN_VALUE),
            ("/attachments/1/content_base64", field_code::INVALID_FORMAT),
            ("/attachments/2/content_base64", field_code::TOO_LONG),
        ])
    );
    // The key is not bound by a refusal: the corrected draft goes through with it.
    let fixed = post(
        &mut r,
        "/v1/requests",
        Some("key-attach-02"),
        &valid_request().to_string(),
        MONDAY_10AM,
    );
    assert_eq!(fixed.status, 201);

    // Objections take attachments by the same rules.
    let mut objection: serde_json::Value = serde_json::from_str(&objection_body(
        "PPID-2026-000102",
        "rina.marlina@example.id",
        &["a"],
    ))
    .unwrap();
    objection["attachments"] = serde_json::json!([bad[0]]);
    let reply = post(
        &mut r,
        "/v1/objections",
        Some("key-attach-03"),
        &objection.to_string(),
        MONDAY_10AM,
    );
    assert_eq!(
        field_errors(&reply),
        pairs(&[("/attachments/0/media_type", field_code::UNKNOWN_VALUE)])
    );

    // A backend without `identity_document` accepts and discards them, as the contract says.
    let mut seed = Seed::demo().unwrap();
    seed.meta
        .features
        .retain(|f| f != feature::IDENTITY_DOCUMENT);
    let mut plain = Reference::new(seed);
    let reply = post(
        &mut plain,
        "/v1/requests",
        Some("key-attach-04"),
        &with_attachments(bad),
        MONDAY_10AM,
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert!(plain
        .journal()
        .requests
        .last()
        .unwrap()
        .submission
        .attachments
        .is_empty());
}
