//! Beranda: the four classes of public information, with counts.

use crate::api::Backend;
use crate::components::{use_load, use_title, ErrorPanel};
use crate::context::{use_portal, use_texts};
use crate::contract::{CatalogueQuery, ClassCounts, InformationClass};
use leptos::prelude::*;

/// The landing page.
#[component]
pub fn Home() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    use_title(move || (t.home_title().into(), false));
    let counts = use_load(move || {
        let backend = portal.backend.get_value();
        async move {
            backend
                .catalogue(&CatalogueQuery {
                    per_page: Some(1),
                    ..Default::default()
                })
                .await
                .map(|p| p.class_counts)
        }
    });
    view! {
        <h1>{t.home_title()}</h1>
        <p class="lead">{t.home_intro()}</p>
        {move || match counts.get() {
            Some(Err(e)) => view! { <ErrorPanel error=e on_retry=move || counts.refetch()/> }.into_any(),
            other => {
                let c = other.and_then(Result::ok);
                view! { <ClassCards counts=c/> }.into_any()
            }
        }}
        <section class="panel" aria-labelledby="home-request">
            <h2 id="home-request">{t.home_request_title()}</h2>
            <p>{t.home_request_body()}</p>
            <p><a href=crate::components::router::rooted("/permohonan") class="button">{t.nav_request()}</a></p>
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
                            <h2 id=id>{t.class(c).name}</h2>
                            <p>{t.class(c).what}</p>
                            {counts.map(|n| view! { <p class="count">{(t.item_count())(n.get(c))}</p> })}
                            <a href=crate::components::router::rooted(&format!("/informasi?class={}", c.as_str())) aria-describedby=described_by>
                                {t.see_class()}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
