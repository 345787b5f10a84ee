//! Shared by `json_codec.rs` and `json_fuzz.rs`: the portal's codec (`ppid_portal::json`) next to
//! serde on the same document, and a corpus of real documents (contract examples, the demo seed,
//! the reference backend's replies, the worker protocol).
#![allow(dead_code)] // each test file uses a different part

use ppid_portal::contract::{self as c};
use ppid_portal::domain::draft::RequestDraft;
use ppid_portal::json::{self, FromJson};
use ppid_portal::reference::worker::{FromWorker, ToWorker, WireExchange, WorkerHost};
use ppid_portal::reference::{Call, Reference, Seed};
use serde::de::DeserializeOwned;
use serde_json::Value as Json;
use std::fmt::Debug;

/// How the two decoders answered one document.
#[derive(Debug)]
pub enum Verdict {
    /// Both decoded, to equal values.
    Same,
    /// Both rejected it.
    BothReject,
    /// Only serde decoded it; our error.
    SerdeOnly(json::Error),
    /// Only ours decoded it; serde's error. Never acceptable.
    OursOnly(String),
    /// Both decoded, to different values. Never acceptable.
    Differ(String),
}

/// Decodes `text` as `T` with both codecs.
pub fn compare<T: FromJson + DeserializeOwned + PartialEq + Debug>(text: &str) -> Verdict {
    match (json::from_str::<T>(text), serde_json::from_str::<T>(text)) {
        (Ok(a), Ok(b)) if a == b => Verdict::Same,
        (Ok(a), Ok(b)) => Verdict::Differ(format!("ours {a:?}\nserde {b:?}")),
        (Err(_), Err(_)) => Verdict::BothReject,
        (Err(e), Ok(_)) => Verdict::SerdeOnly(e),
        (Ok(_), Err(e)) => Verdict::OursOnly(e.to_string()),
    }
}

/// One type the portal decodes, by its schema name.
pub type Comparer = fn(&str) -> Verdict;

/// Every contract type (by its name in `components/schemas`), the worker messages and the draft.
pub const TYPES: &[(&str, Comparer)] = &[
    ("Meta", compare::<c::Meta>),
    ("PublicBody", compare::<c::PublicBody>),
    ("OfficeHours", compare::<c::OfficeHours>),
    ("ServiceStandards", compare::<c::ServiceStandards>),
    ("DeadlineRules", compare::<c::DeadlineRules>),
    ("ServiceCharter", compare::<c::ServiceCharter>),
    ("CharterElement", compare::<c::CharterElement>),
    ("Calendar", compare::<c::Calendar>),
    ("CalendarDay", compare::<c::CalendarDay>),
    ("DayKind", compare::<c::DayKind>),
    ("UnitList", compare::<c::UnitList>),
    ("Unit", compare::<c::Unit>),
    ("InformationClass", compare::<c::InformationClass>),
    ("CatalogueQuery", compare::<c::CatalogueQuery>),
    ("CatalogueSort", compare::<c::CatalogueSort>),
    ("CataloguePage", compare::<c::CataloguePage>),
    ("ClassCounts", compare::<c::ClassCounts>),
    ("CatalogueSummary", compare::<c::CatalogueSummary>),
    ("CatalogueItem", compare::<c::CatalogueItem>),
    ("InformationForm", compare::<c::InformationForm>),
    ("CatalogueFile", compare::<c::CatalogueFile>),
    ("Exemption", compare::<c::Exemption>),
    ("AnnouncementList", compare::<c::AnnouncementList>),
    ("Announcement", compare::<c::Announcement>),
    ("RequesterKind", compare::<c::RequesterKind>),
    ("Requester", compare::<c::Requester>),
    ("Attachment", compare::<c::Attachment>),
    ("AttachmentRole", compare::<c::AttachmentRole>),
    ("ObtainMethod", compare::<c::ObtainMethod>),
    ("Delivery", compare::<c::Delivery>),
    ("Channel", compare::<c::Channel>),
    ("RequestSubmission", compare::<c::RequestSubmission>),
    ("RequestReceipt", compare::<c::RequestReceipt>),
    ("Lookup", compare::<c::Lookup>),
    ("AccessLookup", compare::<c::AccessLookup>),
    ("RequestStatus", compare::<c::RequestStatus>),
    ("SurveySubmission", compare::<c::SurveySubmission>),
    ("SurveyReceipt", compare::<c::SurveyReceipt>),
    ("RequestEvent", compare::<c::RequestEvent>),
    ("EventKind", compare::<c::EventKind>),
    ("Outcome", compare::<c::Outcome>),
    ("ObjectionSubmission", compare::<c::ObjectionSubmission>),
    ("ObjectionReceipt", compare::<c::ObjectionReceipt>),
    ("ObjectionStatus", compare::<c::ObjectionStatus>),
    ("ObjectionAnswer", compare::<c::ObjectionAnswer>),
    ("Statistics", compare::<c::Statistics>),
    ("YearStatistics", compare::<c::YearStatistics>),
    ("UnitStatistics", compare::<c::UnitStatistics>),
    ("ServiceFigures", compare::<c::ServiceFigures>),
    ("RegisterSort", compare::<c::RegisterSort>),
    ("RegisterPage", compare::<c::RegisterPage>),
    ("RegisterRecord", compare::<c::RegisterRecord>),
    ("RegisterSummary", compare::<c::RegisterSummary>),
    ("RegisterEntry", compare::<c::RegisterEntry>),
    ("RegisterEvent", compare::<c::RegisterEvent>),
    ("RegisterEventKind", compare::<c::RegisterEventKind>),
    ("FollowUp", compare::<c::FollowUp>),
    ("FollowUpResult", compare::<c::FollowUpResult>),
    ("Problem", compare::<c::Problem>),
    ("FieldError", compare::<c::FieldError>),
    ("ToWorker", compare::<ToWorker>),
    ("WireExchange", compare::<WireExchange>),
    ("FromWorker", compare::<FromWorker>),
    ("RequestDraft", compare::<RequestDraft>),
];

/// The comparer for a type name.
pub fn comparer(name: &str) -> Comparer {
    TYPES
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no comparer for {name}"))
        .1
}

/// A real document and the type it is an instance of.
#[derive(Clone, Debug)]
pub struct Doc {
    pub source: String,
    pub ty: &'static str,
    pub text: String,
}

fn type_name(name: &str) -> &'static str {
    TYPES
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("{name} is not a known type"))
        .0
}

fn doc(source: impl Into<String>, ty: &str, value: &Json) -> Doc {
    Doc {
        source: source.into(),
        ty: type_name(ty),
        text: value.to_string(),
    }
}

// ---------------------------------------------------------------- the contract's examples

/// `contract/openapi.yaml` as JSON.
pub fn spec() -> Json {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/contract/openapi.yaml");
    let text = std::fs::read_to_string(path).expect("contract/openapi.yaml");
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).expect("YAML");
    serde_json::to_value(yaml).expect("YAML maps to JSON")
}

/// Every named example in `contract/openapi.yaml` whose media type or parameter schema is a
/// `$ref` to `components/schemas` (inline parameter schemas are plain strings and integers).
pub fn openapi_examples() -> Vec<Doc> {
    let mut out = Vec::new();
    collect(&spec(), "", &mut out);
    out
}

/// The documents and, following the schemas, every nested value that is itself a contract type
/// (a `Requester` inside a `RequestSubmission`, each `CatalogueFile` of an item, ...).
pub fn with_parts(docs: Vec<Doc>) -> Vec<Doc> {
    let spec = spec();
    let schemas = &spec["components"]["schemas"];
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for d in docs {
        let value: Json = serde_json::from_str(&d.text).expect("corpus documents are JSON");
        split(schemas, &d.source, d.ty, &value, &mut seen, &mut out);
        if seen.insert((d.ty, d.text.clone())) {
            out.push(d);
        }
    }
    out
}

fn split(
    schemas: &Json,
    source: &str,
    ty: &'static str,
    value: &Json,
    seen: &mut std::collections::BTreeSet<(&'static str, String)>,
    out: &mut Vec<Doc>,
) {
    let Some(props) = schemas[ty]["properties"].as_object() else {
        return;
    };
    for (name, prop) in props {
        let Some(v) = value.get(name).filter(|v| !v.is_null()) else {
            continue;
        };
        let refs = [
            &prop["$ref"],
            &prop["items"]["$ref"],
            &prop["anyOf"][0]["$ref"],
            &prop["anyOf"][1]["$ref"],
        ];
        let Some(inner) = refs
            .iter()
            .find_map(|r| r.as_str()?.strip_prefix("#/components/schemas/"))
        else {
            continue;
        };
        let inner = type_name(inner);
        let items: Vec<&Json> = match v {
            Json::Array(items) if prop["type"] == "array" => items.iter().collect(),
            v => vec![v],
        };
        for (i, item) in items.into_iter().enumerate() {
            let at = format!("{source} /{name}/{i}");
            split(schemas, &at, inner, item, seen, out);
            if seen.insert((inner, item.to_string())) {
                out.push(doc(at, inner, item));
            }
        }
    }
}

fn collect(node: &Json, at: &str, out: &mut Vec<Doc>) {
    match node {
        Json::Object(map) => {
            let schema = map
                .get("schema")
                .and_then(|s| s.get("$ref"))
                .and_then(Json::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"));
            if let (Some(schema), Some(Json::Object(examples))) = (schema, map.get("examples")) {
                for (name, example) in examples {
                    if let Some(value) = example.get("value") {
                        out.push(doc(format!("openapi {at} example {name}"), schema, value));
                    }
                }
            }
            for (k, v) in map {
                collect(v, &format!("{at}/{k}"), out);
            }
        }
        Json::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------- the demo seed

/// The parts of `src/reference/seed.json` that are contract types.
pub fn seed_documents() -> Vec<Doc> {
    let seed: Json =
        serde_json::from_str(ppid_portal::reference::seed::DEMO_SEED_JSON).expect("seed.json");
    let mut out = vec![
        doc("seed meta", "Meta", &seed["meta"]),
        doc("seed statistics", "Statistics", &seed["statistics"]),
    ];
    let lists = [
        ("calendars", "Calendar"),
        ("units", "Unit"),
        ("catalogue", "CatalogueItem"),
        ("announcements", "Announcement"),
    ];
    for (key, ty) in lists {
        for (i, v) in seed[key].as_array().expect(key).iter().enumerate() {
            out.push(doc(format!("seed {key}/{i}"), ty, v));
        }
    }
    for (i, r) in seed["requests"]
        .as_array()
        .expect("requests")
        .iter()
        .enumerate()
    {
        out.push(doc(
            format!("seed requests/{i}/receipt"),
            "RequestReceipt",
            &r["receipt"],
        ));
        out.push(doc(
            format!("seed requests/{i}/submission"),
            "RequestSubmission",
            &r["submission"],
        ));
        for (j, e) in r["events"].as_array().expect("events").iter().enumerate() {
            out.push(doc(
                format!("seed requests/{i}/events/{j}"),
                "RequestEvent",
                e,
            ));
        }
    }
    for (i, o) in seed["objections"]
        .as_array()
        .expect("objections")
        .iter()
        .enumerate()
    {
        out.push(doc(
            format!("seed objections/{i}/receipt"),
            "ObjectionReceipt",
            &o["receipt"],
        ));
        out.push(doc(
            format!("seed objections/{i}/submission"),
            "ObjectionSubmission",
            &o["submission"],
        ));
        if !o["answer"].is_null() {
            out.push(doc(
                format!("seed objections/{i}/answer"),
                "ObjectionAnswer",
                &o["answer"],
            ));
        }
    }
    out
}

// ---------------------------------------------------------------- the reference backend

/// Monday 2026-11-23 10:00 +07:00, as in the reference tests.
pub const NOW: i64 = 1_795_402_800_000;

fn call(
    r: &mut Reference,
    method: &str,
    path_and_query: &str,
    key: Option<&str>,
    body: &str,
) -> (u16, String) {
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let reply = r.handle(
        &Call {
            method,
            path,
            query,
            idempotency_key: key,
            body,
        },
        NOW,
    );
    (reply.status, reply.body)
}

/// A valid request body from the reference tests.
pub fn valid_request() -> Json {
    serde_json::json!({
        "requester": {"kind": "individual", "name": "Siti Rahma", "nik": "3201014508900001",
                      "address": "Jl. Melati 3, Sukamaju", "phone": "+6281234567890", "email": "siti@example.id"},
        "information": "Salinan APBD 2026 \"final\"\nhalaman 1–3 😀",
        "purpose": "Penelitian",
        "obtain": ["soft_copy"],
        "delivery": "email",
        "delivery_email": "siti@example.id"
    })
}

/// Real replies of the reference backend (`Reference::handle`) over every operation, success and
/// error, each with the type the portal decodes it into (`Problem` for every error status).
pub fn reference_replies() -> Vec<Doc> {
    let seed = Seed::demo().expect("demo seed");
    let mut r = Reference::demo();
    let mut calls: Vec<(&'static str, String, Option<String>, String, &'static str)> = vec![
        ("GET", "/v1/meta".into(), None, String::new(), "Meta"),
        (
            "GET",
            "/v1/calendar/2026".into(),
            None,
            String::new(),
            "Calendar",
        ),
        (
            "GET",
            "/v1/calendar/2027".into(),
            None,
            String::new(),
            "Calendar",
        ),
        (
            "GET",
            "/v1/calendar/1999".into(),
            None,
            String::new(),
            "Calendar",
        ),
        (
            "GET",
            "/v1/calendar/abc".into(),
            None,
            String::new(),
            "Calendar",
        ),
        ("GET", "/v1/units".into(), None, String::new(), "UnitList"),
        (
            "GET",
            "/v1/announcements".into(),
            None,
            String::new(),
            "AnnouncementList",
        ),
        (
            "GET",
            "/v1/statistics".into(),
            None,
            String::new(),
            "Statistics",
        ),
        ("GET", "/v1/nothing".into(), None, String::new(), "Meta"),
        ("POST", "/v1/meta".into(), None, String::new(), "Meta"),
    ];
    for q in [
        "",
        "per_page=100",
        "per_page=5&page=2",
        "class=dikecualikan&per_page=100",
        "class=serta_merta",
        "q=ANGG&per_page=100",
        "q=zzzzqx",
        "sort=title&per_page=100",
        "class=rahasia",
        "page=0",
    ] {
        let path = format!("/v1/catalogue?{q}");
        calls.push(("GET", path, None, String::new(), "CataloguePage"));
    }
    for q in [
        "",
        "per_page=100",
        "per_page=3&page=2&sort=oldest",
        "q=APBD%202026",
        "outcome=refused&year=2026",
        "q=zzzzqx",
        "outcome=maybe",
    ] {
        let path = format!("/v1/register?{q}");
        calls.push(("GET", path, None, String::new(), "RegisterPage"));
    }
    for id in seed.requests.iter().filter_map(|r| r.register_id()) {
        let path = format!("/v1/register/{id}");
        calls.push(("GET", path, None, String::new(), "RegisterEntry"));
    }
    calls.push((
        "GET",
        "/v1/register/R-0000-0000".into(),
        None,
        String::new(),
        "RegisterEntry",
    ));
    for item in &seed.catalogue {
        let path = format!(
            "/v1/catalogue/{}",
            ppid_portal::contract::url::percent_encode(&item.id)
        );
        calls.push(("GET", path, None, String::new(), "CatalogueItem"));
    }
    calls.push((
        "GET",
        "/v1/catalogue/no-such-item".into(),
        None,
        String::new(),
        "CatalogueItem",
    ));
    let body = valid_request().to_string();
    calls.push((
        "POST",
        "/v1/requests".into(),
        Some("key-codec-01".into()),
        body.clone(),
        "RequestReceipt",
    ));
    calls.push((
        "POST",
        "/v1/requests".into(),
        Some("key-codec-01".into()),
        body,
        "RequestReceipt",
    ));
    let mut other = valid_request();
    other["purpose"] = "Lain".into();
    calls.push((
        "POST",
        "/v1/requests".into(),
        Some("key-codec-01".into()),
        other.to_string(),
        "RequestReceipt",
    ));
    calls.push((
        "POST",
        "/v1/requests".into(),
        None,
        valid_request().to_string(),
        "RequestReceipt",
    ));
    let mut invalid = valid_request();
    invalid["requester"]["nik"] = "123".into();
    invalid["purpose"] = "".into();
    invalid["delivery_email"] = Json::Null;
    calls.push((
        "POST",
        "/v1/requests".into(),
        Some("key-codec-02".into()),
        invalid.to_string(),
        "RequestReceipt",
    ));
    calls.push((
        "POST",
        "/v1/requests".into(),
        Some("key-codec-03".into()),
        "{nope".into(),
        "RequestReceipt",
    ));
    calls.push((
        "POST",
        "/v1/requests".into(),
        Some("key-codec-04".into()),
        "{\"requester\":7}".into(),
        "RequestReceipt",
    ));
    for stored in &seed.requests {
        let requester = &stored.submission.requester;
        let verifier = requester.email.clone().unwrap_or_else(|| {
            let phone = requester.phone.clone().unwrap_or_default();
            phone
                .chars()
                .rev()
                .take(4)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect()
        });
        let lookup = serde_json::json!({"number": stored.receipt.number, "verifier": verifier});
        calls.push((
            "POST",
            "/v1/request-lookups".into(),
            None,
            lookup.to_string(),
            "RequestStatus",
        ));
    }
    for stored in &seed.objections {
        let request = seed
            .requests
            .iter()
            .find(|r| r.receipt.number == stored.receipt.request_number);
        let verifier = request
            .and_then(|r| r.submission.requester.email.clone())
            .unwrap_or_default();
        let lookup = serde_json::json!({"number": stored.receipt.number, "verifier": verifier});
        calls.push((
            "POST",
            "/v1/objection-lookups".into(),
            None,
            lookup.to_string(),
            "ObjectionStatus",
        ));
    }
    let wrong = serde_json::json!({"number": "nope", "verifier": "x@example.id"}).to_string();
    calls.push((
        "POST",
        "/v1/request-lookups".into(),
        None,
        wrong.clone(),
        "RequestStatus",
    ));
    calls.push((
        "POST",
        "/v1/objection-lookups".into(),
        None,
        wrong,
        "ObjectionStatus",
    ));
    calls.push((
        "POST",
        "/v1/request-lookups".into(),
        None,
        "[]".into(),
        "RequestStatus",
    ));

    let mut out = Vec::new();
    for (method, path, key, body, ty) in calls {
        let (status, reply) = call(&mut r, method, &path, key.as_deref(), &body);
        let ty = if (200..300).contains(&status) {
            ty
        } else {
            "Problem"
        };
        out.push(Doc {
            source: format!("reference {method} {path} -> {status}"),
            ty: type_name(ty),
            text: reply,
        });
    }

    // An objection on a request made in this session, and its lookup.
    let (_, receipt) = call(
        &mut r,
        "POST",
        "/v1/requests",
        Some("key-codec-10"),
        &valid_request().to_string(),
    );
    let receipt: c::RequestReceipt = serde_json::from_str(&receipt).expect("receipt");
    // Reasons that are not open yet on a new request: a problem with `not_eligible` field errors.
    let too_early = serde_json::json!({
        "request_number": receipt.number, "verifier": "siti@example.id",
        "objector": valid_request()["requester"], "reasons": ["a", "c"],
        "case_summary": "Belum dijawab", "purpose": "Penelitian"
    });
    let (status, reply) = call(
        &mut r,
        "POST",
        "/v1/objections",
        Some("key-codec-12"),
        &too_early.to_string(),
    );
    out.push(Doc {
        source: format!("reference POST /v1/objections (not open) -> {status}"),
        ty: if status == 201 {
            "ObjectionReceipt"
        } else {
            "Problem"
        },
        text: reply,
    });
    // Reason b (periodic information not published) is open at any time.
    let objection = serde_json::json!({
        "request_number": receipt.number, "verifier": "siti@example.id",
        "objector": valid_request()["requester"], "reasons": ["b"],
        "case_summary": "Informasi berkala belum diumumkan", "purpose": "Penelitian"
    });
    let (status, reply) = call(
        &mut r,
        "POST",
        "/v1/objections",
        Some("key-codec-11"),
        &objection.to_string(),
    );
    out.push(Doc {
        source: format!("reference POST /v1/objections -> {status}"),
        ty: if status == 201 {
            "ObjectionReceipt"
        } else {
            "Problem"
        },
        text: reply.clone(),
    });
    if let Ok(o) = serde_json::from_str::<c::ObjectionReceipt>(&reply) {
        let lookup = serde_json::json!({"number": o.number, "verifier": "siti@example.id"});
        let (status, reply) = call(
            &mut r,
            "POST",
            "/v1/objection-lookups",
            None,
            &lookup.to_string(),
        );
        out.push(Doc {
            source: format!("reference POST /v1/objection-lookups -> {status}"),
            ty: if status == 200 {
                "ObjectionStatus"
            } else {
                "Problem"
            },
            text: reply,
        });
    }
    let lookup = serde_json::json!({"number": receipt.number, "verifier": "siti@example.id"});
    let (status, reply) = call(
        &mut r,
        "POST",
        "/v1/request-lookups",
        None,
        &lookup.to_string(),
    );
    out.push(Doc {
        source: format!("reference POST /v1/request-lookups (new) -> {status}"),
        ty: if status == 200 {
            "RequestStatus"
        } else {
            "Problem"
        },
        text: reply,
    });
    out
}

// ---------------------------------------------------------------- the worker protocol

/// Messages the demo worker (`WorkerHost`, serde) sends back for messages the portal encodes.
pub fn worker_replies() -> Vec<Doc> {
    let mut host = WorkerHost::new();
    let mut out = vec![Doc {
        source: "worker ready".into(),
        ty: "FromWorker",
        text: FromWorker::ready(),
    }];
    let mut send = |source: &str, msg: &ToWorker| {
        if let Some(ex) = &msg.exchange {
            out.push(Doc {
                source: format!("portal {source} exchange"),
                ty: "WireExchange",
                text: json::to_string(ex),
            });
        }
        let text = json::to_string(msg);
        out.push(Doc {
            source: format!("portal {source}"),
            ty: "ToWorker",
            text: text.clone(),
        });
        out.push(Doc {
            source: format!("worker reply to {source}"),
            ty: "FromWorker",
            text: host.handle(&text, NOW),
        });
    };
    let exchange = |method: &str, path: &str, key: Option<&str>, body: Option<String>| ToWorker {
        id: 7,
        exchange: Some(WireExchange {
            method: method.into(),
            path: path.into(),
            idempotency_key: key.map(Into::into),
            body,
        }),
        ..Default::default()
    };
    send(
        "meta before the seed",
        &exchange("GET", "/v1/meta", None, None),
    );
    send(
        "start",
        &ToWorker {
            id: 1,
            seed: Some(ppid_portal::reference::seed::DEMO_SEED_JSON.into()),
            journal: None,
            exchange: None,
        },
    );
    send("meta", &exchange("GET", "/v1/meta", None, None));
    send(
        "request",
        &exchange(
            "POST",
            "/v1/requests",
            Some("key-worker-codec"),
            Some(valid_request().to_string()),
        ),
    );
    send(
        "catalogue",
        &exchange("GET", "/v1/catalogue?per_page=3", None, None),
    );
    send(
        "garbage body",
        &exchange(
            "POST",
            "/v1/requests",
            Some("key-worker-garbage"),
            Some("\u{0}".into()),
        ),
    );
    out.push(Doc {
        source: "worker reply to garbage".into(),
        ty: "FromWorker",
        text: host.handle("{not json", NOW),
    });
    out
}

/// Drafts as the request pages keep them, encoded by the portal.
pub fn drafts() -> Vec<RequestDraft> {
    vec![
        RequestDraft::default(),
        RequestDraft {
            kind: Some(c::RequesterKind::Proxy),
            name: "Siti \"Ina\" Rahma\\".into(),
            nik: "3201014508900001".into(),
            principal_name: "PT Maju / Jaya".into(),
            address: "Jl. Melati 3\nRT 01/RW 02\tSukamaju 😀 \u{1}".into(),
            phone: "0812-3456-7890".into(),
            email: "siti@example.id".into(),
            information: "Salinan APBD 2026 — halaman 1–3".into(),
            catalogue_item_id: "dip-2026/01".into(),
            purpose: "Penelitian".into(),
            soft_copy: true,
            hard_copy: true,
            delivery: Some(c::Delivery::Courier),
            delivery_address: "Jl. Kenanga 5".into(),
            idempotency_key: "k-123".into(),
            ..Default::default()
        },
    ]
}

/// Queries are sent in the URL, not as JSON; their decoder is checked on these.
pub fn queries() -> Vec<Doc> {
    [
        "{}",
        r#"{"class":"berkala","q":"anggaran café","unit":"bpkad","year":2026,"format":"pdf","sort":"title","page":2,"per_page":100}"#,
        r#"{"class":null,"sort":"newest","year":-1}"#,
    ]
    .into_iter()
    .map(|text| Doc {
        source: "query".into(),
        ty: "CatalogueQuery",
        text: text.into(),
    })
    .collect()
}

/// Every document, with its nested parts: contract examples, seed parts, reference replies,
/// worker messages, queries and drafts.
pub fn corpus() -> Vec<Doc> {
    let mut all = openapi_examples();
    all.extend(seed_documents());
    all.extend(reference_replies());
    let mut all = with_parts(all);
    all.extend(worker_replies());
    all.extend(queries());
    for (i, d) in drafts().iter().enumerate() {
        all.push(Doc {
            source: format!("draft {i}"),
            ty: "RequestDraft",
            text: json::to_string(d),
        });
    }
    all
}
