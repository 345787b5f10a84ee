//! The kiosk's bar, dialogs and idle timer (`kiosk::bar`): a wasm of their own that a page
//! in kiosk mode loads after it has started (`components::kiosk::Kiosk`), so no other page pays for them.

#[cfg(target_arch = "wasm32")]
fn main() {
    ppid_portal::kiosk::bar::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The kiosk bar is part of the browser app: build it with `trunk build` (see README.md)."
    );
}
