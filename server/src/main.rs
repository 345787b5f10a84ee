//! `ppid-server`: the reference backend over HTTP plus a static file server for the built portal.
//!
//! For tests and local use only (the end-to-end tests, `scripts/serve.sh`), never a production
//! backend: it keeps everything in memory and has no TLS. It listens on 127.0.0.1 unless told
//! otherwise, and its connections are bounded in size and time (`conn`), so a stray exposure cannot
//! stall it. It logs nothing per request: requests carry personal data (names, NIK, e-mail
//! addresses) in bodies, headers and query strings.

mod align;
mod api;
mod conn;
mod dictionary;
mod faults;
mod files;

use std::io::{Cursor, Write};
use std::net::{IpAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use api::Api;
use conn::{Incoming, Limits};
use faults::{Fault, Faults};
use files::Files;
use tiny_http::{Header, Method, Response};

const USAGE: &str = "\
usage: ppid-server [--host H] [--port N] [--dist DIR] [--config FILE] [--gzip] [--api-only | --no-api] [--now MS]
                   [--allow-origin ORIGIN]... [--fault SPEC]... [--fault-control]
       ppid-server align DIR MAIN FILE=GZIP_GROWTH...
       ppid-server dictionary-copies DIR DICTIONARY FILE...

The reference backend of the PPID portal's contract and a static file server for the built portal,
FOR TESTS AND LOCAL USE ONLY: everything is kept in memory (a restart loses every submission), there
is no TLS, and it is not hardened as a production backend must be. Never expose it to the internet.

  --host H        address to listen on (default 127.0.0.1, this machine only); anything else,
                  e.g. 0.0.0.0 for a test device on the local network, is a warning
  --port N        port; 0 picks a free one (default 8080)
  --allow-origin ORIGIN
                  let a portal on ORIGIN (scheme, host and port, e.g. http://127.0.0.1:8080) call
                  the API from another origin: CORS answers name it (repeatable). Without any the
                  API sends no Access-Control-Allow-Origin: only pages of its own origin can read
                  it. `*` allows every origin (a local test only)
  --dist DIR      serve the built app from DIR (unknown paths without extension get index.html)
  --base PATH     serve the built app under PATH (e.g. /ppid, for a build made with
                  `trunk build --public-url /ppid/`); anything else but the API answers 404
  --config FILE   serve FILE at /config.json instead of DIR/config.json
  --gzip          gzip text assets and wasm (compressed once, cached) and API answers over 1 KB,
                  for clients that accept it. Without it too, a file's `<file>.br` or `<file>.gz`
                  beside it (the build writes them) is sent to clients that accept brotli or gzip,
                  brotli first, when it is not older than the file. A `dcb/<hash>/<file>` beside
                  it (compressed against the main bundle's file of its kind, `<hash>` the base64
                  of that file's SHA-256) goes first to a browser that offers `dcb` and names
                  that hash in Available-Dictionary; that file (a hashed name) then carries
                  Use-As-Dictionary
  --api-only      no static files; the API also answers at /v1/... without the /api prefix
  --no-api        no API; /api/... answers 404
  --now MS        start the API clock at this Unix time in milliseconds (it then advances in real time)
  --catalogue-size N    replace the demo catalogue with N generated items (load tests)
  --without-feature F   do not advertise feature F in /v1/meta, e.g. catalogue_search (repeatable)
  --request-number-prefix P  new request numbers are P, the year and a serial (default PPID-); e.g.
                  '045/PPID #' for letter numbers with a slash, a space and a #
  --day-zero RULE deadline_rules.day_zero in /v1/meta: day_of_receipt (the seed's, the law) or
                  office_hours (the office's own rule: after closing time, the next working day)
  --time-zone TZ  the office's IANA time zone in /v1/meta (default the seed's Asia/Jakarta), e.g.
                  Asia/Makassar for an office in WITA; instants are then written in its offset
  --csp POLICY    send this Content-Security-Policy with every page and script (not with
                  stylesheets, images, JSON or wasm, where it does nothing)
  --header 'NAME: VALUE'  send this header too with every static file (repeatable), e.g.
                  'Referrer-Policy: no-referrer' (scripts/serve.sh sends the README's set)
  --page-header 'NAME: VALUE'  send this header with every page and worker only, as --csp
                  (repeatable): a policy such as Permissions-Policy, which does nothing elsewhere

`align` rewrites each wasm DIR/FILE with the functions it shares with DIR/MAIN at MAIN's indices, as
far as its gzip copy grows by at most GZIP_GROWTH bytes, so that its copy against MAIN is smaller.
`dictionary-copies` writes `DIR/dcb/<hash>/FILE` for each FILE, compressed against DIR/DICTIONARY. The
release build runs both (scripts/post-build.mjs); each exits when done.

Limits on every connection (a client that is too slow or too big is answered 408, 431 or 413 and
dropped; at most 256 connections at once):
  --header-timeout MS  a request's line and headers must arrive within MS (default 10000), at most
                       16 KiB of them
  --body-timeout MS    a body must keep coming: no pause over MS (default 10000), and all of it
                       within MS plus 1 s per 64 KiB; at most 24 MiB
  --idle-timeout MS    a kept-alive connection with no new request for MS is closed (default 5000)

Fault switches (tests only: they make the API misbehave on purpose):
  --fault SPEC    make calls to one API path fail (repeatable); SPEC is
                  PATH=KIND[:ARG][,times=N][,method=M][,after]
                    PATH       API path without /api, e.g. /v1/catalogue; a trailing * matches
                               every path it starts (/v1/catalogue* also matches items)
                    times=N    only the next N matching calls, then the backend answers again
                               (without it: until cleared)
                    method=M   only calls with this method (GET, POST)
                    after      the backend handles the call first (a submission is stored);
                               only its answer is spoiled
                  KIND:
                    status:CODE          problem+json with this status (default 500)
                    slow:MS              answer after MS milliseconds (default 30000)
                    malformed            the answer cut in half: not JSON
                    wrong-shape          valid JSON that is not the contract's type
                    version:V            /v1/meta says contract version V (default 2.0.0)
                    rate-limit:S         429 with Retry-After: S (default 30)
                    field-errors:P[:C]+...  422 problem+json with field errors at pointers P,
                                         codes C (default /information:too_long)
                    huge:N               a catalogue or register page with N entries (default 5000)
                    hostile              text fields from a corpus of script-injection payloads,
                                         links set to javascript:/data: URLs
                    sparse               every optional property left out (still valid)
                    unknown-enums        every open-enum value x_future_value (still valid)
                    empty                every list that may be empty, emptied (still valid)
  --fault-control switch faults at run time at /__faults: GET lists them, POST adds the specs
                  in the body (one a line), DELETE switches every fault off. Never in production.

Prints one line `listening on http://HOST:PORT` once it accepts connections.";

/// Command-line options.
#[derive(Debug, Default)]
struct Options {
    host: String,
    port: u16,
    dist: Option<PathBuf>,
    config: Option<PathBuf>,
    gzip: bool,
    api_only: bool,
    no_api: bool,
    now_ms: Option<i64>,
    catalogue_size: Option<usize>,
    without_features: Vec<String>,
    time_zone: Option<String>,
    day_zero: Option<ppid_portal::contract::DayZeroRule>,
    request_number_prefix: Option<String>,
    csp: Option<String>,
    headers: Vec<(String, String)>,
    page_headers: Vec<(String, String)>,
    base: Option<String>,
    faults: Vec<Fault>,
    fault_control: bool,
    allow_origins: Vec<String>,
    limits: Limits,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut o = Options {
        host: "127.0.0.1".into(),
        port: 8080,
        limits: Limits::default(),
        ..Default::default()
    };
    let ms = |v: String, name: &str| -> Result<Duration, String> {
        match v.parse::<u64>() {
            Ok(n) if n > 0 => Ok(Duration::from_millis(n)),
            _ => Err(format!("{name} needs milliseconds, more than 0")),
        }
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "--host" => o.host = value("an address")?,
            "--port" => {
                o.port = value("a number")?
                    .parse()
                    .map_err(|_| "--port needs a number from 0 to 65535".to_string())?
            }
            "--dist" => o.dist = Some(PathBuf::from(value("a directory")?)),
            "--config" => o.config = Some(PathBuf::from(value("a file")?)),
            "--now" => {
                o.now_ms = Some(
                    value("Unix milliseconds")?
                        .parse()
                        .map_err(|_| "--now needs Unix milliseconds".to_string())?,
                )
            }
            "--catalogue-size" => {
                o.catalogue_size = Some(
                    value("a number")?
                        .parse()
                        .map_err(|_| "--catalogue-size needs a number".to_string())?,
                )
            }
            "--without-feature" => o.without_features.push(value("a feature name")?),
            "--time-zone" => o.time_zone = Some(value("an IANA time zone name")?),
            "--request-number-prefix" => o.request_number_prefix = Some(value("a prefix")?),
            "--day-zero" => {
                o.day_zero = Some(match value("a rule")?.as_str() {
                    "day_of_receipt" => ppid_portal::contract::DayZeroRule::DayOfReceipt,
                    "office_hours" => ppid_portal::contract::DayZeroRule::OfficeHours,
                    _ => return Err("--day-zero needs day_of_receipt or office_hours".into()),
                })
            }
            "--csp" => o.csp = Some(value("a policy")?),
            flag @ ("--header" | "--page-header") => {
                let line = value("`NAME: VALUE`")?;
                let parsed = line
                    .split_once(':')
                    .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
                    // Printable ASCII only: no header can be smuggled in with a line break.
                    .filter(|(n, v)| {
                        !n.is_empty()
                            && n.bytes().all(|b| b.is_ascii_graphic())
                            && v.bytes().all(|b| b == b' ' || b.is_ascii_graphic())
                    });
                let parsed = parsed.ok_or(format!("{flag} needs `NAME: VALUE`"))?;
                if flag == "--header" {
                    o.headers.push(parsed);
                } else {
                    o.page_headers.push(parsed);
                }
            }
            "--base" => {
                let b = value("a path")?;
                let b = b.trim_end_matches('/');
                if !b.starts_with('/') || b.len() < 2 {
                    return Err("--base needs a path like /ppid".into());
                }
                o.base = Some(b.to_string());
            }
            "--fault" => o.faults.push(Fault::parse(&value("a fault spec")?)?),
            "--allow-origin" => o
                .allow_origins
                .push(api::parse_origin(&value("an origin")?)?),
            "--header-timeout" => o.limits.header_timeout = ms(value("milliseconds")?, &name)?,
            "--body-timeout" => o.limits.body_timeout = ms(value("milliseconds")?, &name)?,
            "--idle-timeout" => o.limits.idle_timeout = ms(value("milliseconds")?, &name)?,
            "--fault-control" => o.fault_control = true,
            "--gzip" => o.gzip = true,
            "--api-only" => o.api_only = true,
            "--no-api" => o.no_api = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if o.api_only && o.no_api {
        return Err("--api-only and --no-api exclude each other".into());
    }
    if o.api_only && o.dist.is_some() {
        return Err("--api-only serves no files: drop --dist".into());
    }
    Ok(o)
}

/// The demo seed with the options' changes. Panics when the built-in seed does not decode.
fn seed(options: &Options) -> ppid_portal::reference::Seed {
    let mut seed = ppid_portal::reference::Seed::demo().expect("built-in seed decodes");
    if let Some(n) = options.catalogue_size {
        let units: Vec<String> = seed.units.iter().map(|u| u.id.clone()).collect();
        seed.catalogue = ppid_portal::reference::synthetic::catalogue(n, &units);
    }
    seed.meta
        .features
        .retain(|f| !options.without_features.contains(f));
    if let Some(tz) = &options.time_zone {
        seed.meta.deadline_rules.time_zone = tz.clone();
    }
    if let Some(rule) = options.day_zero {
        seed.meta.deadline_rules.day_zero = rule;
    }
    seed.request_number_prefix = options.request_number_prefix.clone();
    seed
}

/// Everything a connection thread needs to answer a request.
struct App {
    /// The path the app's files are served under (`--base`), without its last slash.
    base: Option<String>,
    api: Option<Api>,
    files: Option<Files>,
    api_only: bool,
    csp: Option<String>,
    /// More headers for the static files (`--header`).
    headers: Vec<(String, String)>,
    /// More headers for the pages and workers only, as the policy (`--page-header`).
    page_headers: Vec<(String, String)>,
    /// Compress API answers too (`--gzip`), as a production backend behind a web server would.
    gzip: bool,
    /// Fault switches in force (`--fault`, `/__faults`).
    faults: Faults,
    /// `/__faults` answers (`--fault-control`).
    fault_control: bool,
    /// Origins whose pages may read the API (`--allow-origin`).
    allow_origins: Vec<String>,
}

fn main() {
    // A panic message could quote data from a request: report only where it happened.
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("ppid-server: internal error at {at}");
    }));

    let args: Vec<String> = std::env::args().skip(1).collect();
    // The release build's steps (scripts/post-build.mjs), which Node cannot do itself.
    let build_step: Option<fn(&[String]) -> Result<String, String>> =
        match args.first().map(String::as_str) {
            Some("dictionary-copies") => Some(dictionary::write_copies),
            Some("align") => Some(align::align_files),
            _ => None,
        };
    if let Some(step) = build_step {
        match step(&args[1..]) {
            Ok(report) => println!("{report}"),
            Err(e) => {
                eprintln!("ppid-server: {e}");
                std::process::exit(1);
            }
        }
        return;
    }
    let options = match parse_args(args) {
        Ok(o) => o,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return;
        }
        Err(e) => {
            eprintln!("ppid-server: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };

    let files = match &options.dist {
        Some(dir) => match Files::new(dir, options.config.clone(), options.gzip) {
            Ok(f) => Some(f.with_base(options.base.as_deref())),
            Err(e) => {
                eprintln!("ppid-server: {e}");
                std::process::exit(2);
            }
        },
        None => None,
    };
    let api = if options.no_api {
        None
    } else {
        match std::panic::catch_unwind(|| Api::new(options.now_ms, seed(&options))) {
            Ok(a) => Some(a),
            Err(_) => {
                eprintln!("ppid-server: the reference backend could not load its seed data (src/reference/seed.json)");
                std::process::exit(1);
            }
        }
    };
    let app = Arc::new(App {
        api,
        files,
        api_only: options.api_only,
        csp: options.csp.clone(),
        headers: options.headers.clone(),
        page_headers: options.page_headers.clone(),
        base: options.base.clone(),
        gzip: options.gzip,
        faults: Faults::default(),
        fault_control: options.fault_control,
        allow_origins: options.allow_origins.clone(),
    });
    app.faults.add(options.faults.iter().cloned());

    let listener = match TcpListener::bind((options.host.as_str(), options.port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "ppid-server: cannot listen on {}:{}: {e}",
                options.host, options.port
            );
            std::process::exit(1);
        }
    };
    let bound = listener.local_addr().ok();
    let port = bound.map(|a| a.port()).unwrap_or(options.port);
    if bound.is_some_and(|a| !a.ip().is_loopback()) {
        eprintln!(
            "ppid-server: warning: listening on {} is reachable from other machines; this server is \
             for tests and local use only, never a public backend",
            options.host
        );
    }
    let shown_host = match options.host.parse::<IpAddr>() {
        Ok(ip) if ip.is_unspecified() => "127.0.0.1".to_string(),
        Ok(IpAddr::V6(ip)) => format!("[{ip}]"),
        _ => options.host.clone(),
    };
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on http://{shown_host}:{port}");
        let _ = out.flush();
    }

    conn::serve(
        listener,
        options.limits.clone(),
        Arc::new(move |request: Incoming| {
            // A panic answers 500; the connection thread lives on.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| app.answer(request)))
                .unwrap_or_else(|_| plain(500, "Internal error"))
        }),
    );
}

impl App {
    fn answer(&self, request: Incoming) -> Response<Cursor<Vec<u8>>> {
        let url = request.url.clone();
        let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));

        if self.fault_control && path.trim_end_matches('/') == "/__faults" {
            return self.control_faults(request);
        }

        let api_path = if let Some(rest) = path.strip_prefix("/api/") {
            Some(format!("/{rest}"))
        } else if self.api_only && path.starts_with("/v1/") {
            Some(path.to_string())
        } else {
            None
        };

        if let Some(api_path) = api_path {
            let Some(api) = &self.api else {
                return plain(404, "Not found");
            };
            let allow_path = files::decode_path(&api_path).unwrap_or_else(|| api_path.clone());
            let origin = api::allowed_origin(&self.allow_origins, request.header("Origin"));
            if request.method == Method::Options {
                return api::preflight(origin.as_deref());
            }
            let method = request.method.as_str().to_ascii_uppercase();
            let key = request.header("Idempotency-Key").map(str::to_owned);
            let if_none_match = request.header("If-None-Match").map(str::to_owned);
            let accepts_gzip = request
                .header("Accept-Encoding")
                .is_some_and(files::accepts_gzip);
            let client = request.remote.map(|a| a.ip());
            let reply = match request.body {
                None => ppid_portal::reference::problem(
                    413,
                    ppid_portal::contract::problem_code::PAYLOAD_TOO_LARGE,
                    "The body is too large",
                    vec![],
                ),
                Some(raw) => match String::from_utf8(raw) {
                    Ok(body) => {
                        let path = files::decode_path(&api_path).unwrap_or(api_path);
                        let handle =
                            || api.handle(&method, &path, query, key.as_deref(), &body, client);
                        match self.faults.take(&method, &path) {
                            Some(fault) => fault.answer(handle),
                            None => handle(),
                        }
                    }
                    Err(_) => ppid_portal::reference::problem(
                        400,
                        "validation",
                        "The body is not UTF-8",
                        vec![],
                    ),
                },
            };
            let mut response = api::to_response(
                &reply,
                method == "GET" && api::shared_query(query),
                if_none_match.as_deref(),
                self.gzip && accepts_gzip,
                origin.as_deref(),
            );
            // The API's clock, which `--now` sets, so "today" read from an answer is the backend's.
            response.add_header(h("Date", &api::http_date(api.now_ms())));
            if reply.status == 405 {
                response.add_header(h("Allow", api::allowed_methods(&allow_path)));
            }
            return response;
        }

        // Under `--base`, the app's paths are the ones below it; nothing else is the app.
        let path = match &self.base {
            None => path,
            Some(base) => match path.strip_prefix(base.as_str()) {
                Some("") => "/",
                Some(rest) if rest.starts_with('/') => rest,
                _ => return plain(404, "Not found"),
            },
        };
        match &self.files {
            Some(files) => {
                let accepts = files::Accepts::from_header(request.header("Accept-Encoding"))
                    .with_dictionary(request.header("Available-Dictionary"));
                let etag = request.header("If-None-Match");
                let mut response = files.serve(&request.method, path, accepts, etag);
                // A policy governs documents and workers; on a stylesheet, an image, data or the
                // wasm it does nothing but add bytes to every response of a phone's first load.
                let page = !is_passive(path);
                if let Some(csp) = self.csp.as_ref().filter(|_| page) {
                    response.add_header(h("Content-Security-Policy", csp));
                }
                let page_headers = self.page_headers.iter().filter(|_| page);
                for (name, value) in self.headers.iter().chain(page_headers) {
                    response.add_header(h(name, value));
                }
                response
            }
            None if self.api_only => api::to_response(
                &ppid_portal::reference::problem(404, "not_found", "Not found", vec![]),
                false,
                None,
                false,
                None,
            ),
            None => plain(404, "Not found"),
        }
    }
}

impl App {
    /// `/__faults`: GET lists the faults in force, POST adds one spec a line, DELETE clears them.
    fn control_faults(&self, request: Incoming) -> Response<Cursor<Vec<u8>>> {
        match request.method {
            Method::Get => plain(200, &self.faults.listing()),
            Method::Delete => {
                self.faults.clear();
                plain(200, "")
            }
            Method::Post => {
                let parsed: Result<Vec<Fault>, String> = match request.body.map(String::from_utf8) {
                    Some(Ok(body)) => body
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(Fault::parse)
                        .collect(),
                    _ => Err("the body is not UTF-8 text".into()),
                };
                match parsed {
                    Ok(faults) => {
                        self.faults.add(faults);
                        plain(200, &self.faults.listing())
                    }
                    Err(e) => plain(400, &e),
                }
            }
            _ => plain(405, "GET, POST or DELETE"),
        }
    }
}

/// Builds a header; names and values here are ASCII literals or sanitised values.
pub(crate) fn h(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// A short text answer.
pub(crate) fn plain(status: u16, text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(text.as_bytes().to_vec())
        .with_status_code(status)
        .with_header(h("Content-Type", "text/plain; charset=utf-8"))
        .with_header(h("Cache-Control", "no-store"))
        .with_header(h("X-Content-Type-Options", "nosniff"))
        .with_chunked_threshold(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Result<Options, String> {
        parse_args(s.split_whitespace().map(String::from))
    }

    #[test]
    fn parses_flags_in_both_spellings() {
        let o = args("--port 0 --dist dist --config=c.json --gzip").unwrap();
        assert_eq!(o.port, 0);
        assert_eq!(o.host, "127.0.0.1");
        assert_eq!(o.dist, Some(PathBuf::from("dist")));
        assert_eq!(o.config, Some(PathBuf::from("c.json")));
        assert!(o.gzip && !o.api_only && !o.no_api);
        assert_eq!(
            args("--now 1795921200000").unwrap().now_ms,
            Some(1_795_921_200_000)
        );
    }

    #[test]
    fn origins_and_limits_from_the_command_line() {
        let o = args("--allow-origin https://ppid.example.go.id --allow-origin=http://127.0.0.1:8080 --header-timeout 1500 --body-timeout=2500 --idle-timeout 300").unwrap();
        assert_eq!(
            o.allow_origins,
            ["https://ppid.example.go.id", "http://127.0.0.1:8080"]
        );
        assert_eq!(o.limits.header_timeout, Duration::from_millis(1500));
        assert_eq!(o.limits.body_timeout, Duration::from_millis(2500));
        assert_eq!(o.limits.idle_timeout, Duration::from_millis(300));
        // By default: no origin but its own, and the limits of `conn::Limits`.
        let d = args("").unwrap();
        assert!(d.allow_origins.is_empty());
        assert_eq!(d.limits.header_timeout, Duration::from_secs(10));
        assert_eq!(d.limits.body_timeout, Duration::from_secs(10));
        assert_eq!(d.limits.idle_timeout, Duration::from_secs(5));
        assert_eq!(d.limits.max_head_bytes, 16 * 1024);
        assert!(args("--allow-origin ppid.example.go.id").is_err());
        assert!(args("--idle-timeout 0").is_err());
        assert!(args("--body-timeout soon").is_err());
    }

    #[test]
    fn takes_extra_headers_for_the_static_files() {
        let o = parse_args(
            [
                "--header",
                "Referrer-Policy: no-referrer",
                "--page-header=Permissions-Policy: camera=(), usb=()",
            ]
            .map(String::from),
        )
        .unwrap();
        assert_eq!(
            o.headers,
            [("Referrer-Policy".to_string(), "no-referrer".to_string())]
        );
        assert_eq!(
            o.page_headers,
            [(
                "Permissions-Policy".to_string(),
                "camera=(), usb=()".to_string()
            )]
        );
    }

    #[test]
    fn an_office_in_another_zone_says_so_in_its_metadata() {
        let o = args("--time-zone Asia/Makassar").unwrap();
        assert_eq!(seed(&o).meta.deadline_rules.time_zone, "Asia/Makassar");
        assert_eq!(
            seed(&args("").unwrap()).meta.deadline_rules.time_zone,
            "Asia/Jakarta"
        );
    }

    #[test]
    fn refuses_contradictions_and_unknowns() {
        assert!(args("--api-only --no-api").is_err());
        assert!(args("--api-only --dist d").is_err());
        assert!(args("--port x").is_err());
        assert!(args("--port").is_err());
        assert!(args("--verbose").is_err());
        assert!(args("--base ppid").is_err());
        assert!(args("--header nocolon").is_err());
        assert!(args("--header :empty-name").is_err());
        assert!(args("--page-header nocolon").is_err());
        assert!(parse_args(["--header", "X-A: 1\r\nX-B: 2"].map(String::from)).is_err());
        assert_eq!(
            args("--base /ppid/").unwrap().base.as_deref(),
            Some("/ppid")
        );
    }
}

/// A file no browser runs as a document or a worker, where a policy has no effect: data, styles,
/// images, the wasm, and the page's classic scripts (a script runs under its page's policy). The
/// service worker and the demo backend's worker run under their own, so they keep it.
fn is_passive(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let worker = name.starts_with("sw") || name.starts_with("demo-backend");
    [
        ".wasm", ".css", ".json", ".svg", ".png", ".ico", ".jpg", ".webp", ".txt",
    ]
    .iter()
    .any(|ext| name.ends_with(ext))
        || (name.ends_with(".js") && !worker)
}

#[cfg(test)]
mod passive_tests {
    #[test]
    fn the_policy_goes_with_pages_and_workers_only() {
        for page in [
            "/",
            "/permohonan/jenis",
            "/index.html",
            "/sw.js",
            "/sw-retire.js",
            "/demo-backend_loader.js",
            "/ppid/sw.js",
        ] {
            assert!(!super::is_passive(page), "{page}");
        }
        for file in [
            "/ppid-forms_bg.wasm",
            "/main-0a.css",
            "/config.json",
            "/favicon.svg",
            "/boot-1f.js",
            "/ppid-forms.js",
            "/receipt.js",
        ] {
            assert!(super::is_passive(file), "{file}");
        }
    }
}
