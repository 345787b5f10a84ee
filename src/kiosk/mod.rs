//! Kiosk mode at an MPP counter: idle warning and wipe, "Mulai baru", assisted mode, and the
//! thermal receipt layout. This is the page's side; the bar, its dialogs and the idle timer are a
//! small wasm of their own ([`bar`]) loaded only in kiosk mode.
//!
//! A kiosk is shared by strangers, one after another, on a screen without browser controls. So
//! the bar below the header offers "back" and "Mulai baru", the citizen's data never outlives
//! their visit (an idle timer warns, then wipes), and an officer helping a citizen is recorded on
//! what they send.
//!
//! The wipe itself is a small script of its own, `public/ppid-kiosk-wipe.js`, that every page in
//! kiosk mode loads as soon as `config.json` is read, apart from the bar's wasm: should that wasm
//! fail to load or start, the script runs the idle timer itself, so a kiosk never goes without a
//! wipe. It also finishes a wipe that has reloaded the page (the history is cut over two page
//! loads). In JavaScript because every bundle would otherwise carry it: the same in Rust cost
//! about 2 KB gzip of each bundle's first load; the script is fetched only at a kiosk.

pub mod bar;

use crate::app::{use_portal, use_texts};
use crate::components::router::use_location;
use crate::contract::{Channel, RequestSubmission};
use crate::i18n::Lang;
use leptos::prelude::*;
use std::cell::Cell;

/// The officer's name or NIP while officer mode is on (sessionStorage: wiped with the rest).
pub(super) const ASSISTED_KEY: &str = "ppid.kiosk.assisted";
/// The longest officer's name or NIP (the contract's `assisted_by`).
pub(super) const MAX_OFFICER: usize = 100;

thread_local! {
    /// Whether this page runs in kiosk mode (set by [`set_kiosk`]).
    static KIOSK: Cell<bool> = const { Cell::new(false) };
}

/// Whether this page runs in kiosk mode (known once `config.json` is read).
pub fn is_kiosk() -> bool {
    KIOSK.with(Cell::get)
}

/// Records kiosk mode as soon as `config.json` is read, before any page asks where to keep data,
/// and in kiosk mode loads the wipe's script (also on the service-down page).
pub fn set_kiosk(kiosk: bool) {
    KIOSK.with(|k| k.set(kiosk));
    if kiosk {
        load_script("ppid-kiosk-wipe-script", "ppid-kiosk-wipe.js");
    }
}

/// The officer filling in forms for citizens, while officer mode is on in kiosk mode.
pub fn assisted_by() -> Option<String> {
    if !KIOSK.with(Cell::get) {
        return None;
    }
    officer()
}

/// The officer's name or NIP stored by the kiosk bar, in or out of kiosk mode.
pub(super) fn officer() -> Option<String> {
    window()
        .session_storage()
        .ok()
        .flatten()?
        .get_item(ASSISTED_KEY)
        .ok()
        .flatten()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// A request as this kiosk sends it: the `kiosk` channel, and who helped while officer mode is on.
pub fn mark(mut body: RequestSubmission) -> RequestSubmission {
    if KIOSK.with(Cell::get) {
        body.channel = Channel::Kiosk;
    }
    body.assisted_by = assisted_by();
    body.assisted = body.assisted_by.is_some();
    body
}

/// One line naming the officer, for a check-your-answers page; nothing outside officer mode.
#[component]
pub fn AssistedBy() -> impl IntoView {
    let t = use_texts();
    assisted_by().map(|who| {
        view! { <p class="panel assisted-by"><strong>{t.kiosk_assisted()}</strong>": " {who}</p> }
    })
}

/// The kiosk's bar, empty until the kiosk wasm fills it, and that wasm's script; outside kiosk mode
/// only the receipt's paper width.
#[component]
pub fn Kiosk() -> impl IntoView {
    let (kiosk, idle, warning, paper) = use_portal().config.with_value(|c| {
        (
            c.kiosk,
            c.kiosk_idle_seconds,
            c.kiosk_warning_seconds,
            c.receipt_paper_mm,
        )
    });
    let root = document().document_element();
    if let (Some(root), Some(mm)) = (&root, paper) {
        // `public/ppid-kiosk.css` prints on a named page of this width (the CSP allows no inline style).
        let _ = root.set_attribute("data-receipt", &mm.to_string());
        load_css();
    }
    set_kiosk(kiosk);
    if !kiosk {
        return None;
    }
    if let Some(root) = &root {
        let _ = root.class_list().add_1("kiosk");
    }
    let t = use_texts();
    let lang = expect_context::<RwSignal<Lang>>().get_untracked();
    let location = use_location();
    let at_home = move || location.with(|l| l.segments().is_empty());
    let bar = NodeRef::<leptos::html::Section>::new();
    // A language switch renders the shell again and may reuse this element: the kiosk wasm fills
    // it (again) in this language.
    bar.on_load(move |bar| {
        let _ = bar.set_attribute("data-lang", lang.tag());
        let _ = bar.remove_attribute("data-built");
        // `scripts/post-build.mjs` makes the kiosk wasm start itself.
        load_script("ppid-kiosk-script", "ppid-kiosk.js");
        // Once the element is in the document, where the kiosk wasm looks for it.
        set_timeout(
            || {
                if let Ok(e) = web_sys::Event::new("ppid-kiosk-bar") {
                    let _ = window().dispatch_event(&e);
                }
            },
            std::time::Duration::ZERO,
        );
    });
    Effect::new(move || {
        let home = at_home();
        if let Some(bar) = bar.get() {
            let _ = bar.toggle_attribute_with_force("data-home", home);
        }
        if let Some(back) = document().get_element_by_id("kiosk-back") {
            let _ = back.toggle_attribute_with_force("hidden", home);
        }
    });
    Some(view! {
        <section
            class="kiosk-bar"
            id="kiosk-bar"
            aria-label=t.kiosk_bar()
            data-idle=idle.to_string()
            data-warning=warning.to_string()
            node_ref=bar
        ></section>
    })
}

/// Adds the script `file` to the page, once.
fn load_script(id: &str, file: &str) {
    if document().get_element_by_id(id).is_some() {
        return;
    }
    if let Ok(script) = document().create_element("script") {
        let _ = script.set_attribute("id", id);
        let _ = script.set_attribute("src", &crate::api::resolve(file));
        if let Some(head) = document().head() {
            let _ = head.append_child(&script);
        }
    }
}

/// Adds the kiosk's and thermal receipts' stylesheet to the page, once (`ppid-kiosk-wipe.js` adds
/// the same link at a kiosk).
fn load_css() {
    const ID: &str = "ppid-kiosk-css";
    if document().get_element_by_id(ID).is_some() {
        return;
    }
    if let Ok(link) = document().create_element("link") {
        let _ = link.set_attribute("id", ID);
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &crate::api::resolve("ppid-kiosk.css"));
        if let Some(head) = document().head() {
            let _ = head.append_child(&link);
        }
    }
}
