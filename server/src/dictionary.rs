//! Dictionary-compressed copies of the bundles (RFC 9842 "Compression Dictionary Transport", the
//! `dcb` coding): each route bundle's wasm compressed with brotli against the main bundle's, which a
//! browser already has once it has opened any page of the main bundle.
//!
//! Why: every bundle carries the same shell (Leptos, the header, the outbox, the API client), and
//! plain brotli sends that shell again with each bundle a citizen opens. Compressed against the main
//! bundle, only what differs travels: the request form's wasm is about a third smaller, the status
//! page's nearly half. A browser that does not offer `dcb`, or has another dictionary (an older
//! build's), gets the `.br` copy as before, so the copies only ever save bytes.
//!
//! A copy is the 4 bytes `FF 44 43 42`, the SHA-256 of the dictionary, then the brotli stream; the
//! server sends it only to a request whose `Available-Dictionary` names that same hash. It lives at
//! `dcb/<hash>/<file>` beside the file, `<hash>` being the header's own base64: so a static server
//! (nginx, Apache, Caddy) finds the copy for a request from the header alone, and a copy made against
//! any other dictionary is never where it looks. A `/` in the base64 is one more folder.

use std::path::Path;

use sha2::{Digest, Sha256};

/// The start of every `dcb` copy.
pub const MAGIC: [u8; 4] = [0xff, 0x44, 0x43, 0x42];
/// The magic and the dictionary's hash.
pub const HEADER_LEN: usize = 36;

pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// `data` as a `dcb` copy against `dictionary`.
pub fn compress(dictionary: &[u8], data: &[u8]) -> Vec<u8> {
    let mut params = brotli::enc::BrotliEncoderParams::default();
    params.quality = 11;
    params.size_hint = data.len();
    // The window must reach back over the whole dictionary from the end of the file.
    let reach = dictionary.len() + data.len() + 16;
    params.lgwin = (22..=24).find(|w| (1usize << w) >= reach).unwrap_or(24);
    let mut out = Vec::with_capacity(HEADER_LEN + data.len() / 4);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&sha256(dictionary));
    let mut input = data;
    let written = brotli::enc::BrotliCompressCustomIoCustomDict(
        &mut brotli::IoReaderWrapper(&mut input),
        &mut brotli::IoWriterWrapper(&mut out),
        &mut vec![0; 1 << 16],
        &mut vec![0; 1 << 16],
        &params,
        brotli::enc::StandardAlloc::default(),
        &mut |_, _, _, _| (),
        dictionary,
        std::io::Error::from(std::io::ErrorKind::UnexpectedEof),
    );
    debug_assert!(written.is_ok(), "brotli into memory cannot fail");
    out
}

/// The dictionary hash a copy was made against, when `copy` starts like one.
pub fn dictionary_of(copy: &[u8]) -> Option<[u8; 32]> {
    if copy.len() < HEADER_LEN || copy[..4] != MAGIC {
        return None;
    }
    copy[4..HEADER_LEN].try_into().ok()
}

/// The hash an `Available-Dictionary` header names: a structured-field byte sequence,
/// `:<base64 of the SHA-256>:`.
pub fn available(header: &str) -> Option<[u8; 32]> {
    let b64 = header.trim().strip_prefix(':')?.strip_suffix(':')?;
    base64_decode(b64)?.try_into().ok()
}

/// A hash as `Available-Dictionary` carries it: standard base64, padded.
fn base64(hash: &[u8; 32]) -> String {
    let mut b64 = ppid_portal::reference::access::base64url(hash)
        .replace('-', "+")
        .replace('_', "/");
    while !b64.len().is_multiple_of(4) {
        b64.push('=');
    }
    b64
}

/// Where the copy of the file `name` against the dictionary `hash` is, relative to the file's folder.
pub fn copy_path(name: &str, hash: &[u8; 32]) -> String {
    format!("{}/{name}", copies_of(hash))
}

/// The folder of every copy against the dictionary `hash`, relative to the dictionary's folder.
pub fn copies_of(hash: &[u8; 32]) -> String {
    format!("{COPIES}/{}", base64(hash))
}

/// The folder beside the files that holds their copies.
pub const COPIES: &str = "dcb";

/// The `Available-Dictionary` value a browser sends for `hash`.
#[cfg(test)]
pub fn header_value(hash: &[u8; 32]) -> String {
    format!(":{}:", base64(hash))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut n, mut bits) = (0u32, 0);
    for c in s.bytes() {
        let v = ALPHABET.iter().position(|a| *a == c)? as u32;
        n = n << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((n >> bits) as u8);
        }
    }
    Some(out)
}

/// `ppid-server dictionary-copies DIR DICTIONARY FILE...`: writes `DIR/dcb/<hash>/FILE` for each
/// file of `DIR`, compressed against `DIR/DICTIONARY` (names relative to `DIR`), in place of any
/// copies `DIR/dcb/` held. Run by the release build (scripts/post-build.mjs); the files are
/// compressed in parallel.
pub fn write_copies(args: &[String]) -> Result<String, String> {
    let [dir, dictionary, files @ ..] = args else {
        return Err("usage: ppid-server dictionary-copies DIR DICTIONARY FILE...".into());
    };
    let dir = Path::new(dir);
    let read = |name: &str| {
        std::fs::read(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()))
    };
    let dict = read(dictionary)?;
    let hash = sha256(&dict);
    let folder = dir.join(COPIES);
    if folder.exists() {
        std::fs::remove_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    let into = dir.join(copies_of(&hash));
    std::fs::create_dir_all(&into).map_err(|e| format!("{}: {e}", into.display()))?;
    let results: Vec<Result<(String, usize, usize), String>> = std::thread::scope(|s| {
        let jobs: Vec<_> = files
            .iter()
            .map(|name| {
                let dict = &dict;
                s.spawn(move || {
                    let data = read(name)?;
                    let copy = compress(dict, &data);
                    let path = dir.join(copy_path(name, &hash));
                    std::fs::write(&path, &copy).map_err(|e| format!("{}: {e}", path.display()))?;
                    Ok((name.clone(), data.len(), copy.len()))
                })
            })
            .collect();
        jobs.into_iter()
            .map(|j| {
                j.join()
                    .unwrap_or_else(|_| Err("compression failed".into()))
            })
            .collect()
    });
    let mut report = format!("dictionary-copies: against {dictionary}:");
    for r in results {
        let (name, raw, dcb) = r?;
        report.push_str(&format!(" {name} {raw} -> {dcb} B;"));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decompress(dictionary: &[u8], copy: &[u8]) -> Vec<u8> {
        use std::io::Read;
        let mut out = Vec::new();
        brotli::Decompressor::new_with_custom_dict(
            &copy[HEADER_LEN..],
            4096,
            dictionary.to_vec().into(),
        )
        .read_to_end(&mut out)
        .unwrap();
        out
    }

    #[test]
    fn a_copy_names_its_dictionary_and_restores_the_file_from_it() {
        // Bytes that do not compress on their own, like a bundle's code: the shell both share.
        let mut n = 1u32;
        let shell: Vec<u8> = (0..20_000)
            .map(|_| {
                n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (n >> 16) as u8
            })
            .collect();
        let bundle = [&shell[..], b"fn status_page() { timeline() }"].concat();
        let copy = compress(&shell, &bundle);
        assert_eq!(dictionary_of(&copy), Some(sha256(&shell)));
        assert_eq!(decompress(&shell, &copy), bundle);
        // What the dictionary already holds costs next to nothing.
        let plain = compress(b"", &bundle);
        assert!(
            copy.len() < plain.len() / 2,
            "{} vs {}",
            copy.len(),
            plain.len()
        );
    }

    #[test]
    fn available_dictionary_header_round_trip() {
        let hash = sha256(b"dictionary");
        assert_eq!(available(&header_value(&hash)), Some(hash));
        assert_eq!(available(&format!(" {} ", header_value(&hash))), Some(hash));
        // A known value: SHA-256 of "abc".
        assert_eq!(
            header_value(&sha256(b"abc")),
            ":ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=:"
        );
        assert_eq!(
            available("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="),
            None
        );
        assert_eq!(available(":c2hvcnQ=:"), None);
        assert_eq!(available(":not base64!:"), None);
        assert_eq!(dictionary_of(b"\xff\x44\x43"), None);
    }
}
