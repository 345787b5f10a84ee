//! 404.

use crate::app::use_texts;
use crate::components::use_title;
use leptos::prelude::*;
use leptos_router::components::A;

/// The page for an address the portal does not have.
#[component]
pub fn NotFound() -> impl IntoView {
    let t = use_texts();
    use_title(move || (t().not_found_title.into(), false));
    view! {
        <h1>{move || t().not_found_title}</h1>
        <p>{move || t().not_found_body}</p>
        <p><A href="/">{move || t().go_home}</A></p>
    }
}
