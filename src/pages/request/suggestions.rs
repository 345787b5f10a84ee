//! "Mungkin sudah tersedia": under the information field, published answers and catalogue items
//! that match what the citizen is typing. A published answer saves a request; nothing here ever
//! stops the citizen from sending theirs.

use super::use_draft;
use crate::api::{AnyBackend, Backend};
use crate::components::router::rooted;
use crate::components::use_load;
use crate::context::{use_portal, use_texts};
use crate::contract::feature;
use crate::contract::url::percent_encode;
use crate::domain::draft::RequestDraft;
use leptos::prelude::*;
use std::rc::Rc;

/// Milliseconds of quiet typing before one round of look-ups: one round per pause, never one per
/// key press.
const TYPING_PAUSE_MS: u32 = 400;
/// Suggestions of each kind.
const SHOWN: u32 = 3;

/// One suggestion: where it leads, its title, and what it is.
type Found = (String, String, String);

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
    // Empty when there is nothing to look up.
    let words = Memo::new(move |_| answers.with(|d| d.lookup_words().unwrap_or_default()));
    // The whole catalogue, when the backend does not search it: fetched once, searched here.
    let catalogue = StoredValue::new_local(None::<Rc<Vec<Hit>>>);
    // Each change of the words starts anew and drops the older round, still in its pause or
    // under way (`use_load` aborts its fetches): one round once the citizen pauses.
    let found = use_load(move || {
        let words = words.get();
        let backend = portal.backend.get_value();
        async move {
            if words.is_empty() {
                return None;
            }
            gloo_timers::future::TimeoutFuture::new(TYPING_PAUSE_MS).await;
            Some(look_up(t, backend, words, register, server_search, catalogue).await)
        }
    });
    Some(view! {
        <div class="suggestions" aria-live="polite">
            {move || {
                let found = found.get().flatten().unwrap_or_default();
                (!found.is_empty()).then(|| view! {
                    <section class="panel" aria-labelledby="suggest-title">
                        <h2 id="suggest-title">{t.suggest_title()}</h2>
                        <p class="hint">{t.suggest_intro()}</p>
                        <ul class="suggestion-list">
                            {found.into_iter().map(|(href, title, about)| view! {
                                <li><a href=href>{title}</a><br/><span class="hint">{about}</span></li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
        </div>
    })
}

/// One round: published answers (when the backend keeps a register), then catalogue items. A
/// failed look-up finds nothing: suggestions are a help, never a condition.
async fn look_up(
    t: &'static crate::i18n::Texts,
    backend: AnyBackend,
    words: String,
    register: bool,
    server_search: bool,
    catalogue: StoredValue<Option<Rc<Vec<Hit>>>, LocalStorage>,
) -> Vec<Found> {
    // The contract's `q` and `per_page` (`contract::url`'s encoders would cost the bundle more).
    let query = format!("q={}&per_page={SHOWN}", percent_encode(&words));
    let published = if register {
        let path = format!("/v1/register?{query}");
        answer(&backend, path, false).await.entries
    } else {
        Vec::new()
    };
    let items = if server_search {
        let path = format!("/v1/catalogue?{query}");
        answer(&backend, path, false).await.items
    } else {
        matching(&whole_catalogue(&backend, catalogue).await, &words)
    };
    links(t, published, items)
}

/// The catalogue items whose title, summary or keywords have every word looked up.
fn matching(all: &[Hit], words: &str) -> Vec<Hit> {
    let mut found = Vec::new();
    for i in all {
        let mut text = format!("{} {}", i.title, i.summary);
        for k in &i.keywords {
            text.push(' ');
            text.push_str(k);
        }
        if found.len() < SHOWN as usize && RequestDraft::words_match(words, &text) {
            found.push(Hit {
                id: i.id.clone(),
                title: i.title.clone(),
                year: i.year,
                ..Hit::default()
            });
        }
    }
    found
}

/// The suggestions as shown: where each leads, its title, what it is. At most [`SHOWN`] of each
/// kind: a backend that ignores `per_page` must not flood the field.
#[inline(never)]
fn links(t: &'static crate::i18n::Texts, published: Vec<Hit>, items: Vec<Hit>) -> Vec<Found> {
    let mut found = Vec::new();
    for e in published.into_iter().take(SHOWN as usize) {
        let about = format!("{} · {}", t.suggest_register(), t.date_str(&e.notice_on));
        found.push((
            rooted(&format!("/register/{}", percent_encode(&e.id))),
            e.information,
            about,
        ));
    }
    for i in items.into_iter().take(SHOWN as usize) {
        let about = format!("{} · {}", t.suggest_catalogue(), i.year);
        found.push((
            rooted(&format!("/informasi/{}", percent_encode(&i.id))),
            i.title,
            about,
        ));
    }
    found
}

/// The whole catalogue, fetched once for the page, page by page (what could not be had is left out).
async fn whole_catalogue(
    backend: &AnyBackend,
    catalogue: StoredValue<Option<Rc<Vec<Hit>>>, LocalStorage>,
) -> Rc<Vec<Hit>> {
    if let Some(all) = catalogue.try_with_value(Clone::clone).flatten() {
        return all;
    }
    let mut all = Vec::new();
    // A backend that keeps answering past its total must not loop for ever.
    for page in 1u32..=1000 {
        let got = answer(backend, format!("/v1/catalogue?page={page}&per_page=100"), true).await;
        let done = got.items.is_empty() || all.len() + got.items.len() >= got.total as usize;
        all.extend(got.items);
        if done {
            break;
        }
    }
    let all = Rc::new(all);
    // Nothing had (offline, a failing backend) is asked for again at the next round.
    if !all.is_empty() {
        catalogue.try_set_value(Some(all.clone()));
    }
    all
}

/// A register or catalogue page as the suggestions read it, nothing when it cannot be had; a
/// search for the citizen's words is never kept on the device (`keep`: [`crate::api::Exchange::keep`],
/// the whole catalogue is). One
/// decoder of only the members shown serves both (the contract's full types would cost the
/// forms bundle kilobytes for figures it never shows).
async fn answer(backend: &AnyBackend, path: String, keep: bool) -> Answer {
    backend.get_kept::<Answer>(path, keep).await.unwrap_or_default()
}

#[derive(Default)]
struct Answer {
    /// A register page's entries.
    entries: Vec<Hit>,
    /// A catalogue page's items, and how many match over all pages.
    items: Vec<Hit>,
    total: u32,
}

crate::json::json_struct!(decode Answer { entries: default, items: default, total: default });

/// A register entry (id, information, notice date) or a catalogue item (id, title,
/// summary, keywords, year).
#[derive(Default)]
struct Hit {
    id: String,
    information: String,
    notice_on: String,
    title: String,
    summary: String,
    keywords: Vec<String>,
    year: i32,
}

crate::json::json_struct!(decode Hit {
    id: req,
    information: default,
    notice_on: default,
    title: default,
    summary: default,
    keywords: default,
    year: default,
});
