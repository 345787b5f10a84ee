//! What went wrong, said to the citizen: the sentence for each error, and the error box.

use crate::api::ApiError;
use crate::context::use_texts;
use crate::contract::Meta;
use crate::i18n::Texts;
use leptos::prelude::*;

thread_local! {
    /// The largest body the backend takes, for the sentence about a submission too large.
    static MAX_BODY: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// Records the largest body the backend takes (`max_body_bytes`) once the metadata is known.
pub(super) fn set_max_body(meta: &Meta) {
    MAX_BODY.set(meta.max_body_bytes);
}

/// A sentence for the citizen saying what went wrong and what to do next.
pub fn error_text(t: &Texts, e: &ApiError) -> String {
    match e {
        ApiError::Offline => t.down_reason_offline().into(),
        ApiError::Timeout => t.down_reason_timeout().into(),
        ApiError::Unreachable => t.down_reason_unreachable().into(),
        ApiError::Server { .. } => t.down_reason_server().into(),
        ApiError::Refused { status } => (t.refused())(*status, MAX_BODY.get()),
        ApiError::Contract(_) => t.down_reason_contract().into(),
        ApiError::UnsupportedVersion(_) => t.down_reason_version().into(),
        ApiError::CalendarYearMissing(Some(year)) => (t.deadline_pending())(*year),
        ApiError::CalendarYearMissing(None) => t.down_reason_calendar().into(),
        ApiError::RateLimited(s) => (t.rate_limited())(*s),
        ApiError::Invalid(errors) if errors.is_empty() => t.invalid_unspecified().into(),
        ApiError::Invalid(_) => t.invalid_answer().into(),
        ApiError::NotFound => t.not_found_body().into(),
        ApiError::Conflict => t.conflict().into(),
    }
}

/// An error box with a retry button.
#[component]
pub fn ErrorPanel(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="error-panel" role="alert">
            <p>{move || error_text(t, &error)}</p>
            <button type="button" class="button secondary" on:click=move |_| on_retry.run(())>{t.retry()}</button>
        </div>
    }
}
