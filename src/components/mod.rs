//! Shared building blocks: the shell (header, footer, announcements), error texts and panels, dates
//! on the office's clock, page titles.

pub mod access;
mod announcements;
pub mod attachment;
pub mod bars;
pub mod connection;
pub mod deadline;
mod errors;
pub mod fields;
pub mod files;
pub mod kiosk;
mod load;
pub mod lookup;
pub mod outbox;
mod panels;
pub mod router;
mod shell;
pub mod theme;
mod time;
pub mod update_banner;

pub use announcements::{Announcements, AnnouncementsFuture};
pub use errors::{error_text, ErrorPanel};
pub use load::{use_load, Load};
pub use panels::{LoadingLine, Row, WarningText};
pub use shell::{hours_zone, tel, weekday_span, Footer, Header};
pub use time::{format_instant, format_ms, office_zone, today};

use crate::context::use_texts;
use crate::contract::Meta;
use leptos::prelude::*;

/// Sets the document title to "`page` – Portal PPID" (or the theme's name), with "Galat: " first
/// when `error` is true.
pub fn use_title(page: impl Fn() -> (String, bool) + 'static) {
    let t = use_texts();
    let suffix = theme::brand().name;
    Effect::new(move || {
        let (title, error) = page();
        let prefix = if error { t.error_prefix() } else { "" };
        let suffix = suffix.as_deref().unwrap_or(t.doc_title_suffix());
        document().set_title(&format!("{prefix}{title} – {suffix}"));
    });
}

/// Records what the pages need of the backend's metadata outside any reactive owner: the office's
/// time zone (`deadline_rules.time_zone`) and the largest body it takes (`max_body_bytes`).
pub fn set_office_zone(meta: &Meta) {
    time::set_office_zone(meta);
    errors::set_max_body(meta);
}
