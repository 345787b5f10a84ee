//! The portal's pages by path, and the wasm bundle each page is in. Plain Rust, so that a host test
//! (`tests/bundles.rs`) holds it to `bundles.json`, the table the boot script picks a bundle by.

use super::draft::Step;

/// The pages, by path. Re-renders only when the page changes, not when its query does.
#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    Home,
    Catalogue,
    Item(String),
    Request,
    RequestStep(Step),
    RequestSent,
    Status,
    Objection,
    Dispute,
    ObjectionForm,
    About,
    Statistics,
    /// The register of published requests, and one entry of it.
    Register,
    RegisterEntry(String),
    NotFound,
}

impl Page {
    /// The page at an app path's segments (decoded, the base stripped).
    pub fn from_segments(segments: &[String]) -> Page {
        match segments
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [] => Page::Home,
            ["informasi"] => Page::Catalogue,
            ["informasi", id] => Page::Item((*id).to_owned()),
            ["permohonan"] => Page::Request,
            ["permohonan", "terkirim"] => Page::RequestSent,
            ["permohonan", slug] => Step::from_slug(slug).map_or(Page::NotFound, Page::RequestStep),
            ["status"] => Page::Status,
            ["keberatan"] => Page::Objection,
            ["keberatan", "sengketa"] => Page::Dispute,
            ["keberatan", "ajukan"] => Page::ObjectionForm,
            ["tentang"] => Page::About,
            ["statistik"] => Page::Statistics,
            ["register"] => Page::Register,
            ["register", id] => Page::RegisterEntry((*id).to_owned()),
            _ => Page::NotFound,
        }
    }

    /// The page at an app path (`/permohonan/identitas?ubah=1`): its query and fragment ignored,
    /// its segments taken as written.
    pub fn from_path(path: &str) -> Page {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        Page::from_segments(&segments)
    }

    /// The bundle this page is in: `/permohonan...` are the forms, `/keberatan...` the objection
    /// bundle, `/status` its own, the dispute route its own, the service's public record (`/register`,
    /// `/statistik` and `/tentang`) its own, everything else (not-found included) the main one.
    pub fn bundle(&self) -> BundleName {
        match self {
            Page::Request | Page::RequestStep(_) | Page::RequestSent => BundleName::Forms,
            Page::Objection | Page::ObjectionForm => BundleName::Objection,
            Page::Status => BundleName::Status,
            // Not with the status page: a citizen looking a request up does not pay for it (about
            // 11 KB brotli), and one following an objection up needs nothing else.
            Page::Dispute => BundleName::Dispute,
            // What the office publishes about its own service: the charter, the figures, the
            // requests it answered. Home and the catalogue do not carry them (about 5 KB brotli),
            // nor does the status lookup (the statistics, about 13 KB).
            Page::Register | Page::RegisterEntry(_) | Page::About | Page::Statistics => {
                BundleName::Register
            }
            _ => BundleName::Portal,
        }
    }
}

/// Which bundle a page is in (the same paths the boot script sends to each, by `bundles.json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BundleName {
    Portal,
    Forms,
    Objection,
    Status,
    Dispute,
    Register,
}

impl BundleName {
    /// Every bundle a page can be in.
    pub const ALL: [BundleName; 6] = [
        BundleName::Portal,
        BundleName::Forms,
        BundleName::Objection,
        BundleName::Status,
        BundleName::Dispute,
        BundleName::Register,
    ];

    /// Its wasm's name: the binary in Cargo.toml, the `data-bin` in index.html, the row in `bundles.json`.
    pub fn wasm(self) -> &'static str {
        match self {
            BundleName::Portal => "ppid-portal",
            BundleName::Forms => "ppid-forms",
            BundleName::Objection => "ppid-objection",
            BundleName::Status => "ppid-status",
            BundleName::Dispute => "ppid-dispute",
            BundleName::Register => "ppid-register",
        }
    }
}
