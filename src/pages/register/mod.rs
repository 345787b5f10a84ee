//! Register Permohonan: the requests the office has answered and published, searchable, with the
//! record of how they were answered, and each entry in full. Information given to one citizen is
//! public for everyone (UU 14/2008 Pasal 2(1)): a citizen reads it here before asking again.

use crate::components::use_title;
use crate::context::use_texts;
use leptos::prelude::*;

/// The register's list.
#[component]
pub fn Register() -> impl IntoView {
    let t = use_texts();
    use_title(move || (t.loading().into(), false));
    view! { <h1>{t.loading()}</h1> }
}

/// One entry of the register.
#[component]
pub fn Entry(id: String) -> impl IntoView {
    let t = use_texts();
    use_title(move || (t.loading().into(), false));
    view! { <h1>{id}</h1> }
}
