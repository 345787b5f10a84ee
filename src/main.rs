//! Mounts the portal.

#[cfg(target_arch = "wasm32")]
fn main() {
    ppid_portal::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The portal is a browser app: build it with `trunk build` (see README.md).");
}
