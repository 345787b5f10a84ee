//! The register of published requests, against the demo seed.

use super::*;
use crate::contract::*;

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

fn decode<T: for<'de> Deserialize<'de>>(reply: &Reply) -> T {
    assert_eq!(reply.status, 200, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap_or_else(|e| panic!("{e}: {}", reply.body))
}

fn page(r: &mut Reference, query: &str) -> RegisterPage {
    decode(&get(r, &format!("/v1/register?{query}")))
}

fn ids(p: &RegisterPage) -> Vec<&str> {
    p.entries.iter().map(|e| e.id.as_str()).collect()
}

/// Every entry of a query, page by page.
fn all(r: &mut Reference, query: &str) -> Vec<RegisterSummary> {
    let mut out = Vec::new();
    for n in 1.. {
        let p = page(r, &format!("{query}&per_page=4&page={n}"));
        if p.entries.is_empty() {
            break;
        }
        out.extend(p.entries);
    }
    out
}

fn problem_code_of(reply: &Reply) -> String {
    serde_json::from_str::<Problem>(&reply.body)
        .map(|p| p.code)
        .unwrap_or_default()
}

#[test]
fn the_seed_publishes_what_the_demo_promises() {
    let mut r = Reference::demo();
    let meta: Meta = decode(&get(&mut r, "/v1/meta"));
    assert!(meta.features.iter().any(|f| f == feature::REGISTER));
    let every = all(&mut r, "");
    assert!(every.len() >= 12, "{} entries", every.len());
    let units: std::collections::BTreeSet<_> = every.iter().map(|e| &e.unit_id).collect();
    assert!(units.len() >= 3, "{units:?}");
    for year in ["2025", "2026"] {
        assert!(
            every.iter().any(|e| e.received_on.starts_with(year)),
            "{year}"
        );
    }
    for o in Outcome::ALL {
        assert!(every.iter().any(|e| e.outcome == o), "no {}", o.as_str());
    }
    let refusals = every
        .iter()
        .filter(|e| e.outcome == Outcome::Refused && e.pasal17.is_some())
        .count();
    assert!(refusals >= 2);
    assert!(every.iter().filter(|e| e.late).count() >= 2);
    assert!(every.iter().any(|e| e.documents > 0));
    let objection = every.iter().find_map(|e| e.objection.as_ref()).unwrap();
    assert_ne!(objection.result, FollowUpResult::Pending);
    let dispute = every.iter().find_map(|e| e.dispute.as_ref()).unwrap();
    assert!(dispute.decided_on.is_some());
    for e in &every {
        let url_safe = e.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        assert!(url_safe, "{}", e.id);
    }
    // A citizen typing "APBD 2026" finds a published answer, so does "kecamatan".
    let apbd = page(&mut r, "q=APBD%202026");
    assert!(ids(&apbd).contains(&"R-2026-0002"), "{:?}", ids(&apbd));
    assert!(page(&mut r, "q=kecamatan").total >= 2);
}

#[test]
fn late_and_due_on_follow_the_calendar_not_the_seed() {
    let mut r = Reference::demo();
    let entry = |r: &mut Reference, id: &str| -> RegisterEntry {
        decode(&get(r, &format!("/v1/register/{id}")))
    };
    // 10 working days from Monday 15 September 2025 is Monday 29 September; the notice of
    // Thursday 2 October is late.
    let late = entry(&mut r, "R-2025-0021");
    assert_eq!(late.due_on.as_deref(), Some("2025-09-29"));
    assert_eq!(late.notice_on, "2025-10-02");
    assert!(late.late && !late.extended);
    // Received Monday 2 March 2026, extended in time: 17 working days skip the cuti bersama and
    // the Nyepi and Idulfitri holidays of March, to Wednesday 1 April; the notice of 30 March is in time.
    let extended = entry(&mut r, "R-2026-0007");
    assert_eq!(extended.due_on.as_deref(), Some("2026-04-01"));
    assert!(extended.extended && !extended.late);
    // Extended, and still later than 17 working days (the regency's Hari Jadi on 14 April and
    // the holidays of May skipped).
    let late_extended = entry(&mut r, "R-2026-0011");
    assert!(late_extended.extended && late_extended.late);
    assert_eq!(late_extended.due_on.as_deref(), Some("2026-05-08"));

    // The same request on a calendar that adds a day off before the notice moves the deadline.
    let mut seed = Seed::demo().unwrap();
    let cal = seed.calendars.iter_mut().find(|c| c.year == 2025).unwrap();
    for date in ["2025-09-22", "2025-09-23", "2025-09-24"] {
        cal.days.push(CalendarDay {
            date: date.into(),
            kind: DayKind::Closure,
            name: "Penutupan kantor".into(),
            decree: None,
        });
    }
    let mut moved = Reference::new(seed);
    let e = entry(&mut moved, "R-2025-0021");
    assert_eq!(e.due_on.as_deref(), Some("2025-10-02"));
    assert!(!e.late);
}

#[test]
fn consent_off_is_never_published() {
    let mut seed = Seed::demo().unwrap();
    let allowed: Vec<String> = seed
        .requests
        .iter()
        .filter_map(|r| r.register_id().map(str::to_owned))
        .collect();
    // A request answered, with the office's text written, but the requester said no.
    let withdrawn = seed
        .requests
        .iter_mut()
        .find(|r| r.register_id() == Some("R-2026-0002"))
        .unwrap();
    withdrawn.submission.publish = false;
    let number = withdrawn.receipt.number.clone();
    let mut r = Reference::new(seed);
    assert_eq!(
        get(&mut r, "/v1/register/R-2026-0002").status,
        404,
        "published without consent"
    );
    let every = all(&mut r, "");
    assert_eq!(every.len(), allowed.len() - 1);
    assert!(every.iter().all(|e| e.id != "R-2026-0002"));
    assert_eq!(
        page(&mut r, "q=APBD%202026%20kecamatan%20sukamaju").total,
        0
    );
    let stored = r
        .journal
        .requests
        .iter()
        .find(|q| q.receipt.number == number);
    let status = r.request_status(stored.unwrap());
    assert_eq!((status.publish, status.register_id), (Some(false), None));

    // In the seed: answered without consent, and allowed but not answered yet.
    let mut demo = Reference::demo();
    let status = |r: &Reference, n: &str| {
        let q = r.journal.requests.iter().find(|q| q.receipt.number == n);
        r.request_status(q.unwrap())
    };
    let no = status(&demo, "PPID-2026-000083");
    assert_eq!((no.publish, no.register_id), (Some(false), None));
    let waiting = status(&demo, "PPID-2026-000114");
    assert_eq!((waiting.publish, waiting.register_id), (Some(true), None));
    let yes = status(&demo, "PPID-2026-000007");
    assert_eq!(yes.register_id.as_deref(), Some("R-2026-0002"));
    assert_eq!(get(&mut demo, "/v1/register/R-2026-0002").status, 200);
}

#[test]
fn a_new_request_keeps_the_citizens_choice_and_is_not_published_before_a_notice() {
    let mut r = Reference::demo();
    let before = page(&mut r, "").total;
    for publish in [true, false] {
        let body = serde_json::json!({
            "requester": {"kind": "individual", "name": "Siti Rahma", "nik": "3201014508900001",
                          "address": "Jl. Melati 3, Sukamaju", "phone": "+6281234567890",
                          "email": "siti@example.id"},
            "information": "Salinan APBD 2026",
            "purpose": "Penelitian",
            "obtain": ["soft_copy"],
            "delivery": "email",
            "delivery_email": "siti@example.id",
            "publish": publish
        })
        .to_string();
        let key = format!("register-choice-{publish}");
        let reply = r.handle(
            &Call {
                method: "POST",
                path: "/v1/requests",
                idempotency_key: Some(&key),
                body: &body,
                ..Default::default()
            },
            MONDAY_10AM,
        );
        assert_eq!(reply.status, 201, "{}", reply.body);
        let receipt: RequestReceipt = serde_json::from_str(&reply.body).unwrap();
        let lookup = serde_json::json!({"number": receipt.number, "verifier": "siti@example.id"});
        let reply = r.handle(
            &Call {
                method: "POST",
                path: "/v1/request-lookups",
                body: &lookup.to_string(),
                ..Default::default()
            },
            MONDAY_10AM,
        );
        let status: RequestStatus = decode(&reply);
        assert_eq!((status.publish, status.register_id), (Some(publish), None));
    }
    assert_eq!(page(&mut r, "").total, before);
}

#[test]
fn personal_data_never_reaches_the_register() {
    let mut r = Reference::demo();
    let mut bodies = Vec::new();
    for query in [
        "",
        "sort=oldest&per_page=100",
        "q=kecamatan",
        "outcome=refused",
    ] {
        bodies.push(get(&mut r, &format!("/v1/register?{query}")).body);
    }
    let every = all(&mut r, "");
    for e in &every {
        bodies.push(get(&mut r, &format!("/v1/register/{}", e.id)).body);
    }
    let answers = bodies.concat();
    let seed = Seed::demo().unwrap();
    let mut checked = 0;
    for req in &seed.requests {
        let who = &req.submission.requester;
        let personal = [
            Some(who.name.as_str()),
            who.nik.as_deref(),
            who.group_name.as_deref(),
            who.decree_number.as_deref(),
            who.principal_name.as_deref(),
            Some(who.address.as_str()),
            who.phone.as_deref(),
            who.email.as_deref(),
            req.submission.delivery_email.as_deref(),
            // Not personal data, but either would lead back to the requester.
            Some(req.receipt.number.as_str()),
            req.receipt.access_token.as_deref(),
        ];
        for value in personal.into_iter().flatten().filter(|v| v.len() >= 4) {
            assert!(
                !answers.to_lowercase().contains(&value.to_lowercase()),
                "{} leaks {value:?}",
                req.receipt.number
            );
            checked += 1;
        }
        // Why the requester asked is theirs; the office publishes only what was asked.
        if req.register_id().is_some() {
            assert!(!answers.contains(&req.submission.purpose));
        }
    }
    assert!(checked > 50, "{checked}");
    // No field of any answer holds the requester's identity or the request's number.
    let mut keys = std::collections::BTreeSet::new();
    for body in &bodies {
        collect_keys(&serde_json::from_str(body).unwrap(), &mut keys);
    }
    for field in [
        "requester",
        "nik",
        "address",
        "phone",
        "email",
        "purpose",
        "number",
        "verifier",
        "access_token",
        "delivery_email",
        "objector",
    ] {
        assert!(!keys.contains(field), "a register answer has {field}");
    }
}

fn collect_keys(v: &serde_json::Value, keys: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(o) => {
            for (k, v) in o {
                keys.insert(k.clone());
                collect_keys(v, keys);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect_keys(v, keys)),
        _ => {}
    }
}

#[test]
fn paging_sorting_and_filters_are_total_and_consistent() {
    let mut r = Reference::demo();
    let newest = all(&mut r, "");
    let oldest = all(&mut r, "sort=oldest");
    let first = page(&mut r, "per_page=100");
    assert_eq!(newest.len() as u32, first.total);
    assert_eq!(
        ids(&first),
        newest.iter().map(|e| e.id.as_str()).collect::<Vec<_>>()
    );
    // Every entry once, in order of receipt, ties by id.
    let mut sorted = newest.clone();
    sorted.sort_by(|a, b| b.received_on.cmp(&a.received_on).then(a.id.cmp(&b.id)));
    assert_eq!(newest, sorted);
    let mut sorted = oldest.clone();
    sorted.sort_by(|a, b| a.received_on.cmp(&b.received_on).then(a.id.cmp(&b.id)));
    assert_eq!(oldest, sorted);
    assert_eq!(oldest.len(), newest.len());

    // Page size: the default, the limits, and past the last page.
    let default = page(&mut r, "");
    assert_eq!((default.page, default.per_page), (1, 20));
    assert_eq!(page(&mut r, "per_page=0").per_page, 1);
    assert_eq!(page(&mut r, "per_page=1000").per_page, 100);
    let p2 = page(&mut r, "per_page=5&page=2");
    assert_eq!(
        ids(&p2),
        newest[5..10]
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>()
    );
    let far = page(&mut r, "per_page=5&page=999999999");
    assert!(far.entries.is_empty());
    assert_eq!(far.total, first.total);
    assert_eq!(far.record, first.record);

    // Filters combine, and the record counts every match, not the page.
    let filtered = |r: &mut Reference, q: &str, keep: &dyn Fn(&RegisterSummary) -> bool| {
        let got = all(r, q);
        let want: Vec<_> = newest.iter().filter(|e| keep(e)).cloned().collect();
        assert_eq!(got, want, "{q}");
        assert!(!got.is_empty(), "{q} matches nothing in the seed");
        got
    };
    filtered(&mut r, "unit=bpkad", &|e| e.unit_id == "bpkad");
    filtered(&mut r, "year=2025", &|e| e.received_on.starts_with("2025"));
    filtered(&mut r, "outcome=partly_fulfilled", &|e| {
        e.outcome == Outcome::PartlyFulfilled
    });
    filtered(&mut r, "year=2026&unit=bpkad&outcome=fulfilled", &|e| {
        e.received_on.starts_with("2026") && e.unit_id == "bpkad" && e.outcome == Outcome::Fulfilled
    });
    // Text: case, accents and word prefixes, over the information and the unit's name.
    filtered(&mut r, "q=MUSRENBANG%20cib%C3%A9ning", &|e| {
        e.id == "R-2026-0014"
    });
    filtered(&mut r, "q=kesehat", &|e| e.unit_id == "dinkes");
    assert_eq!(page(&mut r, "q=zzz%20tidak%20ada").total, 0);
    assert_eq!(
        page(&mut r, "q=zzz%20tidak%20ada").record,
        RegisterRecord::default()
    );

    let one_page = page(&mut r, "year=2026&per_page=2");
    let year_2026 = all(&mut r, "year=2026");
    assert_eq!(one_page.total as usize, year_2026.len());
    let record = &one_page.record;
    assert_eq!(record.answered, one_page.total);
    assert_eq!(record.on_time + record.late, record.answered);
    let by_outcome = record.fulfilled
        + record.partly_fulfilled
        + record.refused
        + record.not_held
        + record.not_yet_documented
        + record.forwarded;
    assert_eq!(by_outcome, record.answered);
    let count =
        |f: &dyn Fn(&RegisterSummary) -> bool| year_2026.iter().filter(|e| f(e)).count() as u32;
    assert_eq!(record.late, count(&|e| e.late));
    assert_eq!(record.refused, count(&|e| e.outcome == Outcome::Refused));
    assert_eq!(record.objections, count(&|e| e.objection.is_some()));
    assert_eq!(record.disputes, count(&|e| e.dispute.is_some()));
    let letters: u32 = record.refused_by_pasal17.values().sum();
    assert_eq!(letters, count(&|e| e.pasal17.is_some()));
    assert_eq!(record.refused_by_pasal17.get("h"), Some(&2));
}

#[test]
fn an_entry_in_full_agrees_with_its_summary() {
    let mut r = Reference::demo();
    for s in all(&mut r, "") {
        let e: RegisterEntry = decode(&get(&mut r, &format!("/v1/register/{}", s.id)));
        assert_eq!(super::register::summary_of(&e), s);
        assert_eq!(
            e.timeline.first().map(|t| t.kind),
            Some(RegisterEventKind::Received)
        );
        assert!(e
            .timeline
            .iter()
            .any(|t| t.kind == RegisterEventKind::Notice));
        assert!(
            e.timeline.windows(2).all(|w| w[0].on <= w[1].on),
            "{}",
            e.id
        );
        assert!(
            e.due_on.is_some(),
            "{}: the seed's calendar covers it",
            e.id
        );
        if e.pasal17.is_some() {
            assert!(matches!(
                e.outcome,
                Outcome::Refused | Outcome::PartlyFulfilled
            ));
        }
    }
    let disputed: RegisterEntry = decode(&get(&mut r, "/v1/register/R-2026-0005"));
    let kinds: Vec<_> = disputed.timeline.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            RegisterEventKind::Received,
            RegisterEventKind::Notice,
            RegisterEventKind::ObjectionFiled,
            RegisterEventKind::ObjectionAnswered,
            RegisterEventKind::DisputeFiled,
            RegisterEventKind::DisputeDecided,
        ]
    );
    let released: RegisterEntry = decode(&get(&mut r, "/v1/register/R-2026-0002"));
    assert_eq!(released.documents.len(), 2);
    assert_eq!(released.catalogue_item_id.as_deref(), Some("dip-2026-002"));
}

#[test]
fn an_objection_on_record_is_the_entrys_objection() {
    let mut seed = Seed::demo().unwrap();
    // The existing objection to PPID-2026-000102 (answered, not upheld); publish that request.
    let req = seed
        .requests
        .iter_mut()
        .find(|r| r.receipt.number == "PPID-2026-000102")
        .unwrap();
    req.submission.publish = true;
    req.publication = Some(Publication {
        id: "R-2026-0099".into(),
        information: "Data pasien demam berdarah per desa.".into(),
        notice_summary: None,
        documents: vec![],
        catalogue_item_id: None,
        objection: None,
        dispute: None,
    });
    let mut r = Reference::new(seed);
    let e: RegisterEntry = decode(&get(&mut r, "/v1/register/R-2026-0099"));
    let o = e.objection.expect("the stored objection");
    assert_eq!(
        (o.filed_on.as_str(), o.result, o.decided_on.as_deref()),
        ("2026-10-13", FollowUpResult::Rejected, Some("2026-11-10"))
    );
}

#[test]
fn unknown_entries_bad_queries_and_methods_are_problems() {
    let mut r = Reference::demo();
    for id in ["R-2026-9999", "PPID-2026-000007", "r-2026-0002"] {
        let reply = get(&mut r, &format!("/v1/register/{id}"));
        assert_eq!(
            (reply.status, problem_code_of(&reply).as_str()),
            (404, "not_found"),
            "{id}"
        );
    }
    for (query, pointer) in [
        ("outcome=maybe", "/outcome"),
        ("year=dua-ribu", "/year"),
        ("sort=title", "/sort"),
        ("page=-1", "/page"),
        ("per_page=abc", "/per_page"),
    ] {
        let reply = get(&mut r, &format!("/v1/register?{query}"));
        assert_eq!(reply.status, 400, "{query}");
        let p: Problem = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(p.code, problem_code::VALIDATION);
        assert_eq!(p.errors[0].pointer, pointer);
    }
    let post = r.handle(
        &Call {
            method: "POST",
            path: "/v1/register",
            body: "{}",
            ..Default::default()
        },
        MONDAY_10AM,
    );
    assert_eq!(post.status, 405);
    let delete = r.handle(
        &Call {
            method: "DELETE",
            path: "/v1/register/R-2026-0002",
            ..Default::default()
        },
        MONDAY_10AM,
    );
    assert_eq!(delete.status, 405);
}

#[test]
fn a_backend_without_the_feature_has_no_register() {
    let mut seed = Seed::demo().unwrap();
    seed.meta.features.retain(|f| f != feature::REGISTER);
    let mut r = Reference::new(seed);
    for path in ["/v1/register", "/v1/register/R-2026-0002"] {
        let reply = get(&mut r, path);
        assert_eq!(
            (reply.status, problem_code_of(&reply).as_str()),
            (404, problem_code::FEATURE_UNSUPPORTED),
            "{path}"
        );
    }
    // Its statuses still say what the requester chose, and never an entry.
    let stored = r
        .journal
        .requests
        .iter()
        .find(|q| q.receipt.number == "PPID-2026-000007");
    let status = r.request_status(stored.unwrap());
    assert_eq!((status.publish, status.register_id), (None, None));
}

#[test]
fn a_restored_journal_from_before_the_register_still_publishes_the_seed() {
    let mut r = Reference::demo();
    let before = page(&mut r, "").total;
    let mut old = r.journal().clone();
    old.requests.retain(|q| q.publication.is_none());
    r.restore(old);
    assert_eq!(page(&mut r, "").total, before);
}
