//! Tentang: the service charter basics from the backend's metadata.

use crate::app::{use_portal, use_texts};
use crate::components::{use_title, weekday_span, Row};
use leptos::prelude::*;

/// The about page.
#[component]
pub fn About() -> impl IntoView {
    let t = use_texts();
    let meta = use_portal().meta.get_value();
    let s = meta.service_standards.clone();
    let body = meta.public_body.clone();
    let hours = meta.office_hours.clone();
    use_title(move || (t.about_title().into(), false));
    view! {
        <h1>{t.about_title()}</h1>
        <p class="lead">{body.name.clone()} " — " {body.region.clone()}</p>
        <h2>{t.about_legal_basis()}</h2>
        <ul>{(0..3).map(|i| view! { <li>{t.about_legal_items()[i]}</li> }).collect_view()}</ul>
        <h2>{t.about_standards()}</h2>
        <ul>
            <li>{(t.about_standard_notice())(s.notice_days, s.extension_days)}</li>
            {s.verification_days.map(|d| view! { <li>{(t.about_standard_verification())(d)}</li> })}
        </ul>
        <p>{t.about_fees()}</p>
        <p><a href="/statistik">{t.stats_link()}</a></p>
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
                        <span class="hours">{move || weekday_span(t, &h.weekdays)} " " {t.clock(&h.opens)} "–" {t.clock(&h.closes)}</span>
                    }).collect_view()}
                </dd>
            </div>
        </dl>
    }
}
