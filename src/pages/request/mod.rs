//! Ajukan Permohonan: one question per page, a draft that survives reloads, an idempotent submit,
//! and a confirmation with the legal deadlines and how they were worked out.

mod check;
pub mod document;
pub mod question;
pub mod sent;
pub mod start;
mod suggestions;

pub use question::Question;
pub use sent::Sent;

use crate::contract::FieldError;
use crate::domain::draft::RequestDraft;
use leptos::prelude::*;

use crate::offline::device::{
    document_storage, draft_storage, read_draft, request_draft_in_progress, touch_drafts,
    REQUEST_DRAFT_KEY as DRAFT_KEY, REQUEST_ERRORS_KEY as ERRORS_KEY,
    REQUEST_FILES_KEY as FILES_KEY,
};
pub(super) use crate::offline::device::{session as session_storage, RECEIPT_KEY};

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
    let (answers, errors) = take_reopened().unwrap_or_else(|| {
        let read = |key| read_draft(key);
        let mut answers: RequestDraft = read(DRAFT_KEY)
            .and_then(|s| crate::json::from_str(&s).ok())
            .unwrap_or_default();
        answers.attachments = document_storage()
            .and_then(|s| s.get_item(FILES_KEY).ok().flatten())
            .and_then(|s| crate::json::from_str(&s).ok())
            .unwrap_or_default();
        let errors = read(ERRORS_KEY)
            .and_then(|s| crate::json::from_str(&s).ok())
            .unwrap_or_default();
        (answers, errors)
    });
    provide_context(Draft {
        answers: RwSignal::new(answers),
        server_errors: RwSignal::new(errors),
    });
}

/// The shared draft.
pub fn use_draft() -> Draft {
    expect_context::<Draft>()
}

/// Keeps the draft in browser storage as it is typed (`offline::device` says which and for how
/// long); in kiosk mode only in memory.
pub fn save_draft(draft: &RequestDraft, kiosk: bool) {
    // The citizen's answer to "is this device shared?" moves the drafts where it keeps them.
    if !kiosk && draft.shared_device != crate::offline::device::said_shared() {
        crate::offline::device::set_shared(draft.shared_device);
    }
    let Some(s) = draft_storage() else { return };
    if kiosk || draft.is_blank() {
        let _ = s.remove_item(DRAFT_KEY);
        let _ = s.remove_item(ERRORS_KEY);
        if let Some(files) = document_storage() {
            let _ = files.remove_item(FILES_KEY);
        }
    } else {
        let _ = s.set_item(DRAFT_KEY, &crate::json::to_string(draft));
        touch_drafts(&s);
    }
}

/// Keeps the backend's field errors with the draft (not in kiosk mode), until they are fixed.
pub fn save_errors(errors: &[FieldError], kiosk: bool) {
    let Some(s) = draft_storage() else { return };
    if kiosk || errors.is_empty() {
        let _ = s.remove_item(ERRORS_KEY);
    } else {
        let _ = s.set_item(ERRORS_KEY, &crate::json::to_string(&errors.to_vec()));
    }
}

/// A request the backend refused after it waited in the outbox, handed back from the status
/// page, becomes the draft again: its answers, documents and the backend's errors (pointed at the
/// documents they were about), also kept in browser storage like any draft. Nothing is taken
/// while another draft is kept.
fn take_reopened() -> Option<(RequestDraft, Vec<FieldError>)> {
    use crate::domain::draft::document_error;
    if request_draft_in_progress() {
        return None;
    }
    let entry = crate::offline::outbox::take_handed_back(crate::offline::outbox::Kind::Request)?;
    let draft = RequestDraft::from_submission_json(entry.body.as_deref()?)?;
    let sent: Vec<_> = draft.attachments.iter().map(|a| a.role).collect();
    let errors: Vec<FieldError> = entry
        .problems
        .iter()
        .map(|e| FieldError {
            pointer: document_error(&e.pointer, &sent),
            ..e.clone()
        })
        .collect();
    save_draft(&draft, false);
    save_files(&draft.attachments, false);
    save_errors(&errors, false);
    Some((draft, errors))
}

/// Keeps the attached documents for this tab (not in kiosk mode): never in localStorage, so a
/// photo of a KTP never outlives the tab. `false` when the browser had no room for them: they then
/// live only as long as the page.
pub fn save_files(files: &[crate::contract::Attachment], kiosk: bool) -> bool {
    let Some(s) = document_storage() else {
        return false;
    };
    let _ = s.remove_item(FILES_KEY);
    if kiosk || files.is_empty() {
        return true; // nothing to keep (a kiosk keeps nothing on purpose)
    }
    s.set_item(FILES_KEY, &crate::json::to_string(&files.to_vec()))
        .is_ok()
}

/// Asks the document question only of a backend that takes identity documents, and whether the
/// request may be published only of a backend that keeps a register.
pub fn follow_backend(meta: &crate::contract::Meta) {
    use crate::contract::feature;
    let has = |name: &str| meta.features.iter().any(|f| f == name);
    let (documents, publish) = (has(feature::IDENTITY_DOCUMENT), has(feature::REGISTER));
    let answers = use_draft().answers;
    if answers.with_untracked(|d| (d.documents_asked, d.publish_asked) != (documents, publish)) {
        answers.update(|d| {
            d.documents_asked = documents;
            d.publish_asked = publish;
        });
    }
}
