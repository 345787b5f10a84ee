//! The identity-document question: a photo or PDF per document the requester's kind needs. Photos
//! are redrawn in the browser at most 1600 px on their longer side and re-encoded as JPEG, which
//! leaves EXIF (camera, time, location) behind; anything over 5 MB after that is refused.

use super::fields::{error_of, Shown};
use super::{save_files, use_draft};
use crate::app::{use_portal, use_texts};
use crate::contract::{field_code, Attachment, AttachmentRole, FieldError};
use crate::domain::base64;
use crate::domain::draft::{document_pointer, optional_documents, required_documents};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The largest document the contract takes, decoded.
const MAX_BYTES: usize = 5 * 1024 * 1024;
/// The longer side of a photo after scaling.
const MAX_SIDE: u32 = 1600;

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
                errors.push(FieldError {
                    pointer: document_pointer(role).into(),
                    code: code.into(),
                    message: None,
                });
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
            let result = prepare(role, file).await;
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

/// The largest photo file read at all (a phone's RAW or panorama can be larger than the 5 MB the
/// redrawn JPEG must fit in): 30 MB.
const MAX_PHOTO_FILE: f64 = 30.0 * 1024.0 * 1024.0;
/// How much of a photo is read for its size before it is decoded: enough for a JPEG's EXIF block.
const HEADER_BYTES: f64 = 256.0 * 1024.0;

/// The bytes of `blob`, or `None` when the browser cannot read it.
async fn bytes_of(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The file as it will be sent, and whether it is a PDF that carries details about who made it;
/// or the field code of why it cannot be sent.
pub async fn prepare(
    role: AttachmentRole,
    file: web_sys::File,
) -> Result<(Attachment, bool), &'static str> {
    use crate::domain::document::{decodable, image_size, is_pdf, pdf_has_metadata};
    let mut metadata = false;
    let media_type = file.type_();
    let stem = file
        .name()
        .rsplit_once('.')
        .map_or_else(|| file.name(), |(stem, _)| stem.to_owned());
    let (file_name, media_type, content_base64) = if media_type == "application/pdf" {
        if file.size() > MAX_BYTES as f64 {
            return Err(field_code::TOO_LONG);
        }
        let bytes = bytes_of(&file).await.ok_or(field_code::INVALID_FORMAT)?;
        // Named and typed as a PDF is not enough: the office opens what it receives.
        if !is_pdf(&bytes) {
            return Err(field_code::INVALID_FORMAT);
        }
        metadata = pdf_has_metadata(&bytes);
        (file.name(), media_type, base64::encode(&bytes))
    } else if media_type.starts_with("image/") {
        // Checked before decoding: a small file can claim a picture too large for a phone's memory.
        let header = file
            .slice_with_f64_and_f64(0.0, HEADER_BYTES)
            .map_err(|_| field_code::INVALID_FORMAT)?;
        let size = image_size(&bytes_of(&header).await.unwrap_or_default());
        if file.size() > MAX_PHOTO_FILE || size.is_some_and(|(w, h)| !decodable(w, h)) {
            return Err(field_code::TOO_LONG);
        }
        let jpeg = redraw_as_jpeg(&file)
            .await
            .ok_or(field_code::INVALID_FORMAT)?;
        (format!("{stem}.jpg"), "image/jpeg".to_owned(), jpeg)
    } else {
        return Err(field_code::UNKNOWN_VALUE);
    };
    if base64::decoded_len(&content_base64) > MAX_BYTES {
        return Err(field_code::TOO_LONG);
    }
    Ok((
        Attachment {
            role,
            file_name,
            media_type,
            content_base64,
        },
        metadata,
    ))
}

/// The photo scaled to at most `MAX_SIDE` and re-encoded as JPEG (base64): nothing of the original
/// file's metadata survives a redraw. `None` when the browser cannot decode it.
async fn redraw_as_jpeg(file: &web_sys::File) -> Option<String> {
    let bitmap: web_sys::ImageBitmap =
        JsFuture::from(window().create_image_bitmap_with_blob(file).ok()?)
            .await
            .ok()?
            .dyn_into()
            .ok()?;
    let (w, h) = (bitmap.width(), bitmap.height());
    let longer = w.max(h).max(1);
    let target = u64::from(MAX_SIDE.min(longer));
    let scale = |side: u32| {
        ((u64::from(side) * target + u64::from(longer) / 2) / u64::from(longer)).max(1) as u32
    };
    let (w, h) = (scale(w), scale(h));
    let canvas: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    // A transparent PNG would otherwise turn black in a JPEG.
    ctx.set_fill_style_str("#fff");
    ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, f64::from(w), f64::from(h))
        .ok()?;
    bitmap.close();
    let url = canvas
        .to_data_url_with_type_and_encoder_options(
            "image/jpeg",
            &wasm_bindgen::JsValue::from_f64(0.85),
        )
        .ok()?;
    url.split_once(";base64,").map(|(_, data)| data.to_owned())
}
