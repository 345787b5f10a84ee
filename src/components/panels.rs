//! Small blocks many pages show: a loading line, a summary list's row, GOV.UK's warning text.

use crate::context::use_texts;
use leptos::prelude::*;

/// A loading line announced politely.
#[component]
pub fn LoadingLine() -> impl IntoView {
    let t = use_texts();
    view! { <p class="loading" role="status">{t.loading()}</p> }
}

/// One row of a summary list; an empty value says "not stated".
#[component]
pub fn Row(label: &'static str, value: Option<String>) -> impl IntoView {
    let t = use_texts();
    let value = value.filter(|v| !v.trim().is_empty());
    view! {
        <div class="row">
            <dt>{label}</dt>
            <dd>{move || value.clone().unwrap_or_else(|| t.not_stated().to_owned())}</dd>
        </div>
    }
}

/// GOV.UK "warning text": something the citizen should check, which never stops them.
#[component]
pub fn WarningText(text: &'static str, #[prop(optional)] id: Option<String>) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="warning-text" id=id>
            <span class="warning-text-icon" aria-hidden="true">"!"</span>
            <strong><span class="visually-hidden">{t.warning_prefix()}": "</span>{text}</strong>
        </div>
    }
}
