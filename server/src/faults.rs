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
//! page with N items, default 5000) and `hostile` (every text field filled from [`CORPUS`], links
//! from [`URL_CORPUS`]).

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
            if let Some(items) = v.get("items").and_then(Value::as_array).cloned() {
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
                    v["items"] = Value::Array(huge);
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
            kind: Kind::Version("2.1.0".into()),
            after: false,
        }
        .answer(|| reply(r#"{"contract_version":"1.0.0","features":[]}"#));
        assert!(meta.body.contains(r#""contract_version":"2.1.0""#));
        let page = Hit {
            kind: Kind::Huge(50),
            after: false,
        }
        .answer(|| reply(r#"{"items":[{"id":"a"},{"id":"b"}],"total":2,"page":1}"#));
        let v: Value = serde_json::from_str(&page.body).unwrap();
        assert_eq!(v["items"].as_array().unwrap().len(), 50);
        assert_eq!(v["items"][3]["id"], "b-3");
        assert_eq!(v["total"], 50);
        let ev = Hit {
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
}
