//! `bundles.json`, the table the build hook and the size check read, agrees with the Rust side: the
//! bundle its routes pick for a path (as the boot script picks it) is the one `Page::bundle()` names,
//! every page bundle is a row and every row a wasm that Cargo.toml and index.html build.
#![cfg(not(target_arch = "wasm32"))]

use ppid_portal::domain::draft::Step;
use ppid_portal::domain::route::{BundleName, Page};
use serde_json::Value;
use std::path::Path;

fn read(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn table() -> Vec<Value> {
    let table: Value = serde_json::from_str(&read("bundles.json")).expect("bundles.json is JSON");
    table["bundles"]
        .as_array()
        .expect("bundles.json has a list of bundles")
        .clone()
}

fn text<'a>(row: &'a Value, field: &str) -> &'a str {
    row[field]
        .as_str()
        .unwrap_or_else(|| panic!("{row}: no {field}"))
}

fn routes(row: &Value) -> Vec<&str> {
    row["routes"]
        .as_array()
        .map_or(vec![], |r| r.iter().filter_map(Value::as_str).collect())
}

/// The wasm the boot script (public/boot.js) loads for a URL relative to the public URL: the row with
/// the longest route that the path is at or under, the main bundle otherwise. Like the browser's
/// `location.pathname`, it sees no query.
fn picked(table: &[Value], url: &str) -> String {
    let here = url.split(['?', '#']).next().unwrap_or_default();
    let mut best: Option<(&str, &str)> = None;
    for row in table.iter().filter(|r| text(r, "loads") == "route") {
        for route in routes(row) {
            if format!("{here}/").starts_with(&format!("{route}/"))
                && best.is_none_or(|(b, _)| route.len() > b.len())
            {
                best = Some((route, text(row, "name")));
            }
        }
    }
    let main = table
        .iter()
        .find(|r| text(r, "loads") == "main")
        .expect("a main bundle");
    best.map_or(text(main, "name"), |(_, name)| name).to_owned()
}

/// A path for every page, and paths under them.
fn sample_paths() -> Vec<String> {
    let mut paths: Vec<String> = [
        "",
        "informasi",
        "informasi/",
        "informasi/dip-2024-001",
        "informasi/dip-2024-001?dari=beranda",
        "permohonan",
        "permohonan/",
        "permohonan/terkirim",
        "permohonan?ubah=1",
        "status",
        "status?nomor=PPID-2025-000123",
        "statistik",
        "statistik?tahun=2024",
        "keberatan",
        "keberatan/ajukan",
        "keberatan/ajukan?nomor=x",
        "keberatan/sengketa",
        "keberatan/sengketa?nomor=x",
        "tentang",
        "register",
        "register/",
        "register?q=APBD%202026&unit=bappeda&page=2",
        "register/R-2026-0007",
        "register/R-2026-0007?dari=informasi",
    ]
    .map(str::to_owned)
    .to_vec();
    paths.extend(Step::ALL.iter().map(|s| format!("permohonan/{}", s.slug())));
    paths
}

#[test]
fn the_routes_pick_the_bundle_each_page_is_in() {
    let table = table();
    for url in sample_paths() {
        let page = Page::from_path(&url);
        assert_ne!(page, Page::NotFound, "{url} is a page");
        assert_eq!(
            picked(&table, &url),
            page.bundle().wasm(),
            "{url}: {page:?}"
        );
    }
}

#[test]
fn a_path_of_no_page_loads_a_bundle_that_shows_not_found() {
    // Every bundle renders the not-found page (`app::Bundle`); a path under a route still goes to
    // that route's bundle, as the boot script has always sent it.
    let table = table();
    for (url, wasm) in [
        ("permohonan/tidak-ada", "ppid-forms"),
        ("keberatan/lain", "ppid-objection"),
        ("keberatan/sengketa/lain", "ppid-dispute"),
        ("status/lain", "ppid-status"),
        ("informasi/a/b", "ppid-portal"),
        ("register/R-2026-0007/lain", "ppid-register"),
        ("registers", "ppid-portal"),
        ("permohonanx", "ppid-portal"),
        ("statusnya", "ppid-portal"),
        ("keberatansengketa", "ppid-portal"),
    ] {
        assert_eq!(Page::from_path(url), Page::NotFound, "{url}");
        assert_eq!(picked(&table, url), wasm, "{url}");
    }
}

#[test]
fn every_page_bundle_is_a_row_and_every_page_row_a_bundle() {
    let table = table();
    let rows: Vec<&str> = table
        .iter()
        .filter(|r| matches!(text(r, "loads"), "main" | "route"))
        .map(|r| text(r, "name"))
        .collect();
    let names: Vec<&str> = BundleName::ALL.iter().map(|b| b.wasm()).collect();
    assert_eq!(
        rows, names,
        "the page bundles of bundles.json, in BundleName's order"
    );
    let main: Vec<&Value> = table
        .iter()
        .filter(|r| text(r, "loads") == "main")
        .collect();
    assert_eq!(main.len(), 1, "one main bundle");
    assert!(
        routes(main[0]).is_empty(),
        "the main bundle takes every page no route claims"
    );
    for row in &table {
        assert!(
            ["main", "route", "kiosk", "worker"].contains(&text(row, "loads")),
            "{row}: loads is main, route, kiosk or worker"
        );
        assert!(
            row["budget"].as_u64().is_some_and(|b| b > 0),
            "{row}: a budget in gzip bytes"
        );
        // The release build lays these out like the main bundle (scripts/post-build.mjs).
        let laid_out = ["route", "kiosk"].contains(&text(row, "loads"));
        assert_eq!(
            row["aligned_gzip_growth"].as_u64().is_some(),
            laid_out,
            "{row}: aligned_gzip_growth, in gzip bytes, on a route bundle and the kiosk and nowhere else"
        );
    }
}

#[test]
fn every_row_is_built() {
    let cargo = read("Cargo.toml");
    let index = read("index.html");
    for row in table() {
        let name = text(&row, "name");
        assert!(
            cargo.contains(&format!("name = \"{name}\"")),
            "Cargo.toml builds {name}"
        );
        assert!(
            index.contains(&format!("data-bin=\"{name}\"")),
            "index.html has Trunk build {name} (a data-bin link)"
        );
    }
}

#[test]
fn from_path_ignores_the_query_and_reads_the_steps() {
    assert_eq!(Page::from_path("/"), Page::Home);
    assert_eq!(Page::from_path("status?nomor=x"), Page::Status);
    assert_eq!(
        Page::from_path("/register/R-2026-0007?q=x"),
        Page::RegisterEntry("R-2026-0007".into())
    );
    assert_eq!(
        Page::from_path("/informasi/a%20b#x"),
        Page::Item("a%20b".into())
    );
    assert_eq!(
        Page::from_path("permohonan/identitas"),
        Page::RequestStep(Step::Identity)
    );
}
