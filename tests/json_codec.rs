//! The portal's JSON codec (`src/json`, `src/contract/codec.rs`) and serde agree on every real
//! document: the contract's examples, the demo seed, the reference backend's replies and the worker
//! protocol decode to equal values, and what the portal sends or stores reads back through serde
//! (byte for byte what serde_json would write).
#![cfg(not(target_arch = "wasm32"))]

mod json_support;

use json_support::*;
use ppid_portal::contract::{self as c};
use ppid_portal::domain::draft::RequestDraft;
use ppid_portal::json::{self, FromJson, ToJson};
use ppid_portal::reference::worker::{FromWorker, ToWorker, WireExchange};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Debug;

/// Decodes each document with both codecs, compact and pretty-printed; returns the failures.
fn check_all(docs: &[Doc]) -> Vec<String> {
    let mut failures = Vec::new();
    for d in docs {
        let pretty = serde_json::from_str::<serde_json::Value>(&d.text)
            .ok()
            .and_then(|v| serde_json::to_string_pretty(&v).ok());
        for text in std::iter::once(&d.text).chain(pretty.as_ref()) {
            match comparer(d.ty)(text) {
                Verdict::Same => {}
                v => failures.push(format!("{} as {}: {v:?}\n{text}", d.source, d.ty)),
            }
        }
    }
    failures
}

fn assert_none(what: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} {what} failure(s):\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_openapi_example_decodes_the_same_as_serde() {
    let examples = openapi_examples();
    assert!(examples.len() >= 25, "only {} examples", examples.len());
    let docs = with_parts(examples);
    assert_none("openapi example", &check_all(&docs));
    // Every schema is reached by some example or a part of one, as contract_examples.rs promises.
    let types: BTreeSet<&str> = docs.iter().map(|d| d.ty).collect();
    assert_eq!(types.len(), 59, "schemas reached: {types:?}");
    println!(
        "{} openapi examples and parts over {} schemas decode the same",
        docs.len(),
        types.len()
    );
}

#[test]
fn the_demo_seed_decodes_the_same_as_serde() {
    let docs = with_parts(seed_documents());
    assert_none("seed", &check_all(&docs));
    assert!(docs.len() > 300, "only {} seed parts", docs.len());
    println!("{} parts of seed.json decode the same", docs.len());
}

#[test]
fn every_type_has_documents_and_they_decode_the_same() {
    let docs = corpus();
    assert_none("corpus", &check_all(&docs));
    for (ty, _) in TYPES {
        assert!(docs.iter().any(|d| d.ty == *ty), "no document of type {ty}");
    }
    println!(
        "{} documents over {} types decode the same",
        docs.len(),
        TYPES.len()
    );
}

#[test]
fn every_reference_reply_decodes_the_same_as_serde() {
    let docs = reference_replies();
    assert_none("reference reply", &check_all(&docs));
    let types: BTreeSet<&str> = docs.iter().map(|d| d.ty).collect();
    for ty in [
        "Meta",
        "Calendar",
        "UnitList",
        "CataloguePage",
        "CatalogueItem",
        "AnnouncementList",
        "Statistics",
        "RequestReceipt",
        "RequestStatus",
        "ObjectionReceipt",
        "ObjectionStatus",
        "Problem",
    ] {
        assert!(types.contains(ty), "no reference reply decoded as {ty}");
    }
    let problems = docs.iter().filter(|d| d.ty == "Problem").count();
    assert!(problems >= 8, "only {problems} problem replies");
    println!(
        "{} reference replies decode the same ({problems} problems)",
        docs.len()
    );
}

#[test]
fn the_worker_protocol_decodes_the_same_as_serde() {
    let docs = worker_replies();
    assert_none("worker message", &check_all(&docs));
    // The worker understood what the portal encoded: it answered with a status, not a 400.
    let replies: Vec<FromWorker> = docs
        .iter()
        .filter(|d| d.ty == "FromWorker")
        .map(|d| json::from_str(&d.text).expect("decodes"))
        .collect();
    let statuses: Vec<u16> = replies.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [0, 503, 204, 200, 201, 200, 422, 400]);
    assert!(
        replies[4].journal.is_some(),
        "a new request hands back the journal"
    );
}

#[test]
fn decoding_errors_name_the_field() {
    let e = json::from_str::<c::Meta>(r#"{"contract_version": 1}"#).unwrap_err();
    assert_eq!((e.field, e.what), ("contract_version", "expected a string"));
    let e = json::from_str::<c::RequestStatus>(
        r#"{"number":"1","received_at":"t","counts_from":"d","information":"i","events":[{"at":"t"}]}"#,
    )
    .unwrap_err();
    assert_eq!((e.field, e.what), ("kind", "missing field"));
}

// ---------------------------------------------------------------- what the portal writes

/// Encodes with the portal's codec: the text is what serde_json writes, serde reads it back to
/// an equal value, and so does the portal's own decoder.
fn round_trip<T>(value: &T) -> Result<(), String>
where
    T: ToJson + FromJson + Serialize + DeserializeOwned + PartialEq + Debug,
{
    let ours = json::to_string(value);
    let theirs = serde_json::to_string(value).map_err(|e| e.to_string())?;
    if ours != theirs {
        return Err(format!("ours  {ours}\nserde {theirs}"));
    }
    match serde_json::from_str::<T>(&ours) {
        Ok(back) if back == *value => {}
        other => return Err(format!("serde reads back {other:?} from {ours}")),
    }
    match json::from_str::<T>(&ours) {
        Ok(back) if back == *value => Ok(()),
        other => Err(format!("ours reads back {other:?} from {ours}")),
    }
}

/// Every document of type `T` in the corpus, decoded by serde.
fn values<T: DeserializeOwned>(corpus: &[Doc], ty: &str) -> Vec<T> {
    corpus
        .iter()
        .filter(|d| d.ty == ty)
        .filter_map(|d| serde_json::from_str(&d.text).ok())
        .collect()
}

#[test]
fn what_the_portal_sends_or_stores_round_trips_through_serde() {
    let corpus = corpus();
    let mut failures = Vec::new();
    let mut count = 0;
    let mut check = |what: &str, r: Result<(), String>| {
        count += 1;
        if let Err(e) = r {
            failures.push(format!("{what}: {e}"));
        }
    };
    let submissions: Vec<c::RequestSubmission> = values(&corpus, "RequestSubmission");
    assert!(submissions.len() >= 5, "{} submissions", submissions.len());
    for v in &submissions {
        check("RequestSubmission", round_trip(v));
        check("Requester", round_trip(&v.requester));
    }
    let mut with_everything = submissions[0].clone();
    with_everything.attachments = vec![c::Attachment {
        role: c::AttachmentRole::PowerOfAttorney,
        file_name: "kuasa \"2026\".pdf".into(),
        media_type: "application/pdf".into(),
        content_base64: "JVBERi0xLjQK".into(),
    }];
    with_everything.channel = c::Channel::Kiosk;
    with_everything.assisted = true;
    with_everything.assisted_by = Some("Dewi Lestari (NIP 198503122010012004)".into());
    check(
        "RequestSubmission (all fields)",
        round_trip(&with_everything),
    );
    check("Requester (default)", round_trip(&c::Requester::default()));
    let objections: Vec<c::ObjectionSubmission> = values(&corpus, "ObjectionSubmission");
    assert!(!objections.is_empty());
    for v in &objections {
        check("ObjectionSubmission", round_trip(v));
    }
    let attachments: Vec<c::Attachment> = values(&corpus, "Attachment");
    for v in &attachments {
        check("Attachment", round_trip(v));
    }
    let lookups: Vec<c::Lookup> = values(&corpus, "Lookup");
    assert!(!lookups.is_empty());
    for v in &lookups {
        check("Lookup", round_trip(v));
    }
    let accesses: Vec<c::AccessLookup> = values(&corpus, "AccessLookup");
    assert!(!accesses.is_empty());
    for v in &accesses {
        check("AccessLookup", round_trip(v));
    }
    let surveys: Vec<c::SurveySubmission> = values(&corpus, "SurveySubmission");
    assert!(!surveys.is_empty());
    for v in &surveys {
        check("SurveySubmission", round_trip(v));
    }
    let receipts: Vec<c::RequestReceipt> = values(&corpus, "RequestReceipt");
    assert!(!receipts.is_empty());
    for v in &receipts {
        check("RequestReceipt", round_trip(v));
    }
    let messages: Vec<ToWorker> = values(&corpus, "ToWorker");
    assert!(messages.len() >= 5);
    for v in &messages {
        check("ToWorker", round_trip(v));
    }
    check(
        "WireExchange (default)",
        round_trip(&WireExchange::default()),
    );
    for v in values::<FromWorker>(&corpus, "FromWorker") {
        check("FromWorker", round_trip(&v));
    }
    for v in drafts() {
        check("RequestDraft", round_trip(&v));
    }
    for (kind, delivery) in [
        (c::RequesterKind::Individual, c::Delivery::Collect),
        (c::RequesterKind::LegalEntity, c::Delivery::Post),
        (c::RequesterKind::Proxy, c::Delivery::Email),
    ] {
        let d = RequestDraft {
            kind: Some(kind),
            delivery: Some(delivery),
            view: true,
            ..Default::default()
        };
        check("RequestDraft (enums)", round_trip(&d));
    }
    assert_none("round trip", &failures);
    println!("{count} values round-trip");
}

/// A draft saved by the serde version of the portal still loads, and an old draft with fields
/// missing (or unknown ones) fills in the defaults as serde's `#[serde(default)]` does.
#[test]
fn drafts_saved_before_still_load() {
    for d in drafts() {
        let saved = serde_json::to_string(&d).unwrap();
        assert_eq!(json::from_str::<RequestDraft>(&saved), Ok(d));
    }
    for text in [
        "{}",
        r#"{"name":"Siti","view":true}"#,
        r#"{"kind":"proxy","later_field":[1,2]}"#,
    ] {
        assert!(
            matches!(compare::<RequestDraft>(text), Verdict::Same),
            "{text}"
        );
    }
    for text in [
        r#"{"name":null}"#,
        r#"{"kind":"robot"}"#,
        "[]x",
        r#"{"view":"yes"}"#,
    ] {
        assert!(
            matches!(compare::<RequestDraft>(text), Verdict::BothReject),
            "{text}"
        );
    }
}
