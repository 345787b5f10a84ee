//! Cek Status: look a request up by its number and a detail only the requester knows.

use crate::api::{ApiError, Backend};
use crate::app::{use_portal, use_texts};
use crate::components::deadline::{
    calendar_and_deadlines, calendar_link, event_title, reading_text, receipt_script, weekday_date,
    DueRow,
};
use crate::components::{
    error_text, format_instant as when, today, use_load, use_title, LoadingLine,
};
use crate::contract::{
    feature, AccessLookup, Lookup, RequestEvent, RequestStatus, SurveySubmission,
    MAX_SURVEY_COMMENT,
};
use crate::domain::objection::{self, Reading};
use crate::pages::item::{file_kind, human_size, is_safe_url};
use crate::pages::request::fields::{ErrorSummary, TextField};
use leptos::prelude::*;

/// What proved the shown answer is the requester's: the receipt's link (its access token) or the
/// verifier typed in the form. The survey proves ownership with the same.
#[derive(Clone)]
enum Proof {
    Link(String),
    Verifier(String),
}

/// The access token of the receipt's link (`#akses=`): in the fragment, which never reaches a
/// server. `None` when the page was not opened by such a link.
fn link_token() -> Option<String> {
    let hash = window().location().hash().ok()?;
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|p| p.strip_prefix("akses="))
        .map(crate::reference::percent_decode)
}

/// The lookup form and, once found, the request's history.
#[component]
pub fn StatusLookup() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    // A receipt's QR code links here with the number filled in (`?nomor=`) and, since contract
    // 1.4.0, the receipt's access token (`#akses=`), which opens the status without a verifier.
    let from_link = crate::components::router::use_location()
        .with_untracked(|l| l.param("nomor"))
        .unwrap_or_default();
    let number = RwSignal::new(from_link.clone());
    let verifier = RwSignal::new(String::new());
    // (field id, sentence) for each missing answer, set only after a submit attempt.
    let missing = RwSignal::new(Vec::<(&'static str, &'static str)>::new());
    let errors = Signal::derive(move || missing.get());
    let answer = RwSignal::new(None::<(Result<RequestStatus, ApiError>, Proof)>);
    let pending = RwSignal::new(false);
    if let Some(token) = link_token() {
        let lookup = AccessLookup {
            number: from_link.trim().to_owned(),
            access_token: token.trim().to_owned(),
        };
        if lookup.number.is_empty() || lookup.access_token.is_empty() {
            // A cut-off link: the form, with the reason.
            answer.set(Some((Err(ApiError::NotFound), Proof::Link(token))));
        } else {
            let backend = portal.backend.get_value();
            pending.set(true);
            leptos::task::spawn_local(async move {
                let result = backend.request_access(&lookup).await;
                pending.try_set(false);
                answer.try_set(Some((result, Proof::Link(lookup.access_token))));
            });
        }
    }
    use_title(move || (t.status_title().into(), !missing.with(Vec::is_empty)));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut m = Vec::new();
        if number.with_untracked(|n| n.trim().is_empty()) {
            m.push(("status-number", t.status_e_number()));
        }
        if verifier.with_untracked(|v| v.trim().is_empty()) {
            m.push(("status-verifier", t.status_e_verifier()));
        }
        let invalid = !m.is_empty();
        missing.set(m);
        answer.set(None);
        if invalid || pending.get_untracked() {
            return;
        }
        let lookup = Lookup {
            number: number.get_untracked().trim().to_owned(),
            verifier: verifier.get_untracked().trim().to_owned(),
        };
        let backend = portal.backend.get_value();
        pending.set(true);
        leptos::task::spawn_local(async move {
            let result = backend.request_status(&lookup).await;
            // The page may be gone by now (the citizen navigated away): then the answer is dropped.
            pending.try_set(false);
            answer.try_set(Some((result, Proof::Verifier(lookup.verifier))));
        });
    };
    let input = |s: RwSignal<String>| Callback::new(move |v: String| s.set(v));
    let hint = number_hint(
        t,
        portal
            .meta
            .with_value(|m| m.registration_number_example.clone()),
    );
    view! {
        <h1>{t.status_title()}</h1>
        <ErrorSummary errors/>
        <p class="lead">{t.status_intro()}</p>
        <form on:submit=on_submit novalidate=true>
            <TextField id="status-number" label=(t.status_number(), hint) value=number.into()
                on_input=input(number) errors multiline=false input_type="text" autocomplete="off"/>
            <TextField id="status-verifier" label=(t.status_verifier(), t.status_verifier_hint()) value=verifier.into()
                on_input=input(verifier) errors multiline=false input_type="text" autocomplete="email"/>
            <button type="submit" class="button" disabled=move || pending.get()>{t.status_submit()}</button>
        </form>
        <div aria-live="polite">
            // A link opens the status by itself: say it is on its way (a slow line takes seconds).
            {move || (pending.get() && answer.with(Option::is_none)).then(|| view! { <LoadingLine/> })}
            {move || answer.get().map(|(r, proof)| match r {
                Ok(status) => view! { <StatusView status proof/> }.into_any(),
                Err(ApiError::NotFound) => {
                    let text = match proof {
                        Proof::Link(_) => t.status_link_failed(),
                        Proof::Verifier(_) => t.status_not_found(),
                    };
                    view! { <p class="error-panel" role="alert">{text}</p> }.into_any()
                }
                Err(e) => view! { <p class="error-panel" role="alert">{move || error_text(t, &e)}</p> }.into_any(),
            })}
        </div>
        <FromThisDevice/>
    }
}

/// The registration number's hint, with the backend's example when it gives one: each office has
/// its own format, so the portal shows none of its own. The field takes a `'static` hint; the
/// metadata does not change while a page runs, so each distinct hint is made once and kept.
fn number_hint(t: &'static crate::i18n::Texts, example: Option<String>) -> &'static str {
    let example = example
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty() && !e.chars().any(char::is_control));
    let Some(example) = example else {
        return t.status_number_hint();
    };
    let short: String = example.chars().take(64).collect();
    let hint = format!(
        "{} {}",
        t.status_number_hint(),
        (t.status_number_example())(&short)
    );
    thread_local! {
        static MADE: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    MADE.with_borrow_mut(|made| match made.iter().find(|h| **h == hint) {
        Some(h) => *h,
        None => {
            let h: &'static str = Box::leak(hint.into_boxed_str());
            made.push(h);
            h
        }
    })
}

/// Submissions made on this device while the backend could not be reached: waiting, registered
/// (the number replaces the temporary one) or refused.
#[component]
fn FromThisDevice() -> impl IntoView {
    let t = use_texts();
    let outbox = crate::offline::outbox::use_outbox();
    move || {
        let entries = outbox.entries.get();
        (!entries.is_empty()).then(|| view! {
            <section id="perangkat" aria-labelledby="perangkat-heading">
                <h2 id="perangkat-heading">{t.device_title()}</h2>
                <p>{t.device_intro()}</p>
                <ul class="device-list">
                    {entries.into_iter().map(|e| {
                        let kind = match e.kind {
                            crate::offline::outbox::Kind::Request => t.device_request(),
                            crate::offline::outbox::Kind::Objection => t.device_objection(),
                        };
                        let state = match (&e.number, &e.refused) {
                            (Some(n), _) => view! {
                                {t.device_registered()} " " <strong class="registered-number">{n.clone()}</strong>
                            }.into_any(),
                            (None, Some(_)) => view! { {t.device_refused()} }.into_any(),
                            (None, None) => view! { {t.device_waiting()} }.into_any(),
                        };
                        let key = e.key.clone();
                        let done = !e.waiting();
                        let reopen = (e.number.is_none() && e.refused.is_some() && e.body.is_some())
                            .then(|| view! { <Reopen entry=e.clone()/> });
                        view! {
                            <li class="panel">
                                <p><strong>{format!("{kind} {}", e.local_ref())}</strong>
                                    " · " {crate::components::format_ms(t, e.queued_at as f64)}</p>
                                <p>{state}</p>
                                {reopen}
                                {done.then(|| view! {
                                    <button type="button" class="button secondary" on:click=move |_| outbox.forget(key.clone())>
                                        {t.device_forget()}<span class="visually-hidden">{format!(" {}", e.local_ref())}</span>
                                    </button>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    }
}

/// "Open again in the form" for a submission the backend refused: it is handed to its form (the
/// answers, and the backend's errors at their questions), removed from the outbox, and the form
/// opens at the first question to correct. A form already being filled in is never overwritten.
#[component]
fn Reopen(entry: crate::offline::outbox::Entry) -> impl IntoView {
    use crate::offline::outbox::Kind;
    let t = use_texts();
    let outbox = crate::offline::outbox::use_outbox();
    let navigate = crate::components::router::use_navigate();
    let problem = RwSignal::new(None::<&'static str>);
    let local = entry.local_ref();
    let open = move |_| {
        let (busy, page) = match entry.kind {
            Kind::Request => (
                crate::pages::request::draft_in_progress(),
                format!(
                    "/permohonan/{}",
                    crate::domain::draft::first_to_correct(&entry.problems).slug()
                ),
            ),
            Kind::Objection => (
                crate::pages::objection_form::draft_in_progress(),
                "/keberatan/ajukan".to_owned(),
            ),
        };
        if busy {
            problem.set(Some(match entry.kind {
                Kind::Request => t.device_reopen_busy_request(),
                Kind::Objection => t.device_reopen_busy_objection(),
            }));
        } else if !crate::offline::outbox::hand_back(&entry) {
            problem.set(Some(t.device_reopen_unreadable()));
        } else {
            let key = entry.key.clone();
            leptos::task::spawn_local(async move {
                outbox.remove(&key).await;
                navigate(&page, false);
            });
        }
    };
    view! {
        <p>
            <button type="button" class="button" on:click=open>
                {t.device_reopen()}<span class="visually-hidden">{format!(" {local}")}</span>
            </button>
        </p>
        <div aria-live="polite">
            {move || problem.get().map(|m| view! { <p class="error-panel" role="alert">{m}</p> })}
        </div>
    }
}

#[component]
fn StatusView(status: RequestStatus, proof: Proof) -> impl IntoView {
    let t = use_texts();
    let received = status.received_at.clone();
    let counts_from = status.counts_from.clone();
    let surveyed = use_portal()
        .meta
        .with_value(|m| m.features.iter().any(|f| f == feature::SURVEY));
    let survey = (surveyed && status.is_finished()).then(|| {
        view! { <Survey number=status.number.clone() proof answered=status.survey_answered/> }
    });
    view! {
        <section class="panel" aria-labelledby="status-heading">
            <h2 id="status-heading">{status.number.clone()}</h2>
            <p>{status.information.clone()}</p>
            <dl class="summary-list">
                <div class="row"><dt>{t.status_received()}</dt><dd>{move || when(t, &received)}</dd></div>
                <div class="row"><dt>{t.status_counts_from()}</dt><dd>{t.date_str(&counts_from)}</dd></div>
            </dl>
            <Clock status=status.clone()/>
            <h3>{t.status_timeline()}</h3>
            <ol class="timeline">
                {status.events.into_iter().map(|e| view! { <EventItem event=e/> }).collect_view()}
            </ol>
        </section>
        {survey}
    }
}

/// Where the satisfaction survey of a finished request stands.
#[derive(Clone, Copy, PartialEq)]
enum SurveyState {
    Open,
    Thanks,
    Answered,
}

/// The satisfaction survey of a finished request (contract 1.2.0, feature `survey`): a rating from
/// 1 to 5 and an optional comment, one answer per request. A failed send keeps both and is sent
/// again with the same idempotency key.
#[component]
fn Survey(number: String, proof: Proof, answered: bool) -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let rating = RwSignal::new(0u8);
    let comment = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let failed = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let state = RwSignal::new(if answered {
        SurveyState::Answered
    } else {
        SurveyState::Open
    });
    let key = StoredValue::new(crate::pages::request::new_idempotency_key());
    let summary = NodeRef::<leptos::html::Div>::new();
    let done = NodeRef::<leptos::html::Div>::new();
    let focus = |node: NodeRef<leptos::html::Div>| {
        request_animation_frame(move || {
            if let Some(el) = node.get_untracked() {
                let _ = el.focus();
            }
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = rating.get_untracked();
        missing.set(r == 0);
        failed.set(None);
        if r == 0 {
            focus(summary);
            return;
        }
        if pending.get_untracked() {
            return;
        }
        let (verifier, access_token) = match &proof {
            Proof::Verifier(v) => (v.clone(), None),
            Proof::Link(token) => (String::new(), Some(token.clone())),
        };
        let body = SurveySubmission {
            number: number.clone(),
            verifier,
            access_token,
            rating: r,
            comment: Some(comment.get_untracked().trim().to_owned()).filter(|c| !c.is_empty()),
        };
        let backend = portal.backend.get_value();
        pending.set(true);
        leptos::task::spawn_local(async move {
            let result = backend.submit_survey(&key.get_value(), &body).await;
            pending.try_set(false);
            match result {
                Ok(_) => {
                    state.try_set(SurveyState::Thanks);
                    focus(done);
                }
                Err(ApiError::Conflict) => {
                    state.try_set(SurveyState::Answered);
                    focus(done);
                }
                Err(e) => {
                    failed.try_set(Some(e));
                    focus(summary);
                }
            }
        });
    };
    let left = move || MAX_SURVEY_COMMENT.saturating_sub(comment.with(|c| c.chars().count()));
    let error = move || {
        if missing.get() {
            Some(t.survey_e_rating().to_owned())
        } else {
            failed.get().map(|e| match e {
                ApiError::Invalid(_) => t.survey_e_invalid().to_owned(),
                e => error_text(t, &e),
            })
        }
    };
    view! {
        <section class="panel survey" aria-labelledby="survey-heading">
            <h2 id="survey-heading">{t.survey_title()}</h2>
            {move || match state.get() {
                SurveyState::Thanks => view! {
                    <div tabindex="-1" node_ref=done class="confirmation"><p>{t.survey_thanks()}</p></div>
                }.into_any(),
                SurveyState::Answered => view! {
                    <div tabindex="-1" node_ref=done><p>{t.survey_answered()}</p></div>
                }.into_any(),
                SurveyState::Open => view! {
                    <div class="error-summary" tabindex="-1" node_ref=summary aria-labelledby="survey-error-title" hidden=move || error().is_none()>
                        <div role="alert">
                            {move || error().map(|text| view! {
                                <h3 id="survey-error-title">{t.error_summary_title()}</h3>
                                <ul><li><a href="#survey-rating-1">{text}</a></li></ul>
                            })}
                        </div>
                    </div>
                    <p>{t.survey_intro()}</p>
                    <form on:submit=submit.clone() novalidate=true>
                        <fieldset class="field" class:field-error=move || missing.get()
                            aria-describedby=move || if missing.get() { "survey-rating-error" } else { "" }>
                            <legend>{t.survey_rating()}</legend>
                            {move || missing.get().then(|| view! {
                                <p class="error-message" id="survey-rating-error">{t.survey_e_rating()}</p>
                            })}
                            <div class="survey-scale">
                                {(1..=5u8).map(|n| {
                                    let id = format!("survey-rating-{n}");
                                    let label_for = id.clone();
                                    view! {
                                        <label class="survey-choice" for=label_for>
                                            <input type="radio" name="survey-rating" id=id value=n.to_string()
                                                prop:checked=move || rating.get() == n
                                                on:change=move |_| rating.set(n)/>
                                            {t.survey_level(n)}
                                        </label>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                        <div class="field">
                            <label for="survey-comment">{t.survey_comment()}</label>
                            <p class="hint" id="survey-comment-hint">{move || (t.survey_comment_left())(left())}</p>
                            <textarea id="survey-comment" rows="3" maxlength=MAX_SURVEY_COMMENT.to_string()
                                aria-describedby="survey-comment-hint"
                                prop:value=move || comment.get()
                                on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                        </div>
                        <button type="submit" class="button" disabled=move || pending.get()>{t.survey_send()}</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}

/// The law's clock for this request: the due date of the written notice (extended when an
/// extension was notified in time) with how it was computed, the working days left or how late it
/// is, a calendar file, which objection reasons are open now and until when, and the way to object.
#[component]
fn Clock(status: RequestStatus) -> impl IntoView {
    let t = use_texts();
    let standards = use_portal()
        .meta
        .with_value(|m| m.service_standards.clone());
    let number = status.number.clone();
    let received = status.received_at.clone();
    let clock = use_load(move || {
        let now = today();
        // Objection windows run 30 working days past today at most: one more calendar year.
        let calendar = calendar_and_deadlines(&status.counts_from, now.year() + 1);
        let (status, standards) = (status.clone(), standards.clone());
        async move {
            let (cal, _) = calendar.await?;
            let clock = objection::request_clock(&status, &cal, &standards, now)
                .map_err(objection_error)?;
            let reasons = objection::readings(&status, &[], &cal, &standards, now)
                .map_err(objection_error)?;
            Ok::<_, ApiError>((clock, reasons))
        }
    });
    let script = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if receipt_script().await.is_some() {
            script.try_set(true);
        }
    });
    let object = format!(
        "/keberatan/ajukan?nomor={}",
        crate::reference::percent_encode(&number)
    );
    view! {
        {move || match clock.get() {
            None => view! { <LoadingLine/> }.into_any(),
            Some(Err(e)) => view! { <p class="error-panel" role="alert">{error_text(t, &e)}</p> }.into_any(),
            Some(Ok((clock, reasons))) => {
                let label = if clock.extended { t.sent_extended_due() } else { t.sent_notice_due() };
                let (class, text) = match clock.working_days_left {
                    None => ("clock", t.status_noticed().to_owned()),
                    _ if clock.overdue => ("clock overdue", (t.status_overdue())(clock.working_days_left.unwrap_or(0).abs().max(1))),
                    Some(0) => ("clock", t.status_due_today().to_owned()),
                    Some(left) => ("clock", (t.status_left())(left)),
                };
                let due = clock.due;
                let events = [(format!("{number}-due@ppid"), &due, format!("{label} — {number}"))];
                let ics = script.get().then(|| calendar_link(t, &received, &events)).flatten();
                let office = clock.office_counts_from.map(|o| (t.status_office_rule())(&weekday_date(t, o), &weekday_date(t, clock.counts_from)));
                view! {
                    <dl class="summary-list deadlines">
                        <DueRow label d=due.clone()/>
                        {clock.office_due.map(|d| view! { <DueRow label=t.status_office_due() d/> })}
                    </dl>
                    {office.map(|o| view! { <p class="hint">{o}</p> })}
                    <p class=class>{text}</p>
                    {ics.map(|href| view! { <p><a href=href download=format!("{number}.ics")>{t.receipt_ics()}</a></p> })}
                    <Reasons reasons/>
                }
                .into_any()
            }
        }}
        <p><a href=crate::components::router::rooted(&object) class="button secondary">{t.status_object()}</a></p>
    }
}

/// Every Pasal 35(1) reason with the portal's reading of it: until when, from when, or what the
/// record shows; every one of them can still be sent.
#[component]
fn Reasons(reasons: Vec<(objection::Reason, Reading)>) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="reasons-now" aria-labelledby="reasons-now-title">
            <h3 id="reasons-now-title">{t.reasons_now_title()}</h3>
            <ul>
                {reasons.into_iter().map(|(reason, e)| {
                    let (class, text) = reading_text(t, &e);
                    view! {
                        <li class=class data-reason=reason.letter()>
                            <strong>{format!("{}. {}", reason.letter(), t.reason(reason))}</strong>
                            " " <span>{text}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="hint">{t.objection_guides_note()}</p>
        </section>
    }
}

/// The citizen-facing error of a window that could not be worked out.
fn objection_error(e: objection::ObjectionError) -> ApiError {
    match e {
        objection::ObjectionError::YearMissing(year) => ApiError::CalendarYearMissing(Some(year)),
        objection::ObjectionError::MalformedDate { .. } => ApiError::Contract("date"),
    }
}

#[component]
fn EventItem(event: RequestEvent) -> impl IntoView {
    let t = use_texts();
    let at = event.at.clone();
    let documents = event.documents.clone();
    let detail = [
        event.body_name.clone(),
        event.reason.clone(),
        event.note.clone(),
        event
            .provide_by
            .as_deref()
            .map(|d| (t.event_provide_by())(&t.date_str(d))),
        event
            .received_on
            .as_deref()
            .map(|d| (t.event_received_on())(&t.date_str(d))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>();
    view! {
        <li>
            <p class="event-title">
                <strong>{move || event_title(t, &event)}</strong>
                " · " {move || when(t, &at)}
            </p>
            {detail.into_iter().map(|d| view! { <p>{d}</p> }).collect_view()}
            {(!documents.is_empty()).then(|| view! {
                <ul class="files">
                    {documents.into_iter().filter(|f| is_safe_url(&f.url)).map(|f| {
                        let kind = file_kind(&f.name, &f.media_type);
                        view! { <li><a href=f.url.clone() rel="noopener">{f.name.clone()}</a> " (" {kind} ", " {human_size(f.size_bytes)} ")"</li> }
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
}
