//! The contract's behaviour in plain Rust, no browser types.
//! Run in the browser by the demo adapter and natively behind the test HTTP server,
//! so both answer every call the same way: through [`Reference::handle`].

pub mod access;
pub mod attachments;
mod calendar;
mod catalogue;
mod objections;
pub mod register;
mod replies;
mod requests;
pub mod seed;
pub mod synthetic;
pub mod worker;
pub use replies::{problem, rate_limited};
pub use seed::{Publication, Seed, StoredObjection, StoredRequest, StoredSurvey};

use crate::contract::{feature, field_code, problem_code, Attachment, FieldError, UnitList};
use crate::domain::catalogue::{summary_of as summary, CatalogueIndex};
use crate::domain::date::{indonesian_offset_minutes, LocalTime};
use crate::domain::workdays::WorkCalendar;
use replies::{ok, shape_problem, JSON};
use serde::{Deserialize, Serialize};

/// An HTTP-shaped call, independent of any transport.
#[derive(Clone, Debug, Default)]
pub struct Call<'a> {
    pub method: &'a str,
    /// Path without the query, e.g. `/v1/catalogue`.
    pub path: &'a str,
    /// Raw query string without `?`.
    pub query: &'a str,
    pub idempotency_key: Option<&'a str>,
    pub body: &'a str,
}

/// An HTTP-shaped answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    pub status: u16,
    /// `application/json` or `application/problem+json`.
    pub content_type: &'static str,
    pub body: String,
    /// Seconds, for 429.
    pub retry_after: Option<u32>,
    /// The answer repeats an earlier one for the same idempotency key.
    pub replayed: bool,
}

/// The mutable part of a reference backend: what the demo adapter persists.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Journal {
    pub requests: Vec<StoredRequest>,
    pub objections: Vec<StoredObjection>,
    pub idempotency: Vec<IdempotencyEntry>,
    pub next_request: u32,
    pub next_objection: u32,
}

/// A remembered submission: the key, what was sent, and what was answered.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IdempotencyEntry {
    pub key: String,
    pub body: serde_json::Value,
    pub status: u16,
    pub reply: String,
}

/// A complete backend: the seed's reference data plus the journal.
pub struct Reference {
    seed: Seed,
    index: CatalogueIndex,
    /// The published entries, derived from the journal's requests (rebuilt when it is replaced).
    register: register::RegisterIndex,
    calendar: WorkCalendar,
    offset_minutes: i32,
    journal: Journal,
    /// Wrong verifiers per number; kept in memory only (a restart forgets them).
    wrong_verifiers: access::WrongVerifiers,
}

pub use crate::contract::MAX_ASSISTED_BY;
/// Most recent lookups failing per window before answering 429.
const MAX_FAILED_LOOKUPS: u32 = 10;

impl Reference {
    /// A backend over `seed`, with the seed's own requests in a fresh journal.
    pub fn new(seed: Seed) -> Reference {
        let mut calendar = WorkCalendar::new(seed.meta.deadline_rules.cuti_bersama_is_non_working);
        for c in &seed.calendars {
            calendar.add_year(c);
        }
        let offset_minutes =
            indonesian_offset_minutes(&seed.meta.deadline_rules.time_zone).unwrap_or(7 * 60);
        let index = CatalogueIndex::new(seed.catalogue.iter().map(summary).collect(), |id| {
            seed.units
                .iter()
                .find(|u| u.id == id)
                .map(|u| u.name.as_str())
        });
        let journal = Journal {
            requests: seed.requests.clone(),
            objections: seed.objections.clone(),
            idempotency: Vec::new(),
            next_request: 1,
            next_objection: 1,
        };
        let mut me = Reference {
            seed,
            index,
            register: register::RegisterIndex::default(),
            calendar,
            offset_minutes,
            journal,
            wrong_verifiers: access::WrongVerifiers::default(),
        };
        me.reindex_register();
        me
    }

    /// Derives the register from the journal's requests. Only a written notice publishes a
    /// request, and a submission never carries one, so the journal's replacement is the only
    /// change that can alter the register.
    fn reindex_register(&mut self) {
        let rules = register::RegisterRules {
            calendar: &self.calendar,
            standards: &self.seed.meta.service_standards,
            offset_minutes: self.offset_minutes,
            default_unit: self.seed.units.first().map_or("", |u| u.id.as_str()),
        };
        let mut entries =
            register::entries_of(&self.journal.requests, &self.journal.objections, &rules);
        // A journal a demo visitor saved before the seed had these requests still publishes them.
        let missing: Vec<StoredRequest> = self
            .seed
            .requests
            .iter()
            .filter(|s| {
                let kept = self.journal.requests.iter();
                !kept
                    .map(|r| &r.receipt.number)
                    .any(|n| *n == s.receipt.number)
            })
            .cloned()
            .collect();
        entries.extend(register::entries_of(
            &missing,
            &self.journal.objections,
            &rules,
        ));
        let units = &self.seed.units;
        self.register = register::RegisterIndex::new(entries, |id| {
            units.iter().find(|u| u.id == id).map(|u| u.name.as_str())
        });
    }

    /// The demo backend: the built-in seed.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn demo() -> Reference {
        Reference::new(Seed::demo().expect("embedded seed.json decodes (checked by tests)"))
    }

    /// The journal, to persist it.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// Replaces the journal with a persisted one.
    pub fn restore(&mut self, journal: Journal) {
        self.journal = journal;
        self.reindex_register();
    }

    /// The UTC offset of the office, for stamping receipts.
    pub fn offset_minutes(&self) -> i32 {
        self.offset_minutes
    }

    /// Answers one call at instant `now_ms` (Unix milliseconds).
    pub fn handle(&mut self, call: &Call, now_ms: i64) -> Reply {
        let now = LocalTime {
            unix_ms: now_ms,
            offset_minutes: self.offset_minutes,
        };
        let segments: Vec<&str> = call.path.trim_end_matches('/').split('/').skip(1).collect();
        let needs = match segments.as_slice() {
            ["v1", "objections" | "objection-lookups" | "objection-access"] => {
                Some(feature::OBJECTIONS)
            }
            ["v1", "statistics"] => Some(feature::STATISTICS),
            ["v1", "surveys"] => Some(feature::SURVEY),
            ["v1", "register", ..] => Some(feature::REGISTER),
            _ => None,
        };
        if needs.is_some_and(|f| !self.has_feature(f)) {
            return problem(
                404,
                problem_code::FEATURE_UNSUPPORTED,
                "This backend does not offer this feature",
                vec![],
            );
        }
        match (call.method, segments.as_slice()) {
            ("GET", ["v1", "meta"]) => ok(&self.seed.meta),
            ("GET", ["v1", "calendar", year]) => self.calendar_year(year),
            ("GET", ["v1", "units"]) => ok(&UnitList {
                units: self.seed.units.clone(),
            }),
            ("GET", ["v1", "catalogue"]) => self.catalogue(call.query),
            ("GET", ["v1", "catalogue", id]) => {
                match self.seed.catalogue.iter().find(|i| i.id == *id) {
                    Some(item) => ok(item),
                    None => problem(404, problem_code::NOT_FOUND, "Not found", vec![]),
                }
            }
            ("GET", ["v1", "register"]) => self.register(call.query),
            ("GET", ["v1", "register", id]) => self.register_entry(id),
            ("GET", ["v1", "announcements"]) => self.announcements(now),
            ("GET", ["v1", "statistics"]) => ok(&self.seed.statistics),
            ("POST", ["v1", "requests"]) => {
                self.idempotent(call, |me, body| me.submit_request(body, now))
            }
            ("POST", ["v1", "request-lookups"]) => self.lookup_request(call.body, now_ms),
            ("POST", ["v1", "request-access"]) => self.access_request(call.body),
            ("POST", ["v1", "objections"]) => {
                self.idempotent(call, |me, body| me.submit_objection(body, now))
            }
            ("POST", ["v1", "objection-lookups"]) => self.lookup_objection(call.body, now_ms),
            ("POST", ["v1", "objection-access"]) => self.access_objection(call.body),
            ("POST", ["v1", "surveys"]) => {
                self.idempotent(call, |me, body| me.submit_survey(body, now))
            }
            (_, ["v1", ..]) if known_path(&segments) => problem(
                405,
                problem_code::METHOD_NOT_ALLOWED,
                "Method not allowed",
                vec![],
            ),
            _ => problem(404, problem_code::NOT_FOUND, "Not found", vec![]),
        }
    }

    /// Replays the answer to a repeated key; refuses a reused key with another body.
    fn idempotent(
        &mut self,
        call: &Call,
        run: impl FnOnce(&mut Self, serde_json::Value) -> Reply,
    ) -> Reply {
        let Some(key) = call
            .idempotency_key
            .filter(|k| (8..=128).contains(&k.len()))
        else {
            return problem(
                400,
                problem_code::IDEMPOTENCY_KEY_MISSING,
                "Idempotency-Key header required",
                vec![],
            );
        };
        let body: serde_json::Value = match serde_json::from_str(call.body) {
            Ok(v) => v,
            Err(e) => return shape_problem(&e),
        };
        if let Some(prev) = self.journal.idempotency.iter().find(|e| e.key == key) {
            if prev.body != body {
                return problem(
                    409,
                    problem_code::IDEMPOTENCY_CONFLICT,
                    "Idempotency-Key reused with another body",
                    vec![],
                );
            }
            return Reply {
                status: prev.status,
                content_type: JSON,
                body: prev.reply.clone(),
                retry_after: None,
                replayed: true,
            };
        }
        let reply = run(self, body.clone());
        if reply.status == 201 {
            self.journal.idempotency.push(IdempotencyEntry {
                key: key.into(),
                body,
                status: 201,
                reply: reply.body.clone(),
            });
        }
        reply
    }

    /// Whether this backend advertises `feature` in `/v1/meta`.
    fn has_feature(&self, feature: &str) -> bool {
        self.seed.meta.features.iter().any(|x| x == feature)
    }

    /// Checks attachments by the contract's rules when this backend takes them
    /// (`identity_document`); one that does not, accepts and discards them, as the contract says.
    fn check_attachments(&self, list: &mut Vec<Attachment>, errors: &mut Vec<FieldError>) {
        let taken = self
            .seed
            .meta
            .features
            .iter()
            .any(|f| f == feature::IDENTITY_DOCUMENT);
        if taken {
            attachments::check(list, errors);
        } else {
            list.clear();
        }
    }
}

/// The officer's name or NIP is at most [`MAX_ASSISTED_BY`] characters and not blank when given.
fn check_assisted_by(assisted_by: Option<&str>, errors: &mut Vec<FieldError>) {
    let code = match assisted_by {
        Some(who) if who.trim().is_empty() => field_code::REQUIRED,
        Some(who) if who.trim().chars().count() > MAX_ASSISTED_BY => field_code::TOO_LONG,
        _ => return,
    };
    errors.push(FieldError::new("/assisted_by", code));
}

fn known_path(segments: &[&str]) -> bool {
    matches!(
        segments,
        [
            "v1",
            "meta"
                | "units"
                | "catalogue"
                | "announcements"
                | "statistics"
                | "requests"
                | "request-lookups"
                | "request-access"
                | "objections"
                | "objection-lookups"
                | "objection-access"
                | "surveys"
                | "register"
        ] | ["v1", "calendar" | "catalogue" | "register", _]
    )
}

/// Limit on failed lookups per client before [`rate_limited`] applies; servers enforce it.
pub fn max_failed_lookups() -> u32 {
    MAX_FAILED_LOOKUPS
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod register_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
