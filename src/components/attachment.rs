//! A file the citizen chose, prepared for sending. Photos are redrawn in the browser at most 1600 px
//! on their longer side and re-encoded as JPEG, which leaves EXIF (camera, time, location) behind;
//! anything over 5 MB after that is refused.

use crate::contract::{field_code, Attachment, AttachmentRole};
use crate::domain::base64;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The largest document the contract takes, decoded.
const MAX_BYTES: usize = 5 * 1024 * 1024;
/// The longer side of a photo after scaling.
const MAX_SIDE: u32 = 1600;

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
    // `data:image/jpeg;base64,<data>`. Split at the comma, a char: a string pattern would link
    // the substring searcher into the form bundles for this one call.
    url.split_once(',')
        .filter(|(head, _)| head.ends_with(";base64"))
        .map(|(_, data)| data.to_owned())
}
