//! "Versi baru tersedia": the offer of a new build the service worker has installed.

use crate::context::use_texts;
use crate::offline::sw;
use leptos::prelude::*;

/// The "new version" offer, shown in every bundle's shell.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let t = use_texts();
    sw::start_once();
    let waiting = sw::new_build_waiting();
    // The live region is always there, so that its content is announced when it appears.
    // (`into_any` shares the rendering code of the portal's other optional views: a smaller wasm.)
    view! {
        <div role="status">
            {move || waiting.get().then(|| view! {
                <div class="panel">
                    <p>{t.sw_update_available()}</p>
                    <button type="button" class="button" on:click=|_| sw::use_new_build()>{t.sw_reload()}</button>
                </div>
            }.into_any())}
        </div>
    }
}
