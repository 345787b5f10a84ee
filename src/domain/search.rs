//! Text search shared by the catalogue and the register: case- and accent-insensitive words, and
//! an index where every word typed is a prefix of some word of a matching text.

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

/// Texts prepared for word-prefix search: every distinct folded word, sorted, with the texts it
/// occurs in, so a prefix is a binary search.
#[derive(Clone, Debug, Default)]
pub struct WordIndex {
    len: usize,
    words: Vec<(String, Vec<u32>)>,
}

impl WordIndex {
    /// Indexes `texts`; a text's number is its position.
    pub fn new(texts: Vec<String>) -> Self {
        // (word, text) pairs, sorted and grouped: a word list without a map type's code size.
        let mut pairs: Vec<(String, u32)> = Vec::new();
        for (ix, text) in texts.iter().enumerate() {
            let folded = fold(text);
            pairs.extend(folded.split_whitespace().map(|w| (w.to_owned(), ix as u32)));
        }
        // Through the one sort the orders use (a second instantiation costs wasm bytes).
        let order = sorted_indices(pairs.len(), &|a, b| {
            pairs[a as usize].cmp(&pairs[b as usize])
        });
        let mut sorted: Vec<(String, u32)> = Vec::with_capacity(pairs.len());
        for i in order {
            sorted.push(std::mem::take(&mut pairs[i as usize]));
        }
        sorted.dedup();
        let mut words: Vec<(String, Vec<u32>)> = Vec::new();
        for (w, ix) in sorted {
            match words.last_mut() {
                Some((last, list)) if *last == w => list.push(ix),
                _ => words.push((w, vec![ix])),
            }
        }
        WordIndex {
            len: texts.len(),
            words,
        }
    }

    /// The texts where every word of `text` is a prefix of some word; `None` when `text` has no words.
    pub fn matches(&self, text: &str) -> Option<Bits> {
        let folded = fold(text);
        let mut result: Option<Bits> = None;
        for q in folded.split_whitespace() {
            let mut bits = Bits::new(self.len);
            let start = self.words.partition_point(|(w, _)| w.as_str() < q);
            for (_, list) in self.words[start..]
                .iter()
                .take_while(|(w, _)| w.starts_with(q))
            {
                for &ix in list {
                    bits.insert(ix);
                }
            }
            result = Some(match result {
                None => bits,
                Some(mut acc) => {
                    acc.intersect(&bits);
                    acc
                }
            });
        }
        result
    }
}

/// `0..n` sorted by `cmp`, ties by position (one sort instantiation for every order: smaller wasm).
pub fn sorted_indices(n: usize, cmp: &dyn Fn(u32, u32) -> std::cmp::Ordering) -> Vec<u32> {
    let mut v: Vec<u32> = (0..n as u32).collect();
    v.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    v
}

/// A fixed-size set of text numbers.
pub struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Self {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn insert(&mut self, i: u32) {
        self.0[i as usize / 64] |= 1 << (i % 64);
    }
    /// Whether text number `i` is in the set.
    pub fn contains(&self, i: u32) -> bool {
        self.0
            .get(i as usize / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    fn intersect(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
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

    #[test]
    fn every_word_typed_is_a_prefix_of_a_word_of_the_text() {
        let ix = WordIndex::new(vec![
            "Dokumen APBD 2026 Kecamatan Sukamaju".into(),
            "Anggaran Café 2025".into(),
        ]);
        let hits = |q: &str| ix.matches(q).map(|b| (b.contains(0), b.contains(1)));
        assert_eq!(hits("apbd 2026"), Some((true, false)));
        assert_eq!(hits("CAFE"), Some((false, true)));
        assert_eq!(hits("20"), Some((true, true)));
        assert_eq!(hits("kecamatan 2025"), Some((false, false)));
        assert_eq!(hits(" -- "), None);
    }
}
