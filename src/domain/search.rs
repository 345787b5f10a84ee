//! Text folding for catalogue search: case- and accent-insensitive words
//! (the word-prefix index itself is in `domain::catalogue`).

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(
            fold("Anggaran—Belanja, Café UMKM"),
            "anggaran belanja  cafe umkm"
        );
        assert_eq!(fold("NGAMUMULÉ 2026!"), "ngamumule 2026 ");
        assert_eq!(fold("Straße"), "strase");
        // Other scripts are kept as word characters, not dropped.
        assert_eq!(fold("ꦗꦮ"), "ꦗꦮ");
    }
}
