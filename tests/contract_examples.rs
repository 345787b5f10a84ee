//! The contract document (`contract/openapi.yaml`) and the Rust wire types (`src/contract`) agree.
//!
//! Every example in the document is decoded into the Rust type its schema names, and walked against
//! the schema itself, so a typo in either place fails here instead of in a regency's backend.
#![cfg(not(target_arch = "wasm32"))]

use ppid_portal::contract::{self as c, CONTRACT_VERSION, MAJOR_VERSION};
use ppid_portal::domain::date::Date;
use ppid_portal::domain::objection::check_received_dates;
use ppid_portal::domain::validate::{check_request, check_requester};
use ppid_portal::domain::workdays::WorkCalendar;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value as Json;
use std::collections::{BTreeMap, BTreeSet};

const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/contract/openapi.yaml");
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The operations of the contract (1.6.0), no more and no fewer.
const OPERATIONS: [(&str, &str); 16] = [
    ("GET", "/v1/meta"),
    ("GET", "/v1/calendar/{year}"),
    ("GET", "/v1/units"),
    ("GET", "/v1/catalogue"),
    ("GET", "/v1/catalogue/{id}"),
    ("GET", "/v1/announcements"),
    ("POST", "/v1/requests"),
    ("POST", "/v1/request-lookups"),
    ("POST", "/v1/request-access"),
    ("POST", "/v1/objections"),
    ("POST", "/v1/objection-lookups"),
    ("POST", "/v1/objection-access"),
    ("POST", "/v1/surveys"),
    ("GET", "/v1/register"),
    ("GET", "/v1/register/{id}"),
    ("GET", "/v1/statistics"),
];

const PROBLEM_CODES: [&str; 10] = [
    c::problem_code::VALIDATION,
    c::problem_code::NOT_FOUND,
    c::problem_code::CALENDAR_YEAR_MISSING,
    c::problem_code::IDEMPOTENCY_KEY_MISSING,
    c::problem_code::IDEMPOTENCY_CONFLICT,
    c::problem_code::RATE_LIMITED,
    c::problem_code::FEATURE_UNSUPPORTED,
    c::problem_code::INTERNAL,
    c::problem_code::SURVEY_CLOSED,
    c::problem_code::PAYLOAD_TOO_LARGE,
];

const FIELD_CODES: [&str; 10] = [
    c::field_code::REQUIRED,
    c::field_code::TOO_LONG,
    c::field_code::INVALID_FORMAT,
    c::field_code::NIK_INVALID,
    c::field_code::UNKNOWN_VALUE,
    c::field_code::CONTACT_REQUIRED,
    c::field_code::NOT_ELIGIBLE,
    c::field_code::TOO_LATE,
    c::field_code::OUT_OF_RANGE,
    c::field_code::IMPOSSIBLE_DATE,
];

/// Decodes an example into a Rust type and serialises it back, so the caller sees what Rust made of it.
type Decoder = fn(&Json) -> Result<Json, String>;

fn roundtrip<T: DeserializeOwned + Serialize>(value: &Json) -> Result<Json, String> {
    let decoded: T = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
    serde_json::to_value(&decoded).map_err(|e| e.to_string())
}

/// Schema name in `components/schemas` -> the Rust type of the same name. A schema without a Rust type fails.
fn decoder(schema: &str) -> Option<Decoder> {
    let d: Decoder = match schema {
        "Meta" => roundtrip::<c::Meta>,
        "PublicBody" => roundtrip::<c::PublicBody>,
        "OfficeHours" => roundtrip::<c::OfficeHours>,
        "ServiceStandards" => roundtrip::<c::ServiceStandards>,
        "DeadlineRules" => roundtrip::<c::DeadlineRules>,
        "ServiceCharter" => roundtrip::<c::ServiceCharter>,
        "CharterElement" => roundtrip::<c::CharterElement>,
        "Calendar" => roundtrip::<c::Calendar>,
        "CalendarDay" => roundtrip::<c::CalendarDay>,
        "DayKind" => roundtrip::<c::DayKind>,
        "UnitList" => roundtrip::<c::UnitList>,
        "Unit" => roundtrip::<c::Unit>,
        "InformationClass" => roundtrip::<c::InformationClass>,
        "CatalogueSort" => roundtrip::<c::CatalogueSort>,
        "CataloguePage" => roundtrip::<c::CataloguePage>,
        "ClassCounts" => roundtrip::<c::ClassCounts>,
        "CatalogueSummary" => roundtrip::<c::CatalogueSummary>,
        "CatalogueItem" => roundtrip::<c::CatalogueItem>,
        "InformationForm" => roundtrip::<c::InformationForm>,
        "CatalogueFile" => roundtrip::<c::CatalogueFile>,
        "Exemption" => roundtrip::<c::Exemption>,
        "AnnouncementList" => roundtrip::<c::AnnouncementList>,
        "Announcement" => roundtrip::<c::Announcement>,
        "RequesterKind" => roundtrip::<c::RequesterKind>,
        "Requester" => roundtrip::<c::Requester>,
        "Attachment" => roundtrip::<c::Attachment>,
        "AttachmentRole" => roundtrip::<c::AttachmentRole>,
        "ObtainMethod" => roundtrip::<c::ObtainMethod>,
        "Delivery" => roundtrip::<c::Delivery>,
        "Channel" => roundtrip::<c::Channel>,
        "RequestSubmission" => roundtrip::<c::RequestSubmission>,
        "RequestReceipt" => roundtrip::<c::RequestReceipt>,
        "Lookup" => roundtrip::<c::Lookup>,
        "AccessLookup" => roundtrip::<c::AccessLookup>,
        "RequestStatus" => roundtrip::<c::RequestStatus>,
        "SurveySubmission" => roundtrip::<c::SurveySubmission>,
        "SurveyReceipt" => roundtrip::<c::SurveyReceipt>,
        "RequestEvent" => roundtrip::<c::RequestEvent>,
        "EventKind" => roundtrip::<c::EventKind>,
        "Outcome" => roundtrip::<c::Outcome>,
        "ObjectionSubmission" => roundtrip::<c::ObjectionSubmission>,
        "ObjectionReceipt" => roundtrip::<c::ObjectionReceipt>,
        "ObjectionStatus" => roundtrip::<c::ObjectionStatus>,
        "ObjectionAnswer" => roundtrip::<c::ObjectionAnswer>,
        "RegisterSort" => roundtrip::<c::RegisterSort>,
        "RegisterPage" => roundtrip::<c::RegisterPage>,
        "RegisterRecord" => roundtrip::<c::RegisterRecord>,
        "RegisterSummary" => roundtrip::<c::RegisterSummary>,
        "RegisterEntry" => roundtrip::<c::RegisterEntry>,
        "RegisterEvent" => roundtrip::<c::RegisterEvent>,
        "RegisterEventKind" => roundtrip::<c::RegisterEventKind>,
        "FollowUp" => roundtrip::<c::FollowUp>,
        "FollowUpResult" => roundtrip::<c::FollowUpResult>,
        "Statistics" => roundtrip::<c::Statistics>,
        "YearStatistics" => roundtrip::<c::YearStatistics>,
        "UnitStatistics" => roundtrip::<c::UnitStatistics>,
        "ServiceFigures" => roundtrip::<c::ServiceFigures>,
        "Problem" => roundtrip::<c::Problem>,
        "FieldError" => roundtrip::<c::FieldError>,
        _ => return None,
    };
    Some(d)
}

/// Every wire type of `src/contract`; `components/schemas` must hold exactly these.
const SCHEMAS: [&str; 59] = [
    "Meta",
    "PublicBody",
    "OfficeHours",
    "ServiceStandards",
    "DeadlineRules",
    "ServiceCharter",
    "CharterElement",
    "Calendar",
    "CalendarDay",
    "DayKind",
    "UnitList",
    "Unit",
    "InformationClass",
    "CatalogueSort",
    "CataloguePage",
    "ClassCounts",
    "CatalogueSummary",
    "CatalogueItem",
    "InformationForm",
    "CatalogueFile",
    "Exemption",
    "AnnouncementList",
    "Announcement",
    "RequesterKind",
    "Requester",
    "Attachment",
    "AttachmentRole",
    "ObtainMethod",
    "Delivery",
    "Channel",
    "RequestSubmission",
    "RequestReceipt",
    "Lookup",
    "AccessLookup",
    "RequestStatus",
    "SurveySubmission",
    "SurveyReceipt",
    "RequestEvent",
    "EventKind",
    "Outcome",
    "ObjectionSubmission",
    "ObjectionReceipt",
    "ObjectionStatus",
    "ObjectionAnswer",
    "RegisterSort",
    "RegisterPage",
    "RegisterRecord",
    "RegisterSummary",
    "RegisterEntry",
    "RegisterEvent",
    "RegisterEventKind",
    "FollowUp",
    "FollowUpResult",
    "Statistics",
    "YearStatistics",
    "UnitStatistics",
    "ServiceFigures",
    "Problem",
    "FieldError",
];

// ---------------------------------------------------------------- loading and collecting

fn load() -> Json {
    let text = std::fs::read_to_string(SPEC).unwrap_or_else(|e| panic!("cannot read {SPEC}: {e}"));
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{SPEC} is not YAML: {e}"));
    serde_json::to_value(yaml).unwrap_or_else(|e| panic!("{SPEC} does not map to JSON: {e}"))
}

/// Follows a local `$ref` (`#/a/b/c`) if `node` is one, returning the target and the reference itself.
fn resolve<'a>(doc: &'a Json, node: &'a Json) -> (&'a Json, Option<String>) {
    match node.get("$ref").and_then(Json::as_str) {
        Some(r) => {
            let pointer = r
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("only local $refs are allowed: {r}"));
            let target = doc
                .pointer(pointer)
                .unwrap_or_else(|| panic!("dangling $ref {r}"));
            (target, Some(r.to_string()))
        }
        None => (node, None),
    }
}

fn schema_ref_name(schema: &Json) -> Option<&str> {
    schema
        .get("$ref")?
        .as_str()?
        .strip_prefix("#/components/schemas/")
}

/// One example found in the document.
#[derive(Debug)]
struct Example {
    /// Where it is written (a `$ref`d response is one location however often it is used).
    location: String,
    /// The operation it was reached from, for messages.
    operation: String,
    /// Schema name from the `$ref` of its media type or parameter.
    schema: Option<String>,
    media_type: Option<String>,
    /// HTTP status of the response it belongs to; `None` for bodies and parameters.
    status: Option<String>,
    value: Option<Json>,
}

/// Everything the walk found, plus the problems it met on the way.
#[derive(Default)]
struct Walk {
    operations: BTreeSet<(String, String)>,
    examples: Vec<Example>,
    failures: Vec<String>,
}

fn walk(doc: &Json) -> Walk {
    let mut w = Walk::default();
    let paths = doc["paths"].as_object().expect("paths is a mapping");
    for (path, item) in paths {
        let item = item.as_object().expect("path item is a mapping");
        let shared_params = item
            .get("parameters")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let operation = format!("{} {path}", method.to_uppercase());
            w.operations.insert((method.to_uppercase(), path.clone()));

            let own_params = op
                .get("parameters")
                .and_then(Json::as_array)
                .cloned()
                .unwrap_or_default();
            for param in shared_params.iter().chain(own_params.iter()) {
                let (param, r) = resolve(doc, param);
                let name = param["name"].as_str().unwrap_or("?");
                let base = r.unwrap_or_else(|| format!("{operation} parameter {name}"));
                collect_examples(
                    &mut w,
                    param,
                    &param["schema"],
                    &base,
                    &operation,
                    None,
                    None,
                );
            }

            if let Some(body) = op.get("requestBody") {
                let (body, r) = resolve(doc, body);
                let base = r.unwrap_or_else(|| format!("{operation} requestBody"));
                collect_content(&mut w, body, &base, &operation, None);
            }

            let responses = op.get("responses").and_then(Json::as_object);
            let Some(responses) = responses.filter(|r| !r.is_empty()) else {
                w.failures.push(format!("{operation}: no responses"));
                continue;
            };
            for (status, response) in responses {
                let (response, r) = resolve(doc, response);
                let base = r.unwrap_or_else(|| format!("{operation} {status}"));
                collect_content(&mut w, response, &base, &operation, Some(status));
            }
        }
    }
    w
}

/// Examples of every media type of a request body or response; each must have at least one.
fn collect_content(
    w: &mut Walk,
    holder: &Json,
    base: &str,
    operation: &str,
    status: Option<&String>,
) {
    let Some(content) = holder
        .get("content")
        .and_then(Json::as_object)
        .filter(|c| !c.is_empty())
    else {
        w.failures.push(format!(
            "{base}: no content (every body and response must have a JSON example)"
        ));
        return;
    };
    for (media_type, media) in content {
        let before = w.examples.len();
        collect_examples(
            w,
            media,
            &media["schema"],
            &format!("{base} {media_type}"),
            operation,
            Some(media_type),
            status,
        );
        if w.examples.len() == before {
            w.failures.push(format!("{base} {media_type}: no examples"));
        }
    }
}

fn collect_examples(
    w: &mut Walk,
    holder: &Json,
    schema: &Json,
    base: &str,
    operation: &str,
    media_type: Option<&String>,
    status: Option<&String>,
) {
    if holder.get("example").is_some() {
        w.failures
            .push(format!("{base}: use named `examples`, not `example`"));
    }
    let Some(examples) = holder.get("examples") else {
        return;
    };
    let Some(examples) = examples.as_object() else {
        w.failures.push(format!(
            "{base}: `examples` must be a mapping of named examples"
        ));
        return;
    };
    for (name, example) in examples {
        if example.get("$ref").is_some() || example.get("externalValue").is_some() {
            w.failures
                .push(format!("{base} example {name}: write the value inline"));
        }
        w.examples.push(Example {
            location: format!("{base} example {name}"),
            operation: operation.to_string(),
            schema: schema_ref_name(schema).map(str::to_string),
            media_type: media_type.cloned(),
            status: status.cloned(),
            value: example.get("value").cloned(),
        });
        if schema_ref_name(schema).is_none() {
            // Inline schemas (plain integers and strings of parameters) only get a type check.
            let value = example.get("value").cloned().unwrap_or(Json::Null);
            if !inline_type_ok(schema, &value) {
                w.failures.push(format!(
                    "{base} example {name}: {value} does not fit the inline schema"
                ));
            }
        }
    }
}

fn inline_type_ok(schema: &Json, value: &Json) -> bool {
    type_matches(schema.get("type"), value)
}

fn type_matches(ty: Option<&Json>, value: &Json) -> bool {
    let Some(ty) = ty else { return true };
    let names: Vec<&str> = match ty {
        Json::String(s) => vec![s.as_str()],
        Json::Array(a) => a.iter().filter_map(Json::as_str).collect(),
        _ => return false,
    };
    names.iter().any(|t| match *t {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "null" => value.is_null(),
        _ => false,
    })
}

// ---------------------------------------------------------------- schema walk

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// The example as written: every key is a schema property, required ones are present, enums are known.
    Example,
    /// What Rust serialises back: every Rust field is a schema property (keys are recorded per schema).
    Rust,
}

struct Checker<'a> {
    doc: &'a Json,
    mode: Mode,
    failures: Vec<String>,
    /// Schema names reached through a `$ref`.
    visited: BTreeSet<String>,
    /// Object keys seen per named schema.
    keys: BTreeMap<String, BTreeSet<String>>,
    /// Every object value seen per named schema.
    samples: BTreeMap<String, Vec<Json>>,
}

impl<'a> Checker<'a> {
    fn new(doc: &'a Json, mode: Mode) -> Self {
        Checker {
            doc,
            mode,
            failures: Vec::new(),
            visited: BTreeSet::new(),
            keys: BTreeMap::new(),
            samples: BTreeMap::new(),
        }
    }

    fn fail(&mut self, at: &str, what: String) {
        self.failures.push(format!("{at}: {what}"));
    }

    fn check(&mut self, schema: &Json, value: &Json, at: &str, named: Option<&str>) {
        if let Some(name) = schema_ref_name(schema) {
            self.visited.insert(name.to_string());
            let Some(target) = self.doc["components"]["schemas"].get(name) else {
                self.fail(at, format!("$ref to unknown schema {name}"));
                return;
            };
            return self.check(target, value, at, Some(name));
        }
        if schema.get("$ref").is_some() {
            self.fail(at, "schema $ref outside #/components/schemas".into());
            return;
        }
        if let Some(branches) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Json::as_array)
        {
            let is_null_branch = |b: &Json| b.get("type").and_then(Json::as_str) == Some("null");
            if value.is_null() {
                if !branches.iter().any(is_null_branch) {
                    self.fail(at, "null where the schema does not allow it".into());
                }
                return;
            }
            let others: Vec<&Json> = branches.iter().filter(|b| !is_null_branch(b)).collect();
            if others.len() != 1 {
                self.fail(
                    at,
                    "anyOf/oneOf must be one schema plus an optional null".into(),
                );
                return;
            }
            return self.check(others[0], value, at, None);
        }
        if !type_matches(schema.get("type"), value) {
            self.fail(
                at,
                format!(
                    "{value} does not have type {}",
                    schema.get("type").unwrap_or(&Json::Null)
                ),
            );
            return;
        }
        if value.is_null() {
            return;
        }
        if self.mode == Mode::Example {
            for key in ["enum", "x-extensible-enum"] {
                if let Some(allowed) = schema.get(key).and_then(Json::as_array) {
                    if !allowed.contains(value) {
                        self.fail(at, format!("{value} is not one of {key} {allowed:?}"));
                    }
                }
            }
        }
        if let Some(s) = value.as_str() {
            match schema.get("format").and_then(Json::as_str) {
                Some("date") if !is_date(s) => self.fail(at, format!("{s:?} is not YYYY-MM-DD")),
                Some("date-time") if !is_instant(s) => {
                    self.fail(at, format!("{s:?} is not RFC 3339 with an offset"))
                }
                _ => {}
            }
        }
        match value {
            Json::Object(map) => {
                if let Some(name) = named {
                    let seen = self.keys.entry(name.to_string()).or_default();
                    seen.extend(map.keys().cloned());
                    self.samples
                        .entry(name.to_string())
                        .or_default()
                        .push(value.clone());
                }
                let props = schema.get("properties").and_then(Json::as_object);
                let extra = schema.get("additionalProperties").filter(|a| a.is_object());
                if let Some(required) = schema.get("required").and_then(Json::as_array) {
                    for r in required.iter().filter_map(Json::as_str) {
                        if !map.contains_key(r) {
                            self.fail(at, format!("required property {r} is missing"));
                        }
                    }
                }
                for (k, v) in map {
                    let child = format!("{at}/{k}");
                    match (props.and_then(|p| p.get(k)), extra) {
                        (Some(sub), _) => self.check(sub, v, &child, None),
                        (None, Some(sub)) => self.check(sub, v, &child, None),
                        (None, None) => self.fail(at, format!("property {k} is not in the schema")),
                    }
                }
            }
            Json::Array(items) => {
                if let Some(sub) = schema.get("items") {
                    for (i, v) in items.iter().enumerate() {
                        self.check(sub, v, &format!("{at}/{i}"), None);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The form the contract gives access tokens (URL-safe, at least 128 bits).
fn is_access_token(s: &str) -> bool {
    (22..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return false;
    }
    if !parts.iter().all(|p| digits(p)) {
        return false;
    }
    let (y, m, d): (u32, u32, u32) = (
        parts[0].parse().unwrap(),
        parts[1].parse().unwrap(),
        parts[2].parse().unwrap(),
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](+|-)HH:MM`: the contract wants the office's offset, never `Z`.
fn is_instant(s: &str) -> bool {
    if s.len() < 25 || !is_date(&s[..10]) || &s[10..11] != "T" {
        return false;
    }
    let time = &s[11..19];
    let hms: Vec<&str> = time.split(':').collect();
    let time_ok = hms.len() == 3
        && hms.iter().all(|p| p.len() == 2 && digits(p))
        && hms[0] < "24"
        && hms[1] < "60"
        && hms[2] < "61";
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    let offset_ok = rest.len() == 6
        && (rest.starts_with('+') || rest.starts_with('-'))
        && &rest[3..4] == ":"
        && digits(&rest[1..3])
        && digits(&rest[4..6]);
    time_ok && offset_ok
}

// ---------------------------------------------------------------- the full analysis

struct Analysis {
    walk: Walk,
    example_check: Checker<'static>,
    rust_check: Checker<'static>,
    decode_failures: Vec<String>,
    semantic_failures: Vec<String>,
}

fn analyse() -> Analysis {
    let doc: &'static Json = Box::leak(Box::new(load()));
    let walk = walk(doc);
    let mut example_check = Checker::new(doc, Mode::Example);
    let mut rust_check = Checker::new(doc, Mode::Rust);
    let mut decode_failures = Vec::new();
    let mut semantic_failures = Vec::new();
    let mut done = BTreeSet::new();

    for ex in &walk.examples {
        let at = &ex.location;
        if !done.insert(at.clone()) {
            continue; // a shared ($ref'd) response, already checked
        }
        let Some(value) = &ex.value else {
            decode_failures.push(format!("{at}: example without `value`"));
            continue;
        };
        let Some(schema) = &ex.schema else {
            if ex.media_type.is_some() {
                decode_failures.push(format!(
                    "{at}: the media type's schema must be a $ref to components/schemas"
                ));
            }
            continue;
        };
        let Some(decode) = decoder(schema) else {
            decode_failures.push(format!(
                "{at}: schema {schema} has no Rust type mapped in this test"
            ));
            continue;
        };
        let rust = match decode(value) {
            Ok(rust) => rust,
            Err(e) => {
                decode_failures.push(format!("{at}: does not decode as {schema}: {e}"));
                continue;
            }
        };
        let schema_node = serde_json::json!({ "$ref": format!("#/components/schemas/{schema}") });
        example_check.check(&schema_node, value, at, None);
        rust_check.check(
            &schema_node,
            &rust,
            &format!("{at} (as Rust serialises it)"),
            None,
        );
        semantic_failures.extend(semantics(ex, schema, value));
    }
    Analysis {
        walk,
        example_check,
        rust_check,
        decode_failures,
        semantic_failures,
    }
}

/// Rules of the contract that the examples must themselves obey.
fn semantics(ex: &Example, schema: &str, value: &Json) -> Vec<String> {
    let at = &ex.location;
    let mut out = Vec::new();
    let status: Option<u16> = ex.status.as_deref().and_then(|s| s.parse().ok());

    if let Some(status) = status {
        let is_error = status >= 400;
        let expected_media = if is_error {
            "application/problem+json"
        } else {
            "application/json"
        };
        if ex.media_type.as_deref() != Some(expected_media) {
            out.push(format!("{at}: status {status} must be {expected_media}"));
        }
        if is_error {
            out.extend(problem_rules(ex, status, schema, value));
        } else if (ex.operation == "POST /v1/requests" || ex.operation == "POST /v1/objections")
            && status != 201
        {
            out.push(format!("{at}: submissions answer 201"));
        }
    }

    match schema {
        "Meta" => {
            let meta: c::Meta = serde_json::from_value(value.clone()).expect("decoded above");
            if meta.contract_version != CONTRACT_VERSION {
                out.push(format!(
                    "{at}: example contract_version {} is not {CONTRACT_VERSION}",
                    meta.contract_version
                ));
            }
        }
        "CatalogueItem" => {
            let item: c::CatalogueItem =
                serde_json::from_value(value.clone()).expect("decoded above");
            let excepted = item.class == c::InformationClass::Dikecualikan;
            if excepted != item.exemption.is_some() {
                out.push(format!(
                    "{at}: exemption must be present exactly for dikecualikan"
                ));
            }
            if excepted && !item.files.is_empty() {
                out.push(format!("{at}: a dikecualikan item must not carry files"));
            }
        }
        "RequestStatus" => {
            let status: c::RequestStatus =
                serde_json::from_value(value.clone()).expect("decoded above");
            match status.events.first() {
                Some(first)
                    if first.kind == c::EventKind::Received && first.at == status.received_at => {}
                _ => out.push(format!(
                    "{at}: the first event must be `received` at received_at"
                )),
            }
            if status.events.windows(2).any(|w| w[0].at > w[1].at) {
                out.push(format!("{at}: events must be in chronological order"));
            }
            for e in &status.events {
                if let Some(problem) = event_rule(e) {
                    out.push(format!("{at}: event at {}: {problem}", e.at));
                }
            }
        }
        "RegisterPage" => {
            let page: c::RegisterPage =
                serde_json::from_value(value.clone()).expect("decoded above");
            out.extend(
                register_page_rules(&page)
                    .into_iter()
                    .map(|p| format!("{at}: {p}")),
            );
        }
        "RegisterEntry" => {
            let entry: c::RegisterEntry =
                serde_json::from_value(value.clone()).expect("decoded above");
            out.extend(
                register_entry_rules(&entry)
                    .into_iter()
                    .map(|p| format!("{at}: {p}")),
            );
        }
        "ObjectionSubmission" => {
            let sub: c::ObjectionSubmission =
                serde_json::from_value(value.clone()).expect("decoded above");
            let mut errors = Vec::new();
            check_requester(&sub.objector, "/objector", &mut errors);
            if !errors.is_empty() {
                out.push(format!(
                    "{at}: the client's own validation rejects this objector: {errors:?}"
                ));
            }
        }
        _ => {}
    }
    if matches!(
        schema,
        "RequestReceipt" | "ObjectionReceipt" | "AccessLookup" | "SurveySubmission"
    ) {
        if let Some(token) = value.get("access_token").and_then(Json::as_str) {
            if !is_access_token(token) {
                out.push(format!(
                    "{at}: an access token is 22 to 64 characters of A-Z a-z 0-9 - _"
                ));
            }
        }
    }
    if schema == "SurveySubmission"
        && value.get("verifier").is_none() == value.get("access_token").is_none()
    {
        out.push(format!(
            "{at}: a survey proves ownership with a verifier or an access token, one of them"
        ));
    }
    match schema {
        "ObjectionSubmission" | "ObjectionStatus" => {
            let reasons = value["reasons"].as_array().cloned().unwrap_or_default();
            if reasons.is_empty()
                || reasons
                    .iter()
                    .any(|r| !matches!(r.as_str(), Some("a" | "b" | "c" | "d" | "e" | "f" | "g")))
            {
                out.push(format!("{at}: reasons must be Pasal 35(1) letters a-g"));
            }
        }
        "RequestSubmission" => {
            let sub: c::RequestSubmission =
                serde_json::from_value(value.clone()).expect("decoded above");
            if let Some(problem) = submission_rule(&sub) {
                out.push(format!("{at}: {problem}"));
            }
            let errors = check_request(&sub);
            if !errors.is_empty() {
                out.push(format!(
                    "{at}: the client's own validation rejects this request: {errors:?}"
                ));
            }
        }
        _ => {}
    }
    out
}

/// What the contract says of a register page: the record's sums, the order, the page size, and
/// the summary's own rules.
fn register_page_rules(p: &c::RegisterPage) -> Vec<String> {
    let mut out = Vec::new();
    let r = &p.record;
    if r.answered != p.total {
        out.push("record.answered must equal total".into());
    }
    if r.on_time + r.late != r.answered {
        out.push("record: on_time + late must equal answered".into());
    }
    let outcomes = r.fulfilled
        + r.partly_fulfilled
        + r.refused
        + r.not_held
        + r.not_yet_documented
        + r.forwarded;
    if outcomes != r.answered {
        out.push("record: the outcome counts must add up to answered".into());
    }
    let letters: u32 = r.refused_by_pasal17.values().sum();
    if letters > r.refused + r.partly_fulfilled {
        out.push("record: refused_by_pasal17 counts more than refused + partly_fulfilled".into());
    }
    if r.objections > r.answered || r.disputes > r.objections {
        out.push("record: every dispute follows an objection, every objection an entry".into());
    }
    if p.entries.len() > p.per_page as usize || p.entries.len() > p.total as usize {
        out.push("more entries than per_page or total".into());
    }
    let newest = p
        .entries
        .windows(2)
        .all(|w| (&w[1].received_on, &w[0].id) <= (&w[0].received_on, &w[1].id));
    let oldest = p
        .entries
        .windows(2)
        .all(|w| (&w[0].received_on, &w[0].id) <= (&w[1].received_on, &w[1].id));
    if !newest && !oldest {
        out.push("entries are neither newest nor oldest first (ties by id)".into());
    }
    for e in &p.entries {
        if let Some(problem) = pasal17_rule(e.outcome, e.pasal17.as_deref()) {
            out.push(format!("{}: {problem}", e.id));
        }
        if e.notice_on < e.received_on {
            out.push(format!("{}: a notice before the request", e.id));
        }
        if e.dispute.is_some() && e.objection.is_none() {
            out.push(format!("{}: a dispute follows an objection", e.id));
        }
    }
    out
}

/// What the contract says of a register entry: lateness from the dates, the timeline's order,
/// and follow-ups in the timeline.
fn register_entry_rules(e: &c::RegisterEntry) -> Vec<String> {
    use c::RegisterEventKind as K;
    let mut out = Vec::new();
    if let Some(problem) = pasal17_rule(e.outcome, e.pasal17.as_deref()) {
        out.push(problem.into());
    }
    let late = e.due_on.as_ref().is_some_and(|due| &e.notice_on > due);
    if e.late != late {
        out.push("late must be notice_on after due_on (false without due_on)".into());
    }
    match e.timeline.first() {
        Some(first) if first.kind == K::Received && first.on == e.received_on => {}
        _ => out.push("the timeline starts with received on received_on".into()),
    }
    if e.timeline.windows(2).any(|w| w[0].on > w[1].on) {
        out.push("the timeline is oldest first".into());
    }
    let has = |kind: K, on: Option<&String>| {
        e.timeline
            .iter()
            .any(|t| t.kind == kind && on.is_none_or(|d| &t.on == d))
    };
    if !has(K::Notice, Some(&e.notice_on)) {
        out.push("the timeline has the notice on notice_on".into());
    }
    if e.extended != has(K::Extended, None) {
        out.push("extended goes with an extended step".into());
    }
    for (f, filed, decided) in [
        (&e.objection, K::ObjectionFiled, K::ObjectionAnswered),
        (&e.dispute, K::DisputeFiled, K::DisputeDecided),
    ] {
        let Some(f) = f else { continue };
        if !has(filed, Some(&f.filed_on)) || f.decided_on.is_some() != has(decided, None) {
            out.push(format!(
                "{filed:?}/{decided:?} steps must match the follow-up"
            ));
        }
        if (f.result == c::FollowUpResult::Pending) == f.decided_on.is_some() {
            out.push("decided_on goes with a decided result, and only there".into());
        }
    }
    if e.dispute.is_some() && e.objection.is_none() {
        out.push("a dispute follows an objection".into());
    }
    out
}

fn pasal17_rule(outcome: c::Outcome, letter: Option<&str>) -> Option<&'static str> {
    use c::Outcome as O;
    let needs = matches!(outcome, O::Refused | O::PartlyFulfilled);
    match letter {
        None if needs => Some("refused and partly_fulfilled carry pasal17"),
        Some(_) if !needs => Some("pasal17 belongs to refused and partly_fulfilled"),
        Some(l) if !matches!(l, "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j") => {
            Some("pasal17 is a letter a-j")
        }
        _ => None,
    }
}

/// An error example is a `Problem` whose status, code and field-error codes are the contract's.
fn problem_rules(ex: &Example, status: u16, schema: &str, value: &Json) -> Vec<String> {
    let at = &ex.location;
    let mut out = Vec::new();
    if schema != "Problem" {
        out.push(format!(
            "{at}: an error response must use the Problem schema, not {schema}"
        ));
    }
    match serde_json::from_value::<c::Problem>(value.clone()) {
        Err(e) => out.push(format!("{at}: does not decode as Problem: {e}")),
        Ok(p) => {
            if p.status != status {
                out.push(format!(
                    "{at}: body status {} differs from HTTP status {status}",
                    p.status
                ));
            }
            if !PROBLEM_CODES.contains(&p.code.as_str()) {
                out.push(format!("{at}: unknown problem code {:?}", p.code));
            }
            if p.errors
                .iter()
                .any(|f| !FIELD_CODES.contains(&f.code.as_str()))
            {
                out.push(format!("{at}: unknown field error code in {:?}", p.errors));
            }
            if !p.errors.is_empty() && p.code != c::problem_code::VALIDATION {
                out.push(format!(
                    "{at}: only `validation` problems carry field errors"
                ));
            }
            if (p.code == c::problem_code::RATE_LIMITED) != p.retry_after.is_some() {
                out.push(format!(
                    "{at}: retry_after goes with rate_limited and only there"
                ));
            }
        }
    }
    out
}

/// Which properties each event kind carries (see `POST /v1/request-lookups`).
fn event_rule(e: &c::RequestEvent) -> Option<&'static str> {
    use c::{EventKind as K, Outcome as O};
    match e.kind {
        K::ForwardedUnit if e.unit_id.is_none() => Some("forwarded_unit needs unit_id"),
        K::ForwardedBody if e.body_name.is_none() => Some("forwarded_body needs body_name"),
        K::Extended if e.reason.is_none() => Some("extended needs reason"),
        K::Notice if e.outcome.is_none() => Some("notice needs outcome"),
        K::Notice
            if matches!(e.outcome, Some(O::Refused | O::PartlyFulfilled))
                && e.pasal17.is_none() =>
        {
            Some("refused/partly_fulfilled need pasal17")
        }
        K::Notice => None,
        _ if e.provide_by.is_some() => Some("provide_by belongs to notice events"),
        K::Delivered | K::Billed if e.outcome.is_some() || e.pasal17.is_some() => {
            Some("outcome and pasal17 belong to notice events")
        }
        K::Billed if !e.documents.is_empty() => {
            Some("documents belong to notice and delivered events")
        }
        K::Delivered | K::Billed => None,
        _ if e.received_on.is_some() => {
            Some("received_on belongs to notice, delivered and billed events")
        }
        _ if e.outcome.is_some() || e.pasal17.is_some() || !e.documents.is_empty() => {
            Some("outcome, pasal17 and documents belong to notice events")
        }
        _ => None,
    }
}

/// The submission rules of `POST /v1/requests`, so no example shows an invalid request as valid.
fn submission_rule(s: &c::RequestSubmission) -> Option<&'static str> {
    use c::{Delivery as D, ObtainMethod as M, RequesterKind as K};
    let r = &s.requester;
    let nik_ok = r.nik.as_deref().is_some_and(|n| n.len() == 16 && digits(n));
    match r.kind {
        None => return Some("requester.kind is required"),
        Some(K::Individual | K::Proxy) if !nik_ok => {
            return Some("individuals and proxies need a 16-digit nik")
        }
        Some(K::LegalEntity) if r.decree_number.is_none() => {
            return Some("legal entities need decree_number")
        }
        Some(K::Proxy) if r.principal_name.is_none() => return Some("proxies need principal_name"),
        _ => {}
    }
    if r.phone.is_none() && r.email.is_none() {
        return Some("a phone or an e-mail is required");
    }
    if let Some(phone) = &r.phone {
        let rest = phone.strip_prefix("+62").unwrap_or("");
        if !(8..=12).contains(&rest.len()) || !digits(rest) || rest.starts_with('0') {
            return Some("phone must be +62 and 8 to 12 digits");
        }
    }
    if s.obtain.is_empty() {
        return Some("obtain must not be empty");
    }
    let copy = s
        .obtain
        .iter()
        .any(|m| matches!(m, M::SoftCopy | M::HardCopy));
    match s.delivery {
        None if copy => Some("delivery is required for copies"),
        Some(D::Post | D::Courier) if s.delivery_address.is_none() => {
            Some("post and courier need delivery_address")
        }
        Some(D::Email) if s.delivery_email.is_none() => Some("email delivery needs delivery_email"),
        _ => None,
    }
}

fn assert_none(what: &str, failures: &[String]) {
    assert!(failures.is_empty(), "{what}:\n  {}", failures.join("\n  "));
}

// ---------------------------------------------------------------- tests

#[test]
fn document_version_is_the_rust_contract_version() {
    let doc = load();
    let openapi = doc["openapi"].as_str().expect("openapi version");
    assert!(
        openapi.starts_with("3.1."),
        "OpenAPI 3.1 expected, found {openapi}"
    );
    assert_eq!(
        doc["info"]["version"].as_str(),
        Some(CONTRACT_VERSION),
        "info.version must equal CONTRACT_VERSION"
    );
    let major: u32 = CONTRACT_VERSION
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .expect("semver");
    assert_eq!(
        major, MAJOR_VERSION,
        "CONTRACT_VERSION's major must be MAJOR_VERSION"
    );
}

#[test]
fn every_path_is_versioned_and_the_operations_are_exactly_the_contract() {
    let doc = load();
    let prefix = format!("/v{MAJOR_VERSION}/");
    for path in doc["paths"].as_object().expect("paths").keys() {
        assert!(
            path.starts_with(&prefix),
            "{path} does not start with {prefix}"
        );
    }
    let found = walk(&doc).operations;
    let expected: BTreeSet<(String, String)> = OPERATIONS
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    let missing: Vec<_> = expected.difference(&found).collect();
    let extra: Vec<_> = found.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "operations differ: missing {missing:?}, unexpected {extra:?}"
    );
}

#[test]
fn every_body_and_response_has_inline_named_examples() {
    let doc = load();
    assert_none(
        "bodies and responses without proper examples",
        &walk(&doc).failures,
    );
}

#[test]
fn every_example_decodes_into_the_rust_type_its_schema_names() {
    let a = analyse();
    assert_none("examples that do not decode", &a.decode_failures);
}

#[test]
fn every_error_example_is_a_problem() {
    let a = analyse();
    let errors: Vec<&Example> = a
        .walk
        .examples
        .iter()
        .filter(|e| {
            e.status
                .as_deref()
                .and_then(|s| s.parse::<u16>().ok())
                .is_some_and(|s| s >= 400)
        })
        .collect();
    assert!(
        errors.len() >= 10,
        "expected error examples for the listed error responses, found {}",
        errors.len()
    );
    let mut failures = Vec::new();
    for e in errors {
        let status: u16 = e
            .status
            .as_deref()
            .and_then(|s| s.parse().ok())
            .expect("filtered above");
        if e.media_type.as_deref() != Some("application/problem+json") {
            failures.push(format!(
                "{}: errors are application/problem+json",
                e.location
            ));
        }
        let value = e.value.clone().unwrap_or(Json::Null);
        failures.extend(problem_rules(
            e,
            status,
            e.schema.as_deref().unwrap_or("(none)"),
            &value,
        ));
    }
    assert_none("error examples", &failures);
}

#[test]
fn examples_match_their_schemas_and_follow_the_contract_rules() {
    let a = analyse();
    assert_none(
        "examples that do not fit their schema",
        &a.example_check.failures,
    );
    assert_none(
        "Rust fields missing from the schema",
        &a.rust_check.failures,
    );
    assert_none(
        "examples that break the contract's own rules",
        &a.semantic_failures,
    );
}

#[test]
fn components_schemas_are_exactly_the_rust_wire_types() {
    let doc = load();
    let names: BTreeSet<&str> = doc["components"]["schemas"]
        .as_object()
        .expect("schemas")
        .keys()
        .map(String::as_str)
        .collect();
    let expected: BTreeSet<&str> = SCHEMAS.into_iter().collect();
    assert_eq!(
        names, expected,
        "components/schemas must be exactly the wire types of src/contract"
    );
    for name in SCHEMAS {
        assert!(decoder(name).is_some(), "{name} has no decoder");
    }
}

/// Every schema is reached by some example, and each object schema's properties are exactly the fields
/// Rust reads and writes (property names seen across all examples, as Rust serialises them back).
#[test]
fn every_schema_has_an_example_and_its_properties_are_the_rust_fields() {
    let a = analyse();
    assert_none("decoding", &a.decode_failures);
    let doc = load();
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    let mut failures = Vec::new();
    for (name, schema) in schemas {
        if !a.example_check.visited.contains(name) {
            failures.push(format!("{name}: no example reaches this schema"));
            continue;
        }
        let Some(props) = schema.get("properties").and_then(Json::as_object) else {
            continue;
        };
        let declared: BTreeSet<String> = props.keys().cloned().collect();
        let from_rust = a.rust_check.keys.get(name).cloned().unwrap_or_default();
        for p in declared.difference(&from_rust) {
            failures.push(format!(
                "{name}.{p}: declared in the schema but never written by Rust in any example"
            ));
        }
        for p in from_rust.difference(&declared) {
            failures.push(format!("{name}.{p}: a Rust field missing from the schema"));
        }
    }
    assert_none("schemas", &failures);
}

/// Properties the schema requires although Rust decodes them leniently: obligations on backends only.
const STRICTER_THAN_RUST: [(&str, &str); 4] = [
    ("Problem", "type"),
    ("Problem", "title"),
    ("Problem", "status"),
    ("Problem", "code"),
];

/// `required` and nullability in the schemas are what Rust actually accepts: a required property
/// removed from a real example makes Rust reject it, an optional one does not, and `null` is
/// accepted exactly where the schema allows it.
#[test]
fn required_and_nullable_properties_mirror_rust() {
    let a = analyse();
    let doc = load();
    let mut failures = Vec::new();
    for (name, samples) in &a.example_check.samples {
        let schema = &doc["components"]["schemas"][name];
        let Some(props) = schema.get("properties").and_then(Json::as_object) else {
            continue;
        };
        let required: BTreeSet<&str> = schema
            .get("required")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .collect();
        let decode = decoder(name).expect("mapped");
        for (prop, prop_schema) in props {
            let Some(sample) = samples.iter().find(|s| s.get(prop).is_some()) else {
                continue;
            };
            let mut without = sample.clone();
            without.as_object_mut().expect("object").remove(prop);
            let accepted = decode(&without).is_ok();
            let is_required = required.contains(prop.as_str());
            let stricter = STRICTER_THAN_RUST.contains(&(name.as_str(), prop.as_str()));
            if is_required && accepted && !stricter {
                failures.push(format!(
                    "{name}.{prop}: required in the schema, optional in Rust"
                ));
            }
            if !is_required && !accepted {
                failures.push(format!(
                    "{name}.{prop}: optional in the schema, required in Rust"
                ));
            }
            let mut nulled = sample.clone();
            nulled[prop.as_str()] = Json::Null;
            let null_accepted = decode(&nulled).is_ok();
            let null_allowed = allows_null(prop_schema);
            if null_allowed != null_accepted {
                failures.push(format!(
                    "{name}.{prop}: the schema {} null but Rust {} it",
                    if null_allowed { "allows" } else { "forbids" },
                    if null_accepted { "accepts" } else { "rejects" }
                ));
            }
        }
    }
    assert_none("required/nullable mismatches", &failures);
}

fn allows_null(schema: &Json) -> bool {
    let in_type = match schema.get("type") {
        Some(Json::String(t)) => t == "null",
        Some(Json::Array(ts)) => ts.iter().any(|t| t == "null"),
        _ => false,
    };
    let in_branches = schema
        .get("anyOf")
        .or_else(|| schema.get("oneOf"))
        .and_then(Json::as_array)
        .is_some_and(|bs| {
            bs.iter()
                .any(|b| b.get("type").and_then(Json::as_str) == Some("null"))
        });
    in_type || in_branches
}

#[test]
fn there_are_enough_examples() {
    let a = analyse();
    let distinct: BTreeSet<&str> = a
        .walk
        .examples
        .iter()
        .filter(|e| e.schema.is_some())
        .map(|e| e.location.as_str())
        .collect();
    assert!(
        distinct.len() >= 25,
        "only {} distinct decoded examples; the contract promises at least 25",
        distinct.len()
    );
    println!("{} distinct examples decoded", distinct.len());
}

/// The due dates the example summaries quote follow from the example calendar and the standards.
#[test]
fn deadlines_quoted_in_examples_follow_from_the_example_calendar() {
    let doc = load();
    let pointer = "/paths/~1v1~1calendar~1{year}/get/responses/200/content/application~1json/examples/year_2026/value";
    let calendar: c::Calendar =
        serde_json::from_value(doc.pointer(pointer).expect("2026 calendar example").clone())
            .expect("calendar example decodes");
    let mut work = WorkCalendar::new(true);
    work.add_year(&calendar);
    let day = |s: &str| Date::parse(s).expect("date");
    let due = |from: &str, n: u32| {
        work.add_working_days(day(from), n)
            .expect("2026 only")
            .due
            .to_string()
    };
    assert_eq!(
        due("2026-11-23", 10),
        "2026-12-07",
        "notice of PPID-2026-000412"
    );
    assert_eq!(
        due("2026-10-05", 10 + 7),
        "2026-10-28",
        "extended notice of PPID-2026-000231"
    );
    assert_eq!(
        due("2026-11-02", 30),
        "2026-12-14",
        "answer to KEB-2026-000007"
    );
    assert_eq!(
        due("2026-11-20", 14),
        "2026-12-10",
        "dispute after KEB-2026-000007's answer"
    );
    assert_eq!(
        due("2026-09-07", 10),
        "2026-09-22",
        "notice of PPID-2026-000198 (skips the 14 September closure)"
    );
    assert_eq!(
        work.next_working_day_from(day("2026-11-21"))
            .expect("2026")
            .to_string(),
        "2026-11-23",
        "after hours on Friday, by the office's own rule"
    );
    assert_eq!(
        due("2026-10-26", 10),
        "2026-11-09",
        "notice of PPID-2026-000113"
    );
    assert_eq!(
        due("2026-10-22", 30),
        "2026-12-03",
        "answer to KEB-2026-000012"
    );
    // Register entries of 2026: `due_on` is 10 working days after the date of receipt (day zero by
    // the law), 17 after an extension notified within the 10, and `late` follows from it.
    let mut entries = 0;
    for ex in analyse().walk.examples {
        let (Some("RegisterEntry"), Some(value)) = (ex.schema.as_deref(), ex.value) else {
            continue;
        };
        let e: c::RegisterEntry = serde_json::from_value(value).expect("decodes");
        if !e.received_on.starts_with("2026") {
            continue;
        }
        let ten = due(&e.received_on, 10);
        let extension = e
            .timeline
            .iter()
            .find(|t| t.kind == c::RegisterEventKind::Extended);
        let in_time = extension.is_some_and(|t| t.on <= ten);
        let expected = if in_time {
            due(&e.received_on, 17)
        } else {
            ten
        };
        assert_eq!(
            e.due_on.as_deref(),
            Some(expected.as_str()),
            "{}",
            ex.location
        );
        entries += 1;
    }
    assert!(entries >= 2, "{entries} register entries of 2026");
    // The dispute window counts the Komisi Informasi's days: national ones, not the regency's closures.
    let national = work.national();
    let komisi = |from: &str, n: u32| {
        national
            .add_working_days(day(from), n)
            .expect("2026 only")
            .due
            .to_string()
    };
    assert_eq!(
        komisi("2026-11-20", 14),
        "2026-12-10",
        "dispute after KEB-2026-000007's answer"
    );
    assert_eq!(
        komisi("2026-12-03", 14),
        "2026-12-23",
        "dispute when KEB-2026-000012 is not answered"
    );
    assert_eq!(
        komisi("2026-12-04", 14),
        "2026-12-28",
        "dispute after KEB-2026-000012's answer by post"
    );
    assert_eq!(
        komisi("2026-09-04", 14),
        "2026-09-24",
        "Hari Jadi is a working day at the Komisi"
    );
    assert_eq!(due("2026-09-04", 14), "2026-09-25", "but not at the office");
    let text = std::fs::read_to_string(SPEC).expect("spec");
    for quoted in [
        "2026-12-07",
        "2026-10-28",
        "2026-12-14",
        "2026-12-10",
        "22 September 2026",
        "2026-11-09",
        "2026-12-03",
        "2026-12-23",
        "2026-12-28",
        "2026-09-24",
        "2026-09-25",
    ] {
        assert!(
            text.contains(quoted),
            "{quoted} is no longer quoted; update this test"
        );
    }
}

/// The reading dates the introduction quotes follow from `domain::objection`, the example calendar
/// and the example meta's standards; the objection examples are open on the day they were received.
#[test]
fn objection_readings_quoted_in_the_introduction_follow_from_the_rules() {
    use ppid_portal::domain::objection::{readings, warnings, Reading, Reason};
    let doc = load();
    let example = |pointer: &str| {
        doc.pointer(pointer)
            .unwrap_or_else(|| panic!("no example at {pointer}"))
            .clone()
    };
    let calendar: c::Calendar = serde_json::from_value(example(
        "/paths/~1v1~1calendar~1{year}/get/responses/200/content/application~1json/examples/year_2026/value",
    ))
    .expect("calendar example");
    let meta: c::Meta = serde_json::from_value(example(
        "/paths/~1v1~1meta/get/responses/200/content/application~1json/examples/sukamaju/value",
    ))
    .expect("meta example");
    let mut work = WorkCalendar::new(meta.deadline_rules.cuti_bersama_is_non_working);
    work.add_year(&calendar);
    // Windows from late November run into 2027; no 2027 date is quoted, so weekends-only will do here.
    work.add_year(&c::Calendar {
        year: 2027,
        days: vec![],
        sources: vec![],
    });
    let s = &meta.service_standards;
    let day = |s: &str| Date::parse(s).expect("date");
    let request = |notice_on: Option<&str>| c::RequestStatus {
        number: "PPID-2026-000999".into(),
        received_at: "2026-11-02T09:00:00+07:00".into(),
        counts_from: "2026-11-02".into(),
        counts_from_by_law: None,
        information: "x".into(),
        purpose: None,
        unit_id: None,
        events: notice_on
            .map(|on| c::RequestEvent {
                at: format!("{on}T10:00:00+07:00"),
                kind: c::EventKind::Notice,
                note: None,
                unit_id: None,
                body_name: None,
                reason: None,
                outcome: Some(c::Outcome::Fulfilled),
                pasal17: None,
                documents: vec![],
                received_on: None,
                provide_by: None,
            })
            .into_iter()
            .collect(),
        objections: vec![],
        assisted_by: None,
        survey_answered: false,
        publish: None,
        register_id: None,
    };
    let state = |status: &c::RequestStatus, today: &str, r: Reason| {
        readings(status, &[], &work, s, day(today))
            .expect("2026 only")
            .into_iter()
            .find(|(x, _)| *x == r)
            .expect("every reason")
            .1
    };
    let window = |e: Reading| match e {
        Reading::Open {
            since,
            last_day: Some(l),
            ..
        } => (since.to_string(), l.due.to_string()),
        other => panic!("not open: {other:?}"),
    };
    let silent = request(None);
    assert_eq!(
        state(&silent, "2026-11-16", Reason::C),
        Reading::Early {
            from: Some(day("2026-11-17"))
        }
    );
    assert_eq!(
        window(state(&silent, "2026-11-17", Reason::C)),
        ("2026-11-17".into(), "2026-12-30".into())
    );
    assert!(matches!(
        state(&silent, "2026-12-31", Reason::C),
        Reading::Late { .. }
    ));
    let in_time = request(Some("2026-11-12"));
    assert_eq!(
        state(&in_time, "2026-11-16", Reason::C),
        Reading::NotInRecord
    );
    assert_eq!(
        state(&in_time, "2026-11-16", Reason::G),
        Reading::NotInRecord
    );
    assert_eq!(
        window(state(&in_time, "2026-11-16", Reason::A)),
        ("2026-11-12".into(), "2026-12-28".into())
    );
    let late = request(Some("2026-11-19"));
    assert_eq!(
        window(state(&late, "2026-11-19", Reason::G)).0,
        "2026-11-19"
    );
    assert_eq!(
        window(state(&late, "2026-12-30", Reason::C)).1,
        "2026-12-30"
    );

    // The objection examples: PPID-2026-000231 (extended in time, partly fulfilled on 2026-10-26) and the
    // objection on it received 2026-11-02 with reason a.
    let status: c::RequestStatus = serde_json::from_value(example(
        "/paths/~1v1~1request-lookups/post/responses/200/content/application~1json/examples/extended_then_partly_fulfilled/value",
    ))
    .expect("status example");
    let objection: c::ObjectionSubmission = serde_json::from_value(example(
        "/paths/~1v1~1objections/post/requestBody/content/application~1json/examples/partly_refused/value",
    ))
    .expect("objection example");
    assert_eq!(objection.request_number, status.number);
    for letter in &objection.reasons {
        let r = Reason::from_letter(letter).expect("a reason");
        assert!(
            state(&status, "2026-11-02", r).is_open(),
            "reason {letter} of the example objection reads open (no warning)"
        );
    }

    // The citizen's own date of receipt of the posted notice moves the window (since 1.3.0).
    let posted = [c::ReceivedDate {
        event: 0,
        on: "2026-11-16".into(),
    }];
    let with_date = |today: &str, r: Reason| {
        readings(&in_time, &posted, &work, s, day(today))
            .expect("2026 only")
            .into_iter()
            .find(|(x, _)| *x == r)
            .expect("every reason")
            .1
    };
    for r in [Reason::A, Reason::D, Reason::E, Reason::F] {
        assert!(matches!(
            state(&in_time, "2026-12-29", r),
            Reading::Late { .. }
        ));
        assert_eq!(
            window(with_date("2026-12-29", r)),
            ("2026-11-16".into(), "2026-12-30".into())
        );
    }
    // A notice announcing provide_by, and nothing delivered: g opens the day after that deadline.
    let mut announced = request(Some("2026-11-12"));
    announced.events[0].provide_by = Some("2026-11-20".into());
    assert_eq!(
        state(&announced, "2026-11-20", Reason::G),
        Reading::Early {
            from: Some(day("2026-11-21"))
        }
    );

    // The receipts with warnings are what the rules give on the day each was received.
    let receipt = |name: &str| -> c::ObjectionReceipt {
        serde_json::from_value(example(&format!(
            "/paths/~1v1~1objections/post/responses/201/content/application~1json/examples/{name}/value"
        )))
        .expect("receipt example")
    };
    let given = |status: &c::RequestStatus, today: &str, chosen: &[&str]| {
        let chosen: Vec<String> = chosen.iter().map(|x| x.to_string()).collect();
        warnings(
            &chosen,
            &readings(status, &[], &work, s, day(today)).expect("2026 only"),
        )
    };
    assert_eq!(
        receipt("looks_late_and_not_in_record").warnings,
        given(&in_time, "2026-12-29", &["a", "c", "g"])
    );
    assert_eq!(
        receipt("looks_early").warnings,
        given(&silent, "2026-11-16", &["c", "a"])
    );

    // PPID-2026-000113: late delivery by post, a bill, and the objector's dates of receipt.
    let delivered: c::RequestStatus = serde_json::from_value(example(
        "/paths/~1v1~1request-lookups/post/responses/200/content/application~1json/examples/delivered_late_by_post/value",
    ))
    .expect("status example");
    let objection: c::ObjectionSubmission = serde_json::from_value(example(
        "/paths/~1v1~1objections/post/requestBody/content/application~1json/examples/late_delivery_and_fees_with_dates_of_receipt/value",
    ))
    .expect("objection example");
    assert_eq!(objection.request_number, delivered.number);
    assert!(
        check_received_dates(&delivered, &objection.received_dates, day("2026-12-16")).is_empty(),
        "the example's dates of receipt are valid"
    );
    let read = |dates: &[c::ReceivedDate], r: Reason| {
        readings(&delivered, dates, &work, s, day("2026-12-16"))
            .expect("2026 and 2027")
            .into_iter()
            .find(|(x, _)| *x == r)
            .expect("every reason")
            .1
    };
    assert_eq!(
        window(read(&objection.received_dates, Reason::F)),
        ("2026-11-06".into(), "2026-12-18".into())
    );
    assert!(
        matches!(read(&[], Reason::F), Reading::Late { last_day, .. } if last_day.due.to_string() == "2026-12-15")
    );
    assert_eq!(
        window(read(&objection.received_dates, Reason::G)).0,
        "2026-11-19"
    );
    assert!(receipt("with_dates_of_receipt").warnings.is_empty());

    let text = std::fs::read_to_string(SPEC).expect("spec");
    for quoted in [
        "2026-11-17",
        "2026-12-30",
        "2026-12-31",
        "2026-12-28",
        "2026-11-21",
        "2026-12-15",
        "2026-12-18",
        "2026-11-19",
    ] {
        assert!(text.contains(quoted), "{quoted} is no longer quoted");
    }
}

#[test]
fn date_checks_work() {
    assert!(
        is_date("2026-02-28")
            && !is_date("2026-02-29")
            && is_date("2028-02-29")
            && !is_date("2026-13-01")
    );
    assert!(is_instant("2026-11-23T09:15:42+07:00") && is_instant("2026-11-23T09:15:42.5+07:00"));
    assert!(!is_instant("2026-11-23T09:15:42Z") && !is_instant("2026-11-23 09:15:42+07:00"));
}
