//! Holds the tree to `src/offline/device.rs`, the one module that names what the portal keeps on a
//! citizen's device: every browser-storage key and database the portal's code or its public
//! scripts use is listed there (in `KEPT`, with whether it may hold personal data), none is named
//! anywhere else in the Rust code, and the kiosk's wipe names every database. A key added without
//! its line in that list is a key a kiosk or a shared device might keep without anyone deciding so.
//!
//! `offline::device` compiles for the browser only, so this reads the sources as text.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const DEVICE: &str = "src/offline/device.rs";

fn read(rel: &str) -> String {
    fs::read_to_string(Path::new(ROOT).join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn files(dir: &str, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(Path::new(ROOT).join(dir)).expect(dir) {
        let path = entry.expect(dir).path();
        if path.is_dir() {
            let rel = path
                .strip_prefix(ROOT)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            files(&rel, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// `pub const NAME: &str = "value";` of device.rs, by name.
fn constants() -> BTreeMap<String, String> {
    let src = read(DEVICE);
    let mut out = BTreeMap::new();
    for line in src.lines().map(str::trim) {
        let Some(rest) = line
            .strip_prefix("pub const ")
            .or_else(|| line.strip_prefix("const "))
        else {
            continue;
        };
        let Some((name, value)) = rest.split_once(": &str = \"") else {
            continue;
        };
        let value = value.trim_end_matches("\";");
        out.insert(name.to_owned(), value.to_owned());
    }
    out
}

/// The constants named in `KEPT`, with their place.
fn kept() -> Vec<(String, String)> {
    let src = read(DEVICE);
    let table = src
        .split("pub const KEPT: &[Kept] = &[")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .expect("device.rs lists what it keeps in KEPT");
    table
        .split("Kept {")
        .skip(1)
        .map(|row| {
            let field = |f: &str| {
                row.split(&format!("{f}: "))
                    .nth(1)
                    .and_then(|v| v.split([',', ' ']).next())
                    .unwrap_or_else(|| panic!("a KEPT row without {f}: {row}"))
                    .to_owned()
            };
            (field("name"), field("place"))
        })
        .collect()
}

/// String literals in `text` that look like the portal's storage keys: `ppid.` and a dotted name,
/// between two quotes of the same kind.
fn storage_keys(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, quote) in text
        .char_indices()
        .filter(|(_, c)| matches!(c, '"' | '\'' | '`'))
    {
        let rest = &text[i + 1..];
        if !rest.starts_with("ppid.") {
            continue;
        }
        let len = rest
            .find(|c: char| !(c.is_ascii_lowercase() || c == '.' || c == '-'))
            .unwrap_or(rest.len());
        if len > 5 && rest[len..].starts_with(quote) {
            out.push(rest[..len].to_owned());
        }
    }
    out
}

#[test]
fn every_key_and_database_is_listed_once_with_what_it_holds() {
    let constants = constants();
    let kept = kept();
    assert!(kept.len() >= 10, "KEPT lists {} things", kept.len());
    for (name, value) in &constants {
        assert!(
            kept.iter().any(|(k, _)| k == name),
            "{DEVICE}: {name} (\"{value}\") is not in KEPT"
        );
    }
    for (name, _) in &kept {
        assert!(
            constants.contains_key(name),
            "KEPT names {name}, which device.rs does not define"
        );
    }
    let mut values: Vec<_> = constants.values().collect();
    values.sort();
    values.dedup();
    assert_eq!(
        values.len(),
        constants.len(),
        "two keys with one value in {DEVICE}"
    );
}

#[test]
fn no_rust_code_names_a_key_or_database_of_its_own() {
    let mut rust = Vec::new();
    files("src", "rs", &mut rust);
    let device = Path::new(ROOT).join(DEVICE);
    let mut strays = Vec::new();
    for path in rust.iter().filter(|p| **p != device) {
        let text = fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if !storage_keys(code).is_empty() || code.contains("database: \"") {
                strays.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        strays.is_empty(),
        "storage named outside {DEVICE}:\n{}",
        strays.join("\n")
    );
}

#[test]
fn the_public_scripts_keep_only_what_is_listed() {
    let listed: Vec<String> = constants().into_values().collect();
    let mut scripts = Vec::new();
    files("public", "js", &mut scripts);
    scripts.push(Path::new(ROOT).join("scripts/post-build.mjs"));
    let mut seen = 0;
    for path in &scripts {
        let text = fs::read_to_string(path).unwrap();
        for key in storage_keys(&text) {
            seen += 1;
            assert!(
                listed.contains(&key),
                "{} keeps {key}, which {DEVICE} does not list",
                path.display()
            );
        }
    }
    assert!(seen >= 3, "the scripts' keys were not found ({seen})");
}

#[test]
fn the_kiosk_wipe_names_every_database() {
    let constants = constants();
    let wipe = read("public/ppid-kiosk-wipe.js");
    for (name, place) in kept() {
        if place == "Place::IndexedDb" {
            let db = &constants[&name];
            assert!(
                wipe.contains(&format!("'{db}'")),
                "public/ppid-kiosk-wipe.js does not name the database {db}: a browser without \
                 indexedDB.databases() would keep it"
            );
        }
    }
}

#[test]
fn the_scanner_sees_keys() {
    assert_eq!(
        storage_keys("s.get_item(\"ppid.request.draft\")"),
        ["ppid.request.draft"]
    );
    assert_eq!(
        storage_keys("const STEP = 'ppid.kiosk.wipe';"),
        ["ppid.kiosk.wipe"]
    );
    assert!(storage_keys("\"ppid-kiosk-css\" \"ppid.\"").is_empty());
}
