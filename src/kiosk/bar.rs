//! The kiosk's bar, dialogs and idle timer, compiled into their own small wasm (`ppid-kiosk`, see
//! src/bin/kiosk.rs) that a page loads only in kiosk mode: a citizen's phone never downloads them
//! (about 8.5 KB gzip less in each bundle's first load).
//!
//! The page's side is [`crate::components::kiosk::Kiosk`]: it renders the empty bar (`#kiosk-bar`, with the language,
//! whether the page is the home page and the idle settings as `data-` attributes), keeps the back
//! button hidden on the home page, and tells this module with a `ppid-kiosk-bar` event when a
//! language switch has rendered a new bar. Both sides share only the DOM and sessionStorage, and
//! the page's wipe (`public/ppid-kiosk-wipe.js`, `globalThis.ppidKioskWipe`), which the bar calls.

use super::dialogs::{close, show_modal};
use super::dom::{el, element, BUTTON};
use super::idle::{keep_session, start_idle_timer};
use super::officer_mode::{self, end_officer, start_officer, toggle_officer_form};
use super::wipe::wipe;
use crate::i18n::{Lang, Texts};
use leptos::prelude::window;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Builds the bar the page rendered, starts the idle timer, and builds every later bar (after a
/// language switch) when the page says so.
pub fn start() {
    let Some(bar) = element("kiosk-bar") else {
        return;
    };
    let number = |name: &str, default: u32| {
        bar.get_attribute(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let idle = number("data-idle", crate::domain::kiosk::DEFAULT_IDLE_SECONDS);
    let warning = number(
        "data-warning",
        crate::domain::kiosk::DEFAULT_WARNING_SECONDS,
    );
    start_idle_timer(idle, warning, bar.has_attribute("data-home"));
    build();
    let rebuild = Closure::<dyn Fn()>::new(build);
    let _ = window()
        .add_event_listener_with_callback("ppid-kiosk-bar", rebuild.as_ref().unchecked_ref());
    rebuild.forget();
}

/// Fills the page's bar unless it is filled already, and listens to its buttons (once per element).
fn build() {
    let Some(bar) = element("kiosk-bar") else {
        return;
    };
    if bar.has_attribute("data-built") {
        return;
    }
    let _ = bar.set_attribute("data-built", "");
    bar.set_text_content(None);
    let home = bar.has_attribute("data-home");
    let _ = build_bar(&bar, texts(), home);
    if !bar.has_attribute("data-listening") {
        let _ = bar.set_attribute("data-listening", "");
        listen(&bar);
    }
}

/// The texts in the language the page's bar was rendered in.
pub(super) fn texts() -> &'static Texts {
    let tag = element("kiosk-bar").and_then(|b| b.get_attribute("data-lang"));
    Lang::from_tag(tag.as_deref().unwrap_or("id")).t()
}

// The bar and its dialogs are built from data, and what changes (the countdown, officer mode, the
// dialogs) is set on the DOM by the handlers: a typed, reactive view for each element would cost
// about 10 KB gzip of wasm on every page of every bundle.

/// The bar: back, "Mulai baru", officer mode and its form; the idle and "Mulai baru" dialogs.
fn build_bar(bar: &web_sys::Element, t: &'static Texts, at_home: bool) -> Option<()> {
    let officer = super::officer();
    let actions = el(bar, "div", &[("class", "kiosk-actions")], "")?;
    let back = el(
        &actions,
        "button",
        &[
            BUTTON,
            ("id", "kiosk-back"),
            ("class", "button secondary"),
            ("data-kiosk", "back"),
        ],
        t.kiosk_back(),
    )?;
    let _ = back.toggle_attribute_with_force("hidden", at_home);
    el(
        &actions,
        "button",
        &[
            BUTTON,
            ("id", "kiosk-start-over"),
            ("class", "button"),
            ("aria-haspopup", "dialog"),
            ("data-kiosk", "start-over"),
        ],
        t.kiosk_start_over(),
    )?;
    let on = officer
        .as_ref()
        .map(|who| format!("{} {who}", t.kiosk_officer_on()))
        .unwrap_or_default();
    el(
        &actions,
        "p",
        &[
            ("id", "kiosk-officer-on"),
            ("class", "kiosk-officer-on"),
            ("role", "status"),
        ],
        &on,
    )?;
    let end = el(
        &actions,
        "button",
        &[
            BUTTON,
            ("id", "kiosk-officer-end"),
            ("class", "button secondary"),
            ("data-kiosk", "officer-end"),
        ],
        t.kiosk_officer_end(),
    )?;
    let _ = end.toggle_attribute_with_force("hidden", officer.is_none());
    let toggle = el(
        &actions,
        "button",
        &[
            BUTTON,
            ("id", "kiosk-officer"),
            ("class", "button secondary"),
            ("aria-expanded", "false"),
            ("aria-controls", "kiosk-officer-form"),
            ("data-kiosk", "officer"),
        ],
        t.kiosk_officer(),
    )?;
    let _ = toggle.toggle_attribute_with_force("hidden", officer.is_some());
    officer_mode::build_form(&actions, t)?;
    super::dialogs::build(bar, t)
}

/// One listener for the whole bar: each button says what it does in `data-kiosk`. Escape on a
/// dialog (`cancel`, which does not bubble: caught on the way down) is its safe choice.
fn listen(bar: &web_sys::Element) {
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let action = target
            .as_ref()
            .and_then(|e| e.closest("[data-kiosk]").ok().flatten())
            .and_then(|e| e.get_attribute("data-kiosk"));
        match (ev.type_().as_str(), action.as_deref()) {
            ("submit", _) => {
                ev.prevent_default();
                start_officer(texts());
            }
            ("cancel", _) => {
                ev.prevent_default();
                if target.is_some_and(|d| d.id() == "kiosk-idle") {
                    keep_session();
                } else {
                    close("kiosk-confirm");
                }
            }
            ("click", Some("back")) => back(),
            ("click", Some("start-over")) => show_modal("kiosk-confirm"),
            ("click", Some("officer")) => toggle_officer_form(),
            ("click", Some("officer-end")) => end_officer(),
            ("click", Some("continue")) => keep_session(),
            ("click", Some("wipe")) => wipe(),
            ("click", Some("cancel")) => close("kiosk-confirm"),
            _ => {}
        }
    });
    for (name, capture) in [("click", false), ("submit", false), ("cancel", true)] {
        let _ = bar.add_event_listener_with_callback_and_bool(
            name,
            handler.as_ref().unchecked_ref(),
            capture,
        );
    }
    // Lives as long as the bar's element (until a language switch renders a new one).
    handler.forget();
}

/// Back one page, for a screen without browser controls.
fn back() {
    let _ = window().history().map(|h| h.back());
}
