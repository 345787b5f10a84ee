//! The contract's rules for attached documents (`POST /v1/requests`, `POST /v1/objections`): the
//! media types taken, valid standard base64, and at most 5 MB once decoded.

use crate::contract::{field_code, Attachment, FieldError};

/// The media types the contract names; a backend may take more, this one does not.
pub const MEDIA_TYPES: [&str; 3] = ["application/pdf", "image/jpeg", "image/png"];
/// The largest file, decoded: 5 MB.
pub const MAX_DECODED_BYTES: usize = 5 * 1024 * 1024;

/// One field error per broken rule of each attachment, at `/attachments/<i>/...`.
pub fn check(attachments: &[Attachment], errors: &mut Vec<FieldError>) {
    for (i, a) in attachments.iter().enumerate() {
        let mut push = |field: &str, code: &str| {
            errors.push(FieldError::new(format!("/attachments/{i}/{field}"), code))
        };
        let media = a.media_type.trim().to_ascii_lowercase();
        if !MEDIA_TYPES.contains(&media.as_str()) {
            push("media_type", field_code::UNKNOWN_VALUE);
        }
        match decoded_len(&a.content_base64) {
            None => push("content_base64", field_code::INVALID_FORMAT),
            Some(n) if n > MAX_DECODED_BYTES => push("content_base64", field_code::TOO_LONG),
            Some(_) => {}
        }
    }
}

/// The decoded size of standard base64 with padding (RFC 4648 section 4), or `None` when the text
/// is not that: a length not a multiple of 4, a character outside the alphabet, padding anywhere
/// but at the end, or bits left over in the last character.
pub fn decoded_len(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    if b.len() % 4 != 0 {
        return None;
    }
    let padding = b.iter().rev().take_while(|c| **c == b'=').count();
    if padding > 2 {
        return None;
    }
    let body = &b[..b.len() - padding];
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut last = 0;
    for c in body {
        last = value(*c)?;
    }
    // The bits after the last whole byte must be zero (canonical encoding).
    let spare = match padding {
        1 => last & 0b11,
        2 => last & 0b1111,
        _ => 0,
    };
    (spare == 0).then(|| b.len() / 4 * 3 - padding)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::contract::AttachmentRole;

    fn file(media_type: &str, content_base64: String) -> Attachment {
        Attachment {
            role: AttachmentRole::IdentityCard,
            file_name: "ktp.jpg".into(),
            media_type: media_type.into(),
            content_base64,
        }
    }

    #[test]
    fn base64_is_checked_as_rfc4648_with_padding() {
        for (text, len) in [
            ("Zg==", 1),
            ("Zm8=", 2),
            ("Zm9v", 3),
            ("Zm9vYmFy", 6),
            ("", 0),
        ] {
            assert_eq!(decoded_len(text), Some(len), "{text}");
        }
        for bad in [
            "Zg", "Zg=", "Z===", "Zm9v!", "Zm 9v", "Zh==", "Zm9=", "Zm9vYmF_", "=Zm9",
        ] {
            assert_eq!(decoded_len(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_broken_rule_is_a_field_error_at_its_attachment() {
        let big = "A".repeat((MAX_DECODED_BYTES / 3 + 1) * 4);
        let exactly = "A".repeat(MAX_DECODED_BYTES.div_ceil(3) * 4 - 4) + "AAA=";
        assert_eq!(decoded_len(&exactly), Some(MAX_DECODED_BYTES));
        let list = [
            file("image/jpeg", "/9j/4A==".into()),
            file("text/html", "PGI+".into()),
            file("application/pdf", "not base64".into()),
            file("image/png", big),
            file("IMAGE/PNG", exactly),
        ];
        let mut errors = Vec::new();
        check(&list, &mut errors);
        let got: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.pointer.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("/attachments/1/media_type", "unknown_value"),
                ("/attachments/2/content_base64", "invalid_format"),
                ("/attachments/3/content_base64", "too_long"),
            ]
        );
    }
}
