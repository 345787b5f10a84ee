//! Sengketa: after the atasan PPID has answered an objection (or let its deadline pass), the road to
//! the Komisi Informasi: the last day to file, how it was computed, what to bring, and a printable
//! summary of the case.

use crate::api::{ApiError, Backend};
use crate::components::deadline::{calendar_and_deadlines, weekday_date, DueRow};
use crate::components::files::FileList;
use crate::components::lookup::{LookupAnswers, LookupForm};
use crate::components::{
    error_text, format_instant as when, today, use_load, use_title, LoadingLine,
};
use crate::context::{use_portal, use_texts};
use crate::contract::{EventKind, Lookup, ObjectionStatus, RequestStatus};
use crate::domain::date::Date;
use crate::domain::objection::{self, DisputeWindow, Reading};
use leptos::prelude::*;

/// The objection lookup and, once found, the dispute route.
#[component]
pub fn Dispute() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let from_link = crate::components::router::use_location()
        .with_untracked(|l| l.param("nomor"))
        .unwrap_or_default();
    let form = LookupAnswers::new(
        ("dispute-number", "dispute-verifier"),
        t.dispute_e_number(),
        from_link,
        String::new(),
    );
    let answer = RwSignal::new(None::<Result<ObjectionStatus, ApiError>>);
    // The request it is about, for the summary (the same verifier usually opens it).
    let request = RwSignal::new(None::<RequestStatus>);
    let pending = RwSignal::new(false);
    use_title(move || (t.dispute_title().into(), !form.missing.with(Vec::is_empty)));
    let on_submit = move |lookup: Option<Lookup>| {
        answer.set(None);
        let Some(lookup) = lookup.filter(|_| !pending.get_untracked()) else {
            return;
        };
        let backend = portal.backend.get_value();
        pending.set(true);
        request.set(None);
        leptos::task::spawn_local(async move {
            let result = backend.objection_status(&lookup).await;
            if let Ok(o) = &result {
                let of_request = Lookup {
                    number: o.request_number.clone(),
                    verifier: lookup.verifier.clone(),
                };
                if let Ok(r) = backend.request_status(&of_request).await {
                    request.try_set(Some(r));
                }
            }
            pending.try_set(false);
            answer.try_set(Some(result));
        });
    };
    view! {
        <h1>{t.dispute_title()}</h1>
        <LookupForm answers=form number_label=(t.dispute_number(), t.dispute_number_hint())
            lead=t.dispute_intro() submit=t.status_submit() pending on_submit class="no-print"/>
        <div aria-live="polite">
            {move || answer.get().map(|r| match r {
                Ok(objection) => view! { <Route objection request=request.get_untracked()/> }.into_any(),
                Err(ApiError::NotFound) => view! { <p class="error-panel" role="alert">{t.dispute_not_found()}</p> }.into_any(),
                Err(e) => view! { <p class="error-panel" role="alert">{move || error_text(t, &e)}</p> }.into_any(),
            })}
        </div>
    }
}

/// The objection, the atasan's answer (and when the citizen received it), and the window to take
/// it to the Komisi Informasi competent over the public body.
#[component]
fn Route(objection: ObjectionStatus, request: Option<RequestStatus>) -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let (standards, komisi) = portal
        .meta
        .with_value(|m| (m.service_standards.clone(), m.komisi_informasi.clone()));
    let now = today();
    let calendar = {
        let counts_from = objection.counts_from.clone();
        use_load(move || {
            // The Komisi's window runs at most 14 working days past the atasan's 30: one more year.
            let calendar = calendar_and_deadlines(&counts_from, now.year() + 1);
            async move { calendar.await.map(|(cal, _)| cal) }
        })
    };
    // The day the citizen says they received the answer; by default the office's record of it,
    // else the day it was sent.
    let answer_sent = objection
        .answer
        .as_ref()
        .and_then(|a| crate::domain::date::LocalTime::parse_rfc3339(&a.at).map(|l| l.date()));
    let received_on = RwSignal::new(None::<Date>);
    let dispute = {
        let objection = objection.clone();
        Memo::new(move |_| {
            calendar.get().map(|c| {
                let cal = c?;
                objection::dispute_window(&objection, received_on.get(), &cal, &standards, now)
                    .map_err(|e| match e {
                        objection::ObjectionError::YearMissing(y) => {
                            ApiError::CalendarYearMissing(Some(y))
                        }
                        objection::ObjectionError::MalformedDate { .. } => {
                            ApiError::Contract("date")
                        }
                    })
            })
        })
    };
    let reasons = objection
        .reasons
        .iter()
        .map(|r| match objection::Reason::from_letter(r) {
            Some(reason) => format!("{r}. {}", t.reason(reason)),
            None => r.chars().take(3).collect(),
        })
        .collect::<Vec<_>>();
    let received = objection.received_at.clone();
    let answer = objection.answer.clone();
    let komisi = match komisi {
        Some(k) => (t.dispute_komisi())(&k.name),
        None => t.dispute_komisi_default().to_owned(),
    };
    let office_received = answer
        .as_ref()
        .and_then(|a| a.received_on.as_deref().and_then(Date::parse));
    view! {
        <section class="panel" aria-labelledby="dispute-heading">
            <h2 id="dispute-heading">{objection.number.clone()}</h2>
            <dl class="summary-list">
                {(!objection.request_number.is_empty()).then(|| view! { <div class="row"><dt>{t.dispute_request()}</dt><dd>{objection.request_number.clone()}</dd></div> })}
                <div class="row"><dt>{t.status_received()}</dt><dd>{move || when(t, &received)}</dd></div>
                <div class="row"><dt>{t.objection_reasons_title()}</dt><dd><ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul></dd></div>
                <div class="row"><dt>{t.dispute_case()}</dt><dd>{objection.case_summary.clone()}</dd></div>
            </dl>
            {request.map(|r| {
                let received = r.received_at.clone();
                let notice = r.events.iter().find(|e| e.kind == EventKind::Notice).map(|e| e.at.clone());
                view! {
                    <h3>{t.dispute_request()}</h3>
                    <dl class="summary-list">
                        <div class="row"><dt>{t.status_received()}</dt><dd>{move || when(t, &received)}</dd></div>
                        <div class="row"><dt>{t.status_information()}</dt><dd>{r.information.clone()}</dd></div>
                        {notice.map(|at| view! { <div class="row"><dt>{t.event(EventKind::Notice)}</dt><dd>{move || when(t, &at)}</dd></div> })}
                    </dl>
                }
            })}
            <h3>{t.dispute_answer()}</h3>
            {match answer {
                Some(a) => {
                    let at = a.at.clone();
                    view! {
                        <p><strong>{if a.upheld { t.dispute_upheld() } else { t.dispute_not_upheld() }}</strong> " · " {move || when(t, &at)}</p>
                        <p>{a.summary.clone()}</p>
                        <FileList files=a.documents/>
                    }
                    .into_any()
                }
                None => view! { <p>{t.dispute_no_answer()}</p> }.into_any(),
            }}
            {answer_sent.map(|sent| {
                let (label, hint) = t.dispute_received_label();
                let shown = office_received.unwrap_or(sent).max(sent);
                view! {
                    <div class="field no-print">
                        <label for="dispute-received">{label}</label>
                        <p class="hint" id="dispute-received-hint">{hint}</p>
                        <input type="date" id="dispute-received" aria-describedby="dispute-received-hint"
                            min=sent.to_string() max=now.to_string()
                            prop:value=move || received_on.get().unwrap_or(shown).to_string()
                            on:change=move |ev| {
                                // A date outside sending..today cannot be: keep the last good one.
                                let on = Date::parse(&event_target_value(&ev)).filter(|d| *d >= sent && *d <= now);
                                if on.is_some() {
                                    received_on.set(on);
                                }
                            }/>
                    </div>
                }
            })}
            {move || match dispute.get() {
                None => view! { <LoadingLine/> }.into_any(),
                Some(Err(e)) => view! { <p class="error-panel" role="alert">{error_text(t, &e)}</p> }.into_any(),
                Some(Ok(window)) => view! {
                    <dl class="summary-list deadlines">
                        <DueRow label=t.dispute_answer_due() d=window.answer_due.clone()/>
                        <DueRow label=t.dispute_last_day() d=window.last_day.clone()/>
                    </dl>
                    <WindowState window/>
                }
                .into_any(),
            }}
            <p>{komisi}</p>
        </section>
        <h2>{t.dispute_how_title()}</h2>
        <ol>{t.dispute_how().iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
        <p class="no-print">
            <button type="button" class="button secondary" on:click=|_| { let _ = window().print(); }>{t.dispute_print()}</button>
        </p>
    }
}

/// Whether the dispute can be filed now, said plainly; a window that looks closed is a guide too.
#[component]
fn WindowState(window: DisputeWindow) -> impl IntoView {
    let t = use_texts();
    let (class, text) = match &window.state {
        Reading::Open { .. } => (
            "clock",
            (t.dispute_open_until())(&weekday_date(t, window.last_day.due)),
        ),
        Reading::Early { .. } if window.unanswered => (
            "clock",
            (t.dispute_silence())(&weekday_date(t, window.opens)),
        ),
        Reading::Early { .. } | Reading::NotInRecord => (
            "clock",
            (t.dispute_opens_on())(&weekday_date(t, window.opens)),
        ),
        Reading::Late { assumed, .. } => {
            let mut text = (t.dispute_closed())(&weekday_date(t, window.last_day.due));
            if *assumed {
                text.push(' ');
                text.push_str(&(t.reading_from_sending())(&weekday_date(
                    t,
                    window.last_day.start,
                )));
            }
            ("clock overdue", text)
        }
    };
    view! { <p class=class data-state=window.state.warning_code().unwrap_or("open")>{text}</p> }
}
