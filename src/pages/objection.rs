//! Keberatan: the Pasal 35 reasons and the windows, from the backend's standards.

use crate::components::use_title;
use crate::context::{use_portal, use_texts};
use leptos::prelude::*;

/// The objection page.
#[component]
pub fn ObjectionIntro() -> impl IntoView {
    let t = use_texts();
    let s = use_portal()
        .meta
        .with_value(|m| m.service_standards.clone());
    use_title(move || (t.objection_title().into(), false));
    view! {
        <h1>{t.objection_title()}</h1>
        <p class="lead">{t.objection_intro()}</p>
        <h2>{t.objection_reasons_title()}</h2>
        <ol class="reasons" type="a">
            {crate::domain::objection::Reason::ALL.iter().map(|r| view! { <li>{t.reason(*r)}</li> }).collect_view()}
        </ol>
        <p>{(t.objection_windows())(s.objection_filing_days, s.objection_answer_days, s.dispute_filing_days)}</p>
        <p><a href=crate::components::router::rooted("/keberatan/ajukan") class="button">{t.objection_start()}</a></p>
        <p><a href=crate::components::router::rooted("/keberatan/sengketa")>{t.dispute_link()}</a></p>
    }
}
