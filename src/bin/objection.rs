//! Mounts the portal's objection bundle: what an objection is and the objection form. The boot
//! script loads it instead of the main bundle for its routes in `bundles.json` (see `app::Bundle`).

#[cfg(target_arch = "wasm32")]
fn main() {
    ppid_portal::app::mount(ppid_portal::app::Bundle::OBJECTION);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The portal is a browser app: build it with `trunk build` (see README.md).");
}
