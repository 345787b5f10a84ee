//! Kiosk mode at an MPP counter: idle warning and wipe, "Mulai baru", assisted mode, and the
//! thermal receipt layout.
//!
//! A kiosk is shared by strangers, one after another, on a screen without browser controls. So
//! the bar below the header offers "back" and "Mulai baru", the citizen's data never outlives
//! their visit (an idle timer warns, then wipes storage and reloads the home page, which also
//! empties memory), and an officer helping a citizen is recorded on what they send.

use crate::app::{use_portal, use_texts};
use crate::components::router::use_location;
use crate::contract::{Channel, RequestSubmission};
use leptos::html;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// The officer's name or NIP while officer mode is on (sessionStorage: wiped with the rest).
const ASSISTED_KEY: &str = "ppid.kiosk.assisted";
/// The embedded demo backend's own records: the backend, not the citizen's data.
const DEMO_JOURNAL_KEY: &str = "ppid.demo.journal";
/// The outbox's IndexedDB database: the only one a wipe keeps.
const OUTBOX_DB: &str = "ppid-outbox";
/// The longest officer's name or NIP (the contract's `assisted_by`).
const MAX_OFFICER: usize = 100;
/// What a person does at the screen; any of them restarts the idle time.
const ACTIVITY: [&str; 6] = [
    "pointerdown",
    "keydown",
    "touchstart",
    "input",
    "scroll",
    "wheel",
];

thread_local! {
    /// Whether this page runs in kiosk mode (set by [`Kiosk`]).
    static KIOSK: Cell<bool> = const { Cell::new(false) };
}

/// The officer filling in forms for citizens, while officer mode is on in kiosk mode.
pub fn assisted_by() -> Option<String> {
    if !KIOSK.with(Cell::get) {
        return None;
    }
    session()?
        .get_item(ASSISTED_KEY)
        .ok()
        .flatten()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// A request as this kiosk sends it: the `kiosk` channel, and who helped while officer mode is on.
pub fn mark(mut body: RequestSubmission) -> RequestSubmission {
    if KIOSK.with(Cell::get) {
        body.channel = Channel::Kiosk;
    }
    body.assisted_by = assisted_by();
    body.assisted = body.assisted_by.is_some();
    body
}

/// One line naming the officer, for a check-your-answers page; nothing outside officer mode.
#[component]
pub fn AssistedBy() -> impl IntoView {
    let t = use_texts();
    assisted_by().map(|who| {
        view! { <p class="panel assisted-by"><strong>{t.kiosk_assisted}</strong>": " {who}</p> }
    })
}

/// The kiosk's bar, dialogs and idle timer; outside kiosk mode only the receipt's paper width.
#[component]
pub fn Kiosk() -> impl IntoView {
    let (kiosk, idle, warning, paper) = use_portal().config.with_value(|c| {
        (
            c.kiosk,
            c.kiosk_idle_seconds,
            c.kiosk_warning_seconds,
            c.receipt_paper_mm,
        )
    });
    let root = document().document_element();
    if let (Some(root), Some(mm)) = (&root, paper) {
        // `style/main.css` prints on a named page of this width (the CSP allows no inline style).
        let _ = root.set_attribute("data-receipt", &mm.to_string());
    }
    KIOSK.with(|k| k.set(kiosk));
    if !kiosk {
        return None;
    }
    if let Some(root) = &root {
        let _ = root.class_list().add_1("kiosk");
    }
    Some(view! { <Bar idle warning/> })
}

#[component]
fn Bar(idle: u32, warning: u32) -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    let at_home = move || location.with(|l| l.segments().is_empty());
    let left = idle_timer(idle, warning, at_home());
    let confirming = RwSignal::new(false);
    let back = move |_| {
        let _ = window().history().map(|h| h.back());
    };
    view! {
        <section class="kiosk-bar" aria-label=t.kiosk_bar>
            <div class="kiosk-actions">
                {move || (!at_home()).then(|| view! {
                    <button type="button" class="button secondary" on:click=back>{t.kiosk_back}</button>
                })}
                <button type="button" id="kiosk-start-over" class="button" aria-haspopup="dialog"
                    on:click=move |_| confirming.set(true)>{t.kiosk_start_over}</button>
                <Officer/>
            </div>
        </section>
        <Dialog id="kiosk-idle" open=Signal::derive(move || left.get().is_some())
            on_cancel=Callback::new(move |()| left.set(None))>
            <h2 id="kiosk-idle-title">{t.kiosk_idle_title}</h2>
            <p id="kiosk-idle-desc">{t.kiosk_idle_body}</p>
            <p id="kiosk-idle-left" class="kiosk-count">
                {move || left.get().map(|s| format!("{} {s} {}", t.kiosk_idle_left.0, t.kiosk_idle_left.1))}
            </p>
            // The visible count changes every second; a screen reader hears it every ten and at five.
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">
                {move || left.get().filter(|s| *s < warning && (s % 10 == 0 || *s == 5))
                    .map(|s| format!("{} {s} {}", t.kiosk_idle_left.0, t.kiosk_idle_left.1))}
            </p>
            <button type="button" class="button" on:click=move |_| left.set(None)>{t.kiosk_continue}</button>
        </Dialog>
        <Dialog id="kiosk-confirm" open=confirming.into()
            on_cancel=Callback::new(move |()| confirming.set(false))>
            <h2 id="kiosk-confirm-title">{t.kiosk_start_over_title}</h2>
            <p id="kiosk-confirm-desc">{t.kiosk_start_over_body}</p>
            <div class="kiosk-actions">
                <button type="button" class="button" on:click=move |_| wipe()>{t.kiosk_start_over_confirm}</button>
                <button type="button" class="button secondary" autofocus=true
                    on:click=move |_| confirming.set(false)>{t.kiosk_cancel}</button>
            </div>
        </Dialog>
    }
}

/// Counts idle seconds and returns the seconds left before the wipe while the warning shows
/// (`None` otherwise; setting it to `None` is "Lanjutkan"). On the untouched home page nothing
/// runs until someone touches the screen: a kiosk waiting for its next citizen is not reloaded.
fn idle_timer(idle: u32, warning: u32, at_home: bool) -> RwSignal<Option<u32>> {
    let left = RwSignal::new(None::<u32>);
    let last = Rc::new(Cell::new(js_sys::Date::now()));
    let armed = Rc::new(Cell::new(!at_home));
    let mut listeners = Vec::new();
    for name in ACTIVITY {
        let (last, armed) = (last.clone(), armed.clone());
        listeners.push(window_event_listener_untyped(name, move |_| {
            // While the warning shows, only its button keeps the session.
            if left.try_with_untracked(Option::is_none).unwrap_or(false) {
                last.set(js_sys::Date::now());
                armed.set(true);
            }
        }));
    }
    // "Lanjutkan": the idle time starts again.
    {
        let last = last.clone();
        Effect::new(move |was: Option<bool>| {
            let shown = left.with(Option::is_some);
            if was == Some(true) && !shown {
                last.set(js_sys::Date::now());
            }
            shown
        });
    }
    let tick = move || {
        if !armed.get() {
            return;
        }
        let idle_for = ((js_sys::Date::now() - last.get()) / 1000.0).max(0.0) as u32;
        if idle_for < idle {
            return;
        }
        let remaining = (idle + warning).saturating_sub(idle_for);
        if remaining == 0 {
            armed.set(false);
            left.try_set(None);
            wipe();
        } else if left.try_get_untracked() != Some(Some(remaining)) {
            left.try_set(Some(remaining));
        }
    };
    let interval = set_interval_with_handle(tick, Duration::from_secs(1)).ok();
    on_cleanup(move || {
        if let Some(i) = interval {
            i.clear();
        }
        for l in listeners {
            l.remove();
        }
    });
    left
}

/// A modal alert dialog (`showModal`: the page behind is inert and focus moves in). Escape is
/// `on_cancel`; closing returns focus where it was.
#[component]
fn Dialog(
    id: &'static str,
    open: Signal<bool>,
    on_cancel: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move || {
        let want = open.get();
        if let Some(d) = dialog.get() {
            if want && !d.open() {
                let _ = d.show_modal();
            } else if !want && d.open() {
                d.close();
            }
        }
    });
    view! {
        <dialog node_ref=dialog id=id class="kiosk-dialog" role="alertdialog" aria-modal="true"
            aria-labelledby=format!("{id}-title") aria-describedby=format!("{id}-desc")
            on:cancel=move |ev: web_sys::Event| { ev.prevent_default(); on_cancel.run(()); }>
            {children()}
        </dialog>
    }
}

/// "Mode petugas": an officer fills in forms for a citizen; what is sent records who.
#[component]
fn Officer() -> impl IntoView {
    let t = use_texts();
    let officer = RwSignal::new(assisted_by());
    let open = RwSignal::new(false);
    let missing = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();
    let focus = |id: &'static str| {
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(id) {
                use wasm_bindgen::JsCast;
                if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        })
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let who = input
            .get()
            .map(|i| {
                i.value()
                    .trim()
                    .chars()
                    .take(MAX_OFFICER)
                    .collect::<String>()
            })
            .unwrap_or_default();
        if who.is_empty() {
            missing.set(true);
            focus("kiosk-officer-name");
            return;
        }
        if let Some(s) = session() {
            let _ = s.set_item(ASSISTED_KEY, &who);
        }
        missing.set(false);
        open.set(false);
        officer.set(Some(who));
        focus("kiosk-officer-end");
    };
    let end = move |_| {
        if let Some(s) = session() {
            let _ = s.remove_item(ASSISTED_KEY);
        }
        officer.set(None);
        focus("kiosk-officer");
    };
    let toggle = move |_| {
        open.update(|o| *o = !*o);
        missing.set(false);
        if open.get_untracked() {
            focus("kiosk-officer-name");
        }
    };
    move || {
        match officer.get() {
        Some(who) => view! {
            <p class="kiosk-officer-on" role="status">{t.kiosk_officer_on} " " <strong>{who}</strong></p>
            <button type="button" id="kiosk-officer-end" class="button secondary" on:click=end>{t.kiosk_officer_end}</button>
        }
        .into_any(),
        None => view! {
            <button type="button" id="kiosk-officer" class="button secondary" aria-expanded=move || open.get().to_string()
                aria-controls="kiosk-officer-form" on:click=toggle>{t.kiosk_officer}</button>
            <form id="kiosk-officer-form" class="kiosk-officer-form" hidden=move || !open.get() on:submit=start novalidate=true>
                <div class="field" class:field-error=move || missing.get()>
                    <label for="kiosk-officer-name">{t.kiosk_officer_field.0}</label>
                    <p class="hint" id="kiosk-officer-name-hint">{t.kiosk_officer_field.1}</p>
                    {move || missing.get().then(|| view! {
                        <p class="error-message" id="kiosk-officer-name-error">{t.kiosk_officer_missing}</p>
                    })}
                    <input type="text" id="kiosk-officer-name" node_ref=input autocomplete="off" maxlength=MAX_OFFICER
                        aria-invalid=move || missing.get().then_some("true")
                        aria-describedby=move || if missing.get() { "kiosk-officer-name-hint kiosk-officer-name-error" } else { "kiosk-officer-name-hint" }/>
                </div>
                <button type="submit" class="button">{t.kiosk_officer_start}</button>
            </form>
        }
        .into_any(),
    }
    }
}

/// Deletes every trace of the citizen: browser storage (except the demo backend's own records
/// and the outbox's unsent submissions), then loads the home page afresh, which empties memory
/// and the page. Also resets the language to Bahasa Indonesia (its setting is deleted).
pub fn wipe() {
    if let Some(root) = document().document_element() {
        // Nothing of the last citizen stays on screen while storage is cleared.
        let _ = root.class_list().add_1("kiosk-wiping");
    }
    if let Some(s) = window().local_storage().ok().flatten() {
        let keys: Vec<String> = (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .collect();
        for key in keys {
            if key.starts_with("ppid.") && key != DEMO_JOURNAL_KEY {
                let _ = s.remove_item(&key);
            }
        }
    }
    if let Some(s) = session() {
        let _ = s.clear();
    }
    leptos::task::spawn_local(async {
        super::outbox::keep_only_unsent().await;
        delete_databases_but_outbox().await;
        let _ = window().location().replace(&crate::api::resolve(""));
    });
}

/// Deletes every IndexedDB database of this origin except the outbox's (its unsent submissions
/// are sent later; [`super::outbox::keep_only_unsent`] has already emptied it of the rest).
async fn delete_databases_but_outbox() {
    use js_sys::{Array, Function, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let call = |target: &JsValue, method: &str, arg: Option<&JsValue>| -> Option<JsValue> {
        let f: Function = Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
        match arg {
            Some(a) => f.call1(target, a),
            None => f.call0(target),
        }
        .ok()
    };
    let Some(factory) = Reflect::get(&window(), &"indexedDB".into())
        .ok()
        .filter(|f| f.is_object())
    else {
        return;
    };
    let Some(listed) = call(&factory, "databases", None).and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return;
    };
    let Ok(list) = wasm_bindgen_futures::JsFuture::from(listed).await else {
        return;
    };
    for db in Array::from(&list).iter() {
        let Some(name) = Reflect::get(&db, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
        else {
            continue;
        };
        if name == OUTBOX_DB {
            continue;
        }
        let Some(request) = call(&factory, "deleteDatabase", Some(&name.into())) else {
            continue;
        };
        // Done when deleted, failed, or blocked by a connection still open (it is deleted once that closes).
        let done = Promise::new(&mut |resolve, _| {
            for event in ["onsuccess", "onerror", "onblocked"] {
                let _ = Reflect::set(&request, &event.into(), &resolve);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(done).await;
    }
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}
