//! The satisfaction survey of a finished request.

use super::Proof;
use crate::api::{ApiError, Backend};
use crate::components::error_text;
use crate::context::{use_portal, use_texts};
use crate::contract::{SurveySubmission, MAX_SURVEY_COMMENT};
use leptos::prelude::*;

/// Where the satisfaction survey of a finished request stands.
#[derive(Clone, Copy, PartialEq)]
enum SurveyState {
    Open,
    Thanks,
    Answered,
}

/// The satisfaction survey of a finished request (contract 1.2.0, feature `survey`): a rating from
/// 1 to 5 and an optional comment, one answer per request. A failed send keeps both and is sent
/// again with the same idempotency key.
#[component]
pub(super) fn Survey(number: String, proof: Proof, answered: bool) -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let rating = RwSignal::new(0u8);
    let comment = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let failed = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let state = RwSignal::new(if answered {
        SurveyState::Answered
    } else {
        SurveyState::Open
    });
    let key = StoredValue::new(crate::api::new_idempotency_key());
    let summary = NodeRef::<leptos::html::Div>::new();
    let done = NodeRef::<leptos::html::Div>::new();
    let focus = |node: NodeRef<leptos::html::Div>| {
        request_animation_frame(move || {
            if let Some(el) = node.get_untracked() {
                let _ = el.focus();
            }
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = rating.get_untracked();
        missing.set(r == 0);
        failed.set(None);
        if r == 0 {
            focus(summary);
            return;
        }
        if pending.get_untracked() {
            return;
        }
        let (verifier, access_token) = match &proof {
            Proof::Verifier(v) => (v.clone(), None),
            Proof::Link(token) => (String::new(), Some(token.clone())),
        };
        let body = SurveySubmission {
            number: number.clone(),
            verifier,
            access_token,
            rating: r,
            comment: Some(comment.get_untracked().trim().to_owned()).filter(|c| !c.is_empty()),
        };
        let backend = portal.backend.get_value();
        pending.set(true);
        leptos::task::spawn_local(async move {
            let result = backend.submit_survey(&key.get_value(), &body).await;
            pending.try_set(false);
            match result {
                Ok(_) => {
                    state.try_set(SurveyState::Thanks);
                    focus(done);
                }
                Err(ApiError::Conflict) => {
                    state.try_set(SurveyState::Answered);
                    focus(done);
                }
                Err(e) => {
                    failed.try_set(Some(e));
                    focus(summary);
                }
            }
        });
    };
    let left = move || MAX_SURVEY_COMMENT.saturating_sub(comment.with(|c| c.chars().count()));
    let error = move || {
        if missing.get() {
            Some(t.survey_e_rating().to_owned())
        } else {
            failed.get().map(|e| match e {
                ApiError::Invalid(_) => t.survey_e_invalid().to_owned(),
                e => error_text(t, &e),
            })
        }
    };
    view! {
        <section class="panel survey" aria-labelledby="survey-heading">
            <h2 id="survey-heading">{t.survey_title()}</h2>
            {move || match state.get() {
                SurveyState::Thanks => view! {
                    <div tabindex="-1" node_ref=done class="confirmation"><p>{t.survey_thanks()}</p></div>
                }.into_any(),
                SurveyState::Answered => view! {
                    <div tabindex="-1" node_ref=done><p>{t.survey_answered()}</p></div>
                }.into_any(),
                SurveyState::Open => view! {
                    <div class="error-summary" tabindex="-1" node_ref=summary aria-labelledby="survey-error-title" hidden=move || error().is_none()>
                        <div role="alert">
                            {move || error().map(|text| view! {
                                <h3 id="survey-error-title">{t.error_summary_title()}</h3>
                                <ul><li><a href="#survey-rating-1">{text}</a></li></ul>
                            })}
                        </div>
                    </div>
                    <p>{t.survey_intro()}</p>
                    <form on:submit=submit.clone() novalidate=true>
                        <fieldset class="field" class:field-error=move || missing.get()
                            aria-describedby=move || if missing.get() { "survey-rating-error" } else { "" }>
                            <legend>{t.survey_rating()}</legend>
                            {move || missing.get().then(|| view! {
                                <p class="error-message" id="survey-rating-error">{t.survey_e_rating()}</p>
                            })}
                            <div class="survey-scale">
                                {(1..=5u8).map(|n| {
                                    let id = format!("survey-rating-{n}");
                                    let label_for = id.clone();
                                    view! {
                                        <label class="survey-choice" for=label_for>
                                            <input type="radio" name="survey-rating" id=id value=n.to_string()
                                                prop:checked=move || rating.get() == n
                                                on:change=move |_| rating.set(n)/>
                                            {t.survey_level(n)}
                                        </label>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                        <div class="field">
                            <label for="survey-comment">{t.survey_comment()}</label>
                            <p class="hint" id="survey-comment-hint">{move || (t.survey_comment_left())(left())}</p>
                            <textarea id="survey-comment" rows="3" maxlength=MAX_SURVEY_COMMENT.to_string()
                                aria-describedby="survey-comment-hint"
                                prop:value=move || comment.get()
                                on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                        </div>
                        <button type="submit" class="button" disabled=move || pending.get()>{t.survey_send()}</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
