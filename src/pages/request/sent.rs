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
            Some(Ok(d)) => view! { <Deadlines d/> }.into_any(),
        }}
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
