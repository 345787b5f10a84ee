//! Starts the real `ppid-server` binary on a free port and talks plain HTTP/1.1 to it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Monday 2026-11-23 10:00 +07:00: a working day in office hours, inside the seed's calendars.
const MONDAY_10AM: &str = "1795402800000";

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ppid-server"))
            .args(["--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start ppid-server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let Some(port) = line
            .trim()
            .strip_prefix("listening on http://127.0.0.1:")
            .and_then(|p| p.parse().ok())
        else {
            let _ = child.kill();
            let mut err = String::new();
            let _ = child.stderr.take().unwrap().read_to_string(&mut err);
            panic!("no `listening on` line; stdout: {line:?}; stderr: {err}");
        };
        Server { child, port }
    }

    fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n",
            self.port
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        if !body.is_empty() || method == "POST" {
            req.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        req.push_str("\r\n");
        req.push_str(body);
        stream.write_all(req.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        Reply::parse(&raw)
    }

    fn get(&self, path: &str) -> Reply {
        self.send("GET", path, &[], "")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn parse(raw: &[u8]) -> Reply {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("end of headers");
        let head = std::str::from_utf8(&raw[..split]).unwrap();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let body = raw[split + 4..].to_vec();
        let reply = Reply {
            status,
            headers,
            body,
        };
        assert!(
            reply.header("transfer-encoding").is_none(),
            "responses carry Content-Length"
        );
        reply
    }

    fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }
}

/// A fresh directory under the system temp dir.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ppid-server-http-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn api_meta_answers_json_with_cors_and_no_store() {
    let s = Server::start(&[]);
    let r = s.get("/api/v1/meta");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(r
        .header("access-control-expose-headers")
        .unwrap()
        .contains("Idempotent-Replayed"));
    assert!(r.json()["contract_version"]
        .as_str()
        .unwrap()
        .starts_with("1."));

    let pre = s.send(
        "OPTIONS",
        "/api/v1/requests",
        &[
            ("Origin", "http://example.test"),
            ("Access-Control-Request-Method", "POST"),
        ],
        "",
    );
    assert_eq!(pre.status, 204);
    assert_eq!(pre.header("access-control-allow-origin"), Some("*"));
    let allowed = pre.header("access-control-allow-headers").unwrap();
    assert!(
        allowed.contains("Content-Type") && allowed.contains("Idempotency-Key"),
        "{allowed}"
    );

    let missing = s.get("/api/v1/nothing-here");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type"),
        Some("application/problem+json")
    );
    // Without --api-only the unprefixed path is not the API (and without --dist there are no files).
    assert_eq!(s.get("/v1/meta").status, 404);
}

#[test]
fn api_only_mode_also_answers_unprefixed_paths() {
    let s = Server::start(&["--api-only"]);
    assert_eq!(s.get("/v1/meta").status, 200);
    assert_eq!(s.get("/api/v1/meta").status, 200);
    let other = s.get("/index.html");
    assert_eq!(other.status, 404);
}

#[test]
fn a_repeated_submission_is_replayed() {
    let s = Server::start(&["--now", MONDAY_10AM]);
    let body = serde_json::json!({
        "requester": {"kind": "individual", "name": "Siti Rahma", "nik": "3201014508900001",
                      "address": "Jl. Melati 3, Sukamaju", "phone": "+6281234567890", "email": "siti@example.id"},
        "information": "Salinan APBD 2026",
        "purpose": "Penelitian",
        "obtain": ["soft_copy"],
        "delivery": "email",
        "delivery_email": "siti@example.id"
    })
    .to_string();
    let key = [("Idempotency-Key", "http-test-key-0001")];
    let first = s.send("POST", "/api/v1/requests", &key, &body);
    assert_eq!(first.status, 201, "{}", first.text());
    assert_eq!(first.header("idempotent-replayed"), None);
    let number = first.json()["number"].as_str().unwrap().to_string();
    assert!(number.starts_with("PPID-2026-"), "{number}");

    let second = s.send("POST", "/api/v1/requests", &key, &body);
    assert_eq!(second.status, 201, "{}", second.text());
    assert_eq!(second.header("idempotent-replayed"), Some("true"));
    assert_eq!(second.body, first.body);

    // The stored request can be looked up with its number and e-mail.
    let lookup = serde_json::json!({"number": number, "verifier": "SITI@example.id"}).to_string();
    let found = s.send("POST", "/api/v1/request-lookups", &[], &lookup);
    assert_eq!(found.status, 200, "{}", found.text());
    assert_eq!(found.json()["number"], number.as_str());
}

#[test]
fn failed_lookups_are_rate_limited() {
    let s = Server::start(&[]);
    let wrong = r#"{"number":"PPID-2026-999999","verifier":"nobody@example.invalid"}"#;
    for i in 0..10 {
        let r = s.send("POST", "/api/v1/request-lookups", &[], wrong);
        assert_eq!(r.status, 404, "attempt {}: {}", i + 1, r.text());
    }
    let limited = s.send("POST", "/api/v1/request-lookups", &[], wrong);
    assert_eq!(limited.status, 429, "{}", limited.text());
    assert_eq!(limited.header("retry-after"), Some("60"));
    assert_eq!(limited.json()["code"], "rate_limited");
    // Both lookup endpoints share the budget; other endpoints are not limited.
    assert_eq!(
        s.send("POST", "/api/v1/objection-lookups", &[], wrong)
            .status,
        429
    );
    assert_eq!(s.get("/api/v1/meta").status, 200);
}

#[test]
fn static_files_fallback_caching_and_traversal() {
    let root = temp_dir("static");
    std::fs::write(root.join("Cargo.toml"), "[package]\nname = \"secret\"\n").unwrap();
    let dist = root.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    let index = "<!doctype html><html lang=\"id\"><title>t</title><main id=\"main\"><h1>x</h1></main></html>";
    std::fs::write(dist.join("index.html"), index).unwrap();
    let script = "console.log('ppid');\n".repeat(200);
    std::fs::write(dist.join("ppid-portal-0123456789abcdef.js"), &script).unwrap();
    std::fs::write(
        dist.join("ppid-portal-0123456789abcdef_bg.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .unwrap();
    std::fs::write(
        dist.join("sw.js"),
        "self.addEventListener('fetch', () => {});",
    )
    .unwrap();
    std::fs::write(dist.join("config.json"), r#"{"from":"dist"}"#).unwrap();
    let config = root.join("override.json");
    std::fs::write(&config, r#"{"from":"override"}"#).unwrap();

    let s = Server::start(&[
        "--no-api",
        "--gzip",
        "--dist",
        dist.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
    ]);

    let home = s.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(home.text(), index);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("cache-control"), Some("no-cache"));

    let route = s.get("/informasi/abc");
    assert_eq!(route.status, 200);
    assert_eq!(route.text(), index, "history fallback");
    assert_eq!(route.header("cache-control"), Some("no-cache"));

    assert_eq!(s.get("/missing-0123456789abcdef.js").status, 404);
    assert_eq!(s.get("/informasi/abc.pdf").status, 404);

    for attack in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/informasi/../../Cargo.toml",
        "/..%2fCargo.toml",
    ] {
        let r = s.get(attack);
        assert!(
            matches!(r.status, 400 | 403 | 404),
            "{attack}: {}",
            r.status
        );
        assert!(!r.text().contains("[package]"), "{attack} leaked the file");
    }

    let js = s.get("/ppid-portal-0123456789abcdef.js");
    assert_eq!(js.status, 200);
    assert_eq!(js.text(), script);
    assert_eq!(
        js.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(
        js.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(js.header("content-encoding"), None, "no gzip unless asked");

    let wasm = s.get("/ppid-portal-0123456789abcdef_bg.wasm");
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(
        wasm.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );

    assert_eq!(s.get("/sw.js").header("cache-control"), Some("no-cache"));

    let cfg = s.get("/config.json");
    assert_eq!(cfg.status, 200);
    assert_eq!(cfg.text(), r#"{"from":"override"}"#);
    assert_eq!(cfg.header("content-type"), Some("application/json"));
    assert_eq!(cfg.header("cache-control"), Some("no-cache"));

    // gzip, computed once and cached: two answers are byte-identical and decode to the file.
    let gz = [("Accept-Encoding", "gzip, deflate, br")];
    let a = s.send("GET", "/ppid-portal-0123456789abcdef.js", &gz, "");
    let b = s.send("GET", "/ppid-portal-0123456789abcdef.js", &gz, "");
    assert_eq!(a.header("content-encoding"), Some("gzip"));
    assert_eq!(a.header("vary"), Some("Accept-Encoding"));
    assert!(a.body.len() < script.len());
    assert_eq!(a.body, b.body);
    let mut plain = String::new();
    flate2::read::GzDecoder::new(&a.body[..])
        .read_to_string(&mut plain)
        .unwrap();
    assert_eq!(plain, script);

    // Revalidation of unversioned files.
    let etag = home.header("etag").unwrap().to_string();
    assert_eq!(
        s.send("GET", "/", &[("If-None-Match", &etag)], "").status,
        304
    );

    // --no-api: the API is absent, not replaced by the app shell.
    assert_eq!(s.get("/api/v1/meta").status, 404);
    assert_eq!(s.send("POST", "/index.html", &[], "{}").status, 405);

    drop(s);
    let _ = std::fs::remove_dir_all(root);
}

/// The two adapters' transports: the reference over real HTTP and the same reference behind the
/// demo worker's message protocol must give the same status and body to the same call.
#[test]
fn http_and_the_demo_worker_give_the_same_answers() {
    use ppid_portal::reference::worker::{FromWorker, ToWorker, WireExchange, WorkerHost};
    let server = Server::start(&["--api-only", "--now", MONDAY_10AM]);
    let now: i64 = MONDAY_10AM.parse().unwrap();
    let mut worker = WorkerHost::new();
    let init = ToWorker {
        id: 1,
        seed: Some(ppid_portal::reference::seed::DEMO_SEED_JSON.into()),
        ..Default::default()
    };
    worker.handle(&serde_json::to_string(&init).unwrap(), now);

    let valid = r#"{"requester":{"kind":"individual","name":"Siti Rahma","nik":"3201014508900001","address":"Jl. Melati 3","phone":"+6281234567890"},"information":"Salinan APBD 2026","purpose":"Penelitian","obtain":["view"]}"#;
    let invalid = r#"{"requester":{"kind":"individual","name":"","nik":"12","address":"x"},"information":"","purpose":"p","obtain":[]}"#;
    let lookup = r#"{"number":"PPID-2026-000103","verifier":"nope@example.id"}"#;
    let calls: Vec<(&str, &str, Option<&str>, &str)> = vec![
        ("GET", "/v1/meta", None, ""),
        ("GET", "/v1/calendar/2026", None, ""),
        ("GET", "/v1/calendar/1999", None, ""),
        ("GET", "/v1/units", None, ""),
        ("GET", "/v1/catalogue", None, ""),
        (
            "GET",
            "/v1/catalogue?class=berkala&sort=title&per_page=5&page=2",
            None,
            "",
        ),
        ("GET", "/v1/catalogue?q=angg&year=2026", None, ""),
        ("GET", "/v1/catalogue?class=rahasia", None, ""),
        ("GET", "/v1/catalogue/tidak-ada", None, ""),
        ("GET", "/v1/announcements", None, ""),
        ("GET", "/v1/statistics", None, ""),
        ("POST", "/v1/request-lookups", None, lookup),
        ("POST", "/v1/requests", Some("same-answer-key-1"), invalid),
        ("POST", "/v1/requests", None, valid),
        (
            "POST",
            "/v1/requests",
            Some("same-answer-key-2"),
            "{not json",
        ),
        ("POST", "/v1/meta", None, ""),
        ("GET", "/v2/meta", None, ""),
    ];
    for (i, (method, path, key, body)) in calls.into_iter().enumerate() {
        let mut headers = vec![];
        if let Some(k) = key {
            headers.push(("Idempotency-Key", k));
        }
        let over_http = server.send(method, &format!("/api{path}"), &headers, body);
        let msg = ToWorker {
            id: i as u32 + 2,
            exchange: Some(WireExchange {
                method: method.into(),
                path: path.into(),
                idempotency_key: key.map(Into::into),
                body: (!body.is_empty()).then(|| body.into()),
            }),
            ..Default::default()
        };
        let in_worker: FromWorker =
            serde_json::from_str(&worker.handle(&serde_json::to_string(&msg).unwrap(), now))
                .unwrap();
        assert_eq!(over_http.status, in_worker.status, "{method} {path}");
        assert_eq!(over_http.text(), in_worker.body, "{method} {path}");
        assert_eq!(
            over_http.header("content-type").unwrap_or(""),
            in_worker.content_type,
            "{method} {path}"
        );
    }
}

#[test]
fn api_answers_are_gzipped_when_asked() {
    let s = Server::start(&["--api-only", "--gzip"]);
    // API answers over 1 KB are compressed too; small ones and clients without gzip get plain JSON.
    let catalogue = s.send("GET", "/v1/catalogue", &[("Accept-Encoding", "gzip")], "");
    assert_eq!(catalogue.status, 200);
    assert_eq!(catalogue.header("content-encoding"), Some("gzip"));
    let mut json = String::new();
    flate2::read::GzDecoder::new(&catalogue.body[..])
        .read_to_string(&mut json)
        .unwrap();
    let plain_catalogue = s.get("/v1/catalogue");
    assert_eq!(plain_catalogue.header("content-encoding"), None);
    assert_eq!(
        json.as_bytes(),
        &plain_catalogue.body[..],
        "the same answer"
    );
    assert!(catalogue.body.len() < plain_catalogue.body.len());
    let missing = s.send(
        "GET",
        "/v1/catalogue/none",
        &[("Accept-Encoding", "gzip")],
        "",
    );
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-encoding"),
        None,
        "too small to gain"
    );
}
