//! The identity-document question: a photo or PDF per document the requester's kind needs, each
//! prepared for sending as `components::attachment` says.

use super::{save_files, use_draft};
use crate::components::fields::{error_of, Shown};
use crate::context::{use_portal, use_texts};
use crate::contract::{Attachment, AttachmentRole, FieldError};
use crate::domain::base64;
use crate::domain::draft::{document_pointer, optional_documents, required_documents};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The label and hint of a document's field.
fn label_of(t: &'static crate::i18n::Texts, role: AttachmentRole) -> (&'static str, &'static str) {
    match role {
        AttachmentRole::IdentityCard => t.doc_identity_card(),
        AttachmentRole::Deed => t.doc_deed(),
        AttachmentRole::PowerOfAttorney => t.doc_power_of_attorney(),
        AttachmentRole::Mandate => t.doc_mandate(),
    }
}

/// The element id of a document's file input (the error summary links to it).
pub fn input_id(role: AttachmentRole) -> &'static str {
    match role {
        AttachmentRole::IdentityCard => "f-doc-identity_card",
        AttachmentRole::Deed => "f-doc-deed",
        AttachmentRole::PowerOfAttorney => "f-doc-power_of_attorney",
        AttachmentRole::Mandate => "f-doc-mandate",
    }
}

/// One file input per document the requester needs. `raw` holds this question's field errors.
#[component]
pub fn Documents(errors: Signal<Shown>, raw: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let t = use_texts();
    let answers = use_draft().answers;
    let kind = answers.with_untracked(|d| d.kind);
    view! {
        <p class="hint">{t.document_intro()}</p>
        {required_documents(kind).iter().chain(optional_documents(kind)).map(|role| view! { <DocumentField role=*role errors raw/> }).collect_view()}
    }
}

#[component]
fn DocumentField(
    role: AttachmentRole,
    errors: Signal<Shown>,
    raw: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let t = use_texts();
    let kiosk = use_portal().config.with_value(|c| c.kiosk);
    let answers = use_draft().answers;
    let id = input_id(role);
    let (label, hint) = label_of(t, role);
    let error = error_of(errors, id);
    let busy = RwSignal::new(false);
    let not_kept = RwSignal::new(false);
    let metadata = RwSignal::new(false);
    let attached = move || {
        answers.with(|d| {
            d.attachments
                .iter()
                .find(|a| a.role == role)
                .map(|a| (a.file_name.clone(), base64::decoded_len(&a.content_base64)))
        })
    };
    let set_problem = move |code: Option<&'static str>| {
        raw.update(|errors| {
            errors.retain(|e| e.pointer != document_pointer(role));
            if let Some(code) = code {
                errors.push(FieldError::new(document_pointer(role), code));
            }
        });
    };
    let store = move |file: Option<Attachment>| {
        answers.update(|d| {
            d.attachments.retain(|a| a.role != role);
            d.attachments.extend(file);
        });
        not_kept.set(!answers.with_untracked(|d| save_files(&d.attachments, kiosk)));
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Cleared, so choosing the same file again (after fixing it) is a change too.
        input.set_value("");
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = crate::components::attachment::prepare(role, file).await;
            if busy.try_set(false).is_some() {
                return; // the citizen has left the question
            }
            match result {
                Ok((attachment, has_metadata)) => {
                    set_problem(None);
                    metadata.set(has_metadata);
                    store(Some(attachment));
                }
                Err(code) => set_problem(Some(code)),
            }
        });
    };
    let described = move || {
        let mut ids = format!("{id}-hint {id}-status");
        if error().is_some() {
            ids.push_str(&format!(" {id}-error"));
        }
        ids
    };
    view! {
        <div class="field" class:field-error=move || error().is_some()>
            <label for=id>{label}</label>
            <p class="hint" id=format!("{id}-hint")>{hint}</p>
            {move || error().map(|m| view! { <p class="error-message" id=format!("{id}-error")>{m}</p> })}
            <div id=format!("{id}-status") role="status">
                {move || if busy.get() {
                    Some(view! { <p class="loading">{t.doc_processing()}</p> }.into_any())
                } else {
                    attached().map(|(name, size)| view! {
                        <p class="attached">
                            {t.doc_attached()} " " <strong>{name}</strong> {format!(" ({} KB) ", size.div_ceil(1024))}
                            <button type="button" class="link-button" on:click=move |_| store(None)>
                                {t.doc_remove()}<span class="visually-hidden">{format!(" {label}")}</span>
                            </button>
                        </p>
                        {move || not_kept.get().then(|| view! { <p class="hint">{t.doc_not_kept()}</p> })}
                        {move || metadata.get().then(|| view! { <p class="hint">{t.doc_pdf_metadata()}</p> })}
                    }.into_any())
                }}
            </div>
            <input type="file" id=id name=id accept="image/*,application/pdf" aria-describedby=described
                aria-invalid=move || error().map(|_| "true") on:change=on_change/>
        </div>
    }
}
