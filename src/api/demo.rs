//! `DemoBackend`: the reference implementation in a Web Worker, its journal persisted in localStorage.
//!
//! The worker (`src/bin/demo_backend.rs`), the demo data (`seed.json`) and the small script that
//! talks to the worker (`public/demo-backend-client.js`) are fetched only when `config.json`
//! chooses demo, so the portal's own bundles carry nothing of the demo for real backends.

use super::{ApiError, Exchange, RawReply};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The whole contract inside the browser; requests submitted before a reload are still there after it.
#[derive(Clone)]
pub struct DemoBackend {
    client_url: Rc<str>,
}

impl DemoBackend {
    /// A demo backend whose client script lives at this URL (the worker and the data set beside it).
    pub fn new(client_url: String) -> Self {
        DemoBackend {
            client_url: client_url.into(),
        }
    }

    /// `ppidDemo`, the client script's entry point, once the script has loaded (added to the page
    /// by the first call; a failed load is tried again by the next).
    async fn client(&self) -> Result<js_sys::Function, ApiError> {
        let entry = || {
            js_sys::Reflect::get(&js_sys::global(), &"ppidDemo".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        };
        if let Some(f) = entry() {
            return Ok(f);
        }
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or(ApiError::Unreachable)?;
        let script = document
            .create_element("script")
            .map_err(|_| ApiError::Unreachable)?;
        let loaded = js_sys::Promise::new(&mut |resolve, reject| {
            let _ = script.add_event_listener_with_callback("load", &resolve);
            let _ = script.add_event_listener_with_callback("error", &reject);
        });
        let _ = script.set_attribute("src", &self.client_url);
        let head = document.head().ok_or(ApiError::Unreachable)?;
        let _ = head.append_child(&script);
        let result = JsFuture::from(loaded).await;
        let _ = head.remove_child(&script);
        result.map_err(|_| ApiError::Unreachable)?;
        entry().ok_or(ApiError::Unreachable)
    }
}

impl super::Backend for DemoBackend {
    async fn send(&self, exchange: Exchange) -> Result<RawReply, ApiError> {
        use js_sys::Reflect;
        let client = self.client().await?;
        // Plain values both ways: the worker's JSON protocol is the client script's business.
        let args = js_sys::Array::of4(
            &exchange.method.into(),
            &exchange.path.into(),
            &exchange.idempotency_key.map_or(JsValue::NULL, JsValue::from),
            &exchange.body.map_or(JsValue::NULL, JsValue::from),
        );
        let promise = client
            .apply(&JsValue::NULL, &args)
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
            .ok_or(ApiError::Unreachable)?;
        let answer = JsFuture::from(promise)
            .await
            .map_err(|_| ApiError::Unreachable)?;
        let field = |name: &str| Reflect::get(&answer, &name.into()).unwrap_or_default();
        Ok(RawReply {
            status: field("status").as_f64().ok_or(ApiError::Contract("demo backend answer"))? as u16,
            content_type: field("content_type").as_string().unwrap_or_default(),
            body: field("body").as_string().unwrap_or_default(),
            retry_after: field("retry_after").as_f64().map(|s| s as u32),
            saved_at: None,
        })
    }
}
