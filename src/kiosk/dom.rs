//! The few DOM operations the kiosk bar is built and run with.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// The attribute every plain button of the bar carries.
pub(super) const BUTTON: (&str, &str) = ("type", "button");

/// Appends an element with attributes and text to `parent`.
pub(super) fn el(
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

pub(super) fn element(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

pub(super) fn set_text(id: &str, text: &str) {
    if let Some(e) = element(id) {
        e.set_text_content(Some(text));
    }
}

pub(super) fn set_hidden(id: &str, hidden: bool) {
    if let Some(e) = element(id) {
        let _ = e.toggle_attribute_with_force("hidden", hidden);
    }
}

pub(super) fn focus(id: &str) {
    if let Some(e) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

pub(super) use crate::offline::device::session;
