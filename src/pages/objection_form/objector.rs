//! Who objects: the objector's fields, with the request form's names and rules.

use crate::components::fields::{Choices, Shown, TextField};
use crate::context::{use_portal, use_texts};
use crate::contract::{Attachment, AttachmentRole, RequesterKind};
use crate::domain::draft::RequestDraft;
use leptos::prelude::*;

/// The objector's identity and contact; a proxy's power of attorney.
pub(super) fn objector(
    who: RwSignal<RequestDraft>,
    power: RwSignal<Option<Attachment>>,
    errors: Signal<Shown>,
) -> impl IntoView {
    let t = use_texts();
    let portal = use_portal();
    let kinds = Callback::new(move |i: usize| who.with(|d| d.kind == Some(KINDS[i])));
    view! {
        <h2>{t.objection_who()}</h2>
        <Choices id="f-kind" legend=t.q_kind() hint="" legend_is_h1=false multiple=false options={crate::domain::draft::requester_kinds(&portal.meta.with_value(|m| m.contract_version.clone())).iter().map(|k| t.requester_kind(*k)).collect::<Vec<_>>()} errors
            checked=kinds on_change=Callback::new(move |(i, _): (usize, bool)| who.update(|d| d.kind = Some(KINDS[i])))/>
        {text_field("f-name", t.f_name(), who, |d| &mut d.name, errors, false, "name")}
        {move || match who.with(|d| d.kind) {
            Some(RequesterKind::LegalEntity) => text_field("f-decree", t.f_decree(), who, |d| &mut d.decree_number, errors, false, "off").into_any(),
            Some(RequesterKind::Proxy) => view! {
                {text_field("f-nik", t.f_nik(), who, |d| &mut d.nik, errors, false, "off")}
                {text_field("f-principal", t.f_principal(), who, |d| &mut d.principal_name, errors, false, "off")}
                <PowerOfAttorney power/>
            }.into_any(),
            Some(RequesterKind::Group) => view! {
                {text_field("f-group-name", t.f_group_name(), who, |d| &mut d.group_name, errors, false, "off")}
                {text_field("f-nik", t.f_nik(), who, |d| &mut d.nik, errors, false, "off")}
            }.into_any(),
            _ => text_field("f-nik", t.f_nik(), who, |d| &mut d.nik, errors, false, "off").into_any(),
        }}
        {text_field("f-address", t.f_address(), who, |d| &mut d.address, errors, true, "off")}
        {text_field("f-phone", t.f_phone(), who, |d| &mut d.phone, errors, false, "tel")}
        {text_field("f-email", t.f_email(), who, |d| &mut d.email, errors, false, "email")}
    }
}

/// A proxy's special power of attorney, prepared as the request form prepares documents (photos
/// redrawn without their metadata), and kept in memory only.
#[component]
fn PowerOfAttorney(power: RwSignal<Option<Attachment>>) -> impl IntoView {
    let t = use_texts();
    let (label, hint) = t.objection_power_of_attorney();
    let problem = RwSignal::new(false);
    let metadata = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let prepared =
                crate::components::attachment::prepare(AttachmentRole::PowerOfAttorney, file).await;
            problem.try_set(prepared.is_err());
            let prepared = prepared.ok();
            metadata.try_set(prepared.as_ref().is_some_and(|p| p.1));
            power.try_set(prepared.map(|p| p.0));
        });
    };
    view! {
        <div class="field">
            <label for="obj-power">{label}</label>
            <p class="hint" id="obj-power-hint">{hint} " " {t.objection_document_memory()}</p>
            <div role="status">
                {move || problem.get().then(|| view! { <p class="error-message">{t.invalid_unspecified()}</p> })}
                {move || power.with(|p| p.as_ref().map(|a| view! { <p class="attached">{t.doc_attached()} " " <strong>{a.file_name.clone()}</strong></p> }))}
                {move || metadata.get().then(|| view! { <p class="hint">{t.doc_pdf_metadata()}</p> })}
            </div>
            <input type="file" id="obj-power" accept="image/*,application/pdf" aria-describedby="obj-power-hint" on:change=on_change/>
        </div>
    }
}

const KINDS: [RequesterKind; 4] = RequesterKind::ALL;

/// A text field bound to one of the objector's answers.
fn text_field(
    id: &'static str,
    label: (&'static str, &'static str),
    who: RwSignal<RequestDraft>,
    field: fn(&mut RequestDraft) -> &mut String,
    errors: Signal<Shown>,
    multiline: bool,
    autocomplete: &'static str,
) -> AnyView {
    let input_type = match autocomplete {
        "tel" => "tel",
        "email" => "email",
        _ => "text",
    };
    view! {
        <TextField id label errors multiline input_type autocomplete
            value=Signal::derive(move || who.with(|d| field(&mut d.clone()).clone()))
            on_input=Callback::new(move |v: String| who.update(|d| *field(d) = v))/>
    }
    .into_any()
}
