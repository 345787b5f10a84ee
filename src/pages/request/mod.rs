//! Ajukan Permohonan: one question per page, a draft that survives reloads, an idempotent submit,
//! and a confirmation with the legal deadlines and how they were worked out.
//!
//! Work in progress (issue 4): the question pages, check-your-answers and confirmation below are
//! written but not yet routed from `app.rs`, because with them the first load is about 270 KB gzip,
//! over the 250 KB budget. They are routed once the bundle has room; until then `/permohonan`
//! shows the start page only.

pub mod document;
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
/// The attached documents, apart from the answers: large, and saved only when they change.
const FILES_KEY: &str = "ppid.request.files";

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
    let mut answers: RequestDraft = stored
        .and_then(|s| crate::json::from_str(&s).ok())
        .unwrap_or_default();
    answers.attachments = local_storage()
        .and_then(|s| s.get_item(FILES_KEY).ok().flatten())
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
    if kiosk || draft.is_blank() {
        let _ = s.remove_item(DRAFT_KEY);
        let _ = s.remove_item(FILES_KEY);
    } else {
        let _ = s.set_item(DRAFT_KEY, &crate::json::to_string(draft));
    }
}

/// Keeps the attached documents in browser storage (not in kiosk mode). `false` when the browser
/// had no room for them: they then live only as long as the page.
pub fn save_files(files: &[crate::contract::Attachment], kiosk: bool) -> bool {
    let Some(s) = local_storage() else {
        return false;
    };
    let _ = s.remove_item(FILES_KEY);
    if kiosk || files.is_empty() {
        return true; // nothing to keep (a kiosk keeps nothing on purpose)
    }
    s.set_item(FILES_KEY, &crate::json::to_string(&files.to_vec()))
        .is_ok()
}

/// Asks the document question only of a backend that takes identity documents.
pub fn follow_backend(meta: &crate::contract::Meta) {
    let asked = meta
        .features
        .iter()
        .any(|f| f == crate::contract::feature::IDENTITY_DOCUMENT);
    let answers = use_draft().answers;
    if answers.with_untracked(|d| d.documents_asked != asked) {
        answers.update(|d| d.documents_asked = asked);
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// A random key for one draft's submission.
pub fn new_idempotency_key() -> String {
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
