//! The idempotency key a submission is sent with, and sent again with after a failure.

use leptos::prelude::window;

/// A random key for one submission, from the browser's cryptographic generator only: a
/// guessable key would let someone else's retry collide with this submission. The portal runs only
/// in a secure context (`app::boot`), where `crypto.randomUUID` exists; browsers older than it
/// still have `crypto.getRandomValues`.
pub fn new_idempotency_key() -> String {
    use js_sys::{Function, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    let crypto = Reflect::get(&window(), &"crypto".into()).unwrap_or_default();
    let method = |name: &str| {
        Reflect::get(&crypto, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    };
    if let Some(uuid) = method("randomUUID").and_then(|f| f.call0(&crypto).ok()?.as_string()) {
        return uuid;
    }
    let bytes = Uint8Array::new_with_length(16);
    if let Some(f) = method("getRandomValues") {
        let _ = f.call1(&crypto, &bytes);
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    bytes
        .to_vec()
        .iter()
        .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}
