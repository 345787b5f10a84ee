//! The contract's behaviour in plain Rust, no browser types.
//! Run in the browser by the demo adapter and natively behind the test HTTP server,
//! so both answer every call the same way: through [`Reference::handle`].

pub mod access;
pub mod attachments;
pub mod seed;
pub mod synthetic;
pub mod worker;
pub use seed::{Seed, StoredObjection, StoredRequest, StoredSurvey};

use crate::contract::*;
use crate::domain::catalogue::{summary_of as summary, CatalogueIndex};
use crate::domain::date::{indonesian_offset_minutes, Date, LocalTime};
use crate::domain::deadlines::day_zero;
use crate::domain::objection::{check_objection, check_received_dates, readings, warnings};
use crate::domain::validate::check_request;
use crate::domain::workdays::WorkCalendar;
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
    calendar: WorkCalendar,
    offset_minutes: i32,
    journal: Journal,
    /// Wrong verifiers per number; kept in memory only (a restart forgets them).
    wrong_verifiers: access::WrongVerifiers,
}

const JSON: &str = "application/json";
const PROBLEM: &str = "application/problem+json";
/// The longest officer's name or NIP in `assisted_by`.
pub const MAX_ASSISTED_BY: usize = 100;
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
        Reference {
            seed,
            index,
            calendar,
            offset_minutes,
            journal,
            wrong_verifiers: access::WrongVerifiers::default(),
        }
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
            _ => None,
        };
        if needs.is_some_and(|f| !self.seed.meta.features.iter().any(|x| x == f)) {
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

    fn calendar_year(&self, year: &str) -> Reply {
        let Ok(year) = year.parse::<i32>() else {
            return problem(404, problem_code::NOT_FOUND, "Not found", vec![]);
        };
        match self.seed.calendars.iter().find(|c| c.year == year) {
            Some(c) => ok(c),
            None => problem(
                404,
                problem_code::CALENDAR_YEAR_MISSING,
                "No calendar for this year",
                vec![],
            ),
        }
    }

    fn catalogue(&self, raw_query: &str) -> Reply {
        let q = match parse_catalogue_query(raw_query) {
            Ok(q) => q,
            Err(e) => return problem(400, problem_code::VALIDATION, "Invalid query", vec![e]),
        };
        ok(&self.index.query(&q))
    }

    fn announcements(&self, now: LocalTime) -> Reply {
        let active = |a: &&Announcement| {
            let started =
                LocalTime::parse_rfc3339(&a.issued_at).is_some_and(|t| t.unix_ms <= now.unix_ms);
            let ended = a
                .expires_at
                .as_deref()
                .and_then(LocalTime::parse_rfc3339)
                .is_some_and(|t| t.unix_ms <= now.unix_ms);
            started && !ended
        };
        ok(&AnnouncementList {
            announcements: self
                .seed
                .announcements
                .iter()
                .filter(active)
                .cloned()
                .collect(),
        })
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

    /// Day zero by the backend's rule (`domain::deadlines::day_zero`): the law's date of receipt
    /// unless `deadline_rules.day_zero` is the office's own rule; then the latest closing time of
    /// that weekday decides, and the law's date is kept beside it.
    fn counts_from(&self, now: LocalTime) -> Result<(Date, Option<Date>), Reply> {
        let weekday = now.date().weekday().number();
        let closes = self
            .seed
            .meta
            .office_hours
            .iter()
            .filter(|h| h.weekdays.contains(&weekday))
            .filter_map(|h| parse_hhmm(&h.closes))
            .max();
        day_zero(
            now,
            self.seed.meta.deadline_rules.day_zero,
            closes,
            &self.calendar,
        )
        .map_err(|_| {
            problem(
                503,
                problem_code::CALENDAR_YEAR_MISSING,
                "The working-day calendar is missing a year",
                vec![],
            )
        })
    }

    fn submit_request(&mut self, body: serde_json::Value, now: LocalTime) -> Reply {
        let mut sub: RequestSubmission = match serde_json::from_value(body) {
            Ok(s) => s,
            Err(e) => return shape_problem(&e),
        };
        let mut errors = check_request(&sub);
        check_assisted_by(sub.assisted_by.as_deref(), &mut errors);
        self.check_attachments(&mut sub.attachments, &mut errors);
        if let Some(unit) = &sub.unit_id {
            if !self.seed.units.iter().any(|u| &u.id == unit) {
                errors.push(FieldError {
                    pointer: "/unit_id".into(),
                    code: field_code::UNKNOWN_VALUE.into(),
                    message: None,
                });
            }
        }
        if !errors.is_empty() {
            return problem(
                422,
                problem_code::VALIDATION,
                "The request has invalid fields",
                errors,
            );
        }
        let (counts_from, by_law) = match self.counts_from(now) {
            Ok(d) => d,
            Err(reply) => return reply,
        };
        let Some(access_token) = access::new_token() else {
            return no_randomness();
        };
        let number = format!(
            "PPID-{}-{:06}",
            now.date().year(),
            200 + self.journal.next_request
        );
        self.journal.next_request += 1;
        let receipt = RequestReceipt {
            number,
            received_at: now.to_rfc3339(),
            counts_from: counts_from.to_string(),
            counts_from_by_law: by_law.map(|d| d.to_string()),
            access_token: Some(access_token),
        };
        let received = RequestEvent {
            at: receipt.received_at.clone(),
            kind: EventKind::Received,
            note: None,
            unit_id: None,
            body_name: None,
            reason: None,
            outcome: None,
            pasal17: None,
            documents: vec![],
            received_on: None,
            provide_by: None,
        };
        self.journal.requests.push(StoredRequest {
            receipt: receipt.clone(),
            submission: sub,
            events: vec![received],
            objections: vec![],
            survey: None,
        });
        created(&receipt)
    }

    fn find_request(&self, lookup: &Lookup) -> Option<&StoredRequest> {
        let r = self.request_numbered(&lookup.number)?;
        verifier_matches(&r.submission.requester, &lookup.verifier).then_some(r)
    }

    fn request_numbered(&self, number: &str) -> Option<&StoredRequest> {
        self.journal
            .requests
            .iter()
            .find(|r| r.receipt.number.eq_ignore_ascii_case(number.trim()))
    }

    /// The request a number and verifier prove, or the answer: `429` while the number is locked by
    /// wrong verifiers (whatever this one is, so a lock never confirms a guess), else `404` for a
    /// wrong number or verifier, which counts against the number.
    fn proven_request(&mut self, lookup: &Lookup, now_ms: i64) -> Result<RequestStatus, Reply> {
        let key = access::number_key("request", &lookup.number);
        if let Some(seconds) = self.wrong_verifiers.locked_for(&key, now_ms) {
            return Err(rate_limited(seconds));
        }
        match self.find_request(lookup).map(status_of) {
            Some(status) => Ok(status),
            None => {
                self.wrong_verifiers.record(&key, now_ms);
                Err(not_found_generic())
            }
        }
    }

    fn lookup_request(&mut self, body: &str, now_ms: i64) -> Reply {
        let lookup: Lookup = match serde_json::from_str(body) {
            Ok(l) => l,
            Err(e) => return shape_problem(&e),
        };
        match self.proven_request(&lookup, now_ms) {
            Ok(status) => ok(&status),
            Err(reply) => reply,
        }
    }

    /// The request a number and its receipt's access token open. Never locked: the token cannot be
    /// guessed, and a lock would let anyone shut a requester out of their own link.
    fn request_by_token(&self, number: &str, token: &str) -> Option<RequestStatus> {
        let r = self.request_numbered(number);
        let stored = r.and_then(|r| r.receipt.access_token.as_deref());
        // Compared even without a record, so the time taken does not tell whether the number exists.
        let matches = access::same_token(stored.unwrap_or(NO_TOKEN), token);
        r.filter(|_| matches && stored.is_some()).map(status_of)
    }

    fn access_request(&self, body: &str) -> Reply {
        let lookup: AccessLookup = match serde_json::from_str(body) {
            Ok(l) => l,
            Err(e) => return shape_problem(&e),
        };
        match self.request_by_token(&lookup.number, &lookup.access_token) {
            Some(status) => ok(&status),
            None => not_found_generic(),
        }
    }

    /// Registers every well-formed objection. Its timing is never a ground for refusal: the
    /// readings of its reasons (on the office-local date of receipt, with the objector's own dates
    /// of receipt) come back as warnings for the atasan PPID and the citizen to see.
    fn submit_objection(&mut self, body: serde_json::Value, now: LocalTime) -> Reply {
        let mut sub: ObjectionSubmission = match serde_json::from_value(body) {
            Ok(s) => s,
            Err(e) => return shape_problem(&e),
        };
        let today = now.date();
        let mut errors = check_objection(&sub);
        check_assisted_by(sub.assisted_by.as_deref(), &mut errors);
        self.check_attachments(&mut sub.attachments, &mut errors);
        let request = if sub.request_number.trim().is_empty() {
            if let Some(item) = &sub.catalogue_item_id {
                if !self.seed.catalogue.iter().any(|c| &c.id == item) {
                    errors.push(FieldError {
                        pointer: "/catalogue_item_id".into(),
                        code: field_code::UNKNOWN_VALUE.into(),
                        message: None,
                    });
                }
            }
            // Dates of receipt belong to a request's events; without one they say nothing.
            sub.received_dates.clear();
            None
        } else {
            let lookup = Lookup {
                number: sub.request_number.clone(),
                verifier: sub.verifier.clone(),
            };
            // Filing an objection is a right that someone else's wrong guesses must never hold up,
            // so a locked number does not stop it; a wrong verifier here still counts against the
            // number, so guesses made through objections lock its lookups all the same.
            let Some(request) = self.find_request(&lookup).map(status_of) else {
                let key = access::number_key("request", &lookup.number);
                self.wrong_verifiers.record(&key, now.unix_ms);
                return not_found_generic();
            };
            errors.extend(check_received_dates(&request, &sub.received_dates, today));
            Some(request)
        };
        if !errors.is_empty() {
            return problem(
                422,
                problem_code::VALIDATION,
                "The objection has invalid fields",
                errors,
            );
        }
        // A calendar year missing or a record's malformed date leaves the objection registered,
        // only without the warnings that needed them.
        let warnings = request
            .as_ref()
            .and_then(|r| {
                readings(
                    r,
                    &sub.received_dates,
                    &self.calendar,
                    &self.seed.meta.service_standards,
                    today,
                )
                .ok()
            })
            .map(|list| warnings(&sub.reasons, &list))
            .unwrap_or_default();
        let (counts_from, _) = match self.counts_from(now) {
            Ok(d) => d,
            Err(reply) => return reply,
        };
        let Some(access_token) = access::new_token() else {
            return no_randomness();
        };
        let number = format!(
            "KEB-{}-{:06}",
            now.date().year(),
            100 + self.journal.next_objection
        );
        self.journal.next_objection += 1;
        let request_number = request.map(|r| r.number).unwrap_or_default();
        let receipt = ObjectionReceipt {
            number: number.clone(),
            request_number: request_number.clone(),
            received_at: now.to_rfc3339(),
            counts_from: counts_from.to_string(),
            warnings,
            access_token: Some(access_token),
        };
        if let Some(r) = self
            .journal
            .requests
            .iter_mut()
            .find(|r| !request_number.is_empty() && r.receipt.number == request_number)
        {
            r.objections.push(number);
        }
        self.journal.objections.push(StoredObjection {
            receipt: receipt.clone(),
            submission: sub,
            answer: None,
        });
        created(&receipt)
    }

    /// One satisfaction answer per finished request; the number and verifier prove it is the
    /// requester's. Only the rating and the comment are kept.
    fn submit_survey(&mut self, body: serde_json::Value, now: LocalTime) -> Reply {
        let sub: SurveySubmission = match serde_json::from_value(body) {
            Ok(s) => s,
            Err(e) => return shape_problem(&e),
        };
        // The receipt's token proves ownership as well as a verifier does (since 1.4.0).
        let status = match &sub.access_token {
            Some(token) => self
                .request_by_token(&sub.number, token)
                .ok_or_else(not_found_generic),
            None => {
                let lookup = Lookup {
                    number: sub.number.clone(),
                    verifier: sub.verifier.clone(),
                };
                self.proven_request(&lookup, now.unix_ms)
            }
        };
        let status = match status {
            Ok(status) => status,
            Err(reply) => return reply,
        };
        let mut errors = Vec::new();
        if !(1..=5).contains(&sub.rating) {
            errors.push(FieldError {
                pointer: "/rating".into(),
                code: field_code::OUT_OF_RANGE.into(),
                message: None,
            });
        }
        let comment = sub
            .comment
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty());
        if comment
            .as_ref()
            .is_some_and(|c| c.chars().count() > MAX_SURVEY_COMMENT)
        {
            errors.push(FieldError {
                pointer: "/comment".into(),
                code: field_code::TOO_LONG.into(),
                message: None,
            });
        }
        if !errors.is_empty() {
            return problem(422, problem_code::VALIDATION, "Invalid survey", errors);
        }
        if !status.is_finished() || status.survey_answered {
            return problem(
                409,
                problem_code::SURVEY_CLOSED,
                "This request's survey is not open",
                vec![],
            );
        }
        let received_at = now.to_rfc3339();
        if let Some(r) = self
            .journal
            .requests
            .iter_mut()
            .find(|r| r.receipt.number == status.number)
        {
            r.survey = Some(StoredSurvey {
                rating: sub.rating,
                comment,
                received_at: received_at.clone(),
            });
        }
        created(&SurveyReceipt { received_at })
    }

    fn objection_numbered(&self, number: &str) -> Option<&StoredObjection> {
        self.journal
            .objections
            .iter()
            .find(|o| o.receipt.number.eq_ignore_ascii_case(number.trim()))
    }

    /// As [`Reference::lookup_request`], for an objection and the objector's verifier.
    fn lookup_objection(&mut self, body: &str, now_ms: i64) -> Reply {
        let lookup: Lookup = match serde_json::from_str(body) {
            Ok(l) => l,
            Err(e) => return shape_problem(&e),
        };
        let key = access::number_key("objection", &lookup.number);
        if let Some(seconds) = self.wrong_verifiers.locked_for(&key, now_ms) {
            return rate_limited(seconds);
        }
        let found = self
            .objection_numbered(&lookup.number)
            .filter(|o| verifier_matches(&o.submission.objector, &lookup.verifier))
            .map(objection_status_of);
        match found {
            Some(status) => ok(&status),
            None => {
                self.wrong_verifiers.record(&key, now_ms);
                not_found_generic()
            }
        }
    }

    /// As [`Reference::access_request`], for an objection's receipt.
    fn access_objection(&self, body: &str) -> Reply {
        let lookup: AccessLookup = match serde_json::from_str(body) {
            Ok(l) => l,
            Err(e) => return shape_problem(&e),
        };
        let o = self.objection_numbered(&lookup.number);
        let stored = o.and_then(|o| o.receipt.access_token.as_deref());
        let matches = access::same_token(stored.unwrap_or(NO_TOKEN), &lookup.access_token);
        match o.filter(|_| matches && stored.is_some()) {
            Some(o) => ok(&objection_status_of(o)),
            None => not_found_generic(),
        }
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

/// What a record without a token is compared with: as long as a real token, and never equal to
/// one (`=` is not in the alphabet).
const NO_TOKEN: &str = "========================";

/// What an objection lookup answers about a stored objection.
fn objection_status_of(o: &StoredObjection) -> ObjectionStatus {
    ObjectionStatus {
        number: o.receipt.number.clone(),
        request_number: o.receipt.request_number.clone(),
        received_at: o.receipt.received_at.clone(),
        counts_from: o.receipt.counts_from.clone(),
        reasons: o.submission.reasons.clone(),
        case_summary: o.submission.case_summary.clone(),
        answer: o.answer.clone(),
        assisted_by: o.submission.assisted_by.clone(),
        warnings: o.receipt.warnings.clone(),
    }
}

/// What a request lookup answers about a stored request.
fn status_of(r: &StoredRequest) -> RequestStatus {
    RequestStatus {
        number: r.receipt.number.clone(),
        received_at: r.receipt.received_at.clone(),
        counts_from: r.receipt.counts_from.clone(),
        counts_from_by_law: r.receipt.counts_from_by_law.clone(),
        information: r.submission.information.clone(),
        purpose: Some(r.submission.purpose.clone()),
        unit_id: r.submission.unit_id.clone(),
        events: r.events.clone(),
        objections: r.objections.clone(),
        assisted_by: r.submission.assisted_by.clone(),
        survey_answered: r.survey.is_some(),
    }
}

/// The officer's name or NIP is at most [`MAX_ASSISTED_BY`] characters and not blank when given.
fn check_assisted_by(assisted_by: Option<&str>, errors: &mut Vec<FieldError>) {
    let code = match assisted_by {
        Some(who) if who.trim().is_empty() => field_code::REQUIRED,
        Some(who) if who.chars().count() > MAX_ASSISTED_BY => field_code::TOO_LONG,
        _ => return,
    };
    errors.push(FieldError {
        pointer: "/assisted_by".into(),
        code: code.into(),
        message: None,
    });
}

/// The verifier is the e-mail (any case) or the phone's last four digits.
fn verifier_matches(r: &Requester, verifier: &str) -> bool {
    let v = verifier.trim();
    if v.is_empty() {
        return false;
    }
    let by_email = r
        .email
        .as_deref()
        .is_some_and(|e| e.eq_ignore_ascii_case(v));
    let by_phone = v.len() == 4
        && v.bytes().all(|b| b.is_ascii_digit())
        && r.phone
            .as_deref()
            .is_some_and(|p| p.len() >= 4 && p.ends_with(v));
    by_email || by_phone
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
        ] | ["v1", "calendar" | "catalogue", _]
    )
}

fn parse_hhmm(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
}

/// Decodes `application/x-www-form-urlencoded` query pairs into a catalogue query.
pub fn parse_catalogue_query(raw: &str) -> Result<CatalogueQuery, FieldError> {
    let mut q = CatalogueQuery::default();
    let bad = |name: &str| FieldError {
        pointer: format!("/{name}"),
        code: field_code::INVALID_FORMAT.into(),
        message: None,
    };
    for pair in raw.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = percent_decode(v);
        if v.is_empty() {
            continue;
        }
        match k {
            "class" => q.class = Some(InformationClass::parse(&v).ok_or_else(|| bad(k))?),
            "q" => q.q = Some(v),
            "unit" => q.unit = Some(v),
            "year" => q.year = Some(v.parse().map_err(|_| bad(k))?),
            "format" => q.format = Some(v),
            "sort" => {
                q.sort = Some(match v.as_str() {
                    "newest" => CatalogueSort::Newest,
                    "title" => CatalogueSort::Title,
                    _ => return Err(bad(k)),
                })
            }
            "page" => q.page = Some(v.parse().map_err(|_| bad(k))?),
            "per_page" => q.per_page = Some(v.parse().map_err(|_| bad(k))?),
            _ => {}
        }
    }
    Ok(q)
}

/// Encodes a catalogue query as URL query pairs (no leading `?`).
pub fn encode_catalogue_query(q: &CatalogueQuery) -> String {
    let mut parts = Vec::new();
    let mut push = |k: &str, v: String| parts.push(format!("{k}={}", percent_encode(&v)));
    if let Some(c) = q.class {
        push("class", c.as_str().into());
    }
    if let Some(v) = &q.q {
        push("q", v.clone());
    }
    if let Some(v) = &q.unit {
        push("unit", v.clone());
    }
    if let Some(v) = q.year {
        push("year", v.to_string());
    }
    if let Some(v) = &q.format {
        push("format", v.clone());
    }
    if let Some(v) = q.sort {
        push(
            "sort",
            if v == CatalogueSort::Title {
                "title"
            } else {
                "newest"
            }
            .into(),
        );
    }
    if let Some(v) = q.page {
        push("page", v.to_string());
    }
    if let Some(v) = q.per_page {
        push("per_page", v.to_string());
    }
    parts.join("&")
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+`; invalid escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn ok<T: Serialize>(value: &T) -> Reply {
    Reply {
        status: 200,
        content_type: JSON,
        body: to_json(value),
        retry_after: None,
        replayed: false,
    }
}

fn created<T: Serialize>(value: &T) -> Reply {
    Reply {
        status: 201,
        content_type: JSON,
        body: to_json(value),
        retry_after: None,
        replayed: false,
    }
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// A problem+json answer.
pub fn problem(status: u16, code: &str, title: &str, errors: Vec<FieldError>) -> Reply {
    let p = Problem {
        kind: format!("https://ppid.example/problems/{code}"),
        title: title.into(),
        status,
        detail: None,
        code: code.into(),
        errors,
        retry_after: None,
    };
    Reply {
        status,
        content_type: PROBLEM,
        body: to_json(&p),
        retry_after: None,
        replayed: false,
    }
}

/// The one answer for a wrong number or a wrong verifier: nothing tells which.
fn not_found_generic() -> Reply {
    problem(
        404,
        problem_code::NOT_FOUND,
        "No request matches this number and verifier",
        vec![],
    )
}

fn problem_code_internal() -> &'static str {
    problem_code::INTERNAL
}

/// The platform gave no random bytes for an access token: nothing is registered.
fn no_randomness() -> Reply {
    problem(
        500,
        problem_code::INTERNAL,
        "No random source for the access token",
        vec![],
    )
}

/// A 429 answer.
pub fn rate_limited(seconds: u32) -> Reply {
    let mut r = problem(429, problem_code::RATE_LIMITED, "Too many attempts", vec![]);
    if let Ok(mut p) = serde_json::from_str::<Problem>(&r.body) {
        p.retry_after = Some(seconds);
        r.body = to_json(&p);
    }
    r.retry_after = Some(seconds);
    r
}

/// Limit on failed lookups per client before [`rate_limited`] applies; servers enforce it.
pub fn max_failed_lookups() -> u32 {
    MAX_FAILED_LOOKUPS
}

fn shape_problem(e: &serde_json::Error) -> Reply {
    // serde's message names the field; keep it generic for the pointer.
    let _ = e;
    problem(
        422,
        problem_code::VALIDATION,
        "The body does not have the contract's shape",
        vec![FieldError {
            pointer: String::new(),
            code: field_code::INVALID_FORMAT.into(),
            message: None,
        }],
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
