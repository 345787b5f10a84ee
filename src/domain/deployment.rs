//! What a deployment's `config.json` must say before the portal takes a citizen's data: a
//! misconfigured site fails loudly on the service-down page, never silently into the demo backend,
//! where citizens would receive real-looking registration numbers that never reach the office.

/// Which backend `config.json` chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackendChoice<'a> {
    /// `"api_base": "demo"`: the embedded demo backend, said in so many words.
    Demo,
    /// A contract v1 backend at this base URL (absolute, or relative to the portal).
    Http(&'a str),
}

/// Why a deployment's settings cannot be used; each is named on the service-down page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// No `config.json` beside `index.html` (404).
    Missing,
    /// `config.json` could not be fetched whole (another status than 200 or 404).
    Unreadable,
    /// `config.json` is not JSON, or a setting has the wrong type.
    Invalid,
    /// `config.json` names no backend (`api_base` absent or empty).
    NoBackend,
    /// An `http:` backend for a page served over `https:`: the browser would block every call, and
    /// a citizen's data must never travel unencrypted.
    Insecure,
    /// A kiosk on the demo backend without `"kiosk_training": true`: citizens at a counter would
    /// file requests that never reach the office.
    DemoKiosk,
    /// The page itself was not served over https (nor from the device itself): a NIK typed into
    /// it could be read on the way, and the browser withholds its cryptographic keys.
    InsecurePage,
}

/// The backend `api_base` chooses, or why it cannot be used. `page_https`: the portal's own page
/// was loaded over https.
pub fn choose_backend(
    api_base: Option<&str>,
    kiosk: bool,
    kiosk_training: bool,
    page_https: bool,
) -> Result<BackendChoice<'_>, ConfigProblem> {
    let base = api_base.map(str::trim).unwrap_or_default();
    if base.is_empty() {
        return Err(ConfigProblem::NoBackend);
    }
    if base == "demo" {
        return if kiosk && !kiosk_training {
            Err(ConfigProblem::DemoKiosk)
        } else {
            Ok(BackendChoice::Demo)
        };
    }
    let http = base
        .get(..5)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("http:"));
    if page_https && http {
        return Err(ConfigProblem::Insecure);
    }
    Ok(BackendChoice::Http(base))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_runs_only_when_named() {
        assert_eq!(choose_backend(Some("demo"), false, false, true), Ok(BackendChoice::Demo));
        assert_eq!(choose_backend(Some(" demo "), false, false, false), Ok(BackendChoice::Demo));
        for nothing in [None, Some(""), Some("   ")] {
            assert_eq!(
                choose_backend(nothing, false, false, true),
                Err(ConfigProblem::NoBackend),
                "{nothing:?}"
            );
        }
    }

    #[test]
    fn a_kiosk_runs_the_demo_only_for_training() {
        assert_eq!(
            choose_backend(Some("demo"), true, false, true),
            Err(ConfigProblem::DemoKiosk)
        );
        assert_eq!(choose_backend(Some("demo"), true, true, true), Ok(BackendChoice::Demo));
        assert_eq!(
            choose_backend(Some("/api"), true, false, true),
            Ok(BackendChoice::Http("/api"))
        );
    }

    #[test]
    fn an_https_page_never_talks_to_an_http_backend() {
        for insecure in ["http://ppid.example.go.id/api", "HTTP://x/api", " http://x "] {
            assert_eq!(
                choose_backend(Some(insecure), false, false, true),
                Err(ConfigProblem::Insecure),
                "{insecure}"
            );
            // A page served over http (a test machine, an office intranet) may.
            assert!(choose_backend(Some(insecure), false, false, false).is_ok());
        }
        for fine in ["https://ppid.example.go.id/api", "/api", "api", "//ppid.example.go.id/api"] {
            assert_eq!(
                choose_backend(Some(fine), false, false, true),
                Ok(BackendChoice::Http(fine)),
                "{fine}"
            );
        }
    }
}
