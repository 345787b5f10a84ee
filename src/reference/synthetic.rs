//! A large generated catalogue for load tests and benchmarks (`ppid-server --catalogue-size N`),
//! and a large generated register for the search benchmark.

use crate::contract::{
    CatalogueFile, CatalogueItem, Exemption, FollowUp, FollowUpResult, InformationClass,
    InformationForm, Outcome, RegisterEntry, RegisterEvent, RegisterEventKind,
};

const SUBJECTS: [&str; 16] = [
    "Anggaran",
    "Laporan Keuangan",
    "Rencana Kerja",
    "Data Penduduk",
    "Peraturan Bupati",
    "Perjanjian Kerja Sama",
    "Profil",
    "Laporan Kinerja",
    "Daftar Aset",
    "Jadwal Pelayanan",
    "Rekapitulasi Pengaduan",
    "Statistik Sektoral",
    "Pengadaan Barang",
    "Rencana Strategis",
    "Hasil Evaluasi",
    "Standar Pelayanan",
];
const TOPICS: [&str; 12] = [
    "Kesehatan",
    "Pendidikan",
    "Jalan dan Jembatan",
    "Air Bersih",
    "Pertanian",
    "Pariwisata",
    "Kebencanaan",
    "Perizinan",
    "Kependudukan",
    "Lingkungan Hidup",
    "Koperasi dan UMKM",
    "Kebudayaan Sunda Ngamumulé",
];
const FORMATS: [&str; 5] = ["PDF", "XLSX", "CSV", "DOCX", "JPG"];

/// `n` plausible, deterministic catalogue items spread over the classes, `units` and five years.
pub fn catalogue(n: usize, units: &[String]) -> Vec<CatalogueItem> {
    (0..n)
        .map(|i| {
            let class = match i % 10 {
                0..=3 => InformationClass::Berkala,
                4 => InformationClass::SertaMerta,
                5..=8 => InformationClass::SetiapSaat,
                _ => InformationClass::Dikecualikan,
            };
            let subject = SUBJECTS[i % SUBJECTS.len()];
            let topic = TOPICS[(i / SUBJECTS.len()) % TOPICS.len()];
            let year = 2022 + (i % 5) as i32;
            let format = FORMATS[i % FORMATS.len()];
            let unit_id = units
                .get(i % units.len().max(1))
                .cloned()
                .unwrap_or_else(|| "setda".into());
            let excepted = class == InformationClass::Dikecualikan;
            CatalogueItem {
                id: format!("gen-{i:05}"),
                class,
                dip_number: Some(format!("G.{i:05}")),
                title: format!("{subject} {topic} {year} #{i}"),
                summary: format!(
                    "{subject} bidang {topic} tahun {year}, dokumen nomor {i} dari katalog uji."
                ),
                unit_id,
                holding_official: Some("Kepala Bidang".into()),
                responsible: Some("Sekretaris".into()),
                made_when: Some(year.to_string()),
                made_where: Some("Sukamaju".into()),
                forms: vec![InformationForm::Softcopy],
                formats: vec![format.into()],
                retention: Some("5 tahun".into()),
                year,
                updated_on: format!("{year}-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                keywords: vec![topic.to_lowercase(), subject.to_lowercase()],
                files: if excepted {
                    vec![]
                } else {
                    vec![CatalogueFile {
                        name: format!("gen-{i:05}.{}", format.to_lowercase()),
                        media_type: "application/octet-stream".into(),
                        size_bytes: 40_000 + (i as u64 * 7919) % 5_000_000,
                        url: format!("https://ppid.example.go.id/files/gen-{i:05}"),
                    }]
                },
                exemption: excepted.then(|| Exemption {
                    pasal17: ["a", "b", "c", "h", "i"][i % 5].into(),
                    consequence_test:
                        "Uji konsekuensi: pembukaan dapat merugikan kepentingan yang dilindungi."
                            .into(),
                    period: "5 tahun".into(),
                    ends_on: Some(format!("{}-12-31", year + 5)),
                }),
            }
        })
        .collect()
}

const DISTRICTS: [&str; 8] = [
    "Sukamaju",
    "Cibening",
    "Pasirjaya",
    "Tanjungwangi",
    "Cijambu",
    "Margaluyu",
    "Sukaresmi",
    "Cibodas",
];

/// `n` plausible, deterministic register entries over `units`, 2025 and 2026, every outcome.
pub fn register(n: usize, units: &[String]) -> Vec<RegisterEntry> {
    (0..n)
        .map(|i| {
            let subject = SUBJECTS[i % SUBJECTS.len()];
            let topic = TOPICS[(i / SUBJECTS.len()) % TOPICS.len()];
            let district = DISTRICTS[(i / 7) % DISTRICTS.len()];
            let year = 2025 + (i % 2) as i32;
            let (month, day) = (1 + (i / 2) % 12, 1 + (i / 24) % 28);
            let received_on = format!("{year}-{month:02}-{day:02}");
            let notice_on = format!("{year}-{month:02}-{:02}", (day + 9).min(28));
            let outcome = Outcome::ALL[i % Outcome::ALL.len()];
            let refused = matches!(outcome, Outcome::Refused | Outcome::PartlyFulfilled);
            let follow_up = |result| FollowUp {
                filed_on: notice_on.clone(),
                result,
                decided_on: None,
            };
            RegisterEntry {
                id: format!("R-{year}-{i:05}"),
                information: format!(
                    "{subject} bidang {topic} Kecamatan {district} tahun {year}, permohonan nomor {i}."
                ),
                unit_id: units
                    .get(i % units.len().max(1))
                    .cloned()
                    .unwrap_or_else(|| "setda".into()),
                received_on: received_on.clone(),
                notice_on: notice_on.clone(),
                due_on: None,
                extended: i % 13 == 0,
                outcome,
                pasal17: refused.then(|| ["a", "b", "h", "i"][i % 4].into()),
                late: i % 7 == 0,
                notice_summary: None,
                documents: vec![],
                timeline: vec![
                    RegisterEvent {
                        on: received_on,
                        kind: RegisterEventKind::Received,
                    },
                    RegisterEvent {
                        on: notice_on.clone(),
                        kind: RegisterEventKind::Notice,
                    },
                ],
                objection: (i % 11 == 0).then(|| follow_up(FollowUpResult::Pending)),
                dispute: (i % 33 == 0).then(|| follow_up(FollowUpResult::Pending)),
                catalogue_item_id: None,
            }
        })
        .collect()
}
