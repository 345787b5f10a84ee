//! One DIP row in full; for excepted items, why it is withheld, never its content.

use crate::api::{ApiError, Backend};
use crate::components::files::FileList;
use crate::components::today;
use crate::components::{use_load, use_title, ErrorPanel, LoadingLine, Row};
use crate::context::{use_portal, use_texts};
use crate::contract::url::percent_encode;
use crate::contract::{CatalogueItem, Exemption, InformationClass, InformationForm};
use crate::domain::catalogue::is_stale;
use crate::domain::date::Date;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The item page.
#[component]
pub fn Item(id: String) -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let item = use_load(move || {
        let id = id.clone();
        let backend = portal.backend.get_value();
        async move {
            let item = backend.item(&id).await?;
            let units = backend.units().await.map(|u| u.units).unwrap_or_default();
            let unit = units
                .into_iter()
                .find(|u| u.id == item.unit_id)
                .map(|u| u.name);
            Ok::<_, ApiError>((item, unit))
        }
    });
    use_title(move || match item.get() {
        Some(Ok((i, _))) => (i.title, false),
        Some(Err(ApiError::NotFound)) => (t.not_found_title().into(), true),
        _ => (t.catalogue_title().into(), false),
    });
    view! {
        <p><a href=crate::components::router::rooted("/informasi") class="back-link">{t.back_to_catalogue()}</a></p>
        {move || match item.get() {
            None => view! { <LoadingLine/> }.into_any(),
            Some(Err(ApiError::NotFound)) => view! {
                <h1>{t.not_found_title()}</h1>
                <p>{t.not_found_body()}</p>
            }.into_any(),
            Some(Err(e)) => view! {
                // The page keeps a title a screen reader can land on.
                <h1>{t.catalogue_title()}</h1>
                <ErrorPanel error=e on_retry=move || item.refetch()/>
            }
            .into_any(),
            Some(Ok((i, unit))) => view! { <ItemDetail item=i unit/> }.into_any(),
        }}
    }
}

#[component]
fn ItemDetail(item: CatalogueItem, unit: Option<String>) -> impl IntoView {
    let t = use_texts();
    let class = item.class;
    let mut forms: Vec<&str> = Vec::new();
    // A form a newer backend added is named in neutral words, once however many there are.
    for f in &item.forms {
        let name = match f {
            InformationForm::Softcopy => t.form_softcopy(),
            InformationForm::Hardcopy => t.form_hardcopy(),
            InformationForm::Unknown => t.form_other(),
        };
        if !forms.contains(&name) {
            forms.push(name);
        }
    }
    let has_forms = !forms.is_empty();
    for f in &item.formats {
        // "Hardcopy" listed as a format repeats the form already shown in words.
        let is_form = f.eq_ignore_ascii_case("hardcopy") || f.eq_ignore_ascii_case("softcopy");
        if !(has_forms && is_form) && !forms.iter().any(|x| x.eq_ignore_ascii_case(f)) {
            forms.push(f);
        }
    }
    let forms = forms.join(", ");
    let made = [item.made_when.clone(), item.made_where.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let excepted = class == InformationClass::Dikecualikan;
    let stale = class == InformationClass::Berkala
        && Date::parse(&item.updated_on).is_some_and(|d| is_stale(d, today()));
    let request_href = format!(
        "/permohonan?item={}&unit={}",
        percent_encode(&item.id),
        percent_encode(&item.unit_id)
    );
    view! {
        <h1>{item.title.clone()}</h1>
        <p class="result-meta">
            <span class=format!("tag {}", class.as_str())>{t.class(class).name}</span>
            " · " {t.updated_on()} " " {t.date_str(&item.updated_on)}
        </p>
        {stale.then(|| view! { <p class="stale">{t.stale()}</p> })}
        <dl class="summary-list">
            <Row label=t.item_dip_number() value=item.dip_number.clone()/>
            <Row label=t.item_summary() value=Some(item.summary.clone())/>
            <Row label=t.item_unit() value=unit/>
            <Row label=t.item_official() value=item.holding_official.clone()/>
            <Row label=t.item_responsible() value=item.responsible.clone()/>
            <Row label=t.item_made() value=Some(made)/>
            <Row label=t.item_form() value=Some(forms)/>
            <Row label=t.item_retention() value=item.retention.clone()/>
        </dl>
        {match (excepted, item.exemption.clone()) {
            (true, Some(ex)) => view! { <ExemptionPanel ex request_href/> }.into_any(),
            _ => view! {
                <Files files=item.files.clone()/>
                <p><a class="button" href=crate::components::router::rooted(&request_href)>{t.item_request()}</a></p>
            }.into_any(),
        }}
        <Share title=item.title.clone()/>
    }
}

/// Share this page: a WhatsApp link and a copy-link button.
#[component]
fn Share(title: String) -> impl IntoView {
    let t = use_texts();
    let url = window().location().href().unwrap_or_default();
    let whatsapp = format!(
        "https://wa.me/?text={}",
        percent_encode(&format!("{title} {url}"))
    );
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let url = url.clone();
        let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into()).ok();
        let write = clipboard
            .as_ref()
            .and_then(|c| js_sys::Reflect::get(c, &"writeText".into()).ok());
        if let (Some(c), Some(f)) = (
            clipboard,
            write.and_then(|f| f.dyn_into::<js_sys::Function>().ok()),
        ) {
            let _ = f.call1(&c, &url.into());
            copied.set(true);
        }
    };
    view! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title">{t.share_title()}</h2>
            <p>
                <a href=whatsapp rel="noopener" target="_blank">{t.share_whatsapp()}</a>
                " "
                <button type="button" class="button secondary" on:click=copy>{t.copy_link()}</button>
            </p>
            <p role="status">{move || copied.get().then_some(t.link_copied())}</p>
        </section>
    }
}

#[component]
fn Files(files: Vec<crate::contract::CatalogueFile>) -> impl IntoView {
    let t = use_texts();
    view! {
        <h2>{t.item_files()}</h2>
        {files.is_empty().then(|| view! { <p>{t.item_no_files()}</p> })}
        <FileList files/>
    }
}

/// Why an item is withheld, and what the citizen can still do: an exemption is the PPID's
/// judgement on a request, so the way in is a request first (the PPID weighs it again, may give
/// part of it or the whole once the exemption ends) and an objection only if that is refused
/// (Pasal 35(1) huruf a).
#[component]
fn ExemptionPanel(ex: Exemption, request_href: String) -> impl IntoView {
    let t = use_texts();
    let letter = ex.pasal17.clone();
    let ends = ex.ends_on.clone();
    view! {
        <section class="panel exemption" aria-labelledby="exemption-title">
            <h2 id="exemption-title">{t.exemption_title()}</h2>
            <dl class="summary-list">
                <div class="row"><dt>{t.exemption_basis()}</dt><dd>{t.pasal17_words(&letter)}</dd></div>
                <div class="row"><dt>{t.exemption_test()}</dt><dd>{ex.consequence_test.clone()}</dd></div>
                <div class="row"><dt>{t.exemption_period()}</dt><dd>{ex.period.clone()}</dd></div>
                <div class="row">
                    <dt>{t.exemption_ends()}</dt>
                    <dd>{move || ends.as_deref().map(|d| t.date_str(d)).unwrap_or_else(|| t.exemption_no_end().into())}</dd>
                </div>
            </dl>
            <p>{t.exemption_content_withheld()}</p>
            <p>{t.exemption_may_request()}</p>
            <p><a class="button" href=crate::components::router::rooted(&request_href)>{t.item_request()}</a></p>
            <p><a href=crate::components::router::rooted("/keberatan")>{t.exemption_objection_link()}</a></p>
        </section>
    }
}
