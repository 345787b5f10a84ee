//! The contract's API over HTTP: one shared [`Reference`] behind a mutex, plus what the contract
//! leaves to servers: the rate limit per client address (the one per number is the reference
//! backend's own) and CORS for the origins the command line allows.

use std::collections::{HashMap, VecDeque};
use std::io::Cursor;
use std::net::IpAddr;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use ppid_portal::reference::{max_failed_lookups, rate_limited, Call, Reference, Reply};
use tiny_http::Response;

use crate::h;

/// How long a failed lookup counts against its client.
pub const WINDOW: Duration = Duration::from_secs(60);

pub struct Api {
    reference: Mutex<Reference>,
    limiter: Mutex<Limiter>,
    clock: Clock,
}

/// The API's idea of now: the system clock, or a fixed start that advances in real time (tests).
enum Clock {
    System,
    From { start_ms: i64, at: Instant },
}

impl Clock {
    fn now_ms(&self) -> i64 {
        match self {
            Clock::System => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_millis() as i64)
                .unwrap_or(0),
            Clock::From { start_ms, at } => start_ms + at.elapsed().as_millis() as i64,
        }
    }
}

impl Api {
    /// A backend over `seed` (normally the built-in demo seed).
    pub fn new(now_ms: Option<i64>, seed: ppid_portal::reference::Seed) -> Api {
        Api {
            reference: Mutex::new(Reference::new(seed)),
            limiter: Mutex::new(Limiter::default()),
            clock: match now_ms {
                Some(start_ms) => Clock::From {
                    start_ms,
                    at: Instant::now(),
                },
                None => Clock::System,
            },
        }
    }

    /// The API's clock in Unix milliseconds (`--now` moves it; the HTTP `Date` header follows it).
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Answers one call; `path` is already stripped of `/api`.
    pub fn handle(
        &self,
        method: &str,
        path: &str,
        query: &str,
        key: Option<&str>,
        body: &str,
        client: Option<IpAddr>,
    ) -> Reply {
        let call = Call {
            method,
            path,
            query,
            idempotency_key: key,
            body,
        };
        let lookup = method == "POST" && proves_ownership(path);
        // An objection is a right: a client's failures count, but never stop its objection.
        let objection = path.trim_end_matches('/') == "/v1/objections";
        if lookup && !objection {
            if let Some(ip) = client {
                if lock(&self.limiter).is_limited(ip, Instant::now()) {
                    return rate_limited(WINDOW.as_secs() as u32);
                }
            }
        }
        let reply = lock(&self.reference).handle(&call, self.clock.now_ms());
        if lookup && reply.status == 404 {
            if let Some(ip) = client {
                lock(&self.limiter).record_failure(ip, Instant::now());
            }
        }
        reply
    }
}

/// The calls that prove ownership of a record (a number with a verifier or an access token), whose
/// `404`s are wrong guesses; a guesser's failures count against their address wherever they try.
fn proves_ownership(path: &str) -> bool {
    matches!(
        path.trim_end_matches('/'),
        "/v1/request-lookups"
            | "/v1/objection-lookups"
            | "/v1/request-access"
            | "/v1/objection-access"
            | "/v1/objections"
            | "/v1/surveys"
    )
}

/// A poisoned lock only means an earlier request panicked; the data is still usable.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Failed lookups per client address within [`WINDOW`].
#[derive(Default)]
pub struct Limiter {
    failures: HashMap<IpAddr, VecDeque<Instant>>,
}

impl Limiter {
    fn prune(&mut self, now: Instant) {
        self.failures.retain(|_, times| {
            while times
                .front()
                .is_some_and(|t| now.duration_since(*t) >= WINDOW)
            {
                times.pop_front();
            }
            !times.is_empty()
        });
    }

    /// The client has used up its failed lookups in the current window.
    pub fn is_limited(&mut self, ip: IpAddr, now: Instant) -> bool {
        self.prune(now);
        self.failures
            .get(&ip)
            .is_some_and(|t| t.len() as u32 >= max_failed_lookups())
    }

    pub fn record_failure(&mut self, ip: IpAddr, now: Instant) {
        self.failures.entry(ip).or_default().push_back(now);
    }
}

/// The methods a contract path serves, for the `Allow` header of a `405` (RFC 9110 section 15.5.6):
/// submissions and lookups are `POST`, everything else `GET`.
pub fn allowed_methods(path: &str) -> &'static str {
    let post = matches!(
        path.trim_end_matches('/'),
        "/v1/requests"
            | "/v1/request-lookups"
            | "/v1/request-access"
            | "/v1/objections"
            | "/v1/objection-lookups"
            | "/v1/objection-access"
            | "/v1/surveys"
    );
    if post {
        "POST"
    } else {
        "GET"
    }
}

/// `ms` (Unix milliseconds) as an HTTP date, `Mon, 23 Nov 2026 03:00:00 GMT` (RFC 9110 section 5.6.7).
pub fn http_date(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        WEEKDAYS[days.rem_euclid(7) as usize],
        MONTHS[(month - 1) as usize],
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

const CORS_ALLOW_HEADERS: &str = "Content-Type, Idempotency-Key";
const CORS_EXPOSE_HEADERS: &str = "Retry-After, Idempotent-Replayed";

/// An `--allow-origin` value as browsers send `Origin`: `scheme://host[:port]` in lower case, no
/// path; or `*`.
pub fn parse_origin(value: &str) -> Result<String, String> {
    let v = value.trim().trim_end_matches('/').to_ascii_lowercase();
    if v == "*" {
        return Ok(v);
    }
    let host = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
        .filter(|h| !h.is_empty() && !h.contains(['/', '?', '#', '@', ' ']));
    match host {
        Some(_) => Ok(v),
        None => Err(format!(
            "--allow-origin needs an origin like https://ppid.example.go.id (scheme, host and \
             port, no path), or *; not {value:?}"
        )),
    }
}

/// What `Access-Control-Allow-Origin` says to a request from `origin`: that origin when it is
/// allowed, `*` when every origin is, nothing otherwise (then only the API's own origin can read it).
pub fn allowed_origin(allowed: &[String], origin: Option<&str>) -> Option<String> {
    if allowed.iter().any(|a| a == "*") {
        return Some("*".into());
    }
    let origin = origin?.trim().to_ascii_lowercase();
    allowed.iter().find(|a| **a == origin).cloned()
}

/// The HTTP answer for a reply; gzip-compressed when `gzip` (the client accepts it) and the body is
/// large enough to gain from it. `origin` is the `Access-Control-Allow-Origin` to send, if any.
///
/// `shared`: a `GET` of what every citizen sees alike ([`shared_query`]). Answered 200, it carries an
/// `ETag` of its body and `Cache-Control: no-cache`, so a browser asks again every time (data switched
/// at run time, an announcement that has just ended, are never stale) and an unchanged answer costs a
/// `304` without a body. `if_none_match` is the request's header. Everything else is `no-store`.
pub fn to_response(
    reply: &Reply,
    shared: bool,
    if_none_match: Option<&str>,
    gzip: bool,
    origin: Option<&str>,
) -> Response<Cursor<Vec<u8>>> {
    let compress = gzip && reply.body.len() > 256;
    let etag = (shared && reply.status == 200).then(|| {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        reply.content_type.hash(&mut hasher);
        reply.body.hash(&mut hasher);
        // Another encoding is another representation, with a tag of its own.
        format!(
            "\"{:016x}{}\"",
            hasher.finish(),
            if compress { "-gz" } else { "" }
        )
    });
    let unchanged = etag
        .as_deref()
        .zip(if_none_match)
        .is_some_and(|(etag, asked)| crate::files::etag_matches(asked, etag));
    let body = if unchanged {
        Vec::new()
    } else if compress {
        crate::files::gzip(reply.body.as_bytes())
    } else {
        reply.body.as_bytes().to_vec()
    };
    let mut r = Response::from_data(body)
        .with_status_code(if unchanged { 304 } else { reply.status })
        .with_header(h("Vary", "Accept-Encoding"))
        .with_header(h("Content-Type", reply.content_type))
        .with_header(h(
            "Cache-Control",
            if etag.is_some() {
                "no-cache"
            } else {
                "no-store"
            },
        ))
        .with_header(h("X-Content-Type-Options", "nosniff"))
        .with_chunked_threshold(usize::MAX);
    if let Some(etag) = &etag {
        r.add_header(h("ETag", etag));
    }
    add_cors(&mut r, origin);
    if let Some(s) = reply.retry_after {
        r.add_header(h("Retry-After", &s.to_string()));
    }
    if compress && !unchanged {
        r.add_header(h("Content-Encoding", "gzip"));
    }
    if reply.replayed {
        r.add_header(h("Idempotent-Replayed", "true"));
    }
    r
}

/// Whether a `GET`'s query asks for what every citizen sees alike: none, or only paging. A search or
/// a filter is a citizen's own choice, and a shared kiosk's browser must not keep it in its HTTP cache
/// (a page cannot wipe that cache), so such answers stay `no-store`.
pub fn shared_query(query: &str) -> bool {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .all(|p| matches!(p.split('=').next(), Some("page" | "per_page")))
}

/// The CORS headers of an answer to an allowed origin; `Vary: Origin` whenever the answer depends
/// on it, so no cache hands one origin's answer to another.
fn add_cors(r: &mut Response<Cursor<Vec<u8>>>, origin: Option<&str>) {
    match origin {
        Some(o) => {
            r.add_header(h("Access-Control-Allow-Origin", o));
            r.add_header(h("Access-Control-Expose-Headers", CORS_EXPOSE_HEADERS));
            if o != "*" {
                r.add_header(h("Vary", "Origin"));
            }
        }
        None => r.add_header(h("Vary", "Origin")),
    }
}

/// The answer to a CORS preflight: permission for an allowed origin, none for any other (the
/// browser then does not send the call).
pub fn preflight(origin: Option<&str>) -> Response<Cursor<Vec<u8>>> {
    let mut r = Response::from_data(Vec::new())
        .with_status_code(204)
        .with_header(h("Cache-Control", "no-store"));
    if origin.is_some() {
        r.add_header(h("Access-Control-Allow-Methods", "GET, POST, OPTIONS"));
        r.add_header(h("Access-Control-Allow-Headers", CORS_ALLOW_HEADERS));
        r.add_header(h("Access-Control-Max-Age", "600"));
    }
    add_cors(&mut r, origin);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paging_is_a_query_every_citizen_shares() {
        for q in [
            "",
            "page=2",
            "per_page=1",
            "page=1&per_page=100",
            "&page=3&",
        ] {
            assert!(shared_query(q), "{q:?}");
        }
        for q in [
            "q=tanah",
            "page=1&q=x",
            "class=berkala",
            "unit=bappeda&page=2",
            "q",
            "pages=1",
        ] {
            assert!(!shared_query(q), "{q:?}");
        }
    }

    #[test]
    fn the_limit_applies_per_client_and_lifts_after_the_window() {
        let mut l = Limiter::default();
        let a: IpAddr = "127.0.0.1".parse().unwrap();
        let b: IpAddr = "127.0.0.2".parse().unwrap();
        let t0 = Instant::now();
        for i in 0..max_failed_lookups() {
            assert!(!l.is_limited(a, t0), "limited after {i} failures");
            l.record_failure(a, t0 + Duration::from_millis(i as u64));
        }
        assert!(l.is_limited(a, t0 + Duration::from_secs(1)));
        assert!(!l.is_limited(b, t0 + Duration::from_secs(1)));
        assert!(!l.is_limited(a, t0 + WINDOW + Duration::from_secs(1)));
        assert!(l.failures.is_empty(), "expired entries are dropped");
    }

    #[test]
    fn dates_are_http_dates_and_405s_name_the_paths_methods() {
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        // Monday 2026-11-23 10:00 in Jakarta.
        assert_eq!(
            http_date(1_795_402_800_000),
            "Mon, 23 Nov 2026 03:00:00 GMT"
        );
        assert_eq!(
            http_date(1_830_297_599_999),
            "Fri, 31 Dec 2027 23:59:59 GMT"
        );
        assert_eq!(allowed_methods("/v1/meta"), "GET");
        assert_eq!(allowed_methods("/v1/calendar/2026"), "GET");
        assert_eq!(allowed_methods("/v1/requests/"), "POST");
        assert_eq!(allowed_methods("/v1/surveys"), "POST");
    }

    #[test]
    fn only_the_calls_that_prove_ownership_count() {
        assert!(proves_ownership("/v1/request-lookups"));
        assert!(proves_ownership("/v1/objection-lookups/"));
        assert!(proves_ownership("/v1/request-access"));
        assert!(proves_ownership("/v1/surveys"));
        assert!(!proves_ownership("/v1/requests"));
        assert!(!proves_ownership("/v1/meta"));
    }

    #[test]
    fn origins_are_allowed_exactly_as_listed() {
        let allowed = vec![parse_origin("https://PPID.example.go.id/").unwrap()];
        assert_eq!(allowed, ["https://ppid.example.go.id"]);
        let ok = allowed_origin(&allowed, Some("https://ppid.example.go.id"));
        assert_eq!(ok.as_deref(), Some("https://ppid.example.go.id"));
        assert_eq!(allowed_origin(&allowed, Some("https://evil.example")), None);
        assert_eq!(
            allowed_origin(&allowed, Some("http://ppid.example.go.id")),
            None
        );
        assert_eq!(allowed_origin(&allowed, None), None);
        assert_eq!(
            allowed_origin(&[], Some("https://ppid.example.go.id")),
            None
        );
        let any = vec![parse_origin("*").unwrap()];
        assert_eq!(allowed_origin(&any, None).as_deref(), Some("*"));
        for bad in [
            "ppid.example.go.id",
            "https://",
            "https://a.b/path",
            "ftp://a.b",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad}");
        }
    }
}
