//! Deadlines as a citizen sees them (the date, and how it was computed from the backend's calendar),
//! and `receipt.js`, the script behind a receipt's QR code and calendar file (loaded on first use).

use crate::api::{ApiError, Backend};
use crate::context::use_texts;
use crate::contract::RequestEvent;
use crate::domain::date::Date;
use crate::domain::deadlines::{request_deadlines, RequestDeadlines};
use crate::domain::objection::Reading;
use crate::domain::workdays::{CalendarScope, Derivation, SkipReason, WorkCalendar, YearMissing};
use crate::i18n::Texts;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A request's deadlines from day zero `counts_from`, with the backend's calendar from that year to
/// `until_year` (at least the next year: 17 working days can cross a year end; at most five years).
/// A missing year is an error the citizen sees, never a weekends-only count. Call it while
/// rendering (it reads the portal's context then); the future may run later.
pub fn calendar_and_deadlines(
    counts_from: &str,
    until_year: i32,
) -> impl std::future::Future<Output = Result<(WorkCalendar, RequestDeadlines), ApiError>> {
    let portal = crate::context::use_portal();
    let backend = portal.backend.get_value();
    let (standards, rules) = portal
        .meta
        .with_value(|m| (m.service_standards.clone(), m.deadline_rules.clone()));
    let start = Date::parse(counts_from);
    async move {
        let start = start.ok_or(ApiError::Contract("counts_from"))?;
        let cal = load_calendar(
            &backend,
            rules.cuti_bersama_is_non_working,
            start,
            until_year,
        )
        .await?;
        let d = request_deadlines(&cal, start, &standards).map_err(missing_year)?;
        Ok((cal, d))
    }
}

/// The backend's calendar from `start`'s year to `until_year` (at least the next year, at most five).
pub async fn load_calendar(
    backend: &crate::api::AnyBackend,
    cuti_bersama_is_non_working: bool,
    start: Date,
    until_year: i32,
) -> Result<WorkCalendar, ApiError> {
    let last = until_year.clamp(start.year() + 1, start.year() + 5);
    let mut cal = WorkCalendar::new(cuti_bersama_is_non_working);
    for year in start.year()..=last {
        cal.add_year(&backend.calendar(year).await?);
    }
    Ok(cal)
}

/// The citizen-facing error of a year missing from the calendar.
pub fn missing_year(e: YearMissing) -> ApiError {
    ApiError::CalendarYearMissing(Some(e.0))
}

/// One deadline: the date, and under "how this was computed" the working days counted and every
/// day skipped with the reason from the backend's calendar.
#[component]
pub fn DueRow(label: &'static str, d: Derivation) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="row">
            <dt>{label}</dt>
            <dd>
                <strong>{weekday_date(t, d.due)}</strong>
                <details>
                    <summary>{t.how_computed()}</summary>
                    <p>{(t.computed_from())(d.working_days, &weekday_date(t, d.start))}</p>
                    <p>{calendar_words(t, d.calendar)}</p>
                    {if d.skipped.is_empty() {
                        view! { <p>{t.nothing_skipped()}</p> }.into_any()
                    } else {
                        view! {
                            <p>{t.skipped_intro()}</p>
                            <ul>{d.skipped.iter().map(|s| view! { <li>{weekday_date(t, s.date)} " — " {reason(t, &s.reason)}</li> }).collect_view()}</ul>
                        }
                        .into_any()
                    }}
                </details>
            </dd>
        </div>
    }
}

/// Which working days a count used, in words.
pub fn calendar_words(t: &Texts, scope: CalendarScope) -> &'static str {
    match scope {
        CalendarScope::Office => t.calendar_office(),
        CalendarScope::National => t.calendar_national(),
    }
}

/// A reason's reading in words, with its class (`open`, `not-yet`, `closed`) for the list style.
/// A window counted from a sending date says so: the citizen may have received it later.
pub fn reading_text(t: &Texts, r: &Reading) -> (&'static str, String) {
    let from_sending = |assumed: bool, d: &Derivation| {
        if assumed {
            format!(" {}", (t.reading_from_sending())(&weekday_date(t, d.start)))
        } else {
            String::new()
        }
    };
    match r {
        Reading::Open {
            last_day: Some(d),
            assumed,
            ..
        } => (
            "open",
            (t.reason_open_until())(&weekday_date(t, d.due)) + &from_sending(*assumed, d),
        ),
        Reading::Open { last_day: None, .. } => ("open", t.reason_open_any_time().to_owned()),
        Reading::Early { from: Some(d) } => {
            ("not-yet", (t.reason_opens_on())(&weekday_date(t, *d)))
        }
        Reading::Early { from: None } => ("not-yet", t.reason_after_notice().to_owned()),
        Reading::NotInRecord => ("closed", t.reason_not_applicable().to_owned()),
        Reading::Late { last_day, assumed } => (
            "closed",
            (t.reason_closed_on())(&weekday_date(t, last_day.due))
                + &from_sending(*assumed, last_day),
        ),
    }
}

/// "Senin, 7 Desember 2026".
pub fn weekday_date(t: &Texts, d: Date) -> String {
    format!("{}, {}", t.weekday(d.weekday().number()), t.date(d))
}

fn reason(t: &Texts, r: &SkipReason) -> String {
    match r {
        SkipReason::Weekend(_) => t.weekend().to_owned(),
        SkipReason::Listed { kind, name, decree } => match decree {
            Some(dec) => format!("{} ({}; {})", name, t.day_kind(*kind), dec),
            None => format!("{} ({})", name, t.day_kind(*kind)),
        },
    }
}

/// How a deadline was computed, as plain text (for a calendar file).
pub fn explain(t: &Texts, x: &Derivation) -> String {
    let mut text = (t.computed_from())(x.working_days, &weekday_date(t, x.start));
    text.push('\n');
    text.push_str(calendar_words(t, x.calendar));
    for s in &x.skipped {
        text.push_str(&format!(
            "\n{} — {}",
            weekday_date(t, s.date),
            reason(t, &s.reason)
        ));
    }
    text
}

/// A `data:` link to an iCalendar file of all-day `events` (uid, deadline, summary), each described
/// as it was computed. `None` until `receipt.js` is loaded.
pub fn calendar_link(
    t: &Texts,
    stamp: &str,
    events: &[(String, &Derivation, String)],
) -> Option<String> {
    let parts = js_sys::Array::new();
    parts.push(&stamp.into());
    for (uid, x, summary) in events {
        for part in [
            uid.clone(),
            x.due.to_string(),
            summary.clone(),
            explain(t, x),
        ] {
            parts.push(&part.into());
        }
    }
    call_receipt("ppidIcs", &parts)?.as_string()
}

/// The calendar file's name for request `number`: an office's number may hold `/`, `#`, spaces or other
/// characters a file system or a download refuses; each becomes `-`.
pub fn calendar_file_name(number: &str) -> String {
    let safe: String = number
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' })
        .collect();
    format!("{safe}.ics")
}

/// Loads `receipt.js` once (a plain script beside the app: the strict CSP allows it).
pub async fn receipt_script() -> Option<()> {
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
pub fn qr_code(text: &str) -> Option<(u32, String)> {
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

/// A QR code from [`qr_code`], drawn black on white at a size a phone camera reads from paper.
#[component]
pub fn QrImage(code: (u32, String)) -> impl IntoView {
    let t = crate::context::use_texts();
    let (size, path) = code;
    view! {
        <svg viewBox=format!("0 0 {size} {size}") width="148" height="148" role="img" aria-label=t.receipt_qr()>
            <rect width="100%" height="100%" fill="#fff"/>
            <path d=path fill="#000"/>
        </svg>
    }
}

/// An event's name with its outcome, as the timeline shows it.
pub fn event_title(t: &Texts, e: &RequestEvent) -> String {
    let base = t.event(e.kind);
    let outcome = e.outcome.map(|o| t.outcome(o));
    match (outcome, &e.pasal17) {
        (Some(o), Some(p)) => format!("{base}: {o} ({})", t.pasal17_words(p)),
        (Some(o), None) => format!("{base}: {o}"),
        _ => base.to_owned(),
    }
}
