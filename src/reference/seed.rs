//! The demo data set: a fictional regency, loaded from `seed.json`.

use crate::contract::*;
use serde::{Deserialize, Serialize};

/// Everything a reference backend starts with.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Seed {
    pub meta: Meta,
    pub calendars: Vec<Calendar>,
    pub units: Vec<Unit>,
    pub catalogue: Vec<CatalogueItem>,
    pub announcements: Vec<Announcement>,
    pub statistics: Statistics,
    /// Requests already in the system, so status pages have something to show.
    #[serde(default)]
    pub requests: Vec<StoredRequest>,
    #[serde(default)]
    pub objections: Vec<StoredObjection>,
    /// What new request numbers start with, before the year and the serial (`PPID-` when absent:
    /// `PPID-2026-000201`). An office may issue letter numbers with `/`, spaces or `#` in them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_number_prefix: Option<String>,
}

/// A request as the backend keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredRequest {
    pub receipt: RequestReceipt,
    pub submission: RequestSubmission,
    pub events: Vec<RequestEvent>,
    #[serde(default)]
    pub objections: Vec<String>,
    /// The requester's satisfaction answer, once given (only the rating and the comment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey: Option<StoredSurvey>,
    /// What the office wrote for the register, personal data removed. Published only when the
    /// requester allowed it (`submission.publish`) and a written notice was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<Publication>,
}

impl StoredRequest {
    /// The register entry this request is, if it is published: the requester said yes, the
    /// office wrote its published text, and a written notice was given.
    pub fn register_id(&self) -> Option<&str> {
        let p = self.publication.as_ref()?;
        let noticed = self.events.iter().any(|e| e.kind == EventKind::Notice);
        (self.submission.publish && noticed).then_some(p.id.as_str())
    }
}

/// A request as the office publishes it in the register. The requester's identity is never
/// here: the office rewrites what was asked without names, numbers or addresses of anyone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    /// The entry's public id (`R-2026-0007`), never the request's registration number.
    pub id: String,
    /// The information requested, in the office's published words.
    pub information: String,
    /// The decision in the office's published words (a refusal's reasons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_summary: Option<String>,
    /// The documents released, as published (never the notice letter, which names the requester).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<CatalogueFile>,
    /// The catalogue item the released information became, if the office added it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue_item_id: Option<String>,
    /// An objection the journal has no record of (filed before it), as the office recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objection: Option<FollowUp>,
    /// A dispute at the Komisi Informasi: the backend records its outcome, it does not run it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<FollowUp>,
}

/// A satisfaction answer as the backend keeps it: nothing about the person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredSurvey {
    pub rating: u8,
    #[serde(default)]
    pub comment: Option<String>,
    pub received_at: DateTimeString,
}

/// An objection as the backend keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredObjection {
    pub receipt: ObjectionReceipt,
    pub submission: ObjectionSubmission,
    #[serde(default)]
    pub answer: Option<ObjectionAnswer>,
}

/// The demo data set, built into native binaries (the reference server, tests).
/// The browser fetches the same file (`seed.json` beside `index.html`) only in demo mode,
/// so a regency running its own backend never downloads it.
#[cfg(not(target_arch = "wasm32"))]
pub const DEMO_SEED_JSON: &str = include_str!("seed.json");

#[cfg(not(target_arch = "wasm32"))]
impl Seed {
    /// Parses the built-in demo data set.
    pub fn demo() -> Result<Seed, serde_json::Error> {
        serde_json::from_str(DEMO_SEED_JSON)
    }
}
