//! Kiosk mode at an MPP counter: idle warning and wipe, "Mulai baru", assisted mode, and the
//! thermal receipt layout. This module is the mode itself, which every bundle knows; the bar, its
//! dialogs and the idle timer ([`bar`]) are a small wasm of their own, loaded only in kiosk mode
//! into the empty bar the page renders ([`crate::components::kiosk::Kiosk`]).
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
mod dialogs;
mod dom;
mod idle;
mod officer_mode;
mod wipe;

use crate::contract::{Channel, RequestSubmission};
use leptos::prelude::*;
use std::cell::Cell;

/// The officer's name or NIP while officer mode is on (sessionStorage: wiped with the rest).
use crate::offline::device::ASSISTED_KEY;
/// The longest officer's name or NIP (the contract's `assisted_by`).
use crate::contract::MAX_ASSISTED_BY as MAX_OFFICER;

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
fn officer() -> Option<String> {
    crate::offline::device::session()?
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

/// Adds the script `file` to the page, once.
pub fn load_script(id: &str, file: &str) {
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
pub fn load_css() {
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
