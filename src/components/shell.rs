//! The shell around every page: the header (identity, navigation, language switch) and the footer
//! (contact and office hours).

use super::{access, router, theme};
use crate::context::use_texts;
use crate::contract::Meta;
use crate::domain::date::{OfficeZone, ZoneLabel};
use crate::i18n::{Lang, Texts};
use leptos::prelude::*;

/// Site header: the public body's identity, navigation and the language switch.
#[component]
pub fn Header(meta: Option<Meta>, demo: bool) -> impl IntoView {
    let t = use_texts();
    let lang = expect_context::<RwSignal<Lang>>();
    let other = lang.get_untracked().other();
    // The theme's name is the regency's own brand; the public body's name stays in the footer.
    let brand = theme::brand();
    let name = brand
        .name
        .or_else(|| meta.as_ref().map(|m| m.public_body.name.clone()))
        .unwrap_or_else(|| t.app_name().to_owned());
    // Attributes only: a hostile name or URL never becomes markup.
    let logo = brand
        .logo_url
        .map(|src| view! { <img class="brand-logo" src=src alt=name.clone()/> });
    let region = meta.as_ref().map(|m| m.public_body.region.clone());
    let switch = move |_| {
        lang.set(other);
        // The page re-renders in the new language; keep keyboard focus on the switch.
        request_animation_frame(|| {
            if let Some(el) = document().query_selector(".lang-switch").ok().flatten() {
                use wasm_bindgen::JsCast;
                if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };
    view! {
        <a class="skip-link" href="#main">{t.skip_link()}</a>
        <header class="site-header">
            {logo}
            <div class="brand">
                <a href=router::rooted("/") class="brand-name">{name}</a>
                {region.map(|r| view! { <span class="brand-region">{r}</span> })}
            </div>
            <button
                type="button"
                class="lang-switch"
                lang=other.tag()
                aria-label=format!("{} – {}", other.t().switch_language_hint(), other.t().language_name())
                on:click=switch
            >
                {other.t().language_name()}
            </button>
            <div class="tools">
                <access::EasyMode/>
                {meta.is_some().then(|| view! { <access::Listen selector="main" label=t.listen_page()/> })}
            </div>
            {meta.is_some().then(|| view! { <Nav/> })}
            {demo.then(|| view! { <p class="demo-notice">{t.demo_notice()}</p> })}
        </header>
    }
}

#[component]
fn Nav() -> impl IntoView {
    let t = use_texts();
    let location = router::use_location();
    let link = move |href: &'static str, text: &'static str| {
        let current = move || {
            let path = location.with(|l| l.path.clone());
            let here = if href == "/" {
                path == "/"
            } else {
                path == href || path.starts_with(&format!("{href}/"))
            };
            here.then_some("page")
        };
        view! { <li><a href=router::rooted(href) aria-current=current>{text}</a></li> }
    };
    view! {
        <nav aria-label=t.nav_label()>
            <ul>
                {link("/", t.nav_home())}
                {link("/informasi", t.nav_catalogue())}
                {link("/permohonan", t.nav_request())}
                {link("/status", t.nav_status())}
                {link("/keberatan", t.nav_objection())}
                {link("/tentang", t.nav_about())}
                // Complaints are not information requests: SP4N-LAPOR is where they go.
                <li><a href=crate::domain::complaint::SP4N_LAPOR rel="noopener">{t.nav_complaint()}</a></li>
            </ul>
        </nav>
    }
}

/// Footer: contact and office hours from the backend's metadata.
#[component]
pub fn Footer(meta: Meta) -> impl IntoView {
    let t = use_texts();
    let zone = hours_zone(t, &meta);
    let register = meta
        .features
        .iter()
        .any(|f| f == crate::contract::feature::REGISTER);
    let body = meta.public_body;
    let hours = meta.office_hours;
    view! {
        <footer class="site-footer">
            <section aria-labelledby="footer-contact">
                <h2 id="footer-contact">{t.footer_contact()}</h2>
                <p>{body.name.clone()}</p>
                <p>{body.address.clone()}</p>
                {body.phone.clone().map(|p| view! { <p>{t.phone()}": " <a href=format!("tel:{}", tel(&p))>{p.clone()}</a></p> })}
                {body.email.clone().map(|e| view! { <p>{t.email()}": " <a href=format!("mailto:{e}")>{e.clone()}</a></p> })}
            </section>
            <section aria-labelledby="footer-hours">
                <h2 id="footer-hours">{t.footer_hours()}</h2>
                <ul class="plain">
                    {hours
                        .into_iter()
                        .map(|h| {
                            view! { <li>{move || weekday_span(t, &h.weekdays)}" " {t.clock(&h.opens)}"–"{t.clock(&h.closes)}" "{zone.clone()}</li> }
                        })
                        .collect_view()}
                </ul>
            </section>
            {register.then(|| view! {
                <p class="footer-register"><a href=crate::components::router::rooted("/register")>{t.reg_link()}</a></p>
            })}
        </footer>
    }
}

/// "Senin–Kamis" for consecutive ISO weekdays, else a list.
pub fn weekday_span(t: &Texts, days: &[u8]) -> String {
    let name = |d: u8| t.weekday(d);
    match days {
        [] => String::new(),
        [one] => name(*one).into(),
        [first, .., last] if days.windows(2).all(|w| w[1] == w[0] + 1) => {
            format!("{}–{}", name(*first), name(*last))
        }
        _ => days.iter().map(|d| name(*d)).collect::<Vec<_>>().join(", "),
    }
}

/// The zone the office hours are in: "WITA", or the backend's own name for a zone the portal cannot map.
pub fn hours_zone(t: &Texts, meta: &Meta) -> String {
    let name = &meta.deadline_rules.time_zone;
    match OfficeZone::from_iana(name) {
        OfficeZone::Indonesian(z) => t.zone(ZoneLabel::Named(z)),
        OfficeZone::Unknown => name.chars().take(40).collect(),
    }
}

/// A phone number as a `tel:` target: digits and a leading plus only.
pub fn tel(p: &str) -> String {
    p.chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}
