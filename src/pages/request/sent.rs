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
    // The QR code's encoder is fetched only now: no other page needs it.
    let qr = RwSignal::new(None::<(u32, String)>);
    {
        let link = status_link.clone();
        leptos::task::spawn_local(async move {
            if let Some(code) = qr_code(&link).await {
                qr.try_set(Some(code));
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
                let ics = calendar_link(t, &number, &received, &d);
                view! {
                    <Deadlines d/>
                    <p class="no-print"><a href=ics download=format!("{number}.ics")>{t.receipt_ics}</a></p>
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
fn calendar_link(t: &Texts, number: &str, received_at: &str, d: &RequestDeadlines) -> String {
    use crate::domain::date::LocalTime;
    use crate::domain::ics::{calendar, Event};
    let explain = |x: &Derivation| {
        let mut text = (t.computed_from)(x.working_days, &weekday_date(t, x.start));
        for s in &x.skipped {
            text.push_str(&format!("\n{} — {}", weekday_date(t, s.date), reason(t, &s.reason)));
        }
        text
    };
    let (notice, extended) = (explain(&d.notice), explain(&d.extended));
    let summary = |label: &str| format!("{label} — {number}");
    let (s1, s2) = (summary(t.sent_notice_due), summary(t.sent_extended_due));
    let stamp = LocalTime::parse_rfc3339(received_at).unwrap_or(LocalTime {
        unix_ms: js_sys::Date::now() as i64,
        offset_minutes: 0,
    });
    let ics = calendar(
        &[
            Event {
                uid: format!("{number}-notice@ppid"),
                date: d.notice.due,
                summary: &s1,
                description: &notice,
            },
            Event {
                uid: format!("{number}-extended@ppid"),
                date: d.extended.due,
                summary: &s2,
                description: &extended,
            },
        ],
        stamp,
    );
    format!(
        "data:text/calendar;charset=utf-8,{}",
        crate::reference::percent_encode(&ics)
    )
}

/// The QR code of `text` as (width in modules, SVG path), from `qr.js`, which is loaded on first use.
async fn qr_code(text: &str) -> Option<(u32, String)> {
    let global = js_sys::global();
    let encoder = || js_sys::Reflect::get(&global, &"ppidQr".into()).ok().filter(JsValue::is_function);
    let f = match encoder() {
        Some(f) => f,
        None => {
            let script: web_sys::HtmlElement = document().create_element("script").ok()?.dyn_into().ok()?;
            script.set_attribute("src", &crate::api::resolve("qr.js")).ok()?;
            let loaded = js_sys::Promise::new(&mut |ok, fail| {
                script.set_onload(Some(&ok));
                script.set_onerror(Some(&fail));
            });
            document().body()?.append_child(&script).ok()?;
            wasm_bindgen_futures::JsFuture::from(loaded).await.ok()?;
            encoder()?
        }
    };
    let code = f.unchecked_into::<js_sys::Function>().call1(&JsValue::NULL, &text.into()).ok()?;
    let size = js_sys::Reflect::get(&code, &"size".into()).ok()?.as_f64()? as u32;
    let path = js_sys::Reflect::get(&code, &"path".into()).ok()?.as_string()?;
    // Only the moves and lines of a QR path: anything else from a script is not drawn.
    path.bytes()
        .all(|b| b"Mhvz -".contains(&b) || b.is_ascii_digit())
        .then_some((size, path))
}
