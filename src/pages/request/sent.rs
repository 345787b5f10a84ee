//! The confirmation: registration number, receipt time, and the notice deadlines with how they
//! were worked out from the backend's calendar.

use super::{session_storage, RECEIPT_KEY};
use crate::api::{ApiError, Backend};
use crate::app::{use_portal, use_texts};
use crate::components::{error_text, format_instant, use_load, use_title, LoadingLine};
use crate::contract::RequestReceipt;
use crate::domain::date::Date;
use crate::domain::deadlines::{request_deadlines, RequestDeadlines};
use crate::domain::workdays::{Derivation, SkipReason, WorkCalendar};
use crate::i18n::Texts;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The page after a successful submit.
#[component]
pub fn Sent() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    use_title(move || (t.sent_title.into(), false));
    let receipt: Option<RequestReceipt> = session_storage()
        .and_then(|s| s.get_item(RECEIPT_KEY).ok().flatten())
        .and_then(|j| crate::json::from_str(&j).ok());
    let Some(receipt) = receipt else {
        return view! {
            <h1>{t.not_found_title}</h1>
            <p><a href="/permohonan">{t.request_title}</a></p>
        }
        .into_any();
    };
    let counts_from = Date::parse(&receipt.counts_from);
    let status_link = crate::api::resolve(&format!(
        "status?nomor={}",
        crate::reference::percent_encode(&receipt.number)
    ));
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
    let deadlines = use_load(move || {
        let backend = portal.backend.get_value();
        let (standards, rules) = portal
            .meta
            .with_value(|m| (m.service_standards.clone(), m.deadline_rules.clone()));
        async move {
            let start = counts_from.ok_or(ApiError::Contract("counts_from"))?;
            let mut cal = WorkCalendar::new(rules.cuti_bersama_is_non_working);
            // The longest clock here is 17 working days: at most into the next year.
            for year in [start.year(), start.year() + 1] {
                cal.add_year(&backend.calendar(year).await?);
            }
            request_deadlines(&cal, start, &standards)
                .map_err(|e| ApiError::CalendarYearMissing(Some(e.0)))
        }
    });
    view! {
        <div class="confirmation">
            <h1>{t.sent_title}</h1>
            <p>{t.sent_number}</p>
            <p class="reference">{receipt.number.clone()}</p>
        </div>
        <dl class="summary-list">
            <div class="row"><dt>{t.sent_received}</dt><dd>{format_instant(t, &receipt.received_at)}</dd></div>
        </dl>
        {move || match deadlines.get() {
            None => view! { <LoadingLine/> }.into_any(),
            Some(Err(e)) => view! { <p class="error-panel" role="alert">{error_text(t, &e)}</p> }.into_any(),
            Some(Ok(d)) => {
                let ics = script.get().then(|| calendar_link(t, &number, &received, &d)).flatten();
                view! {
                    <Deadlines d/>
                    {ics.map(|href| view! { <p class="no-print"><a href=href download=format!("{number}.ics")>{t.receipt_ics}</a></p> })}
                }
                .into_any()
            }
        }}
        <figure class="qr">
            {move || qr.get().map(|(size, path)| view! {
                <svg viewBox=format!("0 0 {size} {size}") width="148" height="148" role="img" aria-label=t.receipt_qr>
                    <rect width="100%" height="100%" fill="#fff"/>
                    <path d=path fill="#000"/>
                </svg>
            })}
            <figcaption>{t.receipt_status_link} " " <a href=status_link.clone()>{status_link.clone()}</a></figcaption>
        </figure>
        <p class="no-print">
            <button type="button" class="button secondary" on:click=|_| { let _ = window().print(); }>{t.receipt_print}</button>
        </p>
        <p class="panel">{t.sent_keep}</p>
        <h2>{t.sent_next_title}</h2>
        <ol>{t.sent_next.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
        <p><a href="/status">{t.nav_status}</a></p>
    }
    .into_any()
}

#[component]
fn Deadlines(d: RequestDeadlines) -> impl IntoView {
    let t = use_texts();
    view! {
        <dl class="summary-list deadlines">
            <DueRow label=t.sent_notice_due d=d.notice/>
            <DueRow label=t.sent_extended_due d=d.extended/>
        </dl>
    }
}

#[component]
fn DueRow(label: &'static str, d: Derivation) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="row">
            <dt>{label}</dt>
            <dd>
                <strong>{weekday_date(t, d.due)}</strong>
                <details>
                    <summary>{t.how_computed}</summary>
                    <p>{(t.computed_from)(d.working_days, &weekday_date(t, d.start))}</p>
                    {if d.skipped.is_empty() {
                        view! { <p>{t.nothing_skipped}</p> }.into_any()
                    } else {
                        view! {
                            <p>{t.skipped_intro}</p>
                            <ul>{d.skipped.iter().map(|s| view! { <li>{weekday_date(t, s.date)} " — " {reason(t, &s.reason)}</li> }).collect_view()}</ul>
                        }
                        .into_any()
                    }}
                </details>
            </dd>
        </div>
    }
}

fn weekday_date(t: &Texts, d: Date) -> String {
    format!(
        "{}, {}",
        t.weekdays[usize::from(d.weekday().number() - 1)],
        t.date(d)
    )
}

fn reason(t: &Texts, r: &SkipReason) -> String {
    match r {
        SkipReason::Weekend(_) => t.weekend.to_owned(),
        SkipReason::Listed { kind, name, decree } => match decree {
            Some(dec) => format!("{} ({}; {})", name, t.day_kind(*kind), dec),
            None => format!("{} ({})", name, t.day_kind(*kind)),
        },
    }
}

/// A `data:` link to an iCalendar file with both deadlines, each described as it was computed.
fn calendar_link(
    t: &Texts,
    number: &str,
    received_at: &str,
    d: &RequestDeadlines,
) -> Option<String> {
    let explain = |x: &Derivation| {
        let mut text = (t.computed_from)(x.working_days, &weekday_date(t, x.start));
        for s in &x.skipped {
            text.push_str(&format!(
                "\n{} — {}",
                weekday_date(t, s.date),
                reason(t, &s.reason)
            ));
        }
        text
    };
    let parts = js_sys::Array::new();
    parts.push(&received_at.into());
    for (x, label, id) in [
        (&d.notice, t.sent_notice_due, "notice"),
        (&d.extended, t.sent_extended_due, "extended"),
    ] {
        for part in [
            format!("{number}-{id}@ppid"),
            x.due.to_string(),
            format!("{label} — {number}"),
            explain(x),
        ] {
            parts.push(&part.into());
        }
    }
    call_receipt("ppidIcs", &parts)?.as_string()
}

/// Loads `receipt.js` once (a plain script beside the app: the strict CSP allows it).
async fn receipt_script() -> Option<()> {
    if receipt_function("ppidQr").is_some() {
        return Some(());
    }
    let script: web_sys::HtmlElement = document().create_element("script").ok()?.dyn_into().ok()?;
    script
        .set_attribute("src", &crate::api::resolve("receipt.js"))
        .ok()?;
    let loaded = js_sys::Promise::new(&mut |ok, fail| {
        script.set_onload(Some(&ok));
        script.set_onerror(Some(&fail));
    });
    document().body()?.append_child(&script).ok()?;
    wasm_bindgen_futures::JsFuture::from(loaded).await.ok()?;
    Some(())
}

fn receipt_function(name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(&js_sys::global(), &name.into())
        .ok()?
        .dyn_into()
        .ok()
}

fn call_receipt(name: &str, arg: &JsValue) -> Option<JsValue> {
    receipt_function(name)?.call1(&JsValue::NULL, arg).ok()
}

/// The QR code of `text` as (width in modules, SVG path).
fn qr_code(text: &str) -> Option<(u32, String)> {
    let code = call_receipt("ppidQr", &text.into())?;
    let size = js_sys::Reflect::get(&code, &"size".into()).ok()?.as_f64()? as u32;
    let path = js_sys::Reflect::get(&code, &"path".into())
        .ok()?
        .as_string()?;
    // Only the moves and lines of a QR path: anything else from a script is not drawn.
    path.bytes()
        .all(|b| b"Mhvz -".contains(&b) || b.is_ascii_digit())
        .then_some((size, path))
}
