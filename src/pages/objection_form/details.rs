//! The objection itself, once its subject is known: the dates of receipt, the reasons, the case,
//! the objector, the check of the answers and the submit.

use super::draft::{forget_draft, save_draft, ObjectionDraft};
use super::objector::{text_field, PowerOfAttorney, KINDS};
use super::reasons::{error_of, ReasonChoice, ReceivedDates};
use super::receipt::{Queued, Received};
use super::review::Review;
use super::Subject;
use crate::api::{ApiError, Backend};
use crate::components::fields::{field_id, message, Choices, ErrorSummary, Shown, TextField};
use crate::components::{error_text, today, use_title};
use crate::context::{use_portal, use_texts};
use crate::contract::{
    field_code, Attachment, FieldError, ObjectionReceipt, ObjectionSubmission, RequesterKind,
};
use crate::domain::date::Date;
use crate::domain::draft::RequestDraft;
use crate::domain::objection::{self, Reason};
use crate::offline::outbox::{can_wait, use_outbox, Kind};
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
    let saved = if saved.number == number && saved.periodic == status.is_none() {
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
        saved
            .reasons
            .iter()
            .filter_map(|r| Reason::from_letter(r))
            .collect::<Vec<_>>()
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
    {
        let (number, verifier, item, periodic) = (
            number.clone(),
            verifier.clone(),
            item.clone(),
            status.is_none(),
        );
        Effect::new(move || {
            let draft = ObjectionDraft {
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
            };
            save_draft(&draft, kiosk);
        });
    }
    let now = today();
    // Each reason's reading, read again whenever a date of receipt changes.
    let readings = {
        let found = found.clone();
        let standards = standards.clone();
        Memo::new(move |_| match &found {
            Subject::Request { status, cal, .. } => received.with(|dates| {
                objection::readings(status, dates, cal, &standards, now).map_err(|e| match e {
                    objection::ObjectionError::YearMissing(y) => {
                        ApiError::CalendarYearMissing(Some(y))
                    }
                    objection::ObjectionError::MalformedDate { .. } => ApiError::Contract("dates"),
                })
            }),
            Subject::Periodic { .. } => {
                Ok(vec![(Reason::B, objection::reading_without_request(now))])
            }
        })
    };
    let nik_at_submit = RwSignal::new(if raw.with_untracked(Vec::is_empty) {
        None
    } else {
        who.with_untracked(RequestDraft::nik_problem)
    });
    let errors: Signal<Shown> = Signal::derive(move || {
        let nik = nik_at_submit.get();
        raw.with(|e| {
            e.iter()
                .map(|e| {
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
                        _ if p.starts_with("/reasons") && e.code == field_code::REQUIRED => {
                            t.objection_e_reasons()
                        }
                        _ if p.starts_with("/reasons") => t.objection_e_not_eligible(),
                        _ if p.starts_with("/received_dates") => t.received_e_impossible(),
                        "/case_summary" => t.objection_e_case(),
                        "/purpose" => t.objection_e_purpose(),
                        _ if p == "/catalogue_item_id" || p.starts_with("/attachments") => {
                            t.invalid_unspecified()
                        }
                        _ => message(t, &shown, nik),
                    };
                    (id, text)
                })
                .collect()
        })
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
        let (number, verifier, item, status) = (
            number.clone(),
            verifier.clone(),
            item.clone(),
            status.clone(),
        );
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let body = ObjectionSubmission {
                request_number: number.clone(),
                verifier: verifier.clone(),
                objector: who.with_untracked(|d| d.submission().requester),
                reasons: chosen
                    .with_untracked(|c| c.iter().map(|r| r.letter().to_owned()).collect()),
                case_summary: case_summary.get_untracked().trim().to_owned(),
                purpose: purpose.get_untracked().trim().to_owned(),
                catalogue_item_id: (!item.is_empty()).then(|| item.clone()),
                received_dates: received.get_untracked(),
                attachments: power.get_untracked().into_iter().collect(),
                assisted_by: crate::kiosk::assisted_by(),
            };
            let mut found_errors = objection::check_objection(&body);
            if let Some(status) = &status {
                found_errors.extend(objection::check_received_dates(
                    status,
                    &body.received_dates,
                    now,
                ));
            }
            nik_at_submit.set(who.with_untracked(RequestDraft::nik_problem));
            if !found_errors.is_empty() {
                raw.set(found_errors);
                return;
            }
            raw.set(Vec::new());
            reviewing.set(Some(body));
        }
    };
    let send = move |_| {
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
        pending.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            let result = backend.submit_objection(&key, &body).await;
            pending.try_set(false);
            match result {
                Ok(r) => {
                    forget_draft();
                    receipt.try_set(Some(r));
                }
                Err(ApiError::Invalid(errors)) if !errors.is_empty() => {
                    // Back to the form, where each error is shown at its field.
                    raw.try_set(errors);
                    reviewing.try_set(None);
                }
                // The backend cannot be reached: the objection waits in the outbox with its key.
                Err(e) if can_wait(&e) => {
                    let json = crate::json::to_string(&body);
                    match outbox.queue(Kind::Objection, key, json).await {
                        Ok(local) => {
                            forget_draft();
                            queued.try_set(Some(local));
                        }
                        Err(()) => {
                            failure.try_set(Some(e));
                        }
                    }
                }
                Err(e) => {
                    failure.try_set(Some(e));
                }
            }
        });
    };
    // The events the citizen receives, with the index the contract names them by.
    let receivable: Vec<(u32, String, Date)> = status
        .as_ref()
        .map(|s| {
            s.events
                .iter()
                .enumerate()
                .filter(|(_, e)| objection::is_received_by_citizen(e.kind))
                .filter_map(|(i, e)| {
                    let sent = crate::domain::date::LocalTime::parse_rfc3339(&e.at)?.date();
                    Some((
                        i as u32,
                        crate::components::deadline::event_title(t, e),
                        sent,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let kinds = Callback::new(move |i: usize| who.with(|d| d.kind == Some(KINDS[i])));
    let lead = match &found {
        Subject::Request { status, .. } => (t.objection_form_for())(&status.number),
        Subject::Periodic { .. } => t.objection_b_intro().to_owned(),
    };
    view! {
        {move || match (receipt.get(), reviewing.get()) {
            _ if queued.with(Option::is_some) => view! { <Queued local=queued.get().unwrap_or_default()/> }.into_any(),
            (Some(r), _) => view! { <Received receipt=r/> }.into_any(),
            (None, Some(body)) => view! {
                <Review body/>
                <div aria-live="polite">
                    {move || failure.get().map(|error| view! { <crate::components::outbox::NotSent error/> })}
                </div>
                <p>{t.declaration()}</p>
                <p>
                    <button type="button" class="button" on:click=send disabled=move || pending.get()>
                        {move || if pending.get() { t.sending() } else if failure.with(Option::is_some) { t.send_again() } else { t.objection_submit() }}
                    </button>
                    " "
                    <button type="button" class="button secondary" on:click=move |_| reviewing.set(None)>{t.change()}</button>
                </p>
            }
            .into_any(),
            (None, None) => {
                let (offered, receivable, lead) = (offered.clone(), receivable.clone(), lead.clone());
                view! {
                    <ErrorSummary errors/>
                    <p class="lead">{lead}</p>
                    <form on:submit=on_submit.clone() novalidate=true>
                        {(!receivable.is_empty()).then(|| view! { <ReceivedDates receivable received errors today=now/> })}
                        <fieldset id="obj-reasons" tabindex="-1" aria-describedby="obj-reasons-hint">
                            <legend>{t.objection_reasons_title()}</legend>
                            <p class="hint" id="obj-reasons-hint">{t.objection_reasons_hint()}</p>
                            {move || error_of(errors, "obj-reasons").map(|m| view! { <p class="error-message">{m}</p> })}
                            {offered.into_iter().map(|reason| view! { <ReasonChoice reason chosen readings/> }).collect_view()}
                            <p class="hint">{t.objection_guides_note()}</p>
                        </fieldset>
                        {move || readings.with(|r| match r {
                            Err(e) => Some(view! { <p class="error-panel" role="alert">{error_text(t, e)}</p> }.into_any()),
                            Ok(list) => chosen.with(|c| list.iter().any(|(x, e)| c.contains(x) && !e.is_open())).then(|| view! {
                                <div class="warning-text" id="obj-warning">
                                    <span class="warning-icon" aria-hidden="true">"!"</span>
                                    <strong><span class="visually-hidden">{t.warning_word()} ": "</span>{t.objection_chosen_warning()}</strong>
                                </div>
                            }.into_any()),
                        })}
                        <TextField id="obj-case" label=t.objection_case() errors multiline=true input_type="text" autocomplete="off"
                            value=case_summary.into() on_input=Callback::new(move |v| case_summary.set(v))/>
                        <TextField id="obj-purpose" label=t.objection_purpose() errors multiline=true input_type="text" autocomplete="off"
                            value=purpose.into() on_input=Callback::new(move |v| purpose.set(v))/>
                        <h2>{t.objection_who()}</h2>
                        <Choices id="f-kind" legend=t.q_kind() hint="" legend_is_h1=false multiple=false options={crate::domain::draft::requester_kinds(&portal.meta.with_value(|m| m.contract_version.clone())).iter().map(|k| t.requester_kind(*k)).collect::<Vec<_>>()} errors
                            checked=kinds on_change=Callback::new(move |(i, _): (usize, bool)| who.update(|d| d.kind = Some(KINDS[i])))/>
                        {text_field("f-name", t.f_name(), who, |d| &mut d.name, errors, false, "name")}
                        {move || match who.with(|d| d.kind) {
                            Some(RequesterKind::LegalEntity) => text_field("f-decree", t.f_decree(), who, |d| &mut d.decree_number, errors, false, "off").into_any(),
                            Some(RequesterKind::Proxy) => view! {
                                {text_field("f-nik", t.f_nik(), who, |d| &mut d.nik, errors, false, "off")}
                                {text_field("f-principal", t.f_principal(), who, |d| &mut d.principal_name, errors, false, "off")}
                                <PowerOfAttorney power/>
                            }.into_any(),
                            Some(RequesterKind::Group) => view! {
                                {text_field("f-group-name", t.f_group_name(), who, |d| &mut d.group_name, errors, false, "off")}
                                {text_field("f-nik", t.f_nik(), who, |d| &mut d.nik, errors, false, "off")}
                            }.into_any(),
                            _ => text_field("f-nik", t.f_nik(), who, |d| &mut d.nik, errors, false, "off").into_any(),
                        }}
                        {text_field("f-address", t.f_address(), who, |d| &mut d.address, errors, true, "off")}
                        {text_field("f-phone", t.f_phone(), who, |d| &mut d.phone, errors, false, "tel")}
                        {text_field("f-email", t.f_email(), who, |d| &mut d.email, errors, false, "email")}
                        <button type="submit" class="button">{t.req_continue()}</button>
                    </form>
                }
                .into_any()
            }
        }}
    }
}
