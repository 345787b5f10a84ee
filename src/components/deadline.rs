//! Deadlines as a citizen sees them (the date, and how it was computed from the backend's calendar),
//! and `receipt.js`, the script behind a receipt's QR code and calendar file (loaded on first use).

use crate::api::{AnyBackend, ApiError, Backend};
use crate::app::use_texts;
use crate::domain::date::Date;
use crate::domain::workdays::{Derivation, SkipReason, WorkCalendar};
use crate::i18n::Texts;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The backend's working-day calendar for `years` (a missing year is an error the citizen sees).
pub async fn load_calendar(
    backend: &AnyBackend,
    cuti_bersama_is_non_working: bool,
    years: impl IntoIterator<Item = i32>,
) -> Result<WorkCalendar, ApiError> {
    let mut cal = WorkCalendar::new(cuti_bersama_is_non_working);
    for year in years {
        cal.add_year(&backend.calendar(year).await?);
    }
    Ok(cal)
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

/// "Senin, 7 Desember 2026".
pub fn weekday_date(t: &Texts, d: Date) -> String {
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

/// How a deadline was computed, as plain text (for a calendar file).
pub fn explain(t: &Texts, x: &Derivation) -> String {
    let mut text = (t.computed_from)(x.working_days, &weekday_date(t, x.start));
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
