//! The layout's arrows point down, and stay so: each folder of `src/` can be read without the ones
//! above it. This test reads the source files and fails, naming file and line, when
//! - a page (a file under `src/pages/`, or a page's folder) imports another page;
//! - anything but the shell (`src/app.rs`) and the entry points (`src/main.rs`, `src/bin/`) names
//!   `crate::app`: the handles every page reads are in `crate::context`;
//! - code above `api/` (the shell, the context, pages, components, offline, kiosk) names the reference
//!   backend: the URL shape both use is in `crate::contract::url`;
//! - a component imports a page.
//!
//! Paths are read from `use` trees and from paths in code (`crate::`, `super::`, `self::`, and a
//! child module's name), with comments left out. A `mod tests { .. }` inside a file is read as
//! the file itself.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What a file may depend on, broken: where, and which rule.
#[derive(Debug, PartialEq)]
struct Violation {
    file: String,
    line: usize,
    rule: String,
}

#[test]
fn dependencies_point_down() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let rel: Vec<String> = files
        .iter()
        .map(|f| {
            f.strip_prefix(root)
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    let modules: HashSet<Vec<String>> = rel.iter().filter_map(|r| module_of(r)).collect();
    assert!(
        modules.contains(&vec!["pages".to_owned()])
            && modules.contains(&vec!["context".to_owned()]),
        "the layout this test checks: src/pages/ and src/context.rs"
    );
    let mut found = Vec::new();
    for (path, rel) in files.iter().zip(&rel) {
        let text = std::fs::read_to_string(path).expect("readable source");
        found.extend(violations(rel, &text, &modules));
    }
    let report: Vec<String> = found
        .iter()
        .map(|v| format!("{}:{}: {}", v.file, v.line, v.rule))
        .collect();
    assert!(
        report.is_empty(),
        "dependencies that point up or sideways:\n{}",
        report.join("\n")
    );
}

/// The checks catch what they should, and only that.
#[test]
fn the_checks_catch_what_they_should() {
    let modules: HashSet<Vec<String>> = [
        "src/pages/mod.rs",
        "src/pages/item.rs",
        "src/pages/status/mod.rs",
        "src/pages/status/survey.rs",
        "src/components/mod.rs",
        "src/components/files.rs",
        "src/app.rs",
        "src/context.rs",
        "src/reference/mod.rs",
        "src/api/mod.rs",
    ]
    .iter()
    .filter_map(|r| module_of(r))
    .collect();
    let rules = |rel: &str, src: &str| -> Vec<(usize, String)> {
        violations(rel, src, &modules)
            .into_iter()
            .map(|v| (v.line, v.rule))
            .collect()
    };
    let page = "src/pages/status/survey.rs";
    assert_eq!(
        rules(
            page,
            "use super::Proof;\nuse crate::pages::item::file_kind;\nuse crate::{app::use_texts, reference};\n// crate::pages::item in a comment\nlet s = \"crate::app\";\n"
        ),
        vec![
            (2, "imports another page: pages::item".to_owned()),
            (3, "names the shell (crate::app); use crate::context".to_owned()),
            (3, "names the reference backend; use crate::contract::url".to_owned()),
        ]
    );
    assert_eq!(
        rules(
            "src/pages/item.rs",
            "fn f() { super::status::StatusLookup(); }\n"
        ),
        vec![(1, "imports another page: pages::status".to_owned())]
    );
    assert_eq!(
        rules(
            "src/pages/status/mod.rs",
            "mod survey;\nuse survey::Survey;\nuse self::survey::Survey as S;\n"
        ),
        vec![]
    );
    assert_eq!(
        rules(
            "src/components/files.rs",
            "use crate::pages;\nfn f() { let _ = crate::reference::percent_encode; }\n"
        ),
        vec![
            (1, "a component imports a page".to_owned()),
            (
                2,
                "names the reference backend; use crate::contract::url".to_owned()
            ),
        ]
    );
    assert_eq!(
        rules("src/api/mod.rs", "use crate::reference::worker;\n"),
        vec![]
    );
    assert_eq!(
        rules("src/app.rs", "use crate::pages;\nuse crate::app::Bundle;\n"),
        vec![]
    );
    assert_eq!(
        rules("src/context.rs", "use crate::app::Bundle;\n"),
        vec![(
            1,
            "names the shell (crate::app); use crate::context".to_owned()
        )]
    );
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file under `src/` is: `src/pages/status/mod.rs` is `pages::status`. Entry points
/// (`main.rs`, `bin/`) are crates of their own: `None`.
fn module_of(rel: &str) -> Option<Vec<String>> {
    let path = rel.strip_prefix("src/")?.strip_suffix(".rs")?;
    if path == "main" || path.starts_with("bin/") {
        return None;
    }
    let mut parts: Vec<String> = path.split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    Some(parts)
}

/// What the rules say of one file.
fn violations(rel: &str, src: &str, modules: &HashSet<Vec<String>>) -> Vec<Violation> {
    let module = module_of(rel).unwrap_or_default();
    let entry_point = rel == "src/main.rs" || rel.starts_with("src/bin/");
    let shell = rel == "src/app.rs" || rel == "src/lib.rs" || entry_point;
    let under = |folder: &str| rel.starts_with(&format!("src/{folder}/"));
    let page = if under("pages") && module.len() >= 2 {
        Some(module[1].clone())
    } else {
        None
    };
    let above_api = ["pages", "components", "offline", "kiosk"]
        .iter()
        .any(|f| under(f))
        || rel == "src/app.rs"
        || rel == "src/context.rs";
    let mut found = Vec::new();
    let mut flag = |line: usize, rule: String| {
        let v = Violation {
            file: rel.to_owned(),
            line,
            rule,
        };
        if !found.contains(&v) {
            found.push(v);
        }
    };
    for named in paths(&tokens(&strip_comments(src))) {
        let Some(target) = resolve(&named.segments, &module, modules, entry_point) else {
            continue;
        };
        if let Some(own) = &page {
            match target.as_slice() {
                [pages, other, ..] if pages == "pages" && other != own => {
                    flag(named.line, format!("imports another page: pages::{other}"))
                }
                [pages] if pages == "pages" && !named.glob => {
                    flag(named.line, "imports the pages module".to_owned())
                }
                _ => {}
            }
        }
        if !shell && target.first().is_some_and(|s| s == "app") {
            flag(
                named.line,
                "names the shell (crate::app); use crate::context".to_owned(),
            );
        }
        if above_api && target.first().is_some_and(|s| s == "reference") {
            flag(
                named.line,
                "names the reference backend; use crate::contract::url".to_owned(),
            );
        }
        if under("components") && target.first().is_some_and(|s| s == "pages") {
            flag(named.line, "a component imports a page".to_owned());
        }
    }
    found
}

/// A path as written, with the line it starts on.
#[derive(Debug)]
struct Named {
    line: usize,
    segments: Vec<String>,
    /// Ends in `*`.
    glob: bool,
}

/// The crate path `segments` name from `module`, or `None` for another crate's (std, leptos...).
fn resolve(
    segments: &[String],
    module: &[String],
    modules: &HashSet<Vec<String>>,
    entry_point: bool,
) -> Option<Vec<String>> {
    let first = segments.first()?;
    let mut at: Vec<String> = match first.as_str() {
        "crate" if !entry_point => Vec::new(),
        "ppid_portal" => Vec::new(),
        "self" | "super" if !entry_point => module.to_vec(),
        // A child module of this one, named without `self::` (`use survey::Survey`).
        _ if !entry_point => {
            let mut child = module.to_vec();
            child.push(first.clone());
            if !modules.contains(&child) {
                return None;
            }
            module.to_vec()
        }
        _ => return None,
    };
    let rest = if matches!(first.as_str(), "crate" | "ppid_portal" | "self") {
        &segments[1..]
    } else {
        segments
    };
    for s in rest {
        if s == "super" {
            at.pop()?;
        } else {
            at.push(s.clone());
        }
    }
    Some(at)
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Semi,
    Star,
    Other,
}

/// Identifiers and the punctuation of paths, each with its line; everything else is `Other`.
fn tokens(src: &str) -> Vec<(usize, Token)> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((line, Token::Ident(chars[start..i].iter().collect())));
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push((line, Token::PathSep));
            i += 2;
        } else {
            let t = match c {
                '{' => Token::Open,
                '}' => Token::Close,
                ',' => Token::Comma,
                ';' => Token::Semi,
                '*' => Token::Star,
                _ => Token::Other,
            };
            out.push((line, t));
            i += 1;
        }
    }
    out
}

/// Every path the tokens name: each `use` tree expanded, and each path in code that starts with
/// `crate`, `super`, `self` or `ppid_portal`.
fn paths(tokens: &[(usize, Token)]) -> Vec<Named> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i].1 {
            Token::Ident(kw) if kw == "use" => {
                let line = tokens[i].0;
                i += 1;
                use_tree(tokens, &mut i, &[], line, &mut out);
                while i < tokens.len() && tokens[i].1 != Token::Semi {
                    i += 1;
                }
            }
            Token::Ident(first)
                if matches!(first.as_str(), "crate" | "super" | "self" | "ppid_portal")
                    && tokens.get(i + 1).map(|t| &t.1) == Some(&Token::PathSep) =>
            {
                let line = tokens[i].0;
                let mut segments = vec![first.clone()];
                i += 1;
                while tokens.get(i).map(|t| &t.1) == Some(&Token::PathSep) {
                    match tokens.get(i + 1).map(|t| &t.1) {
                        Some(Token::Ident(s)) => {
                            segments.push(s.clone());
                            i += 2;
                        }
                        _ => break,
                    }
                }
                out.push(Named {
                    line,
                    segments,
                    glob: false,
                });
            }
            _ => i += 1,
        }
    }
    out
}

/// One `use` tree from `tokens[*i]`, under `prefix`: `a::b`, `a::{b, c::d}`, `a::*`, `a as b`.
fn use_tree(
    tokens: &[(usize, Token)],
    i: &mut usize,
    prefix: &[String],
    line: usize,
    out: &mut Vec<Named>,
) {
    let mut segments = prefix.to_vec();
    loop {
        match tokens.get(*i).map(|t| &t.1) {
            Some(Token::Ident(s)) if s == "self" && !segments.is_empty() => *i += 1,
            Some(Token::Ident(s)) => {
                segments.push(s.clone());
                *i += 1;
            }
            Some(Token::Star) => {
                *i += 1;
                out.push(Named {
                    line,
                    segments,
                    glob: true,
                });
                return;
            }
            Some(Token::Open) => {
                *i += 1;
                while *i < tokens.len() {
                    match tokens[*i].1 {
                        Token::Close => {
                            *i += 1;
                            return;
                        }
                        Token::Comma => *i += 1,
                        _ => use_tree(tokens, i, &segments, line, out),
                    }
                }
                return;
            }
            _ => break,
        }
        match tokens.get(*i).map(|t| &t.1) {
            Some(Token::PathSep) => *i += 1,
            Some(Token::Ident(a)) if a == "as" => {
                *i += 2;
                break;
            }
            _ => break,
        }
    }
    if !segments.is_empty() {
        out.push(Named {
            line,
            segments,
            glob: false,
        });
    }
}

/// The source with comments blanked out (line breaks kept) and string and character literals
/// emptied, so that neither is read as code.
fn strip_comments(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let keep_lines = |text: &[char], out: &mut String| {
        out.extend(text.iter().filter(|c| **c == '\n'));
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let start = i;
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i = (i + 2).min(chars.len());
            keep_lines(&chars[start..i], &mut out);
        } else if c == '"' || (c == 'r' && raw_string_at(&chars, i)) {
            let start = i;
            let hashes = if c == 'r' {
                let mut h = 0;
                i += 1;
                while chars[i] == '#' {
                    h += 1;
                    i += 1;
                }
                h
            } else {
                0
            };
            i += 1;
            while i < chars.len() {
                if hashes == 0 && chars[i] == '\\' {
                    i += 2;
                    continue;
                }
                if chars[i] == '"' && chars[i + 1..].iter().take(hashes).all(|h| *h == '#') {
                    i += 1 + hashes;
                    break;
                }
                i += 1;
            }
            i = i.min(chars.len());
            out.push_str("\"\"");
            keep_lines(&chars[start..i], &mut out);
        } else if c == '\'' && next == Some('\\') {
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether a raw string (`r"..."`, `r#"..."#`) starts at `i`, not an identifier ending in `r`.
fn raw_string_at(chars: &[char], i: usize) -> bool {
    let after_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    let mut j = i + 1;
    while chars.get(j) == Some(&'#') {
        j += 1;
    }
    !after_ident && chars.get(j) == Some(&'"')
}
