//! `DemoBackend`: the reference implementation running inside the browser, persisted in localStorage.

use super::{ApiError, Exchange, RawReply};
use crate::reference::{Call, Journal, Reference};
use gloo_storage::{LocalStorage, Storage};
use std::cell::RefCell;
use std::rc::Rc;

const JOURNAL_KEY: &str = "ppid.demo.journal";

/// The whole contract in the page; requests submitted before a reload are still there after it.
#[derive(Clone)]
pub struct DemoBackend {
    inner: Rc<RefCell<Option<Reference>>>,
}

impl Default for DemoBackend {
    fn default() -> Self {
        Self::new()
    }
}

impl DemoBackend {
    /// A demo backend; the seed is parsed on the first call.
    pub fn new() -> Self {
        DemoBackend { inner: Rc::new(RefCell::new(None)) }
    }

    fn answer(&self, exchange: &Exchange) -> RawReply {
        let mut slot = self.inner.borrow_mut();
        let reference = slot.get_or_insert_with(|| {
            let mut r = Reference::demo();
            if let Ok(journal) = LocalStorage::get::<Journal>(JOURNAL_KEY) {
                r.restore(journal);
            }
            r
        });
        let (path, query) = exchange.path.split_once('?').unwrap_or((&exchange.path, ""));
        let call = Call {
            method: exchange.method,
            path,
            query,
            idempotency_key: exchange.idempotency_key.as_deref(),
            body: exchange.body.as_deref().unwrap_or(""),
        };
        let reply = reference.handle(&call, js_sys::Date::now() as i64);
        if exchange.method == "POST" && reply.status == 201 && !reply.replayed {
            // Losing the journal only loses demo data; the page goes on.
            let _ = LocalStorage::set(JOURNAL_KEY, reference.journal());
        }
        RawReply { status: reply.status, content_type: reply.content_type.into(), body: reply.body, retry_after: reply.retry_after }
    }
}

impl super::Backend for DemoBackend {
    async fn send(&self, exchange: Exchange) -> Result<RawReply, ApiError> {
        // Yield once so the demo is asynchronous like a network, and loading states render.
        gloo_timers::future::TimeoutFuture::new(0).await;
        Ok(self.answer(&exchange))
    }
}
