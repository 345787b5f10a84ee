//! The outbox: submissions made while the backend cannot be reached, kept in IndexedDB with their
//! idempotency key and sent when it can, at every start and on reconnect, with backoff.
//!
//! Exactly once: an entry is sent with the key it was queued with, and the contract promises that a
//! second call with that key returns the first call's receipt. So a crash, a closed tab or two tabs
//! sending the same entry create one request at the backend. Once accepted, the entry keeps only the
//! registration (number and receipt): the answers and documents are deleted. Once refused, they stay
//! 30 days for the citizen to open them again (or delete them), then the entry goes.
//!
//! A kiosk, or a device the citizen said is shared, queues nothing ([`super::device::session_only`]):
//! answers left waiting on a shared device would outlive the visit of the citizen who typed them,
//! who could not come back to that device to learn their number. The form says the submission was
//! not sent, keeps the answers on screen to try again with the same key, and offers to print them
//! for the officer at the counter.

use crate::api::{decode, AnyBackend, ApiError, Backend, Reach, Store};
use crate::contract::FieldError;
use crate::json::json_struct;
use leptos::prelude::*;
use std::cell::Cell;

const STORE: Store = Store {
    database: super::device::OUTBOX_DATABASE,
    objects: "entries",
};

/// How long a registration stays on this device after it was accepted (not in kiosk mode).
const KEEP_REGISTERED_MS: u64 = 30 * 24 * 3600 * 1000;
/// How often the outbox looks for entries whose next attempt is due.
const TICK_MS: u32 = 10_000;

/// What an entry is: a request or an objection.
pub use crate::api::Submission as Kind;

crate::json::json_enum!(Kind {
    Request = "request",
    Objection = "objection",
});

/// One submission waiting, sent, or refused.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The idempotency key it is sent with (and its key in IndexedDB).
    pub key: String,
    pub kind: Kind,
    /// When the citizen submitted it (ms since 1970).
    pub queued_at: u64,
    /// The JSON body; gone once the backend has accepted it.
    pub body: Option<String>,
    /// The backend's receipt (JSON) once accepted.
    pub receipt: Option<String>,
    /// The registration number from the receipt.
    pub number: Option<String>,
    pub attempts: u32,
    /// No attempt before this time (ms), the backoff.
    pub next_at: u64,
    /// Why the backend refused it for good (`invalid`, `conflict`, `not_found`, `version`).
    pub refused: Option<String>,
    /// When it was refused (ms since 1970; 0 when not, or refused before this was recorded).
    pub refused_at: u64,
    /// The backend's field errors when it refused the answers (`invalid`), shown at their
    /// questions when the citizen opens the submission again in its form.
    pub problems: Vec<FieldError>,
}

json_struct!(decode encode Entry {
    key: req,
    kind: req,
    queued_at: req,
    body: skip_none,
    receipt: skip_none,
    number: skip_none,
    attempts: default,
    next_at: default,
    refused: skip_none,
    refused_at: default,
    problems: skip_empty,
});

/// The part of any receipt the outbox needs.
struct Registered {
    number: String,
}

json_struct!(decode Registered { number: req });

impl Entry {
    /// Waiting to be sent (not accepted, not refused).
    pub fn waiting(&self) -> bool {
        self.body.is_some() && self.number.is_none() && self.refused.is_none()
    }

    /// The reference the citizen is shown until the backend gives a number: from the key, which
    /// is random, so it identifies the entry on this device and says nothing about the citizen.
    pub fn local_ref(&self) -> String {
        local_ref(&self.key)
    }
}

pub use crate::domain::outbox::{backoff_secs, local_ref, refused_answers_expired};

/// Whether a failed submission should wait in the outbox: the backend could not be reached or
/// failed on its side, so the same key can be sent again later. A refusal (invalid answers, a
/// reused key) needs the citizen instead.
pub fn can_wait(e: &ApiError) -> bool {
    matches!(
        e,
        ApiError::Offline | ApiError::Timeout | ApiError::Unreachable | ApiError::Server { .. }
    )
}

// A refused entry the citizen chose to open again waits for its form's page to load (the forms
// are other bundles): the form takes it from there into its draft.
use super::device::{local, REOPEN_KEY};

/// Hands a refused entry to its form: `false` when the browser could not keep it.
pub fn hand_back(entry: &Entry) -> bool {
    local().is_some_and(|s| {
        s.set_item(REOPEN_KEY, &crate::json::to_string(entry))
            .is_ok()
    })
}

/// The entry of `kind` handed back to its form, if any; it is then gone from browser storage.
pub fn take_handed_back(kind: Kind) -> Option<Entry> {
    let s = local()?;
    let entry: Entry = crate::json::from_str(&s.get_item(REOPEN_KEY).ok().flatten()?).ok()?;
    (entry.kind == kind).then(|| {
        let _ = s.remove_item(REOPEN_KEY);
        entry
    })
}

/// The outbox and the connection state, shared by the shell and the pages.
#[derive(Clone, Copy)]
pub struct Outbox {
    pub entries: RwSignal<Vec<Entry>>,
    /// Whether the entries have been read from IndexedDB yet.
    pub loaded: RwSignal<bool>,
    /// What the last call to the backend showed.
    pub reach: RwSignal<Reach>,
    backend: StoredValue<AnyBackend, LocalStorage>,
    kiosk: bool,
    /// Whether the backend is the demo inside this browser (then "offline" means something else).
    pub demo: bool,
}

thread_local! {
    /// One sending pass at a time in this page.
    static SENDING: Cell<bool> = const { Cell::new(false) };
    /// Asked to send while a pass was running: run again (`Some(true)`: whatever the backoff).
    static AGAIN: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Provides the outbox, reads it from IndexedDB and starts sending; call once from the shell.
pub fn provide_outbox(backend: AnyBackend, kiosk: bool) {
    let demo = matches!(backend, AnyBackend::Demo(_));
    let outbox = Outbox {
        entries: RwSignal::new(Vec::new()),
        loaded: RwSignal::new(false),
        reach: RwSignal::new(if crate::api::is_offline() {
            Reach::Offline
        } else {
            Reach::Reached
        }),
        backend: StoredValue::new_local(backend),
        kiosk,
        demo,
    };
    provide_context(outbox);
    crate::api::watch_reach(move |r| {
        outbox.reach.try_set(r);
    });
    leptos::task::spawn_local(async move {
        let mut entries = stored_entries().await;
        // A registration kept long enough on this device goes; so does a refusal 30 days after
        // it, with the answers (the citizen's personal data) it kept to be opened again.
        let now = now_ms();
        let expired = |e: &Entry| {
            (e.number.is_some() && now.saturating_sub(e.queued_at) > KEEP_REGISTERED_MS)
                || (e.refused.is_some() && refused_answers_expired(e.refused_at, e.queued_at, now))
        };
        for e in entries.iter().filter(|e| expired(e)) {
            let _ = STORE.delete(&e.key).await;
        }
        entries.retain(|e| !expired(e));
        outbox.entries.try_set(entries);
        outbox.loaded.try_set(true);
        // At every start, whatever the backoff said.
        outbox.send_due(true).await;
    });
    // Back online: send what waits, or ask the backend once so the indicator tells the truth.
    let online = window_event_listener(leptos::ev::online, move |_| {
        if outbox
            .entries
            .with_untracked(|es| es.iter().any(Entry::waiting))
        {
            outbox.send_now();
        } else {
            let backend = outbox.backend.get_value();
            leptos::task::spawn_local(async move {
                let _ = backend.meta().await;
            });
        }
    });
    let offline = window_event_listener(leptos::ev::offline, move |_| {
        outbox.reach.set(Reach::Offline);
    });
    let tick = set_interval_with_handle(
        move || {
            let due = outbox
                .entries
                .with_untracked(|es| es.iter().any(|e| e.waiting() && e.next_at <= now_ms()));
            if due {
                leptos::task::spawn_local(outbox.send_due(false));
            }
        },
        std::time::Duration::from_millis(TICK_MS.into()),
    )
    .ok();
    on_cleanup(move || {
        online.remove();
        offline.remove();
        if let Some(t) = tick {
            t.clear();
        }
    });
}

/// The outbox of this page.
pub fn use_outbox() -> Outbox {
    expect_context::<Outbox>()
}

impl Outbox {
    /// Stores a submission that could not be sent and gives its local reference. `Err` when it may
    /// not be kept (a kiosk or shared device) or the browser cannot store it: then nothing is kept,
    /// and the citizen is told it was not sent ([`crate::components::outbox::NotSent`]).
    pub async fn queue(self, kind: Kind, key: String, body: String) -> Result<String, ()> {
        if super::device::session_only() {
            return Err(());
        }
        let now = now_ms();
        let entry = Entry {
            key,
            kind,
            queued_at: now,
            body: Some(body),
            receipt: None,
            number: None,
            attempts: 1,
            next_at: now + backoff_secs(1) * 1000,
            refused: None,
            refused_at: 0,
            problems: Vec::new(),
        };
        STORE
            .put(&entry.key, &crate::json::to_string(&entry))
            .await
            .map_err(|_| ())?;
        let local = entry.local_ref();
        self.entries.try_update(|es| {
            es.retain(|e| e.key != entry.key);
            es.push(entry);
        });
        Ok(local)
    }

    /// The entry with this local reference and, once the backend has accepted it, its receipt:
    /// what a page shows, the provisional receipt or the registration. Changes only when the entry
    /// changes state, not on every attempt's bookkeeping elsewhere.
    pub fn registration<R>(self, local: String) -> Memo<Option<(Option<R>, Entry)>>
    where
        R: crate::json::FromJson + PartialEq + Send + Sync + 'static,
    {
        Memo::new(move |_| {
            self.find(&local).map(|e| {
                (
                    e.receipt
                        .as_deref()
                        .and_then(|r| crate::json::from_str(r).ok()),
                    e,
                )
            })
        })
    }

    /// The entry with this local reference.
    pub fn find(self, local: &str) -> Option<Entry> {
        self.entries
            .with(|es| es.iter().find(|e| e.local_ref() == local).cloned())
    }

    /// Sends every waiting entry now, whatever its backoff (a reconnect, "Kirim sekarang").
    pub fn send_now(self) {
        leptos::task::spawn_local(self.send_due(true));
    }

    /// Forgets an entry (a refused one the citizen dismissed, or a registration).
    pub fn forget(self, key: String) {
        leptos::task::spawn_local(async move { self.remove(&key).await });
    }

    /// Forgets an entry now (its answers were put back in their form).
    pub async fn remove(self, key: &str) {
        let _ = STORE.delete(key).await;
        self.entries.try_update(|es| es.retain(|e| e.key != key));
    }

    /// Entries waiting to be sent.
    pub fn waiting(self) -> usize {
        self.entries
            .with(|es| es.iter().filter(|e| e.waiting()).count())
    }

    /// Sends the entries whose next attempt is due. One sender at a time per page: a call while
    /// it runs makes it look once more when it is done, so a press of "Kirim sekarang" is never lost.
    async fn send_due(self, force: bool) {
        if SENDING.with(|s| s.replace(true)) {
            AGAIN.with(|a| a.set(Some(force || a.get() == Some(true))));
            return;
        }
        let mut force = force;
        loop {
            self.send_pass(force).await;
            match AGAIN.with(|a| a.take()) {
                Some(f) => force = f,
                None => break,
            }
        }
        SENDING.with(|s| s.set(false));
    }

    /// One pass over the entries whose next attempt is due.
    async fn send_pass(self, force: bool) {
        let now = now_ms();
        let due: Vec<Entry> = self.entries.with_untracked(|es| {
            es.iter()
                .filter(|e| e.waiting() && (force || e.next_at <= now))
                .cloned()
                .collect()
        });
        let backend = self.backend.get_value();
        for mut entry in due {
            let Some(body) = entry.body.clone() else {
                continue;
            };
            let result = backend.submit(entry.kind, entry.key.clone(), body).await;
            let answer = result.and_then(|reply| {
                let body = reply.body.clone();
                decode::<Registered>(reply).map(|r| (r.number, body))
            });
            let stop = matches!(answer, Err(ApiError::Offline));
            match answer {
                Ok((number, receipt)) => {
                    entry.number = Some(number);
                    entry.receipt = Some(receipt);
                    entry.body = None;
                }
                Err(e)
                    if can_wait(&e)
                        || matches!(e, ApiError::RateLimited(_) | ApiError::Contract(_)) =>
                {
                    entry.attempts += 1;
                    let wait = match e {
                        ApiError::RateLimited(Some(s)) => u64::from(s),
                        _ => backoff_secs(entry.attempts),
                    };
                    entry.next_at = now_ms() + wait * 1000;
                }
                Err(e) => {
                    if let ApiError::Invalid(problems) = &e {
                        entry.problems = problems.clone();
                    }
                    entry.refused_at = now_ms();
                    entry.refused = Some(
                        match e {
                            ApiError::Invalid(_) => "invalid",
                            ApiError::Conflict => "conflict",
                            ApiError::NotFound => "not_found",
                            _ => "version",
                        }
                        .to_owned(),
                    );
                }
            }
            // In kiosk mode nothing of a citizen stays once it is registered: the screen shows the
            // number from memory until the kiosk is wiped.
            let _ = if self.kiosk && entry.number.is_some() {
                STORE.delete(&entry.key).await
            } else {
                STORE.put(&entry.key, &crate::json::to_string(&entry)).await
            };
            self.entries.try_update(|es| {
                if let Some(e) = es.iter_mut().find(|e| e.key == entry.key) {
                    *e = entry;
                }
            });
            if stop {
                break;
            }
        }
    }
}

async fn stored_entries() -> Vec<Entry> {
    let mut entries: Vec<Entry> = STORE
        .all()
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|s| crate::json::from_str(s).ok())
        .collect();
    crate::domain::sort_small_by_key(&mut entries, |e| e.queued_at);
    entries
}

/// This device's clock in milliseconds since 1970, as entries record it.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
