//! "Mulai baru" and the idle timer's end: every trace of the citizen deleted.

use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;

/// Deletes every trace of the citizen and starts afresh: the page's wipe
/// (`public/ppid-kiosk-wipe.js`, loaded by every page in kiosk mode, which also says what it
/// deletes). Should that script be missing, what this page can do alone: browser storage, and the
/// home page loaded afresh, which empties memory.
pub(super) fn wipe() {
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
    crate::offline::device::forget_storage();
    let _ = window().location().replace(&crate::api::resolve(""));
}
