//! Ajukan Permohonan: one question per page, a draft that survives reloads, an idempotent submit,
//! and a confirmation with the legal deadlines and how they were worked out.
//!
//! Work in progress (issue 4): the question pages, check-your-answers and confirmation below are
//! written but not yet routed from `app.rs`, because with them the first load is about 270 KB gzip,
//! over the 250 KB budget. They are routed once the bundle has room; until then `/permohonan`
//! shows the start page only.

pub mod fields;
pub mod question;
pub mod sent;
pub mod start;

pub use question::Question;
pub use sent::Sent;

use crate::contract::FieldError;
use crate::domain::draft::RequestDraft;
use leptos::prelude::*;

const DRAFT_KEY: &str = "ppid.request.draft";
const RECEIPT_KEY: &str = "ppid.request.receipt";

/// The draft being filled in, shared by every question. Created once per page load (outside the
/// part that re-renders on a language switch) from browser storage.
#[derive(Clone, Copy)]
pub struct Draft {
    pub answers: RwSignal<RequestDraft>,
    /// Field errors the backend returned, shown on their question once.
    pub server_errors: RwSignal<Vec<FieldError>>,
}

/// Provides the draft; call once from the app root.
pub fn provide_draft() {
    let stored = local_storage().and_then(|s| s.get_item(DRAFT_KEY).ok().flatten());
    let answers = stored
        .and_then(|s| crate::json::from_str(&s).ok())
        .unwrap_or_default();
    provide_context(Draft {
        answers: RwSignal::new(answers),
        server_errors: RwSignal::new(Vec::new()),
    });
}

/// The shared draft.
pub fn use_draft() -> Draft {
    expect_context::<Draft>()
}

/// Keeps the draft in browser storage as it is typed; in kiosk mode only in memory.
pub fn save_draft(draft: &RequestDraft, kiosk: bool) {
    let Some(s) = local_storage() else { return };
    if kiosk || *draft == RequestDraft::default() {
        let _ = s.remove_item(DRAFT_KEY);
    } else {
        let _ = s.set_item(DRAFT_KEY, &crate::json::to_string(draft));
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// A random key for one draft's submission.
fn new_idempotency_key() -> String {
    let crypto = js_sys::Reflect::get(&window(), &"crypto".into()).ok();
    let uuid = crypto.as_ref().and_then(|c| {
        let f = js_sys::Reflect::get(c, &"randomUUID".into()).ok()?;
        let f: js_sys::Function = wasm_bindgen::JsCast::dyn_into(f).ok()?;
        f.call0(c).ok()?.as_string()
    });
    uuid.unwrap_or_else(|| {
        format!(
            "k{}-{}",
            js_sys::Date::now() as u64,
            (js_sys::Math::random() * 1e12) as u64
        )
    })
}
