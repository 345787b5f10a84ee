//! Serta-merta announcements (UU KIP Pasal 10): an alert above every page while one is active.

use super::{format_instant, use_load, Row};
use crate::context::use_texts;
use leptos::prelude::*;

use crate::offline::device::DISMISSED_KEY;

/// The announcements request started at boot, shared with the alert that shows them.
pub type AnnouncementsFuture = futures::future::Shared<
    futures::future::LocalBoxFuture<
        'static,
        Result<crate::contract::AnnouncementList, crate::api::ApiError>,
    >,
>;

/// Active serta-merta announcements, shown on every page until the citizen closes one;
/// a new announcement (another id) shows again.
#[component]
pub fn Announcements(initial: AnnouncementsFuture) -> impl IntoView {
    let t = use_texts();
    let storage = crate::offline::device::local();
    let stored = storage
        .as_ref()
        .and_then(|s| s.get_item(DISMISSED_KEY).ok().flatten())
        .unwrap_or_default();
    let dismissed = RwSignal::new(
        stored
            .split('\n')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>(),
    );
    let storage = StoredValue::new_local(storage);
    let initial = StoredValue::new_local(initial);
    let list = use_load(move || initial.get_value());
    let dismiss = move |id: String| {
        dismissed.update(|d| d.push(id));
        storage.with_value(|s| {
            if let Some(s) = s {
                // Keep only the latest few ids: old announcements have expired anyway.
                let d = dismissed.get_untracked();
                let _ = s.set_item(DISMISSED_KEY, &d[d.len().saturating_sub(20)..].join("\n"));
            }
        });
        if let Some(main) = document().get_element_by_id("main") {
            use wasm_bindgen::JsCast;
            let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    move || {
        // An announcement that fails to load must not block the page; the catalogue still lists it.
        let Some(Ok(list)) = list.get() else {
            return None;
        };
        let shown = dismissed.with(|d| {
            list.announcements
                .into_iter()
                .filter(|a| !d.contains(&a.id))
                .collect::<Vec<_>>()
        });
        Some(
            shown
                .into_iter()
                .map(|a| {
                    let id = format!("alert-{}", a.id.chars().filter(char::is_ascii_alphanumeric).collect::<String>());
                    let labelled_by = id.clone();
                    let announcement_id = a.id.clone();
                    view! {
                        <section class="announcement" aria-labelledby=labelled_by>
                            <p class="announcement-label">{t.announcement_label()}</p>
                            <h2 id=id>{a.title.clone()}</h2>
                            <dl>
                                <Row label=t.announcement_hazard() value=Some(a.hazard.clone())/>
                                <Row label=t.announcement_affected() value=Some(a.affected.clone())/>
                                <Row label=t.announcement_instructions() value=Some(a.instructions.clone())/>
                                <Row
                                    label=t.announcement_source()
                                    value=Some(format!("{} · {}", a.source, format_instant(t, &a.issued_at)))
                                />
                            </dl>
                            <button type="button" class="button secondary" on:click=move |_| dismiss(announcement_id.clone())>
                                {t.dismiss_announcement()}
                            </button>
                        </section>
                    }
                })
                .collect_view(),
        )
    }
}
