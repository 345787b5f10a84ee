//! Ajukan keberatan: find the request, choose among the Pasal 35 reasons that are open for it (the
//! others say why not and from when), the case summary, the objector's identity, an idempotent
//! submit, and the objection number with the date by which the atasan PPID must answer.

use crate::api::{ApiError, Backend};
use crate::app::{use_portal, use_texts};
use crate::components::deadline::{calendar_and_deadlines, load_calendar, weekday_date, DueRow};
use crate::components::{error_text, format_instant as when, today, use_title};
use crate::contract::{
    field_code, FieldError, Lookup, ObjectionReceipt, ObjectionSubmission, RequestStatus,
    RequesterKind,
};
use crate::domain::deadlines::objection_answer_deadline;
use crate::domain::draft::RequestDraft;
use crate::domain::objection::{self, Eligibility, Reason};
use crate::domain::workdays::Derivation;
use crate::offline::outbox::{can_wait, use_outbox, Kind, Provisional};
use crate::pages::request::fields::{field_id, message, Choices, ErrorSummary, Shown, TextField};
use leptos::prelude::*;

const DRAFT_KEY: &str = "ppid.objection.draft";

/// The objection as typed, kept in browser storage so a reload or a closed tab loses nothing
/// (not in kiosk mode); deleted once the objection is registered.
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
}

crate::json::json_struct!(decode encode ObjectionDraft {
    number: default,
    verifier: default,
    reasons: default,
    case_summary: default,
    purpose: default,
    who: default,
    errors: skip_empty,
});

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
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
    let draft = ObjectionDraft {
        number: text("request_number")?,
        verifier: text("verifier")?,
        reasons: f.or_default("reasons").ok()?,
        case_summary: text("case_summary")?,
        purpose: text("purpose")?,
        who: f.or_default("objector").ok()?,
        errors: entry.problems,
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
        }
    }
}

fn forget_draft() {
    if let Some(s) = storage() {
        let _ = s.remove_item(DRAFT_KEY);
    }
}

/// What the lookup found: the request, the verifier that opened it, and each reason's eligibility.
#[derive(Clone)]
struct Found {
    status: RequestStatus,
    verifier: String,
    reasons: Vec<(Reason, Eligibility)>,
}

/// The objection form.
#[component]
pub fn ObjectionForm() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    use_title(move || (t.objection_form_title().into(), false));
    let saved = load_draft();
    let from_link = crate::components::router::use_location().with_untracked(|l| l.param("nomor"));
    // A link to another request starts afresh; otherwise the saved draft resumes.
    let resume = from_link.as_ref().is_none_or(|n| *n == saved.number)
        && !saved.number.is_empty()
        && !saved.verifier.is_empty();
    let number = RwSignal::new(from_link.unwrap_or_else(|| saved.number.clone()));
    let verifier = RwSignal::new(if resume {
        saved.verifier.clone()
    } else {
        String::new()
    });
    let found = RwSignal::new(None::<Found>);
    let lookup_error = RwSignal::new(None::<ApiError>);
    let missing = RwSignal::new(Vec::<(&'static str, &'static str)>::new());
    let pending = RwSignal::new(false);
    let (standards, rules) = portal
        .meta
        .with_value(|m| (m.service_standards.clone(), m.deadline_rules.clone()));
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
        let standards = standards.clone();
        let cuti = rules.cuti_bersama_is_non_working;
        pending.set(true);
        lookup_error.set(None);
        leptos::task::spawn_local(async move {
            let result = async {
                let status = backend.request_status(&lookup).await?;
                let start = crate::domain::date::Date::parse(&status.counts_from)
                    .ok_or(ApiError::Contract("counts_from"))?;
                let cal = load_calendar(&backend, cuti, start, now.year() + 1).await?;
                let reasons = objection::eligibility(&status, &cal, &standards, now)
                    .map_err(|_| ApiError::Contract("dates"))?;
                Ok::<_, ApiError>(Found {
                    status,
                    verifier: lookup.verifier,
                    reasons,
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
    if resume {
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
            }
            .into_any(),
        }}
    }
}

/// The reasons, the case, the objector, and the submit; then the receipt.
#[component]
fn Details(found: Found, saved: ObjectionDraft) -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let kiosk = portal.config.with_value(|c| c.kiosk);
    // The saved answers belong to this request only.
    let saved = if saved.number == found.status.number {
        saved
    } else {
        ObjectionDraft::default()
    };
    let open_now = |r: &Reason| found.reasons.iter().any(|(x, e)| x == r && e.is_open());
    let chosen = RwSignal::new(
        saved
            .reasons
            .iter()
            .filter_map(|r| Reason::from_letter(r))
            .filter(open_now)
            .collect::<Vec<_>>(),
    );
    let case_summary = RwSignal::new(saved.case_summary);
    let purpose = RwSignal::new(saved.purpose);
    // The objector's identity and contact, with the request form's rules and fields.
    let who = RwSignal::new(saved.who);
    let raw = RwSignal::new(saved.errors);
    {
        let (number, verifier) = (found.status.number.clone(), found.verifier.clone());
        Effect::new(move || {
            let draft = ObjectionDraft {
                number: number.clone(),
                verifier: verifier.clone(),
                reasons: chosen.with(|c| c.iter().map(|r| r.letter().to_owned()).collect()),
                case_summary: case_summary.get(),
                purpose: purpose.get(),
                who: who.get(),
                errors: raw.get(),
            };
            save_draft(&draft, kiosk);
        });
    }
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
                    let id = match e.pointer.as_str() {
                        p if p.starts_with("/reasons") => "obj-reasons",
                        "/case_summary" => "obj-case",
                        "/purpose" => "obj-purpose",
                        p => field_id(&p.replacen("/objector/", "/requester/", 1)),
                    };
                    let text = match e.pointer.as_str() {
                        p if p.starts_with("/reasons") && e.code == field_code::REQUIRED => {
                            t.objection_e_reasons()
                        }
                        p if p.starts_with("/reasons") => t.objection_e_not_eligible(),
                        "/case_summary" => t.objection_e_case(),
                        "/purpose" => t.objection_e_purpose(),
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
    let request_number = found.status.number.clone();
    let verifier = found.verifier.clone();
    // After "Continue": the answers to check, exactly as they will be sent.
    let reviewing = RwSignal::new(None::<ObjectionSubmission>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = ObjectionSubmission {
            request_number: request_number.clone(),
            verifier: verifier.clone(),
            objector: who.with_untracked(|d| d.submission().requester),
            reasons: chosen.with_untracked(|c| c.iter().map(|r| r.letter().to_owned()).collect()),
            case_summary: case_summary.get_untracked().trim().to_owned(),
            purpose: purpose.get_untracked().trim().to_owned(),
            attachments: vec![],
            assisted_by: crate::offline::kiosk::assisted_by(),
        };
        let mut found_errors = Vec::new();
        if body.reasons.is_empty() {
            found_errors.push(error("/reasons", field_code::REQUIRED));
        }
        if body.case_summary.is_empty() {
            found_errors.push(error("/case_summary", field_code::REQUIRED));
        }
        if body.purpose.is_empty() {
            found_errors.push(error("/purpose", field_code::REQUIRED));
        }
        crate::domain::validate::check_requester(&body.objector, "/objector", &mut found_errors);
        nik_at_submit.set(who.with_untracked(RequestDraft::nik_problem));
        if !found_errors.is_empty() {
            raw.set(found_errors);
            return;
        }
        raw.set(Vec::new());
        reviewing.set(Some(body));
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
    let reasons = found.reasons.clone();
    let options: Vec<(&'static str, &'static str)> = Reason::ALL
        .iter()
        .enumerate()
        .map(|(i, _)| (t.objection_reasons()[i], ""))
        .collect();
    let open: Vec<bool> = reasons.iter().map(|(_, e)| e.is_open()).collect();
    let why_not: Vec<Option<String>> = reasons
        .iter()
        .map(|(_, e)| match e {
            Eligibility::Open { .. } => None,
            Eligibility::NotYet { from: Some(d) } => {
                Some((t.reason_opens_on())(&weekday_date(t, *d)))
            }
            Eligibility::NotYet { from: None } => Some(t.reason_after_notice().to_owned()),
            Eligibility::NotApplicable => Some(t.reason_not_applicable().to_owned()),
            Eligibility::Closed { last_day } => {
                Some((t.reason_closed_on())(&weekday_date(t, last_day.due)))
            }
        })
        .collect();
    let kinds = Callback::new(move |i: usize| who.with(|d| d.kind == Some(KINDS[i])));
    view! {
        {move || match (receipt.get(), reviewing.get()) {
            _ if queued.with(Option::is_some) => view! { <Queued local=queued.get().unwrap_or_default()/> }.into_any(),
            (Some(r), _) => view! { <Received receipt=r/> }.into_any(),
            (None, Some(body)) => view! {
                <Review body/>
                <div aria-live="polite">
                    {move || failure.get().map(|e| view! { <p class="error-panel" role="alert">{error_text(t, &e)}</p> })}
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
                let (open, why_not, options) = (open.clone(), why_not.clone(), options.clone());
                view! {
                    <ErrorSummary errors/>
                    <p class="lead">{(t.objection_form_for())(&found.status.number)}</p>
                    <form on:submit=on_submit.clone() novalidate=true>
                        <fieldset id="obj-reasons" tabindex="-1" aria-describedby="obj-reasons-hint">
                            <legend>{t.objection_reasons_title()}</legend>
                            <p class="hint" id="obj-reasons-hint">{t.objection_reasons_hint()}</p>
                            {move || error_of(errors, "obj-reasons").map(|m| view! { <p class="error-message">{m}</p> })}
                            {Reason::ALL.iter().enumerate().map(|(i, reason)| {
                                let reason = *reason;
                                let id = format!("obj-reason-{}", reason.letter());
                                let hint = why_not[i].clone();
                                let hint_id = format!("{id}-hint");
                                view! {
                                    <div class="choice">
                                        <input type="checkbox" id=id.clone() name="obj-reasons" disabled=!open[i]
                                            aria-describedby=hint.is_some().then(|| hint_id.clone())
                                            prop:checked=move || chosen.with(|c| c.contains(&reason))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                chosen.update(|c| { c.retain(|r| *r != reason); if on { c.push(reason); } });
                                            }/>
                                        <label for=id>{format!("{}. {}", reason.letter(), options[i].0)}</label>
                                        {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
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

const KINDS: [RequesterKind; 4] = RequesterKind::ALL;

fn error(pointer: &str, code: &str) -> FieldError {
    FieldError {
        pointer: pointer.into(),
        code: code.into(),
        message: None,
    }
}

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
        let start = crate::domain::date::Date::parse(&receipt.counts_from);
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
        <p>{t.objection_next()}</p>
        <p><a href=crate::components::router::rooted(&dispute)>{t.dispute_title()}</a></p>
    }
}

/// Check your answers: the objection as it will be sent.
#[component]
fn Review(body: ObjectionSubmission) -> impl IntoView {
    let t = use_texts();
    let reasons = body
        .reasons
        .iter()
        .filter_map(|r| Reason::from_letter(r))
        .map(|r| {
            let i = Reason::ALL.iter().position(|x| *x == r).unwrap_or(0);
            format!("{}. {}", r.letter(), t.objection_reasons()[i])
        })
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
            {row(t.dispute_request(), body.request_number.clone())}
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
