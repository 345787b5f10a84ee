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
