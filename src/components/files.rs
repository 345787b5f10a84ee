//! A backend's files as links: only safe URLs, each with its type and size in words a citizen reads.

use crate::contract::CatalogueFile;
use leptos::prelude::*;

/// The list of a backend's files (an item's, an event's, an answer's): a link to each one with a
/// safe URL, with its type and size.
#[component]
pub fn FileList(files: Vec<CatalogueFile>) -> impl IntoView {
    view! {
        <ul class="files">
            {files
                .into_iter()
                .filter(|f| is_safe_url(&f.url))
                .map(|f| {
                    let kind = file_kind(&f.name, &f.media_type);
                    view! {
                        <li>
                            <a href=f.url.clone() rel="noopener">{f.name.clone()}</a>
                            " (" {kind} ", " {human_size(f.size_bytes)} ")"
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// A short file type for citizens: the name's extension ("XLSX"), else a short media subtype ("PDF").
fn file_kind(name: &str, media_type: &str) -> String {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e)
        .filter(|e| (2..=5).contains(&e.len()) && e.bytes().all(|b| b.is_ascii_alphanumeric()));
    let sub = media_type
        .rsplit('/')
        .next()
        .filter(|s| (2..=5).contains(&s.len()));
    ext.or(sub).unwrap_or("?").to_ascii_uppercase()
}

/// Only http(s) links from the backend become links; `javascript:` and the like never do.
fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with('/')
}

/// "2.4 MB", "512 KB" (integer arithmetic: float formatting costs kilobytes of wasm).
fn human_size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1000).max(1))
    }
}
