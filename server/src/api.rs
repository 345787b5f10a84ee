//! The contract's API over HTTP: one shared [`Reference`] behind a mutex, plus the lookup rate limit
//! that the contract leaves to servers.

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
        let lookup = method == "POST" && is_lookup(path);
        if lookup {
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

fn is_lookup(path: &str) -> bool {
    matches!(
        path.trim_end_matches('/'),
        "/v1/request-lookups" | "/v1/objection-lookups"
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

const CORS_ALLOW_HEADERS: &str = "Content-Type, Idempotency-Key";
const CORS_EXPOSE_HEADERS: &str = "Retry-After, Idempotent-Replayed";

/// The HTTP answer for a reply of the reference backend.
/// The HTTP answer for a reply; gzip-compressed when `gzip` (the client accepts it) and the body is
/// large enough to gain from it.
pub fn to_response(reply: &Reply, gzip: bool) -> Response<Cursor<Vec<u8>>> {
    let compress = gzip && reply.body.len() > 1024;
    let body = if compress {
        crate::files::gzip(reply.body.as_bytes())
    } else {
        reply.body.as_bytes().to_vec()
    };
    let mut r = Response::from_data(body)
        .with_status_code(reply.status)
        .with_header(h("Vary", "Accept-Encoding"))
        .with_header(h("Content-Type", reply.content_type))
        .with_header(h("Cache-Control", "no-store"))
        .with_header(h("X-Content-Type-Options", "nosniff"))
        .with_header(h("Access-Control-Allow-Origin", "*"))
        .with_header(h("Access-Control-Expose-Headers", CORS_EXPOSE_HEADERS))
        .with_chunked_threshold(usize::MAX);
    if let Some(s) = reply.retry_after {
        r.add_header(h("Retry-After", &s.to_string()));
    }
    if compress {
        r.add_header(h("Content-Encoding", "gzip"));
    }
    if reply.replayed {
        r.add_header(h("Idempotent-Replayed", "true"));
    }
    r
}

/// The answer to a CORS preflight.
pub fn preflight() -> Response<Cursor<Vec<u8>>> {
    Response::from_data(Vec::new())
        .with_status_code(204)
        .with_header(h("Access-Control-Allow-Origin", "*"))
        .with_header(h("Access-Control-Allow-Methods", "GET, POST, OPTIONS"))
        .with_header(h("Access-Control-Allow-Headers", CORS_ALLOW_HEADERS))
        .with_header(h("Access-Control-Expose-Headers", CORS_EXPOSE_HEADERS))
        .with_header(h("Access-Control-Max-Age", "600"))
        .with_header(h("Cache-Control", "no-store"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn only_the_two_lookup_endpoints_count() {
        assert!(is_lookup("/v1/request-lookups"));
        assert!(is_lookup("/v1/objection-lookups/"));
        assert!(!is_lookup("/v1/requests"));
        assert!(!is_lookup("/v1/meta"));
    }
}
