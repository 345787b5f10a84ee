//! The demo backend as a Web Worker: glue between `postMessage` and `reference::worker::WorkerHost`.
//! Trunk builds it as a separate wasm that the portal loads only when `config.json` chooses demo.

#[cfg(target_arch = "wasm32")]
fn main() {
    use ppid_portal::reference::worker::{FromWorker, WorkerHost};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let host = RefCell::new(WorkerHost::new());
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some(text) = ev.data().as_string() else {
                return;
            };
            let reply = host.borrow_mut().handle(&text, js_sys::Date::now() as i64);
            let _ = reply_to.post_message(&JsValue::from_str(&reply));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(&FromWorker::ready()));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The demo backend runs as a Web Worker inside the portal (see README.md).");
}
