//! Ajukan keberatan: find the request (or, for reason b alone, none), say when each notice,
//! delivery or bill was received, choose among all seven Pasal 35 reasons (each with the portal's
//! reading of its window, a warning when it looks early or late, never a refusal), the case
//! summary, the purpose of use, the objector's identity (a proxy's power of attorney), an
//! idempotent submit, and the objection number with the date by which the atasan PPID must answer
//! and the backend's notes on timing.

mod details;
mod draft;
mod objector;
mod reasons;
mod receipt;
mod review;

use crate::api::{ApiError, Backend};
use crate::components::deadline::load_calendar;
use crate::components::lookup::{LookupAnswers, LookupForm};
use crate::components::{error_text, today, use_title};
use crate::context::{use_portal, use_texts};
use crate::contract::{Lookup, RequestStatus};
use crate::domain::workdays::WorkCalendar;
use details::Details;
use draft::load_draft;
use leptos::prelude::*;

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
    let form = LookupAnswers::new(
        ("obj-number", "obj-verifier"),
        t.status_e_number(),
        from_link.unwrap_or_else(|| saved.number.clone()),
        if resume {
            saved.verifier.clone()
        } else {
            String::new()
        },
    );
    let found = RwSignal::new(if periodic {
        Some(Subject::Periodic {
            item: item_link.unwrap_or_else(|| saved.item.clone()),
        })
    } else {
        None
    });
    let lookup_error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let rules = portal.meta.with_value(|m| m.deadline_rules.clone());
    let lookup = move |lookup: Lookup| {
        if pending.get_untracked() {
            return;
        }
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
        if let Some(l) = form.check() {
            lookup.clone()(l);
        }
    }
    let on_submit = move |l: Option<Lookup>| {
        if let Some(l) = l {
            lookup.clone()(l);
        }
    };
    view! {
        <h1>{t.objection_form_title()}</h1>
        {move || match found.get() {
            Some(f) => view! { <Details found=f saved=saved.clone()/> }.into_any(),
            None => view! {
                <LookupForm answers=form number_label=(t.status_number(), t.status_number_hint())
                    lead=t.objection_form_intro() submit=t.req_continue() pending on_submit class=""/>
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
