//! Daftar Informasi Publik: search and filter by class; all state lives in the URL.

use crate::api::Backend;
use crate::app::{use_portal, use_texts};
use crate::components::{use_load, use_title, ErrorPanel, LoadingLine};
use crate::contract::{CatalogueQuery, CatalogueSummary, InformationClass};
use crate::reference::{encode_catalogue_query, percent_encode};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

const PER_PAGE: u32 = 20;

/// The catalogue list.
#[component]
pub fn Catalogue() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let query = use_query_map();
    let current = Memo::new(move |_| {
        let q = query.read();
        CatalogueQuery {
            class: q.get("class").and_then(|c| InformationClass::parse(&c)),
            q: q.get("q").filter(|s| !s.trim().is_empty()),
            page: q
                .get("page")
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1),
            per_page: Some(PER_PAGE),
            ..Default::default()
        }
    });
    use_title(move || (t.catalogue_title.into(), false));
    let results = use_load(move || {
        let q = current.get();
        let backend = portal.backend.get_value();
        async move { backend.catalogue(&q).await }
    });
    let navigate = use_navigate();
    let search = NodeRef::<leptos::html::Input>::new();
    let class = NodeRef::<leptos::html::Select>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = CatalogueQuery {
            q: search
                .get()
                .map(|i| i.value())
                .filter(|s| !s.trim().is_empty()),
            class: class
                .get()
                .and_then(|s| InformationClass::parse(&s.value())),
            ..Default::default()
        };
        navigate(
            &format!("/informasi?{}", encode_catalogue_query(&q)),
            Default::default(),
        );
    };
    view! {
        <h1>{t.catalogue_title}</h1>
        <form class="search" role="search" on:submit=on_submit>
            <div class="field">
                <label for="search-q">{t.search_label}</label>
                <input id="search-q" name="q" type="search" node_ref=search prop:value=move || current.get().q.unwrap_or_default()/>
            </div>
            <div class="field">
                <label for="search-class">{t.filter_class}</label>
                <select id="search-class" name="class" node_ref=class prop:value=move || current.get().class.map(|c| c.as_str()).unwrap_or("")>
                    <option value="">{t.all_classes}</option>
                    {InformationClass::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.as_str()>{t.class(c).name}</option> })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{t.search_button}</button>
        </form>
        {move || match results.get() {
            None => view! { <LoadingLine/> }.into_any(),
            Some(Err(e)) => view! { <ErrorPanel error=e on_retry=move || results.refetch()/> }.into_any(),
            Some(Ok(page)) => {
                let q = current.get();
                let pages = page.total.div_ceil(page.per_page.max(1)).max(1);
                view! {
                    <p class="result-count" role="status">{(t.results)(page.total)}</p>
                    {(page.items.is_empty()).then(|| view! {
                        <div class="panel">
                            <p>{t.no_results}</p>
                            <p><a href="/permohonan">{t.no_results_request}</a></p>
                        </div>
                    })}
                    <ul class="results">
                        {page.items.into_iter().map(|i| view! { <ResultItem item=i/> }).collect_view()}
                    </ul>
                    <Pager query=q page=page.page pages/>
                }
                .into_any()
            }
        }}
    }
}

#[component]
fn ResultItem(item: CatalogueSummary) -> impl IntoView {
    let t = use_texts();
    let class = item.class;
    view! {
        <li class="result">
            <h2><a href=format!("/informasi/{}", percent_encode(&item.id))>{item.title.clone()}</a></h2>
            <p class="result-meta">
                <span class=format!("tag {}", class.as_str())>{t.class(class).name}</span>
                " · " {item.year} " · " {t.updated_on} " " {t.date_str(&item.updated_on)}
            </p>
            <p>{item.summary.clone()}</p>
        </li>
    }
}

#[component]
fn Pager(query: CatalogueQuery, page: u32, pages: u32) -> impl IntoView {
    let t = use_texts();
    let href = move |p: u32| {
        let q = CatalogueQuery {
            page: Some(p),
            per_page: None,
            ..query.clone()
        };
        format!("/informasi?{}", encode_catalogue_query(&q))
    };
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=(t.page_of)(page, pages)>
                {(page > 1).then(|| view! { <a href=href(page - 1)>{t.previous_page}</a> })}
                <span>{(t.page_of)(page, pages)}</span>
                {(page < pages).then(|| view! { <a href=href(page + 1)>{t.next_page}</a> })}
            </nav>
        }
    })
}
