//! For citizens who read with difficulty: easy mode (larger text, stronger contrast, remembered) and
//! reading a page, or one part of it, aloud through the browser's own speech synthesis.
//!
//! Easy mode is one attribute on the root element (`html[data-easy]`, styled in style/main.css); the
//! boot script sets it from storage before the first paint. Reading aloud uses
//! `window.speechSynthesis` in the page's language; where a browser has none, no control is shown.

use crate::components::router::use_location;
use crate::context::use_texts;
use crate::i18n::Lang;
use leptos::prelude::*;

// The boot script reads the same key, before the first paint.
use crate::offline::device::{local as storage, EASY_KEY};

fn set_easy(on: bool) {
    if let Some(root) = document().document_element() {
        let _ = root.toggle_attribute_with_force("data-easy", on);
    }
    if let Some(s) = storage() {
        let _ = if on {
            s.set_item(EASY_KEY, "1")
        } else {
            s.remove_item(EASY_KEY)
        };
    }
}

/// The "Mode mudah" switch in the header: on every page, remembered on this device.
#[component]
pub fn EasyMode() -> impl IntoView {
    let t = use_texts();
    let on = RwSignal::new(
        storage()
            .and_then(|s| s.get_item(EASY_KEY).ok().flatten())
            .as_deref()
            == Some("1"),
    );
    // The boot script set it already; this covers a build whose boot script did not run it.
    set_easy(on.get_untracked());
    let toggle = move |_| {
        let now = !on.get_untracked();
        on.set(now);
        set_easy(now);
    };
    view! {
        <button
            type="button"
            class="tool-button"
            aria-pressed=move || if on.get() { "true" } else { "false" }
            on:click=toggle
        >
            {t.easy_mode()}
        </button>
    }
}

/// Whether this browser can read aloud.
fn can_speak() -> bool {
    let has = |name: &str| {
        js_sys::Reflect::get(&window(), &name.into())
            .is_ok_and(|v| !v.is_undefined() && !v.is_null())
    };
    has("speechSynthesis") && has("SpeechSynthesisUtterance")
}

/// Stops whatever is being read aloud.
pub fn stop_speaking() {
    if let Ok(s) = window().speech_synthesis() {
        s.cancel();
    }
}

/// The visible text of the element `selector` selects, one piece per line, without the parts
/// marked `data-no-read` (the reading controls themselves).
fn readable_lines(selector: &str) -> Vec<String> {
    let Some(root) = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    else {
        return Vec::new();
    };
    let mut skip: Vec<String> = Vec::new();
    if let Ok(list) = root.query_selector_all("[data-no-read]") {
        for i in 0..list.length() {
            if let Some(e) = list
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok())
            {
                skip.extend(e.inner_text().lines().map(|l| l.trim().to_owned()));
            }
        }
    }
    let mut lines = Vec::new();
    for line in root
        .inner_text()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if let Some(i) = skip.iter().position(|s| s == line) {
            skip.remove(i);
        } else {
            lines.push(line.to_owned());
        }
    }
    lines
}

/// Reads `lines` aloud in `lang`, one utterance per line (a long utterance is cut off by some
/// browsers); `done` runs when the last one ends or is cancelled.
fn speak(lines: Vec<String>, lang: Lang, done: impl FnOnce() + 'static) {
    let Ok(synth) = window().speech_synthesis() else {
        done();
        return;
    };
    synth.cancel();
    let tag = match lang {
        Lang::Id => "id-ID",
        Lang::En => "en-US",
    };
    let count = lines.len();
    let mut done = Some(done);
    for (i, line) in lines.iter().enumerate() {
        let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(line) else {
            continue;
        };
        u.set_lang(tag);
        if i + 1 == count {
            if let Some(done) = done.take() {
                let end = wasm_bindgen::closure::Closure::once_into_js(done);
                u.set_onend(Some(wasm_bindgen::JsCast::unchecked_ref(&end)));
                u.set_onerror(Some(wasm_bindgen::JsCast::unchecked_ref(&end)));
            }
        }
        synth.speak(&u);
    }
    if let Some(done) = done {
        done();
    }
}

/// A "Dengarkan" button that reads what `selector` selects aloud and, while reading, stops it.
/// Nothing at all where the browser cannot speak. Reading stops when the page changes.
#[component]
pub fn Listen(
    /// CSS selector of what to read, e.g. `main` or `#maklumat`.
    selector: &'static str,
    /// The button's text while idle.
    label: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let lang = expect_context::<RwSignal<Lang>>();
    let speaking = RwSignal::new(false);
    let location = use_location();
    // A new page (or language) is not what was being read.
    Effect::new(move |first: Option<()>| {
        location.track();
        lang.track();
        if first.is_some() && speaking.get_untracked() {
            stop_speaking();
            speaking.set(false);
        }
    });
    on_cleanup(move || {
        if speaking.get_untracked() {
            stop_speaking();
        }
    });
    let click = move |_| {
        if speaking.get_untracked() {
            stop_speaking();
            speaking.set(false);
            return;
        }
        let lines = readable_lines(selector);
        if lines.is_empty() {
            return;
        }
        speaking.set(true);
        speak(lines, lang.get_untracked(), move || {
            speaking.try_set(false);
        });
    };
    can_speak().then(|| {
        view! {
            <button
                type="button"
                class="tool-button"
                data-no-read=""
                on:click=click
            >
                {move || if speaking.get() { t.listen_stop() } else { label }}
            </button>
        }
    })
}
