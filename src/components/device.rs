//! The question every form starts with on a device that is not a kiosk: is it shared?

use crate::app::use_texts;
use crate::offline::device::{said_shared, set_shared};
use leptos::prelude::*;

/// "This is a shared device": ticked, nothing the citizen types outlives the tab; unticked, the
/// draft stays on the device for a day without a change. A kiosk never asks: it is always shared.
#[component]
pub fn SharedDevice() -> impl IntoView {
    let t = use_texts();
    (!crate::offline::kiosk::is_kiosk()).then(|| {
        let (label, hint) = t.shared_device();
        view! {
            <div class="choice shared-device">
                <input type="checkbox" id="f-shared-device" aria-describedby="f-shared-device-hint"
                    prop:checked=said_shared()
                    on:change=move |ev| set_shared(event_target_checked(&ev))/>
                <label for="f-shared-device">{label}</label>
                <p class="hint" id="f-shared-device-hint">{hint}</p>
            </div>
        }
    })
}
