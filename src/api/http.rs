//! `HttpBackend`: the contract over `fetch`, with a timeout and abort on drop.

use super::{ApiError, Exchange, RawReply};
use futures::future::{select, Either};
use gloo_net::http::{Method, RequestBuilder};
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
        HttpBackend { base: base.trim_end_matches('/').to_owned(), timeout_ms }
    }

    async fn fetch(&self, exchange: Exchange, abort: &AbortOnDrop) -> Result<RawReply, ApiError> {
        let method = if exchange.method == "POST" { Method::POST } else { Method::GET };
        let mut req = RequestBuilder::new(&format!("{}{}", self.base, exchange.path))
            .method(method)
            .header("Accept", "application/json, application/problem+json")
            .abort_signal(abort.0.as_ref().map(|c| c.signal()).as_ref());
        if let Some(key) = &exchange.idempotency_key {
            req = req.header("Idempotency-Key", key);
        }
        let sent = match exchange.body {
            Some(body) => req.header("Content-Type", "application/json").body(body).map_err(|_| ApiError::Unreachable)?.send().await,
            None => req.send().await,
        };
        let resp = sent.map_err(|_| if is_offline() { ApiError::Offline } else { ApiError::Unreachable })?;
        let headers = resp.headers();
        let retry_after = headers.get("Retry-After").and_then(|v| v.trim().parse().ok());
        let content_type = headers.get("Content-Type").unwrap_or_default();
        let body = resp.text().await.map_err(|_| ApiError::Unreachable)?;
        Ok(RawReply { status: resp.status(), content_type, body, retry_after })
    }
}

impl super::Backend for HttpBackend {
    async fn send(&self, exchange: Exchange) -> Result<RawReply, ApiError> {
        if is_offline() {
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

/// The browser says it has no network.
pub fn is_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}
