//! An objection as the citizen types it: what the form keeps so a reload loses nothing, the
//! contract body it becomes, and its checks (the same [`check_objection`] the reference backend
//! applies), as [`RequestDraft`] is for a request.

use super::{check_objection, check_received_dates, Reason};
use crate::contract::{Attachment, FieldError, ObjectionSubmission, ReceivedDate, RequestStatus};
use crate::domain::date::Date;
use crate::domain::draft::RequestDraft;

/// The objection as typed. The power of attorney of a proxy is never part of it: it stays in the
/// form's memory, as a document must not outlive the page on a device.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ObjectionDraft {
    /// The request objected to; empty for reason b alone.
    pub number: String,
    /// The verifier the request was found with.
    pub verifier: String,
    /// The chosen Pasal 35(1) letters.
    pub reasons: Vec<String>,
    pub case_summary: String,
    pub purpose: String,
    /// The objector: the request form's identity and contact answers.
    pub who: RequestDraft,
    /// The errors shown (the backend's or the form's own), so that a reload still shows them.
    pub errors: Vec<FieldError>,
    /// The dates the citizen says they received the request's notices, deliveries and bills.
    pub received: Vec<ReceivedDate>,
    /// Reason b alone, without a request.
    pub periodic: bool,
    /// With `periodic`: the catalogue item the periodic information belongs to, if known.
    pub item: String,
}

crate::json::json_struct!(decode encode ObjectionDraft {
    number: default,
    verifier: default,
    reasons: default,
    case_summary: default,
    purpose: default,
    who: default,
    errors: skip_empty,
    received: skip_empty,
    periodic: default,
    item: default,
});

impl ObjectionDraft {
    /// Whether these saved answers are about this request (or, with `periodic`, about periodic
    /// information): answers about another request never fill the form.
    pub fn is_about(&self, number: &str, periodic: bool) -> bool {
        self.number == number && self.periodic == periodic
    }

    /// The chosen reasons the portal knows.
    pub fn chosen(&self) -> Vec<Reason> {
        self.reasons
            .iter()
            .filter_map(|r| Reason::from_letter(r))
            .collect()
    }

    /// The contract body for these answers, with the power of attorney and the officer who filled
    /// it in at a counter.
    pub fn submission(
        &self,
        attachments: Vec<Attachment>,
        assisted_by: Option<String>,
    ) -> ObjectionSubmission {
        ObjectionSubmission {
            request_number: self.number.clone(),
            verifier: self.verifier.clone(),
            objector: self.who.submission().requester,
            reasons: self.reasons.clone(),
            case_summary: self.case_summary.trim().to_owned(),
            purpose: self.purpose.trim().to_owned(),
            catalogue_item_id: Some(self.item.clone()).filter(|i| !i.is_empty()),
            received_dates: self.received.clone(),
            attachments,
            assisted_by,
        }
    }

    /// The field errors of these answers: the contract's rules for an objection, and the dates of
    /// receipt against the request's events (none without a request). Timing is never one.
    pub fn check(
        &self,
        sub: &ObjectionSubmission,
        status: Option<&RequestStatus>,
        today: Date,
    ) -> Vec<FieldError> {
        let mut errors = check_objection(sub);
        if let Some(status) = status {
            errors.extend(check_received_dates(status, &sub.received_dates, today));
        }
        errors
    }

    /// The answers an objection body (JSON) was made from, with the problems the backend found:
    /// an objection refused after it waited in the outbox, to be corrected and sent again. Read
    /// with the draft's own decoders (the objector's fields have the request draft's names).
    /// `None` when the body is not an objection.
    pub fn from_submission_json(body: &str, errors: Vec<FieldError>) -> Option<ObjectionDraft> {
        let body = crate::json::parse(body).ok()?;
        let f = crate::json::Fields::of(&body).ok()?;
        let text = |key| f.or_default::<String>(key).ok();
        let number = text("request_number")?;
        Some(ObjectionDraft {
            periodic: number.is_empty(),
            number,
            verifier: text("verifier")?,
            reasons: f.or_default("reasons").ok()?,
            case_summary: text("case_summary")?,
            purpose: text("purpose")?,
            who: f.or_default("objector").ok()?,
            errors,
            received: f.or_default("received_dates").ok()?,
            item: text("catalogue_item_id")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{field_code, RequesterKind};

    fn typed() -> ObjectionDraft {
        ObjectionDraft {
            number: "REQ/2026/0042".into(),
            verifier: "warga@example.id".into(),
            reasons: vec!["a".into(), "f".into()],
            case_summary: "  Permohonan ditolak tanpa alasan.  ".into(),
            purpose: "Penelitian".into(),
            who: RequestDraft {
                kind: Some(RequesterKind::Individual),
                name: "Siti Aminah".into(),
                nik: "3174010101900001".into(),
                address: "Jl. Merdeka 1".into(),
                phone: "0812 3456 7890".into(),
                ..RequestDraft::default()
            },
            ..ObjectionDraft::default()
        }
    }

    #[test]
    fn the_body_sent_is_read_back_as_the_same_answers() {
        let draft = typed();
        let body = crate::json::to_string(&draft.submission(vec![], None));
        let back = ObjectionDraft::from_submission_json(&body, vec![]).expect("an objection body");
        assert_eq!(back.number, draft.number);
        assert_eq!(back.reasons, draft.reasons);
        assert_eq!(back.case_summary, "Permohonan ditolak tanpa alasan.");
        assert_eq!(back.who.name, "Siti Aminah");
        assert_eq!(back.who.phone, "+6281234567890", "sent as stored: +62");
        assert!(!back.periodic);
        assert!(ObjectionDraft::from_submission_json("[1]", vec![]).is_none());
    }

    #[test]
    fn a_periodic_objection_needs_no_request_and_keeps_its_item() {
        let draft = ObjectionDraft {
            number: String::new(),
            verifier: String::new(),
            reasons: vec!["b".into()],
            periodic: true,
            item: "apbd-2026".into(),
            ..typed()
        };
        let sub = draft.submission(vec![], None);
        assert_eq!(sub.catalogue_item_id.as_deref(), Some("apbd-2026"));
        assert!(draft
            .check(&sub, None, Date::from_ymd(2026, 12, 3).unwrap())
            .is_empty());
        let back =
            ObjectionDraft::from_submission_json(&crate::json::to_string(&sub), vec![]).unwrap();
        assert!(back.periodic && back.is_about("", true) && !back.is_about("", false));
    }

    #[test]
    fn its_checks_are_the_contract_rules() {
        let draft = ObjectionDraft {
            reasons: vec![],
            case_summary: " ".into(),
            ..typed()
        };
        let sub = draft.submission(vec![], None);
        let pointers: Vec<_> = draft
            .check(&sub, None, Date::from_ymd(2026, 12, 3).unwrap())
            .into_iter()
            .map(|e| (e.pointer, e.code))
            .collect();
        assert!(pointers.contains(&("/reasons".into(), field_code::REQUIRED.into())));
        assert!(pointers.contains(&("/case_summary".into(), field_code::REQUIRED.into())));
        assert_eq!(draft.chosen(), vec![]);
        assert_eq!(typed().chosen(), vec![Reason::A, Reason::F]);
    }
}
