//! The objection as typed, kept on this device until it is registered.

pub(super) use crate::domain::objection::ObjectionDraft;

use crate::offline::device::OBJECTION_DRAFT_KEY as DRAFT_KEY;

/// Where this device keeps drafts (`offline::device`): the tab's storage on a shared device.
fn storage() -> Option<web_sys::Storage> {
    crate::offline::device::draft_storage()
}

/// The saved draft, or the objection handed back from the status page.
pub(super) fn load_draft() -> ObjectionDraft {
    if let Some(draft) = take_reopened() {
        return draft;
    }
    storage()
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .and_then(|j| crate::json::from_str(&j).ok())
        .unwrap_or_default()
}

/// An objection the backend refused after it waited in the outbox, handed back from the status
/// page: its answers become the saved draft, and the form finds its request again.
fn take_reopened() -> Option<ObjectionDraft> {
    let entry = crate::offline::outbox::take_handed_back(crate::offline::outbox::Kind::Objection)?;
    let draft = ObjectionDraft::from_submission_json(entry.body.as_deref()?, entry.problems)?;
    save_draft(&draft, false);
    Some(draft)
}

pub(super) fn save_draft(draft: &ObjectionDraft, kiosk: bool) {
    if let Some(s) = storage() {
        if kiosk {
            let _ = s.remove_item(DRAFT_KEY);
        } else {
            let _ = s.set_item(DRAFT_KEY, &crate::json::to_string(draft));
            crate::offline::device::touch_drafts(&s);
        }
    }
}

pub(super) fn forget_draft() {
    if let Some(s) = storage() {
        let _ = s.remove_item(DRAFT_KEY);
    }
}
