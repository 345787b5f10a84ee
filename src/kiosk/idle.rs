//! The idle timer: a warning after the configured idle time, then the wipe.

use super::bar::texts;
use super::dialogs::{close, show_modal};
use super::dom::set_text;
use super::wipe::wipe;
use leptos::prelude::window;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What a person does at the screen; any of them restarts the idle time.
const ACTIVITY: [&str; 6] = [
    "pointerdown",
    "keydown",
    "touchstart",
    "input",
    "scroll",
    "wheel",
];

/// The idle clock, shared by the activity listeners, the ticks and "Lanjutkan".
struct Idle {
    /// When the screen was last touched (ms since the epoch).
    last: Cell<f64>,
    /// Whether anything may need wiping: on the untouched home page nothing runs until someone
    /// touches the screen, so a kiosk waiting for its next citizen is not reloaded again and again.
    armed: Cell<bool>,
    /// Whether the warning is showing (then only its button keeps the session).
    warning: Cell<bool>,
}

thread_local! {
    static IDLE: Idle = const { Idle { last: Cell::new(0.0), armed: Cell::new(false), warning: Cell::new(false) } };
}

/// Listens for activity and ticks every second: the warning after `idle` seconds, counting down
/// `warning` seconds, then the wipe (which reloads the page, so nothing needs stopping).
pub(super) fn start_idle_timer(idle: u32, warning: u32, at_home: bool) {
    IDLE.with(|i| {
        i.last.set(js_sys::Date::now());
        i.armed.set(!at_home);
        i.warning.set(false);
    });
    let activity = Closure::<dyn Fn()>::new(|| {
        IDLE.with(|i| {
            if !i.warning.get() {
                i.last.set(js_sys::Date::now());
                i.armed.set(true);
            }
        })
    });
    for name in ACTIVITY {
        let _ = window().add_event_listener_with_callback_and_bool(
            name,
            activity.as_ref().unchecked_ref(),
            true,
        );
    }
    activity.forget();
    let tick = Closure::<dyn Fn()>::new(move || {
        let (armed, last) = IDLE.with(|i| (i.armed.get(), i.last.get()));
        if !armed {
            return;
        }
        let idle_for = ((js_sys::Date::now() - last) / 1000.0).max(0.0) as u32;
        if idle_for < idle {
            return;
        }
        let left = (idle + warning).saturating_sub(idle_for);
        if left == 0 {
            IDLE.with(|i| i.armed.set(false));
            wipe();
            return;
        }
        let t = texts();
        let text = format!("{} {left} {}", t.kiosk_idle_left().0, t.kiosk_idle_left().1);
        set_text("kiosk-idle-left", &text);
        if left < warning && (left % 10 == 0 || left == 5) {
            set_text("kiosk-idle-live", &text);
        }
        if !IDLE.with(|i| i.warning.replace(true)) {
            set_text("kiosk-idle-live", "");
            show_modal("kiosk-idle");
        }
    });
    let _ = window().set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        1000,
    );
    tick.forget();
}

/// "Lanjutkan": the warning closes and the idle time starts again.
pub(super) fn keep_session() {
    IDLE.with(|i| {
        i.warning.set(false);
        i.last.set(js_sys::Date::now());
    });
    close("kiosk-idle");
}
