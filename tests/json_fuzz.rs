//! Fuzzing the portal's JSON codec against serde with proptest (cargo-fuzz needs nightly).
//!
//! Arbitrary text and bytes, and mutations of real documents (the corpus of `json_codec.rs`), go to
//! the parser and to every decoder. Nothing may panic; where serde rejects a document the portal
//! must reject it too; where both accept they must agree. Where only serde accepts, the reason must
//! be one of the documented differences ([`explain`]); anything else fails the test.
//!
//! `PROPTEST_CASES` overrides the number of cases of each run.
#![cfg(not(target_arch = "wasm32"))]

mod json_support;

use json_support::*;
use ppid_portal::json;
use ppid_portal::reference::worker::{ToWorker, WireExchange};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value as Json;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Why serde may accept a document the portal rejects, or `None` when that is not explained.
/// Each reason is checked against the document, not only read off our error.
fn explain(ours: json::Error, text: &str) -> Option<&'static str> {
    let tree = serde_json::from_str::<Json>(text);
    match ours.what {
        // serde_json skips the strings of unknown keys without pairing surrogates; its own
        // `Value` (which keeps every string) rejects the same document.
        "lone surrogate in string" if tree.is_err() => {
            Some("serde skips a lone surrogate in an ignored value")
        }
        // serde_json nests decoded values up to 127 levels and skipped ones (unknown keys) without
        // limit; the portal parses everything, to 64 levels.
        "nested too deeply" if depth(text) > json::MAX_DEPTH => {
            Some("serde allows nesting beyond 64 levels")
        }
        // serde's derive also reads a struct from an array of its fields in order.
        "expected an object" if tree.as_ref().is_ok_and(has_array) => {
            Some("serde reads a struct from a positional array")
        }
        // serde_json also reads a unit enum variant from `{"variant": null}`.
        // (Judged on the text when serde's own `Value` refuses the document for another reason,
        // such as a number out of its range under an unknown key.)
        "expected a string"
            if tree.as_ref().is_ok_and(has_variant_object) || text_has_variant_object(text) =>
        {
            Some("serde reads an enum from {\"variant\": null}")
        }
        _ => None,
    }
}

fn depth(text: &str) -> usize {
    let (mut now, mut max, mut in_string, mut escaped) = (0usize, 0, false, false);
    for b in text.bytes() {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => {
                now += 1;
                max = max.max(now);
            }
            (false, _, b']' | b'}') => now = now.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn has_array(v: &Json) -> bool {
    match v {
        Json::Array(_) => true,
        Json::Object(m) => m.values().any(has_array),
        _ => false,
    }
}

/// Whether the text holds an object of one key whose value is `null`: `{"name":null}`.
fn text_has_variant_object(text: &str) -> bool {
    text.match_indices(":null}").any(|(end, _)| {
        let before = &text[..end];
        before.rfind('{').is_some_and(|open| {
            let inside = &before[open + 1..];
            inside.starts_with('"')
                && inside.ends_with('"')
                && inside.len() >= 2
                && !inside[1..inside.len() - 1].contains(['"', ',', '{', '['])
        })
    })
}

fn has_variant_object(v: &Json) -> bool {
    match v {
        Json::Object(m) if m.len() == 1 && m.values().all(Json::is_null) => true,
        Json::Object(m) => m.values().any(has_variant_object),
        Json::Array(a) => a.iter().any(has_variant_object),
        _ => false,
    }
}

/// Verdicts over a run; failures are what the test reports.
#[derive(Default)]
struct Tally {
    decodes: usize,
    same: usize,
    both_reject: usize,
    explained: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn judge(&mut self, ty: &str, text: &str, verdict: Verdict) -> Result<(), TestCaseError> {
        self.decodes += 1;
        let unexplained = match verdict {
            Verdict::Same => {
                self.same += 1;
                return Ok(());
            }
            Verdict::BothReject => {
                self.both_reject += 1;
                return Ok(());
            }
            Verdict::SerdeOnly(e) => match explain(e, text) {
                Some(reason) => {
                    *self.explained.entry(reason).or_default() += 1;
                    return Ok(());
                }
                None => format!("only serde accepts it; ours: {e}"),
            },
            Verdict::OursOnly(e) => format!("serde rejects it ({e}) and ours accepts it"),
            Verdict::Differ(d) => format!("both accept, different values:\n{d}"),
        };
        Err(TestCaseError::fail(format!(
            "{ty}: {unexplained}\ndocument: {text}"
        )))
    }

    fn print(&self, what: &str, cases: u32) {
        println!(
            "{what}: {cases} cases, {} decodes: {} same, {} rejected by both, only serde accepts: {:?}",
            self.decodes, self.same, self.both_reject, self.explained
        );
    }
}

/// The parser alone against serde_json's `Value`: the same documents are JSON to both, except
/// nesting between 65 and 127 levels and numbers beyond f64 (kept as text here, an error there).
fn judge_parse(text: &str) -> Result<(), TestCaseError> {
    match (json::parse(text), serde_json::from_str::<Json>(text)) {
        (Ok(_), Ok(_)) | (Err(_), Err(_)) => Ok(()),
        (Err(e), Ok(_)) if e.what == "nested too deeply" => Ok(()),
        (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => Ok(()),
        (ours, theirs) => Err(TestCaseError::fail(format!(
            "parser: ours {ours:?}, serde_json {theirs:?}\ndocument: {text}"
        ))),
    }
}

fn runner(default_cases: u32) -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default_cases);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    // The same cases on every run by default, so the test command never fails by chance;
    // `PROPTEST_RANDOM=1` explores new ones (and prints a failing case to fix).
    if std::env::var_os("PROPTEST_RANDOM").is_some() {
        TestRunner::new(config)
    } else {
        let rng = proptest::test_runner::TestRng::deterministic_rng(config.rng_algorithm);
        TestRunner::new_with_rng(config, rng)
    }
}

// ---------------------------------------------------------------- arbitrary text

/// Pieces of JSON, valid and not, so random text reaches deep into the parser.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u",
    "\\ud83d",
    "\\ude00",
    "\\n",
    "\\\"",
    "d83d",
    "0",
    "1",
    "-",
    "-0",
    ".",
    "5",
    "e",
    "E",
    "+",
    "1e400",
    "18446744073709551616",
    "null",
    "true",
    "false",
    " ",
    "\n",
    "\t",
    "\u{0}",
    "\u{1f}",
    "é",
    "😀",
    "\"name\"",
    "\"code\"",
    "\"type\"",
    "\"kind\"",
    "\"status\"",
    "\"berkala\"",
    "\"unknown\"",
    "\"x\"",
    "\"id\"",
    "\"events\"",
];

fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(any::<u8>(), 0..200)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        proptest::collection::vec(proptest::sample::select(TOKENS), 0..60).prop_map(|t| t.concat()),
    ]
}

#[test]
fn arbitrary_text_never_panics_and_is_rejected_wherever_serde_rejects_it() {
    let mut runner = runner(10_000);
    let cases = runner.config().cases;
    let tally = RefCell::new(Tally::default());
    let result = runner.run(&arbitrary_text(), |text| {
        judge_parse(&text)?;
        for (ty, compare) in TYPES {
            tally.borrow_mut().judge(ty, &text, compare(&text))?;
        }
        Ok(())
    });
    tally.borrow().print("arbitrary text", cases);
    if let Err(e) = result {
        panic!("{e}");
    }
}

// ---------------------------------------------------------------- mutated documents

/// A JSON tree that may hold repeated keys and raw (possibly invalid) text.
#[derive(Clone, Debug)]
enum J {
    Leaf(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn from(v: &Json) -> J {
        match v {
            Json::Array(a) => J::Arr(a.iter().map(J::from).collect()),
            Json::Object(m) => J::Obj(m.iter().map(|(k, v)| (k.clone(), J::from(v))).collect()),
            v => J::Leaf(v.to_string()),
        }
    }

    fn write(&self, out: &mut String) {
        match self {
            J::Leaf(text) => out.push_str(text),
            J::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            J::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(k).unwrap_or_default());
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }

    fn count(&self, want: fn(&J) -> bool) -> usize {
        let own = usize::from(want(self));
        own + match self {
            J::Leaf(_) => 0,
            J::Arr(items) => items.iter().map(|j| j.count(want)).sum(),
            J::Obj(members) => members.iter().map(|(_, j)| j.count(want)).sum(),
        }
    }

    /// The `n`th node (pre-order) for which `want` holds.
    fn nth(&mut self, n: &mut usize, want: fn(&J) -> bool) -> Option<&mut J> {
        if want(self) {
            if *n == 0 {
                return Some(self);
            }
            *n -= 1;
        }
        match self {
            J::Leaf(_) => None,
            J::Arr(items) => items.iter_mut().find_map(|j| j.nth(n, want)),
            J::Obj(members) => members.iter_mut().find_map(|(_, j)| j.nth(n, want)),
        }
    }
}

fn leaf(text: &str) -> J {
    J::Leaf(text.to_owned())
}

/// Values that probe types, ranges, escapes and the catch-all variants.
fn odd_value(i: u32, original: &J) -> J {
    const LEAVES: &[&str] = &[
        "null",
        "true",
        "false",
        "0",
        "1",
        "-1",
        "-0",
        "0.5",
        "1e2",
        "1E400",
        "-1e400",
        "255",
        "256",
        "65535",
        "65536",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483649",
        "4294967295",
        "4294967296",
        "18446744073709551615",
        "18446744073709551616",
        "\"\"",
        "\"x\"",
        "\"1\"",
        "\"unknown\"",
        "\"berkala\"",
        "\"serta_merta\"",
        "\"dikecualikan\"",
        "\"individual\"",
        "\"legal_entity\"",
        "\"proxy\"",
        "\"soft_copy\"",
        "\"email\"",
        "\"post\"",
        "\"kiosk\"",
        "\"notice\"",
        "\"received\"",
        "\"refused\"",
        "\"softcopy\"",
        "\"holiday\"",
        "\"cuti_bersama\"",
        "\"title\"",
        "\"deed\"",
        "\"\\ud83d\"",
        "\"\\ude00x\"",
        "\"\\ud83d\\ude00\"",
        "\"a\\u0000b\"",
        "\"tab\\there\"",
        "[]",
        "{}",
        "[null]",
        "{\"x\":1}",
        "{\"berkala\":null}",
        "{\"unknown\":null}",
        "{\"notice\":null}",
        "[\"a\",\"b\"]",
        "[1,2,3]",
    ];
    let n = LEAVES.len() as u32 + 4;
    match i % n {
        k if (k as usize) < LEAVES.len() => leaf(LEAVES[k as usize]),
        k if k == n - 4 => J::Arr(vec![original.clone()]),
        k if k == n - 3 => J::Obj(vec![("x".into(), original.clone())]),
        k if k == n - 2 => {
            let mut text = String::new();
            original.write(&mut text);
            leaf(&serde_json::to_string(&text).unwrap_or_default())
        }
        _ => match original {
            // Positional form of a struct; `{"variant": null}` form of an enum.
            J::Obj(members) => J::Arr(members.iter().map(|(_, v)| v.clone()).collect()),
            J::Leaf(s) if s.starts_with('"') => J::Obj(vec![(
                serde_json::from_str::<String>(s).unwrap_or_default(),
                leaf("null"),
            )]),
            other => other.clone(),
        },
    }
}

fn any_node(_: &J) -> bool {
    true
}

fn is_object(j: &J) -> bool {
    matches!(j, J::Obj(m) if !m.is_empty())
}

fn is_number(j: &J) -> bool {
    matches!(j, J::Leaf(s) if s.starts_with(|c: char| c == '-' || c.is_ascii_digit()))
}

/// One mutation: `kind` picks what, `a` and `b` where and with what.
type Mutation = (u8, u32, u32);

fn mutate_tree(tree: &mut J, (kind, a, b): Mutation) {
    let want: fn(&J) -> bool = match kind {
        0 | 1 | 7 => any_node,
        8 => is_number,
        _ => is_object,
    };
    let count = tree.count(want);
    if count == 0 {
        return;
    }
    let mut n = a as usize % count;
    let Some(node) = tree.nth(&mut n, want) else {
        return;
    };
    let original = node.clone();
    match (kind, node) {
        (0, node) => *node = odd_value(b, &original),
        (1, node) => *node = odd_value(u32::MAX - (b % 4), &original),
        (2, J::Obj(m)) => {
            m.remove(b as usize % m.len());
        }
        (3, J::Obj(m)) => {
            let i = b as usize % m.len();
            let (key, value) = m[i].clone();
            let value = if b % 2 == 0 {
                value
            } else {
                odd_value(b / 2, &value)
            };
            m.insert(i + 1, (key, value));
        }
        (4, J::Obj(m)) => {
            let i = b as usize % (m.len() + 1);
            m.insert(i, ("zz_unknown".into(), odd_value(b / 7, &leaf("null"))));
        }
        (5, J::Obj(m)) => {
            let len = m.len();
            let i = b as usize % len;
            let other = m[(i + 1) % len].0.clone();
            let key = &mut m[i].0;
            match b % 3 {
                0 => key.push('x'),
                1 => *key = key.to_uppercase(),
                _ => *key = other,
            }
        }
        (6, J::Obj(m)) => {
            let i = b as usize % m.len();
            m[i].1 = leaf("null");
        }
        (7, node) => {
            let mut wrapped = original;
            for _ in 0..(1 + b % 130) {
                wrapped = J::Arr(vec![wrapped]);
            }
            *node = wrapped;
        }
        (8, J::Leaf(s)) => match b % 5 {
            0 => s.push('0'),
            1 => s.insert(0, '-'),
            2 => s.push_str(".0"),
            3 => s.push_str("e1"),
            _ => s.push_str("9999999999"),
        },
        _ => {}
    }
}

/// Text-level mutations, at character boundaries.
fn mutate_text(text: &mut String, (kind, a, b): Mutation) {
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let at = starts[a as usize % starts.len()];
    let token = TOKENS[b as usize % TOKENS.len()];
    match kind {
        9 => {
            if let Some(c) = text[at..].chars().next() {
                text.replace_range(at..at + c.len_utf8(), "");
            }
        }
        10 => text.insert_str(at, token),
        11 => text.truncate(at),
        12 => {
            let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            text.replace_range(at..end, token);
        }
        _ => {
            const SPACE: &[&str] = &[" ", "\n", "\t", "\r", "\u{a0}", "\u{feff}", "\u{b}"];
            text.insert_str(at, SPACE[b as usize % SPACE.len()]);
        }
    }
}

fn mutated(doc: &Doc, mutations: &[Mutation]) -> String {
    let value: Json = serde_json::from_str(&doc.text).unwrap_or(Json::Null);
    let mut tree = J::from(&value);
    let mut text = String::new();
    let (structural, textual): (Vec<Mutation>, Vec<Mutation>) =
        mutations.iter().partition(|(k, _, _)| *k <= 8);
    for m in structural {
        mutate_tree(&mut tree, m);
    }
    tree.write(&mut text);
    for m in textual {
        mutate_text(&mut text, m);
    }
    text
}

#[test]
fn mutated_documents_never_panic_and_are_rejected_wherever_serde_rejects_them() {
    // Large documents (whole catalogue pages, the seed in a worker message) are slow to mutate
    // thousands of times; their parts are in the corpus on their own.
    let docs: Vec<Doc> = corpus()
        .into_iter()
        .filter(|d| d.text.len() <= 16_000)
        .collect();
    assert!(docs.len() > 500, "only {} documents", docs.len());
    let mut runner = runner(40_000);
    let cases = runner.config().cases;
    let tally = RefCell::new(Tally::default());
    let kinds = RefCell::new([0usize; 14]);
    let strategy = (
        0..docs.len(),
        proptest::collection::vec((0u8..14, any::<u32>(), any::<u32>()), 1..4),
    );
    let result = runner.run(&strategy, |(i, mutations)| {
        let doc = &docs[i];
        for (k, _, _) in &mutations {
            kinds.borrow_mut()[usize::from(*k)] += 1;
        }
        let text = mutated(doc, &mutations);
        judge_parse(&text)?;
        let mut tally = tally.borrow_mut();
        tally.judge(doc.ty, &text, comparer(doc.ty)(&text))?;
        // The portal decodes every error body as a Problem, whatever it asked for.
        tally.judge("Problem", &text, comparer("Problem")(&text))
    });
    let tally = tally.into_inner();
    tally.print("mutated documents", cases);
    println!("mutations by kind: {:?}", kinds.borrow());
    if let Err(e) = result {
        panic!("{e}");
    }
    // Each documented difference was actually met, so `explain` is exercised, not dead.
    assert!(tally.same > 0 && tally.both_reject > 0);
}

// ---------------------------------------------------------------- every field, systematically

/// Values each field is tried with in place of its own.
const PROBES: &[&str] = &[
    "null",
    "\"x\"",
    "\"unknown\"",
    "0",
    "-0",
    "1e2",
    "-1",
    "1.5",
    "4294967296",
    "true",
    "[]",
    "{}",
];

/// For every member of every object in every document: left out, given twice, and given each
/// probe value instead. Random mutations reach a given field rarely; this reaches every one.
#[test]
fn every_field_missing_repeated_or_of_another_type_is_judged_as_serde_judges_it() {
    let docs: Vec<Doc> = corpus()
        .into_iter()
        .filter(|d| d.text.len() <= 16_000)
        .collect();
    let tally = RefCell::new(Tally::default());
    let mut variants = 0;
    for doc in &docs {
        let value: Json = serde_json::from_str(&doc.text).expect("corpus is JSON");
        let tree = J::from(&value);
        let objects = tree.count(is_object);
        for o in 0..objects {
            let members = {
                let mut t = tree.clone();
                match t.nth(&mut { o }, is_object) {
                    Some(J::Obj(m)) => m.len(),
                    _ => 0,
                }
            };
            for i in 0..members {
                for change in 0..(2 + PROBES.len()) {
                    let mut t = tree.clone();
                    let Some(J::Obj(m)) = t.nth(&mut { o }, is_object) else {
                        continue;
                    };
                    match change {
                        0 => {
                            m.remove(i);
                        }
                        1 => {
                            let member = m[i].clone();
                            m.insert(i + 1, member);
                        }
                        p => m[i].1 = leaf(PROBES[p - 2]),
                    }
                    let mut text = String::new();
                    t.write(&mut text);
                    variants += 1;
                    if let Err(e) = tally
                        .borrow_mut()
                        .judge(doc.ty, &text, comparer(doc.ty)(&text))
                    {
                        panic!("{} ({}): {e}", doc.source, doc.ty);
                    }
                }
            }
        }
    }
    tally
        .borrow()
        .print("every field of every document", variants);
}

/// Small documents with a comma, bracket, quote or colon deleted, added or doubled at every
/// position.
#[test]
fn punctuation_at_every_position_is_judged_as_serde_judges_it() {
    let docs: Vec<Doc> = corpus()
        .into_iter()
        .filter(|d| d.text.len() <= 300)
        .collect();
    assert!(docs.len() > 80, "only {} small documents", docs.len());
    let mut tally = Tally::default();
    let mut variants = 0;
    for doc in &docs {
        let starts: Vec<usize> = doc
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain([doc.text.len()])
            .collect();
        for &at in &starts {
            let mut texts = Vec::new();
            for token in [",", "}", "]", "\"", ":", " ", "0"] {
                let mut t = doc.text.clone();
                t.insert_str(at, token);
                texts.push(t);
            }
            if let Some(c) = doc.text[at..].chars().next() {
                let mut t = doc.text.clone();
                t.replace_range(at..at + c.len_utf8(), "");
                texts.push(t);
            }
            for text in texts {
                variants += 1;
                judge_parse(&text).unwrap_or_else(|e| panic!("{}: {e}", doc.source));
                tally
                    .judge(doc.ty, &text, comparer(doc.ty)(&text))
                    .unwrap_or_else(|e| panic!("{}: {e}", doc.source));
            }
        }
    }
    tally.print("punctuation at every position", variants);
}

// ---------------------------------------------------------------- writing

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(
            proptest::sample::select(
                &[
                    '"', '\\', '/', '\u{0}', '\u{8}', '\u{c}', '\n', '\r', '\t', '\u{1f}',
                    '\u{7f}', 'é', '😀', '\u{2028}', 'a'
                ][..]
            ),
            0..20
        )
        .prop_map(|c| c.into_iter().collect()),
    ]
}

/// Whatever the citizen types, the stored draft and the sent body are what serde_json would write
/// and read back unchanged.
#[test]
fn any_typed_text_is_written_as_serde_json_writes_it() {
    use ppid_portal::contract::{Requester, RequesterKind};
    use ppid_portal::domain::draft::RequestDraft;
    let mut runner = runner(5_000);
    let cases = runner.config().cases;
    let strategy = (
        any_text(),
        any_text(),
        any_text(),
        any::<bool>(),
        any::<u32>(),
    );
    let result = runner.run(&strategy, |(a, b, c, flag, n)| {
        let draft = RequestDraft {
            kind: flag.then_some(RequesterKind::Proxy),
            name: a.clone(),
            address: b.clone(),
            information: c.clone(),
            soft_copy: flag,
            ..Default::default()
        };
        let text = json::to_string(&draft);
        prop_assert_eq!(&text, &serde_json::to_string(&draft).unwrap());
        prop_assert_eq!(
            &serde_json::from_str::<RequestDraft>(&text).unwrap(),
            &draft
        );
        prop_assert_eq!(&json::from_str::<RequestDraft>(&text).unwrap(), &draft);
        let message = ToWorker {
            id: n,
            seed: Some(a),
            journal: flag.then_some(b),
            exchange: Some(WireExchange {
                method: "POST".into(),
                path: c.clone(),
                idempotency_key: None,
                body: Some(json::to_string(&Requester {
                    name: c,
                    ..Default::default()
                })),
            }),
        };
        let text = json::to_string(&message);
        prop_assert_eq!(&text, &serde_json::to_string(&message).unwrap());
        prop_assert_eq!(&serde_json::from_str::<ToWorker>(&text).unwrap(), &message);
        Ok(())
    });
    println!("writing: {cases} cases");
    if let Err(e) = result {
        panic!("{e}");
    }
}
