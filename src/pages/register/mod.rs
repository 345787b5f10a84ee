//! Register Permohonan: the requests the office has answered and published, searchable, with the
//! record of how they were answered, and each entry in full. Information given to one citizen is
//! public for everyone (UU 14/2008 Pasal 2(1)): a citizen reads the answer here before asking again.
//! Entries never carry the requester's identity; the backend publishes only what was asked and how
//! it was answered.

mod entry;
mod filters;
mod list;
mod record;

pub use entry::Entry;
pub use list::Register;

use crate::components::router::Location;
use crate::context::{use_portal, use_texts};
use crate::contract::url::{encode_register_query, percent_encode};
use crate::contract::{feature, FollowUp, Outcome, RegisterQuery, RegisterSort};
use crate::i18n::Texts;
use leptos::prelude::*;

/// Entries per page: each is several lines, and a phone scrolls ten of them comfortably.
const PER_PAGE: u32 = 10;

/// Whether the backend publishes a register (`register` in its features).
fn offered() -> bool {
    use_portal()
        .meta
        .with_value(|m| m.features.iter().any(|f| f == feature::REGISTER))
}

/// The register's query in the page's URL: `q`, `unit`, `outcome`, `year`, `sort=oldest`, `page`.
/// A value the portal cannot read is left out, so a mistyped link still lists the register.
fn query_from_url(l: &Location) -> RegisterQuery {
    RegisterQuery {
        q: l.param("q").filter(|s| !s.trim().is_empty()),
        unit: l.param("unit"),
        outcome: l.param("outcome").and_then(|o| Outcome::parse(&o)),
        year: l.param("year").and_then(|y| y.parse().ok()),
        sort: (l.param("sort").as_deref() == Some("oldest")).then_some(RegisterSort::Oldest),
        page: l
            .param("page")
            .and_then(|p| p.parse().ok())
            .filter(|p| *p > 1),
        per_page: None,
    }
}

/// The app path of the list for `q`, its page included.
fn list_href(q: &RegisterQuery) -> String {
    let query = encode_register_query(&RegisterQuery {
        per_page: None,
        ..q.clone()
    });
    if query.is_empty() {
        "/register".to_owned()
    } else {
        format!("/register?{query}")
    }
}

/// The app path of one entry.
fn entry_href(id: &str) -> String {
    format!("/register/{}", percent_encode(id))
}

/// "Ditolak: Pasal 17 huruf h — …" for a refusal with its letter, else the outcome alone.
fn outcome_words(t: &Texts, outcome: Outcome, pasal17: Option<&str>) -> String {
    match pasal17.filter(|l| !l.trim().is_empty()) {
        Some(letter) => format!("{}: {}", t.outcome(outcome), t.pasal17_words(letter)),
        None => t.outcome(outcome).to_owned(),
    }
}

/// "Keberatan: Dikabulkan" for a follow-up.
fn follow_up_words(t: &Texts, label: &str, f: &FollowUp) -> String {
    format!("{label}: {}", t.follow_up(f.result))
}

/// What `/register` and `/register/{id}` say on a backend without a register: plainly, no error.
#[component]
fn NotOffered() -> impl IntoView {
    let t = use_texts();
    view! {
        <h1>{t.reg_title()}</h1>
        <p class="not-offered">{t.reg_not_offered()}</p>
        <p><a href=crate::components::router::rooted("/informasi")>{t.nav_catalogue()}</a></p>
    }
}
