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
            exchange.keep,
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
        // An upload on a slow line takes as long as its size: a fixed timeout would abandon every
        // large one, and the outbox would send it again for ever.
        let body = exchange.body.as_ref().map_or(0, String::len);
        let timer = gloo_timers::future::TimeoutFuture::new(upload_timeout_ms(self.timeout_ms, body));
        let fetch = pin!(self.fetch(exchange, &abort));
        match select(fetch, timer).await {
            Either::Left((result, _)) => result,
            Either::Right(_) => Err(ApiError::Timeout),
        }
    }
}

/// Bytes per millisecond a slow upload is granted: 32 KB a second, a weak mobile signal's upstream.
const SLOW_UPLOAD_BYTES_PER_MS: usize = 32;

/// The configured timeout, plus a second for every 32 KB sent.
fn upload_timeout_ms(timeout_ms: u32, body_bytes: usize) -> u32 {
    timeout_ms.saturating_add((body_bytes / SLOW_UPLOAD_BYTES_PER_MS).min(u32::MAX as usize) as u32)
}
