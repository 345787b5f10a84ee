//! Ajukan keberatan: find the request (or, for reason b alone, none), say when each notice,
//! delivery or bill was received, choose among all seven Pasal 35 reasons (each with the portal's
//! reading of its window, a warning when it looks early or late, never a refusal), the case
//! summary, the purpose of use, the objector's identity (a proxy's power of attorney), an
//! idempotent submit, and the objection number with the date by which the atasan PPID must answer
//! and the backend's notes on timing.

use crate::api::{ApiError, Backend};
use crate::app::{use_portal, use_texts};
use crate::components::deadline::{
    calendar_and_deadlines, load_calendar, reading_text, weekday_date, DueRow,
};
use crate::components::{error_text, format_instant as when, today, use_title};
use crate::contract::{
    field_code, warning_code, Attachment, AttachmentRole, FieldError, Lookup, ObjectionReceipt,
    ObjectionSubmission, ObjectionWarning, ReceivedDate, RequestStatus, RequesterKind,
};
use crate::domain::date::Date;
use crate::domain::deadlines::objection_answer_deadline;
use crate::domain::draft::RequestDraft;
use crate::domain::objection::{self, Reading, Reason};
use crate::domain::workdays::{Derivation, WorkCalendar};
use crate::offline::outbox::{can_wait, use_outbox, Kind, Provisional};
use crate::pages::request::fields::{field_id, message, Choices, ErrorSummary, Shown, TextField};
use leptos::prelude::*;

use crate::offline::device::OBJECTION_DRAFT_KEY as DRAFT_KEY;

/// The objection as typed, kept in browser storage so a reload loses nothing (not in kiosk mode;
/// `offline::device` says for how long); deleted once the objection is registered.
#[derive(Clone, Debug, Default, PartialEq)]
struct ObjectionDraft {
    number: String,
    verifier: String,
    reasons: Vec<String>,
    case_summary: String,
    purpose: String,
    who: RequestDraft,
    /// The errors shown (the backend's or the form's own), so that a reload still shows them.
    errors: Vec<FieldError>,
    /// The dates the citizen says they received the request's notices, deliveries and bills.
    received: Vec<ReceivedDate>,
    /// Reason b alone, without a request.
    periodic: bool,
    /// With `periodic`: the catalogue item the periodic information belongs to, if known.
    item: String,
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

/// Where this device keeps drafts (`offline::device`): the tab's storage on a shared device.
fn storage() -> Option<web_sys::Storage> {
    crate::offline::device::draft_storage()
}

fn load_draft() -> ObjectionDraft {
    if let Some(draft) = take_reopened() {
        return draft;
    }
    storage()
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .and_then(|j| crate::json::from_str(&j).ok())
        .unwrap_or_default()
}

/// An objection the backend refused after it waited in the outbox, handed back from the status
/// page: its answers become the saved draft, and the form finds its request again.
fn take_reopened() -> Option<ObjectionDraft> {
    let entry = crate::offline::outbox::take_handed_back(crate::offline::outbox::Kind::Objection)?;
    // Read with the draft's own decoders: the objector's fields have the request draft's names.
    let body = crate::json::parse(entry.body.as_deref()?).ok()?;
    let f = crate::json::Fields::of(&body).ok()?;
    let text = |key| f.or_default::<String>(key).ok();
    let number = text("request_number")?;
    let draft = ObjectionDraft {
        periodic: number.is_empty(),
        number,
        verifier: text("verifier")?,
        reasons: f.or_default("reasons").ok()?,
        case_summary: text("case_summary")?,
        purpose: text("purpose")?,
        who: f.or_default("objector").ok()?,
        errors: entry.problems,
        received: f.or_default("received_dates").ok()?,
        item: text("catalogue_item_id")?,
    };
    save_draft(&draft, false);
    Some(draft)
}

/// Whether an objection is being written on this device: something typed past the lookup (the
/// form keeps the request's number and verifier from the lookup on). Read through the browser's
/// JSON, not the draft's decoder: the status page asks, and its bundle need not carry the decoder.
pub fn draft_in_progress() -> bool {
    let Some(saved) = storage().and_then(|s| s.get_item(DRAFT_KEY).ok().flatten()) else {
        return false;
    };
    let Ok(saved) = js_sys::JSON::parse(&saved) else {
        return false;
    };
    let text = |field: &str| {
        js_sys::Reflect::get(&saved, &field.into())
            .ok()
            .and_then(|v| v.as_string())
            .is_some_and(|v| !v.is_empty())
    };
    let reasons = js_sys::Reflect::get(&saved, &"reasons".into())
        .ok()
        .and_then(|v| wasm_bindgen::JsCast::dyn_into::<js_sys::Array>(v).ok())
        .is_some_and(|a| a.length() > 0);
    reasons || text("case_summary") || text("purpose")
}

fn save_draft(draft: &ObjectionDraft, kiosk: bool) {
    if let Some(s) = storage() {
        if kiosk {
            let _ = s.remove_item(DRAFT_KEY);
        } else {
            let _ = s.set_item(DRAFT_KEY, &crate::json::to_string(draft));
            crate::offline::device::touch_drafts(&s);
        }
    }
}

fn forget_draft() {
    if let Some(s) = storage() {
        let _ = s.remove_item(DRAFT_KEY);
    }
}

/// What the objection is about: a request found with its verifier and the calendar its windows
/// are read on, or (reason b alone) periodic information, perhaps a catalogue item.
#[derive(Clone)]
enum Subject {
    Request {
        status: RequestStatus,
        verifier: String,
        cal: WorkCalendar,
    },
    Periodic {
        item: String,
    },
}

/// The objection form.
#[component]
pub fn ObjectionForm() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    use_title(move || (t.objection_form_title().into(), false));
    let saved = load_draft();
    let (from_link, periodic_link, item_link) = crate::components::router::use_location()
        .with_untracked(|l| {
            (
                l.param("nomor"),
                l.param("alasan").as_deref() == Some("b"),
                l.param("item"),
            )
        });
    // A link to another request starts afresh; otherwise the saved draft resumes.
    let resume = from_link.as_ref().is_none_or(|n| *n == saved.number)
        && !saved.number.is_empty()
        && !saved.verifier.is_empty();
    let periodic = periodic_link || (from_link.is_none() && saved.periodic);
    let number = RwSignal::new(from_link.unwrap_or_else(|| saved.number.clone()));
    let verifier = RwSignal::new(if resume {
        saved.verifier.clone()
    } else {
        String::new()
    });
    let found = RwSignal::new(if periodic {
        Some(Subject::Periodic {
            item: item_link.unwrap_or_else(|| saved.item.clone()),
        })
    } else {
        None
    });
    let lookup_error = RwSignal::new(None::<ApiError>);
    let missing = RwSignal::new(Vec::<(&'static str, &'static str)>::new());
    let pending = RwSignal::new(false);
    let rules = portal.meta.with_value(|m| m.deadline_rules.clone());
    let lookup = move || {
        let mut m = Vec::new();
        if number.with_untracked(|n| n.trim().is_empty()) {
            m.push(("obj-number", t.status_e_number()));
        }
        if verifier.with_untracked(|v| v.trim().is_empty()) {
            m.push(("obj-verifier", t.status_e_verifier()));
        }
        let invalid = !m.is_empty();
        missing.set(m);
        if invalid || pending.get_untracked() {
            return;
        }
        let lookup = Lookup {
            number: number.get_untracked().trim().to_owned(),
            verifier: verifier.get_untracked().trim().to_owned(),
        };
        let backend = portal.backend.get_value();
        let now = today();
        let cuti = rules.cuti_bersama_is_non_working;
        pending.set(true);
        lookup_error.set(None);
        leptos::task::spawn_local(async move {
            let result = async {
                let status = backend.request_status(&lookup).await?;
                let start = crate::domain::date::Date::parse(&status.counts_from)
                    .ok_or(ApiError::Contract("counts_from"))?;
                let cal = load_calendar(&backend, cuti, start, now.year() + 1).await?;
                Ok::<_, ApiError>(Subject::Request {
                    status,
                    verifier: lookup.verifier,
                    cal,
                })
            }
            .await;
            pending.try_set(false);
            match result {
                Ok(f) => {
                    found.try_set(Some(f));
                }
                Err(e) => {
                    lookup_error.try_set(Some(e));
                }
            }
        });
    };
    if resume && found.with_untracked(Option::is_none) {
        lookup.clone()();
    }
    let on_lookup = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        lookup();
    };
    let input = |s: RwSignal<String>| Callback::new(move |v: String| s.set(v));
    let errors = Signal::derive(move || missing.get());
    view! {
        <h1>{t.objection_form_title()}</h1>
        {move || match found.get() {
            Some(f) => view! { <Details found=f saved=saved.clone()/> }.into_any(),
            None => view! {
                <ErrorSummary errors/>
                <p class="lead">{t.objection_form_intro()}</p>
                <form on:submit=on_lookup.clone() novalidate=true>
                    <TextField id="obj-number" label=(t.status_number(), t.status_number_hint()) value=number.into()
                        on_input=input(number) errors multiline=false input_type="text" autocomplete="off"/>
                    <TextField id="obj-verifier" label=(t.status_verifier(), t.status_verifier_hint()) value=verifier.into()
                        on_input=input(verifier) errors multiline=false input_type="text" autocomplete="email"/>
                    <button type="submit" class="button" disabled=move || pending.get()>{t.req_continue()}</button>
                </form>
                <div aria-live="polite">
                    {move || lookup_error.get().map(|e| view! {
                        <p class="error-panel" role="alert">{if e == ApiError::NotFound { t.status_not_found().to_owned() } else { error_text(t, &e) }}</p>
                    })}
                </div>
                <p>{t.objection_without_request()}</p>
                <p><a href=crate::components::router::rooted("/keberatan/ajukan?alasan=b")
                    on:click=move |ev| { ev.prevent_default(); found.set(Some(Subject::Periodic { item: String::new() })); }>
                    {t.objection_without_request_link()}</a></p>
            }
            .into_any(),
        }}
    }
}

/// The dates of receipt, the reasons, the case, the objector, and the submit; then the receipt.
#[component]
fn Details(found: Subject, saved: ObjectionDraft) -> impl IntoView {
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
            key.set_value(crate::pages::request::new_idempotency_key());
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
                    {move || failure.get().map(|error| view! { <crate::offline::outbox::NotSent error/> })}
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

/// One reason, always selectable, with the portal's reading of it under its label.
#[component]
fn ReasonChoice(
    reason: Reason,
    chosen: RwSignal<Vec<Reason>>,
    readings: Memo<Result<Vec<(Reason, Reading)>, ApiError>>,
) -> impl IntoView {
    let t = use_texts();
    let id = format!("obj-reason-{}", reason.letter());
    let hint_id = format!("{id}-hint");
    let reading = move || {
        readings.with(|r| {
            r.as_ref()
                .ok()
                .and_then(|r| r.iter().find(|(x, _)| *x == reason))
                .map(|(_, e)| reading_text(t, e).1)
        })
    };
    view! {
        <div class="choice">
            <input type="checkbox" id=id.clone() name="obj-reasons" aria-describedby=hint_id.clone()
                prop:checked=move || chosen.with(|c| c.contains(&reason))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    chosen.update(|c| { c.retain(|r| *r != reason); if on { c.push(reason); } });
                }/>
            <label for=id>{format!("{}. {}", reason.letter(), t.reason(reason))}</label>
            <p class="hint" id=hint_id>{reading}</p>
        </div>
    }
}

/// "When did you receive it?": one date per notice, delivery or bill, from its sending date to
/// today. An unchanged date means "the day it was sent".
#[component]
fn ReceivedDates(
    receivable: Vec<(u32, String, Date)>,
    received: RwSignal<Vec<ReceivedDate>>,
    errors: Signal<Shown>,
    today: Date,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <fieldset id="obj-received" tabindex="-1" aria-describedby="obj-received-hint" class="field">
            <legend>{t.received_title()}</legend>
            <p class="hint" id="obj-received-hint">{t.received_hint()}</p>
            {move || error_of(errors, "obj-received").map(|m| view! { <p class="error-message">{m}</p> })}
            {receivable.into_iter().map(|(event, title, sent)| {
                let id = format!("obj-received-{event}");
                let value = move || received.with(|r| r.iter().find(|d| d.event == event).map_or_else(|| sent.to_string(), |d| d.on.clone()));
                view! {
                    <div class="field">
                        <label for=id.clone()>{(t.received_label())(&title, &weekday_date(t, sent))}</label>
                        <input type="date" id=id min=sent.to_string() max=today.to_string() prop:value=value
                            on:change=move |ev| {
                                let on = event_target_value(&ev);
                                received.update(|r| {
                                    r.retain(|d| d.event != event);
                                    if !on.is_empty() && on != sent.to_string() {
                                        r.push(ReceivedDate { event, on });
                                    }
                                });
                            }/>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// A proxy's special power of attorney, prepared as the request form prepares documents (photos
/// redrawn without their metadata), and kept in memory only.
#[component]
fn PowerOfAttorney(power: RwSignal<Option<Attachment>>) -> impl IntoView {
    let t = use_texts();
    let (label, hint) = t.objection_power_of_attorney();
    let problem = RwSignal::new(false);
    let metadata = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let prepared =
                crate::pages::request::document::prepare(AttachmentRole::PowerOfAttorney, file)
                    .await;
            problem.try_set(prepared.is_err());
            let prepared = prepared.ok();
            metadata.try_set(prepared.as_ref().is_some_and(|p| p.1));
            power.try_set(prepared.map(|p| p.0));
        });
    };
    view! {
        <div class="field">
            <label for="obj-power">{label}</label>
            <p class="hint" id="obj-power-hint">{hint} " " {t.objection_document_memory()}</p>
            <div role="status">
                {move || problem.get().then(|| view! { <p class="error-message">{t.invalid_unspecified()}</p> })}
                {move || power.with(|p| p.as_ref().map(|a| view! { <p class="attached">{t.doc_attached()} " " <strong>{a.file_name.clone()}</strong></p> }))}
                {move || metadata.get().then(|| view! { <p class="hint">{t.doc_pdf_metadata()}</p> })}
            </div>
            <input type="file" id="obj-power" accept="image/*,application/pdf" aria-describedby="obj-power-hint" on:change=on_change/>
        </div>
    }
}

const KINDS: [RequesterKind; 4] = RequesterKind::ALL;

fn error_of(errors: Signal<Shown>, id: &'static str) -> Option<&'static str> {
    errors.with(|e| e.iter().find(|(i, _)| *i == id).map(|(_, m)| *m))
}

/// A text field bound to one of the objector's answers.
fn text_field(
    id: &'static str,
    label: (&'static str, &'static str),
    who: RwSignal<RequestDraft>,
    field: fn(&mut RequestDraft) -> &mut String,
    errors: Signal<Shown>,
    multiline: bool,
    autocomplete: &'static str,
) -> AnyView {
    let input_type = match autocomplete {
        "tel" => "tel",
        "email" => "email",
        _ => "text",
    };
    view! {
        <TextField id label errors multiline input_type autocomplete
            value=Signal::derive(move || who.with(|d| field(&mut d.clone()).clone()))
            on_input=Callback::new(move |v: String| who.update(|d| *field(d) = v))/>
    }
    .into_any()
}

/// The objection's number and when the atasan PPID must answer, with how that was computed.
/// An objection waiting in the outbox: its provisional receipt, replaced by the registration once
/// the backend accepts it.
#[component]
fn Queued(local: String) -> impl IntoView {
    let outbox = use_outbox();
    let state = outbox.registration::<ObjectionReceipt>(local);
    move || match state.get() {
        Some((Some(receipt), _)) => view! { <Received receipt/> }.into_any(),
        Some((None, entry)) => view! { <Provisional entry/> }.into_any(),
        None => view! { <crate::components::LoadingLine/> }.into_any(),
    }
}

#[component]
fn Received(receipt: ObjectionReceipt) -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let standards = portal.meta.with_value(|m| m.service_standards.clone());
    let due = RwSignal::new(None::<Result<Derivation, ApiError>>);
    {
        let calendar = calendar_and_deadlines(&receipt.counts_from, today().year() + 1);
        let start = Date::parse(&receipt.counts_from);
        leptos::task::spawn_local(async move {
            let result = async {
                let (cal, _) = calendar.await?;
                let start = start.ok_or(ApiError::Contract("counts_from"))?;
                objection_answer_deadline(&cal, start, &standards)
                    .map_err(crate::components::deadline::missing_year)
            }
            .await;
            due.try_set(Some(result));
        });
    }
    let received = receipt.received_at.clone();
    let dispute = format!(
        "/keberatan/sengketa?nomor={}",
        crate::reference::percent_encode(&receipt.number)
    );
    let warnings = receipt.warnings.clone();
    view! {
        <div class="confirmation">
            <h2>{t.objection_sent()}</h2>
            <p>{t.objection_number()}</p>
            <p class="reference">{receipt.number.clone()}</p>
        </div>
        <dl class="summary-list deadlines">
            <div class="row"><dt>{t.sent_received()}</dt><dd>{move || when(t, &received)}</dd></div>
            {move || match due.get() {
                None => None,
                Some(Ok(d)) => Some(view! { <DueRow label=t.dispute_answer_due() d/> }.into_any()),
                Some(Err(e)) => Some(view! { <p class="error-panel" role="alert">{error_text(t, &e)}</p> }.into_any()),
            }}
        </dl>
        {(!warnings.is_empty()).then(|| view! {
            <section class="panel warnings" aria-labelledby="obj-warnings-title">
                <h3 id="obj-warnings-title">{t.objection_warnings_title()}</h3>
                <p>{t.objection_warnings_body()}</p>
                <ul>{warnings.iter().map(|w| view! { <li data-reason=w.reason.clone()>{warning_text(t, w)}</li> }).collect_view()}</ul>
            </section>
        })}
        <p>{t.objection_next()}</p>
        <p><a href=crate::components::router::rooted(&dispute)>{t.dispute_title()}</a></p>
    }
}

/// One of the backend's notes on timing, in words: the reason and what the record shows.
fn warning_text(t: &crate::i18n::Texts, w: &ObjectionWarning) -> String {
    let reason = Reason::from_letter(&w.reason).map_or_else(
        || w.reason.chars().take(3).collect(),
        |r| format!("{}. {}", r.letter(), t.reason(r)),
    );
    let window = w.window.as_ref();
    let day = |d: Option<&String>| d.map(|d| t.date_str(d));
    let what = match w.code.as_str() {
        warning_code::LOOKS_LATE => (t.warning_looks_late())(
            &day(window.and_then(|x| x.last_day.as_ref())).unwrap_or_default(),
        ),
        warning_code::NOT_IN_RECORD => t.warning_not_in_record().to_owned(),
        _ => match day(window.and_then(|x| x.opens.as_ref())) {
            Some(d) => (t.warning_looks_early_from())(&d),
            None => t.warning_looks_early().to_owned(),
        },
    };
    format!("{reason} — {what}")
}

/// Check your answers: the objection as it will be sent.
#[component]
fn Review(body: ObjectionSubmission) -> impl IntoView {
    let t = use_texts();
    let reasons = body
        .reasons
        .iter()
        .filter_map(|r| Reason::from_letter(r))
        .map(|r| format!("{}. {}", r.letter(), t.reason(r)))
        .collect::<Vec<_>>();
    let o = &body.objector;
    let identity = [
        o.nik.as_deref(),
        o.decree_number.as_deref(),
        o.principal_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let contact = [o.phone.as_deref(), o.email.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let row = |label: &'static str, value: String| view! { <div class="row"><dt>{label}</dt><dd>{value}</dd></div> };
    view! {
        <h2 id="obj-review" tabindex="-1">{t.objection_review()}</h2>
        <dl class="summary-list check">
            {(!body.request_number.is_empty()).then(|| row(t.dispute_request(), body.request_number.clone()))}
            {body.received_dates.iter().map(|d| row(t.received_title(), t.date_str(&d.on))).collect_view()}
            <div class="row"><dt>{t.objection_reasons_title()}</dt><dd><ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul></dd></div>
            {row(t.objection_case().0, body.case_summary.clone())}
            {row(t.objection_purpose().0, body.purpose.clone())}
            {row(t.f_name().0, o.name.clone())}
            {row(t.q_identity(), identity)}
            {row(t.f_address().0, o.address.clone())}
            {row(t.contact_hint(), contact)}
            {body.assisted_by.clone().map(|who| row(t.kiosk_assisted(), who))}
        </dl>
    }
}
