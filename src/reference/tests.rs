use super::*;

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
fn after_closing_time_counts_from_the_next_working_day() {
    let mut r = Reference::demo();
    let evening = MONDAY_10AM + 8 * 3_600_000; // 18:00
    let receipt: RequestReceipt = decode(&post(
        &mut r,
        "/v1/requests",
        Some("key-evening-01"),
        &valid_request().to_string(),
        evening,
    ));
    assert_eq!(receipt.counts_from, "2026-11-24");
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
        "objector": valid_request()["requester"], "reasons": ["c"],
        "case_summary": "Belum dijawab", "purpose": "Penelitian"
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
fn query_strings_round_trip() {
    let q = CatalogueQuery {
        q: Some("anggaran café & co".into()),
        year: Some(2026),
        ..Default::default()
    };
    assert_eq!(
        parse_catalogue_query(&encode_catalogue_query(&q)).unwrap(),
        q
    );
    assert_eq!(percent_decode("a%2"), "a%2");
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
