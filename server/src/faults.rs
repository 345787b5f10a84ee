//! Fault switches for testing what the citizen sees when a backend misbehaves.
//!
//! A fault is `PATH=KIND[:ARG][,times=N][,method=M][,after]`, given with `--fault` at start-up or
//! sent at run time to the control endpoint `/__faults` (only with `--fault-control`). `PATH` is an
//! API path without `/api` (`/v1/catalogue`); a trailing `*` matches every path it starts
//! (`/v1/catalogue*` also matches items). `times=N` answers only the next N matching calls and then
//! lets the backend answer again; without it the fault stays until it is cleared. `after` lets the
//! backend handle the call first (a submission is then stored) and spoils only its answer.
//!
//! Kinds: `status:CODE` (a problem+json with that status, default 500), `slow:MS` (answer after MS
//! milliseconds, default 30000), `malformed` (the answer cut in half: not JSON), `wrong-shape` (valid
//! JSON that is not the contract's type), `version:V` (`/v1/meta` says contract version V, default
//! 2.0.0), `rate-limit:S` (429 with `Retry-After: S`, default 30), `field-errors:P[:CODE]+...` (422
//! problem+json with these field errors, default `/information:too_long`), `huge:N` (a catalogue
//! or register page with N entries, default 5000), `hostile` (every text field filled from [`CORPUS`], links
//! from [`URL_CORPUS`]), and three that stay within the contract: `sparse` (every optional property
//! left out, at every depth), `unknown-enums` (every open-enum value one the portal cannot know) and
//! `empty` (every list the contract lets be empty, emptied). These follow [`SHAPES`], the response
//! schemas of `contract/openapi.yaml`.

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use ppid_portal::reference::{problem, rate_limited, Reply};
use serde_json::{json, Value};

/// What a fault does to a call.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Status(u16),
    Slow(u64),
    Malformed,
    WrongShape,
    Version(String),
    RateLimit(u32),
    FieldErrors(Vec<(String, String)>),
    Huge(usize),
    Hostile,
    Sparse,
    UnknownEnums,
    Empty,
}

/// One switch: which calls, what happens, how many more times.
#[derive(Clone, Debug, PartialEq)]
pub struct Fault {
    path: String,
    prefix: bool,
    method: Option<String>,
    kind: Kind,
    /// Calls left; `None` is until cleared.
    times: Option<u32>,
    after: bool,
    /// The spec as given, for listing.
    spec: String,
}

impl Fault {
    /// Parses `PATH=KIND[:ARG][,times=N][,method=M][,after]`.
    pub fn parse(spec: &str) -> Result<Fault, String> {
        let spec = spec.trim();
        let bad = |why: &str| format!("fault `{spec}`: {why}");
        let (path, rest) = spec.split_once('=').ok_or_else(|| bad("needs PATH=KIND"))?;
        let (path, prefix) = match path.strip_suffix('*') {
            Some(p) => (p, true),
            None => (path, false),
        };
        if !path.starts_with('/') {
            return Err(bad("the path starts with /, e.g. /v1/catalogue"));
        }
        let mut parts = rest.split(',');
        let what = parts.next().unwrap_or("");
        let (name, arg) = match what.split_once(':') {
            Some((n, a)) => (n, Some(a)),
            None => (what, None),
        };
        let number = |default: u64| -> Result<u64, String> {
            arg.map_or(Ok(default), |a| {
                a.parse().map_err(|_| bad("the argument is a number"))
            })
        };
        let kind = match name {
            "status" => {
                let code = number(500)?;
                if !(100..=599).contains(&code) {
                    return Err(bad("the status is from 100 to 599"));
                }
                Kind::Status(code as u16)
            }
            "slow" => Kind::Slow(number(30_000)?),
            "malformed" => Kind::Malformed,
            "wrong-shape" => Kind::WrongShape,
            "version" => Kind::Version(arg.unwrap_or("2.0.0").to_string()),
            "rate-limit" => Kind::RateLimit(number(30)? as u32),
            "field-errors" => Kind::FieldErrors(
                arg.unwrap_or("/information:too_long")
                    .split('+')
                    .filter(|p| !p.is_empty())
                    .map(|p| match p.rsplit_once(':') {
                        Some((pointer, code)) => (pointer.to_string(), code.to_string()),
                        None => (p.to_string(), "invalid_format".to_string()),
                    })
                    .collect(),
            ),
            "huge" => Kind::Huge(number(5000)? as usize),
            "hostile" => Kind::Hostile,
            "sparse" => Kind::Sparse,
            "unknown-enums" => Kind::UnknownEnums,
            "empty" => Kind::Empty,
            other => return Err(bad(&format!("unknown kind `{other}`"))),
        };
        let mut fault = Fault {
            path: path.to_string(),
            prefix,
            method: None,
            kind,
            times: None,
            after: false,
            spec: spec.to_string(),
        };
        for option in parts {
            match option.split_once('=') {
                Some(("times", n)) => {
                    fault.times = Some(n.parse().map_err(|_| bad("times=N needs a number"))?)
                }
                Some(("method", m)) => fault.method = Some(m.to_ascii_uppercase()),
                None if option == "after" => fault.after = true,
                _ => return Err(bad(&format!("unknown option `{option}`"))),
            }
        }
        Ok(fault)
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        let path_ok = if self.prefix {
            path.starts_with(&self.path)
        } else {
            path.trim_end_matches('/') == self.path.trim_end_matches('/')
        };
        path_ok && self.method.as_deref().is_none_or(|m| m == method)
    }
}

/// The switches in force, changed at run time by the control endpoint.
#[derive(Default)]
pub struct Faults {
    list: Mutex<Vec<Fault>>,
}

/// The fault one call meets.
pub struct Hit {
    kind: Kind,
    after: bool,
    /// The call's method and path, which say what schema its answer has.
    method: String,
    path: String,
}

impl Faults {
    /// Switches on more faults.
    pub fn add(&self, faults: impl IntoIterator<Item = Fault>) {
        lock(&self.list).extend(faults);
    }
    /// Switches every fault off.
    pub fn clear(&self) {
        lock(&self.list).clear();
    }
    /// The faults still in force, one spec a line, with the calls left.
    pub fn listing(&self) -> String {
        lock(&self.list)
            .iter()
            .map(|f| match f.times {
                Some(n) => format!("{} (left: {n})\n", f.spec),
                None => format!("{}\n", f.spec),
            })
            .collect()
    }
    /// The first fault in force for this call, counted as used.
    pub fn take(&self, method: &str, path: &str) -> Option<Hit> {
        let mut list = lock(&self.list);
        let i = list.iter().position(|f| f.matches(method, path))?;
        let hit = Hit {
            kind: list[i].kind.clone(),
            after: list[i].after,
            method: method.to_string(),
            path: path.to_string(),
        };
        if let Some(n) = &mut list[i].times {
            *n = n.saturating_sub(1);
            if *n == 0 {
                list.remove(i);
            }
        }
        Some(hit)
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Hit {
    /// Answers the call through `backend`, or not, as the fault says.
    pub fn answer(self, backend: impl FnOnce() -> Reply) -> Reply {
        match self.kind {
            Kind::Slow(ms) => {
                if self.after {
                    let r = backend();
                    std::thread::sleep(Duration::from_millis(ms));
                    r
                } else {
                    std::thread::sleep(Duration::from_millis(ms));
                    backend()
                }
            }
            Kind::Status(_)
            | Kind::Malformed
            | Kind::WrongShape
            | Kind::RateLimit(_)
            | Kind::FieldErrors(_) => {
                let real = if self.after { Some(backend()) } else { None };
                spoil(&self.kind, real)
            }
            Kind::Version(_) | Kind::Huge(_) | Kind::Hostile => transform(&self.kind, backend()),
            Kind::Sparse | Kind::UnknownEnums | Kind::Empty => {
                let reply = backend();
                match response_schema(&self.method, &self.path) {
                    Some(root) if (200..300).contains(&reply.status) => {
                        within_contract(&self.kind, root, reply)
                    }
                    _ => reply,
                }
            }
        }
    }
}

/// An answer replacing the real one (`real` is there when the backend handled the call).
fn spoil(kind: &Kind, real: Option<Reply>) -> Reply {
    match kind {
        Kind::Status(code) => problem(*code, "internal", "Injected fault", vec![]),
        Kind::Malformed => {
            let body = real.map(|r| r.body).unwrap_or_else(|| {
                r#"{"items":[{"id":"a","title":"Laporan terpotong di tengah"}],"total":1}"#.into()
            });
            let cut: String = body.chars().take(body.chars().count() / 2).collect();
            json_reply(200, format!("{cut}"))
        }
        // An envelope some frameworks add: the right data, but not where the contract puts it.
        Kind::WrongShape => json_reply(
            200,
            json!({ "status": "ok", "data": [1, 2, 3], "items": "tidak ada", "contract_version": 1 })
                .to_string(),
        ),
        Kind::RateLimit(s) => rate_limited(*s),
        Kind::FieldErrors(errors) => {
            let errors: Vec<Value> = errors
                .iter()
                .enumerate()
                .map(|(i, (pointer, code))| {
                    // The message is the backend's, never shown: it carries a payload to prove it.
                    json!({ "pointer": pointer, "code": code, "message": CORPUS[i % CORPUS.len()] })
                })
                .collect();
            let body = json!({
                "type": "https://ppid.example/problems/validation",
                "title": "<img src=x onerror=\"window.__pwned('problem-title')\">",
                "status": 422,
                "code": "validation",
                "detail": CORPUS[0],
                "errors": errors,
            });
            Reply {
                status: 422,
                content_type: "application/problem+json",
                body: body.to_string(),
                retry_after: None,
                replayed: false,
            }
        }
        _ => problem(500, "internal", "Injected fault", vec![]),
    }
}

fn json_reply(status: u16, body: String) -> Reply {
    Reply {
        status,
        content_type: "application/json",
        body,
        retry_after: None,
        replayed: false,
    }
}

/// The real answer with its contents changed; answers that are not JSON objects pass unchanged.
fn transform(kind: &Kind, mut reply: Reply) -> Reply {
    let Ok(mut v) = serde_json::from_str::<Value>(&reply.body) else {
        return reply;
    };
    match kind {
        Kind::Version(version) => {
            if let Some(o) = v.as_object_mut() {
                if o.contains_key("contract_version") {
                    o.insert("contract_version".into(), Value::String(version.clone()));
                }
            }
        }
        Kind::Huge(n) => {
            // The catalogue's `items`, the register's `entries`.
            let key = if v.get("entries").is_some() {
                "entries"
            } else {
                "items"
            };
            if let Some(items) = v.get(key).and_then(Value::as_array).cloned() {
                if let Some(first) = items.first() {
                    let huge: Vec<Value> = (0..*n)
                        .map(|i| {
                            let mut item = items[i % items.len()].clone();
                            if let Some(o) = item.as_object_mut() {
                                let id = o.get("id").and_then(Value::as_str).unwrap_or("x");
                                o.insert("id".into(), Value::String(format!("{id}-{i}")));
                            } else {
                                item = first.clone();
                            }
                            item
                        })
                        .collect();
                    v[key] = Value::Array(huge);
                    if let Some(total) = v.get("total").and_then(Value::as_u64) {
                        v["total"] = json!(total.max(*n as u64));
                    }
                }
            }
        }
        Kind::Hostile => {
            let mut next = 0;
            hostile(&mut v, None, &mut next);
        }
        _ => {}
    }
    reply.body = v.to_string();
    reply
}

/// What a property holds, as far as these faults care.
#[derive(Clone, Copy)]
enum Holds {
    /// A value (or a list of values) left as it is.
    Plain,
    /// An object of the named shape (or a list of them).
    Object(&'static str),
    /// A value of an open enum (or a list of them).
    Open,
}

/// A property that is a list, an object or an open enum.
struct Field {
    key: &'static str,
    holds: Holds,
    list: bool,
    /// `minItems: 1`: the list may not be emptied.
    non_empty: bool,
}

const fn field(key: &'static str, holds: Holds, list: bool, non_empty: bool) -> Field {
    Field {
        key,
        holds,
        list,
        non_empty,
    }
}

/// An object schema: its required properties and the properties worth walking into.
struct Shape {
    name: &'static str,
    required: &'static [&'static str],
    fields: &'static [Field],
}

use Holds::{Object, Open, Plain};

/// The response schemas of `contract/openapi.yaml` (1.6.0); an inline object is named
/// `Schema.property`.
const SHAPES: &[Shape] = &[
    Shape {
        name: "Meta.komisi_informasi",
        required: &["name"],
        fields: &[],
    },
    Shape {
        name: "Meta",
        required: &[
            "contract_version",
            "public_body",
            "service_standards",
            "deadline_rules",
        ],
        fields: &[
            field("public_body", Object("PublicBody"), false, false),
            field("office_hours", Object("OfficeHours"), true, false),
            field("features", Plain, true, false),
            field(
                "service_standards",
                Object("ServiceStandards"),
                false,
                false,
            ),
            field("deadline_rules", Object("DeadlineRules"), false, false),
            field(
                "komisi_informasi",
                Object("Meta.komisi_informasi"),
                false,
                false,
            ),
            field("charter", Object("ServiceCharter"), false, false),
        ],
    },
    Shape {
        name: "ServiceCharter",
        required: &[],
        fields: &[
            field("service_guarantee", Object("CharterElement"), false, false),
            field(
                "performance_evaluation",
                Object("CharterElement"),
                false,
                false,
            ),
        ],
    },
    Shape {
        name: "CharterElement",
        required: &[],
        fields: &[],
    },
    Shape {
        name: "PublicBody",
        required: &["name", "region", "address"],
        fields: &[],
    },
    Shape {
        name: "OfficeHours",
        required: &["weekdays", "opens", "closes"],
        fields: &[field("weekdays", Plain, true, false)],
    },
    Shape {
        name: "ServiceStandards",
        required: &[
            "notice_days",
            "extension_days",
            "objection_filing_days",
            "objection_answer_days",
            "dispute_filing_days",
        ],
        fields: &[],
    },
    Shape {
        name: "DeadlineRules",
        required: &["time_zone", "cuti_bersama_is_non_working"],
        fields: &[field("day_zero", Open, false, false)],
    },
    Shape {
        name: "Calendar",
        required: &["year", "days"],
        fields: &[
            field("days", Object("CalendarDay"), true, false),
            field("sources", Plain, true, false),
        ],
    },
    Shape {
        name: "CalendarDay",
        required: &["date", "kind", "name"],
        fields: &[],
    },
    Shape {
        name: "UnitList",
        required: &["units"],
        fields: &[field("units", Object("Unit"), true, false)],
    },
    Shape {
        name: "Unit",
        required: &["id", "name"],
        fields: &[],
    },
    Shape {
        name: "CataloguePage",
        required: &["items", "total", "page", "per_page", "class_counts"],
        fields: &[
            field("items", Object("CatalogueSummary"), true, false),
            field("class_counts", Object("ClassCounts"), false, false),
        ],
    },
    Shape {
        name: "ClassCounts",
        required: &["berkala", "serta_merta", "setiap_saat", "dikecualikan"],
        fields: &[],
    },
    Shape {
        name: "CatalogueSummary",
        required: &[
            "id",
            "class",
            "title",
            "summary",
            "unit_id",
            "year",
            "updated_on",
        ],
        fields: &[
            field("formats", Plain, true, false),
            field("keywords", Plain, true, false),
        ],
    },
    Shape {
        name: "CatalogueItem",
        required: &[
            "id",
            "class",
            "title",
            "summary",
            "unit_id",
            "year",
            "updated_on",
        ],
        fields: &[
            field("forms", Open, true, false),
            field("formats", Plain, true, false),
            field("keywords", Plain, true, false),
            field("files", Object("CatalogueFile"), true, false),
            field("exemption", Object("Exemption"), false, false),
        ],
    },
    Shape {
        name: "CatalogueFile",
        required: &["name", "media_type", "size_bytes", "url"],
        fields: &[],
    },
    Shape {
        name: "Exemption",
        required: &["pasal17", "consequence_test", "period"],
        fields: &[],
    },
    Shape {
        name: "AnnouncementList",
        required: &["announcements"],
        fields: &[field("announcements", Object("Announcement"), true, false)],
    },
    Shape {
        name: "Announcement",
        required: &[
            "id",
            "title",
            "hazard",
            "affected",
            "instructions",
            "source",
            "issued_at",
        ],
        fields: &[],
    },
    Shape {
        name: "RequestReceipt",
        required: &["number", "received_at", "counts_from"],
        fields: &[],
    },
    Shape {
        name: "RequestStatus",
        required: &[
            "number",
            "received_at",
            "counts_from",
            "information",
            "events",
        ],
        fields: &[
            field("events", Object("RequestEvent"), true, false),
            field("objections", Plain, true, false),
        ],
    },
    Shape {
        name: "SurveyReceipt",
        required: &["received_at"],
        fields: &[],
    },
    Shape {
        name: "RequestEvent",
        required: &["at", "kind"],
        fields: &[
            field("kind", Open, false, false),
            field("outcome", Open, false, false),
            field("documents", Object("CatalogueFile"), true, false),
        ],
    },
    Shape {
        name: "ObjectionReceipt.warnings.window",
        required: &[],
        fields: &[],
    },
    Shape {
        name: "ObjectionReceipt.warnings",
        required: &["reason", "code"],
        fields: &[field(
            "window",
            Object("ObjectionReceipt.warnings.window"),
            false,
            false,
        )],
    },
    Shape {
        name: "ObjectionReceipt",
        required: &["number", "received_at", "counts_from"],
        fields: &[field(
            "warnings",
            Object("ObjectionReceipt.warnings"),
            true,
            false,
        )],
    },
    Shape {
        name: "ObjectionStatus.warnings.window",
        required: &[],
        fields: &[],
    },
    Shape {
        name: "ObjectionStatus.warnings",
        required: &["reason", "code"],
        fields: &[field(
            "window",
            Object("ObjectionStatus.warnings.window"),
            false,
            false,
        )],
    },
    Shape {
        name: "ObjectionStatus",
        required: &[
            "number",
            "received_at",
            "counts_from",
            "reasons",
            "case_summary",
        ],
        fields: &[
            field("reasons", Plain, true, false),
            field("answer", Object("ObjectionAnswer"), false, false),
            field("warnings", Object("ObjectionStatus.warnings"), true, false),
        ],
    },
    Shape {
        name: "ObjectionAnswer",
        required: &["at", "upheld", "summary"],
        fields: &[field("documents", Object("CatalogueFile"), true, false)],
    },
    Shape {
        name: "RegisterPage",
        required: &["entries", "total", "page", "per_page", "record"],
        fields: &[
            field("entries", Object("RegisterSummary"), true, false),
            field("record", Object("RegisterRecord"), false, false),
        ],
    },
    Shape {
        name: "RegisterRecord",
        required: &[
            "answered",
            "on_time",
            "late",
            "fulfilled",
            "partly_fulfilled",
            "refused",
            "not_held",
            "not_yet_documented",
            "forwarded",
            "objections",
            "disputes",
        ],
        fields: &[],
    },
    Shape {
        name: "RegisterSummary",
        required: &[
            "id",
            "information",
            "unit_id",
            "received_on",
            "notice_on",
            "outcome",
            "late",
        ],
        fields: &[
            field("outcome", Open, false, false),
            field("objection", Object("FollowUp"), false, false),
            field("dispute", Object("FollowUp"), false, false),
        ],
    },
    Shape {
        name: "RegisterEntry",
        required: &[
            "id",
            "information",
            "unit_id",
            "received_on",
            "notice_on",
            "outcome",
            "late",
        ],
        fields: &[
            field("outcome", Open, false, false),
            field("documents", Object("CatalogueFile"), true, false),
            field("timeline", Object("RegisterEvent"), true, false),
            field("objection", Object("FollowUp"), false, false),
            field("dispute", Object("FollowUp"), false, false),
        ],
    },
    Shape {
        name: "RegisterEvent",
        required: &["on", "kind"],
        fields: &[field("kind", Open, false, false)],
    },
    Shape {
        name: "FollowUp",
        required: &["filed_on", "result"],
        fields: &[field("result", Open, false, false)],
    },
    Shape {
        name: "Statistics",
        required: &["years"],
        fields: &[field("years", Object("YearStatistics"), true, false)],
    },
    Shape {
        name: "YearStatistics",
        required: &["year", "totals"],
        fields: &[
            field("totals", Object("ServiceFigures"), false, false),
            field("by_unit", Object("UnitStatistics"), true, false),
        ],
    },
    Shape {
        name: "UnitStatistics",
        required: &["unit_id", "figures"],
        fields: &[field("figures", Object("ServiceFigures"), false, false)],
    },
    Shape {
        name: "ServiceFigures",
        required: &[
            "received",
            "fulfilled",
            "partly_fulfilled",
            "refused",
            "not_held",
            "objections",
        ],
        fields: &[],
    },
];

/// The value an open enum gains in some later MINOR version.
pub const UNKNOWN_ENUM_VALUE: &str = "x_future_value";

/// The schema of a successful answer to this call, if it is one these faults rewrite.
fn response_schema(method: &str, path: &str) -> Option<&'static str> {
    let path = path.trim_end_matches('/');
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    Some(match (method, segments.as_slice()) {
        ("GET", ["v1", "meta"]) => "Meta",
        ("GET", ["v1", "calendar", _]) => "Calendar",
        ("GET", ["v1", "units"]) => "UnitList",
        ("GET", ["v1", "catalogue"]) => "CataloguePage",
        ("GET", ["v1", "catalogue", _]) => "CatalogueItem",
        ("GET", ["v1", "announcements"]) => "AnnouncementList",
        ("GET", ["v1", "statistics"]) => "Statistics",
        ("GET", ["v1", "register"]) => "RegisterPage",
        ("GET", ["v1", "register", _]) => "RegisterEntry",
        ("POST", ["v1", "requests"]) => "RequestReceipt",
        ("POST", ["v1", "request-lookups" | "request-access"]) => "RequestStatus",
        ("POST", ["v1", "objections"]) => "ObjectionReceipt",
        ("POST", ["v1", "objection-lookups" | "objection-access"]) => "ObjectionStatus",
        ("POST", ["v1", "surveys"]) => "SurveyReceipt",
        _ => return None,
    })
}

fn shape_named(name: &str) -> Option<&'static Shape> {
    SHAPES.iter().find(|s| s.name == name)
}

/// Rewrites a successful answer of schema `root` as `kind` says; it stays valid for the contract.
fn within_contract(kind: &Kind, root: &str, mut reply: Reply) -> Reply {
    let Ok(mut v) = serde_json::from_str::<Value>(&reply.body) else {
        return reply;
    };
    if let Some(shape) = shape_named(root) {
        rewrite(kind, shape, &mut v);
    }
    reply.body = v.to_string();
    reply
}

fn rewrite(kind: &Kind, shape: &Shape, v: &mut Value) {
    let Some(map) = v.as_object_mut() else { return };
    if *kind == Kind::Sparse {
        map.retain(|k, _| shape.required.contains(&k.as_str()));
    }
    for f in shape.fields {
        let Some(value) = map.get_mut(f.key) else {
            continue;
        };
        if *kind == Kind::Empty && f.list && !f.non_empty {
            *value = Value::Array(vec![]);
            continue;
        }
        let items: Vec<&mut Value> = match value {
            Value::Array(items) if f.list => items.iter_mut().collect(),
            Value::Null => vec![],
            one => vec![one],
        };
        for item in items {
            match f.holds {
                Plain => {}
                Open => {
                    if *kind == Kind::UnknownEnums && item.is_string() {
                        *item = Value::String(UNKNOWN_ENUM_VALUE.into());
                    }
                }
                Object(name) => {
                    if let Some(inner) = shape_named(name) {
                        rewrite(kind, inner, item);
                    }
                }
            }
        }
    }
}

/// Fields whose text a citizen reads; identifiers, codes and dates are left alone so the answer
/// still decodes.
const TEXT_KEYS: &[&str] = &[
    "title",
    "summary",
    "note",
    "reason",
    "hazard",
    "affected",
    "instructions",
    "source",
    "information",
    "notice_summary",
    "body_name",
    "name",
    "short_name",
    "region",
    "address",
    "holding_official",
    "responsible",
    "made_when",
    "made_where",
    "retention",
    "dip_number",
    "consequence_test",
    "period",
    "keywords",
    "official",
];
const URL_KEYS: &[&str] = &["url", "logo_url", "website"];

/// Script-injection payloads and awkward text. Each calls `window.__pwned(<where>)` if it ever runs.
pub const CORPUS: &[&str] = &[
    "<script>window.__pwned('script')</script>",
    "<img src=x onerror=\"window.__pwned('img-onerror')\">",
    "<svg onload=\"window.__pwned('svg-onload')\"><circle r=\"1\"/></svg>",
    "<a href=\"javascript:window.__pwned('a-href')\">klik di sini</a>",
    "\"><iframe srcdoc=\"<script>parent.__pwned('iframe')</script>\"></iframe>",
    "&lt;b&gt;tebal&lt;/b&gt; &amp;amp; &#60;script&#62;window.__pwned('entity')&#60;/script&#62;",
    "Laporan \u{202E}fdp.exe\u{202C} dengan penimpaan arah (RTL override)",
    "<details open ontoggle=\"window.__pwned('details-ontoggle')\"><summary>x</summary></details>",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__pwned('mxss')\">",
    "<style>body{display:none}</style><b onmouseover=\"window.__pwned('mouseover')\">arahkan</b>",
    "{{constructor.constructor('window.__pwned(\"template\")')()}} ${window.__pwned('js-template')}",
    "javascript:window.__pwned('text-javascript')",
    "<input autofocus onfocus=\"window.__pwned('autofocus')\">",
    "Z\u{0300}\u{0301}\u{0302}\u{0303}a\u{0304}\u{0305}l\u{0306}g\u{0307}o \u{200B}\u{200D}\u{FEFF} نص عربي מימין לשמאל",
    "<object data=\"javascript:window.__pwned('object')\"></object><embed src=\"javascript:window.__pwned('embed')\">",
    "<body onload=\"window.__pwned('body-onload')\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__pwned('meta-refresh')\">",
];

/// Links that must never become clickable scripts.
pub const URL_CORPUS: &[&str] = &[
    "javascript:window.__pwned('url')",
    " JaVaScRiPt:window.__pwned('url-mixed-case')",
    "java\tscript:window.__pwned('url-tab')",
    "data:text/html,<script>window.__pwned('data-url')</script>",
    "vbscript:msgbox('x')",
];

/// A very long unbroken word and a very long sentence: layouts must wrap, not overflow or hang.
fn long_text(i: usize) -> String {
    if i % 2 == 0 {
        "Sangatpanjangtanpaspasi".repeat(200)
    } else {
        "Teks sangat panjang tentang anggaran daerah. ".repeat(250)
    }
}

/// Replaces text fields (and links) in `v`, cycling through the corpus; adds a note to events.
fn hostile(v: &mut Value, key: Option<&str>, next: &mut usize) {
    match v {
        Value::String(s) => {
            let Some(key) = key else { return };
            if URL_KEYS.contains(&key) {
                *s = URL_CORPUS[*next % URL_CORPUS.len()].to_string();
                *next += 1;
            } else if TEXT_KEYS.contains(&key) {
                // Every fifth text is a very long one; the rest come from the corpus.
                *s = if *next % 5 == 4 {
                    long_text(*next / 5)
                } else {
                    CORPUS[*next % CORPUS.len()].to_string()
                };
                *next += 1;
            }
        }
        Value::Array(items) => {
            for item in items {
                hostile(item, key, next);
            }
        }
        Value::Object(map) => {
            // Status events: every event gets a note, also those the backend sent without one.
            let is_event = map.contains_key("kind") && map.contains_key("at");
            if is_event && !map.contains_key("note") {
                map.insert("note".into(), Value::String(String::new()));
            }
            for (k, item) in map.iter_mut() {
                hostile(item, Some(k.as_str()), next);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(body: &str) -> Reply {
        json_reply(200, body.to_string())
    }

    #[test]
    fn parses_specs_and_refuses_bad_ones() {
        let f = Fault::parse("/v1/requests=status:503,times=2,method=post,after").unwrap();
        assert_eq!(f.kind, Kind::Status(503));
        assert_eq!(f.times, Some(2));
        assert_eq!(f.method.as_deref(), Some("POST"));
        assert!(f.after && !f.prefix);
        let f = Fault::parse("/v1/catalogue*=hostile").unwrap();
        assert!(f.prefix && f.matches("GET", "/v1/catalogue/abc"));
        assert_eq!(
            Fault::parse("/v1/requests=field-errors:/requester/name:required+/purpose")
                .unwrap()
                .kind,
            Kind::FieldErrors(vec![
                ("/requester/name".into(), "required".into()),
                ("/purpose".into(), "invalid_format".into())
            ])
        );
        for bad in [
            "v1/meta=status",
            "/v1/meta",
            "/v1/meta=boom",
            "/v1/meta=status:x",
            "/v1/meta=status:700",
            "/v1/meta=slow,times=x",
            "/v1/meta=slow,sometimes",
        ] {
            assert!(Fault::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_counted_fault_switches_itself_off() {
        let faults = Faults::default();
        faults.add([Fault::parse("/v1/meta=status:500,times=2").unwrap()]);
        assert!(faults.take("GET", "/v1/units").is_none());
        assert!(faults.take("GET", "/v1/meta").is_some());
        assert!(faults.listing().contains("(left: 1)"));
        assert!(faults.take("GET", "/v1/meta/").is_some());
        assert!(faults.take("GET", "/v1/meta").is_none());
        assert_eq!(faults.listing(), "");
        faults.add([Fault::parse("/v1/requests=slow:1,method=POST").unwrap()]);
        assert!(faults.take("GET", "/v1/requests").is_none());
        assert!(faults.take("POST", "/v1/requests").is_some());
        assert!(
            faults.take("POST", "/v1/requests").is_some(),
            "until cleared"
        );
        faults.clear();
        assert!(faults.take("POST", "/v1/requests").is_none());
    }

    #[test]
    fn before_faults_never_reach_the_backend_and_after_faults_do() {
        let hit = |spec: &str| Hit {
            method: "GET".into(),
            path: "/".into(),
            kind: Fault::parse(spec).unwrap().kind,
            after: spec.ends_with("after"),
        };
        let mut reached = false;
        let r = hit("/v1/requests=status:500").answer(|| {
            reached = true;
            reply("{}")
        });
        assert_eq!((r.status, reached), (500, false));
        let r = hit("/v1/requests=malformed,after").answer(|| {
            reached = true;
            reply(r#"{"number":"PPID-2026-000001","received_at":"x"}"#)
        });
        assert!(reached);
        assert!(
            serde_json::from_str::<Value>(&r.body).is_err(),
            "{}",
            r.body
        );
        let r = hit("/v1/lookups=rate-limit:45").answer(|| reply("{}"));
        assert_eq!((r.status, r.retry_after), (429, Some(45)));
        let r = hit("/v1/requests=field-errors").answer(|| reply("{}"));
        assert_eq!(r.status, 422);
        let p: Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(p["errors"][0]["pointer"], "/information");
    }

    #[test]
    fn transforms_keep_the_shape() {
        let meta = Hit {
            method: "GET".into(),
            path: "/".into(),
            kind: Kind::Version("2.1.0".into()),
            after: false,
        }
        .answer(|| reply(r#"{"contract_version":"1.0.0","features":[]}"#));
        assert!(meta.body.contains(r#""contract_version":"2.1.0""#));
        let page = Hit {
            method: "GET".into(),
            path: "/".into(),
            kind: Kind::Huge(50),
            after: false,
        }
        .answer(|| reply(r#"{"items":[{"id":"a"},{"id":"b"}],"total":2,"page":1}"#));
        let v: Value = serde_json::from_str(&page.body).unwrap();
        assert_eq!(v["items"].as_array().unwrap().len(), 50);
        assert_eq!(v["items"][3]["id"], "b-3");
        assert_eq!(v["total"], 50);
        let ev = Hit {
            method: "GET".into(),
            path: "/".into(),
            kind: Kind::Hostile,
            after: false,
        }
        .answer(|| {
            reply(r#"{"id":"x","title":"t","events":[{"at":"a","kind":"received"}],"files":[{"url":"/f.pdf","size_bytes":3}]}"#)
        });
        let v: Value = serde_json::from_str(&ev.body).unwrap();
        assert_eq!(v["id"], "x");
        assert!(v["title"].as_str().unwrap().contains("__pwned"));
        assert!(v["events"][0]["note"].as_str().unwrap().len() > 10);
        assert!(URL_CORPUS.contains(&v["files"][0]["url"].as_str().unwrap()));
        assert_eq!(v["files"][0]["size_bytes"], 3);
    }

    /// The demo backend's real answer to a call, with a fault applied.
    fn faulty(spec: &str, method: &str, path: &str, body: &str) -> Value {
        let mut reference = ppid_portal::reference::Reference::demo();
        let hit = Hit {
            method: method.into(),
            path: path.into(),
            kind: Fault::parse(spec).unwrap().kind,
            after: false,
        };
        let call = ppid_portal::reference::Call {
            method,
            path,
            query: "",
            idempotency_key: None,
            body,
        };
        let now = 1_796_000_000_000; // 2026-11-30, within the seed's calendar years
        let r = hit.answer(|| reference.handle(&call, now));
        assert_eq!(r.status, 200, "{}", r.body);
        serde_json::from_str(&r.body).unwrap()
    }

    /// Every answer the faults below make must still decode with the portal's own codec.
    fn decodes<T: ppid_portal::json::FromJson>(v: &Value) -> T {
        ppid_portal::json::from_str::<T>(&v.to_string())
            .unwrap_or_else(|e| panic!("the portal refuses {v}: {e:?}"))
    }

    /// A lookup of the first seeded request with a written notice, so its events carry outcomes.
    fn seeded_lookup() -> String {
        let seed: Value =
            serde_json::from_str(include_str!("../../src/reference/seed.json")).unwrap();
        let request = seed["requests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| {
                r["events"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|e| e["outcome"].is_string())
            })
            .unwrap();
        let requester = &request["submission"]["requester"];
        let verifier = match requester["email"].as_str() {
            Some(e) => e.to_string(),
            None => {
                let phone = requester["phone"].as_str().unwrap();
                phone[phone.len() - 4..].to_string()
            }
        };
        json!({ "number": request["receipt"]["number"], "verifier": verifier }).to_string()
    }

    #[test]
    fn sparse_answers_keep_only_what_the_contract_requires() {
        use ppid_portal::contract::*;
        let meta = faulty("/v1/meta=sparse", "GET", "/v1/meta", "");
        let keys: Vec<&str> = meta
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(
            keys,
            [
                "contract_version",
                "deadline_rules",
                "public_body",
                "service_standards"
            ]
        );
        assert!(meta["deadline_rules"].get("day_zero").is_none());
        decodes::<Meta>(&meta);
        let page = faulty("/v1/catalogue=sparse", "GET", "/v1/catalogue", "");
        assert!(!page["items"].as_array().unwrap().is_empty());
        for item in page["items"].as_array().unwrap() {
            assert!(item.get("formats").is_none() && item.get("keywords").is_none());
            assert!(item["title"].is_string());
        }
        decodes::<CataloguePage>(&page);
        let id = page["items"][0]["id"].as_str().unwrap().to_string();
        let item = faulty(
            "/v1/catalogue*=sparse",
            "GET",
            &format!("/v1/catalogue/{id}"),
            "",
        );
        assert!(item.get("files").is_none() && item.get("forms").is_none());
        decodes::<CatalogueItem>(&item);
        let status = faulty(
            "/v1/request-lookups=sparse",
            "POST",
            "/v1/request-lookups",
            &seeded_lookup(),
        );
        let events = status["events"].as_array().unwrap();
        assert!(!events.is_empty());
        for e in events {
            assert_eq!(e.as_object().unwrap().len(), 2, "only at and kind: {e}");
        }
        decodes::<RequestStatus>(&status);
        decodes::<UnitList>(&faulty("/v1/units=sparse", "GET", "/v1/units", ""));
        decodes::<AnnouncementList>(&faulty(
            "/v1/announcements=sparse",
            "GET",
            "/v1/announcements",
            "",
        ));
        let stats = faulty("/v1/statistics=sparse", "GET", "/v1/statistics", "");
        assert!(stats["years"][0].get("by_unit").is_none());
        decodes::<Statistics>(&stats);
        let register = faulty("/v1/register=sparse", "GET", "/v1/register", "");
        let entries = register["entries"].as_array().unwrap();
        assert!(!entries.is_empty());
        for e in entries {
            for optional in ["pasal17", "documents", "objection", "dispute"] {
                assert!(e.get(optional).is_none(), "{optional} in {e}");
            }
        }
        assert!(register["record"].get("refused_by_pasal17").is_none());
        decodes::<RegisterPage>(&register);
        let entry = faulty(
            "/v1/register*=sparse",
            "GET",
            "/v1/register/R-2026-0005",
            "",
        );
        for optional in [
            "due_on",
            "timeline",
            "documents",
            "objection",
            "dispute",
            "notice_summary",
        ] {
            assert!(entry.get(optional).is_none(), "{optional} in {entry}");
        }
        decodes::<RegisterEntry>(&entry);
    }

    #[test]
    fn unknown_enums_replace_every_open_enum_value_and_nothing_else() {
        use ppid_portal::contract::*;
        let status = faulty(
            "/v1/request-lookups=unknown-enums",
            "POST",
            "/v1/request-lookups",
            &seeded_lookup(),
        );
        for e in status["events"].as_array().unwrap() {
            assert_eq!(e["kind"], UNKNOWN_ENUM_VALUE);
            if let Some(outcome) = e.get("outcome").filter(|o| !o.is_null()) {
                assert_eq!(outcome, UNKNOWN_ENUM_VALUE);
            }
        }
        assert!(status["number"].as_str().unwrap().starts_with("PPID-"));
        let outcomes = status["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["outcome"] == UNKNOWN_ENUM_VALUE);
        assert!(outcomes.count() > 0, "the seeded request has a notice");
        let decoded = decodes::<RequestStatus>(&status);
        assert!(decoded.events.iter().all(|e| e.kind == EventKind::Unknown));
        let meta = faulty("/v1/meta=unknown-enums", "GET", "/v1/meta", "");
        assert_eq!(meta["deadline_rules"]["day_zero"], UNKNOWN_ENUM_VALUE);
        assert_eq!(
            decodes::<Meta>(&meta).deadline_rules.day_zero,
            DayZeroRule::Unknown
        );
        let page = faulty("/v1/catalogue=unknown-enums", "GET", "/v1/catalogue", "");
        let id = page["items"][0]["id"].as_str().unwrap().to_string();
        // A closed enum (the class) is never touched: an unknown one would make the answer invalid.
        assert_ne!(page["items"][0]["class"], UNKNOWN_ENUM_VALUE);
        let item = faulty(
            "/v1/catalogue*=unknown-enums",
            "GET",
            &format!("/v1/catalogue/{id}"),
            "",
        );
        let forms = item["forms"].as_array().unwrap();
        assert!(!forms.is_empty() && forms.iter().all(|f| f == UNKNOWN_ENUM_VALUE));
        decodes::<CatalogueItem>(&item);
        let register = faulty("/v1/register=unknown-enums", "GET", "/v1/register", "");
        for e in register["entries"].as_array().unwrap() {
            assert_eq!(e["outcome"], UNKNOWN_ENUM_VALUE);
            for follow_up in [&e["objection"], &e["dispute"]] {
                if !follow_up.is_null() {
                    assert_eq!(follow_up["result"], UNKNOWN_ENUM_VALUE);
                }
            }
        }
        let page = decodes::<RegisterPage>(&register);
        assert!(page.entries.iter().all(|e| e.outcome == Outcome::Unknown));
        assert!(page.entries.iter().any(|e| e.objection.is_some()));
        let entry = faulty(
            "/v1/register*=unknown-enums",
            "GET",
            "/v1/register/R-2026-0005",
            "",
        );
        let entry = decodes::<RegisterEntry>(&entry);
        assert!(!entry.timeline.is_empty());
        assert!(entry
            .timeline
            .iter()
            .all(|t| t.kind == RegisterEventKind::Unknown));
        assert_eq!(entry.dispute.unwrap().result, FollowUpResult::Unknown);
    }

    #[test]
    fn empty_answers_empty_every_list_that_may_be_empty() {
        use ppid_portal::contract::*;
        let page = faulty("/v1/catalogue=empty", "GET", "/v1/catalogue", "");
        assert_eq!(page["items"], json!([]));
        assert!(page["total"].is_number(), "the rest stays");
        decodes::<CataloguePage>(&page);
        let meta = faulty("/v1/meta=empty", "GET", "/v1/meta", "");
        assert_eq!(meta["features"], json!([]));
        decodes::<Meta>(&meta);
        let status = faulty(
            "/v1/request-lookups=empty",
            "POST",
            "/v1/request-lookups",
            &seeded_lookup(),
        );
        assert_eq!(status["events"], json!([]));
        decodes::<RequestStatus>(&status);
        let units = faulty("/v1/units=empty", "GET", "/v1/units", "");
        assert_eq!(units["units"], json!([]));
        decodes::<UnitList>(&units);
        let stats = faulty("/v1/statistics=empty", "GET", "/v1/statistics", "");
        assert_eq!(stats["years"], json!([]));
        decodes::<Statistics>(&stats);
        let news = faulty("/v1/announcements=empty", "GET", "/v1/announcements", "");
        assert_eq!(news["announcements"], json!([]));
        let register = faulty("/v1/register=empty", "GET", "/v1/register", "");
        assert_eq!(register["entries"], json!([]));
        assert!(
            register["record"]["answered"].as_u64().unwrap() > 0,
            "the record stays"
        );
        decodes::<RegisterPage>(&register);
        let entry = faulty("/v1/register*=empty", "GET", "/v1/register/R-2026-0002", "");
        assert_eq!(
            (&entry["documents"], &entry["timeline"]),
            (&json!([]), &json!([]))
        );
        decodes::<RegisterEntry>(&entry);
    }

    /// Every answer schema of the contract's paths is one the faults rewrite, so a page of a new
    /// endpoint is tested against sparse, unknown-enum and empty answers like the others.
    #[test]
    fn every_answer_of_the_contract_is_covered() {
        let yaml = include_str!("../../contract/openapi.yaml");
        let paths = &yaml[yaml.find("\npaths:\n").unwrap()..yaml.find("\ncomponents:\n").unwrap()];
        let mut checked = 0;
        let mut path = "";
        let mut method = "";
        let mut status = "";
        for line in paths.lines() {
            if let Some(p) = line.strip_prefix("  /").and_then(|p| p.strip_suffix(':')) {
                path = p;
            } else if let Some(m) = line
                .strip_prefix("    ")
                .filter(|m| !m.starts_with(' '))
                .and_then(|m| m.strip_suffix(':'))
            {
                method = m;
            } else if let Some(s) = line
                .strip_prefix("        \"")
                .and_then(|s| s.strip_suffix("\":"))
            {
                status = s;
            } else if let Some(schema) = line
                .trim()
                .strip_prefix("$ref: \"#/components/schemas/")
                .and_then(|s| s.strip_suffix('"'))
            {
                if !status.starts_with('2') || !line.starts_with("                $ref") {
                    continue;
                }
                let concrete = format!("/{path}")
                    .replace("{id}", "x")
                    .replace("{year}", "2026");
                assert_eq!(
                    response_schema(&method.to_uppercase(), &concrete),
                    Some(schema),
                    "{method} /{path} {status}"
                );
                assert!(shape_named(schema).is_some(), "{schema} has a shape");
                checked += 1;
            }
        }
        assert!(checked >= 16, "{checked} answers checked");
    }

    /// [`SHAPES`] is written out from `contract/openapi.yaml`: each named schema's `required` list
    /// and the properties walked into must still be the contract's.
    #[test]
    fn the_shapes_are_the_contracts() {
        let yaml = include_str!("../../contract/openapi.yaml");
        let schemas = &yaml[yaml.find("\n  schemas:\n").expect("components/schemas")..];
        for shape in SHAPES.iter().filter(|s| !s.name.contains('.')) {
            let start = schemas
                .find(&format!("\n    {}:\n", shape.name))
                .unwrap_or_else(|| panic!("schema {} is in the contract", shape.name));
            let block = &schemas[start + 1..];
            // The schema ends where the next one (indented as deep) begins.
            let end = block
                .lines()
                .skip(1)
                .position(|l| l.starts_with("    ") && !l.starts_with("     "))
                .map_or(block.len(), |n| {
                    block.lines().take(n + 1).map(|l| l.len() + 1).sum()
                });
            let block = &block[..end];
            let required: Vec<&str> = block
                .lines()
                .find_map(|l| l.strip_prefix("      required: ["))
                .map(|r| r.trim_end_matches(']').split(", ").collect())
                .unwrap_or_default();
            assert_eq!(
                required, shape.required,
                "{}'s required properties",
                shape.name
            );
            for f in shape.fields {
                assert!(
                    block.contains(&format!("\n        {}:\n", f.key)),
                    "{} has a property {}",
                    shape.name,
                    f.key
                );
            }
        }
    }
}
