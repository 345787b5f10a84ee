//! What a form shows when its submission could not reach the backend: a provisional receipt while it
//! waits in the outbox, or why it was not sent.

use crate::api::ApiError;
use crate::context::use_texts;
use crate::offline::outbox::{can_wait, now_ms, use_outbox, Entry, Kind};
use leptos::prelude::*;

/// The provisional receipt of a submission waiting in the outbox: a local reference that says
/// plainly it is not registered yet, a QR code, and what happens next.
#[component]
pub fn Provisional(entry: Entry) -> impl IntoView {
    let t = use_texts();
    let outbox = use_outbox();
    let local = entry.local_ref();
    let link = crate::api::resolve(&format!("status?sementara={local}#perangkat"));
    let qr = RwSignal::new(None::<(u32, String)>);
    {
        let link = link.clone();
        leptos::task::spawn_local(async move {
            if crate::components::deadline::receipt_script()
                .await
                .is_some()
            {
                qr.try_set(crate::components::deadline::qr_code(&link));
            }
        });
    }
    let (title, next) = match entry.kind {
        Kind::Request => (t.queued_request_title(), t.queued_request_next()),
        Kind::Objection => (t.queued_objection_title(), t.queued_objection_next()),
    };
    crate::components::use_title(move || (title.into(), false));
    let key = entry.key.clone();
    let attempt = move || {
        outbox.entries.with(|es| {
            es.iter()
                .find(|e| e.key == key)
                .map(|e| e.next_at.max(now_ms()))
        })
    };
    view! {
        <div class="confirmation provisional">
            <h1>{title}</h1>
            <p>{t.queued_ref()}</p>
            <p class="reference">{local.clone()}</p>
        </div>
        <p class="panel warning"><strong>{t.queued_not_registered()}</strong></p>
        <dl class="summary-list">
            <div class="row"><dt>{t.queued_saved_at()}</dt><dd>{crate::components::format_ms(t, entry.queued_at as f64)}</dd></div>
            <div class="row"><dt>{t.queued_next_try()}</dt><dd>{move || attempt().map(|ms| crate::components::format_ms(t, ms as f64)).unwrap_or_default()}</dd></div>
        </dl>
        <figure class="qr">
            {move || qr.get().map(|code| view! { <crate::components::deadline::QrImage code/> })}
            <figcaption>{t.queued_qr()}</figcaption>
        </figure>
        <p class="no-print">
            <button type="button" class="button" on:click=move |_| outbox.send_now()>{t.queued_send_now()}</button>
            " "
            <button type="button" class="button secondary" on:click=|_| { let _ = window().print(); }>{t.receipt_print()}</button>
        </p>
        <h2>{t.sent_next_title()}</h2>
        <ol>{next.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
    }
}

/// Why a submission failed. When it was not sent and nothing was kept (a kiosk or shared device,
/// or a browser that cannot store it): that it can be sent again without being registered twice,
/// and a print of the answers on the page, which the officer at a kiosk's counter can accept as a
/// written submission.
#[component]
pub fn NotSent(error: ApiError) -> impl IntoView {
    let t = use_texts();
    let not_sent = can_wait(&error);
    let at_counter = not_sent && crate::kiosk::is_kiosk();
    view! {
        <div class="error-panel" role="alert">
            <p>
                {crate::components::error_text(t, &error)} " " {not_sent.then_some(t.not_sent())} " "
                {at_counter.then_some(t.not_sent_counter())}
            </p>
            {not_sent.then(|| view! {
                <button type="button" class="button secondary" on:click=|_| { let _ = window().print(); }>{t.not_sent_print()}</button>
            })}
        </div>
    }
}
