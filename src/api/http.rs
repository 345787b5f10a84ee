//! `HttpBackend`: the contract over `fetch`, with a timeout and abort on drop.

use super::fetch::{fetch, is_offline};
use super::{ApiError, Exchange, RawReply};
use futures::future::{select, Either};
use std::pin::pin;
use web_sys::AbortController;

/// A backend at an HTTP base URL, e.g. `https://ppid.example.go.id/api`.
#[derive(Clone, Debug)]
pub struct HttpBackend {
    base: String,
    timeout_ms: u32,
}

/// Aborts the fetch when the future that owns it is dropped (navigation, a newer query).
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = &self.0 {
            c.abort();
        }
    }
}

impl HttpBackend {
    /// A backend at `base` (no trailing slash needed).
    pub fn new(base: &str, timeout_ms: u32) -> Self {
        HttpBackend {
            base: base.trim_end_matches('/').to_owned(),
            timeout_ms,
        }
    }

    async fn fetch(&self, exchange: Exchange, abort: &AbortOnDrop) -> Result<RawReply, ApiError> {
        let mut headers = vec![("Accept", "application/json, application/problem+json")];
        if let Some(key) = &exchange.idempotency_key {
            headers.push(("Idempotency-Key", key));
        }
        if exchange.body.is_some() {
            headers.push(("Content-Type", "application/json"));
        }
        let signal = abort.0.as_ref().map(|c| c.signal());
        let url = format!("{}{}", self.base, exchange.path);
        fetch(
            exchange.method,
            &url,
            &headers,
            exchange.body.as_deref(),
            signal.as_ref(),
        )
        .await
    }
}

impl super::Backend for HttpBackend {
    async fn send(&self, exchange: Exchange) -> Result<RawReply, ApiError> {
        // A GET still goes out offline: the service worker may answer it from its cache.
        if is_offline() && exchange.method != "GET" {
            return Err(ApiError::Offline);
        }
        let abort = AbortOnDrop(AbortController::new().ok());
        let timer = gloo_timers::future::TimeoutFuture::new(self.timeout_ms);
        let fetch = pin!(self.fetch(exchange, &abort));
        match select(fetch, timer).await {
            Either::Left((result, _)) => result,
            Either::Right(_) => Err(ApiError::Timeout),
        }
    }
}
