//! Mounts the portal's dispute bundle: an objection's dispute route (the atasan's answer, when it was
//! received, and the window to take the dispute to the Komisi Informasi). The boot script loads it
//! instead of the main bundle for its route in `bundles.json` (see `app::Bundle`): a citizen looking up
//! a request's status does not download it, and a citizen following an objection up needs no other.

#[cfg(target_arch = "wasm32")]
fn main() {
    ppid_portal::app::mount(ppid_portal::app::Bundle::DISPUTE);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The portal is a browser app: build it with `trunk build` (see README.md).");
}
