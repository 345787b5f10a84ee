//! Daftar Informasi Publik: search as you type and filters, all kept in the URL so a search can be
//! shared, reloaded and walked back. The backend searches when it advertises `catalogue_search`;
//! otherwise the portal fetches the catalogue once and searches it itself.

use crate::api::{ApiError, Backend};
use crate::components::fields::{use_search_box, FilterSelect};
use crate::components::router::{use_location, use_navigate, Location};
use crate::components::{use_load, use_title, ErrorPanel, LoadingLine};
use crate::context::{use_portal, use_texts};
use crate::contract::url::{encode_catalogue_query, percent_encode};
use crate::contract::{
    feature, CataloguePage, CatalogueQuery, CatalogueSort, CatalogueSummary, InformationClass, Unit,
};
use crate::domain::catalogue::CatalogueIndex;
use leptos::prelude::*;
use std::rc::Rc;

const PER_PAGE: u32 = 20;
const FORMATS: [&str; 5] = ["PDF", "XLSX", "CSV", "DOCX", "JPG"];

/// What the catalogue page needs besides the query: unit names and, for client search, the index.
/// Kept by the shell, so it outlives each visit to the page (see [`provide_catalogue_cache`]).
#[derive(Clone, Default)]
pub struct CatalogueCache {
    units: Option<Vec<Unit>>,
    index: Option<Rc<CatalogueIndex>>,
}

/// Keeps the catalogue's units and search index for the shell's lifetime. A context provided by the
/// page itself would outlive the page's own values and panic on the next visit.
pub fn provide_catalogue_cache() {
    provide_context(StoredValue::new_local(CatalogueCache::default()));
}

/// The query in the URL.
fn query_from_url(q: &Location) -> CatalogueQuery {
    CatalogueQuery {
        class: q.param("class").and_then(|c| InformationClass::parse(&c)),
        q: q.param("q").filter(|s| !s.trim().is_empty()),
        unit: q.param("unit").filter(|s| !s.is_empty()),
        year: q.param("year").and_then(|y| y.parse().ok()),
        format: q.param("format").filter(|s| !s.is_empty()),
        sort: (q.param("sort").as_deref() == Some("title")).then_some(CatalogueSort::Title),
        page: q
            .param("page")
            .and_then(|p| p.parse().ok())
            .filter(|p| *p > 1),
        per_page: None,
    }
}

/// The catalogue list.
#[component]
pub fn Catalogue() -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let url = use_location();
    let current = Memo::new(move |_| url.with(query_from_url));
    let server_search = portal
        .meta
        .with_value(|m| m.features.iter().any(|f| f == feature::CATALOGUE_SEARCH));
    let register = portal
        .meta
        .with_value(|m| m.features.iter().any(|f| f == feature::REGISTER));
    let cache = expect_context::<StoredValue<CatalogueCache, LocalStorage>>();
    use_title(move || (t.catalogue_title().into(), false));

    let units = use_load(move || {
        let backend = portal.backend.get_value();
        async move {
            if let Some(u) = cache.with_value(|c| c.units.clone()) {
                return u;
            }
            let u = backend.units().await.map(|l| l.units).unwrap_or_default();
            cache.update_value(|c| c.units = Some(u.clone()));
            u
        }
    });
    let results: Signal<Option<Result<CataloguePage, ApiError>>, LocalStorage> = if server_search {
        let load = use_load(move || {
            let q = CatalogueQuery {
                per_page: Some(PER_PAGE),
                ..current.get()
            };
            let backend = portal.backend.get_value();
            async move { backend.catalogue(&q).await }
        });
        Signal::derive_local(move || load.get())
    } else {
        let index = use_load(move || {
            let backend = portal.backend.get_value();
            async move {
                if let Some(ix) = cache.with_value(|c| c.index.clone()) {
                    return Ok(ix);
                }
                let all = backend.catalogue_all().await?;
                // The unit names the page already fetched, when it has them.
                let names = match cache.with_value(|c| c.units.clone()) {
                    Some(u) => u,
                    None => backend.units().await.map(|l| l.units).unwrap_or_default(),
                };
                let ix = Rc::new(CatalogueIndex::new(all, |id| {
                    names.iter().find(|u| u.id == id).map(|u| u.name.as_str())
                }));
                cache.update_value(|c| c.index = Some(ix.clone()));
                Ok(ix)
            }
        });
        Signal::derive_local(move || {
            let q = CatalogueQuery {
                per_page: Some(PER_PAGE),
                ..current.get()
            };
            index.get().map(|r| r.map(|ix| ix.query(&q)))
        })
    };

    view! {
        <h1>{t.catalogue_title()}</h1>
        <Filters current units=Signal::derive_local(move || units.get().unwrap_or_default())/>
        <p class="result-count" role="status">
            {move || match results.get() {
                Some(Ok(p)) => (t.results())(p.total),
                _ => String::new(),
            }}
        </p>
        {move || match results.get() {
            None => view! { <LoadingLine/> }.into_any(),
            Some(Err(e)) => view! { <ErrorPanel error=e on_retry=move || { let _ = leptos::prelude::window().location().reload(); }/> }.into_any(),
            Some(Ok(page)) => {
                let names = units.get().unwrap_or_default();
                view! { <Results page query=current.get() units=names register/> }.into_any()
            }
        }}
    }
}

/// Search box and filters. Typing updates the URL after a short pause (replacing the history
/// entry); a changed filter is a new history entry, so Back walks through them.
#[component]
fn Filters(current: Memo<CatalogueQuery>, units: Signal<Vec<Unit>, LocalStorage>) -> impl IntoView {
    let t = use_texts();
    let navigate = use_navigate();
    let go = move |q: CatalogueQuery, replace: bool| {
        let query = encode_catalogue_query(&CatalogueQuery { page: None, ..q });
        let href = if query.is_empty() {
            "/informasi".to_owned()
        } else {
            format!("/informasi?{query}")
        };
        navigate(&href, replace);
    };
    let (typed, on_input, on_submit) = use_search_box(
        current,
        go,
        |q| q.q.clone(),
        |q, words| CatalogueQuery { q: words, ..q },
    );
    let this_year = crate::components::today().year();
    let mut classes = vec![(String::new(), t.all_classes().to_owned())];
    classes.extend(
        InformationClass::ALL
            .iter()
            .map(|c| (c.as_str().to_owned(), t.class(*c).name.to_owned())),
    );
    let mut years = vec![(String::new(), t.all_years().to_owned())];
    years.extend(
        (this_year - 7..=this_year)
            .rev()
            .map(|y| (y.to_string(), y.to_string())),
    );
    let mut formats = vec![(String::new(), t.all_formats().to_owned())];
    formats.extend(FORMATS.iter().map(|f| (f.to_string(), f.to_string())));
    let sorts = vec![
        (String::new(), t.sort_newest().to_owned()),
        ("title".to_owned(), t.sort_title().to_owned()),
    ];
    view! {
        <form class="search" role="search" on:submit=on_submit>
            <div class="field search-box">
                <label for="search-q">{t.search_label()}</label>
                <p class="hint" id="search-q-hint">{t.search_hint()}</p>
                <input id="search-q" name="q" type="search" autocomplete="off" aria-describedby="search-q-hint"
                    prop:value=move || typed.get() on:input=on_input/>
            </div>
            <FilterSelect id="filter-class" label=t.filter_class() options=classes current go
                get=|q| q.class.map(|c| c.as_str().to_owned()).unwrap_or_default()
                set=|q, v| q.class = InformationClass::parse(&v)/>
            {move || {
                let mut options = vec![(String::new(), t.all_units().to_owned())];
                options.extend(units.get().into_iter().map(|u| (u.id, u.name)));
                view! {
                    <FilterSelect id="filter-unit" label=t.filter_unit() options current go
                        get=|q| q.unit.clone().unwrap_or_default()
                        set=|q, v| q.unit = Some(v).filter(|v| !v.is_empty())/>
                }
            }}
            <FilterSelect id="filter-year" label=t.filter_year() options=years current go
                get=|q| q.year.map(|y| y.to_string()).unwrap_or_default()
                set=|q, v| q.year = v.parse().ok()/>
            <FilterSelect id="filter-format" label=t.filter_format() options=formats current go
                get=|q| q.format.clone().unwrap_or_default()
                set=|q, v| q.format = Some(v).filter(|v| !v.is_empty())/>
            <FilterSelect id="filter-sort" label=t.sort_label() options=sorts current go
                get=|q| if q.sort == Some(CatalogueSort::Title) { "title".into() } else { String::new() }
                set=|q, v| q.sort = (v == "title").then_some(CatalogueSort::Title)/>
            <button type="submit" class="button">{t.search_button()}</button>
            <a href=crate::components::router::rooted("/informasi") class="clear-filters">{t.clear_filters()}</a>
        </form>
    }
}

/// One page of results, and with `register` (the backend publishes one) the published answers to
/// requests searched for the same words: what a citizen looks for may have been asked and answered.
#[component]
fn Results(
    page: CataloguePage,
    query: CatalogueQuery,
    units: Vec<Unit>,
    register: bool,
) -> impl IntoView {
    let t = use_texts();
    let pages = page.total.div_ceil(page.per_page.max(1)).max(1);
    let (request_href, register_href) = match &query.q {
        Some(q) => {
            let q = percent_encode(q);
            (format!("/permohonan?q={q}"), format!("/register?q={q}"))
        }
        None => ("/permohonan".to_owned(), "/register".to_owned()),
    };
    // A page past the last one (an old link) leads to the last page; no match at all, to a request.
    let (empty, empty_href, empty_link) = if page.total > 0 && page.page > pages {
        ((t.page_past_end())(pages), page_href(&query, pages), t.last_page())
    } else {
        (t.no_results().to_owned(), request_href, t.no_results_request())
    };
    view! {
        {page.items.is_empty().then(|| view! {
            <div class="panel">
                <p>{empty}</p>
                <p><a href=crate::components::router::rooted(&empty_href)>{empty_link}</a></p>
            </div>
        })}
        <ul class="results">
            {page
                .items
                .into_iter()
                .map(|i| {
                    let unit = units.iter().find(|u| u.id == i.unit_id).map(|u| u.name.clone());
                    view! { <ResultItem item=i unit/> }
                })
                .collect_view()}
        </ul>
        <Pager query page=page.page pages/>
        {register.then(|| view! {
            <p class="register-link">
                {t.reg_link_lead()} " " <a href=crate::components::router::rooted(&register_href)>{t.reg_link()}</a>
            </p>
        })}
    }
}

#[component]
fn ResultItem(item: CatalogueSummary, unit: Option<String>) -> impl IntoView {
    let t = use_texts();
    let class = item.class;
    let today = crate::components::today();
    let stale = class == InformationClass::Berkala
        && crate::domain::date::Date::parse(&item.updated_on)
            .is_some_and(|d| crate::domain::catalogue::is_stale(d, today));
    view! {
        <li class="result">
            <h2><a href=crate::components::router::rooted(&format!("/informasi/{}", percent_encode(&item.id)))>{item.title.clone()}</a></h2>
            <p class="result-meta">
                <span class=format!("tag {}", class.as_str())>{t.class(class).name}</span>
                " · " {unit.map(|u| format!("{u} · "))} {item.year} " · " {t.updated_on()} " " {t.date_str(&item.updated_on)}
            </p>
            {stale.then(|| view! { <p class="stale">{t.stale()}</p> })}
            <p>{item.summary.clone()}</p>
        </li>
    }
}

#[component]
fn Pager(query: CatalogueQuery, page: u32, pages: u32) -> impl IntoView {
    let t = use_texts();
    let href = move |p: u32| page_href(&query, p);
    // Past the last page the results' panel leads back instead.
    (pages > 1 && page <= pages).then(|| {
        view! {
            <nav class="pager" aria-label=(t.page_of())(page, pages)>
                {(page > 1).then(|| view! { <a href=crate::components::router::rooted(&href(page - 1)) rel="prev">{t.previous_page()}</a> })}
                <span>{(t.page_of())(page, pages)}</span>
                {(page < pages).then(|| view! { <a href=crate::components::router::rooted(&href(page + 1)) rel="next">{t.next_page()}</a> })}
            </nav>
        }
    })
}

/// The list's address for page `p` of `query`.
fn page_href(query: &CatalogueQuery, p: u32) -> String {
    let q = CatalogueQuery {
        page: (p > 1).then_some(p),
        per_page: None,
        ..query.clone()
    };
    let query = encode_catalogue_query(&q);
    if query.is_empty() {
        "/informasi".to_owned()
    } else {
        format!("/informasi?{query}")
    }
}
