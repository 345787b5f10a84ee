//! Check your answers: the objection as it will be sent.

use crate::api::ApiError;
use crate::components::outbox::NotSent;
use crate::context::use_texts;
use crate::contract::ObjectionSubmission;
use crate::domain::objection::Reason;
use leptos::prelude::*;

/// The answers to check, the declaration, "Kirim" (or "Kirim lagi" after a failure, with why) and
/// "Ubah", which empties `reviewing` and so goes back to the form.
pub(super) fn confirm(
    body: ObjectionSubmission,
    pending: RwSignal<bool>,
    failure: RwSignal<Option<ApiError>>,
    on_send: Callback<()>,
    reviewing: RwSignal<Option<ObjectionSubmission>>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <Review body/>
        <div aria-live="polite">
            {move || failure.get().map(|error| view! { <NotSent error/> })}
        </div>
        <p>{t.declaration()}</p>
        <p>
            <button type="button" class="button" on:click=move |_| on_send.run(()) disabled=move || pending.get()>
                {move || if pending.get() { t.sending() } else if failure.with(Option::is_some) { t.send_again() } else { t.objection_submit() }}
            </button>
            " "
            <button type="button" class="button secondary" on:click=move |_| reviewing.set(None)>{t.change()}</button>
        </p>
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
