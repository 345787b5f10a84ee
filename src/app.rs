//! Router and shell: one hop from here to every capability.

use crate::api::{load_config, AnyBackend, Backend, BootError, Config};
use crate::components::router::{provide_router, use_location};
use crate::components::{Announcements, Footer, Header};
use crate::context::{use_texts, Portal};
use crate::contract::Meta;
use crate::domain::deployment::ConfigProblem;
use crate::domain::route::{BundleName, Page};
use crate::i18n::Lang;
use crate::pages;
use leptos::prelude::*;

use crate::offline::device::{local as local_storage, LANG_KEY, RELOAD_KEY};

/// A panic is a bug: the console says where it happened. (Not the message: formatting it would
/// cost every bundle about a kilobyte, and the file and line are what a bug report needs.)
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        let (file, line) = info.location().map_or(("?", 0), |l| (l.file(), l.line()));
        web_sys::console::error_3(&"ppid: panic at".into(), &file.into(), &line.into());
    }));
}

/// Replaces the static boot shell of `index.html` with the app. The shell (its header and loading
/// line, or the prerendered page the boot script shows on the home and the catalogue) stays on screen
/// until the app has its own page to put in its place: a loading line of the app's in between, without
/// the header, would make the page jump twice on a slow phone.
pub fn mount(bundle: Bundle) {
    report_panics();
    leptos::mount::mount_to_body(move || view! { <App bundle/> });
}

/// Whether the boot shell is still on screen.
fn boot_shown() -> bool {
    document().get_element_by_id("boot").is_some()
}

fn remove_boot() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}

/// One of the wasm bundles the portal ships as. Each holds the shell and its own pages; a page
/// of the other bundle is reached by a full page load, and the boot script picks the bundle by path
/// (`bundles.json`). Two smaller downloads instead of one large one: a citizen who only
/// reads the catalogue never downloads the forms, and the reverse.
#[derive(Clone, Copy)]
pub struct Bundle {
    /// Whether this bundle renders `page`.
    pub owns: fn(&Page) -> bool,
    /// The view of one of its pages.
    pub view: fn(Page) -> AnyView,
    /// Set-up outside the part that re-renders on a language switch.
    pub setup: fn(),
    /// Set-up once the backend's metadata is known.
    pub with_meta: fn(&Meta),
}

impl Bundle {
    /// Home, the catalogue, its items.
    pub const PORTAL: Bundle = Bundle {
        owns: |p| p.bundle() == BundleName::Portal,
        view: portal_view,
        setup: || {},
        with_meta: |_| pages::catalogue::provide_catalogue_cache(),
    };
    /// The request pages.
    pub const FORMS: Bundle = Bundle {
        owns: |p| p.bundle() == BundleName::Forms || *p == Page::NotFound,
        view: forms_view,
        setup: pages::request::provide_draft,
        with_meta: pages::request::follow_backend,
    };
    /// The objection pages: what it is and the form.
    pub const OBJECTION: Bundle = Bundle {
        owns: |p| p.bundle() == BundleName::Objection || *p == Page::NotFound,
        view: objection_view,
        setup: || {},
        with_meta: |_| {},
    };
    /// A request's status and the submissions made from this device.
    pub const STATUS: Bundle = Bundle {
        owns: |p| p.bundle() == BundleName::Status || *p == Page::NotFound,
        view: status_view,
        setup: || {},
        with_meta: |_| {},
    };
    /// An objection's dispute route.
    pub const DISPUTE: Bundle = Bundle {
        owns: |p| p.bundle() == BundleName::Dispute || *p == Page::NotFound,
        view: dispute_view,
        setup: || {},
        with_meta: |_| {},
    };
    /// The service's public record: the register of published requests and its entries, the
    /// statistics, and the service charter (Tentang).
    pub const REGISTER: Bundle = Bundle {
        owns: |p| p.bundle() == BundleName::Register || *p == Page::NotFound,
        view: register_view,
        setup: || {},
        with_meta: |_| {},
    };
}

/// What the portal needs before any page can render.
#[derive(Clone)]
struct Booted {
    config: Config,
    backend: AnyBackend,
    meta: Meta,
    /// Started together with `meta`: on most pages the announcement is the largest thing painted.
    announcements: crate::components::AnnouncementsFuture,
}

/// How long the first paint waits for the serta-merta announcements once the backend has answered.
const ANNOUNCEMENT_WAIT_MS: u32 = 1500;

async fn boot() -> (Option<Config>, Result<Booted, BootError>) {
    if !window().is_secure_context() {
        return (None, Err(BootError::Config(ConfigProblem::InsecurePage)));
    }
    let config = match load_config().await {
        Ok(config) => config,
        Err(Ok(problem)) => return (None, Err(BootError::Config(problem))),
        Err(Err(e)) => return (None, Err(BootError::Api(e))),
    };
    crate::kiosk::set_kiosk(config.kiosk);
    // Before anything themed is painted, in every bundle and on the service-down page too.
    crate::components::theme::apply(&config.theme);
    let backend = match config.backend() {
        Ok(backend) => backend,
        Err(problem) => return (Some(config), Err(BootError::Config(problem))),
    };
    // Started now, awaited by the alert: a slow answer never holds the page back.
    let announcements = {
        use futures::FutureExt;
        let b = backend.clone();
        let f = async move {
            match crate::api::early("ppidAnnouncements").await {
                Some(reply) => crate::api::decode(reply),
                None => b.announcements().await,
            }
        }
        .boxed_local()
        .shared();
        leptos::task::spawn_local(f.clone().map(|_| ()));
        f
    };
    let meta = backend.meta().await;
    if meta.is_ok() {
        // The alert sits above the page: painting the page first and the alert a moment later
        // would push everything down under the citizen's finger. Wait for it, briefly.
        let _ = futures::future::select(
            announcements.clone(),
            gloo_timers::future::TimeoutFuture::new(ANNOUNCEMENT_WAIT_MS),
        )
        .await;
    }
    match meta {
        Ok(meta) => (
            Some(config.clone()),
            Ok(Booted {
                config,
                backend,
                meta,
                announcements,
            }),
        ),
        Err(e) => (Some(config), Err(BootError::Api(e))),
    }
}

#[component]
fn App(bundle: Bundle) -> impl IntoView {
    // A JSON string, as earlier versions stored it.
    let stored = local_storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|s| crate::json::from_str::<String>(&s).ok())
        .map(|s| Lang::from_tag(&s))
        .unwrap_or(Lang::Id);
    let lang = RwSignal::new(stored);
    provide_context(lang);
    Effect::new(move || {
        let l = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.tag());
        }
        if let Some(s) = local_storage() {
            let _ = s.set_item(LANG_KEY, &crate::json::to_string(l.tag()));
        }
    });
    provide_router();
    provide_context(bundle);
    // Outside the part that re-renders on a language switch: a draft survives it.
    // Before any page reads a draft: a day without a change, and it is gone.
    crate::offline::device::expire_drafts();
    (bundle.setup)();
    let booted = crate::components::use_load(boot);
    view! {
            // Re-rendered whole when the language changes: views hold plain strings.
            {move || match (lang.track(), booted.get()).1 {
                // The boot shell says as much while config and meta load (a retry after an error
                // has no shell left, and says it is loading).
                None if boot_shown() => ().into_any(),
                None => view! { <Loading/> }.into_any(),
                Some((_, Ok(b))) => {
                    // Taken away in the same task as the page is drawn: nothing blank is painted between.
                    remove_boot();
                    view! { <Shell booted=b lang/> }.into_any()
                }
                Some((config, Err(e))) => {
                    remove_boot();
                    let kiosk = config.as_ref().is_some_and(|c| c.kiosk);
                    let office = config.and_then(|c| c.office);
                    view! {
                        <Header meta=None demo=false/>
                        <main id="main" tabindex="-1">
                            <pages::down::BackendDown error=e office kiosk on_retry=move || booted.refetch()/>
                        </main>
                    }
                    .into_any()
                }
            }}
    }
}

#[component]
fn Loading() -> impl IntoView {
    let t = use_texts();
    view! {
        <main id="main" tabindex="-1">
            <p class="loading" role="status">{t.loading()}</p>
        </main>
    }
}

#[component]
fn Shell(booted: Booted, lang: RwSignal<Lang>) -> impl IntoView {
    let demo = matches!(booted.backend, AnyBackend::Demo(_));
    let meta = booted.meta.clone();
    crate::components::set_office_zone(&meta);
    crate::offline::outbox::provide_outbox(booted.backend.clone(), booted.config.kiosk);
    provide_context(Portal {
        lang,
        backend: StoredValue::new_local(booted.backend),
        config: StoredValue::new_local(booted.config),
        meta: StoredValue::new_local(booted.meta),
    });
    (expect_context::<Bundle>().with_meta)(&meta);
    focus_heading_on_navigation();
    view! {
        <Header meta=Some(meta.clone()) demo/>
        <crate::components::update_banner::UpdateBanner/>
        <crate::components::connection::Connection/>
        <crate::components::kiosk::Kiosk/>
        <Announcements initial=booted.announcements.clone()/>
        <main id="main" tabindex="-1">
            <Routes/>
        </main>
        <Footer meta/>
    }
}

#[component]
fn Routes() -> impl IntoView {
    let bundle = expect_context::<Bundle>();
    let location = use_location();
    let page = Memo::new(move |_| {
        let segments = location.with(|l| l.segments());
        Page::from_segments(&segments)
    });
    move || {
        let page = page.get();
        let storage = crate::offline::device::session();
        let path = location.with_untracked(|l| l.path.clone());
        let reloaded = storage
            .as_ref()
            .and_then(|s| s.get_item(RELOAD_KEY).ok().flatten())
            .is_some_and(|p| p == path);
        if (bundle.owns)(&page) || reloaded {
            if let Some(s) = &storage {
                let _ = s.remove_item(RELOAD_KEY);
            }
            // A page load already came back to this bundle for this path: never loop.
            let page = if (bundle.owns)(&page) {
                page
            } else {
                Page::NotFound
            };
            (bundle.view)(page)
        } else {
            // The other bundle's page (a link or the back button led here): load it for real.
            if let Some(s) = &storage {
                let _ = s.set_item(RELOAD_KEY, &path);
            }
            let _ = window().location().reload();
            view! { <Loading/> }.into_any()
        }
    }
}

// One page's view per bundle. Not inlined: every page inlined into the route closure (and the
// reactive machinery around it) would be copied more than once (tens of kilobytes of wasm).

#[inline(never)]
fn portal_view(page: Page) -> AnyView {
    match page {
        Page::Home => view! { <pages::home::Home/> }.into_any(),
        Page::Catalogue => view! { <pages::catalogue::Catalogue/> }.into_any(),
        Page::Item(id) => view! { <pages::item::Item id/> }.into_any(),
        _ => view! { <pages::not_found::NotFound/> }.into_any(),
    }
}

#[inline(never)]
fn forms_view(page: Page) -> AnyView {
    match page {
        Page::Request => view! { <pages::request::start::RequestStart/> }.into_any(),
        Page::RequestStep(step) => view! { <pages::request::Question step/> }.into_any(),
        Page::RequestSent => view! { <pages::request::Sent/> }.into_any(),
        _ => view! { <pages::not_found::NotFound/> }.into_any(),
    }
}

#[inline(never)]
fn objection_view(page: Page) -> AnyView {
    match page {
        Page::Objection => view! { <pages::objection::ObjectionIntro/> }.into_any(),
        Page::ObjectionForm => view! { <pages::objection_form::ObjectionForm/> }.into_any(),
        _ => view! { <pages::not_found::NotFound/> }.into_any(),
    }
}

#[inline(never)]
fn status_view(page: Page) -> AnyView {
    match page {
        Page::Status => view! { <pages::status::StatusLookup/> }.into_any(),
        _ => view! { <pages::not_found::NotFound/> }.into_any(),
    }
}

#[inline(never)]
fn dispute_view(page: Page) -> AnyView {
    match page {
        Page::Dispute => view! { <pages::dispute::Dispute/> }.into_any(),
        _ => view! { <pages::not_found::NotFound/> }.into_any(),
    }
}

#[inline(never)]
fn register_view(page: Page) -> AnyView {
    match page {
        Page::Register => view! { <pages::register::Register/> }.into_any(),
        Page::RegisterEntry(id) => view! { <pages::register::Entry id/> }.into_any(),
        Page::Statistics => view! { <pages::statistics::StatisticsPage/> }.into_any(),
        Page::About => view! { <pages::about::About/> }.into_any(),
        _ => view! { <pages::not_found::NotFound/> }.into_any(),
    }
}

/// After a client-side navigation, focus moves to the new page's heading so screen readers announce it.
fn focus_heading_on_navigation() {
    let location = use_location();
    // Only a new page moves focus; a changed query (typing in the search box) must not.
    let path = Memo::new(move |_| location.with(|l| l.path.clone()));
    let first = StoredValue::new(true);
    Effect::new(move || {
        path.with(|_| ());
        if first.get_value() {
            first.set_value(false);
            return;
        }
        focus_heading_when_there(HEADING_LOOKS);
    });
}

/// How often, 50 ms apart, a new page is looked at for its heading: about 10 s. A page that loads its
/// content first (an item of the catalogue) has its heading only once the backend has answered, which
/// on a slow line is seconds after the move.
const HEADING_LOOKS: u32 = 200;

/// Focuses the page's heading once it is there. The first look takes focus from wherever it is (the
/// link just followed). A page still loading then has focus on nothing (what was followed is gone
/// with the old page): anything focused at a later look was focused by the citizen meanwhile, and
/// it stays so. A look still pending from a page already left does what the newer one does.
fn focus_heading_when_there(looks: u32) {
    set_timeout(
        move || {
            let doc = document();
            let focused = || doc.query_selector(":focus").ok().flatten();
            if looks < HEADING_LOOKS && focused().is_some() {
                return;
            }
            match doc.query_selector("main h1").ok().flatten() {
                Some(h1) => {
                    use wasm_bindgen::JsCast;
                    if let Some(el) = h1.dyn_ref::<web_sys::HtmlElement>() {
                        let _ = el.set_attribute("tabindex", "-1");
                        let _ = el.focus();
                    }
                }
                None if looks > 1 => focus_heading_when_there(looks - 1),
                None => {}
            }
        },
        std::time::Duration::from_millis(50),
    );
}
