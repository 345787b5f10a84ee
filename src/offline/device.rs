//! Whose device this is, which decides how long a citizen's data may stay on it.
//!
//! A kiosk, or a device the citizen said is shared (a warnet, a library, a borrowed phone), keeps
//! nothing beyond the tab: drafts live in sessionStorage and nothing is queued for later. A
//! citizen's own device keeps drafts across restarts, but only for a day without a change.

use leptos::prelude::window;

/// sessionStorage: "1" once the citizen said this device is shared. Kept for the tab only, like
/// everything else on such a device.
pub const SHARED_KEY: &str = "ppid.device.shared";

/// Whether nothing personal may outlive this tab: kiosk mode, or a device the citizen said is shared.
pub fn session_only() -> bool {
    super::kiosk::is_kiosk() || said_shared()
}

/// Whether the citizen said, in this tab, that the device is shared.
pub fn said_shared() -> bool {
    session()
        .and_then(|s| s.get_item(SHARED_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

/// Records the citizen's answer for this tab.
pub fn set_shared(shared: bool) {
    if let Some(s) = session() {
        let _ = if shared {
            s.set_item(SHARED_KEY, "1")
        } else {
            s.remove_item(SHARED_KEY)
        };
    }
}

/// Where drafts are kept: the tab's sessionStorage on a shared device or kiosk, else localStorage.
pub fn draft_storage() -> Option<web_sys::Storage> {
    if session_only() {
        session()
    } else {
        window().local_storage().ok().flatten()
    }
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}
