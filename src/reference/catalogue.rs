//! The catalogue (DIP) and the serta-merta announcements.

use super::replies::{ok, problem};
use super::{Reference, Reply};
use crate::contract::url::parse_catalogue_query;
use crate::contract::{problem_code, Announcement, AnnouncementList};
use crate::domain::date::LocalTime;

impl Reference {
    pub(super) fn catalogue(&self, raw_query: &str) -> Reply {
        let q = match parse_catalogue_query(raw_query) {
            Ok(q) => q,
            Err(e) => return problem(400, problem_code::VALIDATION, "Invalid query", vec![e]),
        };
        ok(&self.index.query(&q))
    }

    pub(super) fn announcements(&self, now: LocalTime) -> Reply {
        let active = |a: &&Announcement| {
            let started =
                LocalTime::parse_rfc3339(&a.issued_at).is_some_and(|t| t.unix_ms <= now.unix_ms);
            let ended = a
                .expires_at
                .as_deref()
                .and_then(LocalTime::parse_rfc3339)
                .is_some_and(|t| t.unix_ms <= now.unix_ms);
            started && !ended
        };
        ok(&AnnouncementList {
            announcements: self
                .seed
                .announcements
                .iter()
                .filter(active)
                .cloned()
                .collect(),
        })
    }
}
