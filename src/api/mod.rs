//! Every network call: the `Backend` trait and its two adapters (and IndexedDB, through `store`).
//!
//! Both adapters move an HTTP-shaped [`Exchange`] and share one decoder, so the demo
//! adapter answers exactly as a real backend would over HTTP.

mod config;
mod demo;
mod fetch;
mod http;
mod idempotency;
mod store;

pub use config::{load_config, resolve, BootError, Config, OfficeContact};
pub use demo::DemoBackend;
pub use fetch::{early, is_offline};
pub use http::HttpBackend;
pub use idempotency::new_idempotency_key;
pub use store::{Store, StoreError};

use crate::contract::url::{encode_catalogue_query, encode_register_query};
use crate::contract::*;
use crate::json::{FromJson, ToJson};
use std::future::Future;

/// What went wrong talking to the backend; each variant becomes a sentence for the citizen.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The browser has no network.
    Offline,
    /// The backend did not answer in time.
    Timeout,
    /// The backend could not be reached (refused, DNS, CORS).
    Unreachable,
    /// The submission has invalid fields.
    Invalid(Vec<FieldError>),
    /// Nothing matches (also the generic answer for a wrong lookup).
    NotFound,
    /// The backend's calendar does not cover a year a deadline needs.
    CalendarYearMissing(Option<i32>),
    /// Too many attempts; try again after this many seconds.
    RateLimited(Option<u32>),
    /// The idempotency key was reused with other answers.
    Conflict,
    /// The backend failed (5xx or an unexpected status).
    Server { status: u16 },
    /// The backend, its web server or a firewall refused this call for good (401, 403, 413, 415
    /// or another 4xx without a meaning of its own): sending it again would be refused again.
    Refused { status: u16 },
    /// The backend answered something that is not the contract (what, for developers).
    Contract(&'static str),
    /// The backend speaks another major version of the contract.
    UnsupportedVersion(String),
}

/// A call, owned, ready for any transport.
#[derive(Clone, Debug, PartialEq)]
pub struct Exchange {
    pub method: &'static str,
    /// Path under the API base, with query, e.g. `/v1/catalogue?class=berkala`.
    pub path: String,
    pub idempotency_key: Option<String>,
    pub body: Option<String>,
    /// Whether the service worker may keep the answer for offline use. Not a form's look-ups of
    /// what the citizen is typing: that is what they are about to ask, and it must not outlive the
    /// draft on the device (sent as `cache: 'no-store'`, which `public/sw.js` honours).
    pub keep: bool,
}

/// A raw answer before decoding.
#[derive(Clone, Debug, PartialEq)]
pub struct RawReply {
    pub status: u16,
    pub content_type: String,
    pub body: String,
    pub retry_after: Option<u32>,
    /// When the service worker stored this answer, if it came from its cache instead of the
    /// backend (`X-PPID-Saved`, milliseconds since 1970).
    pub saved_at: Option<f64>,
}

/// What one call showed about the way to the backend.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reach {
    /// The backend answered.
    Reached,
    /// The service worker answered from its cache, with data stored at this time (ms).
    Saved(f64),
    /// The browser has no network.
    Offline,
    /// The network is there but the backend is not (refused, timed out, 5xx).
    Down,
}

thread_local! {
    static WATCHER: std::cell::RefCell<Option<Box<dyn Fn(Reach)>>> = const { std::cell::RefCell::new(None) };
}

/// Calls `f` after every backend call with what it showed (the connection indicator).
pub fn watch_reach(f: impl Fn(Reach) + 'static) {
    WATCHER.with(|w| *w.borrow_mut() = Some(Box::new(f)));
}

fn report(result: &Result<RawReply, ApiError>) {
    let reach = match result {
        // Saved data while the browser is offline: say offline, the plainer of the two.
        Ok(_) if is_offline() => Reach::Offline,
        Ok(r) if r.saved_at.is_some() => Reach::Saved(r.saved_at.unwrap_or_default()),
        Ok(r) if r.status >= 500 => Reach::Down,
        Ok(_) => Reach::Reached,
        Err(ApiError::Offline) => Reach::Offline,
        Err(_) => Reach::Down,
    };
    WATCHER.with(|w| {
        if let Some(f) = &*w.borrow() {
            f(reach);
        }
    });
}

/// What a citizen submits with an idempotency key: the two forms, sent at once or from the outbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Submission {
    Request,
    Objection,
}

impl Submission {
    /// Where the contract takes it.
    pub fn path(self) -> &'static str {
        match self {
            Submission::Request => "/v1/requests",
            Submission::Objection => "/v1/objections",
        }
    }
}

/// A backend speaking contract v1. Adapters implement [`Backend::send`]; every typed call is shared.
pub trait Backend {
    /// Moves one exchange to the backend and back.
    fn send(&self, exchange: Exchange) -> impl Future<Output = Result<RawReply, ApiError>>;

    /// Service metadata, refusing a backend of another major version.
    fn meta(&self) -> impl Future<Output = Result<Meta, ApiError>> {
        async move {
            let meta: Meta = self.get("/v1/meta".into()).await?;
            check_version(&meta.contract_version)?;
            Ok(meta)
        }
    }
    /// The non-working days of one year.
    fn calendar(&self, year: i32) -> impl Future<Output = Result<Calendar, ApiError>> {
        async move {
            self.get(format!("/v1/calendar/{year}"))
                .await
                .map_err(|e| match e {
                    ApiError::CalendarYearMissing(_) => ApiError::CalendarYearMissing(Some(year)),
                    e => e,
                })
        }
    }
    /// The units holding information.
    fn units(&self) -> impl Future<Output = Result<UnitList, ApiError>> {
        self.get("/v1/units".into())
    }
    /// One page of the catalogue.
    fn catalogue(
        &self,
        query: &CatalogueQuery,
    ) -> impl Future<Output = Result<CataloguePage, ApiError>> {
        let path = format!("/v1/catalogue?{}", encode_catalogue_query(query));
        let per_page = query.per_page;
        async move {
            let mut page: CataloguePage = self.get(path).await?;
            // A backend that ignores `per_page` must not turn one page into thousands of rows.
            if let Some(n) = per_page {
                page.items.truncate(n as usize);
            }
            Ok(page)
        }
    }
    /// Every catalogue entry, page by page: for searching on the client when the backend cannot.
    fn catalogue_all(&self) -> impl Future<Output = Result<Vec<CatalogueSummary>, ApiError>> {
        async move {
            let mut all = Vec::new();
            for page in 1u32.. {
                let q = CatalogueQuery {
                    page: Some(page),
                    per_page: Some(100),
                    ..Default::default()
                };
                let got = self.catalogue(&q).await?;
                let done =
                    got.items.is_empty() || all.len() + got.items.len() >= got.total as usize;
                all.extend(got.items);
                // A backend that keeps answering past its total must not loop forever.
                if done || page >= 1000 {
                    break;
                }
            }
            Ok(all)
        }
    }
    /// One catalogue item in full.
    fn item(&self, id: &str) -> impl Future<Output = Result<CatalogueItem, ApiError>> {
        self.get(format!(
            "/v1/catalogue/{}",
            crate::contract::url::percent_encode(id)
        ))
    }
    /// Active serta-merta announcements.
    fn announcements(&self) -> impl Future<Output = Result<AnnouncementList, ApiError>> {
        self.get("/v1/announcements".into())
    }
    /// Sends what a citizen submitted, serialised once by the caller (the same body waits in the
    /// outbox if this fails): a retry with the same key never creates a second one. The reply is
    /// raw, as the outbox keeps the receipt as the backend wrote it.
    fn submit(
        &self,
        kind: Submission,
        key: String,
        body: String,
    ) -> impl Future<Output = Result<RawReply, ApiError>> {
        self.send(Exchange {
            method: "POST",
            path: kind.path().to_owned(),
            idempotency_key: Some(key),
            body: Some(body),
            keep: true,
        })
    }
    /// Looks a request up by number and verifier.
    fn request_status(
        &self,
        lookup: &Lookup,
    ) -> impl Future<Output = Result<RequestStatus, ApiError>> {
        self.post("/v1/request-lookups", None, lookup)
    }
    /// Opens a request's status with its receipt's access token (the receipt's link), no verifier.
    fn request_access(
        &self,
        lookup: &AccessLookup,
    ) -> impl Future<Output = Result<RequestStatus, ApiError>> {
        self.post("/v1/request-access", None, lookup)
    }
    /// Looks an objection up.
    fn objection_status(
        &self,
        lookup: &Lookup,
    ) -> impl Future<Output = Result<ObjectionStatus, ApiError>> {
        self.post("/v1/objection-lookups", None, lookup)
    }
    /// Sends the satisfaction survey of a finished request; a retry with the same key is answered
    /// as the first send was.
    fn submit_survey(
        &self,
        key: &str,
        body: &SurveySubmission,
    ) -> impl Future<Output = Result<SurveyReceipt, ApiError>> {
        self.post("/v1/surveys", Some(key.to_owned()), body)
    }
    /// One page of the register of published requests, with the record of all that match.
    fn register(
        &self,
        query: &RegisterQuery,
    ) -> impl Future<Output = Result<RegisterPage, ApiError>> {
        let path = format!("/v1/register?{}", encode_register_query(query));
        let per_page = query.per_page;
        async move {
            let mut page: RegisterPage = self.get(path).await?;
            // As in the catalogue: a backend that ignores `per_page` must not flood the page.
            if let Some(n) = per_page {
                page.entries.truncate(n as usize);
            }
            Ok(page)
        }
    }
    /// One published request in full.
    fn register_entry(&self, id: &str) -> impl Future<Output = Result<RegisterEntry, ApiError>> {
        self.get(format!(
            "/v1/register/{}",
            crate::contract::url::percent_encode(id)
        ))
    }
    /// Service statistics.
    fn statistics(&self) -> impl Future<Output = Result<Statistics, ApiError>> {
        self.get("/v1/statistics".into())
    }

    /// GET and decode.
    fn get<T: FromJson>(&self, path: String) -> impl Future<Output = Result<T, ApiError>> {
        self.get_kept(path, true)
    }
    /// GET and decode; `keep`: [`Exchange::keep`].
    fn get_kept<T: FromJson>(
        &self,
        path: String,
        keep: bool,
    ) -> impl Future<Output = Result<T, ApiError>> {
        async move {
            decode(
                self.send(Exchange {
                    method: "GET",
                    path,
                    idempotency_key: None,
                    body: None,
                    keep,
                })
                .await?,
            )
        }
    }
    /// POST JSON and decode.
    fn post<T: FromJson, B: ToJson>(
        &self,
        path: &str,
        idempotency_key: Option<String>,
        body: &B,
    ) -> impl Future<Output = Result<T, ApiError>> {
        let body = crate::json::to_string(body);
        let path = path.to_owned();
        async move {
            let exchange = Exchange {
                method: "POST",
                path,
                idempotency_key,
                body: Some(body),
                keep: true,
            };
            decode(self.send(exchange).await?)
        }
    }
}

/// The adapter chosen by `config.json`.
#[derive(Clone)]
pub enum AnyBackend {
    Http(HttpBackend),
    Demo(DemoBackend),
}

impl Backend for AnyBackend {
    fn send(&self, exchange: Exchange) -> impl Future<Output = Result<RawReply, ApiError>> {
        // Boxed once here, so every typed call shares one transport state machine instead of
        // inlining both adapters into each call site (tens of kilobytes of wasm).
        let fut: futures::future::LocalBoxFuture<'_, Result<RawReply, ApiError>> = match self {
            AnyBackend::Http(b) => Box::pin(b.send(exchange)),
            AnyBackend::Demo(b) => Box::pin(b.send(exchange)),
        };
        let watched: futures::future::LocalBoxFuture<'_, Result<RawReply, ApiError>> =
            Box::pin(async move {
                let result = fut.await;
                report(&result);
                result
            });
        watched
    }
}

/// Accepts contract versions with our major version.
pub fn check_version(version: &str) -> Result<(), ApiError> {
    let major = version
        .trim()
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok());
    if major == Some(MAJOR_VERSION) {
        Ok(())
    } else {
        Err(ApiError::UnsupportedVersion(
            version.chars().take(20).collect(),
        ))
    }
}

/// Turns a raw answer into the contract type or a typed error. Never panics on any input.
pub fn decode<T: FromJson>(reply: RawReply) -> Result<T, ApiError> {
    if (200..300).contains(&reply.status) {
        return crate::json::from_str(&reply.body)
            .map_err(|_| ApiError::Contract("body does not decode"));
    }
    Err(failure(reply))
}

/// The typed error of an answer that is not a success. Not generic and not inlined: one copy
/// for every contract type `decode` is used with.
#[inline(never)]
fn failure(reply: RawReply) -> ApiError {
    let problem: Option<Problem> = crate::json::from_str(&reply.body).ok();
    let code = problem.as_ref().map(|p| p.code.as_str()).unwrap_or("");
    match (reply.status, code) {
        (_, problem_code::CALENDAR_YEAR_MISSING) => ApiError::CalendarYearMissing(None),
        (429, _) => {
            ApiError::RateLimited(reply.retry_after.or(problem.and_then(|p| p.retry_after)))
        }
        (409, _) => ApiError::Conflict,
        (404, _) => ApiError::NotFound,
        (400 | 422, _) => ApiError::Invalid(problem.map(|p| p.errors).unwrap_or_default()),
        (status @ 400..=499, _) => ApiError::Refused { status },
        (status, _) => ApiError::Server { status },
    }
}
