//! Service worker glue: registers `sw.js` and offers "Versi baru tersedia" when a new build has
//! installed in the background.

use leptos::prelude::*;

/// The "new version" offer, shown in every bundle's shell.
#[component]
pub fn UpdateBanner() -> impl IntoView {}
