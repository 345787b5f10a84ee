//! Ajukan Permohonan: what a request needs and the legal deadlines, from the backend's standards.

use crate::app::{use_portal, use_texts};
use crate::components::use_title;
use leptos::prelude::*;

/// The request page. The question-by-question form is built on top of this (issue 4).
#[component]
pub fn RequestIntro() -> impl IntoView {
    let t = use_texts();
    let standards = use_portal()
        .meta
        .with_value(|m| m.service_standards.clone());
    use_title(move || (t.request_title.into(), false));
    view! {
        <h1>{t.request_title}</h1>
        <p class="lead">{t.request_intro}</p>
        <h2>{t.request_steps_title}</h2>
        <ol class="steps">
            {(0..4).map(|i| view! { <li>{t.request_steps[i]}</li> }).collect_view()}
        </ol>
        <p>{(t.request_deadlines)(standards.notice_days, standards.extension_days)}</p>
        <p>{t.request_free}</p>
        <p class="panel">{t.request_at_office}</p>
    }
}
