//! `/register`: search as you type, filters and pages, all kept in the URL so a search can be shared,
//! reloaded and walked back; the entries that match; and the record of how they were answered.

use super::filters::Filters;
use super::record::Record;
use super::{
    entry_href, follow_up_words, list_href, offered, outcome_words, query_from_url, NotOffered,
    PER_PAGE,
};
use crate::api::Backend;
use crate::components::router::{rooted, use_location};
use crate::components::{use_load, use_title, ErrorPanel, LoadingLine};
use crate::context::{use_portal, use_texts};
use crate::contract::url::percent_encode;
use crate::contract::{RegisterPage, RegisterQuery, RegisterSummary, Unit};
use leptos::prelude::*;

/// The register page.
#[component]
pub fn Register() -> impl IntoView {
    let t = use_texts();
    use_title(move || (t.reg_title().into(), false));
    if !offered() {
        return view! { <NotOffered/> }.into_any();
    }
    let portal = use_portal();
    let url = use_location();
    let current = Memo::new(move |_| url.with(query_from_url));
    // Without the unit list the entries still show, under the units' ids.
    let units = use_load(move || {
        let backend = portal.backend.get_value();
        async move { backend.units().await.map(|l| l.units).unwrap_or_default() }
    });
    let results = use_load(move || {
        let q = RegisterQuery {
            per_page: Some(PER_PAGE),
            ..current.get()
        };
        let backend = portal.backend.get_value();
        async move { backend.register(&q).await }
    });
    view! {
        <h1>{t.reg_title()}</h1>
        <p class="lead">{t.reg_intro()}</p>
        <Filters current units=Signal::derive_local(move || units.get().unwrap_or_default())/>
        <p class="result-count" role="status">
            {move || match results.get() {
                Some(Ok(p)) => (t.reg_results())(p.total),
                _ => String::new(),
            }}
        </p>
        {move || match results.get() {
            None => view! { <LoadingLine/> }.into_any(),
            Some(Err(e)) => view! { <ErrorPanel error=e on_retry=move || results.refetch()/> }.into_any(),
            Some(Ok(page)) => {
                let names = units.get().unwrap_or_default();
                view! { <Results page query=current.get() units=names/> }.into_any()
            }
        }}
    }
    .into_any()
}

/// The unit's name, or its id when the unit list does not have it.
fn unit_name(units: &[Unit], id: &str) -> String {
    units
        .iter()
        .find(|u| u.id == id)
        .map_or_else(|| id.to_owned(), |u| u.name.clone())
}

/// One page of entries, the pages, and the record of every entry that matches.
#[component]
fn Results(page: RegisterPage, query: RegisterQuery, units: Vec<Unit>) -> impl IntoView {
    let t = use_texts();
    let pages = page.total.div_ceil(page.per_page.max(1)).max(1);
    let request_href = match &query.q {
        Some(q) => format!("/permohonan?q={}", percent_encode(q)),
        None => "/permohonan".to_owned(),
    };
    let chosen_unit = query.unit.as_deref().map(|id| unit_name(&units, id));
    let record = (page.total > 0).then(|| view! { <Record record=page.record unit=chosen_unit/> });
    // A page past the last one (an old link) leads to the last page; no match at all, to a request.
    let (empty, empty_href, empty_link) = if page.total > 0 && page.page > pages {
        ((t.page_past_end())(pages), page_href(&query, pages), t.last_page())
    } else {
        (t.reg_no_results().to_owned(), request_href, t.no_results_request())
    };
    view! {
        {page.entries.is_empty().then(|| view! {
            <div class="panel">
                <p>{empty}</p>
                <p><a href=rooted(&empty_href)>{empty_link}</a></p>
            </div>
        })}
        <ul class="results register-list">
            {page
                .entries
                .into_iter()
                .map(|e| {
                    let unit = unit_name(&units, &e.unit_id);
                    view! { <EntryItem entry=e unit/> }
                })
                .collect_view()}
        </ul>
        <Pager query page=page.page pages/>
        {record}
    }
}

/// One entry as listed: what was asked, the unit, the dates, how it was answered, whether late,
/// the documents released and what followed.
#[component]
fn EntryItem(entry: RegisterSummary, unit: String) -> impl IntoView {
    let t = use_texts();
    let outcome = outcome_words(t, entry.outcome, entry.pasal17.as_deref());
    let follow_ups: Vec<String> = [
        entry
            .objection
            .as_ref()
            .map(|f| follow_up_words(t, t.reg_objection(), f)),
        entry
            .dispute
            .as_ref()
            .map(|f| follow_up_words(t, t.reg_dispute(), f)),
    ]
    .into_iter()
    .flatten()
    .collect();
    view! {
        <li class="result">
            <h2><a href=rooted(&entry_href(&entry.id))>{entry.information.clone()}</a></h2>
            <p class="result-meta">
                {unit} " · " {t.reg_received()} " " {t.date_str(&entry.received_on)}
                " · " {t.reg_notice()} " " {t.date_str(&entry.notice_on)}
            </p>
            <p class="result-meta">
                <span class="tag outcome">{outcome}</span> " "
                {if entry.late {
                    view! { <span class="tag late">{t.reg_late()}</span> }.into_any()
                } else {
                    view! { <span class="tag on-time">{t.reg_on_time()}</span> }.into_any()
                }}
                {(entry.documents > 0).then(|| format!(" · {}", (t.reg_documents())(entry.documents)))}
            </p>
            {(!follow_ups.is_empty()).then(|| view! { <p class="result-meta follow-ups">{follow_ups.join(" · ")}</p> })}
        </li>
    }
}

/// Previous and next page links, with where the citizen is.
#[component]
fn Pager(query: RegisterQuery, page: u32, pages: u32) -> impl IntoView {
    let t = use_texts();
    let href = move |p: u32| rooted(&page_href(&query, p));
    // Past the last page the results' panel leads back instead.
    (pages > 1 && page <= pages).then(|| {
        view! {
            <nav class="pager" aria-label=(t.page_of())(page, pages)>
                {(page > 1).then(|| view! { <a href=href(page - 1) rel="prev">{t.previous_page()}</a> })}
                <span>{(t.page_of())(page, pages)}</span>
                {(page < pages).then(|| view! { <a href=href(page + 1) rel="next">{t.next_page()}</a> })}
            </nav>
        }
    })
}

/// The register's address for page `p` of `query`.
fn page_href(query: &RegisterQuery, p: u32) -> String {
    list_href(&RegisterQuery {
        page: (p > 1).then_some(p),
        ..query.clone()
    })
}
