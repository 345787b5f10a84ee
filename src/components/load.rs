//! `use_load`: run an async call whenever the signals it reads change, keep only the newest answer,
//! and abort the older call. A small stand-in for `LocalResource`, which costs far more bytes.

use futures::future::{AbortHandle, Abortable};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;

/// The latest answer of a load (`None` while loading) and a way to run it again.
pub struct Load<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    again: RwSignal<u32>,
}

impl<T: 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: 'static> Copy for Load<T> {}

impl<T: Clone + 'static> Load<T> {
    /// The answer, tracked; `None` while loading.
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }
    /// Runs the call again (a "try again" button).
    pub fn refetch(&self) {
        self.again.update(|n| *n = n.wrapping_add(1));
    }
}

/// Starts `fetch` now and again whenever a signal it reads (before its first `.await`) changes.
pub fn use_load<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> Load<T>
where
    T: 'static,
    Fut: Future<Output = T> + 'static,
{
    let value = RwSignal::new_local(None);
    let again = RwSignal::new(0u32);
    // Only this adapter is generic; the effect, the abort and the task below are compiled once for
    // every load of the bundle (each generic copy of them cost about 3 KB of wasm).
    run(
        again,
        Box::new(move || {
            let future = fetch();
            value.set(None);
            Box::pin(async move {
                let answer = future.await;
                value.try_set(Some(answer));
            })
        }),
    );
    Load { value, again }
}

/// Runs `start` in an effect (again on `again`), keeping only the newest run alive.
fn run(again: RwSignal<u32>, start: Box<dyn Fn() -> Pin<Box<dyn Future<Output = ()>>>>) {
    Effect::new(move || {
        again.track();
        let future = start();
        let (handle, registration) = AbortHandle::new_pair();
        // Leaving the page or starting a newer call drops the older one (and aborts its fetch).
        on_cleanup(move || handle.abort());
        spawn_local(async move {
            let _ = Abortable::new(future, registration).await;
        });
    });
}
