//! The submissions made from this device: waiting in the outbox, registered, or refused and ready to
//! be opened again in their form.

use crate::context::use_texts;
use leptos::prelude::*;

/// Submissions made on this device while the backend could not be reached: waiting, registered
/// (the number replaces the temporary one) or refused.
#[component]
pub(super) fn FromThisDevice() -> impl IntoView {
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
                crate::offline::device::request_draft_in_progress(),
                format!(
                    "/permohonan/{}",
                    crate::domain::draft::first_to_correct(&entry.problems).slug()
                ),
            ),
            Kind::Objection => (
                crate::offline::device::objection_draft_in_progress(),
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
