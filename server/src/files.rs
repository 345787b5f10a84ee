//! The built app as static files: content types, cache headers, the single-page-app history
//! fallback, the build's precompressed copies (`<file>.br`, `<file>.gz`, written by
//! scripts/post-build.mjs; `dcb/<hash>/<file>`, compressed against the main bundle, see
//! [`crate::dictionary`]) and optional gzip (compressed once per file version, then cached).

use std::collections::HashMap;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use tiny_http::{Method, Response};

use crate::{h, plain};

pub struct Files {
    root: PathBuf,
    config: Option<PathBuf>,
    gzip: bool,
    compressed: Mutex<HashMap<PathBuf, Compressed>>,
    /// The path the files are served under (`--base`), for the dictionary's `match`.
    base: String,
    /// Whether a file version is the dictionary of copies beside it, by path.
    dictionaries: Mutex<HashMap<PathBuf, (Option<SystemTime>, bool)>>,
}

/// A gzip copy of one version of a file.
struct Compressed {
    len: u64,
    modified: Option<SystemTime>,
    data: Arc<Vec<u8>>,
}

/// What a URL path names.
#[derive(Debug, PartialEq)]
pub enum Resolved {
    /// A file to send; `name` decides its type and caching.
    File {
        path: PathBuf,
        name: String,
    },
    /// Refused outright (traversal, malformed).
    BadRequest,
    NotFound,
}

impl Files {
    pub fn new(dir: &Path, config: Option<PathBuf>, gzip: bool) -> Result<Files, String> {
        let root = dir
            .canonicalize()
            .map_err(|e| format!("--dist {}: {e}", dir.display()))?;
        if !root.is_dir() {
            return Err(format!("--dist {}: not a directory", dir.display()));
        }
        if let Some(c) = &config {
            if !c.is_file() {
                return Err(format!("--config {}: not a readable file", c.display()));
            }
        }
        Ok(Files {
            root,
            config,
            gzip,
            compressed: Mutex::new(HashMap::new()),
            base: String::new(),
            dictionaries: Mutex::new(HashMap::new()),
        })
    }

    /// Served under `base` (`/ppid`, without its last slash).
    pub fn with_base(mut self, base: Option<&str>) -> Files {
        self.base = base.unwrap_or_default().to_owned();
        self
    }

    /// Maps a raw URL path (no query) to a file under the root.
    pub fn resolve(&self, raw_path: &str) -> Resolved {
        let Some(decoded) = decode_path(raw_path) else {
            return Resolved::BadRequest;
        };
        if decoded.contains('\0') || decoded.contains('\\') {
            return Resolved::BadRequest;
        }
        let segments: Vec<&str> = decoded
            .split('/')
            .filter(|s| !s.is_empty() && *s != ".")
            .collect();
        if segments.contains(&"..") {
            return Resolved::BadRequest;
        }
        if segments == ["config.json"] {
            if let Some(config) = &self.config {
                return Resolved::File {
                    path: config.clone(),
                    name: "config.json".into(),
                };
            }
        }
        // Dot files (build leftovers, editor files) are not part of the site; `.well-known` is.
        if segments
            .iter()
            .any(|s| s.starts_with('.') && *s != ".well-known")
        {
            return Resolved::NotFound;
        }
        // The copies against a dictionary go out in place of their file only, with their coding
        // (`serve`): by their own path they would be bytes no browser can read.
        if segments.first() == Some(&crate::dictionary::COPIES) {
            return Resolved::NotFound;
        }
        let mut path = self.root.clone();
        path.extend(&segments);
        if path.is_dir() {
            path.push("index.html");
        }
        if path.is_file() {
            return match path.canonicalize() {
                // A symbolic link must not lead out of the root.
                Ok(real) if real.starts_with(&self.root) => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    Resolved::File { path: real, name }
                }
                _ => Resolved::NotFound,
            };
        }
        // History fallback: app routes have no extension; missing assets do.
        let is_route = segments.last().is_none_or(|last| !last.contains('.'));
        let index = self.root.join("index.html");
        if is_route && index.is_file() {
            Resolved::File {
                path: index,
                name: "index.html".into(),
            }
        } else {
            Resolved::NotFound
        }
    }

    pub fn serve(
        &self,
        method: &Method,
        raw_path: &str,
        accepts: Accepts,
        if_none_match: Option<&str>,
    ) -> Response<Cursor<Vec<u8>>> {
        if !matches!(method, Method::Get | Method::Head) {
            return plain(405, "Method not allowed").with_header(h("Allow", "GET, HEAD"));
        }
        let (path, name) = match self.resolve(raw_path) {
            Resolved::File { path, name } => (path, name),
            Resolved::BadRequest => return plain(400, "Bad request"),
            Resolved::NotFound => return plain(404, "Not found"),
        };
        let (Ok(meta), Ok(raw)) = (std::fs::metadata(&path), std::fs::read(&path)) else {
            return plain(404, "Not found");
        };
        let modified = meta.modified().ok();
        let version = modified
            .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let ext = extension(&name);
        let compressible = self.gzip && is_compressible(ext);

        let mut body = raw;
        let mut etag = format!("\"{:x}-{:x}\"", body.len(), version);
        let mut encoding = None;
        // The build's copies first: against the dictionary the browser says it has, then brotli, then
        // gzip; config.json never has one (it is edited after the build, and a copy beside a
        // `--config` file would not be the build's).
        let mut has_copies = false;
        let has_dictionary_copy = name != "config.json" && self.has_dictionary_copy(&path);
        if has_dictionary_copy {
            // Read only for a browser that offers `dcb` and names a dictionary.
            if let Some(theirs) = accepts.dcb.then_some(accepts.dictionary).flatten() {
                if let Some(data) = self
                    .dictionary_copy(&path, &theirs, modified)
                    .and_then(|copy| std::fs::read(copy).ok())
                    .filter(|data| crate::dictionary::dictionary_of(data) == Some(theirs))
                {
                    body = data;
                    etag = format!("\"{:x}-{:x}-dcb\"", meta.len(), version);
                    encoding = Some("dcb");
                }
            }
        }
        // Only a file the browser keeps (a hashed name, kept a year) is worth offering as one: a
        // browser does not use a dictionary whose answer is no longer fresh.
        let is_dictionary =
            is_hashed(&name) && !has_dictionary_copy && self.is_dictionary(&path, modified, &body);
        if name != "config.json" {
            for (coding, suffix, accepted) in
                [("br", "br", accepts.br), ("gzip", "gz", accepts.gzip)]
            {
                let Some(copy) = self.fresh_copy(&path, suffix, modified) else {
                    continue;
                };
                has_copies = true;
                if accepted && encoding.is_none() {
                    if let Ok(data) = std::fs::read(copy) {
                        body = data;
                        etag = format!("\"{:x}-{:x}-{suffix}\"", meta.len(), version);
                        encoding = Some(coding);
                    }
                }
            }
        }
        if compressible && accepts.gzip && encoding.is_none() {
            let gz = self.gzip_of(&path, meta.len(), modified, &body);
            if gz.len() < body.len() {
                body = gz.as_ref().clone();
                etag = format!("\"{:x}-{:x}-gz\"", meta.len(), version);
                encoding = Some("gzip");
            }
        }

        let status = if if_none_match.is_some_and(|v| etag_matches(v, &etag)) {
            304
        } else {
            200
        };
        if status == 304 {
            body = Vec::new();
        }
        let mut r = Response::from_data(body)
            .with_status_code(status)
            .with_header(h("Content-Type", content_type(ext)))
            .with_header(h("Cache-Control", cache_control(&name)))
            .with_header(h("ETag", &etag))
            .with_header(h("X-Content-Type-Options", "nosniff"))
            .with_chunked_threshold(usize::MAX);
        if let Some(coding) = encoding {
            r.add_header(h("Content-Encoding", coding));
        }
        if has_dictionary_copy {
            r.add_header(h("Vary", "Accept-Encoding, Available-Dictionary"));
        } else if compressible || has_copies {
            r.add_header(h("Vary", "Accept-Encoding"));
        }
        if is_dictionary {
            // Every file of its kind beside it (the main bundle's wasm: the other bundles' wasm) may
            // be sent against it.
            let dir = raw_path.rsplit_once('/').map_or("", |(d, _)| d);
            let pattern = format!("match=\"{}{dir}/*.{ext}\"", self.base);
            r.add_header(h("Use-As-Dictionary", &pattern));
        }
        r
    }

    /// Whether `path` (its bytes `raw`) is the dictionary of copies beside it (`dcb/<its hash>/`);
    /// remembered per version, as the answer needs its SHA-256.
    fn is_dictionary(&self, path: &Path, modified: Option<SystemTime>, raw: &[u8]) -> bool {
        let mut known = self.dictionaries.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((m, is)) = known.get(path) {
            if *m == modified {
                return *is;
            }
        }
        let hash = crate::dictionary::sha256(raw);
        let is = path
            .parent()
            .is_some_and(|dir| dir.join(crate::dictionary::copies_of(&hash)).is_dir());
        known.insert(path.to_path_buf(), (modified, is));
        is
    }

    /// Whether the build wrote a copy of `path` against some dictionary (`dcb/<hash>/<its name>`
    /// beside it): its answer then depends on the browser's `Available-Dictionary`.
    fn has_dictionary_copy(&self, path: &Path) -> bool {
        fn holds(dir: &Path, name: &std::ffi::OsStr) -> bool {
            std::fs::read_dir(dir)
                .into_iter()
                .flatten()
                .flatten()
                .any(|e| {
                    // Not through a link: a link to a folder above would never end.
                    if e.file_type().is_ok_and(|t| t.is_dir()) {
                        holds(&e.path(), name)
                    } else {
                        e.file_name() == name
                    }
                })
        }
        match (path.parent(), path.file_name()) {
            (Some(dir), Some(name)) => holds(&dir.join(crate::dictionary::COPIES), name),
            _ => false,
        }
    }

    /// The copy of `path` against the dictionary `hash`, when it is a file under the root and not
    /// older than the file.
    fn dictionary_copy(
        &self,
        path: &Path,
        hash: &[u8; 32],
        modified: Option<SystemTime>,
    ) -> Option<PathBuf> {
        let name = path.file_name()?.to_str()?;
        let copy = path.with_file_name(crate::dictionary::copy_path(name, hash));
        self.fresh(copy, modified)
    }

    /// `<file>.<suffix>` when it is a file under the root and not older than the file: a copy left by
    /// an earlier build beside a file copied over since would send the old content.
    fn fresh_copy(
        &self,
        path: &Path,
        suffix: &str,
        modified: Option<SystemTime>,
    ) -> Option<PathBuf> {
        let mut name = path.file_name()?.to_os_string();
        name.push(".");
        name.push(suffix);
        self.fresh(path.with_file_name(name), modified)
    }

    /// `copy` when it is a file under the root and not older than `modified`, its file's date.
    fn fresh(&self, copy: PathBuf, modified: Option<SystemTime>) -> Option<PathBuf> {
        let copy = copy.canonicalize().ok()?;
        let meta = std::fs::metadata(&copy).ok()?;
        let fresh = meta.is_file()
            && copy.starts_with(&self.root)
            && matches!((meta.modified(), modified), (Ok(c), Some(f)) if c >= f);
        fresh.then_some(copy)
    }

    /// The gzip copy of a file version, compressed on first use.
    fn gzip_of(
        &self,
        path: &Path,
        len: u64,
        modified: Option<SystemTime>,
        raw: &[u8],
    ) -> Arc<Vec<u8>> {
        // Held while compressing, so each version is compressed once even under parallel requests.
        let mut cache = self.compressed.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = cache.get(path) {
            if c.len == len && c.modified == modified {
                return Arc::clone(&c.data);
            }
        }
        let data = Arc::new(gzip(raw));
        cache.insert(
            path.to_path_buf(),
            Compressed {
                len,
                modified,
                data: Arc::clone(&data),
            },
        );
        data
    }
}

pub fn gzip(raw: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(raw.len() / 3),
        flate2::Compression::best(),
    );
    let _ = enc.write_all(raw);
    enc.finish().unwrap_or_default()
}

/// Decodes `%XX` escapes of a URL path (`+` stays `+`); `None` for bad escapes or non-UTF-8.
pub fn decode_path(raw: &str) -> Option<String> {
    let b = raw.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b.get(i + 1..i + 3)?;
            let v = u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The content codings of an `Accept-Encoding` header that the files are sent in.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Accepts {
    pub br: bool,
    pub gzip: bool,
    pub dcb: bool,
    /// The dictionary the browser has for this URL (`Available-Dictionary`), by its SHA-256.
    pub dictionary: Option<[u8; 32]>,
}

impl Accepts {
    /// No header: identity only (a client that sends none may not decode anything).
    pub fn from_header(header: Option<&str>) -> Accepts {
        header.map_or(Accepts::default(), |v| Accepts {
            br: accepts(v, "br"),
            gzip: accepts(v, "gzip"),
            dcb: accepts(v, "dcb"),
            dictionary: None,
        })
    }

    /// With the dictionary an `Available-Dictionary` header names.
    pub fn with_dictionary(self, header: Option<&str>) -> Accepts {
        Accepts {
            dictionary: header.and_then(crate::dictionary::available),
            ..self
        }
    }
}

/// The client accepts gzip (`Accept-Encoding` lists it without `q=0`).
pub fn accepts_gzip(header: &str) -> bool {
    accepts(header, "gzip")
}

/// `Accept-Encoding` lists `coding` without `q=0`.
fn accepts(header: &str, coding: &str) -> bool {
    header.split(',').any(|part| {
        let mut it = part.split(';').map(str::trim);
        let name = it.next().unwrap_or("");
        let q_zero = it.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        name.eq_ignore_ascii_case(coding) && !q_zero
    })
}

pub(crate) fn etag_matches(header: &str, etag: &str) -> bool {
    header
        .split(',')
        .map(str::trim)
        .any(|t| t == "*" || t.trim_start_matches("W/") == etag)
}

fn extension(name: &str) -> &str {
    name.rsplit_once('.').map(|(_, e)| e).unwrap_or("")
}

pub fn content_type(ext: &str) -> &'static str {
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn is_compressible(ext: &str) -> bool {
    matches!(
        ext.to_ascii_lowercase().as_str(),
        "html"
            | "htm"
            | "js"
            | "mjs"
            | "wasm"
            | "css"
            | "json"
            | "map"
            | "webmanifest"
            | "svg"
            | "txt"
            | "ics"
            | "xml"
    )
}

/// Trunk's content hash in a file name: `-` then 16 hex digits then `.` (`app-<hash>.js`) or `_`
/// (`app-<hash>_bg.wasm`).
pub fn is_hashed(name: &str) -> bool {
    let b = name.as_bytes();
    b.windows(18).any(|w| {
        w[0] == b'-'
            && matches!(w[17], b'.' | b'_')
            && w[1..17].iter().all(|c| c.is_ascii_hexdigit())
    })
}

pub fn cache_control(name: &str) -> &'static str {
    if is_hashed(name) {
        "public, max-age=31536000, immutable"
    } else {
        // index.html, config.json, sw.js and every other unversioned file: revalidate each time.
        "no-cache"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (PathBuf, Files) {
        let dir = std::env::temp_dir().join(format!(
            "ppid-server-files-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("assets")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.join("app-0123456789abcdef.js"), "x").unwrap();
        std::fs::write(dir.join("assets/logo.svg"), "<svg/>").unwrap();
        std::fs::write(dir.join(".secret"), "no").unwrap();
        let files = Files::new(&dir, None, true).unwrap();
        (dir, files)
    }

    fn file_name(r: Resolved) -> String {
        match r {
            Resolved::File { name, .. } => name,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn resolves_files_routes_and_refusals() {
        let (dir, f) = site();
        assert_eq!(file_name(f.resolve("/")), "index.html");
        assert_eq!(
            file_name(f.resolve("/app-0123456789abcdef.js")),
            "app-0123456789abcdef.js"
        );
        assert_eq!(file_name(f.resolve("/assets/logo.svg")), "logo.svg");
        assert_eq!(file_name(f.resolve("/informasi/abc")), "index.html");
        assert_eq!(file_name(f.resolve("/permohonan/baru/")), "index.html");
        assert_eq!(f.resolve("/missing.js"), Resolved::NotFound);
        assert_eq!(f.resolve("/.secret"), Resolved::NotFound);
        assert_eq!(f.resolve("/../Cargo.toml"), Resolved::BadRequest);
        assert_eq!(
            f.resolve("/assets/%2e%2e/%2e%2e/etc/passwd"),
            Resolved::BadRequest
        );
        assert_eq!(f.resolve("/a%5c..%5cb"), Resolved::BadRequest);
        assert_eq!(f.resolve("/bad%zz"), Resolved::BadRequest);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn types_and_caching() {
        assert_eq!(content_type("wasm"), "application/wasm");
        assert_eq!(content_type("webmanifest"), "application/manifest+json");
        assert!(content_type("js").starts_with("text/javascript"));
        assert!(is_hashed("ppid-portal-0123456789abcdef_bg.wasm"));
        assert!(is_hashed("ppid-portal-0123456789abcdef.js"));
        assert!(is_hashed("style-9f86d081884c7d65.css"));
        assert!(!is_hashed("sw.js"));
        assert!(!is_hashed("ppid-portal-0123456789abcde.js"));
        assert_eq!(cache_control("index.html"), "no-cache");
        assert_eq!(cache_control("sw.js"), "no-cache");
        assert_eq!(
            cache_control("app-0123456789abcdef.js"),
            "public, max-age=31536000, immutable"
        );
    }

    /// A build with precompressed copies: the copies' bytes are markers, so a test sees which was sent.
    fn precompressed_site(gzip: bool) -> (PathBuf, Files) {
        let dir = std::env::temp_dir().join(format!(
            "ppid-server-precompressed-{}-{:?}-{gzip}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let wasm = "app-0123456789abcdef_bg.wasm";
        std::fs::write(dir.join(wasm), "\0asm wasm ".repeat(100)).unwrap();
        std::fs::write(dir.join(format!("{wasm}.br")), "BROTLI").unwrap();
        std::fs::write(dir.join(format!("{wasm}.gz")), "GZIP").unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html> ".repeat(100)).unwrap();
        std::fs::write(dir.join("index.html.br"), "INDEX BROTLI").unwrap();
        std::fs::write(
            dir.join("config.json"),
            r#"{"office":"edited after the build"}"#,
        )
        .unwrap();
        std::fs::write(dir.join("config.json.br"), "STALE CONFIG").unwrap();
        std::fs::write(dir.join("plain.js"), "console.log(1);\n".repeat(100)).unwrap();
        let files = Files::new(&dir, None, gzip).unwrap();
        (dir, files)
    }

    struct Sent {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    }

    impl Sent {
        fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }
    }

    fn send(
        f: &Files,
        method: Method,
        path: &str,
        accept: Option<&str>,
        etag: Option<&str>,
    ) -> Sent {
        sent(f.serve(&method, path, Accepts::from_header(accept), etag))
    }

    fn sent(r: Response<Cursor<Vec<u8>>>) -> Sent {
        let status = r.status_code().0;
        let headers = r
            .headers()
            .iter()
            .map(|h| (h.field.to_string(), h.value.to_string()))
            .collect();
        let body = r.into_reader().into_inner();
        Sent {
            status,
            headers,
            body,
        }
    }

    const WASM: &str = "/app-0123456789abcdef_bg.wasm";

    #[test]
    fn brotli_copy_is_preferred_with_the_files_own_headers() {
        let (dir, f) = precompressed_site(false);
        let plain = send(&f, Method::Get, WASM, None, None);
        let br = send(&f, Method::Get, WASM, Some("gzip, deflate, br"), None);
        assert_eq!(br.status, 200);
        assert_eq!(br.body, b"BROTLI");
        assert_eq!(br.header("Content-Encoding"), Some("br"));
        assert_eq!(br.header("Vary"), Some("Accept-Encoding"));
        for name in ["Content-Type", "Cache-Control", "X-Content-Type-Options"] {
            assert_eq!(br.header(name), plain.header(name), "{name}");
        }
        assert_eq!(br.header("Content-Type"), Some("application/wasm"));
        assert_eq!(
            br.header("Cache-Control"),
            Some("public, max-age=31536000, immutable")
        );
        // Each coding is its own representation: a cached identity copy must not revalidate a brotli one.
        assert_ne!(br.header("ETag"), plain.header("ETag"));
        let etag = br.header("ETag").unwrap().to_string();
        assert_eq!(
            send(&f, Method::Get, WASM, Some("br"), Some(&etag)).status,
            304
        );
        assert_eq!(send(&f, Method::Get, WASM, None, Some(&etag)).status, 200);

        let head = send(&f, Method::Head, WASM, Some("br"), None);
        assert_eq!(head.header("Content-Encoding"), Some("br"));
        assert_eq!(head.header("Content-Type"), Some("application/wasm"));
        assert_eq!(head.header("Vary"), Some("Accept-Encoding"));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn gzip_copy_when_brotli_is_not_accepted() {
        let (dir, f) = precompressed_site(false);
        for accept in [
            "gzip",
            "br;q=0, gzip",
            "gzip;q=0.5, br;q=0.0",
            "deflate, GZIP",
        ] {
            let r = send(&f, Method::Get, WASM, Some(accept), None);
            assert_eq!(r.body, b"GZIP", "{accept}");
            assert_eq!(r.header("Content-Encoding"), Some("gzip"), "{accept}");
            assert_eq!(r.header("Vary"), Some("Accept-Encoding"), "{accept}");
        }
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn identity_without_an_accepted_coding_still_varies() {
        let (dir, f) = precompressed_site(false);
        let raw = std::fs::read(dir.join("app-0123456789abcdef_bg.wasm")).unwrap();
        for accept in [
            None,
            Some("identity"),
            Some("br;q=0, gzip;q=0"),
            Some("deflate"),
        ] {
            let r = send(&f, Method::Get, WASM, accept, None);
            assert_eq!(r.body, raw, "{accept:?}");
            assert_eq!(r.header("Content-Encoding"), None, "{accept:?}");
            // A shared cache that stored this answer must not hand it to a client that accepts brotli.
            assert_eq!(r.header("Vary"), Some("Accept-Encoding"), "{accept:?}");
        }
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_copy_older_than_its_file_is_ignored() {
        let (dir, f) = precompressed_site(true);
        let older = SystemTime::now() - std::time::Duration::from_secs(3600);
        let br = std::fs::File::options()
            .write(true)
            .open(dir.join("app-0123456789abcdef_bg.wasm.br"))
            .unwrap();
        br.set_modified(older).unwrap();
        let r = send(&f, Method::Get, WASM, Some("br, gzip"), None);
        assert_eq!(r.header("Content-Encoding"), Some("gzip"));
        assert_eq!(r.body, b"GZIP");
        // Both stale: --gzip compresses the file itself.
        let gz = std::fs::File::options()
            .write(true)
            .open(dir.join("app-0123456789abcdef_bg.wasm.gz"))
            .unwrap();
        gz.set_modified(older).unwrap();
        let r = send(&f, Method::Get, WASM, Some("br, gzip"), None);
        assert_eq!(r.header("Content-Encoding"), Some("gzip"));
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&r.body[..]), &mut out)
            .unwrap();
        assert_eq!(
            out,
            std::fs::read(dir.join("app-0123456789abcdef_bg.wasm")).unwrap()
        );
        // Without --gzip, a stale copy leaves the file as it is.
        let plain = Files::new(&dir, None, false).unwrap();
        let r = send(&plain, Method::Get, WASM, Some("br"), None);
        assert_eq!(r.header("Content-Encoding"), None);
        assert_eq!(r.header("Vary"), None, "no copy to choose, nothing varies");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn app_paths_get_the_compressed_index_and_config_never_a_copy() {
        let (dir, f) = precompressed_site(false);
        for path in ["/", "/informasi/abc", "/permohonan/jenis/"] {
            let r = send(&f, Method::Get, path, Some("br"), None);
            assert_eq!(r.body, b"INDEX BROTLI", "{path}");
            assert_eq!(r.header("Content-Encoding"), Some("br"), "{path}");
            assert_eq!(
                r.header("Content-Type"),
                Some("text/html; charset=utf-8"),
                "{path}"
            );
            assert_eq!(r.header("Cache-Control"), Some("no-cache"), "{path}");
        }
        let cfg = send(&f, Method::Get, "/config.json", Some("br, gzip"), None);
        assert_eq!(cfg.body, br#"{"office":"edited after the build"}"#);
        assert_eq!(cfg.header("Content-Encoding"), None);
        // The copy itself is a plain file: no coding, no type of the file it was made from.
        let copy = send(
            &f,
            Method::Get,
            &format!("{WASM}.br"),
            Some("br, gzip"),
            None,
        );
        assert_eq!(copy.body, b"BROTLI");
        assert_eq!(copy.header("Content-Encoding"), None);
        assert_eq!(
            copy.header("Content-Type"),
            Some("application/octet-stream")
        );
        // A file the build left uncompressed: on-the-fly gzip only with --gzip.
        let js = send(&f, Method::Get, "/plain.js", Some("br, gzip"), None);
        assert_eq!(js.header("Content-Encoding"), None);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn accept_encoding_parsing() {
        assert!(accepts_gzip("gzip, deflate, br"));
        assert!(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
        assert!(!accepts_gzip("gzip;q=0"));
        assert!(!accepts_gzip("br"));
        assert!(!accepts_gzip("identity"));
        let both = Accepts {
            br: true,
            gzip: true,
            ..Accepts::default()
        };
        assert_eq!(Accepts::from_header(Some("gzip, deflate, br, zstd")), both);
        assert_eq!(Accepts::from_header(Some("BR;q=0.1,gzip")), both);
        let chromium = Accepts::from_header(Some("gzip, deflate, br, zstd, dcb, dcz"));
        assert!(chromium.br && chromium.dcb && chromium.dictionary.is_none());
        assert!(!Accepts::from_header(Some("br;q=0, gzip")).br);
        assert!(!Accepts::from_header(Some("brotli")).br);
        assert_eq!(Accepts::from_header(None), Accepts::default());
    }

    #[test]
    fn gzip_round_trips() {
        use std::io::Read;
        let raw = "hello ".repeat(200);
        let mut out = String::new();
        flate2::read::GzDecoder::new(&gzip(raw.as_bytes())[..])
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, raw);
    }

    /// The precompressed site plus a route bundle with a brotli copy and a copy against the main
    /// bundle's wasm (the dictionary); the copy is a real one, made the way the build makes it.
    fn dictionary_site(base: Option<&str>) -> (PathBuf, Files, Vec<u8>) {
        let (dir, _) = precompressed_site(false);
        let dictionary = std::fs::read(dir.join("app-0123456789abcdef_bg.wasm")).unwrap();
        let route = [&dictionary[..], b"the status page"].concat();
        std::fs::write(dir.join("route_bg.wasm"), &route).unwrap();
        std::fs::write(dir.join("route_bg.wasm.br"), "ROUTE BROTLI").unwrap();
        let copy = crate::dictionary::compress(&dictionary, &route);
        write_copy(&dir, "route_bg.wasm", &dictionary, &copy);
        // The glue likewise: the main bundle's (hashed) against the route bundle's; and a copy
        // against a file whose name is not hashed.
        for (dictionary, file) in [
            ("app-0123456789abcdef.js", "route.js"),
            ("plain.js", "other.js"),
        ] {
            std::fs::write(dir.join(dictionary), format!("{dictionary} ").repeat(50)).unwrap();
            std::fs::write(dir.join(file), format!("{dictionary} {file}").repeat(50)).unwrap();
            let dictionary = std::fs::read(dir.join(dictionary)).unwrap();
            let copy =
                crate::dictionary::compress(&dictionary, &std::fs::read(dir.join(file)).unwrap());
            write_copy(&dir, file, &dictionary, &copy);
        }
        let files = Files::new(&dir, None, false).unwrap().with_base(base);
        (dir, files, copy)
    }

    /// Where the build puts the copy of `file` against `dictionary`; its path.
    fn write_copy(dir: &Path, file: &str, dictionary: &[u8], copy: &[u8]) -> PathBuf {
        let hash = crate::dictionary::sha256(dictionary);
        let path = dir.join(crate::dictionary::copy_path(file, &hash));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, copy).unwrap();
        path
    }

    fn send_with_dictionary(f: &Files, path: &str, accept: &str, dictionary: Option<&str>) -> Sent {
        let accepts = Accepts::from_header(Some(accept)).with_dictionary(dictionary);
        sent(f.serve(&Method::Get, path, accepts, None))
    }

    #[test]
    fn a_browser_with_the_main_bundle_gets_the_copy_against_it() {
        let (dir, f, copy) = dictionary_site(None);
        let dictionary = std::fs::read(dir.join("app-0123456789abcdef_bg.wasm")).unwrap();
        let theirs = crate::dictionary::header_value(&crate::dictionary::sha256(&dictionary));
        let r = send_with_dictionary(&f, "/route_bg.wasm", "gzip, br, dcb", Some(&theirs));
        assert_eq!(r.status, 200);
        assert_eq!(r.header("Content-Encoding"), Some("dcb"));
        assert_eq!(r.body, copy);
        assert!(r.header("ETag").is_some_and(|e| e.ends_with("-dcb\"")));
        // A cache must key on both: the same URL is another body for another dictionary.
        assert_eq!(
            r.header("Vary"),
            Some("Accept-Encoding, Available-Dictionary")
        );
        assert_eq!(r.header("Content-Type"), Some("application/wasm"));
        // By its own path the copy is no file of the site: no browser could read it as one.
        let hash = crate::dictionary::sha256(&dictionary);
        let own_path = format!("/{}", crate::dictionary::copy_path("route_bg.wasm", &hash));
        assert_eq!(f.resolve(&own_path), Resolved::NotFound);

        // Another dictionary (an older build's main bundle), none, or no `dcb` offered: brotli.
        let older = crate::dictionary::header_value(&crate::dictionary::sha256(b"older build"));
        for (accept, dictionary) in [
            ("gzip, br, dcb", Some(older.as_str())),
            ("gzip, br, dcb", None),
            ("gzip, br", Some(theirs.as_str())),
            ("gzip, br, dcb", Some(":not a hash:")),
        ] {
            let r = send_with_dictionary(&f, "/route_bg.wasm", accept, dictionary);
            assert_eq!(
                r.header("Content-Encoding"),
                Some("br"),
                "{accept} {dictionary:?}"
            );
            assert_eq!(r.body, b"ROUTE BROTLI", "{accept} {dictionary:?}");
            assert_eq!(
                r.header("Vary"),
                Some("Accept-Encoding, Available-Dictionary")
            );
        }
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_main_bundle_says_it_is_a_dictionary_for_the_wasm_beside_it() {
        for (base, pattern) in [
            (None, "match=\"/*.wasm\""),
            (Some("/ppid"), "match=\"/ppid/*.wasm\""),
        ] {
            let (dir, f, _) = dictionary_site(base);
            let r = send_with_dictionary(&f, WASM, "gzip, br, dcb", None);
            assert_eq!(r.header("Content-Encoding"), Some("br"));
            assert_eq!(r.header("Use-As-Dictionary"), Some(pattern));
            // Its glue, for the glue beside it.
            let glue = send_with_dictionary(&f, "/app-0123456789abcdef.js", "br, dcb", None);
            let for_glue = pattern.replace(".wasm", ".js");
            assert_eq!(glue.header("Use-As-Dictionary"), Some(for_glue.as_str()));
            // A file the browser does not keep (no hash in its name) is never offered as one.
            let plain = send_with_dictionary(&f, "/plain.js", "br, dcb", None);
            assert_eq!(plain.header("Use-As-Dictionary"), None);
            // Nothing else is: not the route bundle, not a file that is not wasm.
            let route = send_with_dictionary(&f, "/route_bg.wasm", "br, dcb", None);
            assert_eq!(route.header("Use-As-Dictionary"), None);
            let index = send_with_dictionary(&f, "/index.html", "br, dcb", None);
            assert_eq!(index.header("Use-As-Dictionary"), None);
            // Once the copies are gone (a build without them), the main bundle is no dictionary.
            std::fs::remove_dir_all(dir.join("dcb")).unwrap();
            std::fs::write(dir.join("app-0123456789abcdef_bg.wasm"), "\0asm rebuilt").unwrap();
            let r = send_with_dictionary(&f, WASM, "gzip, br, dcb", None);
            assert_eq!(r.header("Use-As-Dictionary"), None);
            let _ = std::fs::remove_dir_all(dir);
        }
    }

    #[test]
    fn a_copy_older_than_its_file_is_never_sent_against_the_dictionary() {
        let (dir, f, _) = dictionary_site(None);
        let dictionary = std::fs::read(dir.join("app-0123456789abcdef_bg.wasm")).unwrap();
        let theirs = crate::dictionary::header_value(&crate::dictionary::sha256(&dictionary));
        let older = SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(dir.join(crate::dictionary::copy_path(
                "route_bg.wasm",
                &crate::dictionary::sha256(&dictionary),
            )))
            .unwrap()
            .set_modified(older)
            .unwrap();
        let r = send_with_dictionary(&f, "/route_bg.wasm", "br, dcb", Some(&theirs));
        assert_eq!(r.header("Content-Encoding"), Some("br"));
        let _ = std::fs::remove_dir_all(dir);
    }
}
