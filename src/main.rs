//! Mounts the portal's main bundle: home, the catalogue and its items, about.

#[cfg(target_arch = "wasm32")]
fn main() {
    ppid_portal::app::mount(ppid_portal::app::Bundle::PORTAL);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The portal is a browser app: build it with `trunk build` (see README.md).");
}
