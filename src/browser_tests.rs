//! Component and adapter tests that run in headless Chromium (`cargo test --target wasm32-unknown-unknown`).

use crate::api::{check_version, decode, ApiError, RawReply};
use crate::components::{ErrorPanel, Header, Row};
use crate::contract::{FieldError, Meta};
use crate::i18n::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn reply(status: u16, body: &str) -> RawReply {
    RawReply {
        status,
        content_type: "application/problem+json".into(),
        body: body.into(),
        retry_after: None,
        saved_at: None,
    }
}

/// Mounts `view` in a fresh element with the language in context; returns the element.
fn render<V: IntoView + 'static>(
    lang: Lang,
    view: impl FnOnce() -> V + 'static,
) -> web_sys::HtmlElement {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(RwSignal::new(lang));
        view()
    });
    handle.forget();
    host
}

async fn tick() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

#[wasm_bindgen_test]
fn problems_become_typed_errors() {
    let invalid = decode::<Meta>(reply(
        422,
        r#"{"status":422,"code":"validation","errors":[{"pointer":"/requester/nik","code":"nik_invalid"}]}"#,
    ));
    assert_eq!(
        invalid,
        Err(ApiError::Invalid(vec![FieldError::new("/requester/nik", "nik_invalid")]))
    );
    let limited = RawReply {
        retry_after: Some(30),
        ..reply(429, r#"{"code":"rate_limited"}"#)
    };
    assert_eq!(
        decode::<Meta>(limited),
        Err(ApiError::RateLimited(Some(30)))
    );
    assert_eq!(
        decode::<Meta>(reply(404, r#"{"code":"calendar_year_missing"}"#)),
        Err(ApiError::CalendarYearMissing(None))
    );
    assert_eq!(
        decode::<Meta>(reply(502, "<html>Bad gateway</html>")),
        Err(ApiError::Server { status: 502 })
    );
    assert_eq!(
        decode::<Meta>(reply(200, r#"{"contract_version": 1}"#)),
        Err(ApiError::Contract("body does not decode"))
    );
}

#[wasm_bindgen_test]
fn hostile_bodies_never_panic() {
    let bodies = [
        "",
        "null",
        "[]",
        "{",
        "\u{0}",
        "{\"a\":",
        &"[".repeat(10_000),
        "{\"code\":null,\"errors\":7}",
        "💥",
    ];
    for status in [200, 201, 400, 404, 409, 422, 429, 500, 503] {
        for body in bodies {
            assert!(decode::<Meta>(reply(status, body)).is_err());
        }
    }
}

/// `config.json` decodes with the defaults serde's attributes used to give it.
#[wasm_bindgen_test]
fn config_fills_in_defaults_and_refuses_a_wrong_file() {
    use crate::api::Config;
    let empty: Config = crate::json::from_str("{}").unwrap();
    assert_eq!(
        (
            empty.api_base,
            empty.timeout_ms,
            empty.kiosk,
            empty.office.is_none()
        ),
        (None, 15_000, false, true)
    );
    let full: Config = crate::json::from_str(
        r#"{"api_base":"https://ppid.example.go.id/api","timeout_ms":5000,"kiosk":true,
            "office":{"name":"PPID Sukamaju","phone":"+62 21 555","hours":null},"theme":"dark"}"#,
    )
    .unwrap();
    assert_eq!(
        full.api_base.as_deref(),
        Some("https://ppid.example.go.id/api")
    );
    assert_eq!((full.timeout_ms, full.kiosk), (5000, true));
    let office = full.office.unwrap();
    assert_eq!(
        (office.name.as_str(), office.phone.as_deref(), office.hours),
        ("PPID Sukamaju", Some("+62 21 555"), None)
    );
    for wrong in [
        r#"{"office":{}}"#,
        r#"{"timeout_ms":"5000"}"#,
        r#"{"kiosk":null}"#,
        "[]",
        "",
    ] {
        assert!(crate::json::from_str::<Config>(wrong).is_err(), "{wrong}");
    }
}

#[wasm_bindgen_test]
fn only_major_version_one_is_spoken() {
    assert!(check_version("1.0.0").is_ok());
    assert!(check_version("1.7.2").is_ok());
    for v in ["2.0.0", "0.9", "", "v1", "11.0.0"] {
        assert!(
            matches!(check_version(v), Err(ApiError::UnsupportedVersion(_))),
            "{v}"
        );
    }
}

#[wasm_bindgen_test]
async fn backend_text_is_shown_as_text_never_markup() {
    let hostile = r#"<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"#;
    let host = render(
        Lang::Id,
        move || view! { <dl><Row label="Ringkasan" value=Some(hostile.to_owned())/></dl> },
    );
    tick().await;
    assert!(host.query_selector("img, script").unwrap().is_none());
    assert_eq!(
        host.query_selector("dd")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        hostile
    );
    assert!(js_sys::Reflect::get(&window(), &"__pwned".into())
        .unwrap()
        .is_undefined());
}

#[wasm_bindgen_test]
async fn a_missing_value_says_not_stated_in_the_citizens_language() {
    let id = render(
        Lang::Id,
        || view! { <dl><Row label="Penanggung jawab" value=None/></dl> },
    );
    let en = render(
        Lang::En,
        || view! { <dl><Row label="Person responsible" value=Some("  ".into())/></dl> },
    );
    tick().await;
    assert_eq!(
        id.query_selector("dd")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Tidak dicantumkan"
    );
    assert_eq!(
        en.query_selector("dd")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Not stated"
    );
}

#[wasm_bindgen_test]
async fn error_panel_says_what_happened_and_retries() {
    let retried = RwSignal::new(0);
    let host = render(Lang::Id, move || {
        view! { <ErrorPanel error=ApiError::Timeout on_retry=move || retried.update(|n| *n += 1)/> }
    });
    tick().await;
    let panel = host
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    assert!(panel
        .text_content()
        .unwrap()
        .contains("terlalu lama menjawab"));
    let button: web_sys::HtmlElement = host
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Coba lagi");
    button.click();
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn the_language_switch_names_the_other_language_and_switches() {
    let lang = RwSignal::new(Lang::Id);
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), move || {
        provide_context(lang);
        view! { <Header meta=None demo=true/> }
    })
    .forget();
    tick().await;
    let button: web_sys::HtmlElement = host
        .query_selector(".lang-switch")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "English");
    assert_eq!(button.get_attribute("lang").as_deref(), Some("en"));
    assert!(host.text_content().unwrap().contains("Mode demo"));
    button.click();
    assert_eq!(lang.get_untracked(), Lang::En);
}
