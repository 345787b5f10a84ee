//! Catalogue text search: case- and accent-insensitive, every query word a prefix of some word.

/// Lower-cases and strips Latin accents, keeping letters and digits as word characters.
///
/// Deliberately without Unicode tables (they cost about 20 KB of wasm): ASCII and Latin-1 letters
/// are folded, any other non-ASCII character is kept as a word character as it is, and ASCII
/// punctuation and Unicode spaces/dashes/quotes separate words.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let base = match c {
            'à'..='å' | 'À'..='Å' => 'a',
            'è'..='ë' | 'È'..='Ë' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' => 'i',
            'ò'..='ö' | 'Ò'..='Ö' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            'ý' | 'ÿ' | 'Ý' => 'y',
            'ß' => 's',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            c if c.is_ascii() => ' ',
            // General punctuation (spaces, dashes, quotes, bullets) and Latin-1 symbols.
            '\u{80}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{206f}' | '\u{3000}' => ' ',
            c => c,
        };
        out.push(base);
    }
    out
}

/// [`fold`] with a leading space, the form [`Query::matches_folded`] expects: every word then
/// starts right after a space, so a word-prefix test is one substring search.
pub fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    out.push(' ');
    out.push_str(&fold(text));
    out
}

/// A query folded and split into words, ready to match many texts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    /// Parses what the citizen typed.
    pub fn new(text: &str) -> Query {
        Query {
            words: fold(text).split_whitespace().map(str::to_owned).collect(),
        }
    }

    /// True when the query has no words (matches everything).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every query word is a prefix of some word of `folded` (a text passed through [`fold`]).
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.words
            .iter()
            .all(|q| folded.split_whitespace().any(|w| w.starts_with(q.as_str())))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn prefix_case_and_accent_insensitive() {
        let text = fold_for_search("Anggaran Pendapatan dan Belanja Daerah — Café UMKM");
        assert!(Query::new("angg").matches_folded(&text));
        assert!(Query::new("ANGG bel").matches_folded(&text));
        assert!(Query::new("cafe").matches_folded(&text));
        assert!(Query::new("café").matches_folded(&text));
        assert!(!Query::new("nggaran").matches_folded(&text));
        assert!(!Query::new("angg kesehatan").matches_folded(&text));
        assert!(Query::new("  ").is_empty());
    }
}
