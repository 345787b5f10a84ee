//! Mounts the portal's register bundle, the service's public record: the published requests (search,
//! filters, the record of how they were answered) and one entry in full, the statistics, and the
//! service charter (Tentang). The boot script loads it instead of the main bundle for
//! its routes in `bundles.json` (see `app::Bundle`), so no other page downloads it.

#[cfg(target_arch = "wasm32")]
fn main() {
    ppid_portal::app::mount(ppid_portal::app::Bundle::REGISTER);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The portal is a browser app: build it with `trunk build` (see README.md).");
}
