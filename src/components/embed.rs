//! The portal inside a regency's page (issue 7, `public/embed.js`): it tells the host page its
//! height and follows the host's deep links, talking only to the origins in `embed_origins`.

use crate::app::use_portal;
use crate::components::router::use_navigate;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the embedding glue when the portal runs in a frame and `config.json` names the host
/// origins. Kept for the page's life (a language switch re-renders the shell, not the frame).
#[component]
pub fn Embed() -> impl IntoView {
    let origins = use_portal()
        .config
        .with_value(|c| c.embed_origins.clone());
    let navigate = use_navigate();
    let parent = window().parent().ok().flatten();
    match parent {
        Some(parent) if !origins.is_empty() && !js_sys::Object::is(&parent, &window()) => {
            thread_local!(static ON: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
            if !ON.with(|on| on.replace(true)) {
                install(parent, origins, navigate);
            }
        }
        _ => {}
    }
}

fn install(parent: web_sys::Window, origins: Vec<String>, navigate: impl Fn(&str, bool) + 'static) {
    let Some(html) = document().document_element() else {
        return;
    };
    // `main`'s min-height is a share of the viewport, which here is the frame the page sizes.
    let _ = html.class_list().add_1("ppid-embedded");
    let allowed = origins.clone();
    let top = parent.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let Some(el) = document().document_element() else {
            return;
        };
        let height = el.unchecked_ref::<web_sys::HtmlElement>().offset_height();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"ppid:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // One message per allowed origin: the browser delivers only the one the host page has.
        for origin in &origins {
            let _ = top.post_message(&message, origin);
        }
    });
    // Called once when observing starts, then on every change of the page's height.
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&html);
    }
    on_resize.forget();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let from_host = ev
            .source()
            .is_some_and(|s| js_sys::Object::is(&s, &parent));
        if !from_host || !allowed.contains(&ev.origin()) {
            return;
        }
        let data = ev.data();
        let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string());
        if field("type").as_deref() == Some("ppid:navigate") {
            if let Some(path) = field("path").filter(|p| is_portal_path(p)) {
                navigate(&path, false);
            }
        }
    });
    let _ = window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// A path of this portal: absolute, not protocol-relative, no scheme, no backslash or control characters.
pub fn is_portal_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && path.len() <= 500
        && !path.chars().any(|c| c == '\\' || c.is_control() || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::is_portal_path;

    #[test]
    fn only_paths_of_this_portal() {
        for ok in ["/", "/informasi/dip-2026-001", "/status?nomor=PPID-1", "/permohonan"] {
            assert!(is_portal_path(ok), "{ok}");
        }
        for bad in ["", "informasi", "//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/a b", "/a\nb"] {
            assert!(!is_portal_path(bad), "{bad}");
        }
    }
}
