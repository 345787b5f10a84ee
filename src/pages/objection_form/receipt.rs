//! The objection's registration, or its provisional receipt while it waits in the outbox.

use crate::api::ApiError;
use crate::components::deadline::{calendar_and_deadlines, DueRow};
use crate::components::outbox::Provisional;
use crate::components::{error_text, format_instant as when, today};
use crate::context::{use_portal, use_texts};
use crate::contract::{warning_code, ObjectionReceipt, ObjectionWarning};
use crate::domain::date::Date;
use crate::domain::deadlines::objection_answer_deadline;
use crate::domain::objection::Reason;
use crate::domain::workdays::Derivation;
use crate::offline::outbox::use_outbox;
use leptos::prelude::*;

/// An objection waiting in the outbox: its provisional receipt, replaced by the registration once
/// the backend accepts it.
#[component]
pub(super) fn Queued(local: String) -> impl IntoView {
    // The provisional receipt leads to this device's submissions on the status page.
    crate::offline::sw::keep_too(crate::domain::route::BundleName::Status);
    let outbox = use_outbox();
    let state = outbox.registration::<ObjectionReceipt>(local);
    move || match state.get() {
        Some((Some(receipt), _)) => view! { <Received receipt/> }.into_any(),
        Some((None, entry)) => view! { <Provisional entry/> }.into_any(),
        None => view! { <crate::components::LoadingLine/> }.into_any(),
    }
}

/// The objection's number and when the atasan PPID must answer, with how that was computed.
#[component]
pub(super) fn Received(receipt: ObjectionReceipt) -> impl IntoView {
    keep_dispute();
    let t = use_texts();
    let portal = use_portal();
    let standards = portal.meta.with_value(|m| m.service_standards.clone());
    let due = RwSignal::new(None::<Result<Derivation, ApiError>>);
    {
        let calendar = calendar_and_deadlines(&receipt.counts_from, today().year() + 1);
        let start = Date::parse(&receipt.counts_from);
        leptos::task::spawn_local(async move {
            let result = async {
                let (cal, _) = calendar.await?;
                let start = start.ok_or(ApiError::Contract("counts_from"))?;
                objection_answer_deadline(&cal, start, &standards)
                    .map_err(crate::components::deadline::missing_year)
            }
            .await;
            due.try_set(Some(result));
        });
    }
    let received = receipt.received_at.clone();
    let dispute = format!(
        "/keberatan/sengketa?nomor={}",
        crate::contract::url::percent_encode(&receipt.number)
    );
    let warnings = receipt.warnings.clone();
    view! {
        <div class="confirmation">
            <h2>{t.objection_sent()}</h2>
            <p>{t.objection_number()}</p>
            <p class="reference">{receipt.number.clone()}</p>
        </div>
        <dl class="summary-list deadlines">
            <div class="row"><dt>{t.sent_received()}</dt><dd>{move || when(t, &received)}</dd></div>
            {move || match due.get() {
                None => None,
                Some(Ok(d)) => Some(view! { <DueRow label=t.dispute_answer_due() d/> }.into_any()),
                Some(Err(e)) => Some(view! { <p class="error-panel" role="alert">{error_text(t, &e)}</p> }.into_any()),
            }}
        </dl>
        {(!warnings.is_empty()).then(|| view! {
            <section class="panel warnings" aria-labelledby="obj-warnings-title">
                <h3 id="obj-warnings-title">{t.objection_warnings_title()}</h3>
                <p>{t.objection_warnings_body()}</p>
                <ul>{warnings.iter().map(|w| view! { <li data-reason=w.reason.clone()>{warning_text(t, w)}</li> }).collect_view()}</ul>
            </section>
        })}
        <p>{t.objection_next()}</p>
        <p><a href=crate::components::router::rooted(&dispute)>{t.dispute_title()}</a></p>
    }
}

/// One of the backend's notes on timing, in words: the reason and what the record shows.
fn warning_text(t: &crate::i18n::Texts, w: &ObjectionWarning) -> String {
    let reason = Reason::from_letter(&w.reason).map_or_else(
        || w.reason.chars().take(3).collect(),
        |r| format!("{}. {}", r.letter(), t.reason(r)),
    );
    let window = w.window.as_ref();
    let day = |d: Option<&String>| d.map(|d| t.date_str(d));
    let what = match w.code.as_str() {
        warning_code::LOOKS_LATE => (t.warning_looks_late())(
            &day(window.and_then(|x| x.last_day.as_ref())).unwrap_or_default(),
        ),
        warning_code::NOT_IN_RECORD => t.warning_not_in_record().to_owned(),
        _ => match day(window.and_then(|x| x.opens.as_ref())) {
            Some(d) => (t.warning_looks_early_from())(&d),
            None => t.warning_looks_early().to_owned(),
        },
    };
    format!("{reason} — {what}")
}

/// An objection registered: its answer and the dispute route are looked up next, in the dispute
/// bundle, which is kept for them.
fn keep_dispute() {
    crate::offline::sw::keep_too(crate::domain::route::BundleName::Dispute);
}
