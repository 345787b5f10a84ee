//! "Mungkin sudah tersedia": under the information field, published answers and catalogue items
//! that match what the citizen is typing. A published answer saves a request; nothing here ever
//! stops the citizen from sending theirs.

use super::use_draft;
use crate::api::{AnyBackend, Backend};
use crate::components::router::rooted;
use crate::context::{use_portal, use_texts};
use crate::contract::url::percent_encode;
use crate::contract::{feature, CatalogueQuery, CatalogueSummary, RegisterQuery, RegisterSummary};
use crate::domain::catalogue::CatalogueIndex;
use crate::domain::draft::RequestDraft;
use futures::future::{AbortHandle, Abortable};
use leptos::prelude::*;
use std::rc::Rc;
use std::time::Duration;

/// Milliseconds of quiet typing before one round of look-ups: one round per pause, never one per
/// key press.
const TYPING_PAUSE_MS: u64 = 400;
/// Suggestions of each kind.
const SHOWN: u32 = 3;

/// What one round found: published answers, then catalogue items.
type Found = (Vec<RegisterSummary>, Vec<CatalogueSummary>);

/// The suggestions under the information field, in a polite live region. Links leave the wizard
/// for another page; the draft, saved as it is typed, is there when the citizen comes back. Not
/// at a kiosk: its drafts live in the page's memory only, so leaving the page would lose them.
#[component]
pub(super) fn Suggestions() -> impl IntoView {
    let portal = use_portal();
    if portal.config.with_value(|c| c.kiosk) {
        return None;
    }
    let t = use_texts();
    let answers = use_draft().answers;
    let (register, server_search) = portal.meta.with_value(|m| {
        let has = |name: &str| m.features.iter().any(|f| f == name);
        (has(feature::REGISTER), has(feature::CATALOGUE_SEARCH))
    });
    let words = Memo::new(move |_| answers.with(RequestDraft::lookup_words));
    let found = RwSignal::new(None::<Found>);
    // The catalogue indexed on this device, when the backend does not search it: fetched once.
    let index = StoredValue::new_local(None::<Rc<CatalogueIndex>>);
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let running = StoredValue::new_local(None::<AbortHandle>);
    // A changed text starts the pause again and drops a round under way (its fetches aborted).
    let stop = move || {
        if let Some(t) = timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
        if let Some(r) = running.try_update_value(Option::take).flatten() {
            r.abort();
        }
    };
    Effect::new(move || {
        let words = words.get();
        stop();
        let Some(words) = words else {
            found.set(None);
            return;
        };
        let round = move || {
            let backend = portal.backend.get_value();
            let (handle, registration) = AbortHandle::new_pair();
            running.set_value(Some(handle));
            let look = look_up(backend, words, register, server_search, index);
            leptos::task::spawn_local(async move {
                if let Ok(result) = Abortable::new(look, registration).await {
                    found.try_set(Some(result));
                }
            });
        };
        let handle = set_timeout_with_handle(round, Duration::from_millis(TYPING_PAUSE_MS));
        timer.set_value(handle.ok());
    });
    on_cleanup(stop);
    Some(view! {
        <div class="suggestions" aria-live="polite">
            {move || {
                found
                    .get()
                    .filter(|(a, i)| !a.is_empty() || !i.is_empty())
                    .map(|(published, items)| view! {
                        <section class="panel" aria-labelledby="suggest-title">
                            <h2 id="suggest-title">{t.suggest_title()}</h2>
                            <p class="hint">{t.suggest_intro()}</p>
                            <ul class="suggestion-list">
                                {published.into_iter().map(|e| {
                                    let href = rooted(&format!("/register/{}", percent_encode(&e.id)));
                                    let about = format!("{} · {} · {}", t.suggest_register(), t.outcome(e.outcome), t.date_str(&e.notice_on));
                                    view! { <li><a href=href>{e.information}</a><br/><span class="hint">{about}</span></li> }
                                }).collect_view()}
                                {items.into_iter().map(|i| {
                                    let href = rooted(&format!("/informasi/{}", percent_encode(&i.id)));
                                    let about = format!("{} · {}", t.suggest_catalogue(), i.year);
                                    view! { <li><a href=href>{i.title}</a><br/><span class="hint">{about}</span></li> }
                                }).collect_view()}
                            </ul>
                        </section>
                    })
            }}
        </div>
    })
}

/// One round: the register (when the backend keeps one) and the catalogue, side by side. A
/// failed look-up finds nothing: suggestions are a help, never a condition.
async fn look_up(
    backend: AnyBackend,
    words: String,
    register: bool,
    server_search: bool,
    index: StoredValue<Option<Rc<CatalogueIndex>>, LocalStorage>,
) -> Found {
    let published = async {
        if !register {
            return Vec::new();
        }
        let q = RegisterQuery {
            q: Some(words.clone()),
            per_page: Some(SHOWN),
            ..Default::default()
        };
        backend
            .register(&q)
            .await
            .map(|p| p.entries)
            .unwrap_or_default()
    };
    let items = async {
        let q = CatalogueQuery {
            q: Some(words.clone()),
            per_page: Some(SHOWN),
            ..Default::default()
        };
        if server_search {
            return backend
                .catalogue(&q)
                .await
                .map(|p| p.items)
                .unwrap_or_default();
        }
        match catalogue_index(&backend, index).await {
            Some(ix) => ix.query(&q).items,
            None => Vec::new(),
        }
    };
    futures::future::join(published, items).await
}

/// The catalogue indexed here, as the catalogue page searches it when the backend does not.
async fn catalogue_index(
    backend: &AnyBackend,
    index: StoredValue<Option<Rc<CatalogueIndex>>, LocalStorage>,
) -> Option<Rc<CatalogueIndex>> {
    if let Some(ix) = index.try_with_value(Clone::clone).flatten() {
        return Some(ix);
    }
    let all = backend.catalogue_all().await.ok()?;
    let units = backend.units().await.map(|l| l.units).unwrap_or_default();
    let ix = Rc::new(CatalogueIndex::new(all, |id| {
        units.iter().find(|u| u.id == id).map(|u| u.name.as_str())
    }));
    index.try_set_value(Some(ix.clone()));
    Some(ix)
}
