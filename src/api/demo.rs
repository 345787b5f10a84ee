//! `DemoBackend`: the reference implementation in a Web Worker, its journal persisted in localStorage.
//!
//! The worker (`src/bin/demo_backend.rs`) and the demo data (`seed.json`) are fetched only
//! when `config.json` chooses demo, so the portal's own bundle stays small for real backends.

use super::{ApiError, Exchange, RawReply};
use crate::reference::worker::{FromWorker, ToWorker, WireExchange};
use futures::channel::oneshot;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const JOURNAL_KEY: &str = "ppid.demo.journal";
/// The id the worker uses to say it is ready.
const READY: u32 = 0;

/// The whole contract inside the browser; requests submitted before a reload are still there after it.
#[derive(Clone)]
pub struct DemoBackend {
    state: Rc<RefCell<State>>,
    started: Rc<RefCell<Option<Shared<LocalBoxFuture<'static, Result<(), ApiError>>>>>>,
    seed_url: Rc<str>,
    worker_url: Rc<str>,
}

#[derive(Default)]
struct State {
    worker: Option<web_sys::Worker>,
    next_id: u32,
    pending: Vec<(u32, oneshot::Sender<FromWorker>)>,
    /// Kept alive as long as the worker: dropping them would detach the handlers.
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

impl DemoBackend {
    /// A demo backend whose worker script and data set live at these URLs.
    pub fn new(seed_url: String, worker_url: String) -> Self {
        DemoBackend {
            state: Rc::default(),
            started: Rc::default(),
            seed_url: seed_url.into(),
            worker_url: worker_url.into(),
        }
    }

    /// Starts the worker once; every caller waits for the same start.
    async fn ensure_started(&self) -> Result<(), ApiError> {
        let start = {
            let mut slot = self.started.borrow_mut();
            slot.get_or_insert_with(|| self.clone().start().boxed_local().shared())
                .clone()
        };
        let result = start.await;
        if result.is_err() {
            // Let a retry start afresh (e.g. the network came back).
            *self.started.borrow_mut() = None;
            self.stop();
        }
        result
    }

    async fn start(self) -> Result<(), ApiError> {
        let ready = self.spawn_worker()?;
        let seed = fetch_text(&self.seed_url).await?;
        ready.await.map_err(|_| ApiError::Unreachable)?;
        let journal = local_storage().and_then(|s| s.get_item(JOURNAL_KEY).ok().flatten());
        let reply = self
            .round_trip(ToWorker {
                seed: Some(seed),
                journal,
                ..Default::default()
            })
            .await?;
        if reply.status == 204 {
            Ok(())
        } else {
            Err(ApiError::Contract("demo data set"))
        }
    }

    fn spawn_worker(&self) -> Result<oneshot::Receiver<FromWorker>, ApiError> {
        let worker = web_sys::Worker::new(&self.worker_url).map_err(|_| ApiError::Unreachable)?;
        let (ready_tx, ready_rx) = oneshot::channel();
        let state = Rc::downgrade(&self.state);
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let Some(state) = state.upgrade() else { return };
            let text = ev
                .unchecked_into::<web_sys::MessageEvent>()
                .data()
                .as_string()
                .unwrap_or_default();
            // A reply that does not decode is dropped; its caller then sees the worker fail.
            if let Ok(reply) = crate::json::from_str::<FromWorker>(&text) {
                let mut st = state.borrow_mut();
                if let Some(i) = st.pending.iter().position(|(id, _)| *id == reply.id) {
                    let _ = st.pending.swap_remove(i).1.send(reply);
                }
            }
        });
        let state = Rc::downgrade(&self.state);
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_ev: JsValue| {
            // A worker that fails to load or crashes fails every waiting call.
            if let Some(state) = state.upgrade() {
                state.borrow_mut().pending.clear();
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut st = self.state.borrow_mut();
        st.pending.push((READY, ready_tx));
        st.next_id = READY + 1;
        st.worker = Some(worker);
        st._handlers = vec![on_message, on_error];
        Ok(ready_rx)
    }

    fn stop(&self) {
        let mut st = self.state.borrow_mut();
        if let Some(w) = st.worker.take() {
            w.terminate();
        }
        st.pending.clear();
        st._handlers.clear();
    }

    async fn round_trip(&self, mut msg: ToWorker) -> Result<FromWorker, ApiError> {
        let (tx, rx) = oneshot::channel();
        {
            let mut st = self.state.borrow_mut();
            msg.id = st.next_id;
            st.next_id = st.next_id.wrapping_add(1).max(READY + 1);
            st.pending.push((msg.id, tx));
            let text = crate::json::to_string(&msg);
            let worker = st.worker.as_ref().ok_or(ApiError::Unreachable)?;
            worker
                .post_message(&JsValue::from_str(&text))
                .map_err(|_| ApiError::Unreachable)?;
        }
        rx.await.map_err(|_| ApiError::Unreachable)
    }
}

impl super::Backend for DemoBackend {
    async fn send(&self, exchange: Exchange) -> Result<RawReply, ApiError> {
        self.ensure_started().await?;
        let wire = WireExchange {
            method: exchange.method.into(),
            path: exchange.path,
            idempotency_key: exchange.idempotency_key,
            body: exchange.body,
        };
        let reply = self
            .round_trip(ToWorker {
                exchange: Some(wire),
                ..Default::default()
            })
            .await?;
        if let (Some(journal), Some(storage)) = (&reply.journal, local_storage()) {
            // Losing the journal only loses demo data; the page goes on.
            let _ = storage.set_item(JOURNAL_KEY, journal);
        }
        Ok(RawReply {
            status: reply.status,
            content_type: reply.content_type,
            body: reply.body,
            retry_after: reply.retry_after,
            saved_at: None,
        })
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

async fn fetch_text(url: &str) -> Result<String, ApiError> {
    let reply = super::fetch::fetch("GET", url, &[], None, None).await?;
    if !(200..300).contains(&reply.status) {
        return Err(ApiError::Server {
            status: reply.status,
        });
    }
    Ok(reply.body)
}
