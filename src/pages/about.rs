//! Tentang: the service charter (maklumat pelayanan) with the six elements of PerKI 1/2021 Pasal
//! 47(2): legal basis, procedure, time limits (from the backend's service standards), fees, and the
//! service guarantee and performance evaluation, which only the office can state (the backend's
//! `charter`); then the contact. The law wants it to reach people with disabilities (PerKI 1/2021
//! Pasal 48): it can be read aloud and shown in large print.

use crate::components::access::Listen;
use crate::components::{hours_zone, use_title, weekday_span, Row};
use crate::context::{use_portal, use_texts};
use crate::contract::CharterElement;
use crate::domain::charter::published;
use leptos::prelude::*;

/// The about page.
#[component]
pub fn About() -> impl IntoView {
    let t = use_texts();
    let meta = use_portal().meta.get_value();
    let s = meta.service_standards.clone();
    let body = meta.public_body.clone();
    let hours = meta.office_hours.clone();
    let zone = hours_zone(t, &meta);
    let charter = meta.charter.clone();
    let (guarantee, evaluation) = charter
        .map(|c| (c.service_guarantee, c.performance_evaluation))
        .unwrap_or_default();
    use_title(move || (t.about_title().into(), false));
    let large = RwSignal::new(false);
    view! {
        <h1>{t.about_title()}</h1>
        <p class="lead">{body.name.clone()} " — " {body.region.clone()}</p>
        <section id="maklumat" class="charter" class:large-print=move || large.get() aria-labelledby="maklumat-title">
        <h2 id="maklumat-title">{t.charter_title()}</h2>
        <div class="charter-tools" data-no-read="">
            <Listen selector="#maklumat" label=t.charter_listen()/>
            <button
                type="button"
                class="tool-button"
                aria-pressed=move || if large.get() { "true" } else { "false" }
                on:click=move |_| large.update(|l| *l = !*l)
            >
                {t.charter_large()}
            </button>
        </div>
        <p>{t.charter_intro()}</p>
        <h3>{t.about_legal_basis()}</h3>
        <ul>{t.about_legal_items().into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
        <h3>{t.charter_procedure()}</h3>
        <ol>{t.request_steps().into_iter().map(|step| view! { <li>{step}</li> }).collect_view()}</ol>
        <h3>{t.about_standards()}</h3>
        <ul>
            <li>{(t.about_standard_notice())(s.notice_days, s.extension_days)}</li>
            {s.verification_days.map(|d| view! { <li>{(t.about_standard_verification())(d)}</li> })}
        </ul>
        <h3>{t.charter_objection()}</h3>
        <p>{(t.objection_windows())(s.objection_filing_days, s.objection_answer_days, s.dispute_filing_days)}</p>
        <h3>{t.charter_fees()}</h3>
        <p>{t.about_fees()}</p>
        <OfficeElement id="jaminan" title=t.charter_guarantee() link=t.charter_guarantee_link() element=guarantee/>
        <OfficeElement id="evaluasi" title=t.charter_evaluation() link=t.charter_evaluation_link() element=evaluation/>
        </section>
        <p><a href=crate::components::router::rooted("/statistik")>{t.stats_link()}</a></p>
        <h2>{t.footer_contact()}</h2>
        <dl class="summary-list">
            <Row label=t.address() value=Some(body.address.clone())/>
            <Row label=t.phone() value=body.phone.clone()/>
            <Row label=t.email() value=body.email.clone()/>
            <Row label=t.website() value=body.website.clone()/>
            <div class="row">
                <dt>{t.footer_hours()}</dt>
                <dd>
                    {hours.into_iter().map(|h| view! {
                        <span class="hours">{move || weekday_span(t, &h.weekdays)} " " {t.clock(&h.opens)} "–" {t.clock(&h.closes)} " " {zone.clone()}</span>
                    }).collect_view()}
                </dd>
            </div>
        </dl>
    }
}

/// A charter element the office states itself: its words and document, or that it has not been
/// published (the portal never writes a guarantee or an evaluation of its own).
#[component]
fn OfficeElement(
    id: &'static str,
    title: &'static str,
    /// The document link's text.
    link: &'static str,
    element: Option<CharterElement>,
) -> impl IntoView {
    let t = use_texts();
    let body = match published(element.as_ref()) {
        Some(p) => view! {
            {p.paragraphs.into_iter().map(|text| view! { <p>{text.to_owned()}</p> }).collect_view()}
            {p.url.map(|url| view! { <p><a href=url.to_owned() rel="noopener">{link}</a></p> })}
        }
        .into_any(),
        None => view! { <p class="not-published">{t.charter_not_published()}</p> }.into_any(),
    };
    view! {
        <div class="charter-element" id=id>
            <h3>{title}</h3>
            {body}
        </div>
    }
}
