//! Everything the portal keeps on a device, and whose device it is, which decides how long a
//! citizen's data may stay on it. Every browser-storage key and database the portal uses is named
//! here ([`KEPT`] lists them with what each holds); `tests/device_storage.rs` holds the rest of the
//! tree, the public scripts included, to this list, and the kiosk's wipe to its databases.
//!
//! A kiosk, or a device the citizen said is shared (a warnet, a library, a borrowed phone), keeps
//! nothing beyond the tab: drafts live in sessionStorage and nothing is queued for later. A
//! citizen's own device keeps drafts across restarts, but only for a day without a change
//! ([`crate::domain::draft::DRAFT_LIFETIME_MS`]), checked at every start. Documents (photos of a
//! KTP, a deed, a power of attorney) are never kept beyond the tab, on any device.

use leptos::prelude::window;

/// localStorage: the language the citizen chose.
pub const LANG_KEY: &str = "ppid.lang";
/// localStorage: easy mode (larger text, simpler layout) on or off.
pub const EASY_KEY: &str = "ppid.easy";
/// localStorage: the serta-merta announcements the citizen dismissed.
pub const DISMISSED_KEY: &str = "ppid.dismissed";
/// sessionStorage: the path a page load was started for because another bundle owns it.
pub const RELOAD_KEY: &str = "ppid.reload";
/// localStorage: a refused outbox entry the citizen chose to open again, until its form's page
/// (another bundle) takes it into its draft.
pub const REOPEN_KEY: &str = "ppid.outbox.reopen";
/// sessionStorage: the receipt of the request just registered, for the page that shows it.
pub const RECEIPT_KEY: &str = "ppid.request.receipt";
/// sessionStorage: the officer who fills in forms for citizens at a kiosk (officer mode).
pub const ASSISTED_KEY: &str = "ppid.kiosk.assisted";
/// sessionStorage, written by `public/ppid-kiosk-wipe.js`: how far a kiosk's wipe got.
pub const KIOSK_WIPE_KEY: &str = "ppid.kiosk.wipe";
/// localStorage, written by `public/demo-backend-client.js`: the demo backend's records.
pub const DEMO_JOURNAL_KEY: &str = "ppid.demo.journal";
/// IndexedDB: the outbox, submissions waiting to be sent with their documents.
pub const OUTBOX_DATABASE: &str = "ppid-outbox";

/// sessionStorage: "1" once the citizen said this device is shared. Kept for the tab only, like
/// everything else on such a device.
pub const SHARED_KEY: &str = "ppid.device.shared";

/// The request being filled in.
pub const REQUEST_DRAFT_KEY: &str = "ppid.request.draft";
/// The request's attached documents (sessionStorage only, on every device).
pub const REQUEST_FILES_KEY: &str = "ppid.request.files";
/// The backend's field errors about the request being filled in.
pub const REQUEST_ERRORS_KEY: &str = "ppid.request.errors";
/// The objection being written, with the request's number and verifier.
pub const OBJECTION_DRAFT_KEY: &str = "ppid.objection.draft";
/// When a draft last changed (milliseconds since 1970), beside the drafts in the same storage.
const SAVED_KEY: &str = "ppid.drafts.saved";

/// Where a thing is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Local,
    Session,
    /// Local, or the tab's on a kiosk or shared device ([`draft_storage`]).
    Draft,
    IndexedDb,
}

/// One thing the portal keeps on a device.
pub struct Kept {
    pub name: &'static str,
    pub place: Place,
    /// Whether it may hold a citizen's personal data (a name, a NIK, a document, an address).
    pub personal: bool,
}

/// Every key and database the portal keeps on a device. Only the tests read it: the constants
/// above are what the code uses.
pub const KEPT: &[Kept] = &[
    Kept { name: LANG_KEY, place: Place::Local, personal: false },
    Kept { name: EASY_KEY, place: Place::Local, personal: false },
    Kept { name: DISMISSED_KEY, place: Place::Local, personal: false },
    Kept { name: RELOAD_KEY, place: Place::Session, personal: false },
    Kept { name: REOPEN_KEY, place: Place::Local, personal: true },
    Kept { name: RECEIPT_KEY, place: Place::Session, personal: true },
    Kept { name: ASSISTED_KEY, place: Place::Session, personal: false },
    Kept { name: KIOSK_WIPE_KEY, place: Place::Session, personal: false },
    Kept { name: DEMO_JOURNAL_KEY, place: Place::Local, personal: true },
    Kept { name: OUTBOX_DATABASE, place: Place::IndexedDb, personal: true },
    Kept { name: SHARED_KEY, place: Place::Session, personal: false },
    Kept { name: REQUEST_DRAFT_KEY, place: Place::Draft, personal: true },
    Kept { name: REQUEST_FILES_KEY, place: Place::Session, personal: true },
    Kept { name: REQUEST_ERRORS_KEY, place: Place::Draft, personal: true },
    Kept { name: OBJECTION_DRAFT_KEY, place: Place::Draft, personal: true },
    Kept { name: SAVED_KEY, place: Place::Draft, personal: false },
];

/// Every key a draft lives under.
const DRAFT_KEYS: [&str; 4] = [
    REQUEST_DRAFT_KEY,
    REQUEST_FILES_KEY,
    REQUEST_ERRORS_KEY,
    OBJECTION_DRAFT_KEY,
];

/// Whether nothing personal may outlive this tab: kiosk mode, or a device the citizen said is shared.
pub fn session_only() -> bool {
    crate::kiosk::is_kiosk() || said_shared()
}

/// Whether the citizen said, in this tab, that the device is shared.
pub fn said_shared() -> bool {
    session()
        .and_then(|s| s.get_item(SHARED_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

/// Records the citizen's answer for this tab. On a shared device the request's draft leaves
/// localStorage at once (the form saves it again, into the tab's storage, right after), so that
/// closing the tab leaves nothing.
pub fn set_shared(shared: bool) {
    let (Some(session), Some(local)) = (session(), local()) else {
        return;
    };
    if shared {
        let _ = session.set_item(SHARED_KEY, "1");
        let _ = local.remove_item(REQUEST_DRAFT_KEY);
        let _ = local.remove_item(REQUEST_ERRORS_KEY);
    } else {
        let _ = session.remove_item(SHARED_KEY);
    }
}

/// Where drafts are kept: the tab's sessionStorage on a shared device or kiosk, else localStorage.
pub fn draft_storage() -> Option<web_sys::Storage> {
    if session_only() {
        session()
    } else {
        local()
    }
}

/// Where a draft's documents are kept, on every device: the tab's sessionStorage. A reload keeps
/// them; closing the tab or the browser does not.
pub fn document_storage() -> Option<web_sys::Storage> {
    session()
}

/// Whether a request is being filled in on this device (its answers are in browser storage).
pub fn request_draft_in_progress() -> bool {
    read_draft(REQUEST_DRAFT_KEY).is_some()
}

/// A draft's saved text, from the storage this device keeps drafts in (the tab's, on a shared one).
pub fn read_draft(key: &str) -> Option<String> {
    draft_storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Whether an objection is being written on this device: something typed past the lookup (the
/// form keeps the request's number and verifier from the lookup on). Read through the browser's
/// JSON, not the draft's decoder: the status page asks, and its bundle need not carry the decoder.
pub fn objection_draft_in_progress() -> bool {
    let Some(saved) = draft_storage().and_then(|s| s.get_item(OBJECTION_DRAFT_KEY).ok().flatten())
    else {
        return false;
    };
    let Ok(saved) = js_sys::JSON::parse(&saved) else {
        return false;
    };
    let text = |field: &str| {
        js_sys::Reflect::get(&saved, &field.into())
            .ok()
            .and_then(|v| v.as_string())
            .is_some_and(|v| !v.is_empty())
    };
    let reasons = js_sys::Reflect::get(&saved, &"reasons".into())
        .ok()
        .and_then(|v| wasm_bindgen::JsCast::dyn_into::<js_sys::Array>(v).ok())
        .is_some_and(|a| a.length() > 0);
    reasons || text("case_summary") || text("purpose")
}

/// A draft was saved just now: its day starts again.
pub fn touch_drafts(storage: &web_sys::Storage) {
    let _ = storage.set_item(SAVED_KEY, &(js_sys::Date::now() as u64).to_string());
}

/// Deletes the drafts of a day without a change from localStorage; call at every start. Drafts
/// without a time (an older build's) count as expired. The tab's own storage ends with the tab.
pub fn expire_drafts() {
    let Some(local) = local() else { return };
    let saved = local
        .get_item(SAVED_KEY)
        .ok()
        .flatten()
        .and_then(|v| v.parse().ok());
    if crate::domain::draft::draft_expired(saved, js_sys::Date::now() as u64) {
        for key in DRAFT_KEYS.into_iter().chain([SAVED_KEY]) {
            let _ = local.remove_item(key);
        }
    }
    // Documents from before they were kept for the tab only.
    let _ = local.remove_item(REQUEST_FILES_KEY);
}

/// Deletes everything this page can reach in browser storage: a kiosk's wipe when its own script
/// (`public/ppid-kiosk-wipe.js`, which also deletes the databases) is missing.
pub fn forget_storage() {
    for s in [local(), session()].into_iter().flatten() {
        let _ = s.clear();
    }
}

/// localStorage, if the browser allows it.
pub fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// sessionStorage (this tab only), if the browser allows it.
pub fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}
