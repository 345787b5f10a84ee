//! The wire types through the portal's own JSON codec (`crate::json`), so the browser bundle
//! needs no serde. Each line mirrors the serde attribute on the field; `tests/json_codec.rs`
//! checks that both decode every example the same way.
//!
//! Types the portal sends or stores also encode (`decode encode`); the rest only decode.

use super::*;
use crate::json::{json_enum, json_struct};

json_struct!(decode Meta {
    contract_version: req,
    public_body: req,
    office_hours: default,
    features: default,
    service_standards: req,
    deadline_rules: req,
    komisi_informasi: default,
    charter: default,
    registration_number_example: default,
    max_body_bytes: default,
});

json_struct!(decode KomisiInformasi {
    name: req,
    address: default,
    phone: default,
    email: default,
    website: default,
});

json_struct!(decode ServiceCharter {
    service_guarantee: default,
    performance_evaluation: default,
});

json_struct!(decode CharterElement {
    text: default,
    url: default,
});

json_struct!(decode PublicBody {
    name: req,
    short_name: default,
    region: req,
    logo_url: default,
    address: req,
    phone: default,
    email: default,
    website: default,
});

json_struct!(decode OfficeHours {
    weekdays: req,
    opens: req,
    closes: req,
});

json_struct!(decode ServiceStandards {
    notice_days: req,
    extension_days: req,
    objection_filing_days: req,
    objection_answer_days: req,
    dispute_filing_days: req,
    verification_days: default,
});

json_struct!(decode DeadlineRules {
    time_zone: req,
    cuti_bersama_is_non_working: req,
    unanswered_objection_opens_dispute: or(yes),
    day_zero: default,
});

json_enum!(DayZeroRule {
    DayOfReceipt = "day_of_receipt",
    OfficeHours = "office_hours",
} other Unknown = "unknown");

json_struct!(decode Calendar {
    year: req,
    days: req,
    sources: default,
});

json_struct!(decode CalendarDay {
    date: req,
    kind: req,
    name: req,
    decree: default,
});

json_enum!(DayKind {
    Holiday = "holiday",
    CutiBersama = "cuti_bersama",
    Closure = "closure",
});

json_struct!(decode UnitList { units: req });

json_struct!(decode Unit {
    id: req,
    name: req,
    short_name: default,
    official: default,
    address: default,
    phone: default,
    email: default,
});

json_enum!(InformationClass {
    Berkala = "berkala",
    SertaMerta = "serta_merta",
    SetiapSaat = "setiap_saat",
    Dikecualikan = "dikecualikan",
});

json_struct!(decode CatalogueQuery {
    class: skip_none,
    q: skip_none,
    unit: skip_none,
    year: skip_none,
    format: skip_none,
    sort: skip_none,
    page: skip_none,
    per_page: skip_none,
});

json_enum!(CatalogueSort {
    Newest = "newest",
    Title = "title",
});

json_struct!(decode CataloguePage {
    items: req,
    total: req,
    page: req,
    per_page: req,
    class_counts: req,
});

json_struct!(decode ClassCounts {
    berkala: req,
    serta_merta: req,
    setiap_saat: req,
    dikecualikan: req,
});

json_struct!(decode CatalogueSummary {
    id: req,
    class: req,
    title: req,
    summary: req,
    unit_id: req,
    year: req,
    formats: default,
    updated_on: req,
    keywords: default,
});

json_struct!(decode CatalogueItem {
    id: req,
    class: req,
    dip_number: default,
    title: req,
    summary: req,
    unit_id: req,
    holding_official: default,
    responsible: default,
    made_when: default,
    made_where: default,
    forms: default,
    formats: default,
    retention: default,
    year: req,
    updated_on: req,
    keywords: default,
    files: default,
    exemption: default,
});

json_enum!(InformationForm {
    Softcopy = "softcopy",
    Hardcopy = "hardcopy",
} other Unknown = "unknown");

json_struct!(decode CatalogueFile {
    name: req,
    media_type: req,
    size_bytes: req,
    url: req,
});

json_struct!(decode Exemption {
    pasal17: req,
    consequence_test: req,
    period: req,
    ends_on: default,
});

json_struct!(decode AnnouncementList { announcements: req });

json_struct!(decode Announcement {
    id: req,
    title: req,
    hazard: req,
    affected: req,
    instructions: req,
    source: req,
    issued_at: req,
    expires_at: default,
});

json_enum!(RequesterKind {
    Individual = "individual",
    LegalEntity = "legal_entity",
    Group = "group",
    Proxy = "proxy",
});

json_struct!(decode encode Requester {
    kind: req,
    name: req,
    group_name: skip_none,
    nik: skip_none,
    decree_number: skip_none,
    principal_name: skip_none,
    address: req,
    phone: skip_none,
    email: skip_none,
});

json_struct!(decode encode Attachment {
    role: req,
    file_name: req,
    media_type: req,
    content_base64: req,
});

json_enum!(AttachmentRole {
    IdentityCard = "identity_card",
    Deed = "deed",
    PowerOfAttorney = "power_of_attorney",
    Mandate = "mandate",
});

json_enum!(ObtainMethod {
    View = "view",
    SoftCopy = "soft_copy",
    HardCopy = "hard_copy",
});

json_enum!(Delivery {
    Collect = "collect",
    Post = "post",
    Courier = "courier",
    Email = "email",
});

json_enum!(Channel {
    Web = "web",
    Embed = "embed",
    Kiosk = "kiosk",
});

json_struct!(decode encode RequestSubmission {
    requester: req,
    attachments: default,
    information: req,
    unit_id: skip_none,
    catalogue_item_id: skip_none,
    purpose: req,
    obtain: req,
    delivery: skip_none,
    delivery_address: skip_none,
    delivery_email: skip_none,
    channel: default,
    assisted: default,
    assisted_by: skip_none,
    publish: default,
});

json_struct!(decode encode RequestReceipt {
    number: req,
    received_at: req,
    counts_from: req,
    counts_from_by_law: skip_none,
    access_token: skip_none,
});

json_struct!(decode encode AccessLookup {
    number: req,
    access_token: req,
});

json_struct!(decode encode Lookup {
    number: req,
    verifier: req,
});

json_struct!(decode RequestStatus {
    number: req,
    received_at: req,
    counts_from: req,
    counts_from_by_law: default,
    information: req,
    purpose: default,
    unit_id: default,
    events: req,
    objections: default,
    assisted_by: default,
    survey_answered: default,
    publish: default,
    register_id: default,
});

json_struct!(decode encode SurveySubmission {
    number: req,
    verifier: skip_empty,
    access_token: skip_none,
    rating: req,
    comment: skip_none,
});

json_struct!(decode SurveyReceipt { received_at: req });

json_struct!(decode RequestEvent {
    at: req,
    kind: req,
    note: default,
    unit_id: default,
    body_name: default,
    reason: default,
    outcome: default,
    pasal17: default,
    documents: default,
    received_on: default,
    provide_by: default,
});

json_enum!(EventKind {
    Received = "received",
    Verified = "verified",
    ForwardedUnit = "forwarded_unit",
    ForwardedBody = "forwarded_body",
    Extended = "extended",
    Notice = "notice",
    Delivered = "delivered",
    Billed = "billed",
} other Unknown = "unknown");

json_enum!(Outcome {
    Fulfilled = "fulfilled",
    PartlyFulfilled = "partly_fulfilled",
    Refused = "refused",
    NotHeld = "not_held",
    NotYetDocumented = "not_yet_documented",
    Forwarded = "forwarded",
} other Unknown = "unknown");

json_struct!(decode encode ObjectionSubmission {
    request_number: skip_empty,
    verifier: default,
    objector: req,
    reasons: req,
    case_summary: req,
    purpose: req,
    catalogue_item_id: skip_none,
    received_dates: skip_empty,
    attachments: default,
    assisted_by: skip_none,
});

json_struct!(decode encode ReceivedDate {
    event: req,
    on: req,
});

json_struct!(decode ObjectionReceipt {
    number: req,
    request_number: default,
    received_at: req,
    counts_from: req,
    warnings: default,
    access_token: default,
});

json_struct!(decode ObjectionWarning {
    reason: req,
    code: req,
    window: default,
});

json_struct!(decode WarningWindow {
    opens: default,
    counts_from: default,
    last_day: default,
});

json_struct!(decode ObjectionStatus {
    number: req,
    request_number: default,
    received_at: req,
    counts_from: req,
    reasons: req,
    case_summary: req,
    answer: default,
    assisted_by: default,
    warnings: default,
});

json_struct!(decode ObjectionAnswer {
    at: req,
    received_on: default,
    upheld: req,
    summary: req,
    documents: default,
});

json_struct!(decode Statistics { years: req });

json_struct!(decode YearStatistics {
    year: req,
    totals: req,
    by_unit: default,
});

json_struct!(decode UnitStatistics {
    unit_id: req,
    figures: req,
});

json_struct!(decode ServiceFigures {
    received: req,
    fulfilled: req,
    partly_fulfilled: req,
    refused: req,
    refused_by_pasal17: default,
    not_held: req,
    objections: req,
    median_days_to_notice: default,
});

json_struct!(decode Problem {
    kind as "type": or(about_blank),
    title: default,
    status: default,
    detail: skip_none,
    code: default,
    errors: skip_empty,
    retry_after: skip_none,
});

json_struct!(decode encode FieldError {
    pointer: req,
    code: req,
    message: skip_none,
});

json_struct!(decode RegisterPage {
    entries: req,
    total: req,
    page: req,
    per_page: req,
    record: req,
});

json_struct!(decode RegisterRecord {
    answered: req,
    on_time: req,
    late: req,
    fulfilled: req,
    partly_fulfilled: req,
    refused: req,
    not_held: req,
    not_yet_documented: req,
    forwarded: req,
    refused_by_pasal17: default,
    objections: req,
    disputes: req,
});

json_struct!(decode RegisterSummary {
    id: req,
    information: req,
    unit_id: req,
    received_on: req,
    notice_on: req,
    outcome: req,
    pasal17: default,
    late: req,
    documents: default,
    objection: default,
    dispute: default,
});

json_struct!(decode RegisterEntry {
    id: req,
    information: req,
    unit_id: req,
    received_on: req,
    notice_on: req,
    due_on: default,
    extended: default,
    outcome: req,
    pasal17: default,
    late: req,
    notice_summary: default,
    documents: default,
    timeline: default,
    objection: default,
    dispute: default,
    catalogue_item_id: default,
});

json_struct!(decode RegisterEvent { on: req, kind: req });

json_enum!(RegisterEventKind {
    Received = "received",
    ForwardedUnit = "forwarded_unit",
    Extended = "extended",
    Notice = "notice",
    Delivered = "delivered",
    ObjectionFiled = "objection_filed",
    ObjectionAnswered = "objection_answered",
    DisputeFiled = "dispute_filed",
    DisputeDecided = "dispute_decided",
} other Unknown = "unknown");

json_struct!(decode FollowUp {
    filed_on: req,
    result: req,
    decided_on: default,
});

json_enum!(FollowUpResult {
    Pending = "pending",
    Granted = "granted",
    PartlyGranted = "partly_granted",
    Rejected = "rejected",
    Settled = "settled",
    Withdrawn = "withdrawn",
} other Unknown = "unknown");

// Sent in the URL only; decoded here so the contract's examples of the `sort` parameter are checked
// like every other (unused code, so the bundles do not carry it).
json_enum!(RegisterSort {
    Newest = "newest",
    Oldest = "oldest",
});
