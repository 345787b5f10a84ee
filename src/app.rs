//! Router and shell: one hop from here to every capability.

use crate::api::{load_config, AnyBackend, ApiError, Backend, Config};
use crate::components::{Announcements, Footer, Header};
use crate::contract::Meta;
use crate::i18n::Lang;
use crate::pages;
use gloo_storage::{LocalStorage as BrowserStorage, Storage};
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;

const LANG_KEY: &str = "ppid.lang";

/// Cross-cutting handles every page reads from context.
#[derive(Clone, Copy)]
pub struct Portal {
    pub lang: RwSignal<Lang>,
    pub backend: StoredValue<AnyBackend, LocalStorage>,
    pub config: StoredValue<Config, LocalStorage>,
    pub meta: StoredValue<Meta, LocalStorage>,
}

/// The portal's handles; pages are always rendered inside the shell that provides them.
pub fn use_portal() -> Portal {
    expect_context::<Portal>()
}

/// The current language's texts. Untracked on purpose: the shell re-renders the page when
/// the language changes, so views hold plain strings instead of one closure per text.
pub fn use_texts() -> &'static crate::i18n::Texts {
    expect_context::<RwSignal<Lang>>().get_untracked().t()
}

/// Replaces the static boot shell of `index.html` with the app.
pub fn mount() {
    console_error_panic_hook::set_once();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// What the portal needs before any page can render.
#[derive(Clone)]
struct Booted {
    config: Config,
    backend: AnyBackend,
    meta: Meta,
}

/// Why the portal could not start.
#[derive(Clone, Debug, PartialEq)]
pub enum BootError {
    Config,
    Api(ApiError),
}

async fn boot() -> (Option<Config>, Result<Booted, BootError>) {
    let Ok(config) = load_config().await else {
        return (None, Err(BootError::Config));
    };
    let backend = config.backend();
    match backend.meta().await {
        Ok(meta) => (
            Some(config.clone()),
            Ok(Booted {
                config,
                backend,
                meta,
            }),
        ),
        Err(e) => (Some(config), Err(BootError::Api(e))),
    }
}

#[component]
fn App() -> impl IntoView {
    let stored = BrowserStorage::get::<String>(LANG_KEY)
        .map(|s| Lang::from_tag(&s))
        .unwrap_or(Lang::Id);
    let lang = RwSignal::new(stored);
    provide_context(lang);
    Effect::new(move || {
        let l = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.tag());
        }
        let _ = BrowserStorage::set(LANG_KEY, l.tag());
    });
    let booted = crate::components::use_load(boot);
    view! {
        <Router>
            // Re-rendered whole when the language changes: views hold plain strings.
            {move || match (lang.track(), booted.get()).1 {
                None => view! { <Loading/> }.into_any(),
                Some((_, Ok(b))) => view! { <Shell booted=b lang/> }.into_any(),
                Some((config, Err(e))) => {
                    let office = config.and_then(|c| c.office);
                    view! {
                        <Header meta=None demo=false/>
                        <main id="main" tabindex="-1">
                            <pages::down::BackendDown error=e office on_retry=move || booted.refetch()/>
                        </main>
                    }
                    .into_any()
                }
            }}
        </Router>
    }
}

#[component]
fn Loading() -> impl IntoView {
    let t = use_texts();
    view! {
        <main id="main" tabindex="-1">
            <p class="loading" role="status">{t.loading}</p>
        </main>
    }
}

#[component]
fn Shell(booted: Booted, lang: RwSignal<Lang>) -> impl IntoView {
    let demo = matches!(booted.backend, AnyBackend::Demo(_));
    let meta = booted.meta.clone();
    provide_context(Portal {
        lang,
        backend: StoredValue::new_local(booted.backend),
        config: StoredValue::new_local(booted.config),
        meta: StoredValue::new_local(booted.meta),
    });
    focus_heading_on_navigation();
    view! {
        <Header meta=Some(meta.clone()) demo/>
        <Announcements/>
        <main id="main" tabindex="-1">
            <FlatRoutes fallback=|| view! { <pages::not_found::NotFound/> }>
                <Route path=path!("/") view=pages::home::Home/>
                <Route path=path!("/informasi") view=pages::catalogue::Catalogue/>
                <Route path=path!("/informasi/:id") view=pages::item::Item/>
                <Route path=path!("/permohonan") view=pages::request::RequestIntro/>
                <Route path=path!("/status") view=pages::status::StatusLookup/>
                <Route path=path!("/keberatan") view=pages::objection::ObjectionIntro/>
                <Route path=path!("/tentang") view=pages::about::About/>
            </FlatRoutes>
        </main>
        <Footer meta/>
    }
}

/// After a client-side navigation, focus moves to the new page's heading so screen readers announce it.
fn focus_heading_on_navigation() {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move || {
        location.pathname.track();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        set_timeout(
            || {
                if let Some(h1) = document().query_selector("main h1").ok().flatten() {
                    use wasm_bindgen::JsCast;
                    if let Some(el) = h1.dyn_ref::<web_sys::HtmlElement>() {
                        let _ = el.set_attribute("tabindex", "-1");
                        let _ = el.focus();
                    }
                }
            },
            std::time::Duration::from_millis(50),
        );
    });
}
