//! HTTP/1.1 connections with the limits a server needs when anyone can reach it: a request's head
//! must arrive whole, within a size and a time; a body must keep coming; an idle kept-alive
//! connection is closed; and a few hundred open connections are the most it takes at once. So a
//! client that sends slowly, or never finishes, costs a thread for seconds, not forever.
//!
//! Responses are `tiny_http::Response`s (the rest of the server builds them), always written with
//! `Content-Length`.

use std::io::{Cursor, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tiny_http::{HTTPVersion, Method, Response};

use crate::{h, plain};

/// How long and how much a client may take.
#[derive(Clone, Debug)]
pub struct Limits {
    /// From the first byte of a request (or from the connection, for the first one) to the end of
    /// its head.
    pub header_timeout: Duration,
    /// Longest wait for the next piece of a body; the whole body must also arrive within this plus
    /// one second per 64 KiB.
    pub body_timeout: Duration,
    /// How long a kept-alive connection may wait for its next request.
    pub idle_timeout: Duration,
    /// Request line and headers together.
    pub max_head_bytes: usize,
    /// The largest body read; a larger one is refused unread.
    pub max_body_bytes: u64,
    /// Connections served at once; more are answered 503 and closed.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(5),
            max_head_bytes: 16 * 1024,
            max_body_bytes: 24 * 1024 * 1024,
            max_connections: 256,
        }
    }
}

/// A body's speed that the whole-body deadline allows for, on top of `body_timeout`.
const BODY_BYTES_PER_SECOND: u64 = 64 * 1024;
/// How long writing an answer may block on a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// One request, read whole.
pub struct Incoming {
    pub method: Method,
    /// The request target as sent (path and query).
    pub url: String,
    headers: Vec<(String, String)>,
    /// The body, or `None` when it was larger than `max_body_bytes` (and left unread).
    pub body: Option<Vec<u8>>,
    pub remote: Option<SocketAddr>,
}

impl Incoming {
    /// The value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What answers a request.
pub type Handler = dyn Fn(Incoming) -> Response<Cursor<Vec<u8>>> + Send + Sync;

/// Accepts connections on `listener` forever, each on a thread of its own.
pub fn serve(listener: TcpListener, limits: Limits, handler: Arc<Handler>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        if open.fetch_add(1, Ordering::SeqCst) >= limits.max_connections {
            open.fetch_sub(1, Ordering::SeqCst);
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            let busy = plain(503, "Too many connections").with_header(h("Retry-After", "1"));
            let _ = write(&stream, busy, false, true);
            continue;
        }
        let (count, limits, handler) = (Arc::clone(&open), limits.clone(), Arc::clone(&handler));
        let spawned = std::thread::Builder::new().spawn(move || {
            connection(&stream, &limits, &*handler);
            close(&stream);
            count.fetch_sub(1, Ordering::SeqCst);
        });
        if spawned.is_err() {
            // No thread for it: the connection (moved into the failed closure) is dropped, closed.
            open.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Closes a connection so that the client reads the last answer: closing with bytes unread (the
/// rest of a refused body) would reset the connection and could drop the answer on the way. So the
/// sending side is closed first, and what still comes in is read and dropped, for a moment and up
/// to a bound.
fn close(mut stream: &TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let until = Instant::now() + Duration::from_secs(1);
    let mut left: usize = 1024 * 1024;
    let mut sink = [0u8; 8192];
    while left > 0 {
        let Some(wait) = until.checked_duration_since(Instant::now()) else {
            break;
        };
        if wait.is_zero() || stream.set_read_timeout(Some(wait)).is_err() {
            break;
        }
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
    let _ = stream.shutdown(std::net::Shutdown::Both);
}

/// Why a request could not be read.
#[derive(Debug, PartialEq)]
enum Failure {
    /// The client closed the connection, or sent nothing while it was idle.
    Gone,
    /// The head did not arrive in time, or a body stalled: 408.
    Slow,
    /// The head is over `max_head_bytes`: 431.
    TooLarge,
    /// Not HTTP/1.x: 400.
    Malformed,
    /// A chunked body (browsers and the portal always send a length): 411.
    NoLength,
}

/// Serves the requests of one connection until it closes, fails or idles.
fn connection(stream: &TcpStream, limits: &Limits, handler: &Handler) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let remote = stream.peer_addr().ok();
    let mut pending = Vec::new();
    let mut first = true;
    loop {
        let read = read_request(stream, &mut pending, limits, first, remote);
        first = false;
        let (incoming, keep_alive) = match read {
            Ok(r) => r,
            Err(Failure::Gone) => return,
            Err(failure) => {
                let (status, text) = match failure {
                    Failure::Slow => (408, "Request timeout"),
                    Failure::TooLarge => (431, "Request header fields too large"),
                    Failure::NoLength => (411, "Length required"),
                    _ => (400, "Bad request"),
                };
                let _ = write(stream, plain(status, text), false, true);
                return;
            }
        };
        let head_only = incoming.method == Method::Head;
        // A body left unread (too large) leaves the connection unusable for a next request.
        let keep_alive = keep_alive && incoming.body.is_some();
        let response = handler(incoming);
        if write(stream, response, head_only, !keep_alive).is_err() || !keep_alive {
            return;
        }
    }
}

/// Writes `response` with `Content-Length` (and `Connection: close` when `closing`).
fn write(
    mut stream: &TcpStream,
    mut response: Response<Cursor<Vec<u8>>>,
    head_only: bool,
    closing: bool,
) -> std::io::Result<()> {
    // No `Server` header: an exposed test server need not advertise what it is, and every byte of a
    // phone's first load counts.
    if closing {
        response.add_header(h("Connection", "close"));
    }
    let response = response.with_chunked_threshold(usize::MAX);
    let mut out = std::io::BufWriter::new(&mut stream);
    response.raw_print(&mut out, HTTPVersion(1, 1), &[], head_only, None)?;
    out.flush()
}

/// Reads bytes into `pending` until `deadline`: `Ok(false)` at the end of the stream.
fn fill(
    mut stream: &TcpStream,
    pending: &mut Vec<u8>,
    deadline: Instant,
    each: Option<Duration>,
) -> Result<bool, Failure> {
    let left = deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
        .ok_or(Failure::Slow)?;
    let wait = each.map_or(left, |e| e.min(left));
    stream
        .set_read_timeout(Some(wait))
        .map_err(|_| Failure::Gone)?;
    let mut chunk = [0u8; 8192];
    match stream.read(&mut chunk) {
        Ok(0) => Ok(false),
        Ok(n) => {
            pending.extend_from_slice(&chunk[..n]);
            Ok(true)
        }
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ) =>
        {
            Err(Failure::Slow)
        }
        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Ok(true),
        Err(_) => Err(Failure::Gone),
    }
}

/// Reads one request (head and body) from the connection; `pending` keeps bytes already read that
/// belong to the next one. Also says whether the connection may stay open after the answer.
fn read_request(
    stream: &TcpStream,
    pending: &mut Vec<u8>,
    limits: &Limits,
    first: bool,
    remote: Option<SocketAddr>,
) -> Result<(Incoming, bool), Failure> {
    // Waiting for a next request is idling; its head's own time starts with its first byte.
    if pending.is_empty() && !first {
        let idle_until = Instant::now() + limits.idle_timeout;
        match fill(stream, pending, idle_until, None) {
            Ok(true) => {}
            Ok(false) | Err(_) => return Err(Failure::Gone),
        }
    }
    let deadline = Instant::now() + limits.header_timeout;
    let end = loop {
        if let Some(at) = find(pending, b"\r\n\r\n") {
            break at;
        }
        if pending.len() > limits.max_head_bytes {
            return Err(Failure::TooLarge);
        }
        match fill(stream, pending, deadline, None) {
            Ok(true) => {}
            Ok(false) if pending.is_empty() => return Err(Failure::Gone),
            Ok(false) => return Err(Failure::Malformed),
            Err(Failure::Slow) if pending.is_empty() && first => return Err(Failure::Gone),
            Err(e) => return Err(e),
        }
    };
    if end + 4 > limits.max_head_bytes {
        return Err(Failure::TooLarge);
    }
    let head = std::str::from_utf8(&pending[..end]).map_err(|_| Failure::Malformed)?;
    let mut lines = head.split("\r\n");
    let mut parts = lines.next().unwrap_or("").split(' ');
    let (Some(method), Some(url), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Failure::Malformed);
    };
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(Failure::Malformed),
    };
    if method.is_empty() || !url.starts_with('/') && url != "*" {
        return Err(Failure::Malformed);
    }
    let method = Method::from_str(method).map_err(|_| Failure::Malformed)?;
    let mut headers = Vec::new();
    for line in lines {
        // Folded lines (obsolete) and names with spaces are refused, as RFC 9112 asks.
        let (name, value) = line.split_once(':').ok_or(Failure::Malformed)?;
        if name.is_empty()
            || name
                .bytes()
                .any(|b| b.is_ascii_whitespace() || b.is_ascii_control())
        {
            return Err(Failure::Malformed);
        }
        headers.push((name.to_owned(), value.trim().to_owned()));
    }
    let url = url.to_owned();
    pending.drain(..end + 4);

    fn get<'a>(headers: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = &'a str> {
        headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    if get(&headers, "Transfer-Encoding").next().is_some() {
        return Err(Failure::NoLength);
    }
    let lengths: Vec<&str> = get(&headers, "Content-Length").collect();
    let length: u64 = match lengths.as_slice() {
        [] => 0,
        [first, rest @ ..] if rest.iter().all(|l| l == first) => {
            first.parse().map_err(|_| Failure::Malformed)?
        }
        _ => return Err(Failure::Malformed),
    };
    let connection = get(&headers, "Connection")
        .collect::<Vec<_>>()
        .join(",")
        .to_ascii_lowercase();
    let keep_alive = http11 && !connection.split(',').any(|t| t.trim() == "close");

    let body = if length > limits.max_body_bytes {
        None
    } else {
        if get(&headers, "Expect").any(|v| v.eq_ignore_ascii_case("100-continue")) {
            let mut s = stream;
            s.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
                .map_err(|_| Failure::Gone)?;
        }
        let length = length as usize;
        let deadline = Instant::now()
            + limits.body_timeout
            + Duration::from_secs(length as u64 / BODY_BYTES_PER_SECOND);
        while pending.len() < length {
            match fill(stream, pending, deadline, Some(limits.body_timeout)) {
                Ok(true) => {}
                Ok(false) => return Err(Failure::Gone),
                Err(e) => return Err(e),
            }
        }
        Some(pending.drain(..length).collect())
    };
    Ok((
        Incoming {
            method,
            url,
            headers,
            body,
            remote,
        },
        keep_alive,
    ))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
