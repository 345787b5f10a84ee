//! The kiosk bar's two modal dialogs: the idle warning and "Mulai baru?".

use super::dom::{el, element, BUTTON};
use crate::i18n::Texts;
use wasm_bindgen::JsCast;

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

/// The idle warning with its countdown, and the "Mulai baru" confirmation.
pub(super) fn build(bar: &web_sys::Element, t: &'static Texts) -> Option<()> {
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

/// Opens a dialog modally: the page behind is inert and focus moves in (to `autofocus`, if any).
pub(super) fn show_modal(id: &str) {
    if let Some(d) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
        if !d.open() {
            let _ = d.show_modal();
        }
    }
}

/// Closes a dialog; focus returns where it was before it opened.
pub(super) fn close(id: &str) {
    if let Some(d) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
        d.close();
    }
}
