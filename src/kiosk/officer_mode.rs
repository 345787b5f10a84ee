//! Officer mode: an officer helping a citizen types a name or NIP, recorded on what is sent.

use super::dom::{el, element, focus, session, set_hidden, set_text};
use super::{ASSISTED_KEY, MAX_OFFICER};
use crate::i18n::Texts;
use wasm_bindgen::JsCast;

/// The form that turns officer mode on, closed until "Mode petugas" opens it.
pub(super) fn build_form(actions: &web_sys::Element, t: &'static Texts) -> Option<()> {
    let form = el(
        actions,
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
    Some(())
}

/// Officer mode on, for the name or NIP typed; or the error when nothing was typed.
pub(super) fn start_officer(t: &'static Texts) {
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
pub(super) fn end_officer() {
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

pub(super) fn toggle_officer_form() {
    let open = element("kiosk-officer-form").is_some_and(|f| f.has_attribute("hidden"));
    set_hidden("kiosk-officer-form", !open);
    if let Some(b) = element("kiosk-officer") {
        let _ = b.set_attribute("aria-expanded", if open { "true" } else { "false" });
    }
    if open {
        focus("kiosk-officer-name");
    }
}
