//! The start page: what a request needs, the legal deadlines, and a way in (or back in).

use super::use_draft;
use crate::components::router::{use_location, use_navigate};
use crate::components::use_title;
use crate::context::{use_portal, use_texts};
use crate::domain::draft::{RequestDraft, Step};
use leptos::prelude::*;

/// The wizard's start page (not yet routed). `?item=&unit=` (from a catalogue item) or `?q=` (from an empty search)
/// prefill the information question.
#[component]
pub fn RequestStart() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let standards = portal.meta.with_value(|m| m.service_standards.clone());
    let draft = use_draft();
    let location = use_location();
    let navigate = use_navigate();
    use_title(move || (t.request_title().into(), false));
    let started = Memo::new(move |_| draft.answers.with(|d| !d.is_blank()));
    let start = move |_| {
        let was_started = started.get_untracked();
        let (item, unit, q) =
            location.with_untracked(|l| (l.param("item"), l.param("unit"), l.param("q")));
        draft.answers.update(|d| {
            if let Some(i) = item {
                d.catalogue_item_id = i;
            }
            if let Some(u) = unit {
                d.unit_id = u;
            }
            if let (Some(q), true) = (q, d.information.is_empty()) {
                d.information = q;
            }
        });
        let step = if was_started {
            draft.answers.with_untracked(RequestDraft::first_incomplete)
        } else {
            Step::Kind
        };
        navigate(&format!("/permohonan/{}", step.slug()), false);
    };
    let discard = move |_| {
        draft.answers.update(|d| *d = d.cleared());
        super::save_draft(&RequestDraft::default(), true);
    };
    view! {
        <h1>{t.request_title()}</h1>
        <p class="lead">{t.request_intro()}</p>
        <h2>{t.request_steps_title()}</h2>
        <ol class="steps">{t.request_steps().iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
        <p>{(t.request_deadlines())(standards.notice_days, standards.extension_days)}</p>
        <p>{t.request_free()}</p>
        <p>
            <button type="button" class="button" on:click=start>
                {move || if started.get() { t.req_resume() } else { t.req_start() }}
            </button>
        </p>
        {move || started.get().then(|| view! {
            <p><button type="button" class="link-button" on:click=discard>{t.req_discard()}</button></p>
        })}
    }
}
