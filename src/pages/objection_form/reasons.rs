//! The reasons chosen and the dates the citizen received each notice, delivery or bill.

use super::Subject;
use crate::api::ApiError;
use crate::components::deadline::{reading_text, weekday_date};
use crate::components::error_text;
use crate::components::fields::{error_of, Shown};
use crate::context::use_texts;
use crate::contract::{ReceivedDate, RequestStatus, ServiceStandards};
use crate::domain::date::Date;
use crate::domain::objection::{self, Reading, Reason};
use crate::i18n::Texts;
use leptos::prelude::*;

/// Each reason with the portal's reading of it.
type Readings = Memo<Result<Vec<(Reason, Reading)>, ApiError>>;

/// Each reason's reading, read again whenever a date of receipt changes.
pub(super) fn readings_of(
    found: Subject,
    received: RwSignal<Vec<ReceivedDate>>,
    standards: ServiceStandards,
    now: Date,
) -> Readings {
    Memo::new(move |_| match &found {
        Subject::Request { status, cal, .. } => received.with(|dates| {
            objection::readings(status, dates, cal, &standards, now).map_err(|e| match e {
                objection::ObjectionError::YearMissing(y) => ApiError::CalendarYearMissing(Some(y)),
                objection::ObjectionError::MalformedDate { .. } => ApiError::Contract("dates"),
            })
        }),
        Subject::Periodic { .. } => Ok(vec![(Reason::B, objection::reading_without_request(now))]),
    })
}

/// The events of the request the citizen receives (notices, deliveries, bills): the index the
/// contract names them by, their title and the day they were sent.
pub(super) fn receivable(
    t: &'static Texts,
    status: Option<&RequestStatus>,
) -> Vec<(u32, String, Date)> {
    status
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
        .unwrap_or_default()
}

/// The reasons offered, each with its reading, and a warning when a chosen one looks early or late.
pub(super) fn reasons_field(
    offered: Vec<Reason>,
    chosen: RwSignal<Vec<Reason>>,
    readings: Readings,
    errors: Signal<Shown>,
) -> impl IntoView {
    let t = use_texts();
    let error = error_of(errors, "obj-reasons");
    view! {
        <fieldset id="obj-reasons" tabindex="-1" aria-describedby="obj-reasons-hint">
            <legend>{t.objection_reasons_title()}</legend>
            <p class="hint" id="obj-reasons-hint">{t.objection_reasons_hint()}</p>
            {move || error().map(|m| view! { <p class="error-message">{m}</p> })}
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
    }
}

/// One reason, always selectable, with the portal's reading of it under its label.
#[component]
fn ReasonChoice(
    reason: Reason,
    chosen: RwSignal<Vec<Reason>>,
    readings: Readings,
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
pub(super) fn ReceivedDates(
    receivable: Vec<(u32, String, Date)>,
    received: RwSignal<Vec<ReceivedDate>>,
    errors: Signal<Shown>,
    today: Date,
) -> impl IntoView {
    let t = use_texts();
    let error = error_of(errors, "obj-received");
    view! {
        <fieldset id="obj-received" tabindex="-1" aria-describedby="obj-received-hint" class="field">
            <legend>{t.received_title()}</legend>
            <p class="hint" id="obj-received-hint">{t.received_hint()}</p>
            {move || error().map(|m| view! { <p class="error-message">{m}</p> })}
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
