//! Complaints are not information requests: the words that show a citizen is complaining about a
//! public service, so the portal can point them to SP4N-LAPOR, the national complaints channel
//! (Perpres 76/2013), instead of letting the complaint wait ten working days as a request.

use super::search::fold;

/// SP4N-LAPOR, where complaints about public services go.
pub const SP4N_LAPOR: &str = "https://www.lapor.go.id";

/// Word stems that say "complaint" in Indonesian (and the English a citizen may use). Matched at the
/// start of a word, case and accents ignored: "mengadukan", "keluhannya", "dipungli" match.
const STEMS: [&str; 12] = [
    "pengadu",
    "mengadu",
    "aduan",
    "keluh",
    "mengeluh",
    "komplain",
    "kecewa",
    "pungli",
    "dipungli",
    "complain",
    "protes",
    "melaporkan",
];

/// Words that, just before a complaint word, ask for information about complaints ("jumlah
/// pengaduan", "data keluhan", "rekap aduan"): a request for figures, not a complaint.
const ABOUT_COMPLAINTS: [&str; 8] = [
    "jumlah",
    "data",
    "rekap",
    "rekapitulasi",
    "statistik",
    "daftar",
    "laporan",
    "number",
];

/// Phrases that say a service was not given, word by word.
const PHRASES: [&[&str]; 3] = [
    &["tidak", "dilayani"],
    &["pelayanan", "buruk"],
    &["pelayanan", "yang", "buruk"],
];

/// Whether `text` reads like a complaint about a public service rather than a request for
/// information. A hint only, and the citizen may go on with the request. A complaint word right after
/// a word like "jumlah" or "data" asks for information about complaints and does not count.
pub fn looks_like_complaint(text: &str) -> bool {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let complaint_word = |i: usize| {
        STEMS.iter().any(|s| words[i].starts_with(s))
            && !(i > 0 && ABOUT_COMPLAINTS.contains(&words[i - 1]))
    };
    // The phrase's words in a row, each matched at the start of a word as the stems are.
    let phrase = |p: &&[&str]| {
        words
            .windows(p.len())
            .any(|w| w.iter().zip(p.iter()).all(|(w, p)| w.starts_with(p)))
    };
    (0..words.len()).any(complaint_word) || PHRASES.iter().any(phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complaints_are_recognised() {
        for text in [
            "Saya ingin mengadukan jalan rusak di depan rumah",
            "Keluhan: petugas kelurahan tidak datang",
            "Kami KECEWA dengan pelayanan puskesmas",
            "Ada pungli saat membuat KTP",
            "Saya tidak dilayani di kantor camat",
            "I want to complain about the garbage collection",
            "Pengaduan masyarakat soal air bersih",
            "Pelayanan yang buruk di loket KTP",
            "Pelayanannya buruk sekali",
        ] {
            assert!(looks_like_complaint(text), "{text}");
        }
    }

    #[test]
    fn requests_for_information_are_not_complaints() {
        for text in [
            "Laporan realisasi APBD 2025 per kecamatan",
            "Daftar penerima bantuan sosial tahun 2026",
            "Data jalan rusak yang sudah diperbaiki",
            "Jumlah pengaduan masyarakat tahun 2025 per kecamatan",
            "Rekap aduan dan data keluhan pelayanan air bersih",
            "Standar pelayanan dan indeks kepuasan yang buruk atau baik",
            "",
        ] {
            assert!(!looks_like_complaint(text), "{text}");
        }
    }
}
