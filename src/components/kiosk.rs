//! What a page shows of kiosk mode: the bar's empty element, which the kiosk's wasm fills, and the
//! officer's name on a check-your-answers page.

use crate::components::router::use_location;
use crate::context::{use_portal, use_texts};
use crate::i18n::Lang;
use crate::kiosk::{assisted_by, load_css, load_script, set_kiosk};
use leptos::prelude::*;

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
