//! Beranda: the four classes of public information, with counts.

use crate::api::Backend;
use crate::app::{use_portal, use_texts};
use crate::components::{use_title, ErrorPanel};
use crate::contract::{CatalogueQuery, ClassCounts, InformationClass};
use leptos::prelude::*;
use leptos_router::components::A;

/// The landing page.
#[component]
pub fn Home() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    use_title(move || (t().home_title.into(), false));
    let counts = LocalResource::new(move || {
        let backend = portal.backend.get_value();
        async move { backend.catalogue(&CatalogueQuery { per_page: Some(1), ..Default::default() }).await.map(|p| p.class_counts) }
    });
    view! {
        <h1>{move || t().home_title}</h1>
        <p class="lead">{move || t().home_intro}</p>
        {move || match counts.get() {
            Some(Err(e)) => view! { <ErrorPanel error=e on_retry=move || counts.refetch()/> }.into_any(),
            other => {
                let c = other.and_then(Result::ok);
                view! { <ClassCards counts=c/> }.into_any()
            }
        }}
        <section class="panel" aria-labelledby="home-request">
            <h2 id="home-request">{move || t().home_request_title}</h2>
            <p>{move || t().home_request_body}</p>
            <p><A href="/permohonan" attr:class="button">{move || t().nav_request}</A></p>
        </section>
    }
}

#[component]
fn ClassCards(counts: Option<ClassCounts>) -> impl IntoView {
    let t = use_texts();
    view! {
        <ul class="class-cards">
            {InformationClass::ALL
                .into_iter()
                .map(|c| {
                    let id = format!("class-{}", c.as_str());
                    let described_by = id.clone();
                    view! {
                        <li class=format!("class-card {}", c.as_str())>
                            <h2 id=id>{move || t().class(c).name}</h2>
                            <p>{move || t().class(c).what}</p>
                            {counts.map(|n| view! { <p class="count">{move || (t().item_count)(n.get(c))}</p> })}
                            <A href=format!("/informasi?class={}", c.as_str()) attr:aria-describedby=described_by>
                                {move || t().see_class}
                            </A>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
