//! `/register/{id}`: one published request in full: what was asked, its timeline, the deadline the
//! notice was held to and whether it was late, the outcome (a refusal's Pasal 17 letter explained),
//! the documents released, what an objection or a dispute decided, and the way to ask the same.

use super::{follow_up_words, offered, NotOffered};
use crate::api::{ApiError, Backend};
use crate::components::deadline::weekday_date;
use crate::components::files::FileList;
use crate::components::router::rooted;
use crate::components::{use_load, use_title, ErrorPanel, LoadingLine, Row};
use crate::context::{use_portal, use_texts};
use crate::contract::url::percent_encode;
use crate::contract::{FollowUp, RegisterEntry, RegisterEvent};
use crate::domain::date::Date;
use crate::i18n::Texts;
use leptos::prelude::*;

/// How much of the information asked for goes into "Ajukan permohonan serupa"'s link: enough to
/// start from, never a URL too long to open.
const SIMILAR_CHARS: usize = 300;

/// The entry page.
#[component]
pub fn Entry(id: String) -> impl IntoView {
    let t = use_texts();
    if !offered() {
        use_title(move || (t.reg_title().into(), false));
        return view! { <NotOffered/> }.into_any();
    }
    let portal = use_portal();
    let entry = use_load(move || {
        let id = id.clone();
        let backend = portal.backend.get_value();
        async move {
            let entry = backend.register_entry(&id).await?;
            // Without the unit list the entry still shows, under the unit's id.
            let units = backend.units().await.map(|u| u.units).unwrap_or_default();
            let unit = units
                .into_iter()
                .find(|u| u.id == entry.unit_id)
                .map_or_else(|| entry.unit_id.clone(), |u| u.name);
            Ok::<_, ApiError>((entry, unit))
        }
    });
    use_title(move || match entry.get() {
        Some(Ok((e, _))) => ((t.reg_entry_title())(&e.id), false),
        Some(Err(ApiError::NotFound)) => (t.not_found_title().into(), true),
        Some(Err(_)) => (t.reg_title().into(), true),
        None => (t.reg_title().into(), false),
    });
    view! {
        <p><a href=rooted("/register") class="back-link">{t.reg_back()}</a></p>
        {move || match entry.get() {
            None => view! { <LoadingLine/> }.into_any(),
            Some(Err(ApiError::NotFound)) => view! {
                <h1>{t.not_found_title()}</h1>
                <p>{t.reg_entry_not_found()}</p>
            }
            .into_any(),
            Some(Err(e)) => view! {
                // The page keeps a title a screen reader can land on.
                <h1>{t.reg_title()}</h1>
                <ErrorPanel error=e on_retry=move || entry.refetch()/>
            }
            .into_any(),
            Some(Ok((e, unit))) => view! { <EntryDetail entry=e unit/> }.into_any(),
        }}
    }
    .into_any()
}

/// A date of the register ("Senin, 2 Maret 2026"), or the backend's text as it is when it is not one.
fn day(t: &Texts, s: &str) -> String {
    Date::parse(s).map_or_else(|| t.date_str(s), |d| weekday_date(t, d))
}

#[component]
fn EntryDetail(entry: RegisterEntry, unit: String) -> impl IntoView {
    let t = use_texts();
    let due = entry.due_on.as_deref().map(|d| {
        if entry.extended {
            format!("{} ({})", day(t, d), t.reg_extended())
        } else {
            day(t, d)
        }
    });
    let (late_class, late_text) = if entry.late {
        ("late", t.reg_late_text())
    } else {
        ("on-time", t.reg_on_time_text())
    };
    let similar = format!(
        "/permohonan?unit={}&q={}",
        percent_encode(&entry.unit_id),
        percent_encode(
            &entry
                .information
                .chars()
                .take(SIMILAR_CHARS)
                .collect::<String>()
        )
    );
    let item = entry
        .catalogue_item_id
        .as_deref()
        .filter(|i| !i.is_empty())
        .map(|i| format!("/informasi/{}", percent_encode(i)));
    let has_follow_up = entry.objection.is_some() || entry.dispute.is_some();
    view! {
        <h1>{(t.reg_entry_title())(&entry.id)}</h1>
        <p class="lead register-information">{entry.information.clone()}</p>
        <dl class="summary-list register-facts">
            <Row label=t.reg_unit() value=Some(unit)/>
            <Row label=t.reg_received() value=Some(day(t, &entry.received_on))/>
            {due.map(|d| view! { <Row label=t.reg_due() value=Some(d)/> })}
            <Row label=t.reg_notice() value=Some(day(t, &entry.notice_on))/>
            <div class="row">
                <dt>{t.reg_timeliness()}</dt>
                <dd class=late_class>{late_text}</dd>
            </div>
            <Row label=t.reg_outcome() value=Some(t.outcome(entry.outcome).to_owned())/>
            {entry.pasal17.clone().filter(|l| !l.trim().is_empty()).map(|letter| view! {
                <div class="row">
                    <dt>{t.reg_ground()}</dt>
                    <dd>
                        <p>{t.pasal17_words(&letter)}</p>
                        <p class="hint">{t.reg_ground_explain()}</p>
                    </dd>
                </div>
            })}
            {entry.notice_summary.clone().map(|s| view! { <Row label=t.reg_notice_summary() value=Some(s)/> })}
        </dl>
        <h2>{t.reg_timeline()}</h2>
        <ol class="timeline">
            {entry.timeline.into_iter().map(|e| view! { <Step event=e/> }).collect_view()}
        </ol>
        <h2>{t.reg_documents_title()}</h2>
        {if entry.documents.is_empty() {
            view! { <p>{t.reg_no_documents()}</p> }.into_any()
        } else {
            view! { <FileList files=entry.documents/> }.into_any()
        }}
        {has_follow_up.then(|| view! {
            <h2>{t.reg_follow_up_title()}</h2>
            <ul class="plain follow-ups">
                {entry.objection.map(|f| view! { <FollowUpLine label=t.reg_objection() follow_up=f/> })}
                {entry.dispute.map(|f| view! { <FollowUpLine label=t.reg_dispute() follow_up=f/> })}
            </ul>
        })}
        {item.map(|href| view! { <p><a href=rooted(&href)>{t.reg_in_catalogue()}</a></p> })}
        <div class="panel similar">
            <p>{t.reg_similar_hint()}</p>
            <p><a href=rooted(&similar) class="button">{t.reg_similar()}</a></p>
        </div>
    }
}

/// One step of the timeline, with its date.
#[component]
fn Step(event: RegisterEvent) -> impl IntoView {
    let t = use_texts();
    view! {
        <li>
            <p class="event-title">
                <strong>{t.register_event(event.kind)}</strong>
                " · " {day(t, &event.on)}
            </p>
        </li>
    }
}

/// "Keberatan: Dikabulkan, diajukan …, diputus …".
#[component]
fn FollowUpLine(label: &'static str, follow_up: FollowUp) -> impl IntoView {
    let t = use_texts();
    let mut words = follow_up_words(t, label, &follow_up);
    words.push_str(&format!(
        ", {}",
        (t.reg_filed())(&day(t, &follow_up.filed_on))
    ));
    if let Some(d) = &follow_up.decided_on {
        words.push_str(&format!(", {}", (t.reg_decided())(&day(t, d))));
    }
    view! { <li>{words}</li> }
}
