//! `config.json`: chosen at run time, so one build serves many regencies.

use super::{AnyBackend, ApiError, DemoBackend, HttpBackend};
use crate::domain::deployment::{choose_backend, BackendChoice, ConfigProblem};
use crate::json::json_struct;
use leptos::prelude::window;

/// The portal's run-time settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Base URL of a contract v1 backend, or `"demo"` for the embedded demo backend. Required: a
    /// site that names no backend shows the service-down page (`domain::deployment`).
    pub api_base: Option<String>,
    /// Milliseconds before a backend call is abandoned (default 15 000).
    pub timeout_ms: u32,
    /// Kiosk mode at an MPP counter.
    pub kiosk: bool,
    /// A kiosk for training officers, the only kind allowed on the demo backend.
    pub kiosk_training: bool,
    /// Kiosk mode: seconds without a touch before the idle warning (default 120).
    pub kiosk_idle_seconds: u32,
    /// Kiosk mode: seconds the warning counts down before everything is wiped (default 30).
    pub kiosk_warning_seconds: u32,
    /// Receipts printed on 58 or 80 mm thermal paper; `None` is the ordinary (A4) print layout.
    pub receipt_paper_mm: Option<u8>,
    /// The office's contact, shown when the backend cannot be reached.
    pub office: Option<OfficeContact>,
    /// The regency's branding: name, logo, colours, font scale (`domain::theme`).
    pub theme: std::rc::Rc<crate::domain::theme::Theme>,
}

/// Contact details that do not depend on the backend answering.
#[derive(Clone, Debug, Default)]
pub struct OfficeContact {
    pub name: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Office hours as one line of text, e.g. "Senin–Jumat 08.00–15.30".
    pub hours: Option<String>,
}

// Every setting may be left out of `config.json`; the office needs a name when it is given. A
// kiosk or theme setting that is wrong falls back to its default (`domain::kiosk`, `domain::theme`);
// the others are errors.
impl crate::json::FromJson for Config {
    fn from_json(value: &crate::json::Value) -> Result<Self, crate::json::Error> {
        use crate::domain::kiosk;
        let o = crate::json::Fields::of(value)?;
        let lenient = |key| o.get(key).ok().flatten();
        Ok(Config {
            api_base: o.or_default("api_base")?,
            timeout_ms: o.or_else("timeout_ms", default_timeout)?,
            kiosk: o.or_default("kiosk")?,
            kiosk_training: o.or_default("kiosk_training")?,
            kiosk_idle_seconds: kiosk::idle_seconds(lenient("kiosk_idle_seconds")),
            kiosk_warning_seconds: kiosk::warning_seconds(lenient("kiosk_warning_seconds")),
            receipt_paper_mm: kiosk::paper_mm(lenient("receipt_paper_mm")),
            office: o.or_default("office")?,
            theme: crate::domain::theme::Theme::from_json(lenient("theme")).into(),
        })
    }
}

json_struct!(decode OfficeContact {
    name: req,
    address: default,
    phone: default,
    email: default,
    hours: default,
});

fn default_timeout() -> u32 {
    15_000
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_base: None,
            timeout_ms: default_timeout(),
            kiosk: false,
            kiosk_training: false,
            kiosk_idle_seconds: crate::domain::kiosk::DEFAULT_IDLE_SECONDS,
            kiosk_warning_seconds: crate::domain::kiosk::DEFAULT_WARNING_SECONDS,
            receipt_paper_mm: None,
            office: None,
            theme: Default::default(),
        }
    }
}

impl Config {
    /// The adapter this configuration asks for, or why it cannot be used.
    pub fn backend(&self) -> Result<AnyBackend, ConfigProblem> {
        let https = window().location().protocol().is_ok_and(|p| p == "https:");
        Ok(
            match choose_backend(self.api_base.as_deref(), self.kiosk, self.kiosk_training, https)? {
                BackendChoice::Demo => {
                    AnyBackend::Demo(DemoBackend::new(resolve("demo-backend-client.js")))
                }
                BackendChoice::Http(base) => {
                    AnyBackend::Http(HttpBackend::new(&resolve(base), self.timeout_ms))
                }
            },
        )
    }
}

/// Resolves a URL relative to the portal's own root (where index.html and config.json live).
///
/// The root is the folder of the app's JavaScript (`boot.js` sets `ppidRoot` to it; older builds
/// have a `modulepreload` link), so the portal works under a sub-path without a `<base>` element,
/// which a strict CSP (`base-uri 'none'`) forbids.
pub fn resolve(url: &str) -> String {
    let root = app_root();
    match web_sys::Url::new_with_base(url, &root) {
        Ok(u) => u.href(),
        Err(_) => url.to_owned(),
    }
}

fn app_root() -> String {
    if let Some(root) = js_sys::Reflect::get(&js_sys::global(), &"ppidRoot".into())
        .ok()
        .and_then(|r| r.as_string())
    {
        return root;
    }
    let doc = web_sys::window().and_then(|w| w.document());
    let script = doc
        .as_ref()
        .and_then(|d| d.query_selector("link[rel=modulepreload]").ok().flatten())
        .and_then(|l| l.get_attribute("href"))
        .and_then(|href| {
            web_sys::Url::new_with_base(&href, &web_sys::window()?.location().href().ok()?).ok()
        });
    match script {
        Some(u) => {
            let href = u.href();
            href.rsplit_once('/')
                .map(|(dir, _)| format!("{dir}/"))
                .unwrap_or(href)
        }
        None => web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .map(|o| format!("{o}/"))
            .unwrap_or_default(),
    }
}

/// Why the portal could not start: its configuration, or the backend.
#[derive(Clone, Debug, PartialEq)]
pub enum BootError {
    Config(ConfigProblem),
    Api(ApiError),
}

/// Loads `config.json` beside `index.html`. A missing, unreadable or invalid file is a problem
/// to name on the service-down page, never a reason to run the demo: only `"api_base": "demo"`
/// does. A network failure is the backend's kind of error (the page tries again by itself).
pub async fn load_config() -> Result<Config, Result<ConfigProblem, ApiError>> {
    let reply = match super::fetch::early("ppidConfig").await {
        Some(reply) => reply,
        None => super::fetch::fetch("GET", &resolve("config.json"), &[], None, None, true)
            .await
            .map_err(Err)?,
    };
    match reply.status {
        200 => crate::json::from_str(&reply.body).map_err(|_| Ok(ConfigProblem::Invalid)),
        404 => Err(Ok(ConfigProblem::Missing)),
        _ => Err(Ok(ConfigProblem::Unreadable)),
    }
}
