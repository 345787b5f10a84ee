//! Objections: registering one (its timing only ever warns) and looking it up.

use super::access::{self, verifier_matches, NO_TOKEN};
use super::replies::{
    created, no_randomness, not_found_generic, ok, problem, rate_limited, shape_problem,
};
use super::{check_assisted_by, Reference, Reply, StoredObjection};
use crate::contract::*;
use crate::domain::date::LocalTime;
use crate::domain::objection::{check_objection, check_received_dates, readings, warnings};

impl Reference {
    /// Registers every well-formed objection. Its timing is never a ground for refusal: the
    /// readings of its reasons (on the office-local date of receipt, with the objector's own dates
    /// of receipt) come back as warnings for the atasan PPID and the citizen to see.
    pub(super) fn submit_objection(&mut self, body: serde_json::Value, now: LocalTime) -> Reply {
        let mut sub: ObjectionSubmission = match serde_json::from_value(body) {
            Ok(s) => s,
            Err(e) => return shape_problem(&e),
        };
        let today = now.date();
        // A reason named twice counts once, in the order of its first mention.
        let mut named: Vec<String> = Vec::new();
        sub.reasons.retain(|r| {
            let first = !named.contains(r);
            named.push(r.clone());
            first
        });
        let mut errors = check_objection(&sub);
        check_assisted_by(sub.assisted_by.as_deref(), &mut errors);
        self.check_attachments(&mut sub.attachments, &mut errors);
        let request = if sub.request_number.trim().is_empty() {
            if let Some(item) = &sub.catalogue_item_id {
                if !self.seed.catalogue.iter().any(|c| &c.id == item) {
                    errors.push(FieldError::new(
                        "/catalogue_item_id",
                        field_code::UNKNOWN_VALUE,
                    ));
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
            let Some(request) = self.find_request(&lookup).map(|r| self.request_status(r)) else {
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
        let (counts_from, _) = self.counts_from(now);
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

    pub(super) fn objection_numbered(&self, number: &str) -> Option<&StoredObjection> {
        self.journal
            .objections
            .iter()
            .find(|o| o.receipt.number.eq_ignore_ascii_case(number.trim()))
    }

    /// As [`Reference::lookup_request`], for an objection and the objector's verifier.
    pub(super) fn lookup_objection(&mut self, body: &str, now_ms: i64) -> Reply {
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
    pub(super) fn access_objection(&self, body: &str) -> Reply {
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
}

/// What an objection lookup answers about a stored objection.
pub(super) fn objection_status_of(o: &StoredObjection) -> ObjectionStatus {
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
