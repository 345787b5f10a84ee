//! Mounts the portal's forms bundle: the request wizard and its receipt. The boot script loads it
//! instead of the main bundle for its routes in `bundles.json` (see `app::Bundle`).

#[cfg(target_arch = "wasm32")]
fn main() {
    ppid_portal::app::mount(ppid_portal::app::Bundle::FORMS);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The portal is a browser app: build it with `trunk build` (see README.md).");
}
