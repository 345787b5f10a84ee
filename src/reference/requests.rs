//! Requests: registering one, looking it up by its number and verifier or its receipt's token, and
//! its satisfaction survey.

use super::access::{self, verifier_matches, NO_TOKEN};
use super::replies::{
    created, no_randomness, not_found_generic, ok, problem, rate_limited, shape_problem,
};
use super::{check_assisted_by, Reference, Reply, StoredRequest, StoredSurvey};
use crate::contract::*;
use crate::domain::date::LocalTime;
use crate::domain::validate::check_request;

impl Reference {
    pub(super) fn submit_request(&mut self, body: serde_json::Value, now: LocalTime) -> Reply {
        let mut sub: RequestSubmission = match serde_json::from_value(body) {
            Ok(s) => s,
            Err(e) => return shape_problem(&e),
        };
        let mut errors = check_request(&sub);
        check_assisted_by(sub.assisted_by.as_deref(), &mut errors);
        self.check_attachments(&mut sub.attachments, &mut errors);
        if let Some(unit) = &sub.unit_id {
            if !self.seed.units.iter().any(|u| &u.id == unit) {
                errors.push(FieldError::new("/unit_id", field_code::UNKNOWN_VALUE));
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
        let (counts_from, by_law) = self.counts_from(now);
        let Some(access_token) = access::new_token() else {
            return no_randomness();
        };
        let prefix = self
            .seed
            .request_number_prefix
            .as_deref()
            .unwrap_or("PPID-");
        let number = format!(
            "{prefix}{}-{:06}",
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
            publication: None,
        });
        created(&receipt)
    }

    pub(super) fn find_request(&self, lookup: &Lookup) -> Option<&StoredRequest> {
        let r = self.request_numbered(&lookup.number)?;
        verifier_matches(&r.submission.requester, &lookup.verifier).then_some(r)
    }

    pub(super) fn request_numbered(&self, number: &str) -> Option<&StoredRequest> {
        self.journal
            .requests
            .iter()
            .find(|r| r.receipt.number.eq_ignore_ascii_case(number.trim()))
    }

    /// The request a number and verifier prove, or the answer: `429` while the number is locked by
    /// wrong verifiers (whatever this one is, so a lock never confirms a guess), else `404` for a
    /// wrong number or verifier, which counts against the number.
    pub(super) fn proven_request(
        &mut self,
        lookup: &Lookup,
        now_ms: i64,
    ) -> Result<RequestStatus, Reply> {
        let key = access::number_key("request", &lookup.number);
        if let Some(seconds) = self.wrong_verifiers.locked_for(&key, now_ms) {
            return Err(rate_limited(seconds));
        }
        match self.find_request(lookup).map(|r| self.request_status(r)) {
            Some(status) => Ok(status),
            None => {
                self.wrong_verifiers.record(&key, now_ms);
                Err(not_found_generic())
            }
        }
    }

    pub(super) fn lookup_request(&mut self, body: &str, now_ms: i64) -> Reply {
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
    pub(super) fn request_by_token(&self, number: &str, token: &str) -> Option<RequestStatus> {
        let r = self.request_numbered(number);
        let stored = r.and_then(|r| r.receipt.access_token.as_deref());
        // Compared even without a record, so the time taken does not tell whether the number exists.
        let matches = access::same_token(stored.unwrap_or(NO_TOKEN), token);
        r.filter(|_| matches && stored.is_some())
            .map(|r| self.request_status(r))
    }

    pub(super) fn access_request(&self, body: &str) -> Reply {
        let lookup: AccessLookup = match serde_json::from_str(body) {
            Ok(l) => l,
            Err(e) => return shape_problem(&e),
        };
        match self.request_by_token(&lookup.number, &lookup.access_token) {
            Some(status) => ok(&status),
            None => not_found_generic(),
        }
    }

    /// One satisfaction answer per finished request; the number and verifier prove it is the
    /// requester's. Only the rating and the comment are kept.
    pub(super) fn submit_survey(&mut self, body: serde_json::Value, now: LocalTime) -> Reply {
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
            errors.push(FieldError::new("/rating", field_code::OUT_OF_RANGE));
        }
        let comment = sub
            .comment
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty());
        if comment
            .as_ref()
            .is_some_and(|c| c.chars().count() > MAX_SURVEY_COMMENT)
        {
            errors.push(FieldError::new("/comment", field_code::TOO_LONG));
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
}

impl Reference {
    /// What a request lookup answers: the stored request, with its register entry only when
    /// this backend has a register and the entry is in it, and no choice at all when it has none.
    pub(super) fn request_status(&self, r: &StoredRequest) -> RequestStatus {
        let mut status = status_of(r);
        if self.has_feature(feature::REGISTER) {
            status.register_id = status
                .register_id
                .filter(|id| self.register.entry(id).is_some());
        } else {
            status.publish = None;
            status.register_id = None;
        }
        status
    }
}

/// What a request lookup answers about a stored request, whatever the backend's features.
pub(super) fn status_of(r: &StoredRequest) -> RequestStatus {
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
        publish: Some(r.submission.publish),
        register_id: r.register_id().map(str::to_owned),
    }
}
