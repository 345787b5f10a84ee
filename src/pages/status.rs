//! Cek Status: look a request up by its number and a detail only the requester knows.

use crate::api::{ApiError, Backend};
use crate::app::{use_portal, use_texts};
use crate::components::{error_text, format_instant as when, use_title};
use crate::contract::{EventKind, Lookup, Outcome, RequestEvent, RequestStatus};
use crate::i18n::Texts;
use leptos::prelude::*;

/// The lookup form and, once found, the request's history.
#[component]
pub fn StatusLookup() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let number = RwSignal::new(String::new());
    let verifier = RwSignal::new(String::new());
    // Field ids with a missing answer, set only after a submit attempt.
    let missing = RwSignal::new(Vec::<&'static str>::new());
    let answer = RwSignal::new(None::<Result<RequestStatus, ApiError>>);
    let summary = NodeRef::<leptos::html::Div>::new();
    let lookup = Action::new_local(move |l: &Lookup| {
        let backend = portal.backend.get_value();
        let l = l.clone();
        async move { backend.request_status(&l).await }
    });
    Effect::new(move || {
        if let Some(r) = lookup.value().get() {
            answer.set(Some(r));
        }
    });
    use_title(move || (t.status_title.into(), !missing.get().is_empty()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut m = Vec::new();
        if number.get_untracked().trim().is_empty() {
            m.push("status-number");
        }
        if verifier.get_untracked().trim().is_empty() {
            m.push("status-verifier");
        }
        let invalid = !m.is_empty();
        missing.set(m);
        if invalid {
            answer.set(None);
            request_animation_frame(move || {
                if let Some(el) = summary.get() {
                    let _ = el.focus();
                }
            });
            return;
        }
        lookup.dispatch(Lookup {
            number: number.get_untracked().trim().to_owned(),
            verifier: verifier.get_untracked().trim().to_owned(),
        });
    };
    let is_missing = move |id: &'static str| missing.with(|m| m.contains(&id));
    view! {
        <h1>{t.status_title}</h1>
        <Show when=move || !missing.get().is_empty()>
            <div class="error-summary" tabindex="-1" node_ref=summary aria-labelledby="error-summary-title">
                <div role="alert">
                    <h2 id="error-summary-title">{t.error_summary_title}</h2>
                    <ul>
                        {move || missing.get().into_iter().map(|id| view! {
                            <li><a href=format!("#{id}")>{move || field_label(t, id)} ": " {t.required}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        </Show>
        <p class="lead">{t.status_intro}</p>
        <form on:submit=on_submit novalidate=true>
            <Field id="status-number" label=t.status_number hint=t.status_number_hint
                value=number invalid=Signal::derive(move || is_missing("status-number")) autocomplete="off"/>
            <Field id="status-verifier" label=t.status_verifier hint=t.status_verifier_hint
                value=verifier invalid=Signal::derive(move || is_missing("status-verifier")) autocomplete="email"/>
            <button type="submit" class="button" disabled=move || lookup.pending().get()>{t.status_submit}</button>
        </form>
        <div aria-live="polite">
            {move || answer.get().map(|r| match r {
                Ok(status) => view! { <StatusView status/> }.into_any(),
                Err(ApiError::NotFound) => view! { <p class="error-panel" role="alert">{t.status_not_found}</p> }.into_any(),
                Err(e) => view! { <p class="error-panel" role="alert">{move || error_text(t, &e)}</p> }.into_any(),
            })}
        </div>
    }
}

fn field_label(t: &Texts, id: &str) -> &'static str {
    if id == "status-number" {
        t.status_number
    } else {
        t.status_verifier
    }
}

/// A labelled text input with hint and inline error; `aria-invalid` only once validated.
#[component]
fn Field(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: RwSignal<String>,
    invalid: Signal<bool>,
    autocomplete: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let described = move || {
        if invalid.get() {
            format!("{id}-hint {id}-error")
        } else {
            format!("{id}-hint")
        }
    };
    view! {
        <div class="field" class:field-error=move || invalid.get()>
            <label for=id>{label}</label>
            <p class="hint" id=format!("{id}-hint")>{hint}</p>
            <Show when=move || invalid.get()>
                <p class="error-message" id=format!("{id}-error")>{t.required}</p>
            </Show>
            <input
                id=id
                name=id
                type="text"
                autocomplete=autocomplete
                aria-describedby=described
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

#[component]
fn StatusView(status: RequestStatus) -> impl IntoView {
    let t = use_texts();
    let received = status.received_at.clone();
    let counts_from = status.counts_from.clone();
    view! {
        <section class="panel" aria-labelledby="status-heading">
            <h2 id="status-heading">{status.number.clone()}</h2>
            <p>{status.information.clone()}</p>
            <dl class="summary-list">
                <div class="row"><dt>{t.status_received}</dt><dd>{move || when(t, &received)}</dd></div>
                <div class="row"><dt>{t.status_counts_from}</dt><dd>{t.date_str(&counts_from)}</dd></div>
            </dl>
            <h3>{t.status_timeline}</h3>
            <ol class="timeline">
                {status.events.into_iter().map(|e| view! { <EventItem event=e/> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn EventItem(event: RequestEvent) -> impl IntoView {
    let t = use_texts();
    let at = event.at.clone();
    let detail = [
        event.body_name.clone(),
        event.reason.clone(),
        event.note.clone(),
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
        </li>
    }
}

fn event_title(t: &Texts, e: &RequestEvent) -> String {
    let base = match e.kind {
        EventKind::Received => t.events[0],
        EventKind::Verified => t.events[1],
        EventKind::ForwardedUnit => t.events[2],
        EventKind::ForwardedBody => t.events[3],
        EventKind::Extended => t.events[4],
        EventKind::Notice => t.events[5],
        EventKind::Unknown => t.event_unknown,
    };
    let outcome = e.outcome.map(|o| match o {
        Outcome::Fulfilled => t.outcomes[0],
        Outcome::PartlyFulfilled => t.outcomes[1],
        Outcome::Refused => t.outcomes[2],
        Outcome::NotHeld => t.outcomes[3],
        Outcome::NotYetDocumented => t.outcomes[4],
        Outcome::Forwarded => t.outcomes[5],
        Outcome::Unknown => t.event_unknown,
    });
    match (outcome, &e.pasal17) {
        (Some(o), Some(p)) => format!("{base}: {o} ({})", t.pasal17_words(p)),
        (Some(o), None) => format!("{base}: {o}"),
        _ => base.to_owned(),
    }
}
