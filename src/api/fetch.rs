//! A thin `fetch` over web-sys: the one place that talks to the network.

use super::{ApiError, RawReply};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// An answer the prerendered home or catalogue already fetched before the bundle ran (public/prerender.js:
/// `ppidConfig` for config.json, `ppidAnnouncements` for the serta-merta announcements; each a promise of
/// `{status, body}` or null), taken once: the answer to the request the app would make, so that the page
/// it paints is not asked for twice.
pub async fn early(name: &str) -> Option<RawReply> {
    let global = js_sys::global();
    let key = wasm_bindgen::JsValue::from_str(name);
    let promise = js_sys::Reflect::get(&global, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(&global, &key);
    let answer = JsFuture::from(promise).await.ok()?;
    let field = |name: &str| js_sys::Reflect::get(&answer, &name.into()).ok();
    Some(RawReply {
        status: field("status")?.as_f64()? as u16,
        content_type: "application/json".into(),
        body: field("body")?.as_string()?,
        retry_after: None,
        saved_at: None,
    })
}

/// One HTTP request; `signal` aborts it; without `keep` neither the browser's cache nor the service
/// worker keeps its answer (`cache: 'no-store'`).
pub async fn fetch(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    signal: Option<&web_sys::AbortSignal>,
    keep: bool,
) -> Result<RawReply, ApiError> {
    let failed = |_| {
        if is_offline() {
            ApiError::Offline
        } else {
            ApiError::Unreachable
        }
    };
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_signal(signal);
    if !keep {
        // Set as a property: web-sys's RequestCache binding would cost every bundle more.
        let _ = js_sys::Reflect::set(&init, &"cache".into(), &"no-store".into());
    }
    let h = web_sys::Headers::new().map_err(failed)?;
    for (k, v) in headers {
        h.set(k, v).map_err(failed)?;
    }
    init.set_headers(&h);
    if let Some(b) = body {
        init.set_body(&wasm_bindgen::JsValue::from_str(b));
    }
    let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(failed)?;
    let window = web_sys::window().ok_or(ApiError::Unreachable)?;
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(failed)?
        .unchecked_into();
    let text = JsFuture::from(resp.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    let headers = resp.headers();
    Ok(RawReply {
        status: resp.status(),
        content_type: headers
            .get("Content-Type")
            .ok()
            .flatten()
            .unwrap_or_default(),
        body: text.as_string().unwrap_or_default(),
        retry_after: headers
            .get("Retry-After")
            .ok()
            .flatten()
            .and_then(|v| v.trim().parse().ok()),
        // Parsed as an integer: float parsing would add kilobytes of wasm.
        saved_at: headers
            .get("X-PPID-Saved")
            .ok()
            .flatten()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(|ms| ms as f64),
    })
}

/// The browser says it has no network.
pub fn is_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}
