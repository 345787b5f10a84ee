//! Every text the citizen reads, in Bahasa Indonesia (default) and English.
//!
//! One method per text on [`Texts`], one constant per text and language in `id.rs` and `en.rs`: a
//! missing translation is a compile error, and a bundle keeps only the texts its pages use. The
//! three files list the texts grouped by page, in the same order, under the same headings.

/// Declares the texts: for each, its type (`ty::name`) and a method on [`Texts`] that picks the
/// language's constant. A text missing from one language is a compile error.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident: $ty:ty,)*) => {
        #[allow(non_camel_case_types)]
        mod ty {
            use super::*;
            $(pub type $name = $ty;)*
        }
        impl Texts {
            $(
                $(#[$doc])*
                pub fn $name(&self) -> $ty {
                    match self.0 {
                        Lang::Id => id::$name,
                        Lang::En => en::$name,
                    }
                }
            )*
        }
    };
}

/// One language's texts, as constants named like the methods of [`Texts`].
macro_rules! language {
    ($($name:ident: $value:expr,)*) => {
        $(pub(super) const $name: super::ty::$name = $value;)*
    };
}

mod en;
mod id;

use crate::contract::{DayKind, Delivery, EventKind, InformationClass, Outcome, RequesterKind};
use crate::domain::date::{offset_text, Date, IndonesianZone, LocalTime, OfficeZone, ZoneLabel};
use crate::domain::deployment::ConfigProblem;
use crate::domain::objection::Reason;

/// The portal's languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Id,
    En,
}

impl Lang {
    /// BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
    /// From a stored tag; anything else is Indonesian.
    pub fn from_tag(tag: &str) -> Lang {
        if tag == "en" {
            Lang::En
        } else {
            Lang::Id
        }
    }
    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
    /// The texts in this language.
    pub fn t(self) -> &'static Texts {
        match self {
            Lang::Id => &Texts(Lang::Id),
            Lang::En => &Texts(Lang::En),
        }
    }
}

/// A size as people say it: whole megabytes (of 1,048,576 bytes, as phones show file sizes), or
/// whole kilobytes below one megabyte.
fn megabytes(bytes: u32) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} KB", (bytes >> 10).max(1))
    }
}

/// Plain-language description of an information class.
#[derive(Clone, Copy)]
pub struct ClassText {
    pub name: &'static str,
    pub what: &'static str,
}

/// An answer of the request form that is missing, for the sentence that asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Kind,
    Name,
    Nik,
    Decree,
    Principal,
    Address,
    /// Neither a phone number nor an e-mail address.
    Contact,
    Information,
    Purpose,
    Obtain,
    Delivery,
    DeliveryAddress,
    DeliveryEmail,
    IdentityCard,
    Deed,
    PowerOfAttorney,
    /// A part without a sentence of its own: "This part is required."
    Other,
}

/// The plain-language texts of the four classes of information, by [`InformationClass`].
#[derive(Clone, Copy)]
pub struct Classes {
    pub berkala: ClassText,
    pub serta_merta: ClassText,
    pub setiap_saat: ClassText,
    pub dikecualikan: ClassText,
}

/// Who is asking, by [`RequesterKind`]: label and hint of each answer.
#[derive(Clone, Copy)]
pub struct RequesterKinds {
    pub individual: (&'static str, &'static str),
    pub legal_entity: (&'static str, &'static str),
    /// A group of people, through the member it mandated.
    pub group: (&'static str, &'static str),
    pub proxy: (&'static str, &'static str),
}

/// All texts of the portal. Each text is read through its own method (`t.nav_home()`), so a
/// bundle carries only the texts it can show (in both languages): a struct of all of them
/// would put every text in every bundle.
///
/// A text is found by what it means, never by its place in a list. A set of answers to one
/// domain enum is a method taking the enum (`t.reason(Reason::C)`), backed in each language by
/// a `match` on it when each answer is one string, or by a struct with a field per answer when
/// it is several (a class's name and description, a kind of requester's label and hint): each
/// the smaller form in wasm. Pasal 17's grounds are a list of (letter, words). The other lists
/// are shown whole and in order (steps, legal items), or are keyed by a number that is their
/// meaning (weekday, month, rating). A pair of strings is a field's label and hint unless its
/// doc says otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Texts(Lang);

texts! {
    // -- shell: the page title, navigation, language, tools, footer, announcements, service worker --
    app_name: &'static str,
    doc_title_suffix: &'static str,
    skip_link: &'static str,
    nav_label: &'static str,
    nav_home: &'static str,
    nav_catalogue: &'static str,
    nav_request: &'static str,
    nav_status: &'static str,
    nav_objection: &'static str,
    nav_about: &'static str,
    nav_complaint: &'static str,
    /// The name of this language, shown on the switch that leads to it.
    language_name: &'static str,
    switch_language_hint: &'static str,
    /// The easy-mode switch (larger text, stronger contrast).
    easy_mode: &'static str,
    /// Read the page's main content aloud.
    listen_page: &'static str,
    /// Stop reading aloud.
    listen_stop: &'static str,
    demo_notice: &'static str,
    loading: &'static str,
    retry: &'static str,
    footer_contact: &'static str,
    footer_hours: &'static str,
    address: &'static str,
    phone: &'static str,
    email: &'static str,
    website: &'static str,
    announcement_label: &'static str,
    announcement_hazard: &'static str,
    announcement_affected: &'static str,
    announcement_instructions: &'static str,
    announcement_source: &'static str,
    dismiss_announcement: &'static str,
    /// A new build has installed in the background (the service worker's offer).
    sw_update_available: &'static str,
    /// The button that loads the new build.
    sw_reload: &'static str,
    /// A page whose bundle was not kept for offline use, opened offline. The boot script shows it
    /// before any wasm runs: scripts/post-build.mjs copies it, `boot_offline_home` and `retry` there.
    boot_offline: &'static str,
    /// The link home under `boot_offline` (the home page is always kept).
    boot_offline_home: &'static str,

    // -- dates and times --
    /// Between hours and minutes: "08.00" in Indonesian, "08:00" in English.
    time_separator: &'static str,
    weekdays: [&'static str; 7],
    months: [&'static str; 12],
    /// After a time in the office's zone: Western, Central and Eastern Indonesia Time.
    zone_wib: &'static str,
    zone_wita: &'static str,
    zone_wit: &'static str,
    /// After a time whose zone is not one of Indonesia's three: its UTC offset ("+08.00").
    zone_offset: fn(&str) -> String,

    // -- shared blocks: the error summary, warning text, a value not given --
    error_summary_title: &'static str,
    error_prefix: &'static str,
    /// Read out before a warning's text (GOV.UK "warning text"); the "!" icon is hidden.
    warning_prefix: &'static str,
    not_stated: &'static str,

    // -- home --
    home_title: &'static str,
    home_intro: &'static str,
    /// The four classes of information: read through [`Texts::class`].
    classes: Classes,
    item_count: fn(u32) -> String,
    see_class: &'static str,
    home_request_title: &'static str,
    home_request_body: &'static str,

    // -- catalogue --
    catalogue_title: &'static str,
    search_label: &'static str,
    search_hint: &'static str,
    search_button: &'static str,
    filter_class: &'static str,
    all_classes: &'static str,
    filter_unit: &'static str,
    all_units: &'static str,
    filter_year: &'static str,
    all_years: &'static str,
    filter_format: &'static str,
    all_formats: &'static str,
    sort_label: &'static str,
    sort_newest: &'static str,
    sort_title: &'static str,
    clear_filters: &'static str,
    results: fn(u32) -> String,
    no_results: &'static str,
    no_results_request: &'static str,
    previous_page: &'static str,
    next_page: &'static str,
    page_of: fn(u32, u32) -> String,
    /// A page number past the last page of results (an old link): how many pages there are.
    page_past_end: fn(u32) -> String,
    last_page: &'static str,
    updated_on: &'static str,
    stale: &'static str,

    // -- item --
    item_summary: &'static str,
    item_unit: &'static str,
    item_official: &'static str,
    item_responsible: &'static str,
    item_made: &'static str,
    item_form: &'static str,
    /// The forms an item is held in.
    form_softcopy: &'static str,
    form_hardcopy: &'static str,
    /// A form a newer backend names that this portal does not know yet.
    form_other: &'static str,
    item_retention: &'static str,
    item_files: &'static str,
    item_no_files: &'static str,
    item_dip_number: &'static str,
    exemption_title: &'static str,
    exemption_basis: &'static str,
    /// Why information is excepted, in plain words, by the letter of Pasal 17 (a to j): read
    /// through [`Texts::pasal17_words`].
    pasal17: [(char, &'static str); 10],
    exemption_test: &'static str,
    exemption_period: &'static str,
    exemption_ends: &'static str,
    exemption_no_end: &'static str,
    exemption_content_withheld: &'static str,
    /// An excepted item may still be requested, and a refusal objected to.
    exemption_may_request: &'static str,
    exemption_objection_link: &'static str,
    item_request: &'static str,
    share_title: &'static str,
    share_whatsapp: &'static str,
    copy_link: &'static str,
    link_copied: &'static str,
    back_to_catalogue: &'static str,

    // -- request: the start page --
    request_title: &'static str,
    request_intro: &'static str,
    request_steps_title: &'static str,
    request_steps: [&'static str; 4],
    request_deadlines: fn(u32, u32) -> String,
    request_free: &'static str,
    request_at_office: &'static str,
    req_start: &'static str,
    req_resume: &'static str,
    req_discard: &'static str,

    // -- request wizard: on every question --
    req_continue: &'static str,
    req_back: &'static str,

    // -- request wizard, kind: who is asking, and the shared device --
    q_kind: &'static str,
    /// Who is asking: read through [`Texts::requester_kind`].
    kinds: RequesterKinds,
    /// The shared-device question on the request's first page: its legend, its one option and hint.
    shared_device: (&'static str, &'static str, &'static str),

    // -- request wizard, identity --
    q_identity: &'static str,
    f_name: (&'static str, &'static str),
    f_group_name: (&'static str, &'static str),
    /// The mandated member's own name, asked of a group instead of "full name".
    f_member_name: (&'static str, &'static str),
    f_nik: (&'static str, &'static str),
    /// A NIK whose date part is no real date: checked, never refused.
    nik_date_warning: &'static str,
    f_decree: (&'static str, &'static str),
    f_principal: (&'static str, &'static str),

    // -- request wizard, documents --
    q_document: &'static str,
    document_intro: &'static str,
    /// Label and hint of each document, by `AttachmentRole`.
    doc_identity_card: (&'static str, &'static str),
    doc_deed: (&'static str, &'static str),
    doc_power_of_attorney: (&'static str, &'static str),
    /// The optional mandate letter of a group: label and hint.
    doc_mandate: (&'static str, &'static str),
    doc_attached: &'static str,
    doc_remove: &'static str,
    doc_processing: &'static str,
    doc_not_kept: &'static str,
    /// Under an attached PDF that names who made it (author, program, title).
    doc_pdf_metadata: &'static str,

    // -- request wizard, contact --
    q_contact: &'static str,
    contact_hint: &'static str,
    f_address: (&'static str, &'static str),
    f_phone: (&'static str, &'static str),
    f_email: (&'static str, &'static str),

    // -- request wizard, information: what, which unit, and the complaint hint --
    q_information: &'static str,
    f_information: (&'static str, &'static str),
    complaint_hint: &'static str,
    complaint_link: &'static str,
    f_unit: (&'static str, &'static str),
    /// The unit picker's search box: label and hint.
    unit_search: (&'static str, &'static str),
    unit_unknown: &'static str,
    units_unavailable: &'static str,
    from_catalogue: &'static str,

    // -- request wizard, purpose --
    q_purpose: &'static str,
    f_purpose: (&'static str, &'static str),

    // -- request wizard, obtain --
    q_obtain: &'static str,
    obtain_hint: &'static str,
    /// Ways to obtain the information, in the form's order ([`Texts::obtains`]).
    obtain_view: &'static str,
    obtain_soft_copy: &'static str,
    obtain_hard_copy: &'static str,

    // -- request wizard, delivery --
    q_delivery: &'static str,
    /// How a copy is delivered: read through [`Texts::delivery`].
    deliveries: fn(Delivery) -> &'static str,
    f_delivery_address: (&'static str, &'static str),
    f_delivery_email: (&'static str, &'static str),

    // -- request wizard, check answers --
    q_check: &'static str,
    change: &'static str,
    declaration: &'static str,
    submit: &'static str,
    sending: &'static str,
    send_again: &'static str,

    // register: publish choice and suggestions
    /// The publish choice on the information question: its legend, its one option, and what is
    /// published and why.
    publish_choice: (&'static str, &'static str, &'static str),
    /// The choice as the check page, the receipt and the status page say it: allowed, not allowed.
    publish_allowed: &'static str,
    publish_refused: &'static str,
    /// The status page's link to the request's entry in the register.
    published_link: &'static str,
    /// "Mungkin sudah tersedia" under the information field: heading, what it means, and what each
    /// suggestion is (a published answer, a catalogue item).
    suggest_title: &'static str,
    suggest_intro: &'static str,
    suggest_register: &'static str,
    suggest_catalogue: &'static str,

    // -- request wizard: field errors --
    /// An answer the request needs is missing: read through [`Texts::e_required`].
    e_missing: fn(Missing) -> &'static str,
    e_group_name: &'static str,
    /// A NIK refused, by `NikError` (an odd date part is only a warning).
    e_nik_empty: &'static str,
    e_nik_not_digits: &'static str,
    e_nik_length: &'static str,
    e_nik_region: &'static str,
    e_nik_serial: &'static str,
    e_phone: &'static str,
    e_email: &'static str,
    e_too_long: &'static str,
    e_unknown: &'static str,
    /// A document too large after processing, of a type not taken, or unreadable.
    e_file_too_large: &'static str,
    e_file_type: &'static str,
    e_file_unreadable: &'static str,

    // -- receipt of a request --
    sent_title: &'static str,
    sent_number: &'static str,
    sent_received: &'static str,
    sent_notice_due: &'static str,
    sent_extended_due: &'static str,
    sent_next_title: &'static str,
    sent_next: [&'static str; 3],
    sent_keep: &'static str,
    receipt_print: &'static str,
    receipt_ics: &'static str,
    /// The QR code's text alternative.
    receipt_qr: &'static str,
    receipt_status_link: &'static str,
    /// Under the receipt's status link and QR code: they open the status for whoever holds them.
    receipt_link_private: &'static str,

    // -- deadlines: how a due date was counted (receipt, status, objection, dispute) --
    how_computed: &'static str,
    computed_from: fn(u32, &str) -> String,
    nothing_skipped: &'static str,
    skipped_intro: &'static str,
    weekend: &'static str,
    /// Why a listed day does not count: read through [`Texts::day_kind`].
    day_kinds: fn(DayKind) -> &'static str,
    /// Which calendar a deadline was counted on.
    calendar_office: &'static str,
    calendar_national: &'static str,

    // -- status: the lookup --
    status_title: &'static str,
    status_intro: &'static str,
    status_number: &'static str,
    status_number_hint: &'static str,
    /// "For example: {a number in the backend's format}".
    status_number_example: fn(&str) -> String,
    status_verifier: &'static str,
    status_verifier_hint: &'static str,
    status_submit: &'static str,
    status_e_number: &'static str,
    status_e_verifier: &'static str,
    status_not_found: &'static str,
    /// A status link (from a receipt) that did not open the request: use the form instead.
    status_link_failed: &'static str,

    // -- status: the request, its timeline and the reasons open now --
    status_received: &'static str,
    status_counts_from: &'static str,
    /// The office's own day zero beside the law's.
    status_office_rule: fn(&str, &str) -> String,
    status_office_due: &'static str,
    status_left: fn(i64) -> String,
    status_due_today: &'static str,
    status_overdue: fn(i64) -> String,
    status_noticed: &'static str,
    status_object: &'static str,
    status_timeline: &'static str,
    /// A timeline event's name: read through [`Texts::event`].
    events: fn(EventKind) -> &'static str,
    /// How a request ended: read through [`Texts::outcome`].
    outcomes: fn(Outcome) -> &'static str,
    event_received_on: fn(&str) -> String,
    event_provide_by: fn(&str) -> String,
    /// The status page's list of Pasal 35 reasons and whether each can be used now.
    reasons_now_title: &'static str,
    reason_open_until: fn(&str) -> String,
    reason_open_any_time: &'static str,
    reason_opens_on: fn(&str) -> String,
    reason_after_notice: &'static str,
    reason_closed_on: fn(&str) -> String,
    reason_not_applicable: &'static str,
    /// Day zero is a sending date: the window moves with a later date of receipt.
    reading_from_sending: fn(&str) -> String,

    // -- status: the satisfaction survey --
    survey_title: &'static str,
    survey_intro: &'static str,
    /// The rating's legend.
    survey_rating: &'static str,
    /// What 1 to 5 mean.
    survey_levels: [&'static str; 5],
    survey_comment: &'static str,
    /// "{n} characters left".
    survey_comment_left: fn(usize) -> String,
    survey_send: &'static str,
    survey_e_rating: &'static str,
    survey_e_invalid: &'static str,
    survey_thanks: &'static str,
    survey_answered: &'static str,

    // -- status: submissions from this device --
    device_title: &'static str,
    device_intro: &'static str,
    device_request: &'static str,
    device_objection: &'static str,
    device_waiting: &'static str,
    device_registered: &'static str,
    device_refused: &'static str,
    device_reopen: &'static str,
    device_reopen_busy_request: &'static str,
    device_reopen_busy_objection: &'static str,
    device_reopen_unreadable: &'static str,
    device_forget: &'static str,

    // -- objection: what it is --
    objection_title: &'static str,
    objection_intro: &'static str,
    objection_reasons_title: &'static str,
    /// The reasons for an objection: read through [`Texts::reason`].
    objection_reasons: fn(Reason) -> &'static str,
    objection_windows: fn(u32, u32, u32) -> String,
    objection_start: &'static str,
    dispute_link: &'static str,

    // -- objection form --
    objection_form_title: &'static str,
    objection_form_intro: &'static str,
    /// Reason b needs no request: the way in from the lookup.
    objection_without_request: &'static str,
    objection_without_request_link: &'static str,
    /// The form for reason b alone.
    objection_b_intro: &'static str,
    objection_b_item: &'static str,
    objection_form_for: fn(&str) -> String,
    /// The fieldset asking when the citizen received each notice, delivery or bill.
    received_title: &'static str,
    received_hint: &'static str,
    /// One date of receipt: the event and the day it was sent.
    received_label: fn(&str, &str) -> String,
    received_e_impossible: &'static str,
    objection_reasons_hint: &'static str,
    /// Under the reasons: the readings are a guide; every reason can be sent.
    objection_guides_note: &'static str,
    /// "Warning" read before a warning text by screen readers.
    warning_word: &'static str,
    /// A chosen reason whose reading is not open: the citizen may still send it.
    objection_chosen_warning: &'static str,
    objection_case: (&'static str, &'static str),
    objection_purpose: (&'static str, &'static str),
    objection_who: &'static str,
    /// The surat kuasa khusus a proxy attaches.
    objection_power_of_attorney: (&'static str, &'static str),
    objection_document_memory: &'static str,
    objection_e_reasons: &'static str,
    objection_e_not_eligible: &'static str,
    objection_e_case: &'static str,
    objection_e_purpose: &'static str,
    objection_e_request_number: &'static str,
    objection_review: &'static str,
    objection_submit: &'static str,

    // -- receipt of an objection --
    objection_sent: &'static str,
    objection_number: &'static str,
    objection_next: &'static str,
    /// On the receipt: what the backend noticed about timing.
    objection_warnings_title: &'static str,
    objection_warnings_body: &'static str,
    warning_looks_early: &'static str,
    warning_looks_early_from: fn(&str) -> String,
    warning_looks_late: fn(&str) -> String,
    warning_not_in_record: &'static str,

    // -- dispute --
    dispute_title: &'static str,
    dispute_intro: &'static str,
    dispute_number: &'static str,
    dispute_number_hint: &'static str,
    dispute_e_number: &'static str,
    dispute_not_found: &'static str,
    dispute_request: &'static str,
    status_information: &'static str,
    dispute_case: &'static str,
    dispute_answer: &'static str,
    dispute_upheld: &'static str,
    dispute_not_upheld: &'static str,
    dispute_no_answer: &'static str,
    dispute_answer_due: &'static str,
    /// The answer of the atasan, received later than sent.
    dispute_received_label: (&'static str, &'static str),
    dispute_silence: fn(&str) -> String,
    dispute_waits_for_answer: &'static str,
    dispute_last_day: &'static str,
    dispute_open_until: fn(&str) -> String,
    dispute_opens_on: fn(&str) -> String,
    dispute_closed: fn(&str) -> String,
    /// The Komisi competent over the public body.
    dispute_komisi: fn(&str) -> String,
    dispute_komisi_default: &'static str,
    dispute_how_title: &'static str,
    dispute_how: [&'static str; 4],
    dispute_print: &'static str,

    // -- statistics --
    stats_title: &'static str,
    stats_intro: &'static str,
    stats_link: &'static str,
    stats_not_offered: &'static str,
    stats_none: &'static str,
    stats_years: &'static str,
    /// "Year {year}".
    stats_year: fn(i32) -> String,
    stats_received: &'static str,
    stats_fulfilled: &'static str,
    stats_partly: &'static str,
    stats_refused: &'static str,
    stats_not_held: &'static str,
    stats_objections: &'static str,
    stats_median: &'static str,
    /// "{n} working days".
    stats_days: fn(&str) -> String,
    decimal_separator: &'static str,
    stats_outcomes_title: &'static str,
    stats_outcome: &'static str,
    stats_refusals_title: &'static str,
    stats_ground: &'static str,
    stats_units_title: &'static str,
    stats_unit: &'static str,
    stats_years_title: &'static str,
    stats_year_head: &'static str,
    stats_count: &'static str,

    // -- register pages: the list, its search and filters, the record, one entry, the links to it --
    reg_title: &'static str,
    reg_intro: &'static str,
    /// The link to the register (from the catalogue, the statistics and the footer).
    reg_link: &'static str,
    /// Before the catalogue's link: what a citizen looks for may have been asked and answered.
    reg_link_lead: &'static str,
    /// A backend that publishes no register.
    reg_not_offered: &'static str,
    reg_search_label: &'static str,
    reg_search_hint: &'static str,
    reg_filter_outcome: &'static str,
    reg_all_outcomes: &'static str,
    /// The orders of the list: by the date the request was received.
    reg_sort_newest: &'static str,
    reg_sort_oldest: &'static str,
    /// "{n} answered requests found".
    reg_results: fn(u32) -> String,
    reg_no_results: &'static str,
    /// The list's and the entry's dates.
    reg_received: &'static str,
    reg_notice: &'static str,
    /// The flag of a notice given after its deadline, and its opposite.
    reg_late: &'static str,
    reg_on_time: &'static str,
    /// "{n} documents released".
    reg_documents: fn(u32) -> String,
    reg_objection: &'static str,
    reg_dispute: &'static str,
    /// How an objection or a dispute ended: read through [`Texts::follow_up`].
    reg_follow_ups: fn(crate::contract::FollowUpResult) -> &'static str,
    /// A step of a published request: read through [`Texts::register_event`].
    reg_events: fn(crate::contract::RegisterEventKind) -> &'static str,
    /// The record's heading: every unit, or the one chosen ("How {unit} answered").
    reg_record_all: &'static str,
    reg_record_unit: fn(&str) -> String,
    /// The figures count only what is published here.
    reg_record_note: &'static str,
    reg_record_head: &'static str,
    reg_answered: &'static str,
    /// A row of refusals by ground: "Refused on {Pasal 17 letter in words}".
    reg_refused_by: fn(&str) -> String,
    reg_objections: &'static str,
    reg_disputes: &'static str,
    reg_back: &'static str,
    /// The entry's heading: "Request {id}".
    reg_entry_title: fn(&str) -> String,
    reg_unit: &'static str,
    reg_due: &'static str,
    /// After the deadline, when an extension was notified.
    reg_extended: &'static str,
    reg_timeliness: &'static str,
    reg_on_time_text: &'static str,
    reg_late_text: &'static str,
    reg_outcome: &'static str,
    reg_ground: &'static str,
    /// What a refusal under Pasal 17 means, and that it can be objected to.
    reg_ground_explain: &'static str,
    reg_notice_summary: &'static str,
    reg_timeline: &'static str,
    reg_documents_title: &'static str,
    reg_no_documents: &'static str,
    reg_follow_up_title: &'static str,
    /// "filed on {date}", "decided on {date}".
    reg_filed: fn(&str) -> String,
    reg_decided: fn(&str) -> String,
    reg_in_catalogue: &'static str,
    reg_similar: &'static str,
    reg_similar_hint: &'static str,
    reg_entry_not_found: &'static str,

    // -- about: legal basis, service standards, the service charter --
    about_title: &'static str,
    about_legal_basis: &'static str,
    about_legal_items: [&'static str; 4],
    about_standards: &'static str,
    about_standard_notice: fn(u32, u32) -> String,
    about_standard_verification: fn(u32) -> String,
    about_fees: &'static str,
    charter_title: &'static str,
    charter_intro: &'static str,
    /// Read the service charter aloud.
    charter_listen: &'static str,
    /// The large-print switch of the service charter.
    charter_large: &'static str,
    charter_procedure: &'static str,
    charter_fees: &'static str,
    charter_guarantee: &'static str,
    /// The link to the office's service-guarantee document.
    charter_guarantee_link: &'static str,
    charter_evaluation: &'static str,
    /// The link to the office's performance-evaluation document.
    charter_evaluation_link: &'static str,
    charter_objection: &'static str,
    /// A charter element the backend does not state.
    charter_not_published: &'static str,

    // -- kiosk --
    /// The kiosk bar's landmark name.
    kiosk_bar: &'static str,
    /// Back one page, for a kiosk without browser controls.
    kiosk_back: &'static str,
    kiosk_start_over: &'static str,
    kiosk_start_over_title: &'static str,
    kiosk_start_over_body: &'static str,
    kiosk_start_over_confirm: &'static str,
    kiosk_cancel: &'static str,
    kiosk_idle_title: &'static str,
    kiosk_idle_body: &'static str,
    /// Before and after the number of seconds left.
    kiosk_idle_left: (&'static str, &'static str),
    kiosk_continue: &'static str,
    kiosk_officer: &'static str,
    /// Label and hint of the officer's name or NIP.
    kiosk_officer_field: (&'static str, &'static str),
    kiosk_officer_missing: &'static str,
    kiosk_officer_start: &'static str,
    kiosk_officer_on: &'static str,
    kiosk_officer_end: &'static str,
    /// The check-answers line or row naming the officer.
    kiosk_assisted: &'static str,

    // -- offline: the connection, the outbox, a submission not sent --
    conn_online: &'static str,
    /// "Showing data saved at {when}".
    conn_saved: fn(&str) -> String,
    conn_offline: &'static str,
    conn_offline_demo: &'static str,
    conn_down: &'static str,
    /// "{n} submissions waiting to be sent".
    conn_waiting: fn(usize) -> String,
    queued_request_title: &'static str,
    queued_objection_title: &'static str,
    queued_ref: &'static str,
    queued_not_registered: &'static str,
    queued_saved_at: &'static str,
    queued_next_try: &'static str,
    queued_qr: &'static str,
    queued_send_now: &'static str,
    queued_request_next: [&'static str; 3],
    queued_objection_next: [&'static str; 3],
    queue_failed: &'static str,
    /// A submission not sent and not kept on the device: the answers are still on screen, and
    /// sending again does not register twice.
    not_sent: &'static str,
    /// At a kiosk: print the answers for the officer at the counter.
    not_sent_counter: &'static str,
    not_sent_print: &'static str,

    // -- errors: page not found, service down, what the backend answered --
    not_found_title: &'static str,
    not_found_body: &'static str,
    go_home: &'static str,
    down_title: &'static str,
    down_reason_offline: &'static str,
    down_reason_timeout: &'static str,
    down_reason_unreachable: &'static str,
    down_reason_server: &'static str,
    down_reason_contract: &'static str,
    down_reason_version: &'static str,
    /// The sentence before what is wrong with `config.json` ([`Texts::config_problem`]).
    down_reason_config: &'static str,
    down_reason_calendar: &'static str,
    /// A deadline that needs a calendar year the office has not published yet (its joint decree).
    deadline_pending: fn(i32) -> String,
    down_retrying: &'static str,
    down_retrying_kiosk: fn(u64) -> String,
    down_what_to_do: &'static str,
    rate_limited: fn(Option<u32>) -> String,
    invalid_answer: &'static str,
    /// The backend refused the answers without saying which.
    invalid_unspecified: &'static str,
    conflict: &'static str,
    /// A permanent refusal (`ApiError::Refused`): the HTTP status, and the largest body the
    /// backend takes (`Meta::max_body_bytes`) for a 413.
    refused: fn(u16, Option<u32>) -> String,
}

impl Texts {
    /// The plain-language text of a class.
    pub fn class(&self, c: InformationClass) -> ClassText {
        let all = self.classes();
        match c {
            InformationClass::Berkala => all.berkala,
            InformationClass::SertaMerta => all.serta_merta,
            InformationClass::SetiapSaat => all.setiap_saat,
            InformationClass::Dikecualikan => all.dikecualikan,
        }
    }

    /// Plain words for a Pasal 17 letter; the letter itself when unknown.
    pub fn pasal17_words(&self, letter: &str) -> String {
        let first = letter.trim().chars().next();
        match self.pasal17().iter().find(|(l, _)| Some(*l) == first) {
            Some((l, words)) => format!("Pasal 17 huruf {l} — {words}"),
            None => format!("Pasal 17 {}", letter.chars().take(10).collect::<String>()),
        }
    }

    /// A clock time from the backend (`HH:MM`) in this language's style.
    pub fn clock(&self, hhmm: &str) -> String {
        hhmm.replacen(':', self.time_separator(), 1)
    }

    /// The name of a weekday by its ISO number (1 = Monday ... 7 = Sunday; others are clamped).
    pub fn weekday(&self, iso: u8) -> &'static str {
        self.weekdays()[usize::from(iso.clamp(1, 7)) - 1]
    }

    /// A date in words: "23 November 2026".
    pub fn date(&self, d: Date) -> String {
        let (y, m, day) = d.ymd();
        format!(
            "{day} {} {y}",
            self.months()[(m as usize).saturating_sub(1).min(11)]
        )
    }

    /// A date string from the backend in words, or the raw string when it does not parse.
    pub fn date_str(&self, s: &str) -> String {
        match Date::parse(s) {
            Some(d) => self.date(d),
            None => s.chars().take(40).collect(),
        }
    }

    // The methods taking a domain enum call each language's `match` directly and stay out of
    // line: one copy serves every caller, the smallest form measured in wasm.

    /// The citizen's publish choice in words: allowed or not.
    pub fn publish_said(&self, allowed: bool) -> &'static str {
        if allowed {
            self.publish_allowed()
        } else {
            self.publish_refused()
        }
    }

    /// The words of one objection reason of Pasal 35(1).
    #[inline(never)]
    pub fn reason(&self, r: Reason) -> &'static str {
        match self.0 {
            Lang::Id => (id::objection_reasons)(r),
            Lang::En => (en::objection_reasons)(r),
        }
    }

    /// The name of a timeline event.
    #[inline(never)]
    pub fn event(&self, k: EventKind) -> &'static str {
        match self.0 {
            Lang::Id => (id::events)(k),
            Lang::En => (en::events)(k),
        }
    }

    /// How a request ended, as its timeline says.
    #[inline(never)]
    pub fn outcome(&self, o: Outcome) -> &'static str {
        match self.0 {
            Lang::Id => (id::outcomes)(o),
            Lang::En => (en::outcomes)(o),
        }
    }

    /// How an objection or a dispute that followed a published request ended.
    #[inline(never)]
    pub fn follow_up(&self, r: crate::contract::FollowUpResult) -> &'static str {
        match self.0 {
            Lang::Id => (id::reg_follow_ups)(r),
            Lang::En => (en::reg_follow_ups)(r),
        }
    }

    /// The name of a step in a published request's timeline.
    #[inline(never)]
    pub fn register_event(&self, k: crate::contract::RegisterEventKind) -> &'static str {
        match self.0 {
            Lang::Id => (id::reg_events)(k),
            Lang::En => (en::reg_events)(k),
        }
    }

    /// Why a calendar day does not count.
    #[inline(never)]
    pub fn day_kind(&self, k: DayKind) -> &'static str {
        match self.0 {
            Lang::Id => (id::day_kinds)(k),
            Lang::En => (en::day_kinds)(k),
        }
    }

    /// A kind of requester as the forms offer it: label and hint.
    pub fn requester_kind(&self, k: RequesterKind) -> (&'static str, &'static str) {
        let all = self.kinds();
        match k {
            RequesterKind::Individual => all.individual,
            RequesterKind::LegalEntity => all.legal_entity,
            RequesterKind::Group => all.group,
            RequesterKind::Proxy => all.proxy,
        }
    }

    /// The ways to obtain the information, in the form's order: view, soft copy, hard copy.
    pub fn obtains(&self) -> [&'static str; 3] {
        [
            self.obtain_view(),
            self.obtain_soft_copy(),
            self.obtain_hard_copy(),
        ]
    }

    /// How a copy is delivered.
    #[inline(never)]
    pub fn delivery(&self, d: Delivery) -> &'static str {
        match self.0 {
            Lang::Id => (id::deliveries)(d),
            Lang::En => (en::deliveries)(d),
        }
    }

    /// The sentence asking for a missing answer of the request form.
    #[inline(never)]
    pub fn e_required(&self, m: Missing) -> &'static str {
        match self.0 {
            Lang::Id => (id::e_missing)(m),
            Lang::En => (en::e_missing)(m),
        }
    }

    /// What one rating of the satisfaction survey means (1 to 5; others are clamped).
    pub fn survey_level(&self, rating: u8) -> &'static str {
        self.survey_levels()[usize::from(rating.clamp(1, 5)) - 1]
    }

    /// What is wrong with a deployment: technical words for the site's administrators, the same
    /// in both languages (the sentence before them, [`Texts::down_reason_config`], is the
    /// citizen's), as a web team would search for them.
    pub fn config_problem(&self, p: ConfigProblem) -> &'static str {
        match p {
            ConfigProblem::Missing => "404 Not Found.",
            ConfigProblem::Unreadable => "the server did not send it.",
            ConfigProblem::Invalid => "not valid JSON, or a setting of the wrong type.",
            ConfigProblem::NoBackend => {
                "no \"api_base\" (a backend URL, or \"demo\" for the sample portal)."
            }
            ConfigProblem::Insecure => "\"api_base\" must be https:// on an https:// page.",
            ConfigProblem::DemoKiosk => "a kiosk on \"demo\" needs \"kiosk_training\": true.",
            ConfigProblem::InsecurePage => "the page must be served over https://.",
        }
    }

    /// The words after a time that say which clock it is: "WITA", or "UTC+08:00".
    pub fn zone(&self, label: ZoneLabel) -> String {
        match label {
            ZoneLabel::Named(IndonesianZone::Wib) => self.zone_wib().into(),
            ZoneLabel::Named(IndonesianZone::Wita) => self.zone_wita().into(),
            ZoneLabel::Named(IndonesianZone::Wit) => self.zone_wit().into(),
            ZoneLabel::Offset(minutes) => (self.zone_offset())(&offset_text(minutes)),
        }
    }

    /// An instant in words on the office's clock, with its zone: "23 November 2026 10.15 WITA".
    pub fn instant(&self, zone: OfficeZone, t: LocalTime) -> String {
        let (local, label) = zone.show(t);
        let m = local.minute_of_day();
        format!(
            "{} {:02}{}{:02} {}",
            self.date(local.date()),
            m / 60,
            self.time_separator(),
            m % 60,
            self.zone(label)
        )
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Every text looked up by meaning, in one language.
    fn keyed(t: &Texts) -> Vec<&'static str> {
        let mut all: Vec<&'static str> = InformationClass::ALL
            .iter()
            .flat_map(|c| [t.class(*c).name, t.class(*c).what])
            .collect();
        all.extend(Reason::ALL.map(|r| t.reason(r)));
        all.extend(
            [DayKind::Holiday, DayKind::CutiBersama, DayKind::Closure].map(|k| t.day_kind(k)),
        );
        all.extend(
            RequesterKind::ALL
                .iter()
                .flat_map(|k| <[_; 2]>::from(t.requester_kind(*k))),
        );
        all.extend(t.obtains());
        all.extend(
            [
                Delivery::Collect,
                Delivery::Post,
                Delivery::Courier,
                Delivery::Email,
            ]
            .map(|d| t.delivery(d)),
        );
        all.extend(
            [
                Missing::Kind,
                Missing::Name,
                Missing::Nik,
                Missing::Decree,
                Missing::Principal,
                Missing::Address,
                Missing::Contact,
                Missing::Information,
                Missing::Purpose,
                Missing::Obtain,
                Missing::Delivery,
                Missing::DeliveryAddress,
                Missing::DeliveryEmail,
                Missing::IdentityCard,
                Missing::Deed,
                Missing::PowerOfAttorney,
                Missing::Other,
            ]
            .map(|m| t.e_required(m)),
        );
        all.extend(
            [
                EventKind::Received,
                EventKind::Verified,
                EventKind::ForwardedUnit,
                EventKind::ForwardedBody,
                EventKind::Extended,
                EventKind::Notice,
                EventKind::Delivered,
                EventKind::Billed,
                EventKind::Unknown,
            ]
            .map(|k| t.event(k)),
        );
        all.extend(
            [
                Outcome::Fulfilled,
                Outcome::PartlyFulfilled,
                Outcome::Refused,
                Outcome::NotHeld,
                Outcome::NotYetDocumented,
                Outcome::Forwarded,
                Outcome::Unknown,
            ]
            .map(|o| t.outcome(o)),
        );
        {
            use crate::contract::{FollowUpResult as R, RegisterEventKind as K};
            all.extend(
                [
                    R::Pending,
                    R::Granted,
                    R::PartlyGranted,
                    R::Rejected,
                    R::Settled,
                    R::Withdrawn,
                    R::Unknown,
                ]
                .map(|r| t.follow_up(r)),
            );
            all.extend(
                [
                    K::Received,
                    K::ForwardedUnit,
                    K::Extended,
                    K::Notice,
                    K::Delivered,
                    K::ObjectionFiled,
                    K::ObjectionAnswered,
                    K::DisputeFiled,
                    K::DisputeDecided,
                    K::Unknown,
                ]
                .map(|k| t.register_event(k)),
            );
        }
        all.extend([
            t.e_nik_empty(),
            t.e_nik_not_digits(),
            t.e_nik_length(),
            t.e_nik_region(),
            t.e_nik_serial(),
            t.e_file_too_large(),
            t.e_file_type(),
            t.e_file_unreadable(),
            t.form_softcopy(),
            t.form_hardcopy(),
            t.form_other(),
        ]);
        for doc in [
            t.doc_identity_card(),
            t.doc_deed(),
            t.doc_power_of_attorney(),
        ] {
            all.extend(<[_; 2]>::from(doc));
        }
        all.extend((1..=7).map(|d| t.weekday(d)));
        all.extend((1..=5).map(|r| t.survey_level(r)));
        all
    }

    #[test]
    fn both_languages_give_every_text_looked_up_by_meaning() {
        let (id, en) = (keyed(Lang::Id.t()), keyed(Lang::En.t()));
        assert!(id.iter().chain(&en).all(|s| !s.trim().is_empty()));
        // A text left untranslated reads the same in both languages.
        for (i, e) in id.iter().zip(&en) {
            assert_ne!(i, e, "the same in both languages");
        }
        for lang in [Lang::Id, Lang::En] {
            let t = lang.t();
            for letter in 'a'..='j' {
                let words = t.pasal17_words(&letter.to_string());
                assert!(words.starts_with(&format!("Pasal 17 huruf {letter} — ")));
                assert!(words.len() > "Pasal 17 huruf a — ".len() + 10);
            }
            assert_eq!(t.pasal17_words("k"), "Pasal 17 k");
            assert_eq!(t.weekday(1), t.weekday(0));
            assert_eq!(t.weekday(7), t.weekday(9));
        }
    }

    /// No code outside this module picks a text by its place in a list: every text method that
    /// returns a list is either shown whole or read through a method keyed by meaning.
    #[test]
    fn no_text_is_picked_by_position() {
        let block = include_str!("mod.rs")
            .split("\ntexts! {")
            .nth(1)
            .unwrap_or("");
        let block = &block[..block.find("\n}").unwrap_or(block.len())];
        let lists: Vec<&str> = block
            .lines()
            .filter_map(|l| l.trim().split_once(": ["))
            .map(|(name, _)| name)
            .collect();
        assert!(lists.contains(&"weekdays") && lists.contains(&"request_steps"));
        let mut dirs = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        let mut read = 0;
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    if !path.ends_with("i18n") {
                        dirs.push(path);
                    }
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                read += 1;
                let code: String = std::fs::read_to_string(&path)
                    .unwrap()
                    .split_whitespace()
                    .collect();
                for name in &lists {
                    // The lists keyed by a number are read only through their methods
                    // (`weekday`, `date`, `survey_level`).
                    let keyed = ["weekdays", "months", "survey_levels"].contains(name);
                    for by_position in [
                        format!(".{name}()["),
                        format!(".{name}().get("),
                        format!(".{name}().iter().nth("),
                        format!(".{name}()"),
                    ]
                    .into_iter()
                    .take(if keyed { 4 } else { 3 })
                    {
                        assert!(
                            !code.contains(&by_position),
                            "{} picks a text by position: {by_position}",
                            path.display()
                        );
                    }
                }
            }
        }
        assert!(read > 50, "read only {read} files");
    }

    #[test]
    fn instants_are_shown_on_the_office_clock_with_its_zone() {
        let t = LocalTime::parse_rfc3339("2026-11-23T09:15:00+07:00").unwrap();
        let id = Lang::Id.t();
        let zone = OfficeZone::from_iana;
        assert_eq!(
            id.instant(zone("Asia/Jakarta"), t),
            "23 November 2026 09.15 WIB"
        );
        assert_eq!(
            id.instant(zone("Asia/Makassar"), t),
            "23 November 2026 10.15 WITA"
        );
        assert_eq!(
            id.instant(zone("Asia/Jayapura"), t),
            "23 November 2026 11.15 WIT"
        );
        // An unknown zone never passes for WIB: the instant's own offset is said instead.
        let late = LocalTime::parse_rfc3339("2026-11-23T23:30:00+08:00").unwrap();
        assert_eq!(
            id.instant(zone("Asia/Kuala_Lumpur"), late),
            "23 November 2026 23.30 UTC+08:00"
        );
        assert!(Lang::En
            .t()
            .instant(zone("Asia/Makassar"), t)
            .ends_with(" WITA"));
        // Every kind of requester has a label in both languages, the group's its own.
        for lang in [Lang::Id, Lang::En] {
            let t = lang.t();
            let labels: Vec<_> = RequesterKind::ALL
                .iter()
                .map(|k| t.requester_kind(*k).0)
                .collect();
            assert!(labels.iter().all(|l| !l.is_empty()));
            assert_eq!(t.requester_kind(RequesterKind::Group), t.kinds().group);
        }
    }
}
