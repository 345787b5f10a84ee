//! A small client-side router: the URL is the state.
//!
//! Same-origin links are followed without a page load, Back and Forward work, and pages read the
//! path and the query from one signal. It replaces `leptos_router`, whose generality cost about
//! 10 KB gzip of wasm that a seven-route portal does not use.
//!
//! The portal may be served under a sub-path (`https://kab.go.id/ppid/`): pages see app paths
//! (`/permohonan`), links are written with [`rooted`], and the router adds and strips the base.

use crate::contract::url::percent_decode;
use crate::domain::base_path::{join, strip};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The current location: path (no base) and raw query (no `?`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub query: String,
}

impl Location {
    /// The decoded value of query parameter `name`, when present and not empty.
    pub fn param(&self, name: &str) -> Option<String> {
        self.query
            .split('&')
            .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| percent_decode(v))
            .filter(|v| !v.is_empty())
    }

    /// Path segments, decoded.
    pub fn segments(&self) -> Vec<String> {
        self.path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode)
            .collect()
    }
}

thread_local! {
    static BASE: String = find_base();
}

/// The path the portal is served under, without its last slash: `""` at the root of a site,
/// `"/ppid"` under a sub-path. It is where the boot script was loaded from (`ppidRoot`).
fn find_base() -> String {
    js_sys::Reflect::get(&js_sys::global(), &"ppidRoot".into())
        .ok()
        .and_then(|r| r.as_string())
        .and_then(|r| web_sys::Url::new(&r).ok())
        .map(|u| u.pathname().trim_end_matches('/').to_owned())
        .unwrap_or_default()
}

/// An app path (`/permohonan?ubah=1`) as the path to link to: under the base.
pub fn rooted(path: &str) -> String {
    BASE.with(|b| join(b, path))
}

/// The router's handle in context.
#[derive(Clone, Copy)]
pub struct Router {
    location: RwSignal<Location>,
}

/// The location signal; pages read it (tracked).
pub fn use_location() -> RwSignal<Location> {
    expect_context::<Router>().location
}

/// A function that goes to `href` (a path with optional query) without a page load; `replace`
/// keeps history short (typing in a search box), otherwise Back returns here. Call it while
/// rendering; the function itself may run later (event handlers, timers).
pub fn use_navigate() -> impl Fn(&str, bool) + Copy + 'static {
    let router = expect_context::<Router>();
    move |href, replace| navigate_with(router, href, replace)
}

fn navigate_with(router: Router, href: &str, replace: bool) {
    let history = window().history().ok();
    if let Some(h) = history {
        let href = rooted(href);
        let _ = if replace {
            h.replace_state_with_url(&JsValue::NULL, "", Some(&href))
        } else {
            h.push_state_with_url(&JsValue::NULL, "", Some(&href))
        };
    }
    router.location.set(current_location());
}

fn current_location() -> Location {
    let loc = window().location();
    let full = loc.pathname().unwrap_or_else(|_| "/".into());
    // Outside the base (a misconfigured server) is nowhere the portal knows: its 404 page.
    let path = BASE.with(|b| strip(b, &full)).unwrap_or(full);
    let query = loc
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_owned();
    Location { path, query }
}

/// Installs the router: provides the location and takes over same-origin link clicks and Back/Forward.
pub fn provide_router() {
    let location = RwSignal::new(current_location());
    provide_context(Router { location });
    let on_pop = Closure::<dyn FnMut()>::new(move || location.set(current_location()));
    window().set_onpopstate(Some(on_pop.as_ref().unchecked_ref()));
    on_pop.forget();
    let on_click =
        Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
            if let Some(id) = fragment_link(&ev) {
                // `<base href>` would turn `#main` into a link to the home page: move focus here instead.
                ev.prevent_default();
                focus_element(&id);
                return;
            }
            if let Some(href) = internal_link(&ev) {
                ev.prevent_default();
                let _ = window()
                    .history()
                    .map(|h| h.push_state_with_url(&JsValue::NULL, "", Some(&href)));
                let before = location.with_untracked(|l| l.path.clone());
                location.set(current_location());
                let same_page = location.with_untracked(|l| l.path == before);
                if !same_page {
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        });
    let _ = document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}

/// The id a plain click on an in-page link (`href="#id"`) points to.
fn fragment_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 {
        return None;
    }
    let el = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href^='#']")
        .ok()??;
    let id = el.get_attribute("href")?.trim_start_matches('#').to_owned();
    (!id.is_empty()).then_some(id)
}

/// Scrolls to and focuses the element with `id`, making it focusable if it is not.
pub fn focus_element(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    if !matches!(
        el.tag_name().as_str(),
        "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON" | "A"
    ) && !el.has_attribute("tabindex")
    {
        let _ = el.set_attribute("tabindex", "-1");
    }
    el.scroll_into_view();
    let _ = el.focus();
}

/// The target of a plain left click on a same-origin link the router should follow, if any.
fn internal_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let mut node = ev.target()?.dyn_into::<web_sys::Element>().ok();
    while let Some(el) = node {
        if let Ok(a) = el.clone().dyn_into::<web_sys::HtmlAnchorElement>() {
            if !a.target().is_empty()
                || a.has_attribute("download")
                // `rel` is a list of words (a word search also keeps the substring searcher out
                // of every bundle).
                || a.get_attribute("rel")
                    .is_some_and(|r| r.split_ascii_whitespace().any(|w| w == "external"))
            {
                return None;
            }
            let here = window().location();
            if a.origin() != here.origin().ok()? {
                return None;
            }
            // A link to a fragment of this page (the skip link) is the browser's job.
            if a.pathname() == here.pathname().ok()?
                && a.search() == here.search().ok()?
                && !a.hash().is_empty()
            {
                return None;
            }
            // Outside the portal (another app on the same site): the browser's job.
            BASE.with(|b| strip(b, &a.pathname()))?;
            return Some(format!("{}{}", a.pathname(), a.search()));
        }
        node = el.parent_element();
    }
    None
}
