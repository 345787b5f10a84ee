//! Kiosk mode at an MPP counter: idle warning and wipe, "Mulai baru", assisted mode.

use leptos::prelude::*;

/// The kiosk's controls and idle timer; renders nothing outside kiosk mode.
#[component]
pub fn Kiosk() -> impl IntoView {}
