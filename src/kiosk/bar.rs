//! The kiosk's bar, dialogs and idle timer, compiled into their own small wasm (`ppid-kiosk`, see
//! src/bin/kiosk.rs) that a page loads only in kiosk mode: a citizen's phone never downloads them
//! (about 8.5 KB gzip less in each bundle's first load).
//!
//! The page's side is in [`super`]: it renders the empty bar (`#kiosk-bar`, with the language,
//! whether the page is the home page and the idle settings as `data-` attributes), keeps the back
//! button hidden on the home page, and tells this module with a `ppid-kiosk-bar` event when a
//! language switch has rendered a new bar. Both sides share only the DOM and sessionStorage, and
//! the page's wipe (`public/ppid-kiosk-wipe.js`, `globalThis.ppidKioskWipe`), which the bar calls.

use super::{officer, ASSISTED_KEY, MAX_OFFICER};
use crate::i18n::{Lang, Texts};
use leptos::prelude::{document, window};
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What a person does at the screen; any of them restarts the idle time.
const ACTIVITY: [&str; 6] = [
    "pointerdown",
    "keydown",
    "touchstart",
    "input",
    "scroll",
    "wheel",
];

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
fn texts() -> &'static Texts {
    let tag = element("kiosk-bar").and_then(|b| b.get_attribute("data-lang"));
    Lang::from_tag(tag.as_deref().unwrap_or("id")).t()
}

// The bar and its dialogs are built from data, and what changes (the countdown, officer mode, the
// dialogs) is set on the DOM by the handlers: a typed, reactive view for each element would cost
// about 10 KB gzip of wasm on every page of every bundle.

/// Appends an element with attributes and text to `parent`.
fn el(
    parent: &web_sys::Element,
    tag: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> Option<web_sys::Element> {
    let e = document().create_element(tag).ok()?;
    for (name, value) in attrs {
        e.set_attribute(name, value).ok()?;
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    parent.append_child(&e).ok()?;
    Some(e)
}

/// A modal alert dialog with its heading and description (`<id>-title`, `<id>-desc`).
fn dialog(
    parent: &web_sys::Element,
    id: &str,
    described_by: &str,
    title: &str,
    body: &str,
) -> Option<web_sys::Element> {
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let d = el(
        parent,
        "dialog",
        &[
            ("id", id),
            ("class", "kiosk-dialog"),
            ("role", "alertdialog"),
            ("aria-modal", "true"),
            ("aria-labelledby", &title_id),
            ("aria-describedby", described_by),
        ],
        "",
    )?;
    el(&d, "h2", &[("id", &title_id)], title)?;
    el(&d, "p", &[("id", &desc_id)], body)?;
    Some(d)
}

/// The bar: back, "Mulai baru", officer mode and its form; the idle and "Mulai baru" dialogs.
fn build_bar(bar: &web_sys::Element, t: &'static Texts, at_home: bool) -> Option<()> {
    const BUTTON: (&str, &str) = ("type", "button");
    let officer = officer();
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
    let form = el(
        &actions,
        "form",
        &[
            ("id", "kiosk-officer-form"),
            ("class", "kiosk-officer-form"),
            ("novalidate", ""),
            ("hidden", ""),
        ],
        "",
    )?;
    let field = el(
        &form,
        "div",
        &[("id", "kiosk-officer-field"), ("class", "field")],
        "",
    )?;
    el(
        &field,
        "label",
        &[("for", "kiosk-officer-name")],
        t.kiosk_officer_field().0,
    )?;
    el(
        &field,
        "p",
        &[("class", "hint"), ("id", "kiosk-officer-name-hint")],
        t.kiosk_officer_field().1,
    )?;
    el(
        &field,
        "p",
        &[
            ("class", "error-message"),
            ("id", "kiosk-officer-name-error"),
            ("hidden", ""),
        ],
        t.kiosk_officer_missing(),
    )?;
    el(
        &field,
        "input",
        &[
            ("type", "text"),
            ("id", "kiosk-officer-name"),
            ("autocomplete", "off"),
            ("maxlength", "100"),
            ("aria-describedby", "kiosk-officer-name-hint"),
        ],
        "",
    )?;
    el(
        &form,
        "button",
        &[("type", "submit"), ("class", "button")],
        t.kiosk_officer_start(),
    )?;

    let idle = dialog(
        bar,
        "kiosk-idle",
        "kiosk-idle-desc kiosk-idle-left",
        t.kiosk_idle_title(),
        t.kiosk_idle_body(),
    )?;
    el(
        &idle,
        "p",
        &[("id", "kiosk-idle-left"), ("class", "kiosk-count")],
        "",
    )?;
    // The visible count changes every second; a screen reader hears it every ten and at five.
    el(
        &idle,
        "p",
        &[
            ("id", "kiosk-idle-live"),
            ("class", "visually-hidden"),
            ("aria-live", "polite"),
            ("aria-atomic", "true"),
        ],
        "",
    )?;
    el(
        &idle,
        "button",
        &[BUTTON, ("class", "button"), ("data-kiosk", "continue")],
        t.kiosk_continue(),
    )?;

    let confirm = dialog(
        bar,
        "kiosk-confirm",
        "kiosk-confirm-desc",
        t.kiosk_start_over_title(),
        t.kiosk_start_over_body(),
    )?;
    let choices = el(&confirm, "div", &[("class", "kiosk-actions")], "")?;
    el(
        &choices,
        "button",
        &[BUTTON, ("class", "button"), ("data-kiosk", "wipe")],
        t.kiosk_start_over_confirm(),
    )?;
    // The safe choice has focus when the dialog opens.
    el(
        &choices,
        "button",
        &[
            BUTTON,
            ("class", "button secondary"),
            ("autofocus", ""),
            ("data-kiosk", "cancel"),
        ],
        t.kiosk_cancel(),
    )?;
    Some(())
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

/// The idle clock, shared by the activity listeners, the ticks and "Lanjutkan".
struct Idle {
    /// When the screen was last touched (ms since the epoch).
    last: Cell<f64>,
    /// Whether anything may need wiping: on the untouched home page nothing runs until someone
    /// touches the screen, so a kiosk waiting for its next citizen is not reloaded again and again.
    armed: Cell<bool>,
    /// Whether the warning is showing (then only its button keeps the session).
    warning: Cell<bool>,
}

thread_local! {
    static IDLE: Idle = const { Idle { last: Cell::new(0.0), armed: Cell::new(false), warning: Cell::new(false) } };
}

/// Listens for activity and ticks every second: the warning after `idle` seconds, counting down
/// `warning` seconds, then the wipe (which reloads the page, so nothing needs stopping).
fn start_idle_timer(idle: u32, warning: u32, at_home: bool) {
    IDLE.with(|i| {
        i.last.set(js_sys::Date::now());
        i.armed.set(!at_home);
        i.warning.set(false);
    });
    let activity = Closure::<dyn Fn()>::new(|| {
        IDLE.with(|i| {
            if !i.warning.get() {
                i.last.set(js_sys::Date::now());
                i.armed.set(true);
            }
        })
    });
    for name in ACTIVITY {
        let _ = window().add_event_listener_with_callback_and_bool(
            name,
            activity.as_ref().unchecked_ref(),
            true,
        );
    }
    activity.forget();
    let tick = Closure::<dyn Fn()>::new(move || {
        let (armed, last) = IDLE.with(|i| (i.armed.get(), i.last.get()));
        if !armed {
            return;
        }
        let idle_for = ((js_sys::Date::now() - last) / 1000.0).max(0.0) as u32;
        if idle_for < idle {
            return;
        }
        let left = (idle + warning).saturating_sub(idle_for);
        if left == 0 {
            IDLE.with(|i| i.armed.set(false));
            wipe();
            return;
        }
        let t = texts();
        let text = format!("{} {left} {}", t.kiosk_idle_left().0, t.kiosk_idle_left().1);
        set_text("kiosk-idle-left", &text);
        if left < warning && (left % 10 == 0 || left == 5) {
            set_text("kiosk-idle-live", &text);
        }
        if !IDLE.with(|i| i.warning.replace(true)) {
            set_text("kiosk-idle-live", "");
            show_modal("kiosk-idle");
        }
    });
    let _ = window().set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        1000,
    );
    tick.forget();
}

/// "Lanjutkan": the warning closes and the idle time starts again.
fn keep_session() {
    IDLE.with(|i| {
        i.warning.set(false);
        i.last.set(js_sys::Date::now());
    });
    close("kiosk-idle");
}

/// Officer mode on, for the name or NIP typed; or the error when nothing was typed.
fn start_officer(t: &'static Texts) {
    let who = element("kiosk-officer-name")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| {
            i.value()
                .trim()
                .chars()
                .take(MAX_OFFICER)
                .collect::<String>()
        })
        .unwrap_or_default();
    let missing = who.is_empty();
    if let Some(field) = element("kiosk-officer-field") {
        let _ = field.class_list().toggle_with_force("field-error", missing);
    }
    set_hidden("kiosk-officer-name-error", !missing);
    if let Some(input) = element("kiosk-officer-name") {
        let described = if missing {
            "kiosk-officer-name-hint kiosk-officer-name-error"
        } else {
            "kiosk-officer-name-hint"
        };
        let _ = input.set_attribute("aria-describedby", described);
        let _ = if missing {
            input.set_attribute("aria-invalid", "true")
        } else {
            input.remove_attribute("aria-invalid")
        };
    }
    if missing {
        focus("kiosk-officer-name");
        return;
    }
    if let Some(s) = session() {
        let _ = s.set_item(ASSISTED_KEY, &who);
    }
    set_text(
        "kiosk-officer-on",
        &format!("{} {who}", t.kiosk_officer_on()),
    );
    show_officer(true);
    focus("kiosk-officer-end");
}

/// Officer mode off: what is sent from now on is the citizen's own.
fn end_officer() {
    if let Some(s) = session() {
        let _ = s.remove_item(ASSISTED_KEY);
    }
    set_text("kiosk-officer-on", "");
    if let Some(input) = element("kiosk-officer-name") {
        if let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() {
            input.set_value("");
        }
    }
    show_officer(false);
    focus("kiosk-officer");
}

/// Shows "Akhiri mode petugas" (on) or "Mode petugas" (off), the form closed.
fn show_officer(on: bool) {
    set_hidden("kiosk-officer-end", !on);
    set_hidden("kiosk-officer", on);
    set_hidden("kiosk-officer-form", true);
    if let Some(b) = element("kiosk-officer") {
        let _ = b.set_attribute("aria-expanded", "false");
    }
}

fn toggle_officer_form() {
    let open = element("kiosk-officer-form").is_some_and(|f| f.has_attribute("hidden"));
    set_hidden("kiosk-officer-form", !open);
    if let Some(b) = element("kiosk-officer") {
        let _ = b.set_attribute("aria-expanded", if open { "true" } else { "false" });
    }
    if open {
        focus("kiosk-officer-name");
    }
}

/// Back one page, for a screen without browser controls.
fn back() {
    let _ = window().history().map(|h| h.back());
}

fn element(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

fn set_text(id: &str, text: &str) {
    if let Some(e) = element(id) {
        e.set_text_content(Some(text));
    }
}

fn set_hidden(id: &str, hidden: bool) {
    if let Some(e) = element(id) {
        let _ = e.toggle_attribute_with_force("hidden", hidden);
    }
}

fn focus(id: &str) {
    if let Some(e) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// Opens a dialog modally: the page behind is inert and focus moves in (to `autofocus`, if any).
fn show_modal(id: &str) {
    if let Some(d) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
        if !d.open() {
            let _ = d.show_modal();
        }
    }
}

/// Closes a dialog; focus returns where it was before it opened.
fn close(id: &str) {
    if let Some(d) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
        d.close();
    }
}

/// Deletes every trace of the citizen and starts afresh: the page's wipe
/// (`public/ppid-kiosk-wipe.js`, loaded by every page in kiosk mode, which also says what it
/// deletes). Should that script be missing, what this page can do alone: browser storage, and the
/// home page loaded afresh, which empties memory.
fn wipe() {
    let page_wipe = js_sys::Reflect::get(&window(), &"ppidKioskWipe".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(f) = page_wipe {
        let _ = f.call0(&window());
        return;
    }
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("kiosk-wiping");
    }
    for s in [window().local_storage(), window().session_storage()] {
        if let Ok(Some(s)) = s {
            let _ = s.clear();
        }
    }
    let _ = window().location().replace(&crate::api::resolve(""));
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}
