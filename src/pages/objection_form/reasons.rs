//! The reasons chosen and the dates the citizen received each notice, delivery or bill.

use crate::api::ApiError;
use crate::components::deadline::{reading_text, weekday_date};
use crate::components::fields::Shown;
use crate::context::use_texts;
use crate::contract::ReceivedDate;
use crate::domain::date::Date;
use crate::domain::objection::{Reading, Reason};
use leptos::prelude::*;

/// One reason, always selectable, with the portal's reading of it under its label.
#[component]
pub(super) fn ReasonChoice(
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
pub(super) fn ReceivedDates(
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

/// The message shown at field `id`, if any.
pub(super) fn error_of(errors: Signal<Shown>, id: &'static str) -> Option<&'static str> {
    errors.with(|e| e.iter().find(|(i, _)| *i == id).map(|(_, m)| *m))
}
