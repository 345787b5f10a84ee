//! The objection as typed, kept on this device until it is registered.

use crate::contract::{FieldError, ReceivedDate};
use crate::domain::draft::RequestDraft;

use crate::offline::device::OBJECTION_DRAFT_KEY as DRAFT_KEY;

/// The objection as typed, kept in browser storage so a reload loses nothing (not in kiosk mode;
/// `offline::device` says for how long); deleted once the objection is registered.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct ObjectionDraft {
    pub(super) number: String,
    pub(super) verifier: String,
    pub(super) reasons: Vec<String>,
    pub(super) case_summary: String,
    pub(super) purpose: String,
    pub(super) who: RequestDraft,
    /// The errors shown (the backend's or the form's own), so that a reload still shows them.
    pub(super) errors: Vec<FieldError>,
    /// The dates the citizen says they received the request's notices, deliveries and bills.
    pub(super) received: Vec<ReceivedDate>,
    /// Reason b alone, without a request.
    pub(super) periodic: bool,
    /// With `periodic`: the catalogue item the periodic information belongs to, if known.
    pub(super) item: String,
}

crate::json::json_struct!(decode encode ObjectionDraft {
    number: default,
    verifier: default,
    reasons: default,
    case_summary: default,
    purpose: default,
    who: default,
    errors: skip_empty,
    received: skip_empty,
    periodic: default,
    item: default,
});

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
    // Read with the draft's own decoders: the objector's fields have the request draft's names.
    let body = crate::json::parse(entry.body.as_deref()?).ok()?;
    let f = crate::json::Fields::of(&body).ok()?;
    let text = |key| f.or_default::<String>(key).ok();
    let number = text("request_number")?;
    let draft = ObjectionDraft {
        periodic: number.is_empty(),
        number,
        verifier: text("verifier")?,
        reasons: f.or_default("reasons").ok()?,
        case_summary: text("case_summary")?,
        purpose: text("purpose")?,
        who: f.or_default("objector").ok()?,
        errors: entry.problems,
        received: f.or_default("received_dates").ok()?,
        item: text("catalogue_item_id")?,
    };
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
