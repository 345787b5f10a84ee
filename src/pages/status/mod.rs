//! Cek Status: look a request up by its number and a detail only the requester knows.

mod device;
mod survey;

use crate::api::{ApiError, Backend};
use crate::components::deadline::{
    calendar_and_deadlines, calendar_link, event_title, reading_text, receipt_script, weekday_date,
    DueRow,
};
use crate::components::files::FileList;
use crate::components::lookup::{LookupAnswers, LookupForm};
use crate::components::{
    error_text, format_instant as when, today, use_load, use_title, LoadingLine,
};
use crate::context::{use_portal, use_texts};
use crate::contract::{feature, AccessLookup, Lookup, RequestEvent, RequestStatus};
use crate::domain::objection::{self, Reading};
use leptos::prelude::*;
use survey::Survey;

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
        .map(crate::contract::url::percent_decode)
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
    let form = LookupAnswers::new(
        ("status-number", "status-verifier"),
        t.status_e_number(),
        from_link.clone(),
        String::new(),
    );
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
    use_title(move || (t.status_title().into(), !form.missing.with(Vec::is_empty)));
    let on_submit = move |lookup: Option<Lookup>| {
        answer.set(None);
        let Some(lookup) = lookup.filter(|_| !pending.get_untracked()) else {
            return;
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
    let hint = number_hint(
        t,
        portal
            .meta
            .with_value(|m| m.registration_number_example.clone()),
    );
    view! {
        <h1>{t.status_title()}</h1>
        <LookupForm answers=form number_label=(t.status_number(), hint) lead=t.status_intro()
            submit=t.status_submit() pending on_submit class=""/>
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
        <device::FromThisDevice/>
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
    // Whether the citizen allowed publishing, and where it was published: only from a backend
    // that keeps a register and says so.
    let register = use_portal()
        .meta
        .with_value(|m| m.features.iter().any(|f| f == feature::REGISTER));
    let publish = status.publish.filter(|_| register);
    let published = status
        .register_id
        .clone()
        .filter(|id| register && !id.is_empty())
        .map(|id| {
            crate::components::router::rooted(&format!(
                "/register/{}",
                crate::contract::url::percent_encode(&id)
            ))
        });
    view! {
        <section class="panel" aria-labelledby="status-heading">
            <h2 id="status-heading">{status.number.clone()}</h2>
            <p>{status.information.clone()}</p>
            <dl class="summary-list">
                <div class="row"><dt>{t.status_received()}</dt><dd>{move || when(t, &received)}</dd></div>
                <div class="row"><dt>{t.status_counts_from()}</dt><dd>{t.date_str(&counts_from)}</dd></div>
                {publish.map(|p| view! { <div class="row"><dt>{t.publish_choice().0}</dt><dd>{t.publish_said(p)}</dd></div> })}
            </dl>
            {published.map(|href| view! { <p class="published"><a href=href>{t.published_link()}</a></p> })}
            <Clock status=status.clone()/>
            <h3>{t.status_timeline()}</h3>
            <ol class="timeline">
                {status.events.into_iter().map(|e| view! { <EventItem event=e/> }).collect_view()}
            </ol>
        </section>
        {survey}
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
    // The way to object is on this page now: its bundle is worth keeping for the next step.
    crate::offline::sw::keep_too(crate::domain::route::BundleName::Objection);
    let script = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if receipt_script().await.is_some() {
            script.try_set(true);
        }
    });
    let object = format!(
        "/keberatan/ajukan?nomor={}",
        crate::contract::url::percent_encode(&number)
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
                    {ics.map(|href| view! { <p><a href=href download=crate::components::deadline::calendar_file_name(&number)>{t.receipt_ics()}</a></p> })}
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
                <FileList files=documents/>
            })}
        </li>
    }
}
