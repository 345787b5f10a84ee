//! Puts `config.json`'s theme on the page: colours and the base font scale as CSS custom properties
//! on the root element, through the CSSOM (a strict `style-src 'self'` allows it; no `<style>` and no
//! style attribute in markup), and the name and logo for the header and the document title.

use crate::domain::theme::{scale_text, Theme};
use leptos::prelude::document;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// The regency's name and logo, when `config.json` gives them.
#[derive(Clone, Default)]
pub struct Brand {
    pub name: Option<String>,
    /// Absolute (resolved against the portal's root), `http(s)` only.
    pub logo_url: Option<String>,
}

thread_local! {
    // Set once per start-up, before anything is rendered; the service-down page needs it too,
    // so it is not in the `Portal` context (which only exists once the backend answered).
    static BRAND: RefCell<Brand> = RefCell::default();
}

/// The name and logo `config.json` chose.
pub fn brand() -> Brand {
    BRAND.with(|b| b.borrow().clone())
}

/// Applies `theme` (called as soon as `config.json` is read, before the first themed paint). A palette
/// that fails the contrast check is not applied, and the console says which colour and why.
#[inline(never)]
pub fn apply(theme: &Theme) {
    // `Theme` only keeps http(s) and relative URLs, so the resolved one is http(s).
    let logo_url = theme.logo_url.as_deref().map(crate::api::resolve);
    BRAND.with(|b| {
        *b.borrow_mut() = Brand {
            name: theme.name.clone(),
            logo_url,
        }
    });
    let Some(style) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|e| e.style())
    else {
        return;
    };
    let palette = match theme.palette() {
        Ok(p) if theme.primary.is_some() || theme.accent.is_some() => Some(p),
        Ok(_) => None,
        Err(e) => {
            web_sys::console::warn_1(&e.message().into());
            None
        }
    };
    // Only what the theme sets: the stylesheet's own values are the defaults.
    if let Some(p) = palette {
        for (name, colour) in [
            ("--primary", p.primary),
            ("--primary-dark", p.primary_dark),
            ("--accent", p.accent),
        ] {
            let _ = style.set_property(name, &colour.hex());
        }
    }
    if let Some(percent) = theme.font_scale_percent {
        let _ = style.set_property("--base-font-scale", &scale_text(percent));
    }
}
