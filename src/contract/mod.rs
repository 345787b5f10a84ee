//! Wire types of JSON contract v1 (`contract/openapi.yaml`). Serde only, no behaviour.
//!
//! Decoding is lenient where the contract allows growth: unknown fields are ignored,
//! unknown enum values land in an `Unknown` variant, optional fields default.
//! The portal reads and writes these types through `codec` instead of serde (smaller wasm).

mod codec;
pub mod url;

use serde::{Deserialize, Serialize};

/// Major version of the contract this client speaks; it is also the path prefix (`/v1`).
pub const MAJOR_VERSION: u32 = 1;
/// Full version of the contract document this code mirrors.
pub const CONTRACT_VERSION: &str = "1.6.0";

/// A calendar date, `YYYY-MM-DD`. Parsed into `domain::date::Date` where arithmetic is needed.
pub type DateString = String;
/// An instant, RFC 3339 with offset, for example `2026-11-23T09:15:00+07:00`.
pub type DateTimeString = String;

// ---------------------------------------------------------------- meta

/// `GET /v1/meta`: who the public body is and what this backend supports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub contract_version: String,
    pub public_body: PublicBody,
    #[serde(default)]
    pub office_hours: Vec<OfficeHours>,
    #[serde(default)]
    pub features: Vec<String>,
    pub service_standards: ServiceStandards,
    pub deadline_rules: DeadlineRules,
    /// The Komisi Informasi competent over this public body (since 1.3.0; absent: the portal names
    /// the provincial Komisi in general terms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub komisi_informasi: Option<KomisiInformasi>,
    /// The charter elements only the office can state (since 1.3.0); absent: not published.
    #[serde(default)]
    pub charter: Option<ServiceCharter>,
    /// A made-up number in the format this backend issues, for the status form's hint (since
    /// 1.3.0); absent: the hint shows no format.
    #[serde(default)]
    pub registration_number_example: Option<String>,
    /// The largest request body, in bytes, this deployment accepts end to end, web server and
    /// firewall included (since 1.4.0); the portal names it when a submission is refused as too
    /// large (413). Absent: the portal names no figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_body_bytes: Option<u32>,
}

/// The Komisi Informasi that hears disputes about this public body (Pasal 37): the one over the
/// body (KI Pusat, Provinsi or Kabupaten/Kota), not the one where the citizen lives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KomisiInformasi {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// Optional capabilities a backend may advertise in `Meta::features`.
pub mod feature {
    /// The catalogue endpoint honours `q` (server-side text search).
    pub const CATALOGUE_SEARCH: &str = "catalogue_search";
    /// Objections can be submitted and looked up.
    pub const OBJECTIONS: &str = "objections";
    /// `GET /v1/statistics` is served.
    pub const STATISTICS: &str = "statistics";
    /// Requests accept an identity document upload.
    pub const IDENTITY_DOCUMENT: &str = "identity_document";
    /// `POST /v1/surveys` takes one satisfaction answer per finished request (since 1.2.0).
    pub const SURVEY: &str = "survey";
    /// `GET /v1/register` and `GET /v1/register/{id}`: the published register of answered requests,
    /// and requests take the citizen's `publish` choice (since 1.6.0).
    pub const REGISTER: &str = "register";
}

/// The public body (badan publik) running this PPID.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicBody {
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    pub region: String,
    #[serde(default)]
    pub logo_url: Option<String>,
    pub address: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
}

/// Opening hours for a set of weekdays (1 = Monday ... 7 = Sunday), local time `HH:MM`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficeHours {
    pub weekdays: Vec<u8>,
    pub opens: String,
    pub closes: String,
}

/// Service standards in working days (UU 14/2008 Pasal 22, 36, 37; regional SOP).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceStandards {
    /// Written notice after receipt (Pasal 22(7)): 10.
    pub notice_days: u32,
    /// One extension of at most this many more days (Pasal 22(8)): 7.
    pub extension_days: u32,
    /// Objection filing window after the reason is found (Pasal 36(1)): 30.
    pub objection_filing_days: u32,
    /// Atasan PPID answers an objection within (Pasal 36(2)): 30.
    pub objection_answer_days: u32,
    /// Dispute filing at the Komisi Informasi after the answer (Pasal 37(2)): 14.
    pub dispute_filing_days: u32,
    /// A faster internal target from a regional SOP, e.g. verification within 3 days.
    #[serde(default)]
    pub verification_days: Option<u32>,
}

/// How this backend counts working days: the points the law leaves open (docs/legal-basis.md
/// section 12, "Working days, calendars and the office's time zone").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeadlineRules {
    /// IANA time zone of the office, e.g. `Asia/Jakarta`.
    pub time_zone: String,
    /// Whether cuti bersama days are non-working days for deadlines.
    pub cuti_bersama_is_non_working: bool,
    /// Sent by 1.0-1.2 backends. Since 1.3.0 the atasan's silence always opens the dispute route
    /// once the answer is overdue, whatever this says: the field is read and ignored.
    #[serde(default = "yes")]
    pub unanswered_objection_opens_dispute: bool,
    /// Which day is day zero of a request or an objection (since 1.3.0; absent: the law's rule).
    #[serde(default)]
    pub day_zero: DayZeroRule,
}

/// The rule that makes a receipt's day zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayZeroRule {
    /// The office-local date of receipt, whatever the hour (UU 11/2008 Pasal 8(2)).
    #[default]
    DayOfReceipt,
    /// The office's own rule: after closing time or on a non-working day, the next working day.
    /// Receipts then also carry `counts_from_by_law`.
    OfficeHours,
    #[serde(other)]
    Unknown,
}

fn yes() -> bool {
    true
}

/// The two elements of the service charter (maklumat pelayanan, PerKI 1/2021 Pasal 47(2)) that
/// only the office can state; the other four (legal basis, procedure, time limits, fees) follow
/// from the law and `ServiceStandards`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceCharter {
    /// Jaminan pelayanan: what the office guarantees and what a citizen can do when it fails.
    #[serde(default)]
    pub service_guarantee: Option<CharterElement>,
    /// Evaluasi kinerja pelaksana: how and how often the service is evaluated, or its latest result.
    #[serde(default)]
    pub performance_evaluation: Option<CharterElement>,
}

/// One charter element: the office's own words, a link to its document, or both.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CharterElement {
    /// Plain text; `\n` is the only formatting.
    #[serde(default)]
    pub text: Option<String>,
    /// An `http(s)` link to the signed document or the published evaluation.
    #[serde(default)]
    pub url: Option<String>,
}

// ---------------------------------------------------------------- calendar

/// `GET /v1/calendar/{year}`: the non-working days of one year besides weekends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calendar {
    pub year: i32,
    pub days: Vec<CalendarDay>,
    /// The decrees this calendar comes from.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One holiday or cuti bersama day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarDay {
    pub date: DateString,
    pub kind: DayKind,
    pub name: String,
    /// The decree that set this day.
    #[serde(default)]
    pub decree: Option<String>,
}

/// Why a weekday is not a working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// Hari libur nasional.
    Holiday,
    /// Cuti bersama.
    CutiBersama,
    /// The regency's own closure (a regional holiday such as Hari Jadi): it stops the office's
    /// clocks only, never the Komisi Informasi's, which counts national days.
    Closure,
}

// ---------------------------------------------------------------- units

/// `GET /v1/units`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitList {
    pub units: Vec<Unit>,
}

/// A unit (OPD / PPID pelaksana) that holds information.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub official: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

// ---------------------------------------------------------------- catalogue

/// The four classes of public information (UU 14/2008 Pasal 9, 10, 11, 17).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InformationClass {
    Berkala,
    SertaMerta,
    SetiapSaat,
    Dikecualikan,
}

impl InformationClass {
    /// All classes in the order the law lists them.
    pub const ALL: [InformationClass; 4] = [
        Self::Berkala,
        Self::SertaMerta,
        Self::SetiapSaat,
        Self::Dikecualikan,
    ];

    /// The wire name, also used in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Berkala => "berkala",
            Self::SertaMerta => "serta_merta",
            Self::SetiapSaat => "setiap_saat",
            Self::Dikecualikan => "dikecualikan",
        }
    }

    /// Parses the wire name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Query of `GET /v1/catalogue`; every field optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogueQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<InformationClass>,
    /// Text search; honoured only when the backend has the `catalogue_search` feature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<CatalogueSort>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

/// Sort order of the catalogue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CatalogueSort {
    /// Most recently updated first (default).
    #[default]
    Newest,
    /// By title, A to Z.
    Title,
}

/// `GET /v1/catalogue`: one page of results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CataloguePage {
    pub items: Vec<CatalogueSummary>,
    /// Number of items matching the query, over all pages.
    pub total: u32,
    pub page: u32,
    pub per_page: u32,
    /// Items per class over the whole catalogue (ignores every filter).
    pub class_counts: ClassCounts,
}

/// Item count per information class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClassCounts {
    pub berkala: u32,
    pub serta_merta: u32,
    pub setiap_saat: u32,
    pub dikecualikan: u32,
}

impl ClassCounts {
    /// The count for one class.
    pub fn get(&self, class: InformationClass) -> u32 {
        match class {
            InformationClass::Berkala => self.berkala,
            InformationClass::SertaMerta => self.serta_merta,
            InformationClass::SetiapSaat => self.setiap_saat,
            InformationClass::Dikecualikan => self.dikecualikan,
        }
    }
}

/// A catalogue entry as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueSummary {
    pub id: String,
    pub class: InformationClass,
    pub title: String,
    pub summary: String,
    pub unit_id: String,
    pub year: i32,
    #[serde(default)]
    pub formats: Vec<String>,
    pub updated_on: DateString,
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// `GET /v1/catalogue/{id}`: one DIP row in full.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueItem {
    pub id: String,
    pub class: InformationClass,
    /// The DIP row number as the public body numbers it.
    #[serde(default)]
    pub dip_number: Option<String>,
    pub title: String,
    /// Ringkasan isi informasi.
    pub summary: String,
    pub unit_id: String,
    /// Pejabat/unit penguasa informasi.
    #[serde(default)]
    pub holding_official: Option<String>,
    /// Penanggung jawab pembuatan/penerbitan.
    #[serde(default)]
    pub responsible: Option<String>,
    /// Waktu pembuatan (free text: a date, a period or a year).
    #[serde(default)]
    pub made_when: Option<String>,
    /// Tempat pembuatan.
    #[serde(default)]
    pub made_where: Option<String>,
    /// Bentuk informasi: softcopy and/or hardcopy.
    #[serde(default)]
    pub forms: Vec<InformationForm>,
    #[serde(default)]
    pub formats: Vec<String>,
    /// Jangka waktu penyimpanan.
    #[serde(default)]
    pub retention: Option<String>,
    pub year: i32,
    pub updated_on: DateString,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub files: Vec<CatalogueFile>,
    /// Present exactly when `class` is `dikecualikan`.
    #[serde(default)]
    pub exemption: Option<Exemption>,
}

/// Available form of the information.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InformationForm {
    Softcopy,
    Hardcopy,
    #[serde(other)]
    Unknown,
}

/// A downloadable file of a catalogue item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueFile {
    pub name: String,
    pub media_type: String,
    pub size_bytes: u64,
    pub url: String,
}

/// Why an excepted item is withheld (Pasal 17, consequence test).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Exemption {
    /// Pasal 17 letter, `a` to `j`.
    pub pasal17: String,
    pub consequence_test: String,
    /// The exemption period as decided, e.g. "5 tahun".
    pub period: String,
    /// When the exemption ends; absent when it does not expire.
    #[serde(default)]
    pub ends_on: Option<DateString>,
}

// ---------------------------------------------------------------- announcements

/// `GET /v1/announcements`: active serta-merta announcements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnnouncementList {
    pub announcements: Vec<Announcement>,
}

/// One serta-merta announcement (Pasal 10).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Announcement {
    pub id: String,
    pub title: String,
    /// What the danger is.
    pub hazard: String,
    /// Who and where is affected.
    pub affected: String,
    /// What to do: evacuation, where to get help.
    pub instructions: String,
    pub source: String,
    pub issued_at: DateTimeString,
    #[serde(default)]
    pub expires_at: Option<DateTimeString>,
}

// ---------------------------------------------------------------- requests

/// Who is asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequesterKind {
    Individual,
    LegalEntity,
    /// A group of people (kelompok orang) acting through one member holding its mandate (since 1.3.0).
    Group,
    Proxy,
}

impl RequesterKind {
    /// Every kind, in the order the forms offer them (the newest last, so that a backend that does
    /// not take it is offered the ones before it).
    pub const ALL: [RequesterKind; 4] = [
        RequesterKind::Individual,
        RequesterKind::LegalEntity,
        RequesterKind::Proxy,
        RequesterKind::Group,
    ];
}

/// The requester's identity as given on the form (also used for objections).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Requester {
    pub kind: Option<RequesterKind>,
    /// The person's or legal entity's name; for a group, the mandated member's own name.
    pub name: String,
    /// For groups: the group's name (since 1.3.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// 16-digit NIK: individuals, a group's mandated member, and proxies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nik: Option<String>,
    /// Ministry of Law ratification decree number, legal entities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decree_number: Option<String>,
    /// For proxies: the name of the person or entity represented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_name: Option<String>,
    pub address: String,
    /// E.164, `+62...`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// An uploaded document (identity card, deed, power of attorney).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    pub role: AttachmentRole,
    pub file_name: String,
    pub media_type: String,
    /// Base64 of the file, at most 5 MB before encoding.
    pub content_base64: String,
}

/// What an attachment proves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentRole {
    IdentityCard,
    Deed,
    PowerOfAttorney,
    /// A group's letter mandating the member who acts for it; always optional (since 1.3.0).
    Mandate,
}

/// How the citizen wants to obtain the information.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObtainMethod {
    /// See, read, listen or take notes.
    View,
    SoftCopy,
    HardCopy,
}

/// How a copy is delivered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    Collect,
    Post,
    Courier,
    Email,
}

/// Where the request came in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    #[default]
    Web,
    Embed,
    Kiosk,
}

/// `POST /v1/requests` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestSubmission {
    pub requester: Requester,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// Rincian informasi yang dibutuhkan.
    pub information: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue_item_id: Option<String>,
    /// Tujuan penggunaan informasi: required by this form (SLIP), the requester's right to state
    /// (UU 14/2008 Pasal 4(3)), never a ground for refusal.
    pub purpose: String,
    pub obtain: Vec<ObtainMethod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Delivery>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_email: Option<String>,
    #[serde(default)]
    pub channel: Channel,
    /// An officer filled in the form for the requester.
    #[serde(default)]
    pub assisted: bool,
    /// Who that officer was (name or NIP, at most 100 characters), when the portal knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assisted_by: Option<String>,
    /// The requester allows the office to publish the request and its answer in the register,
    /// without their name or any other personal data (since 1.6.0). Absent means not allowed.
    #[serde(default)]
    pub publish: bool,
}

/// `201` answer to `POST /v1/requests`: the proof of receipt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestReceipt {
    /// Nomor registrasi.
    pub number: String,
    pub received_at: DateTimeString,
    /// Day zero for deadlines, as this backend's rules decide.
    pub counts_from: DateString,
    /// Day zero by the law (the date of receipt), sent when the office's own rule gave another
    /// `counts_from` (since 1.3.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts_from_by_law: Option<DateString>,
    /// The receipt's own key to the status (since 1.4.0): unguessable, URL-safe, carried by the
    /// receipt's status link and QR code so that the link opens the status without a verifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
}

/// `POST /v1/request-access` and `POST /v1/objection-access` body (since 1.4.0): the number and
/// the access token its receipt gave, in place of a verifier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccessLookup {
    pub number: String,
    pub access_token: String,
}

/// `POST /v1/request-lookups` and `POST /v1/objection-lookups` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lookup {
    pub number: String,
    /// The requester's e-mail, or the last four digits of their phone.
    pub verifier: String,
}

/// Where a request stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestStatus {
    pub number: String,
    pub received_at: DateTimeString,
    pub counts_from: DateString,
    /// As in [`RequestReceipt`] (since 1.3.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts_from_by_law: Option<DateString>,
    pub information: String,
    /// The purpose of use as the requester stated it, so an objection can repeat it (since 1.3.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default)]
    pub unit_id: Option<String>,
    pub events: Vec<RequestEvent>,
    #[serde(default)]
    pub objections: Vec<String>,
    /// The officer who filled in the request for the requester, if one did and the backend keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assisted_by: Option<String>,
    /// The requester has answered the satisfaction survey (since 1.2.0; absent means not).
    #[serde(default)]
    pub survey_answered: bool,
    /// The requester's choice about publishing, as the backend stored it (since 1.6.0); absent
    /// when the backend has no register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish: Option<bool>,
    /// The register entry this request became, once published (since 1.6.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register_id: Option<String>,
}

impl RequestStatus {
    /// The PPID has given its written notice: the request is finished and may be surveyed.
    pub fn is_finished(&self) -> bool {
        self.events.iter().any(|e| e.kind == EventKind::Notice)
    }
}

/// `POST /v1/surveys` body: how satisfied the requester is with a finished request (since 1.2.0).
/// The number and verifier prove it is theirs, as in a lookup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveySubmission {
    pub number: String,
    /// As in a lookup; empty when `access_token` proves ownership instead.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub verifier: String,
    /// The receipt's access token, in place of the verifier (since 1.4.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    /// 1 (very dissatisfied) to 5 (very satisfied).
    pub rating: u8,
    /// At most [`MAX_SURVEY_COMMENT`] characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// The longest survey comment, in characters.
pub const MAX_SURVEY_COMMENT: usize = 1000;

/// `201` answer to `POST /v1/surveys`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyReceipt {
    pub received_at: DateTimeString,
}

/// One step in a request's life.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestEvent {
    pub at: DateTimeString,
    pub kind: EventKind,
    /// Free text from the officer.
    #[serde(default)]
    pub note: Option<String>,
    /// `forwarded_unit`: the unit now handling it.
    #[serde(default)]
    pub unit_id: Option<String>,
    /// `forwarded_body`: the other public body that holds the information.
    #[serde(default)]
    pub body_name: Option<String>,
    /// `extended`: the written reasons.
    #[serde(default)]
    pub reason: Option<String>,
    /// `notice`: the decision.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// `notice` with outcome `refused` or `partly_fulfilled`: Pasal 17 letter.
    #[serde(default)]
    pub pasal17: Option<String>,
    #[serde(default)]
    pub documents: Vec<CatalogueFile>,
    /// The date the requester received what this event sent (a posted notice, the information,
    /// a bill), when the office knows it (since 1.3.0). Windows count from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_on: Option<DateString>,
    /// `notice`: the date by which the information will be provided (waktu penyediaan), when
    /// it is not given with the notice (since 1.3.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provide_by: Option<DateString>,
}

/// Kinds of request events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Received,
    Verified,
    ForwardedUnit,
    ForwardedBody,
    Extended,
    Notice,
    /// The information was delivered (or made available), after or with the notice (since 1.3.0).
    Delivered,
    /// The requester was billed the cost of copying or delivery (since 1.3.0).
    Billed,
    #[serde(other)]
    Unknown,
}

/// The decision in a written notice (Pasal 22(7), Pasal 6(3)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Fulfilled,
    PartlyFulfilled,
    Refused,
    NotHeld,
    NotYetDocumented,
    Forwarded,
    #[serde(other)]
    Unknown,
}

impl Outcome {
    /// The outcomes a notice can have, in the order the law lists them.
    pub const ALL: [Outcome; 6] = [
        Self::Fulfilled,
        Self::PartlyFulfilled,
        Self::Refused,
        Self::NotHeld,
        Self::NotYetDocumented,
        Self::Forwarded,
    ];

    /// The wire name, also used in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Fulfilled => "fulfilled",
            Self::PartlyFulfilled => "partly_fulfilled",
            Self::Refused => "refused",
            Self::NotHeld => "not_held",
            Self::NotYetDocumented => "not_yet_documented",
            Self::Forwarded => "forwarded",
            Self::Unknown => "unknown",
        }
    }

    /// Parses a known wire name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

// ---------------------------------------------------------------- objections

/// `POST /v1/objections` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObjectionSubmission {
    /// The request objected to; empty (absent on the wire) for reason `b` alone, which needs no
    /// request (since 1.3.0).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub request_number: String,
    /// Same verifier as a request lookup: proves the objector may see the request. Empty without
    /// a request number.
    #[serde(default)]
    pub verifier: String,
    pub objector: Requester,
    /// Pasal 35(1) letters `a` to `g`.
    pub reasons: Vec<String>,
    /// Kasus posisi.
    pub case_summary: String,
    /// Tujuan penggunaan informasi, as on the request.
    pub purpose: String,
    /// Reason `b` without a request: the catalogue item the periodic information belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue_item_id: Option<String>,
    /// The dates the objector says they received the request's events (a notice, the information,
    /// a bill), when later than they were sent (since 1.3.0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub received_dates: Vec<ReceivedDate>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// The officer who filled in the objection for the objector (name or NIP, at most 100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assisted_by: Option<String>,
}

/// When the citizen received one event of their request (Pasal 36(1) counts from then).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedDate {
    /// Index into the request status's `events`.
    pub event: u32,
    pub on: DateString,
}

/// `201` answer to `POST /v1/objections`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObjectionReceipt {
    pub number: String,
    /// Empty (absent) for an objection without a request.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub request_number: String,
    pub received_at: DateTimeString,
    pub counts_from: DateString,
    /// What the backend noticed about each reason's timing (since 1.3.0). The objection is
    /// registered all the same: admissibility is for the atasan PPID and the Komisi Informasi.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<ObjectionWarning>,
    /// As in [`RequestReceipt`]: opens the objection's status without a verifier (since 1.4.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
}

/// A reason that looks early or late, or whose ground the record does not show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObjectionWarning {
    /// The Pasal 35(1) letter.
    pub reason: String,
    /// See [`warning_code`].
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<WarningWindow>,
}

/// The filing window a warning was judged against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningWindow {
    /// The first day the reason could be filed, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens: Option<DateString>,
    /// Day zero of the window: the date the reason was found (received, or the deadline passed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts_from: Option<DateString>,
    /// The last day of the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_day: Option<DateString>,
}

/// Values of `ObjectionWarning::code`.
pub mod warning_code {
    /// The event the reason arises from has not happened by the record (no notice yet, the due
    /// date has not passed).
    pub const LOOKS_EARLY: &str = "looks_early";
    /// The filing window ended before the objection was received.
    pub const LOOKS_LATE: &str = "looks_late";
    /// The record shows the contrary (the notice or the information came in time).
    pub const NOT_IN_RECORD: &str = "not_in_record";
}

/// `POST /v1/objection-lookups` answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObjectionStatus {
    pub number: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub request_number: String,
    pub received_at: DateTimeString,
    pub counts_from: DateString,
    pub reasons: Vec<String>,
    pub case_summary: String,
    #[serde(default)]
    pub answer: Option<ObjectionAnswer>,
    /// The officer who filled in the objection for the objector, if one did and the backend keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assisted_by: Option<String>,
    /// The warnings given with the receipt (since 1.3.0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<ObjectionWarning>,
}

/// The atasan PPID's written answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ObjectionAnswer {
    pub at: DateTimeString,
    /// The date the objector received the answer, when the office knows it (since 1.3.0); the
    /// dispute window counts from it (Pasal 37(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_on: Option<DateString>,
    pub upheld: bool,
    pub summary: String,
    #[serde(default)]
    pub documents: Vec<CatalogueFile>,
}

// ---------------------------------------------------------------- register (since 1.6.0)

/// Query of `GET /v1/register`; every field optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterQuery {
    /// Text search over the published information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// The year the request was received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<RegisterSort>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
}

/// Order of the register.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegisterSort {
    /// Most recently received first (default).
    #[default]
    Newest,
    /// Earliest received first.
    Oldest,
}

/// `GET /v1/register`: one page of published requests, and the record of every entry the
/// filters match.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegisterPage {
    pub entries: Vec<RegisterSummary>,
    /// Entries matching the query, over all pages.
    pub total: u32,
    pub page: u32,
    pub per_page: u32,
    /// Figures over every entry matching the query (all pages, not only this one).
    pub record: RegisterRecord,
}

/// How the published requests that match a query were answered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisterRecord {
    /// Entries counted (every one has a written notice).
    pub answered: u32,
    /// Notices given within the deadline (10 working days, 17 after a notified extension).
    pub on_time: u32,
    pub late: u32,
    pub fulfilled: u32,
    pub partly_fulfilled: u32,
    pub refused: u32,
    pub not_held: u32,
    pub not_yet_documented: u32,
    pub forwarded: u32,
    /// Refusals and partial refusals by Pasal 17 letter, e.g. `{"a": 2, "h": 1}`.
    #[serde(default)]
    pub refused_by_pasal17: std::collections::BTreeMap<String, u32>,
    /// Entries an objection followed.
    pub objections: u32,
    /// Entries a dispute at the Komisi Informasi followed.
    pub disputes: u32,
}

/// A register entry as listed. Never the requester's identity: the office publishes only what
/// was asked and how it was answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegisterSummary {
    /// The entry's public id (not the request's registration number).
    pub id: String,
    /// The information requested, as the office published it (personal data removed).
    pub information: String,
    pub unit_id: String,
    /// The date the request was received.
    pub received_on: DateString,
    /// The date of the written notice.
    pub notice_on: DateString,
    pub outcome: Outcome,
    /// The Pasal 17 letter of a refusal or partial refusal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pasal17: Option<String>,
    /// The notice came after its deadline.
    pub late: bool,
    /// How many documents were released.
    #[serde(default)]
    pub documents: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objection: Option<FollowUp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<FollowUp>,
}

/// `GET /v1/register/{id}`: one published request in full.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegisterEntry {
    pub id: String,
    /// The information requested, as the office published it (personal data removed).
    pub information: String,
    pub unit_id: String,
    pub received_on: DateString,
    pub notice_on: DateString,
    /// The deadline the notice was held to, by the backend's calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_on: Option<DateString>,
    /// An extension was notified (Pasal 22(8)).
    #[serde(default)]
    pub extended: bool,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pasal17: Option<String>,
    pub late: bool,
    /// The notice's decision in the office's published words (a refusal's reasons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_summary: Option<String>,
    /// The documents released, as published.
    #[serde(default)]
    pub documents: Vec<CatalogueFile>,
    /// What happened, oldest first.
    #[serde(default)]
    pub timeline: Vec<RegisterEvent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objection: Option<FollowUp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<FollowUp>,
    /// The catalogue item the released information now belongs to, if the office added it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue_item_id: Option<String>,
}

/// One dated step of a published request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegisterEvent {
    pub on: DateString,
    pub kind: RegisterEventKind,
}

/// Kinds of steps in a register entry's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegisterEventKind {
    Received,
    ForwardedUnit,
    Extended,
    Notice,
    Delivered,
    ObjectionFiled,
    ObjectionAnswered,
    DisputeFiled,
    DisputeDecided,
    #[serde(other)]
    Unknown,
}

/// An objection to the atasan PPID or a dispute at the Komisi Informasi that followed an entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    pub filed_on: DateString,
    pub result: FollowUpResult,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_on: Option<DateString>,
}

/// How an objection or a dispute ended, from the citizen's side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpResult {
    /// Not decided yet.
    Pending,
    /// The citizen's objection or claim was granted.
    Granted,
    PartlyGranted,
    /// The PPID's decision was upheld.
    Rejected,
    /// Settled by agreement (musyawarah, mediation).
    Settled,
    Withdrawn,
    #[serde(other)]
    Unknown,
}

// ---------------------------------------------------------------- statistics

/// `GET /v1/statistics`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statistics {
    pub years: Vec<YearStatistics>,
}

/// Service figures for one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearStatistics {
    pub year: i32,
    pub totals: ServiceFigures,
    #[serde(default)]
    pub by_unit: Vec<UnitStatistics>,
}

/// Service figures for one unit in one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitStatistics {
    pub unit_id: String,
    pub figures: ServiceFigures,
}

/// Counts of requests by outcome and the speed of notices.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceFigures {
    pub received: u32,
    pub fulfilled: u32,
    pub partly_fulfilled: u32,
    pub refused: u32,
    /// Refusals by Pasal 17 letter, e.g. `{"a": 2, "h": 1}`.
    #[serde(default)]
    pub refused_by_pasal17: std::collections::BTreeMap<String, u32>,
    pub not_held: u32,
    pub objections: u32,
    /// Median working days from receipt to written notice; absent without notices.
    #[serde(default)]
    pub median_days_to_notice: Option<f32>,
}

// ---------------------------------------------------------------- errors

/// `application/problem+json` (RFC 9457) with this contract's extensions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(default = "about_blank", rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Machine-readable reason, see `problem_code`.
    #[serde(default)]
    pub code: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Seconds to wait, for `rate_limited` (mirrors the Retry-After header).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u32>,
}

fn about_blank() -> String {
    "about:blank".into()
}

/// Values of `Problem::code`.
pub mod problem_code {
    pub const VALIDATION: &str = "validation";
    pub const NOT_FOUND: &str = "not_found";
    pub const CALENDAR_YEAR_MISSING: &str = "calendar_year_missing";
    pub const IDEMPOTENCY_KEY_MISSING: &str = "idempotency_key_missing";
    pub const IDEMPOTENCY_CONFLICT: &str = "idempotency_conflict";
    pub const RATE_LIMITED: &str = "rate_limited";
    pub const FEATURE_UNSUPPORTED: &str = "feature_unsupported";
    pub const METHOD_NOT_ALLOWED: &str = "method_not_allowed";
    /// `409`: the survey of this request was answered already, or the request is not finished.
    pub const SURVEY_CLOSED: &str = "survey_closed";
    /// `413`: the body is larger than the backend takes (at least 24 MB; since 1.4.0).
    pub const PAYLOAD_TOO_LARGE: &str = "payload_too_large";
    pub const INTERNAL: &str = "internal";
}

/// One invalid field: a JSON Pointer into the submitted body and a reason code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldError {
    /// JSON Pointer (RFC 6901), e.g. `/requester/nik`.
    pub pointer: String,
    /// Reason code, see `field_code`; the client words the message itself.
    pub code: String,
    /// Human text from the backend, shown only when the client does not know the code.
    #[serde(default)]
    pub message: Option<String>,
}

/// The longest officer's name or NIP in `assisted_by` (characters).
pub const MAX_ASSISTED_BY: usize = 100;

impl FieldError {
    /// An error at `pointer` with a `field_code`, worded by the client.
    pub fn new(pointer: impl Into<String>, code: &str) -> FieldError {
        FieldError {
            pointer: pointer.into(),
            code: code.into(),
            message: None,
        }
    }
}

/// Values of `FieldError::code`.
pub mod field_code {
    pub const REQUIRED: &str = "required";
    pub const TOO_LONG: &str = "too_long";
    pub const INVALID_FORMAT: &str = "invalid_format";
    pub const NIK_INVALID: &str = "nik_invalid";
    pub const UNKNOWN_VALUE: &str = "unknown_value";
    pub const CONTACT_REQUIRED: &str = "contact_required";
    /// Sent by 1.0-1.2 backends only: since 1.3.0 an objection is never refused for its timing.
    pub const NOT_ELIGIBLE: &str = "not_eligible";
    /// A number outside its range (a survey rating that is not 1 to 5).
    pub const OUT_OF_RANGE: &str = "out_of_range";
    /// Sent by 1.0-1.2 backends only (see `NOT_ELIGIBLE`).
    pub const TOO_LATE: &str = "too_late";
    /// A date that cannot be: a date of receipt before the event was sent, or in the future.
    pub const IMPOSSIBLE_DATE: &str = "impossible_date";
}
