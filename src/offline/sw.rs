//! Service worker glue: registers `sw.js` and knows when a new build has installed in the
//! background, which `components::update_banner` offers as "Versi baru tersedia".
//!
//! The worker (`public/sw.js`) keeps serving the build the page came from until the citizen chooses
//! "Muat ulang": then the waiting worker takes over and every page it controls reloads once, so old
//! and new files are never mixed. Without service workers (an old browser, not a secure context)
//! nothing is shown and the portal works as before.
//!
//! A regency retires the worker by taking `sw.js` off its server (README, "Retiring the service
//! worker"): the worker checks on each page load, and each page it answers asks it to check again
//! once the page is up ([`ask_to_check`]); then it unregisters, deletes its caches and reloads its pages.
//!
//! What the worker downloads, and when ([`ask_to_keep`]): at install only what every page needs (a
//! phone's first visit must stay small); each page then asks it, once the browser is idle, to keep the
//! page's own bundle, and, unless the citizen's connection is Save-Data or 2g, the bundles its pages
//! most likely lead to (`bundles.json` `next`) and the catalogue for offline search; a page whose
//! content leads on (a receipt, a request's status) asks for that bundle too ([`keep_too`]).

use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The few bindings needed, declared here rather than as web-sys features (smaller, and no shared
// Cargo.toml change).
#[wasm_bindgen]
extern "C" {
    /// `navigator.serviceWorker`.
    #[wasm_bindgen(extends = web_sys::EventTarget)]
    type Container;
    #[wasm_bindgen(method, getter)]
    fn controller(this: &Container) -> JsValue;
    #[wasm_bindgen(method, getter)]
    fn ready(this: &Container) -> js_sys::Promise;
    #[wasm_bindgen(method, catch)]
    fn register(this: &Container, url: &str, options: &JsValue)
        -> Result<js_sys::Promise, JsValue>;

    /// A `ServiceWorkerRegistration`.
    #[wasm_bindgen(extends = web_sys::EventTarget)]
    #[derive(Clone)]
    type Registration;
    #[wasm_bindgen(method, getter)]
    fn waiting(this: &Registration) -> Option<Worker>;
    #[wasm_bindgen(method, getter)]
    fn installing(this: &Registration) -> Option<Worker>;
    #[wasm_bindgen(method, getter)]
    fn active(this: &Registration) -> Option<Worker>;

    /// A `ServiceWorker`.
    #[wasm_bindgen(extends = web_sys::EventTarget)]
    #[derive(Clone)]
    type Worker;
    #[wasm_bindgen(method, getter)]
    fn state(this: &Worker) -> String;
    #[wasm_bindgen(method, js_name = postMessage)]
    fn post_message(this: &Worker, message: &str);
    #[wasm_bindgen(method, js_name = postMessage)]
    fn post_object(this: &Worker, message: &js_sys::Object);
}

/// How long after the page starts the worker is registered.
const START_AFTER_MS: u32 = 3_000;
/// How long the page waits for the browser to be idle before it asks the worker anyway.
const IDLE_AT_MOST_MS: u32 = 10_000;
/// Where `requestIdleCallback` is missing, how long the page waits instead.
const IDLE_FALLBACK_MS: u32 = 2_000;

thread_local! {
    /// A new build is installed and waiting; outlives the shell, which re-renders on a language switch.
    static WAITING: ArcRwSignal<bool> = ArcRwSignal::new(false);
    static REGISTRATION: RefCell<Option<Registration>> = const { RefCell::new(None) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
    /// The bundles a page has asked for ([`keep_too`]), one bit each.
    static ASKED_TOO: Cell<u8> = const { Cell::new(0) };
    /// Reload when the controller changes: the citizen chose the new build, or the page was already
    /// controlled (another tab chose it; this page's old files are gone with the old worker).
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// Registers the worker once per page load, a few seconds after the page has started.
pub fn start_once() {
    if !STARTED.replace(true) {
        leptos::task::spawn_local(start());
    }
}

/// Whether a new build has installed and waits for the citizen to choose it.
pub fn new_build_waiting() -> RwSignal<bool> {
    WAITING.with(|w| w.clone().into())
}

fn container() -> Option<Container> {
    let navigator = web_sys::window()?.navigator();
    let c = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    (!c.is_undefined() && !c.is_null()).then(|| c.unchecked_into())
}

fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut() + 'static) {
    let f = Closure::<dyn FnMut()>::new(f);
    let _ = target.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
    // Lives as long as the page: registered once per page load.
    f.forget();
}

async fn start() {
    let Some(sw) = container() else { return };
    // After the page's own first requests: the worker's downloads must not compete with them.
    gloo_timers::future::TimeoutFuture::new(START_AFTER_MS).await;
    RELOAD_ON_CHANGE.set(!sw.controller().is_null());
    ask_to_check(&sw);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"scope".into(), &crate::api::resolve("./").into());
    let Ok(promise) = sw.register(&crate::api::resolve("sw.js"), &options) else {
        return;
    };
    // Anything but a registration (a browser or test harness that blocks workers) means no worker.
    let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return;
    };
    if !reg.is_object() {
        return;
    }
    let reg: Registration = reg.unchecked_into();
    listen(&sw, "controllerchange", || {
        if RELOAD_ON_CHANGE.replace(false) {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    let found = reg.clone();
    listen(&reg, "updatefound", move || watch(found.installing()));
    // A build the browser found while this page loaded may be installing already.
    watch(reg.installing());
    REGISTRATION.set(Some(reg));
    // A build that installed during an earlier visit and is still waiting.
    offer();
    ask_to_keep(&sw).await;
}

/// Asks the active worker, once per page load and when the browser is idle, to keep this page's
/// bundle (`ppidBundle`, set by the boot script), and on a connection that can afford it more: the
/// bundles this one leads to and the catalogue for offline search. A citizen on Save-Data or 2g
/// downloads only what they opened; the worker answers the asks of its pages one after another.
async fn ask_to_keep(sw: &Container) {
    let bundle = js_sys::Reflect::get(&js_sys::global(), &"ppidBundle".into()).unwrap_or_default();
    ask_when_idle(sw, &bundle, Ask::Own).await;
}

/// Asks the worker, once the browser is idle and on a connection that is neither Save-Data nor 2g,
/// to keep `bundle` too: where a page's content, not its bundle, says what comes next (a receipt
/// leads to the status page or the dispute route, a request's status to an objection; a form opened
/// and left, or a status page that shows no request, lead nowhere). Once per bundle and page load.
pub fn keep_too(bundle: crate::domain::route::BundleName) {
    let bit = 1u8 << (bundle as u8);
    if ASKED_TOO.with(|a| a.replace(a.get() | bit)) & bit != 0 {
        return;
    }
    leptos::task::spawn_local(async move {
        if let Some(sw) = container() {
            ask_when_idle(&sw, &bundle.wasm().into(), Ask::Too).await;
        }
    });
}

/// What a page asks the worker to keep.
#[derive(Clone, Copy, PartialEq)]
enum Ask {
    /// Its own bundle on any line, with the bundles it leads to when the line can afford them.
    Own,
    /// One more bundle, alone, and only when the line can afford it.
    Too,
}

/// Posts `{ precache: bundle, all }` to the active worker once it is ready and the browser idle.
async fn ask_when_idle(sw: &Container, bundle: &JsValue, what: Ask) {
    let Ok(reg) = wasm_bindgen_futures::JsFuture::from(sw.ready()).await else {
        return;
    };
    when_idle().await;
    let affordable = !slow_or_metered();
    if what == Ask::Too && !affordable {
        return;
    }
    let Some(worker) = reg.unchecked_into::<Registration>().active() else {
        return;
    };
    let ask = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ask, &"precache".into(), bundle);
    let _ = js_sys::Reflect::set(
        &ask,
        &"all".into(),
        &(what == Ask::Own && affordable).into(),
    );
    worker.post_object(&ask);
}

/// Resolves when the browser is idle (`requestIdleCallback`, at most [`IDLE_AT_MOST_MS`] later), or
/// after [`IDLE_FALLBACK_MS`] where it is missing.
async fn when_idle() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(idle) = idle else {
        gloo_timers::future::TimeoutFuture::new(IDLE_FALLBACK_MS).await;
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &IDLE_AT_MOST_MS.into());
        let _ = idle.call2(&window, &resolve, &options);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Whether the browser reports `navigator.connection.saveData`, or an effective type of 2g or slower.
fn slow_or_metered() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(connection) = js_sys::Reflect::get(&window.navigator(), &"connection".into()) else {
        return false;
    };
    if !connection.is_object() {
        return false;
    }
    let get = |key: &str| js_sys::Reflect::get(&connection, &key.into()).unwrap_or_default();
    get("saveData").as_bool() == Some(true)
        || matches!(
            get("effectiveType").as_string().as_deref(),
            Some("2g" | "slow-2g")
        )
}

/// Asks the worker that answers this page, if one does, whether `sw.js` is still on the server: it
/// may have gone since the page loaded, and the browser's own update check would keep the worker for
/// ever (the Update algorithm of the Service Workers spec). If the regency took it away, the worker
/// unregisters, deletes its caches and loads this page again from the network (`public/sw.js`).
fn ask_to_check(sw: &Container) {
    let controller = sw.controller();
    if !controller.is_null() {
        controller
            .unchecked_into::<Worker>()
            .post_message("retire?");
    }
}

/// Offers the build `installing` once it has installed.
fn watch(installing: Option<Worker>) {
    if let Some(worker) = installing {
        let w = worker.clone();
        listen(&worker, "statechange", move || {
            if w.state() == "installed" {
                offer();
            }
        });
    }
}

/// Shows the offer when a new build waits and this page runs an older one.
fn offer() {
    let controlled = container().is_some_and(|c| !c.controller().is_null());
    let waiting = REGISTRATION.with_borrow(|r| r.as_ref().is_some_and(|r| r.waiting().is_some()));
    if controlled && waiting {
        WAITING.with(|w| w.set(true));
    }
}

/// "Muat ulang": the waiting worker takes over; `controllerchange` then reloads the page.
pub fn use_new_build() {
    RELOAD_ON_CHANGE.set(true);
    match REGISTRATION.with_borrow(|r| r.as_ref().and_then(Registration::waiting)) {
        Some(worker) => worker.post_message("skip-waiting"),
        // Already taken over (another tab): just load the new build.
        None => {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    }
}
