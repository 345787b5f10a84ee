//! The information request as the citizen fills it in, one question at a time.

use super::validate::{
    check_nik, check_request, is_email, nik_date_is_odd, normalize_phone, NikError,
};
use crate::contract::{
    field_code, Attachment, AttachmentRole, Channel, Delivery, FieldError, ObtainMethod,
    RequestSubmission, Requester, RequesterKind,
};
use serde::{Deserialize, Serialize};

/// The questions, in order. `Document` is asked only when the backend takes identity documents,
/// `Delivery` only when a copy is wanted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Kind,
    Identity,
    Document,
    Contact,
    Information,
    Purpose,
    Obtain,
    Delivery,
    Check,
}

impl Step {
    /// Every step in order.
    pub const ALL: [Step; 9] = [
        Step::Kind,
        Step::Identity,
        Step::Document,
        Step::Contact,
        Step::Information,
        Step::Purpose,
        Step::Obtain,
        Step::Delivery,
        Step::Check,
    ];

    /// The URL segment of the step.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Kind => "jenis",
            Step::Identity => "identitas",
            Step::Document => "dokumen",
            Step::Contact => "kontak",
            Step::Information => "informasi",
            Step::Purpose => "tujuan",
            Step::Obtain => "cara",
            Step::Delivery => "pengiriman",
            Step::Check => "periksa",
        }
    }

    /// The step with this URL segment.
    pub fn from_slug(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|x| x.slug() == s)
    }
}

/// How long a draft stays on a citizen's own device without a change: a day. NIK, address,
/// contacts and the objection's verifier must not wait indefinitely on a phone that may be lent,
/// sold or lost.
pub const DRAFT_LIFETIME_MS: u64 = 24 * 60 * 60 * 1000;

/// Whether drafts last saved at `saved_ms` are past their day at `now_ms`. No time is expired; a
/// time in the future (a clock set back) is not.
pub fn draft_expired(saved_ms: Option<u64>, now_ms: u64) -> bool {
    saved_ms.is_none_or(|saved| now_ms.saturating_sub(saved) > DRAFT_LIFETIME_MS)
}

/// A requester's answers so far. Stored as typed (the browser keeps it across reloads).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RequestDraft {
    pub kind: Option<RequesterKind>,
    pub name: String,
    /// A group's name (the name above is then its mandated member's).
    pub group_name: String,
    pub nik: String,
    pub decree_number: String,
    pub principal_name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub information: String,
    pub unit_id: String,
    pub catalogue_item_id: String,
    pub purpose: String,
    pub view: bool,
    pub soft_copy: bool,
    pub hard_copy: bool,
    pub delivery: Option<Delivery>,
    pub delivery_address: String,
    pub delivery_email: String,
    /// One key per draft, so a retried submission is never a second request.
    pub idempotency_key: String,
    /// Whether the backend takes identity documents (its `identity_document` feature), so the
    /// document question is asked.
    pub documents_asked: bool,
    /// The citizen said this device is shared: the draft then lives in the tab only
    /// (`offline::device`). Not an answer to the request: a cleared draft keeps it.
    pub shared_device: bool,
    /// Whether the backend keeps a register of published requests (its `register` feature), so
    /// the citizen is asked whether theirs may be published.
    pub publish_asked: bool,
    /// The citizen allows the request and its answer to be published without their name. On
    /// until they untick it: a published answer saves the next citizen a request.
    #[serde(default = "publish_by_default")]
    pub publish: bool,
    /// The documents attached so far. Kept apart from the answers in browser storage (they are
    /// large, and the answers are saved at every key press).
    #[serde(skip)]
    pub attachments: Vec<Attachment>,
}

impl Default for RequestDraft {
    fn default() -> Self {
        RequestDraft {
            kind: None,
            name: String::new(),
            group_name: String::new(),
            nik: String::new(),
            decree_number: String::new(),
            principal_name: String::new(),
            address: String::new(),
            phone: String::new(),
            email: String::new(),
            information: String::new(),
            unit_id: String::new(),
            catalogue_item_id: String::new(),
            purpose: String::new(),
            view: false,
            soft_copy: false,
            hard_copy: false,
            delivery: None,
            delivery_address: String::new(),
            delivery_email: String::new(),
            idempotency_key: String::new(),
            documents_asked: false,
            shared_device: false,
            publish_asked: false,
            publish: publish_by_default(),
            attachments: Vec::new(),
        }
    }
}

/// A new draft allows publishing: the citizen unticks it if they do not want it.
pub fn publish_by_default() -> bool {
    true
}

/// Fewest letters and digits the information needs before the wizard looks for published answers.
pub const LOOKUP_MIN_CHARS: usize = 3;

/// Most words looked up: every word must match, so a whole sentence would find nothing.
const LOOKUP_MAX_WORDS: usize = 4;

/// Words of a request's own phrasing (folded) that published titles and answers do not share:
/// "saya mohon salinan dokumen ... tahun 2026" looks up what is asked for, not how.
const REQUEST_PHRASING: &str = "\
    a about aku and an apakah atas atau bagaimana berapa beserta butuh copy dalam dan dapatkan \
    data dengan dari di dokumen for i in info informasi information ingin ini itu kami ke mau \
    memerlukan memohon memperoleh membutuhkan mendapatkan meminta mengenai minta mohon of oleh \
    on or pada per perlu permintaan please request salinan saya serta tahun tentang terkait \
    tersebut the to tolong untuk we year yang";

/// The kinds of requester a backend of `contract_version` takes, in the order the forms offer
/// them (a prefix of [`RequesterKind::ALL`]): a group only from 1.3.0 on, as an older backend would
/// refuse the value it does not know.
pub fn requester_kinds(contract_version: &str) -> &'static [RequesterKind] {
    let mut parts = contract_version
        .split('.')
        .map(|p| p.trim().parse::<u32>().ok());
    match (parts.next().flatten(), parts.next().flatten()) {
        (Some(1), Some(minor)) if minor < 3 => &RequesterKind::ALL[..3],
        _ => &RequesterKind::ALL,
    }
}

/// The documents a requester of `kind` attaches: KTP (or passport) for a person and for a group's
/// mandated member, the ratified deed for a legal entity, and a proxy's power of attorney besides
/// their own KTP.
pub fn required_documents(kind: Option<RequesterKind>) -> &'static [AttachmentRole] {
    match kind {
        Some(RequesterKind::Individual | RequesterKind::Group) => &[AttachmentRole::IdentityCard],
        Some(RequesterKind::LegalEntity) => &[AttachmentRole::Deed],
        Some(RequesterKind::Proxy) => &[
            AttachmentRole::IdentityCard,
            AttachmentRole::PowerOfAttorney,
        ],
        None => &[],
    }
}

/// The documents a requester of `kind` may attach besides: a group's mandate letter. Only the
/// surat kuasa khusus of a proxy is a document the law asks for, so a group is never held back
/// for want of its letter.
pub fn optional_documents(kind: Option<RequesterKind>) -> &'static [AttachmentRole] {
    match kind {
        Some(RequesterKind::Group) => &[AttachmentRole::Mandate],
        _ => &[],
    }
}

/// The pointer the portal uses for a document that is missing or refused: `/attachments/<role>`.
pub fn document_pointer(role: AttachmentRole) -> &'static str {
    match role {
        AttachmentRole::IdentityCard => "/attachments/identity_card",
        AttachmentRole::Deed => "/attachments/deed",
        AttachmentRole::PowerOfAttorney => "/attachments/power_of_attorney",
        AttachmentRole::Mandate => "/attachments/mandate",
    }
}

// Stored in browser storage by the portal through its own codec; every field defaults as above.
crate::json::json_struct!(decode encode RequestDraft {
    kind: default,
    name: default,
    group_name: default,
    nik: default,
    decree_number: default,
    principal_name: default,
    address: default,
    phone: default,
    email: default,
    information: default,
    unit_id: default,
    catalogue_item_id: default,
    purpose: default,
    view: default,
    soft_copy: default,
    hard_copy: default,
    delivery: default,
    delivery_address: default,
    delivery_email: default,
    idempotency_key: default,
    documents_asked: default,
    shared_device: default,
    publish_asked: default,
    publish: or(publish_by_default),
    attachments: skip,
});

impl RequestDraft {
    /// Nothing answered yet (what the backend asks for does not count).
    pub fn is_blank(&self) -> bool {
        *self == self.cleared()
    }

    /// A blank draft for the same backend.
    pub fn cleared(&self) -> RequestDraft {
        RequestDraft {
            documents_asked: self.documents_asked,
            shared_device: self.shared_device,
            publish_asked: self.publish_asked,
            ..RequestDraft::default()
        }
    }

    /// What the wizard looks up in the register and the catalogue for the information typed so
    /// far: its first few words, folded, without a request's own phrasing. `None` below
    /// [`LOOKUP_MIN_CHARS`] letters and digits, so a word just begun looks nothing up.
    pub fn lookup_words(&self) -> Option<String> {
        let folded = super::search::fold(&self.information);
        let words: Vec<&str> = folded
            .split_whitespace()
            .filter(|w| !REQUEST_PHRASING.split_whitespace().any(|p| p == *w))
            .take(LOOKUP_MAX_WORDS)
            .collect();
        let chars: usize = words.iter().map(|w| w.chars().count()).sum();
        (chars >= LOOKUP_MIN_CHARS).then(|| words.join(" "))
    }

    /// Whether `text` has every word of [`RequestDraft::lookup_words`] at the start of one of its
    /// words, folded: how the catalogue searches, for a backend that cannot search it itself.
    pub fn words_match(words: &str, text: &str) -> bool {
        let text = super::search::fold(text);
        words
            .split_whitespace()
            .all(|w| text.split_whitespace().any(|t| t.starts_with(w)))
    }

    /// Whether a copy (and so a delivery question) is wanted.
    pub fn wants_copy(&self) -> bool {
        self.soft_copy || self.hard_copy
    }

    /// The question after `step`.
    pub fn next(&self, step: Step) -> Step {
        match step {
            Step::Obtain if !self.wants_copy() => Step::Check,
            Step::Identity if !self.documents_asked => Step::Contact,
            s => Step::ALL
                .get(Step::ALL.iter().position(|x| *x == s).unwrap_or(0) + 1)
                .copied()
                .unwrap_or(Step::Check),
        }
    }

    /// The question before `step` (`None` before the first).
    pub fn previous(&self, step: Step) -> Option<Step> {
        match step {
            Step::Check if !self.wants_copy() => Some(Step::Obtain),
            Step::Contact if !self.documents_asked => Some(Step::Identity),
            s => Step::ALL
                .iter()
                .position(|x| *x == s)
                .and_then(|i| i.checked_sub(1))
                .map(|i| Step::ALL[i]),
        }
    }

    /// The first question not yet answered validly (`Check` when all are).
    pub fn first_incomplete(&self) -> Step {
        Step::ALL
            .into_iter()
            .filter(|s| *s != Step::Check && (*s != Step::Document || self.documents_asked))
            .find(|s| !self.check_step(*s).is_empty())
            .unwrap_or(Step::Check)
    }

    /// Field errors of one question, with the same pointers the contract uses.
    pub fn check_step(&self, step: Step) -> Vec<FieldError> {
        if step == Step::Document {
            return required_documents(self.kind)
                .iter()
                .filter(|role| !self.attachments.iter().any(|a| a.role == **role))
                .map(|role| FieldError::new(document_pointer(*role), field_code::REQUIRED))
                .collect();
        }
        let sub = self.submission();
        let prefixes: &[&str] = match step {
            Step::Kind => &["/requester/kind"],
            Step::Identity => &[
                "/requester/group_name",
                "/requester/name",
                "/requester/nik",
                "/requester/decree_number",
                "/requester/principal_name",
            ],
            Step::Document => &[],
            Step::Contact => &["/requester/address", "/requester/phone", "/requester/email"],
            Step::Information => &["/information", "/unit_id"],
            Step::Purpose => &["/purpose"],
            Step::Obtain => &["/obtain"],
            Step::Delivery => &["/delivery", "/delivery_address", "/delivery_email"],
            Step::Check => &[],
        };
        let mut errors: Vec<FieldError> = check_request(&sub)
            .into_iter()
            .filter(|e| prefixes.iter().any(|p| e.pointer == *p))
            .collect();
        // Answers as typed that the submission had to drop: a phone that does not normalise.
        if step == Step::Contact
            && !self.phone.trim().is_empty()
            && normalize_phone(&self.phone).is_none()
        {
            errors.retain(|e| e.pointer != "/requester/phone");
            errors.push(FieldError::new(
                "/requester/phone",
                field_code::INVALID_FORMAT,
            ));
        }
        if step == Step::Contact && !self.email.trim().is_empty() && !is_email(&self.email) {
            errors.retain(|e| e.pointer != "/requester/email");
            errors.push(FieldError::new(
                "/requester/email",
                field_code::INVALID_FORMAT,
            ));
        }
        errors
    }

    /// Why the NIK is not plausible, for the specific message.
    pub fn nik_problem(&self) -> Option<NikError> {
        check_nik(&self.nik).err()
    }

    /// Whether the NIK asked of this kind of requester has a date part that is no real date: a
    /// warning to show, never a reason to stop.
    pub fn nik_warning(&self) -> bool {
        self.asks_nik() && nik_date_is_odd(&self.nik)
    }

    /// Whether this kind of requester gives a NIK: a person, a group's member, a proxy.
    fn asks_nik(&self) -> bool {
        matches!(
            self.kind,
            Some(RequesterKind::Individual | RequesterKind::Group | RequesterKind::Proxy)
        )
    }

    /// The answers a request body (JSON) was made from, to be corrected and sent again: a
    /// submission the backend refused after it waited in the outbox. Read with the draft's own
    /// decoders (the requester's fields have the draft's names), so the request pages carry no
    /// decoder of the submission for it. The key stays empty: a new one is made when it is sent,
    /// as the refused one was never registered. `None` when the body is not a request.
    pub fn from_submission_json(body: &str) -> Option<RequestDraft> {
        let body = crate::json::parse(body).ok()?;
        let f = crate::json::Fields::of(&body).ok()?;
        let text = |key| f.or_default::<String>(key).ok();
        let obtain: Vec<ObtainMethod> = f.or_default("obtain").ok()?;
        let attachments: Vec<Attachment> = f.or_default("attachments").ok()?;
        let publish: bool = f.or_default("publish").ok()?;
        Some(RequestDraft {
            information: text("information")?,
            unit_id: text("unit_id")?,
            catalogue_item_id: text("catalogue_item_id")?,
            purpose: text("purpose")?,
            view: obtain.contains(&ObtainMethod::View),
            soft_copy: obtain.contains(&ObtainMethod::SoftCopy),
            hard_copy: obtain.contains(&ObtainMethod::HardCopy),
            delivery: f.or_default("delivery").ok()?,
            delivery_address: text("delivery_address")?,
            delivery_email: text("delivery_email")?,
            // Follows the backend again as soon as the request pages have its metadata.
            documents_asked: !attachments.is_empty(),
            // A body says `false` both when the citizen said no and when they were not asked:
            // read as no, so nothing is published that they may have refused.
            publish_asked: publish,
            publish,
            attachments,
            ..f.req::<RequestDraft>("requester").ok()?.cleared_answers()
        })
    }

    /// Only who asks (the identity and contact questions).
    fn cleared_answers(self) -> RequestDraft {
        RequestDraft {
            kind: self.kind,
            name: self.name,
            group_name: self.group_name,
            nik: self.nik,
            decree_number: self.decree_number,
            principal_name: self.principal_name,
            address: self.address,
            phone: self.phone,
            email: self.email,
            ..RequestDraft::default()
        }
    }

    /// The contract body for these answers (phone normalised to +62).
    pub fn submission(&self) -> RequestSubmission {
        let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let kind = self.kind;
        let mut obtain = Vec::new();
        if self.view {
            obtain.push(ObtainMethod::View);
        }
        if self.soft_copy {
            obtain.push(ObtainMethod::SoftCopy);
        }
        if self.hard_copy {
            obtain.push(ObtainMethod::HardCopy);
        }
        let delivery = self.delivery.filter(|_| self.wants_copy());
        RequestSubmission {
            requester: Requester {
                kind,
                name: self.name.trim().to_owned(),
                group_name: if kind == Some(RequesterKind::Group) {
                    opt(&self.group_name)
                } else {
                    None
                },
                nik: if self.asks_nik() {
                    Some(self.nik.trim().to_owned())
                } else {
                    None
                },
                decree_number: if kind == Some(RequesterKind::LegalEntity) {
                    opt(&self.decree_number)
                } else {
                    None
                },
                principal_name: if kind == Some(RequesterKind::Proxy) {
                    opt(&self.principal_name)
                } else {
                    None
                },
                address: self.address.trim().to_owned(),
                phone: opt(&self.phone).map(|p| normalize_phone(&p).unwrap_or(p)),
                email: opt(&self.email),
            },
            // Only what this kind of requester may attach (a proxy who became an individual sends no power of attorney).
            attachments: if self.documents_asked {
                self.attachments
                    .iter()
                    .filter(|a| {
                        required_documents(kind).contains(&a.role)
                            || optional_documents(kind).contains(&a.role)
                    })
                    .cloned()
                    .collect()
            } else {
                vec![]
            },
            information: self.information.trim().to_owned(),
            unit_id: opt(&self.unit_id),
            catalogue_item_id: opt(&self.catalogue_item_id),
            purpose: self.purpose.trim().to_owned(),
            obtain,
            delivery,
            delivery_address: if matches!(delivery, Some(Delivery::Post | Delivery::Courier)) {
                opt(&self.delivery_address)
            } else {
                None
            },
            delivery_email: if delivery == Some(Delivery::Email) {
                opt(&self.delivery_email)
            } else {
                None
            },
            channel: Channel::Web,
            assisted: false,
            assisted_by: None,
            // Only a yes to the question asked: nothing is published that the citizen was not asked about.
            publish: self.publish_asked && self.publish,
        }
    }
}

/// A backend's error about the `i`-th attachment sent (`/attachments/<i>/...`), pointed at the
/// document it was about (`/attachments/<role>`); other pointers are kept.
pub fn document_error(pointer: &str, sent: &[AttachmentRole]) -> String {
    let index = pointer
        .strip_prefix("/attachments/")
        .and_then(|rest| rest.split('/').next())
        .and_then(|i| i.parse::<usize>().ok());
    match index.and_then(|i| sent.get(i)) {
        Some(role) => document_pointer(*role).to_owned(),
        None => pointer.to_owned(),
    }
}

/// The question a field error from the backend belongs to.
pub fn step_of_pointer(pointer: &str) -> Step {
    let p = pointer.trim_start_matches('/');
    match p.split('/').next().unwrap_or("") {
        "requester" if p.ends_with("kind") => Step::Kind,
        "requester" if ["address", "phone", "email"].iter().any(|f| p.ends_with(f)) => {
            Step::Contact
        }
        "requester" => Step::Identity,
        "attachments" => Step::Document,
        "information" | "unit_id" | "catalogue_item_id" => Step::Information,
        "purpose" => Step::Purpose,
        "obtain" => Step::Obtain,
        "delivery" | "delivery_address" | "delivery_email" => Step::Delivery,
        _ => Step::Check,
    }
}

/// The question to open for the backend's field errors: the earliest one in the wizard they are
/// about, or the check page when there are none.
pub fn first_to_correct(errors: &[FieldError]) -> Step {
    errors
        .iter()
        .map(|e| step_of_pointer(&e.pointer))
        .min_by_key(|s| Step::ALL.iter().position(|x| x == s))
        .unwrap_or(Step::Check)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_draft_lives_a_day_after_its_last_change() {
        let saved = 1_796_000_000_000;
        assert!(!draft_expired(Some(saved), saved));
        assert!(!draft_expired(Some(saved), saved + DRAFT_LIFETIME_MS));
        assert!(draft_expired(Some(saved), saved + DRAFT_LIFETIME_MS + 1));
        assert!(draft_expired(Some(saved), saved + 30 * DRAFT_LIFETIME_MS));
        // No time (an older build's draft) is past its day; a clock set back is not.
        assert!(draft_expired(None, saved));
        assert!(!draft_expired(Some(saved), saved - 1000));
    }

    fn complete() -> RequestDraft {
        RequestDraft {
            kind: Some(RequesterKind::Individual),
            name: "Siti Rahma".into(),
            nik: "3201014508900001".into(),
            address: "Jl. Melati 3".into(),
            phone: "0812-3456-7890".into(),
            information: "Salinan APBD 2026".into(),
            purpose: "Penelitian".into(),
            view: true,
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_draft_is_a_valid_submission_with_a_normalised_phone() {
        let d = complete();
        assert_eq!(d.first_incomplete(), Step::Check);
        let s = d.submission();
        assert!(check_request(&s).is_empty(), "{:?}", check_request(&s));
        assert_eq!(s.requester.phone.as_deref(), Some("+6281234567890"));
        assert_eq!(s.obtain, vec![ObtainMethod::View]);
        assert_eq!(s.delivery, None);
    }

    #[test]
    fn a_refused_body_reopens_as_the_answers_it_was_made_from() {
        let mut proxy = complete();
        proxy.kind = Some(RequesterKind::Proxy);
        proxy.principal_name = "Koperasi Tani Makmur".into();
        proxy.email = "siti@contoh.id".into();
        proxy.soft_copy = true;
        proxy.hard_copy = true;
        proxy.delivery = Some(Delivery::Post);
        proxy.delivery_address = "Jl. Kenanga 5".into();
        proxy.unit_id = "dinkes".into();
        proxy.documents_asked = true;
        proxy.attachments = [
            AttachmentRole::IdentityCard,
            AttachmentRole::PowerOfAttorney,
        ]
        .into_iter()
        .map(|role| Attachment {
            role,
            file_name: "dokumen.jpg".into(),
            media_type: "image/jpeg".into(),
            content_base64: "AAAA".into(),
        })
        .collect();
        let mut legal = complete();
        legal.kind = Some(RequesterKind::LegalEntity);
        legal.decree_number = "AHU-0001.AH.01.07.2020".into();
        legal.phone = String::new();
        legal.email = "info@contoh.id".into();
        legal.soft_copy = true;
        legal.delivery = Some(Delivery::Email);
        legal.delivery_email = "arsip@contoh.id".into();
        let mut group = complete();
        group.kind = Some(RequesterKind::Group);
        group.group_name = "Kelompok Tani Sri Rejeki".into();
        group.name = "Budi Santoso".into();
        group.nik = "3201013208900001".into(); // an odd date part is kept as it is
        group.phone = "0062 812 3456 7890".into();
        group.documents_asked = true;
        group.attachments = [AttachmentRole::IdentityCard, AttachmentRole::Mandate]
            .into_iter()
            .map(|role| Attachment {
                role,
                file_name: "mandat.pdf".into(),
                media_type: "application/pdf".into(),
                content_base64: "JVBERi0=".into(),
            })
            .collect();
        for mut d in [complete(), proxy, legal, group] {
            d.idempotency_key = "k-1".into();
            let body = d.submission();
            let back = RequestDraft::from_submission_json(&crate::json::to_string(&body)).unwrap();
            assert_eq!(back.submission(), body, "the same body again");
            assert_eq!(
                back.first_incomplete(),
                Step::Check,
                "every question answered"
            );
            assert!(back.idempotency_key.is_empty(), "a new key when it is sent");
            assert_eq!(back.attachments, d.attachments);
            assert_eq!(back.documents_asked, d.documents_asked);
        }
        // The typed phone comes back normalised, which the phone question accepts as it is.
        let back =
            RequestDraft::from_submission_json(&crate::json::to_string(&complete().submission()))
                .unwrap();
        assert_eq!(back.phone, "+6281234567890");
        assert!(back.check_step(Step::Contact).is_empty());
        // Not a request: nothing.
        for other in [
            "",
            "[]",
            r#"{"information":"x"}"#,
            r#"{"requester":{"name":"A"},"obtain":"view"}"#,
        ] {
            assert_eq!(RequestDraft::from_submission_json(other), None, "{other}");
        }
    }

    #[test]
    fn a_group_sends_its_name_its_member_and_maybe_its_mandate() {
        let mut d = complete();
        d.kind = Some(RequesterKind::Group);
        d.principal_name = "left over from a proxy".into();
        d.decree_number = "left over from a legal entity".into();
        assert_eq!(d.first_incomplete(), Step::Identity);
        assert_eq!(
            d.check_step(Step::Identity)[0].pointer,
            "/requester/group_name"
        );
        d.group_name = " Kelompok Tani Sri Rejeki ".into();
        assert_eq!(d.first_incomplete(), Step::Check);
        let r = d.submission().requester;
        assert_eq!(r.group_name.as_deref(), Some("Kelompok Tani Sri Rejeki"));
        assert_eq!(r.nik.as_deref(), Some("3201014508900001"));
        assert_eq!((r.principal_name, r.decree_number), (None, None));
        // Another kind sends no group name.
        d.kind = Some(RequesterKind::Individual);
        assert_eq!(d.submission().requester.group_name, None);
        // With documents: the member's KTP is asked, the mandate letter is optional but sent.
        d.kind = Some(RequesterKind::Group);
        d.documents_asked = true;
        assert_eq!(d.first_incomplete(), Step::Document);
        let file = |role| Attachment {
            role,
            file_name: "x.pdf".into(),
            media_type: "application/pdf".into(),
            content_base64: "JVBERi0=".into(),
        };
        d.attachments = vec![file(AttachmentRole::IdentityCard)];
        assert_eq!(d.first_incomplete(), Step::Check);
        d.attachments.push(file(AttachmentRole::Mandate));
        assert_eq!(d.submission().attachments.len(), 2);
        // An individual sends no mandate letter.
        d.kind = Some(RequesterKind::Individual);
        assert_eq!(d.submission().attachments.len(), 1);
    }

    #[test]
    fn a_group_is_offered_only_to_a_backend_that_takes_it() {
        assert_eq!(requester_kinds("1.3.0"), RequesterKind::ALL);
        assert_eq!(requester_kinds("1.12.1"), RequesterKind::ALL);
        assert!(!requester_kinds("1.2.0").contains(&RequesterKind::Group));
        assert_eq!(requester_kinds("1.0.0").len(), 3);
        // The same index is the same kind whichever list a backend gets.
        assert_eq!(requester_kinds("1.2.0"), &requester_kinds("1.3.0")[..3]);
    }

    #[test]
    fn an_odd_nik_date_warns_and_lets_the_requester_go_on() {
        let mut d = complete();
        d.nik = "3201013208900001".into();
        assert!(d.nik_warning());
        assert!(d.check_step(Step::Identity).is_empty());
        assert_eq!(d.first_incomplete(), Step::Check);
        assert!(check_request(&d.submission()).is_empty());
        // A legal entity gives no NIK: nothing to warn about.
        d.kind = Some(RequesterKind::LegalEntity);
        assert!(!d.nik_warning());
        d.kind = Some(RequesterKind::Proxy);
        assert!(d.nik_warning());
        d.nik = "3201010508900001".into();
        assert!(!d.nik_warning());
    }

    #[test]
    fn the_first_question_to_correct_is_the_earliest_in_the_wizard() {
        assert_eq!(first_to_correct(&[]), Step::Check);
        let errors = [
            FieldError::new("/purpose", field_code::REQUIRED),
            FieldError::new("/attachments/identity_card", field_code::REQUIRED),
            FieldError::new("/information", field_code::TOO_LONG),
        ];
        assert_eq!(first_to_correct(&errors), Step::Document);
        assert_eq!(first_to_correct(&errors[2..]), Step::Information);
    }

    #[test]
    fn delivery_is_asked_only_for_a_copy() {
        let mut d = complete();
        assert_eq!(d.next(Step::Obtain), Step::Check);
        assert_eq!(d.previous(Step::Check), Some(Step::Obtain));
        d.soft_copy = true;
        assert_eq!(d.next(Step::Obtain), Step::Delivery);
        assert_eq!(d.first_incomplete(), Step::Delivery);
        d.delivery = Some(Delivery::Email);
        assert_eq!(d.check_step(Step::Delivery)[0].pointer, "/delivery_email");
        d.delivery_email = "siti@example.id".into();
        assert_eq!(d.first_incomplete(), Step::Check);
        assert_eq!(d.previous(Step::Kind), None);
    }

    #[test]
    fn each_question_reports_only_its_own_fields() {
        let d = RequestDraft {
            kind: Some(RequesterKind::LegalEntity),
            phone: "12".into(),
            ..Default::default()
        };
        let pointers = |s| {
            d.check_step(s)
                .into_iter()
                .map(|e| e.pointer)
                .collect::<Vec<_>>()
        };
        assert_eq!(pointers(Step::Kind), Vec::<String>::new());
        assert_eq!(
            pointers(Step::Identity),
            ["/requester/name", "/requester/decree_number"]
        );
        assert_eq!(
            pointers(Step::Contact),
            ["/requester/address", "/requester/phone"]
        );
        assert_eq!(
            d.check_step(Step::Contact)[1].code,
            field_code::INVALID_FORMAT
        );
        assert_eq!(pointers(Step::Purpose), ["/purpose"]);
    }

    #[test]
    fn documents_are_asked_only_when_the_backend_takes_them() {
        let asked = RequestDraft {
            documents_asked: true,
            ..RequestDraft::default()
        };
        assert!(
            asked.is_blank(),
            "what the backend asks for is not an answer"
        );
        assert!(
            asked.cleared().documents_asked,
            "a new draft still asks for documents"
        );
        let mut d = complete();
        assert!(!d.is_blank());
        assert_eq!(d.next(Step::Identity), Step::Contact);
        assert_eq!(d.previous(Step::Contact), Some(Step::Identity));
        d.documents_asked = true;
        assert_eq!(d.next(Step::Identity), Step::Document);
        assert_eq!(d.previous(Step::Contact), Some(Step::Document));
        assert_eq!(d.first_incomplete(), Step::Document);
        let pointers = |d: &RequestDraft| -> Vec<String> {
            d.check_step(Step::Document)
                .into_iter()
                .map(|e| e.pointer)
                .collect()
        };
        assert_eq!(pointers(&d), ["/attachments/identity_card"]);
        d.kind = Some(RequesterKind::Proxy);
        d.principal_name = "Kelompok Tani".into();
        assert_eq!(
            pointers(&d),
            [
                "/attachments/identity_card",
                "/attachments/power_of_attorney"
            ]
        );
        let file = |role| Attachment {
            role,
            file_name: "x.pdf".into(),
            media_type: "application/pdf".into(),
            content_base64: "JVBERi0=".into(),
        };
        d.attachments = vec![
            file(AttachmentRole::IdentityCard),
            file(AttachmentRole::PowerOfAttorney),
        ];
        assert_eq!(d.first_incomplete(), Step::Check);
        assert_eq!(d.submission().attachments.len(), 2);
        // Becoming an individual drops the power of attorney from what is sent.
        d.kind = Some(RequesterKind::Individual);
        assert_eq!(
            d.submission().attachments,
            vec![file(AttachmentRole::IdentityCard)]
        );
        d.kind = Some(RequesterKind::LegalEntity);
        d.decree_number = "AHU-1".into();
        assert_eq!(pointers(&d), ["/attachments/deed"]);
        assert_eq!(d.first_incomplete(), Step::Document);
        // A backend without the feature gets no documents at all.
        d.documents_asked = false;
        assert_eq!(d.first_incomplete(), Step::Check);
        assert!(d.submission().attachments.is_empty());
        assert_eq!(step_of_pointer("/attachments/0/media_type"), Step::Document);
        let sent = [
            AttachmentRole::IdentityCard,
            AttachmentRole::PowerOfAttorney,
        ];
        assert_eq!(
            document_error("/attachments/1/content_base64", &sent),
            "/attachments/power_of_attorney"
        );
        assert_eq!(
            document_error("/attachments/7/media_type", &sent),
            "/attachments/7/media_type"
        );
        assert_eq!(document_error("/requester/nik", &sent), "/requester/nik");
    }

    #[test]
    fn publishing_is_sent_only_when_asked_and_on_until_unticked() {
        let mut d = complete();
        assert!(d.publish, "a new draft allows publishing");
        assert!(
            !d.submission().publish,
            "a backend without a register is sent no yes"
        );
        d.publish_asked = true;
        assert!(d.submission().publish, "asked and left ticked: allowed");
        d.publish = false;
        assert!(!d.submission().publish, "unticked: not allowed");
        // The choice is no question of its own: the information question holds it, and it never
        // stops the citizen.
        assert_eq!(d.first_incomplete(), Step::Check);
        assert!(check_request(&d.submission()).is_empty());
        // A cleared draft asks again, ticked; what the backend asks for is no answer.
        let cleared = d.cleared();
        assert!(cleared.publish_asked && cleared.publish);
        assert!(cleared.is_blank());
        let asked = RequestDraft {
            publish_asked: true,
            ..RequestDraft::default()
        };
        assert!(asked.is_blank());
        // Unticking is an answer: the draft is kept.
        assert!(!RequestDraft {
            publish: false,
            ..asked
        }
        .is_blank());
    }

    #[test]
    fn the_publish_choice_is_kept_with_the_draft() {
        for (asked, publish) in [(true, false), (true, true), (false, true)] {
            let d = RequestDraft {
                publish_asked: asked,
                publish,
                ..complete()
            };
            let saved = crate::json::to_string(&d);
            assert_eq!(crate::json::from_str::<RequestDraft>(&saved), Ok(d.clone()));
            assert_eq!(
                serde_json::to_string(&d).unwrap(),
                saved,
                "the same text as serde"
            );
        }
        // A draft saved before the question existed: ticked, not yet asked.
        let old: RequestDraft = crate::json::from_str(r#"{"information":"APBD"}"#).unwrap();
        assert!(old.publish && !old.publish_asked);
        let old: RequestDraft = serde_json::from_str(r#"{"information":"APBD"}"#).unwrap();
        assert!(old.publish && !old.publish_asked);
    }

    #[test]
    fn a_refused_body_reopens_with_its_publish_choice() {
        let mut d = complete();
        d.publish_asked = true;
        let yes = crate::json::to_string(&d.submission());
        let back = RequestDraft::from_submission_json(&yes).unwrap();
        assert!(back.publish_asked && back.publish);
        assert_eq!(back.submission(), d.submission());
        // No (or never asked): read as no, so nothing refused is published.
        d.publish = false;
        let no = crate::json::to_string(&d.submission());
        let mut back = RequestDraft::from_submission_json(&no).unwrap();
        assert!(!back.publish);
        back.publish_asked = true; // the backend asks again
        assert!(!back.submission().publish);
    }

    #[test]
    fn the_information_is_looked_up_by_what_is_asked_not_how() {
        let looked = |text: &str| {
            RequestDraft {
                information: text.into(),
                ..RequestDraft::default()
            }
            .lookup_words()
        };
        assert_eq!(looked("APBD 2026").as_deref(), Some("apbd 2026"));
        assert_eq!(
            looked("Saya mohon salinan dokumen APBD tahun 2026").as_deref(),
            Some("apbd 2026")
        );
        assert_eq!(
            looked("Dokumen APBD 2026 Kecamatan Sukamaju beserta lampirannya").as_deref(),
            Some("apbd 2026 kecamatan sukamaju"),
            "the first four words that say what"
        );
        assert_eq!(
            looked("  Anggaran—Desa  ").as_deref(),
            Some("anggaran desa")
        );
        // Under three letters or digits, or only a request's phrasing: nothing is looked up.
        for nothing in [
            "",
            "  ",
            "ab",
            "a b",
            "Saya mohon informasi tentang",
            "di-ke",
        ] {
            assert_eq!(looked(nothing), None, "{nothing:?}");
        }
        assert_eq!(looked("abc").as_deref(), Some("abc"));
    }

    #[test]
    fn looked_up_words_match_the_starts_of_words() {
        let title = "Anggaran Pendapatan dan Belanja Daerah (APBD) Kabupaten Sukamaju 2026";
        assert!(RequestDraft::words_match("apbd 2026", title));
        assert!(
            RequestDraft::words_match("apb 20 sukam", title),
            "a word being typed"
        );
        assert!(RequestDraft::words_match("belanja", "BELANJA—Daerah"));
        assert!(!RequestDraft::words_match("apbd 2025", title), "every word");
        assert!(!RequestDraft::words_match("daerahnya", title));
        assert!(
            !RequestDraft::words_match("ggaran", title),
            "the start of a word only"
        );
    }

    #[test]
    fn backend_errors_land_on_their_question() {
        assert_eq!(step_of_pointer("/requester/nik"), Step::Identity);
        assert_eq!(step_of_pointer("/requester/email"), Step::Contact);
        assert_eq!(step_of_pointer("/requester/kind"), Step::Kind);
        assert_eq!(step_of_pointer("/delivery_email"), Step::Delivery);
        assert_eq!(step_of_pointer("/unit_id"), Step::Information);
        assert_eq!(step_of_pointer(""), Step::Check);
    }
}
