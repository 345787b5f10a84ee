//! The page for an unreachable or broken backend: what happened, and how to be served anyway.

use crate::api::{ApiError, OfficeContact};
use crate::app::{use_texts, BootError};
use crate::components::{tel, use_title};
use leptos::prelude::*;

/// Says what happened and gives the office's contact from `config.json`, which needs no backend.
#[component]
pub fn BackendDown(
    error: BootError,
    office: Option<OfficeContact>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    use_title(move || (t.down_title().into(), true));
    let reason = move || {
        let t = t;
        match &error {
            BootError::Config => t.down_reason_config().to_owned(),
            BootError::Api(ApiError::UnsupportedVersion(_)) => t.down_reason_version().to_owned(),
            BootError::Api(ApiError::Contract(_)) => t.down_reason_contract().to_owned(),
            BootError::Api(e) => crate::components::error_text(t, e),
        }
    };
    view! {
        <h1>{t.down_title()}</h1>
        <p class="down-reason">{reason}</p>
        <button type="button" class="button" on:click=move |_| on_retry.run(())>{t.retry()}</button>
        {office.map(|o| view! {
            <h2>{t.down_what_to_do()}</h2>
            <address class="office">
                <p><strong>{o.name.clone()}</strong></p>
                {o.address.clone().map(|a| view! { <p>{t.address()}": "{a.clone()}</p> })}
                {o.hours.clone().map(|h| view! { <p>{t.footer_hours()}": "{h.clone()}</p> })}
                {o.phone.clone().map(|p| view! { <p>{t.phone()}": " <a href=format!("tel:{}", tel(&p))>{p.clone()}</a></p> })}
                {o.email.clone().map(|e| view! { <p>{t.email()}": " <a href=format!("mailto:{e}")>{e.clone()}</a></p> })}
            </address>
        })}
    }
}
