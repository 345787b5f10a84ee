//! Every text the citizen reads, in Bahasa Indonesia (default) and English.
//!
//! One struct, two static instances: a missing translation is a compile error.

mod en;
mod id;

use crate::contract::{DayKind, InformationClass};
use crate::domain::date::Date;

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
            Lang::Id => &id::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }
}

/// Plain-language description of an information class.
pub struct ClassText {
    pub name: &'static str,
    pub what: &'static str,
}

/// All texts of the portal.
pub struct Texts {
    pub app_name: &'static str,
    pub doc_title_suffix: &'static str,
    pub skip_link: &'static str,

    // -- kiosk (issue 6): helper B adds its texts here --
    /// The kiosk bar's landmark name.
    pub kiosk_bar: &'static str,
    /// Back one page, for a kiosk without browser controls.
    pub kiosk_back: &'static str,
    pub kiosk_start_over: &'static str,
    pub kiosk_start_over_title: &'static str,
    pub kiosk_start_over_body: &'static str,
    pub kiosk_start_over_confirm: &'static str,
    pub kiosk_cancel: &'static str,
    pub kiosk_idle_title: &'static str,
    pub kiosk_idle_body: &'static str,
    /// Before and after the number of seconds left.
    pub kiosk_idle_left: (&'static str, &'static str),
    pub kiosk_continue: &'static str,
    pub kiosk_officer: &'static str,
    /// Label and hint of the officer's name or NIP.
    pub kiosk_officer_field: (&'static str, &'static str),
    pub kiosk_officer_missing: &'static str,
    pub kiosk_officer_start: &'static str,
    pub kiosk_officer_on: &'static str,
    pub kiosk_officer_end: &'static str,
    /// The check-answers line or row naming the officer.
    pub kiosk_assisted: &'static str,

    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_catalogue: &'static str,
    pub nav_request: &'static str,
    pub nav_status: &'static str,
    pub nav_objection: &'static str,
    pub nav_about: &'static str,
    /// The name of this language, shown on the switch that leads to it.
    pub language_name: &'static str,
    pub switch_language_hint: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub footer_contact: &'static str,
    pub footer_hours: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub website: &'static str,
    /// Between hours and minutes: "08.00" in Indonesian, "08:00" in English.
    pub time_separator: &'static str,
    pub weekdays: [&'static str; 7],
    pub months: [&'static str; 12],
    pub demo_notice: &'static str,

    pub announcement_label: &'static str,
    pub announcement_hazard: &'static str,
    pub announcement_affected: &'static str,
    pub announcement_instructions: &'static str,
    pub announcement_source: &'static str,

    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub classes: [ClassText; 4],
    pub item_count: fn(u32) -> String,
    pub see_class: &'static str,
    pub home_request_title: &'static str,
    pub home_request_body: &'static str,

    pub catalogue_title: &'static str,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub filter_class: &'static str,
    pub all_classes: &'static str,
    pub results: fn(u32) -> String,
    pub no_results: &'static str,
    pub no_results_request: &'static str,
    pub search_hint: &'static str,
    pub filter_unit: &'static str,
    pub all_units: &'static str,
    pub filter_year: &'static str,
    pub all_years: &'static str,
    pub filter_format: &'static str,
    pub all_formats: &'static str,
    pub sort_label: &'static str,
    pub sort_newest: &'static str,
    pub sort_title: &'static str,
    pub clear_filters: &'static str,
    pub item_request: &'static str,
    pub share_title: &'static str,
    pub share_whatsapp: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub dismiss_announcement: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page_of: fn(u32, u32) -> String,
    pub updated_on: &'static str,
    pub stale: &'static str,

    pub item_summary: &'static str,
    pub item_unit: &'static str,
    pub item_official: &'static str,
    pub item_responsible: &'static str,
    pub item_made: &'static str,
    pub item_form: &'static str,
    /// Softcopy, hardcopy.
    pub forms: [&'static str; 2],
    pub item_retention: &'static str,
    pub item_files: &'static str,
    pub item_no_files: &'static str,
    pub item_dip_number: &'static str,
    pub not_stated: &'static str,
    pub exemption_title: &'static str,
    pub exemption_basis: &'static str,
    pub exemption_test: &'static str,
    pub exemption_period: &'static str,
    pub exemption_ends: &'static str,
    pub exemption_no_end: &'static str,
    pub exemption_content_withheld: &'static str,
    pub pasal17: [&'static str; 10],
    pub back_to_catalogue: &'static str,

    pub request_title: &'static str,
    pub request_intro: &'static str,
    pub request_steps_title: &'static str,
    pub request_steps: [&'static str; 4],
    pub request_deadlines: fn(u32, u32) -> String,
    pub request_free: &'static str,
    pub request_at_office: &'static str,

    pub req_start: &'static str,
    pub req_continue: &'static str,
    pub req_back: &'static str,
    pub req_discard: &'static str,
    pub req_resume: &'static str,
    pub q_kind: &'static str,
    pub kinds: [(&'static str, &'static str); 3],
    pub q_identity: &'static str,
    pub f_name: (&'static str, &'static str),
    pub f_nik: (&'static str, &'static str),
    pub f_decree: (&'static str, &'static str),
    pub f_principal: (&'static str, &'static str),
    pub q_contact: &'static str,
    pub contact_hint: &'static str,
    pub f_address: (&'static str, &'static str),
    pub f_phone: (&'static str, &'static str),
    pub f_email: (&'static str, &'static str),
    pub q_information: &'static str,
    pub f_information: (&'static str, &'static str),
    pub f_unit: (&'static str, &'static str),
    pub unit_unknown: &'static str,
    pub units_unavailable: &'static str,
    /// The unit picker's search box: label and hint.
    pub unit_search: (&'static str, &'static str),
    pub from_catalogue: &'static str,
    pub q_purpose: &'static str,
    pub f_purpose: (&'static str, &'static str),
    pub q_obtain: &'static str,
    pub obtain_hint: &'static str,
    pub obtains: [&'static str; 3],
    pub q_delivery: &'static str,
    pub deliveries: [&'static str; 4],
    pub f_delivery_address: (&'static str, &'static str),
    pub f_delivery_email: (&'static str, &'static str),
    pub q_check: &'static str,
    pub change: &'static str,
    pub declaration: &'static str,
    pub submit: &'static str,
    pub sending: &'static str,
    pub send_again: &'static str,
    pub e_required: [&'static str; 17],
    /// A document too large after processing, of a type not taken, or unreadable.
    pub e_file: [&'static str; 3],
    pub q_document: &'static str,
    pub document_intro: &'static str,
    /// Label and hint of each document: identity card, deed, power of attorney.
    pub documents: [(&'static str, &'static str); 3],
    pub doc_attached: &'static str,
    pub doc_remove: &'static str,
    pub doc_processing: &'static str,
    pub doc_not_kept: &'static str,
    pub e_nik: [&'static str; 6],
    pub e_phone: &'static str,
    pub e_email: &'static str,
    pub e_too_long: &'static str,
    pub e_unknown: &'static str,
    pub sent_title: &'static str,
    pub sent_number: &'static str,
    pub sent_received: &'static str,
    pub sent_notice_due: &'static str,
    pub sent_extended_due: &'static str,
    pub how_computed: &'static str,
    pub computed_from: fn(u32, &str) -> String,
    pub nothing_skipped: &'static str,
    pub skipped_intro: &'static str,
    pub sent_next_title: &'static str,
    pub sent_next: [&'static str; 3],
    pub sent_keep: &'static str,
    pub status_left: fn(i64) -> String,
    pub status_due_today: &'static str,
    pub status_overdue: fn(i64) -> String,
    pub status_noticed: &'static str,
    pub status_object: &'static str,
    pub receipt_print: &'static str,
    pub receipt_ics: &'static str,
    /// The QR code's text alternative.
    pub receipt_qr: &'static str,
    pub receipt_status_link: &'static str,
    pub status_title: &'static str,
    pub status_intro: &'static str,
    pub status_number: &'static str,
    pub status_number_hint: &'static str,
    pub status_verifier: &'static str,
    pub status_verifier_hint: &'static str,
    pub status_submit: &'static str,
    pub status_not_found: &'static str,
    pub status_e_number: &'static str,
    pub status_e_verifier: &'static str,
    pub status_received: &'static str,
    pub status_counts_from: &'static str,
    pub status_timeline: &'static str,
    pub events: [&'static str; 6],
    pub outcomes: [&'static str; 6],
    pub event_unknown: &'static str,

    pub objection_title: &'static str,
    pub objection_intro: &'static str,
    pub objection_reasons_title: &'static str,
    pub objection_reasons: [&'static str; 7],
    /// The status page's list of Pasal 35 reasons and whether each can be used now.
    pub reasons_now_title: &'static str,
    pub reason_open_until: fn(&str) -> String,
    pub reason_open_any_time: &'static str,
    pub reason_opens_on: fn(&str) -> String,
    pub reason_after_notice: &'static str,
    pub reason_closed_on: fn(&str) -> String,
    pub reason_not_applicable: &'static str,
    pub objection_form_title: &'static str,
    pub objection_form_intro: &'static str,
    pub objection_form_for: fn(&str) -> String,
    pub objection_reasons_hint: &'static str,
    pub objection_e_reasons: &'static str,
    pub objection_e_not_eligible: &'static str,
    pub objection_e_case: &'static str,
    pub objection_e_purpose: &'static str,
    pub objection_case: (&'static str, &'static str),
    pub objection_purpose: (&'static str, &'static str),
    pub objection_who: &'static str,
    pub objection_submit: &'static str,
    pub objection_review: &'static str,
    pub objection_sent: &'static str,
    pub objection_number: &'static str,
    pub objection_next: &'static str,
    pub objection_start: &'static str,
    pub dispute_title: &'static str,
    /// The backend refused the answers without saying which.
    pub invalid_unspecified: &'static str,
    pub dispute_intro: &'static str,
    pub dispute_number: &'static str,
    pub dispute_number_hint: &'static str,
    pub dispute_e_number: &'static str,
    pub dispute_not_found: &'static str,
    pub dispute_request: &'static str,
    pub status_information: &'static str,
    pub dispute_case: &'static str,
    pub dispute_answer: &'static str,
    pub dispute_upheld: &'static str,
    pub dispute_not_upheld: &'static str,
    pub dispute_no_answer: &'static str,
    pub dispute_answer_due: &'static str,
    pub dispute_last_day: &'static str,
    pub dispute_open_until: fn(&str) -> String,
    pub dispute_opens_on: fn(&str) -> String,
    pub dispute_closed: fn(&str) -> String,
    pub dispute_waits_for_answer: &'static str,
    pub dispute_how_title: &'static str,
    pub dispute_how: [&'static str; 4],
    pub dispute_print: &'static str,
    pub dispute_link: &'static str,
    pub objection_windows: fn(u32, u32, u32) -> String,

    pub about_title: &'static str,
    pub about_legal_basis: &'static str,
    pub about_legal_items: [&'static str; 3],
    pub about_standards: &'static str,
    pub about_standard_notice: fn(u32, u32) -> String,
    pub about_standard_verification: fn(u32) -> String,
    pub about_fees: &'static str,

    pub error_summary_title: &'static str,
    pub error_prefix: &'static str,
    pub required: &'static str,

    // -- service worker (issue 6): helper A adds its texts here --
    /// A new build has installed in the background (the service worker's offer).
    pub sw_update_available: &'static str,
    /// The button that loads the new build.
    pub sw_reload: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub go_home: &'static str,

    pub down_title: &'static str,
    pub down_what_to_do: &'static str,
    pub down_reason_offline: &'static str,
    pub down_reason_timeout: &'static str,
    pub down_reason_unreachable: &'static str,
    pub down_reason_server: &'static str,
    pub down_reason_contract: &'static str,
    pub down_reason_version: &'static str,
    pub down_reason_config: &'static str,
    pub down_reason_calendar: &'static str,
    pub rate_limited: fn(Option<u32>) -> String,
    pub invalid_answer: &'static str,
    pub conflict: &'static str,

    pub day_kinds: [&'static str; 3],
    pub weekend: &'static str,

    // -- outbox and connection (issue 6) --
    pub conn_online: &'static str,
    /// "Showing data saved at {when}".
    pub conn_saved: fn(&str) -> String,
    pub conn_offline: &'static str,
    pub conn_offline_demo: &'static str,
    pub conn_down: &'static str,
    /// "{n} submissions waiting to be sent".
    pub conn_waiting: fn(usize) -> String,
    pub queued_request_title: &'static str,
    pub queued_objection_title: &'static str,
    pub queued_ref: &'static str,
    pub queued_not_registered: &'static str,
    pub queued_saved_at: &'static str,
    pub queued_next_try: &'static str,
    pub queued_qr: &'static str,
    pub queued_send_now: &'static str,
    pub queued_request_next: [&'static str; 3],
    pub queued_objection_next: [&'static str; 3],
    pub queue_failed: &'static str,
    pub device_title: &'static str,
    pub device_intro: &'static str,
    pub device_request: &'static str,
    pub device_objection: &'static str,
    pub device_waiting: &'static str,
    pub device_registered: &'static str,
    pub device_refused: &'static str,
    pub device_forget: &'static str,

    // -- statistics (issue 8) --
    pub stats_title: &'static str,
    pub stats_intro: &'static str,
    pub stats_link: &'static str,
    pub stats_not_offered: &'static str,
    pub stats_none: &'static str,
    pub stats_years: &'static str,
    /// "Year {year}".
    pub stats_year: fn(i32) -> String,
    pub stats_received: &'static str,
    pub stats_fulfilled: &'static str,
    pub stats_partly: &'static str,
    pub stats_refused: &'static str,
    pub stats_not_held: &'static str,
    pub stats_objections: &'static str,
    pub stats_median: &'static str,
    /// "{n} working days".
    pub stats_days: fn(&str) -> String,
    pub decimal_separator: &'static str,
    pub stats_outcomes_title: &'static str,
    pub stats_outcome: &'static str,
    pub stats_refusals_title: &'static str,
    pub stats_ground: &'static str,
    pub stats_units_title: &'static str,
    pub stats_unit: &'static str,
    pub stats_years_title: &'static str,
    pub stats_year_head: &'static str,
    pub stats_count: &'static str,

    // -- complaints (issue 8) --
    pub nav_complaint: &'static str,
    pub complaint_hint: &'static str,
    pub complaint_link: &'static str,
}

impl Texts {
    /// The plain-language text of a class.
    pub fn class(&self, c: InformationClass) -> &ClassText {
        &self.classes[InformationClass::ALL
            .iter()
            .position(|x| *x == c)
            .unwrap_or(0)]
    }

    /// Plain words for a Pasal 17 letter; the letter itself when unknown.
    pub fn pasal17_words(&self, letter: &str) -> String {
        let idx = letter
            .trim()
            .chars()
            .next()
            .filter(|c| ('a'..='j').contains(c))
            .map(|c| c as usize - 'a' as usize);
        match idx {
            Some(i) => format!(
                "Pasal 17 huruf {} — {}",
                &letter.trim()[..1],
                self.pasal17[i]
            ),
            None => format!("Pasal 17 {}", letter.chars().take(10).collect::<String>()),
        }
    }

    /// A clock time from the backend (`HH:MM`) in this language's style.
    pub fn clock(&self, hhmm: &str) -> String {
        hhmm.replacen(':', self.time_separator, 1)
    }

    /// A date in words: "23 November 2026".
    pub fn date(&self, d: Date) -> String {
        let (y, m, day) = d.ymd();
        format!(
            "{day} {} {y}",
            self.months[(m as usize).saturating_sub(1).min(11)]
        )
    }

    /// A date string from the backend in words, or the raw string when it does not parse.
    pub fn date_str(&self, s: &str) -> String {
        match Date::parse(s) {
            Some(d) => self.date(d),
            None => s.chars().take(40).collect(),
        }
    }

    /// Why a calendar day does not count.
    pub fn day_kind(&self, k: DayKind) -> &'static str {
        match k {
            DayKind::Holiday => self.day_kinds[0],
            DayKind::CutiBersama => self.day_kinds[1],
            DayKind::Closure => self.day_kinds[2],
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn both_languages_fill_every_list() {
        for lang in [Lang::Id, Lang::En] {
            let t = lang.t();
            assert!(t
                .classes
                .iter()
                .all(|c| !c.name.is_empty() && !c.what.is_empty()));
            assert!(t
                .pasal17
                .iter()
                .chain(t.objection_reasons.iter())
                .all(|s| !s.is_empty()));
        }
        assert_ne!(Lang::Id.t().nav_catalogue, Lang::En.t().nav_catalogue);
    }
}
