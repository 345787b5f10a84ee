//! The service charter's elements an office states itself (PerKI 1/2021 Pasal 47(2): the service
//! guarantee and the performance evaluation): what of one the portal may show. Nothing is made up:
//! an element without usable text or link has not been published.

use crate::contract::CharterElement;

/// A published element: its paragraphs (blank lines dropped) and its document link.
#[derive(Debug, PartialEq)]
pub struct Published<'a> {
    pub paragraphs: Vec<&'a str>,
    /// Only an absolute `http(s)` link; anything else (`javascript:`, `data:`) is no link.
    pub url: Option<&'a str>,
}

/// What the portal shows of an element, or `None` when the office has not published it.
pub fn published(element: Option<&CharterElement>) -> Option<Published<'_>> {
    let e = element?;
    let paragraphs: Vec<&str> = e
        .text
        .as_deref()
        .unwrap_or("")
        .split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let url = e.url.as_deref().map(str::trim).filter(|u| is_web_link(u));
    (!paragraphs.is_empty() || url.is_some()).then_some(Published { paragraphs, url })
}

fn is_web_link(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(text: Option<&str>, url: Option<&str>) -> CharterElement {
        CharterElement {
            text: text.map(Into::into),
            url: url.map(Into::into),
        }
    }

    #[test]
    fn nothing_usable_is_not_published() {
        assert_eq!(published(None), None);
        assert_eq!(published(Some(&el(None, None))), None);
        assert_eq!(published(Some(&el(Some(" \n \n"), Some("  ")))), None);
        assert_eq!(
            published(Some(&el(None, Some("javascript:alert(1)")))),
            None
        );
        assert_eq!(published(Some(&el(None, Some("data:text/html,x")))), None);
        assert_eq!(published(Some(&el(None, Some("/maklumat.pdf")))), None);
    }

    #[test]
    fn text_is_split_into_paragraphs_and_only_web_links_are_kept() {
        let e = el(
            Some("Kami menjamin.\n\n  Hasil 2025: baik. \n"),
            Some("HTTPS://ppid.example.go.id/m.pdf"),
        );
        assert_eq!(
            published(Some(&e)),
            Some(Published {
                paragraphs: vec!["Kami menjamin.", "Hasil 2025: baik."],
                url: Some("HTTPS://ppid.example.go.id/m.pdf"),
            })
        );
        let e = el(Some("Kami menjamin."), Some("javascript:alert(1)"));
        assert_eq!(published(Some(&e)).and_then(|p| p.url), None);
        let e = el(None, Some("http://ppid.example.go.id/evaluasi 2025.pdf"));
        assert_eq!(
            published(Some(&e)),
            None,
            "a link with a space is not a link"
        );
        let e = el(None, Some("https://ppid.example.go.id/evaluasi.pdf"));
        assert_eq!(published(Some(&e)).map(|p| p.paragraphs.len()), Some(0));
    }
}
