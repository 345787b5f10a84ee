//! The page for an unreachable or broken backend: what happened, and how to be served anyway.

use crate::api::{ApiError, BootError, OfficeContact};
use crate::components::{tel, use_title};
use crate::context::use_texts;
use leptos::prelude::*;

/// Seconds between a kiosk's own tries while its backend cannot be reached: nobody may be at the
/// counter to press "Coba lagi", and the screen must come back when the server does.
const KIOSK_RETRY_SECS: u64 = 15;

/// Says what happened and gives the office's contact from `config.json`, which needs no backend.
/// When the backend could not be reached (not a broken configuration or version) the portal tries
/// again by itself when the device comes back online, and a kiosk every [`KIOSK_RETRY_SECS`].
#[component]
pub fn BackendDown(
    error: BootError,
    office: Option<OfficeContact>,
    kiosk: bool,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    use_title(move || (t.down_title().into(), true));
    if kiosk {
        // The counter's touch layout (larger text, 48 px targets) on this page too.
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("kiosk");
        }
    }
    let transient = matches!(&error, BootError::Api(e) if crate::offline::outbox::can_wait(e));
    let offline = matches!(&error, BootError::Api(ApiError::Offline));
    let by_itself = transient.then(|| {
        let online = window_event_listener(leptos::ev::online, move |_| on_retry.run(()));
        on_cleanup(move || online.remove());
        if kiosk {
            let again = set_timeout_with_handle(
                move || on_retry.run(()),
                std::time::Duration::from_secs(KIOSK_RETRY_SECS),
            );
            if let Ok(again) = again {
                on_cleanup(move || again.clear());
            }
            Some((t.down_retrying_kiosk())(KIOSK_RETRY_SECS))
        } else {
            offline.then(|| t.down_retrying().to_owned())
        }
    });
    let reason = move || {
        let t = t;
        match &error {
            BootError::Config(problem) => {
                let lead = t.down_reason_config();
                format!("{lead} {}", t.config_problem(*problem))
            }
            BootError::Api(ApiError::UnsupportedVersion(_)) => t.down_reason_version().to_owned(),
            BootError::Api(ApiError::Contract(_)) => t.down_reason_contract().to_owned(),
            BootError::Api(e) => crate::components::error_text(t, e),
        }
    };
    view! {
        <h1>{t.down_title()}</h1>
        <p class="down-reason">{reason}</p>
        {by_itself.flatten().map(|text| view! { <p class="down-retrying">{text}</p> })}
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
