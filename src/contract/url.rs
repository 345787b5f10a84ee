//! The contract's URL shape, shared by the portal and the reference backend: path segments and
//! query values percent-encoded (RFC 3986), and the catalogue's query pairs.

use super::{
    field_code, CatalogueQuery, CatalogueSort, FieldError, InformationClass, Outcome, RegisterQuery,
    RegisterSort,
};

/// Decodes `application/x-www-form-urlencoded` query pairs into a catalogue query.
pub fn parse_catalogue_query(raw: &str) -> Result<CatalogueQuery, FieldError> {
    let mut q = CatalogueQuery::default();
    let bad = |name: &str| FieldError::new(format!("/{name}"), field_code::INVALID_FORMAT);
    for pair in raw.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = percent_decode(v);
        if v.is_empty() {
            continue;
        }
        match k {
            "class" => q.class = Some(InformationClass::parse(&v).ok_or_else(|| bad(k))?),
            "q" => q.q = Some(v),
            "unit" => q.unit = Some(v),
            "year" => q.year = Some(numeric(&v).ok_or_else(|| bad(k))?),
            "format" => q.format = Some(v),
            "sort" => {
                q.sort = Some(match v.as_str() {
                    "newest" => CatalogueSort::Newest,
                    "title" => CatalogueSort::Title,
                    _ => return Err(bad(k)),
                })
            }
            "page" => q.page = Some(numeric(&v).ok_or_else(|| bad(k))?),
            "per_page" => q.per_page = Some(numeric(&v).ok_or_else(|| bad(k))?),
            _ => {}
        }
    }
    Ok(q)
}

/// A numeric query value as the contract defines it: one to nine ASCII digits, optionally after
/// one `+`; a sign `-`, spaces, decimals and exponents are not numeric.
fn numeric<T: std::str::FromStr>(v: &str) -> Option<T> {
    let digits = v.strip_prefix('+').unwrap_or(v);
    let ok = (1..=9).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| digits.parse().ok()).flatten()
}

/// Encodes a catalogue query as URL query pairs (no leading `?`).
pub fn encode_catalogue_query(q: &CatalogueQuery) -> String {
    let mut parts = Vec::new();
    let mut push = |k: &str, v: String| parts.push(format!("{k}={}", percent_encode(&v)));
    if let Some(c) = q.class {
        push("class", c.as_str().into());
    }
    if let Some(v) = &q.q {
        push("q", v.clone());
    }
    if let Some(v) = &q.unit {
        push("unit", v.clone());
    }
    if let Some(v) = q.year {
        push("year", v.to_string());
    }
    if let Some(v) = &q.format {
        push("format", v.clone());
    }
    if let Some(v) = q.sort {
        push(
            "sort",
            if v == CatalogueSort::Title {
                "title"
            } else {
                "newest"
            }
            .into(),
        );
    }
    if let Some(v) = q.page {
        push("page", v.to_string());
    }
    if let Some(v) = q.per_page {
        push("per_page", v.to_string());
    }
    parts.join("&")
}

/// Decodes `application/x-www-form-urlencoded` query pairs into a register query.
pub fn parse_register_query(raw: &str) -> Result<RegisterQuery, FieldError> {
    let mut q = RegisterQuery::default();
    let bad = |name: &str| FieldError::new(format!("/{name}"), field_code::INVALID_FORMAT);
    for pair in raw.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = percent_decode(v);
        if v.is_empty() {
            continue;
        }
        match k {
            "q" => q.q = Some(v),
            "unit" => q.unit = Some(v),
            "outcome" => q.outcome = Some(Outcome::parse(&v).ok_or_else(|| bad(k))?),
            "year" => q.year = Some(numeric(&v).ok_or_else(|| bad(k))?),
            "sort" => {
                q.sort = Some(match v.as_str() {
                    "newest" => RegisterSort::Newest,
                    "oldest" => RegisterSort::Oldest,
                    _ => return Err(bad(k)),
                })
            }
            "page" => q.page = Some(numeric(&v).ok_or_else(|| bad(k))?),
            "per_page" => q.per_page = Some(numeric(&v).ok_or_else(|| bad(k))?),
            _ => {}
        }
    }
    Ok(q)
}

/// Encodes a register query as URL query pairs (no leading `?`).
pub fn encode_register_query(q: &RegisterQuery) -> String {
    let mut parts = Vec::new();
    let mut push = |k: &str, v: &str| parts.push(format!("{k}={}", percent_encode(v)));
    if let Some(v) = &q.q {
        push("q", v);
    }
    if let Some(v) = &q.unit {
        push("unit", v);
    }
    if let Some(v) = q.outcome {
        push("outcome", v.as_str());
    }
    if let Some(v) = q.year {
        push("year", &v.to_string());
    }
    if let Some(v) = q.sort {
        push(
            "sort",
            if v == RegisterSort::Oldest {
                "oldest"
            } else {
                "newest"
            },
        );
    }
    if let Some(v) = q.page {
        push("page", &v.to_string());
    }
    if let Some(v) = q.per_page {
        push("per_page", &v.to_string());
    }
    parts.join("&")
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+`; invalid escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn query_strings_round_trip() {
        let q = CatalogueQuery {
            q: Some("anggaran café & co".into()),
            year: Some(2026),
            ..Default::default()
        };
        assert_eq!(
            parse_catalogue_query(&encode_catalogue_query(&q)).unwrap(),
            q
        );
        assert_eq!(percent_decode("a%2"), "a%2");
    }

    #[test]
    fn register_queries_round_trip_and_refuse_unknown_outcomes() {
        let q = RegisterQuery {
            q: Some("APBD 2026 & café".into()),
            unit: Some("bappeda".into()),
            outcome: Some(Outcome::PartlyFulfilled),
            year: Some(2026),
            sort: Some(RegisterSort::Oldest),
            page: Some(2),
            per_page: Some(20),
        };
        assert_eq!(parse_register_query(&encode_register_query(&q)).unwrap(), q);
        assert_eq!(
            parse_register_query("outcome=maybe").unwrap_err().pointer,
            "/outcome"
        );
        assert_eq!(
            parse_register_query("sort=title").unwrap_err().pointer,
            "/sort"
        );
    }

    #[test]
    fn numbers_are_digits_with_an_optional_plus_and_the_last_repeat_counts() {
        let page = |raw: &str| parse_catalogue_query(raw).map(|q| q.page);
        assert_eq!(page("page=3"), Ok(Some(3)));
        assert_eq!(page("page=%2B3"), Ok(Some(3)));
        assert_eq!(page("page=007"), Ok(Some(7)));
        for bad in [
            "page=-2",
            "page=+3",
            "page=1.5",
            "page=1e2",
            "page=%203",
            "page=1234567890",
        ] {
            assert_eq!(page(bad).unwrap_err().pointer, "/page", "{bad}");
        }
        assert!(parse_catalogue_query("year=-2026").is_err());
        assert_eq!(
            parse_catalogue_query("class=berkala&class=dikecualikan").map(|q| q.class),
            Ok(Some(InformationClass::Dikecualikan))
        );
    }
}
