//! The objection itself, once its subject is known: the dates of receipt, the reasons, the case,
//! the objector, the check of the answers and the submit.

use super::draft::{forget_draft, save_draft, ObjectionDraft};
use super::objector::objector;
use super::reasons::{readings_of, reasons_field, receivable, ReceivedDates};
use super::receipt::{Queued, Received};
use super::review::confirm;
use super::Subject;
use crate::api::ApiError;
use crate::components::fields::{field_id, message, ErrorSummary, Shown, TextField};
use crate::components::{today, use_title};
use crate::context::{use_portal, use_texts};
use crate::contract::{field_code, Attachment, FieldError, ObjectionReceipt, ObjectionSubmission};
use crate::domain::draft::RequestDraft;
use crate::domain::objection::Reason;
use crate::domain::validate::NikError;
use crate::i18n::Texts;
use crate::offline::outbox::{use_outbox, Kind};
use crate::offline::submit::{submit, Sent};
use leptos::prelude::*;

/// The dates of receipt, the reasons, the case, the objector, and the submit; then the receipt.
#[component]
pub(super) fn Details(found: Subject, saved: ObjectionDraft) -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let kiosk = portal.config.with_value(|c| c.kiosk);
    let standards = portal.meta.with_value(|m| m.service_standards.clone());
    let (number, verifier, status, item) = match &found {
        Subject::Request {
            status, verifier, ..
        } => (
            status.number.clone(),
            verifier.clone(),
            Some(status.clone()),
            String::new(),
        ),
        Subject::Periodic { item } => (String::new(), String::new(), None, item.clone()),
    };
    // The saved answers belong to this request (or to the periodic objection) only.
    let saved = if saved.is_about(&number, status.is_none()) {
        saved
    } else {
        ObjectionDraft::default()
    };
    let offered: Vec<Reason> = if status.is_some() {
        Reason::ALL.to_vec()
    } else {
        vec![Reason::B]
    };
    let chosen = RwSignal::new(if status.is_none() {
        vec![Reason::B]
    } else {
        saved.chosen()
    });
    let received = RwSignal::new(saved.received.clone());
    let case_summary = RwSignal::new(saved.case_summary);
    // The purpose of use as on the request, unless the citizen has written another.
    let purpose = RwSignal::new(if saved.purpose.is_empty() {
        status
            .as_ref()
            .and_then(|s| s.purpose.clone())
            .unwrap_or_default()
    } else {
        saved.purpose
    });
    // The objector's identity and contact, with the request form's rules and fields.
    let who = RwSignal::new(saved.who);
    let raw = RwSignal::new(saved.errors);
    // The power of attorney of a proxy: in memory only, never in the saved draft.
    let power = RwSignal::new(None::<Attachment>);
    // The answers as they stand, read by the effect that keeps them and by "Continue".
    let typed = {
        let (number, verifier, item, periodic) = (
            number.clone(),
            verifier.clone(),
            item.clone(),
            status.is_none(),
        );
        move || ObjectionDraft {
            number: number.clone(),
            verifier: verifier.clone(),
            reasons: chosen.with(|c| c.iter().map(|r| r.letter().to_owned()).collect()),
            case_summary: case_summary.get(),
            purpose: purpose.get(),
            who: who.get(),
            errors: raw.get(),
            received: received.get(),
            periodic,
            item: item.clone(),
        }
    };
    {
        let typed = typed.clone();
        Effect::new(move || save_draft(&typed(), kiosk));
    }
    let now = today();
    let readings = readings_of(found.clone(), received, standards, now);
    let nik_at_submit = RwSignal::new(if raw.with_untracked(Vec::is_empty) {
        None
    } else {
        who.with_untracked(RequestDraft::nik_problem)
    });
    let errors: Signal<Shown> = Signal::derive(move || {
        let nik = nik_at_submit.get();
        raw.with(|e| e.iter().map(|e| shown(t, e, nik)).collect())
    });
    use_title(move || (t.objection_form_title().into(), !errors.with(Vec::is_empty)));
    let key = StoredValue::new(String::new());
    let pending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let receipt = RwSignal::new(None::<ObjectionReceipt>);
    // The local reference of the objection when it waits in the outbox.
    let queued = RwSignal::new(None::<String>);
    let outbox = use_outbox();
    // The receipt's script now, while the network may still be there (see the request's check page).
    leptos::task::spawn_local(async {
        let _ = crate::components::deadline::receipt_script().await;
    });
    // After "Continue": the answers to check, exactly as they will be sent.
    let reviewing = RwSignal::new(None::<ObjectionSubmission>);
    let on_submit = {
        let status = status.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let draft = untrack(&typed);
            let body = draft.submission(
                power.get_untracked().into_iter().collect(),
                crate::kiosk::assisted_by(),
            );
            let found_errors = draft.check(&body, status.as_ref(), now);
            nik_at_submit.set(who.with_untracked(RequestDraft::nik_problem));
            if !found_errors.is_empty() {
                raw.set(found_errors);
                return;
            }
            raw.set(Vec::new());
            reviewing.set(Some(body));
        }
    };
    let send = Callback::new(move |()| {
        if pending.get_untracked() {
            return; // a double click sends once
        }
        let Some(body) = reviewing.get_untracked() else {
            return;
        };
        if key.with_value(String::is_empty) {
            key.set_value(crate::api::new_idempotency_key());
        }
        let backend = portal.backend.get_value();
        let key = key.get_value();
        let body = crate::json::to_string(&body);
        pending.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            let sent_as = submit::<ObjectionReceipt>(backend, outbox, Kind::Objection, key, body).await;
            pending.try_set(false);
            match sent_as {
                Sent::Registered(r) => {
                    forget_draft();
                    receipt.try_set(Some(r));
                }
                // Back to the form, where each error is shown at its field.
                Sent::Invalid(errors) => {
                    raw.try_set(errors);
                    reviewing.try_set(None);
                }
                // Waiting in the outbox with its key.
                Sent::Queued(local) => {
                    forget_draft();
                    queued.try_set(Some(local));
                }
                Sent::Failed(e) => {
                    failure.try_set(Some(e));
                }
            }
        });
    });
    let receivable = receivable(t, status.as_ref());
    let lead = match &found {
        Subject::Request { status, .. } => (t.objection_form_for())(&status.number),
        Subject::Periodic { .. } => t.objection_b_intro().to_owned(),
    };
    view! {
        {move || match (receipt.get(), reviewing.get()) {
            _ if queued.with(Option::is_some) => view! { <Queued local=queued.get().unwrap_or_default()/> }.into_any(),
            (Some(r), _) => view! { <Received receipt=r/> }.into_any(),
            (None, Some(body)) => view! {
                {confirm(body, pending, failure, send, reviewing)}
            }
            .into_any(),
            (None, None) => {
                let (offered, receivable, lead) = (offered.clone(), receivable.clone(), lead.clone());
                view! {
                    <ErrorSummary errors/>
                    <p class="lead">{lead}</p>
                    <form on:submit=on_submit.clone() novalidate=true>
                        {(!receivable.is_empty()).then(|| view! { <ReceivedDates receivable received errors today=now/> })}
                        {reasons_field(offered, chosen, readings, errors)}
                        <TextField id="obj-case" label=t.objection_case() errors multiline=true input_type="text" autocomplete="off"
                            value=case_summary.into() on_input=Callback::new(move |v| case_summary.set(v))/>
                        <TextField id="obj-purpose" label=t.objection_purpose() errors multiline=true input_type="text" autocomplete="off"
                            value=purpose.into() on_input=Callback::new(move |v| purpose.set(v))/>
                        {objector(who, power, errors)}
                        <button type="submit" class="button">{t.req_continue()}</button>
                    </form>
                }
                .into_any()
            }
        }}
    }
}

/// Where an error of the objection is shown, and in what words: the objector's fields have the
/// request form's names and words; `nik` is the NIK's problem when the citizen last submitted.
fn shown(t: &'static Texts, e: &FieldError, nik: Option<NikError>) -> (&'static str, &'static str) {
    let shown = FieldError {
        pointer: e.pointer.replacen("/objector/", "/requester/", 1),
        ..e.clone()
    };
    let p = e.pointer.as_str();
    let id = match p {
        _ if p.starts_with("/reasons") || p == "/request_number" => "obj-reasons",
        _ if p.starts_with("/received_dates") => "obj-received",
        "/case_summary" | "/catalogue_item_id" => "obj-case",
        "/purpose" => "obj-purpose",
        _ if p.starts_with("/attachments") => "obj-power",
        _ => field_id(&p.replacen("/objector/", "/requester/", 1)),
    };
    let text = match p {
        "/request_number" => t.objection_e_request_number(),
        _ if p.starts_with("/reasons") && e.code == field_code::REQUIRED => t.objection_e_reasons(),
        _ if p.starts_with("/reasons") => t.objection_e_not_eligible(),
        _ if p.starts_with("/received_dates") => t.received_e_impossible(),
        "/case_summary" => t.objection_e_case(),
        "/purpose" => t.objection_e_purpose(),
        _ if p == "/catalogue_item_id" || p.starts_with("/attachments") => t.invalid_unspecified(),
        _ => message(t, &shown, nik),
    };
    (id, text)
}
