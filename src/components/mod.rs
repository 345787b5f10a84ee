//! Shared building blocks: header, footer, alerts, summary lists, error texts, page titles.

pub mod access;
pub mod deadline;
mod load;
pub mod router;
pub mod theme;
pub use load::{use_load, Load};

use crate::api::ApiError;
use crate::app::use_texts;
use crate::contract::Meta;
use crate::domain::date::{OfficeZone, ZoneLabel};
use crate::i18n::{Lang, Texts};
use leptos::prelude::*;

/// Sets the document title to "`page` – Portal PPID" (or the theme's name), with "Galat: " first
/// when `error` is true.
pub fn use_title(page: impl Fn() -> (String, bool) + 'static) {
    let t = use_texts();
    let suffix = theme::brand().name;
    Effect::new(move || {
        let (title, error) = page();
        let prefix = if error { t.error_prefix() } else { "" };
        let suffix = suffix.as_deref().unwrap_or(t.doc_title_suffix());
        document().set_title(&format!("{prefix}{title} – {suffix}"));
    });
}

/// A sentence for the citizen saying what went wrong and what to do next.
pub fn error_text(t: &Texts, e: &ApiError) -> String {
    match e {
        ApiError::Offline => t.down_reason_offline().into(),
        ApiError::Timeout => t.down_reason_timeout().into(),
        ApiError::Unreachable => t.down_reason_unreachable().into(),
        ApiError::Server { .. } => t.down_reason_server().into(),
        ApiError::Refused { status } => (t.refused())(*status, MAX_BODY.get()),
        ApiError::Contract(_) => t.down_reason_contract().into(),
        ApiError::UnsupportedVersion(_) => t.down_reason_version().into(),
        ApiError::CalendarYearMissing(_) => t.down_reason_calendar().into(),
        ApiError::RateLimited(s) => (t.rate_limited())(*s),
        ApiError::Invalid(errors) if errors.is_empty() => t.invalid_unspecified().into(),
        ApiError::Invalid(_) => t.invalid_answer().into(),
        ApiError::NotFound => t.not_found_body().into(),
        ApiError::Conflict => t.conflict().into(),
    }
}

/// An error box with a retry button.
#[component]
pub fn ErrorPanel(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="error-panel" role="alert">
            <p>{move || error_text(t, &error)}</p>
            <button type="button" class="button secondary" on:click=move |_| on_retry.run(())>{t.retry()}</button>
        </div>
    }
}

/// A loading line announced politely.
#[component]
pub fn LoadingLine() -> impl IntoView {
    let t = use_texts();
    view! { <p class="loading" role="status">{t.loading()}</p> }
}

/// One row of a summary list; an empty value says "not stated".
#[component]
pub fn Row(label: &'static str, value: Option<String>) -> impl IntoView {
    let t = use_texts();
    let value = value.filter(|v| !v.trim().is_empty());
    view! {
        <div class="row">
            <dt>{label}</dt>
            <dd>{move || value.clone().unwrap_or_else(|| t.not_stated().to_owned())}</dd>
        </div>
    }
}

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

thread_local! {
    /// The office's time zone, set by the shell once the backend's metadata is known. Kept here
    /// rather than read from context because dates are also formatted in event handlers and tasks
    /// that run outside any reactive owner.
    static OFFICE_ZONE: std::cell::Cell<OfficeZone> = const { std::cell::Cell::new(OfficeZone::Unknown) };
    static MAX_BODY: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// Records what the pages need of the backend's metadata outside any reactive owner: the office's
/// time zone (`deadline_rules.time_zone`) and the largest body it takes (`max_body_bytes`).
pub fn set_office_zone(meta: &Meta) {
    OFFICE_ZONE.set(OfficeZone::from_iana(&meta.deadline_rules.time_zone));
    MAX_BODY.set(meta.max_body_bytes);
}

/// The office's time zone; unknown before the metadata arrives or when the portal cannot map it.
pub fn office_zone() -> OfficeZone {
    OFFICE_ZONE.get()
}

/// Today at the office (the stale mark, the year filter, deadlines), never the browser's date.
pub fn today() -> crate::domain::date::Date {
    office_zone().today(js_sys::Date::now() as i64)
}

/// "23 November 2026 09.15 WIB" on the office's clock; the raw text when it does not parse.
pub fn format_instant(t: &Texts, s: &str) -> String {
    match crate::domain::date::LocalTime::parse_rfc3339(s) {
        Some(lt) => t.instant(office_zone(), lt),
        None => s.chars().take(40).collect(),
    }
}

/// The same for a time of this device's clock in milliseconds since 1970.
pub fn format_ms(t: &Texts, ms: f64) -> String {
    let (lt, _) = office_zone().show_ms(ms as i64);
    t.instant(office_zone(), lt)
}

/// The zone the office hours are in: "WITA", or the backend's own name for a zone the portal cannot map.
pub fn hours_zone(t: &Texts, meta: &Meta) -> String {
    let name = &meta.deadline_rules.time_zone;
    match OfficeZone::from_iana(name) {
        OfficeZone::Indonesian(z) => t.zone(ZoneLabel::Named(z)),
        OfficeZone::Unknown => name.chars().take(40).collect(),
    }
}

/// GOV.UK "warning text": something the citizen should check, which never stops them.
#[component]
pub fn WarningText(text: &'static str, #[prop(optional)] id: Option<String>) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="warning-text" id=id>
            <span class="warning-text-icon" aria-hidden="true">"!"</span>
            <strong><span class="visually-hidden">{t.warning_prefix()}": "</span>{text}</strong>
        </div>
    }
}

/// A phone number as a `tel:` target: digits and a leading plus only.
pub fn tel(p: &str) -> String {
    p.chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

const DISMISSED_KEY: &str = "ppid.dismissed";

/// The announcements request started at boot, shared with the alert that shows them.
pub type AnnouncementsFuture = futures::future::Shared<
    futures::future::LocalBoxFuture<
        'static,
        Result<crate::contract::AnnouncementList, crate::api::ApiError>,
    >,
>;

/// Active serta-merta announcements, shown on every page until the citizen closes one;
/// a new announcement (another id) shows again.
#[component]
pub fn Announcements(initial: AnnouncementsFuture) -> impl IntoView {
    let t = use_texts();
    let storage = window().local_storage().ok().flatten();
    let stored = storage
        .as_ref()
        .and_then(|s| s.get_item(DISMISSED_KEY).ok().flatten())
        .unwrap_or_default();
    let dismissed = RwSignal::new(
        stored
            .split('\n')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>(),
    );
    let storage = StoredValue::new_local(storage);
    let initial = StoredValue::new_local(initial);
    let list = use_load(move || initial.get_value());
    let dismiss = move |id: String| {
        dismissed.update(|d| d.push(id));
        storage.with_value(|s| {
            if let Some(s) = s {
                // Keep only the latest few ids: old announcements have expired anyway.
                let d = dismissed.get_untracked();
                let _ = s.set_item(DISMISSED_KEY, &d[d.len().saturating_sub(20)..].join("\n"));
            }
        });
        if let Some(main) = document().get_element_by_id("main") {
            use wasm_bindgen::JsCast;
            let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    move || {
        // An announcement that fails to load must not block the page; the catalogue still lists it.
        let Some(Ok(list)) = list.get() else {
            return None;
        };
        let shown = dismissed.with(|d| {
            list.announcements
                .into_iter()
                .filter(|a| !d.contains(&a.id))
                .collect::<Vec<_>>()
        });
        Some(
            shown
                .into_iter()
                .map(|a| {
                    let id = format!("alert-{}", a.id.chars().filter(char::is_ascii_alphanumeric).collect::<String>());
                    let labelled_by = id.clone();
                    let announcement_id = a.id.clone();
                    view! {
                        <section class="announcement" aria-labelledby=labelled_by>
                            <p class="announcement-label">{t.announcement_label()}</p>
                            <h2 id=id>{a.title.clone()}</h2>
                            <dl>
                                <Row label=t.announcement_hazard() value=Some(a.hazard.clone())/>
                                <Row label=t.announcement_affected() value=Some(a.affected.clone())/>
                                <Row label=t.announcement_instructions() value=Some(a.instructions.clone())/>
                                <Row
                                    label=t.announcement_source()
                                    value=Some(format!("{} · {}", a.source, format_instant(t, &a.issued_at)))
                                />
                            </dl>
                            <button type="button" class="button secondary" on:click=move |_| dismiss(announcement_id.clone())>
                                {t.dismiss_announcement()}
                            </button>
                        </section>
                    }
                })
                .collect_view(),
        )
    }
}
