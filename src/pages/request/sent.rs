//! The confirmation: registration number, receipt time, and the notice deadlines with how they
//! were worked out from the backend's calendar.

use super::{session_storage, use_draft, RECEIPT_KEY};
use crate::components::deadline::{
    calendar_and_deadlines, calendar_link, qr_code, receipt_script, DueRow,
};
use crate::components::outbox::Provisional;
use crate::components::{format_instant, use_load, use_title, ErrorPanel, LoadingLine};
use crate::context::use_texts;
use crate::contract::RequestReceipt;
use crate::domain::deadlines::RequestDeadlines;
use crate::offline::outbox::use_outbox;
use leptos::prelude::*;

/// The page after a submit: the registration, or the provisional receipt of a request waiting in
/// the outbox (`?sementara=`), replaced by the registration once the backend accepts it.
#[component]
pub fn Sent() -> impl IntoView {
    // A request sent (or waiting to be): following it up is the next step, so its bundle is kept.
    crate::offline::sw::keep_too(crate::domain::route::BundleName::Status);
    let local = crate::components::router::use_location().with_untracked(|l| l.param("sementara"));
    // Whether the backend asked if the request may be published (the receipt then says the answer).
    let asked = use_draft().answers.with_untracked(|d| d.publish_asked);
    if let Some(local) = local {
        let outbox = use_outbox();
        let state = outbox.registration::<RequestReceipt>(local);
        return (move || match state.get() {
            Some((Some(receipt), _)) => view! { <Registered receipt publish=None/> }.into_any(),
            Some((None, entry)) => view! { <Provisional entry/> }.into_any(),
            None if outbox.loaded.get() => view! { <NoReceipt/> }.into_any(),
            None => view! { <LoadingLine/> }.into_any(),
        })
        .into_any();
    }
    let kept = session_storage().and_then(|s| s.get_item(RECEIPT_KEY).ok().flatten());
    let receipt: Option<RequestReceipt> =
        kept.as_deref().and_then(|j| crate::json::from_str(j).ok());
    let publish = kept.as_deref().filter(|_| asked).and_then(choice);
    match receipt {
        Some(receipt) => view! { <Registered receipt publish/> }.into_any(),
        None => view! { <NoReceipt/> }.into_any(),
    }
}

/// The receipt as its page keeps it for the tab: the backend's, with the citizen's publish choice
/// beside its fields (when asked). The receipt's decoder reads only the fields it knows.
pub(super) fn kept(receipt: &RequestReceipt, publish: Option<bool>) -> String {
    let json = crate::json::to_string(receipt);
    match (publish, json.strip_suffix('}')) {
        (Some(p), Some(open)) if open.len() > 1 => format!("{open},\"publish\":{p}}}"),
        _ => json,
    }
}

/// The `publish` member kept beside a receipt.
fn choice(json: &str) -> Option<bool> {
    crate::json::from_str::<Choice>(json).ok()?.publish
}

struct Choice {
    publish: Option<bool>,
}

crate::json::json_struct!(decode Choice { publish: default });

#[component]
fn NoReceipt() -> impl IntoView {
    let t = use_texts();
    use_title(move || (t.not_found_title().into(), false));
    view! {
        <h1>{t.not_found_title()}</h1>
        <p><a href=crate::components::router::rooted("/permohonan")>{t.request_title()}</a></p>
    }
}

/// The registration: number, receipt time, deadlines, QR code.
#[component]
fn Registered(receipt: RequestReceipt, publish: Option<bool>) -> impl IntoView {
    let t = use_texts();
    use_title(move || (t.sent_title().into(), false));
    // The receipt's access token opens the status without a verifier. It goes in the fragment,
    // which the browser never sends to a server, so no web server or proxy logs it.
    let token = receipt
        .access_token
        .as_deref()
        .map(|t| format!("#akses={}", crate::contract::url::percent_encode(t)))
        .unwrap_or_default();
    let status_link = crate::api::resolve(&format!(
        "status?nomor={}{token}",
        crate::contract::url::percent_encode(&receipt.number)
    ));
    let private = receipt.access_token.is_some();
    // The receipt's script (QR code, calendar file) is fetched only now: no other page needs it.
    let qr = RwSignal::new(None::<(u32, String)>);
    let script = RwSignal::new(false);
    {
        let link = status_link.clone();
        leptos::task::spawn_local(async move {
            if receipt_script().await.is_some() {
                script.try_set(true);
                if let Some(code) = qr_code(&link) {
                    qr.try_set(Some(code));
                }
            }
        });
    }
    let number = receipt.number.clone();
    let received = receipt.received_at.clone();
    // The law's day zero when the office's rule gave a later one: the deadlines follow the law.
    let law = receipt
        .counts_from_by_law
        .clone()
        .filter(|l| *l < receipt.counts_from);
    let office_rule = law
        .as_ref()
        .map(|l| (t.status_office_rule())(&t.date_str(&receipt.counts_from), &t.date_str(l)));
    let counts_from = law.unwrap_or_else(|| receipt.counts_from.clone());
    let deadlines = use_load(move || {
        let clock = calendar_and_deadlines(&counts_from, crate::components::today().year());
        async move { clock.await.map(|(_, d)| d) }
    });
    view! {
        <div class="confirmation">
            <h1>{t.sent_title()}</h1>
            <p>{t.sent_number()}</p>
            <p class="reference">{receipt.number.clone()}</p>
        </div>
        <dl class="summary-list">
            <div class="row"><dt>{t.sent_received()}</dt><dd>{format_instant(t, &receipt.received_at)}</dd></div>
            {publish.map(|p| view! { <div class="row"><dt>{t.publish_choice().0}</dt><dd>{t.publish_said(p)}</dd></div> })}
        </dl>
        {move || match deadlines.get() {
            None => view! { <LoadingLine/> }.into_any(),
            Some(Err(e)) => view! { <ErrorPanel error=e on_retry=move || deadlines.refetch()/> }.into_any(),
            Some(Ok(d)) => {
                let events = [
                    (format!("{number}-notice@ppid"), &d.notice, format!("{} — {number}", t.sent_notice_due())),
                    (format!("{number}-extended@ppid"), &d.extended, format!("{} — {number}", t.sent_extended_due())),
                ];
                let ics = script.get().then(|| calendar_link(t, &received, &events)).flatten();
                view! {
                    <Deadlines d/>
                    {office_rule.clone().map(|o| view! { <p class="hint">{o}</p> })}
                    {ics.map(|href| view! { <p class="no-print"><a href=href download=crate::components::deadline::calendar_file_name(&number)>{t.receipt_ics()}</a></p> })}
                }
                .into_any()
            }
        }}
        <figure class="qr">
            {move || qr.get().map(|code| view! { <crate::components::deadline::QrImage code/> })}
            // `target` makes it a full page load: the router's own navigation would drop the fragment
            // (and the status page is another bundle anyway).
            <figcaption>{t.receipt_status_link()} " " <a href=status_link.clone() target="_self">{status_link.clone()}</a></figcaption>
        </figure>
        {private.then(|| view! { <p class="hint">{t.receipt_link_private()}</p> })}
        <p class="no-print">
            <button type="button" class="button secondary" on:click=|_| { let _ = window().print(); }>{t.receipt_print()}</button>
        </p>
        <p class="panel">{t.sent_keep()}</p>
        <h2>{t.sent_next_title()}</h2>
        <ol>{t.sent_next().iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
        <p><a href=crate::components::router::rooted("/status")>{t.nav_status()}</a></p>
    }
}

#[component]
fn Deadlines(d: RequestDeadlines) -> impl IntoView {
    let t = use_texts();
    view! {
        <dl class="summary-list deadlines">
            <DueRow label=t.sent_notice_due() d=d.notice/>
            <DueRow label=t.sent_extended_due() d=d.extended/>
        </dl>
    }
}
