//! What the portal checks in a document before it touches it: a PDF is a PDF, a photo is not a
//! decompression bomb, and a PDF's hidden details (author, program, dates) are pointed out.

/// The most pixels a photo may have to be decoded: 50 megapixels (a phone's 48 MP camera), about
/// 200 MB of memory once decoded. A small file claiming more would exhaust a cheap phone.
pub const MAX_PIXELS: u64 = 50_000_000;

/// Whether `bytes` start as a PDF does: `%PDF-` within the first 1024 bytes, as readers accept it.
/// A file that only says it is a PDF (its name, its media type) is not sent as one.
pub fn is_pdf(bytes: &[u8]) -> bool {
    find(&bytes[..bytes.len().min(1024)], b"%PDF-")
}

/// Whether a PDF carries details about who made it and how: the document information dictionary's
/// entries or an XMP packet. The citizen is told, so they can send a photo instead.
pub fn pdf_has_metadata(bytes: &[u8]) -> bool {
    const KEYS: [&[u8]; 7] = [
        b"/Author",
        b"/Creator",
        b"/Producer",
        b"/Title",
        b"/Subject",
        b"/Keywords",
        b"<x:xmpmeta",
    ];
    KEYS.iter().any(|key| find(bytes, key))
}

/// Width and height from a PNG or JPEG header (what phones' cameras and screenshots save), without
/// decoding the picture; `None` for another format (then only the file's size is checked) or a
/// header that does not read.
pub fn image_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let be16 = |i: usize| Some(u32::from(u16::from_be_bytes([*bytes.get(i)?, *bytes.get(i + 1)?])));
    let be32 = |i: usize| Some(u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?));
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some((be32(16)?, be32(20)?));
    }
    if !bytes.starts_with(&[0xff, 0xd8]) {
        return None;
    }
    // JPEG: walk the segments to the frame header (SOF0..SOF15 but DHT, JPG and DAC).
    let mut i = 2;
    while *bytes.get(i)? == 0xff {
        let marker = *bytes.get(i + 1)?;
        if (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker) {
            return Some((be16(i + 7)?, be16(i + 5)?));
        }
        i += 2 + be16(i + 2)? as usize;
    }
    None
}

/// Whether a photo of this size may be decoded.
pub fn decodable(width: u32, height: u32) -> bool {
    u64::from(width) * u64::from(height) <= MAX_PIXELS
}

fn find(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_known_by_its_first_bytes_not_its_name() {
        assert!(is_pdf(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"));
        // Readers accept a few bytes of junk before the header.
        assert!(is_pdf(b"\r\n  %PDF-1.4\n"));
        for not in [&b""[..], b"%PDF", b"<html>%PDF1", b"\x89PNG\r\n\x1a\n", b"<script>alert(1)</script>"] {
            assert!(!is_pdf(not), "{not:?}");
        }
        let mut late = vec![b' '; 1100];
        late.extend_from_slice(b"%PDF-1.7");
        assert!(!is_pdf(&late), "the header must come within 1024 bytes");
    }

    #[test]
    fn a_pdf_with_an_author_or_xmp_is_pointed_out() {
        assert!(pdf_has_metadata(b"%PDF-1.7 1 0 obj << /Author (Budi) >> endobj"));
        assert!(pdf_has_metadata(b"%PDF-1.7 <x:xmpmeta xmlns:x='adobe:ns:meta/'>"));
        assert!(!pdf_has_metadata(b"%PDF-1.7 1 0 obj << /Type /Catalog >> endobj"));
    }

    #[test]
    fn photo_sizes_are_read_from_their_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&40_000u32.to_be_bytes());
        png.extend_from_slice(&30_000u32.to_be_bytes());
        assert_eq!(image_size(&png), Some((40_000, 30_000)));
        assert!(!decodable(40_000, 30_000), "a 1.2 gigapixel PNG bomb");
        // JPEG: SOI, an APP1 segment of 6 bytes, then SOF0 with height 3000 and width 4000.
        let jpeg = [
            0xff, 0xd8, 0xff, 0xe1, 0x00, 0x06, b'E', b'x', b'i', b'f', 0xff, 0xc0, 0x00, 0x11, 8,
            0x0b, 0xb8, 0x0f, 0xa0, 3,
        ];
        assert_eq!(image_size(&jpeg), Some((4000, 3000)));
        assert!(decodable(4000, 3000));
        // A progressive JPEG (SOF2), and a DHT segment that is not a frame header.
        let progressive = [
            0xff, 0xd8, 0xff, 0xc4, 0x00, 0x03, 0, 0xff, 0xc2, 0x00, 0x11, 8, 0x00, 0x10, 0x00,
            0x20,
        ];
        assert_eq!(image_size(&progressive), Some((32, 16)));
        for broken in [&b""[..], b"\xff\xd8", b"\xff\xd8\xff\xe1\xff\xff", b"BM6\0\0\0", b"\x89PNG\r\n\x1a\n"] {
            assert_eq!(image_size(broken), None, "{broken:?}");
        }
    }
}
