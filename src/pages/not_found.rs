//! 404.

use crate::components::use_title;
use crate::context::use_texts;
use leptos::prelude::*;

/// The page for an address the portal does not have.
#[component]
pub fn NotFound() -> impl IntoView {
    let t = use_texts();
    use_title(move || (t.not_found_title().into(), false));
    view! {
        <h1>{t.not_found_title()}</h1>
        <p>{t.not_found_body()}</p>
        <p><a href=crate::components::router::rooted("/")>{t.go_home()}</a></p>
    }
}
