#!/usr/bin/env python3
"""Generates src/reference/seed.json: the demo data set of a FICTIONAL regency.

"Pemerintah Kabupaten Sukamaju" does not exist; every person, address, phone number,
NIK and decree number below is invented. The 2026 national holidays and cuti bersama
follow the SKB 3 Menteri for 2026; the 2027 calendar is an approximation for the demo.

Python 3.11, standard library only. The output is deterministic (no clock, no randomness):

    python3 scripts/gen-seed.py            # writes src/reference/seed.json
    python3 scripts/gen-seed.py --check    # exits 1 when seed.json is out of date
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "reference" / "seed.json"

TODAY = dt.date(2026, 11, 23)  # the demo's "today"
SITE = "https://ppid.sukamajukab.go.id"
REGION_CODE = "3219"  # fictional kabupaten code inside Jawa Barat (32)

# ------------------------------------------------------------------ meta

META = {
    "contract_version": "1.4.0",
    "public_body": {
        "name": "Pemerintah Kabupaten Sukamaju",
        "short_name": "PPID Sukamaju",
        "region": "Kabupaten Sukamaju, Jawa Barat",
        "logo_url": None,
        "address": "Kompleks Perkantoran Pemerintah Kabupaten Sukamaju, Jl. Raya Pemda No. 1, Sukamaju 45901",
        "phone": "+62 21 555 0100",
        "email": "ppid@sukamajukab.go.id",
        "website": SITE,
    },
    "office_hours": [
        {"weekdays": [1, 2, 3, 4], "opens": "08:00", "closes": "15:30"},
        {"weekdays": [5], "opens": "08:00", "closes": "16:00"},
    ],
    "features": ["catalogue_search", "objections", "statistics", "identity_document", "survey"],
    "service_standards": {
        "notice_days": 10,
        "extension_days": 7,
        "objection_filing_days": 30,
        "objection_answer_days": 30,
        "dispute_filing_days": 14,
        "verification_days": 3,
    },
    "deadline_rules": {
        "time_zone": "Asia/Jakarta",
        "cuti_bersama_is_non_working": True,
        "unanswered_objection_opens_dispute": True,
        "day_zero": "day_of_receipt",
    },
    # Kabupaten Sukamaju has no Komisi Informasi of its own: disputes go to the province's.
    "komisi_informasi": {"name": "Komisi Informasi Provinsi Jawa Barat"},
    # The two charter elements only the office can state (PerKI 1/2021 Pasal 47(2)); the portal
    # writes the other four from the law and service_standards.
    "charter": {
        "service_guarantee": {
            "text": "Kami menjamin setiap permohonan dicatat dan diberi nomor registrasi saat diterima, dijawab "
                    "tertulis paling lambat 10 hari kerja, dan dilayani tanpa biaya selain biaya nyata "
                    "penyalinan dan pengiriman. Jika kami tidak menepati maklumat ini, sampaikan keberatan "
                    "kepada Atasan PPID (Sekretaris Daerah) atau pengaduan lewat SP4N-LAPOR!.",
            "url": f"{SITE}/files/maklumat-pelayanan-informasi-publik-2026.pdf",
        },
        "performance_evaluation": {
            "text": "Kinerja petugas layanan informasi dievaluasi setiap tahun oleh Atasan PPID dari laporan layanan "
                    "informasi publik dan survei kepuasan pemohon. Hasilnya diumumkan di Daftar Informasi Publik.",
            "url": f"{SITE}/files/laporan-layanan-informasi-publik-2025.pdf",
        },
    },
    # Made up, in the demo's format: not the number of a request in this data set.
    "registration_number_example": "PPID-2026-000412",
    # The reference server takes bodies up to 24 MiB (server/src/conn.rs), the contract's minimum.
    "max_body_bytes": 24 * 1024 * 1024,
}

# ------------------------------------------------------------------ calendars

SKB_2026 = (
    "SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB Nomor 1497 Tahun 2025, "
    "Nomor 2 Tahun 2025, Nomor 5 Tahun 2025"
)
SKB_2027 = "Perkiraan data contoh (bukan SKB resmi)"
BUPATI_HARI_JADI = "Keputusan Bupati Sukamaju tentang Hari Libur Daerah Hari Jadi Kabupaten Sukamaju (fiktif)"

H, CB, CL = "holiday", "cuti_bersama", "closure"

CALENDAR_2026 = [
    ("2026-01-01", H, "Tahun Baru 2026 Masehi"),
    ("2026-01-16", H, "Isra Mikraj Nabi Muhammad SAW"),
    ("2026-02-16", CB, "Cuti Bersama Tahun Baru Imlek 2577 Kongzili"),
    ("2026-02-17", H, "Tahun Baru Imlek 2577 Kongzili"),
    ("2026-03-18", CB, "Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)"),
    ("2026-03-19", H, "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
    ("2026-03-20", CB, "Cuti Bersama Idulfitri 1447 Hijriah"),
    ("2026-03-21", H, "Idulfitri 1447 Hijriah"),
    ("2026-03-22", H, "Idulfitri 1447 Hijriah"),
    ("2026-03-23", CB, "Cuti Bersama Idulfitri 1447 Hijriah"),
    ("2026-03-24", CB, "Cuti Bersama Idulfitri 1447 Hijriah"),
    ("2026-04-03", H, "Wafat Yesus Kristus"),
    ("2026-04-05", H, "Kebangkitan Yesus Kristus (Paskah)"),
    ("2026-04-14", CL, "Hari Jadi Kabupaten Sukamaju ke-78"),
    ("2026-05-01", H, "Hari Buruh Internasional"),
    ("2026-05-14", H, "Kenaikan Yesus Kristus"),
    ("2026-05-15", CB, "Cuti Bersama Kenaikan Yesus Kristus"),
    ("2026-05-27", H, "Iduladha 1447 Hijriah"),
    ("2026-05-28", CB, "Cuti Bersama Iduladha 1447 Hijriah"),
    ("2026-05-31", H, "Hari Raya Waisak 2570 BE"),
    ("2026-06-01", H, "Hari Lahir Pancasila"),
    ("2026-06-16", H, "1 Muharam Tahun Baru Islam 1448 Hijriah"),
    ("2026-08-17", H, "Proklamasi Kemerdekaan Republik Indonesia"),
    ("2026-08-25", H, "Maulid Nabi Muhammad SAW"),
    ("2026-12-24", CB, "Cuti Bersama Kelahiran Yesus Kristus"),
    ("2026-12-25", H, "Kelahiran Yesus Kristus"),
]

CALENDAR_2027 = [
    ("2027-01-01", H, "Tahun Baru 2027 Masehi"),
    ("2027-01-05", H, "Isra Mikraj Nabi Muhammad SAW (1448 H)"),
    ("2027-02-05", CB, "Cuti Bersama Tahun Baru Imlek 2578 Kongzili"),
    ("2027-02-06", H, "Tahun Baru Imlek 2578 Kongzili"),
    ("2027-03-08", H, "Hari Suci Nyepi (Tahun Baru Saka 1949)"),
    ("2027-03-09", CB, "Cuti Bersama Idulfitri 1448 Hijriah"),
    ("2027-03-10", H, "Idulfitri 1448 Hijriah"),
    ("2027-03-11", H, "Idulfitri 1448 Hijriah"),
    ("2027-03-12", CB, "Cuti Bersama Idulfitri 1448 Hijriah"),
    ("2027-03-15", CB, "Cuti Bersama Idulfitri 1448 Hijriah"),
    ("2027-03-25", CB, "Cuti Bersama Wafat Yesus Kristus"),
    ("2027-03-26", H, "Wafat Yesus Kristus"),
    ("2027-03-28", H, "Kebangkitan Yesus Kristus (Paskah)"),
    ("2027-04-14", CL, "Hari Jadi Kabupaten Sukamaju ke-79"),
    ("2027-05-01", H, "Hari Buruh Internasional"),
    ("2027-05-06", H, "Kenaikan Yesus Kristus"),
    ("2027-05-17", H, "Iduladha 1448 Hijriah"),
    ("2027-05-18", CB, "Cuti Bersama Iduladha 1448 Hijriah"),
    ("2027-05-19", CB, "Cuti Bersama Hari Raya Waisak 2571 BE"),
    ("2027-05-20", H, "Hari Raya Waisak 2571 BE"),
    ("2027-06-01", H, "Hari Lahir Pancasila"),
    ("2027-06-06", H, "1 Muharam Tahun Baru Islam 1449 Hijriah"),
    ("2027-08-15", H, "Maulid Nabi Muhammad SAW"),
    ("2027-08-17", H, "Proklamasi Kemerdekaan Republik Indonesia"),
    ("2027-12-24", CB, "Cuti Bersama Kelahiran Yesus Kristus"),
    ("2027-12-25", H, "Kelahiran Yesus Kristus"),
    ("2027-12-26", H, "Isra Mikraj Nabi Muhammad SAW (1449 H)"),
]


def calendar(year: int, rows, skb: str, sources: list[str]) -> dict:
    days = []
    for date, kind, name in rows:
        days.append({
            "date": date,
            "kind": kind,
            "name": name,
            "decree": BUPATI_HARI_JADI if kind == CL else skb,
        })
    return {"year": year, "days": days, "sources": sources}


CALENDARS = [
    calendar(2026, CALENDAR_2026, SKB_2026, [
        SKB_2026 + " tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026",
        BUPATI_HARI_JADI + ", Tahun 2026 (data contoh)",
    ]),
    calendar(2027, CALENDAR_2027, SKB_2027, [
        "Data contoh: perkiraan berdasarkan kalender hijriah, Saka, Imlek dan Paskah, bukan SKB resmi; "
        "ganti dengan SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027 sebelum dipakai",
        BUPATI_HARI_JADI + ", Tahun 2027 (data contoh)",
    ]),
]

# ------------------------------------------------------------------ units

UNITS = [
    # id, name, short_name, official, address, phone suffix
    ("setda", "Sekretariat Daerah (PPID Utama)", "Setda",
     "Sekretaris Daerah selaku Atasan PPID", "Jl. Raya Pemda No. 1, Sukamaju", "0101"),
    ("dinkes", "Dinas Kesehatan", "Dinkes",
     "Kepala Dinas Kesehatan", "Jl. Dr. Wahidin No. 14, Sukamaju", "0121"),
    ("disdik", "Dinas Pendidikan dan Kebudayaan", "Disdikbud",
     "Kepala Dinas Pendidikan dan Kebudayaan", "Jl. Pendidikan No. 3, Sukamaju", "0131"),
    ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR",
     "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "Jl. Siliwangi No. 27, Sukamaju", "0141"),
    ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD",
     "Kepala Badan Pengelolaan Keuangan dan Aset Daerah", "Kompleks Perkantoran Pemda, Jl. Raya Pemda No. 5, Sukamaju", "0151"),
    ("diskominfo", "Dinas Komunikasi dan Informatika", "Diskominfo",
     "Kepala Dinas Komunikasi dan Informatika", "Jl. Merdeka No. 8, Sukamaju", "0161"),
    ("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD",
     "Kepala Pelaksana Badan Penanggulangan Bencana Daerah", "Jl. Cisukamaju Raya No. 40, Sukamaju", "0171"),
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil",
     "Kepala Dinas Kependudukan dan Pencatatan Sipil", "Jl. Pahlawan No. 21, Sukamaju", "0181"),
    ("dlh", "Dinas Lingkungan Hidup", "DLH",
     "Kepala Dinas Lingkungan Hidup", "Jl. Raya Tanjungwangi Km 2, Sukamaju", "0191"),
    ("bappeda", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida",
     "Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Kompleks Perkantoran Pemda, Jl. Raya Pemda No. 3, Sukamaju", "0201"),
    ("diskopukm", "Dinas Koperasi dan Usaha Mikro", "Diskopum",
     "Kepala Dinas Koperasi dan Usaha Mikro", "Jl. Pasar Baru No. 11, Sukamaju", "0211"),
]

UNIT_BY_ID = {u[0]: u for u in UNITS}


def units_json() -> list[dict]:
    out = []
    for uid, name, short, official, address, phone in UNITS:
        out.append({
            "id": uid,
            "name": name,
            "short_name": short,
            "official": official,
            "address": address,
            "phone": "+62 21 555 " + phone,
            "email": f"{uid}@sukamajukab.go.id",
        })
    return out


# ------------------------------------------------------------------ catalogue

MEDIA = {
    "PDF": ("pdf", "application/pdf", 150_000, 8_000_000),
    "XLSX": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 40_000, 900_000),
    "CSV": ("csv", "text/csv", 40_000, 600_000),
    "DOCX": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 40_000, 1_500_000),
    "JPG": ("jpg", "image/jpeg", 300_000, 4_000_000),
}


def slug(text: str, limit: int = 70) -> str:
    s = text.lower()
    for a, b in (("é", "e"), ("è", "e"), ("á", "a"), ("ó", "o"), ("ü", "u")):
        s = s.replace(a, b)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > limit:
        s = s[: s.rfind("-", 0, limit + 1)]  # cut at a word boundary
    return s


def size_for(key: str, lo: int, hi: int) -> int:
    """A stable, realistic-looking size in [lo, hi), rounded to whole bytes."""
    return lo + zlib.crc32(key.encode("utf-8")) % (hi - lo)


# Each row: class, unit, year, updated_on, title, summary, keywords, formats, extra options.
# Options: files (list of formats to publish as files; default the first two soft formats),
# holder (pejabat/unit penguasa informasi), resp (penanggung jawab), when (waktu pembuatan),
# where (tempat pembuatan), retention, exemption (dikecualikan only).
B, SM, SS, DK = "berkala", "serta_merta", "setiap_saat", "dikecualikan"

CATALOGUE = [
    # ---------------------------------------------------------- berkala (Pasal 9)
    (B, "setda", 2026, "2026-07-15", "Profil Pemerintah Kabupaten Sukamaju Tahun 2026",
     "Profil badan publik: visi dan misi, struktur organisasi perangkat daerah, tugas dan fungsi, serta daftar pejabat struktural. "
     "Memuat juga alamat dan kontak seluruh PPID Pelaksana.",
     ["profil", "struktur organisasi", "visi misi", "pejabat"], ["PDF", "Hardcopy"],
     dict(holder="Bagian Organisasi Sekretariat Daerah", when="Juli 2026", retention="Permanen")),
    (B, "setda", 2025, "2026-02-27", "Laporan Layanan Informasi Publik PPID Kabupaten Sukamaju Tahun 2025",
     "Rekapitulasi permohonan informasi, keberatan dan sengketa sepanjang 2025, waktu rata-rata layanan, serta kendala dan rencana perbaikan.",
     ["laporan", "ppid", "permohonan", "keberatan", "statistik"], ["PDF", "XLSX"],
     dict(holder="Sekretariat PPID Utama", when="Februari 2026", retention="10 tahun (JRA)")),
    (B, "setda", 2025, "2026-03-31", "Laporan Kinerja Instansi Pemerintah (LKjIP) Kabupaten Sukamaju Tahun 2025",
     "Capaian indikator kinerja utama pemerintah daerah tahun 2025 dibandingkan target RPJMD, beserta analisis efisiensi penggunaan anggaran.",
     ["lkjip", "kinerja", "indikator", "sakip"], ["PDF", "Hardcopy"],
     dict(holder="Bagian Organisasi Sekretariat Daerah", when="Maret 2026", retention="10 tahun (JRA)")),
    (B, "bpkad", 2026, "2026-09-30", "Anggaran Pendapatan dan Belanja Daerah (APBD) Kabupaten Sukamaju Tahun Anggaran 2026",
     "Ringkasan APBD 2026 setelah perubahan: pendapatan daerah, belanja per urusan dan per perangkat daerah, serta pembiayaan. "
     "Dilampiri Peraturan Daerah tentang APBD dan Peraturan Bupati tentang penjabarannya.",
     ["apbd", "anggaran", "belanja", "pendapatan", "keuangan daerah"], ["PDF", "XLSX", "Hardcopy"],
     dict(holder="Bidang Anggaran BPKAD", when="Desember 2025, perubahan September 2026", retention="Permanen")),
    (B, "bpkad", 2025, "2026-06-18", "Laporan Keuangan Pemerintah Daerah (LKPD) Tahun 2025 (Audited)",
     "Laporan keuangan yang telah diperiksa BPK: neraca, laporan realisasi anggaran, laporan operasional, arus kas dan catatan atas laporan keuangan. "
     "Opini Wajar Tanpa Pengecualian.",
     ["lkpd", "laporan keuangan", "neraca", "audit", "bpk"], ["PDF", "Hardcopy"],
     dict(holder="Bidang Akuntansi dan Pelaporan BPKAD", when="Juni 2026", retention="Permanen")),
    (B, "bpkad", 2026, "2026-08-14", "Laporan Realisasi Anggaran Semester I Tahun 2026",
     "Realisasi pendapatan dan belanja daerah sampai dengan 30 Juni 2026 per perangkat daerah, dengan persentase serapan anggaran.",
     ["realisasi", "anggaran", "semester", "serapan"], ["PDF", "XLSX"],
     dict(holder="Bidang Akuntansi dan Pelaporan BPKAD", when="Juli 2026", retention="10 tahun (JRA)")),
    (B, "bpkad", 2025, "2026-03-10", "Daftar Barang Milik Daerah Tahun 2025",
     "Rekapitulasi aset tetap pemerintah daerah per 31 Desember 2025: tanah, gedung, kendaraan, jalan, irigasi dan jaringan, per perangkat daerah.",
     ["aset", "barang milik daerah", "inventaris", "bmd"], ["XLSX", "PDF"],
     dict(holder="Bidang Aset BPKAD", when="Februari 2026", retention="10 tahun (JRA)")),
    (B, "dinkes", 2026, "2026-07-01", "Anggaran Dinas Kesehatan Tahun 2026",
     "Dokumen Pelaksanaan Anggaran (DPA) Dinas Kesehatan 2026 per program dan kegiatan, termasuk belanja puskesmas dan dana BOK.",
     ["anggaran", "dpa", "kesehatan", "puskesmas"], ["PDF", "XLSX"],
     dict(holder="Subbagian Keuangan Dinas Kesehatan", when="Januari 2026, diperbarui Juni 2026", retention="10 tahun (JRA)")),
    (B, "dinkes", 2025, "2026-08-20", "Profil Kesehatan Kabupaten Sukamaju Tahun 2025",
     "Data derajat kesehatan masyarakat: angka kematian ibu dan bayi, status gizi balita, penyakit menular, serta sarana dan tenaga kesehatan per kecamatan.",
     ["profil kesehatan", "stunting", "gizi", "penyakit menular"], ["PDF", "XLSX", "Hardcopy"],
     dict(holder="Bidang Pencegahan dan Pengendalian Penyakit Dinas Kesehatan", when="Agustus 2026", retention="Permanen")),
    (B, "dinkes", 2026, "2026-10-28", "Laporan Capaian Imunisasi Dasar Lengkap Triwulan III Tahun 2026",
     "Cakupan imunisasi dasar lengkap bayi per puskesmas dan per desa sampai dengan September 2026, dibandingkan target tahunan.",
     ["imunisasi", "bayi", "puskesmas", "cakupan"], ["XLSX", "PDF"],
     dict(holder="Bidang Kesehatan Masyarakat Dinas Kesehatan", when="Oktober 2026", retention="5 tahun (JRA)")),
    (B, "disdik", 2026, "2026-09-15", "Rekapitulasi Data Pokok Pendidikan Tahun Ajaran 2026/2027",
     "Jumlah sekolah, rombongan belajar, peserta didik dan guru jenjang PAUD, SD dan SMP per kecamatan, bersumber dari Dapodik.",
     ["dapodik", "sekolah", "siswa", "guru"], ["XLSX", "CSV"],
     dict(holder="Bidang Pembinaan SD dan SMP Dinas Pendidikan dan Kebudayaan", when="September 2026", retention="5 tahun (JRA)")),
    (B, "disdik", 2026, "2026-02-05", "Anggaran Dinas Pendidikan dan Kebudayaan Tahun 2026",
     "Dokumen Pelaksanaan Anggaran Dinas Pendidikan dan Kebudayaan 2026: belanja pegawai, rehabilitasi ruang kelas, dan program kebudayaan.",
     ["anggaran", "dpa", "pendidikan", "sekolah"], ["PDF"],
     dict(holder="Subbagian Keuangan Dinas Pendidikan dan Kebudayaan", when="Januari 2026", retention="10 tahun (JRA)")),
    (B, "disdik", 2026, "2026-08-03", "Laporan Penyaluran Dana BOS Daerah Semester I Tahun 2026",
     "Rincian penyaluran Bantuan Operasional Sekolah Daerah kepada SD dan SMP negeri dan swasta pada semester I 2026.",
     ["bos", "dana sekolah", "penyaluran", "pendidikan"], ["XLSX", "PDF"],
     dict(holder="Bidang Pembinaan SD dan SMP Dinas Pendidikan dan Kebudayaan", when="Juli 2026", retention="10 tahun (JRA)")),
    (B, "dpupr", 2026, "2026-07-22", "Laporan Kondisi Jalan Kabupaten Tahun 2026",
     "Panjang dan kondisi ruas jalan kabupaten (baik, sedang, rusak ringan, rusak berat) per kecamatan hasil survei kondisi jalan 2026.",
     ["jalan", "infrastruktur", "kondisi jalan", "survei"], ["PDF", "XLSX"],
     dict(holder="Bidang Bina Marga DPUPR", when="Juni 2026", retention="10 tahun (JRA)")),
    (B, "dpupr", 2026, "2026-10-16", "Laporan Progres Fisik Pembangunan Infrastruktur Triwulan III Tahun 2026",
     "Kemajuan fisik dan keuangan paket pekerjaan jalan, jembatan dan irigasi sampai dengan akhir September 2026, beserta foto dokumentasi.",
     ["progres", "pembangunan", "jembatan", "irigasi"], ["PDF", "JPG"],
     dict(holder="Bidang Bina Marga DPUPR", when="Oktober 2026", retention="10 tahun (JRA)")),
    (B, "diskominfo", 2025, "2025-12-22", "Laporan Survei Kepuasan Masyarakat terhadap Pelayanan Publik Tahun 2025",
     "Indeks Kepuasan Masyarakat per unit layanan berdasarkan survei 2025 serta rencana tindak lanjut perbaikan layanan.",
     ["ikm", "kepuasan masyarakat", "survei", "pelayanan publik"], ["PDF"],
     dict(holder="Bidang Informasi dan Komunikasi Publik Diskominfo", when="Desember 2025", retention="5 tahun (JRA)")),
    (B, "diskominfo", 2026, "2026-07-30", "Laporan Pengelolaan Pengaduan Masyarakat Semester I Tahun 2026",
     "Jumlah pengaduan yang masuk melalui SP4N-LAPOR!, media sosial dan tatap muka, kategori pengaduan, serta status penyelesaiannya.",
     ["pengaduan", "lapor", "aspirasi", "tindak lanjut"], ["PDF", "CSV"],
     dict(holder="Bidang Informasi dan Komunikasi Publik Diskominfo", when="Juli 2026", retention="5 tahun (JRA)")),
    (B, "bpbd", 2025, "2026-01-20", "Laporan Kejadian Bencana Kabupaten Sukamaju Tahun 2025",
     "Rekap kejadian banjir, tanah longsor, angin puting beliung dan kebakaran sepanjang 2025: lokasi, korban, kerusakan dan penanganannya.",
     ["bencana", "banjir", "longsor", "kejadian"], ["PDF", "XLSX"],
     dict(holder="Bidang Kedaruratan dan Logistik BPBD", when="Januari 2026", retention="10 tahun (JRA)")),
    (B, "disdukcapil", 2026, "2026-08-25", "Data Agregat Kependudukan Semester I Tahun 2026",
     "Jumlah penduduk per kecamatan dan desa menurut jenis kelamin, kelompok umur, agama, pendidikan dan pekerjaan (data agregat, tanpa data pribadi).",
     ["penduduk", "kependudukan", "agregat", "demografi"], ["PDF", "XLSX", "CSV"],
     dict(holder="Bidang Pengelolaan Informasi Administrasi Kependudukan Disdukcapil", when="Agustus 2026", retention="Permanen")),
    (B, "dlh", 2025, "2026-05-29", "Laporan Indeks Kualitas Lingkungan Hidup (IKLH) Tahun 2025",
     "Nilai indeks kualitas air, udara, tutupan lahan dan air laut tahun 2025 beserta perbandingan dengan tahun sebelumnya.",
     ["iklh", "lingkungan", "kualitas udara", "kualitas air"], ["PDF"],
     dict(holder="Bidang Penataan dan Peningkatan Kapasitas DLH", when="Mei 2026", retention="10 tahun (JRA)")),
    (B, "dlh", 2026, "2026-08-11", "Hasil Pemantauan Kualitas Air Sungai Cisukamaju Semester I Tahun 2026",
     "Hasil uji parameter fisika, kimia dan biologi air di enam titik pantau Sungai Cisukamaju beserta status mutu air.",
     ["sungai", "kualitas air", "cisukamaju", "pemantauan"], ["PDF", "XLSX"],
     dict(holder="Bidang Pengendalian Pencemaran DLH", when="Juli 2026", retention="10 tahun (JRA)")),
    (B, "bappeda", 2026, "2026-07-08", "Rencana Kerja Pemerintah Daerah (RKPD) Kabupaten Sukamaju Tahun 2027",
     "Prioritas pembangunan, program dan kegiatan, serta pagu indikatif seluruh perangkat daerah untuk tahun 2027.",
     ["rkpd", "perencanaan", "prioritas", "pembangunan"], ["PDF", "Hardcopy"],
     dict(holder="Bidang Perencanaan dan Pendanaan Bapperida", when="Juni 2026", retention="Permanen")),
    (B, "bappeda", 2025, "2026-04-27", "Laporan Evaluasi Pelaksanaan RPJMD 2025-2029 Tahun 2025",
     "Evaluasi capaian tahun pertama RPJMD 2025-2029: indikator sasaran, realisasi program prioritas, dan rekomendasi.",
     ["rpjmd", "evaluasi", "capaian", "perencanaan"], ["PDF"],
     dict(holder="Bidang Pengendalian dan Evaluasi Bapperida", when="April 2026", retention="10 tahun (JRA)")),
    (B, "diskopukm", 2026, "2026-09-02", "Laporan Perkembangan Koperasi dan Usaha Mikro Semester I Tahun 2026",
     "Jumlah koperasi aktif, anggota, volume usaha, serta jumlah usaha mikro binaan dan pelatihan yang telah dilaksanakan.",
     ["koperasi", "umkm", "usaha mikro", "pelatihan"], ["PDF", "XLSX"],
     dict(holder="Bidang Koperasi Diskopum", when="Agustus 2026", retention="5 tahun (JRA)")),

    # ---------------------------------------------------------- serta merta (Pasal 10)
    (SM, "bpbd", 2026, "2026-11-22", "Peringatan Dini Banjir Sungai Cisukamaju November 2026",
     "Status Siaga debit Sungai Cisukamaju akibat hujan lebat di hulu. Memuat desa yang berpotensi terdampak, titik evakuasi dan nomor darurat 112.",
     ["banjir", "peringatan dini", "cisukamaju", "evakuasi", "siaga"], ["PDF", "JPG"],
     dict(holder="Pusdalops BPBD", when="22 November 2026", retention="5 tahun (JRA)")),
    (SM, "bpbd", 2026, "2026-11-05", "Peta Jalur Evakuasi dan Titik Kumpul Banjir dan Tanah Longsor 2026",
     "Peta jalur evakuasi, titik kumpul dan lokasi pengungsian sementara di kecamatan rawan banjir dan longsor.",
     ["evakuasi", "titik kumpul", "peta", "longsor", "banjir"], ["JPG", "PDF"],
     dict(holder="Bidang Pencegahan dan Kesiapsiagaan BPBD", when="November 2026", retention="Selama berlaku")),
    (SM, "dinkes", 2026, "2026-02-18", "Informasi Kejadian Luar Biasa Demam Berdarah Dengue di Kecamatan Cibening",
     "Penetapan status KLB DBD, jumlah kasus per desa (data agregat), langkah 3M Plus, jadwal fogging dan puskesmas rujukan.",
     ["dbd", "demam berdarah", "klb", "wabah", "fogging"], ["PDF"],
     dict(holder="Bidang Pencegahan dan Pengendalian Penyakit Dinas Kesehatan", when="Februari 2026", retention="5 tahun (JRA)")),
    (SM, "dinkes", 2025, "2025-07-14", "Peringatan Keracunan Pangan di Desa Sindangsari",
     "Informasi kejadian keracunan pangan setelah hajatan, gejala yang perlu diwaspadai, puskesmas yang siaga 24 jam dan imbauan keamanan pangan.",
     ["keracunan", "pangan", "sindangsari", "puskesmas"], ["PDF"],
     dict(holder="Bidang Kesehatan Masyarakat Dinas Kesehatan", when="Juli 2025", retention="5 tahun (JRA)")),
    (SM, "dpupr", 2026, "2026-10-12", "Pemberitahuan Penghentian Sementara Aliran Air Bersih Zona Sukamaju Kota",
     "Penghentian aliran air Perumda Air Minum Tirta Sukamaju karena perbaikan pipa transmisi: jadwal, wilayah terdampak dan lokasi tangki air darurat.",
     ["air bersih", "gangguan", "pdam", "pipa", "pemberitahuan"], ["PDF", "JPG"],
     dict(holder="Bidang Cipta Karya DPUPR", when="Oktober 2026", retention="2 tahun (JRA)")),
    (SM, "diskominfo", 2026, "2026-09-08", "Jadwal Pemadaman Listrik Terencana September 2026",
     "Jadwal pemeliharaan jaringan oleh PLN ULP Sukamaju yang menyebabkan pemadaman bergilir, per penyulang dan per desa.",
     ["listrik", "pemadaman", "pln", "jadwal"], ["PDF", "JPG"],
     dict(holder="Bidang Informasi dan Komunikasi Publik Diskominfo", when="September 2026", retention="2 tahun (JRA)")),

    # ---------------------------------------------------------- setiap saat (Pasal 11)
    (SS, "setda", 2026, "2026-11-02", "Daftar Informasi Publik (DIP) Pemerintah Kabupaten Sukamaju Tahun 2026",
     "Daftar seluruh informasi publik yang dikuasai Pemerintah Kabupaten Sukamaju, dengan ringkasan isi, penguasa informasi, bentuk dan jangka waktu penyimpanan.",
     ["dip", "daftar informasi", "ppid", "katalog"], ["PDF", "XLSX"],
     dict(holder="Sekretariat PPID Utama", when="November 2026", retention="Permanen")),
    (SS, "setda", 2022, "2022-08-10", "Peraturan Daerah Kabupaten Sukamaju Nomor 3 Tahun 2022 tentang Keterbukaan Informasi Publik",
     "Perda yang mengatur penyelenggaraan pelayanan informasi publik, PPID, biaya salinan dan mekanisme keberatan di lingkungan pemerintah daerah.",
     ["perda", "keterbukaan informasi", "regulasi", "ppid"], ["PDF", "Hardcopy"],
     dict(holder="Bagian Hukum Sekretariat Daerah", when="Juli 2022", retention="Permanen")),
    (SS, "setda", 2025, "2025-03-04", "Keputusan Bupati tentang Penetapan PPID dan Struktur Organisasi PPID Tahun 2025",
     "Penetapan PPID Utama, PPID Pelaksana di setiap perangkat daerah, Atasan PPID, serta tim pertimbangan uji konsekuensi.",
     ["keputusan bupati", "ppid", "struktur", "penetapan"], ["PDF"],
     dict(holder="Bagian Hukum Sekretariat Daerah", when="Februari 2025", retention="Permanen")),
    (SS, "setda", 2024, "2024-09-19", "Standar Operasional Prosedur Pelayanan Informasi Publik",
     "Alur permohonan informasi, pengajuan keberatan, uji konsekuensi dan penyelesaian sengketa, beserta jangka waktu setiap tahap.",
     ["sop", "prosedur", "permohonan", "keberatan"], ["PDF", "DOCX"],
     dict(holder="Sekretariat PPID Utama", when="September 2024", retention="Selama berlaku")),
    (SS, "setda", 2026, "2026-10-30", "Naskah Pidato Bupati pada Rapat Paripurna Penyampaian Raperda APBD Tahun Anggaran 2027",
     "Pernyataan resmi Bupati dalam rapat paripurna DPRD yang terbuka untuk umum tentang arah kebijakan dan postur Rancangan APBD 2027.",
     ["pidato", "rapat paripurna", "dprd", "raperda", "apbd"], ["PDF", "DOCX"],
     dict(holder="Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah", when="29 Oktober 2026", retention="Permanen")),
    (SS, "bpkad", 2026, "2026-03-16", "Rencana Umum Pengadaan Barang/Jasa Tahun Anggaran 2026",
     "Daftar paket pengadaan seluruh perangkat daerah: nama paket, pagu, sumber dana, metode pemilihan dan jadwal pelaksanaan.",
     ["rup", "pengadaan", "barang jasa", "paket", "tender"], ["XLSX", "CSV"],
     dict(holder="Bidang Anggaran BPKAD", when="Maret 2026", retention="10 tahun (JRA)")),
    (SS, "bpkad", 2025, "2025-11-21", "Daftar Penerima Hibah dan Bantuan Sosial Tahun Anggaran 2025",
     "Nama lembaga penerima hibah dan bantuan sosial, nilai, dan tujuan penggunaan sesuai Peraturan Bupati tentang penjabaran APBD.",
     ["hibah", "bansos", "bantuan sosial", "penerima"], ["XLSX", "PDF"],
     dict(holder="Bidang Anggaran BPKAD", when="Januari 2025", retention="10 tahun (JRA)")),
    (SS, "dpupr", 2024, "2024-06-28", "Dokumen Kontrak Pembangunan Jembatan Cisukamaju II",
     "Perjanjian kerja sama antara DPUPR dan penyedia jasa konstruksi: nilai kontrak, jangka waktu, spesifikasi teknis dan adendum. "
     "Diberikan atas permohonan karena berupa dokumen cetak bermeterai.",
     ["kontrak", "jembatan", "konstruksi", "perjanjian"], ["Hardcopy"],
     dict(files=[], holder="Bidang Bina Marga DPUPR", when="Maret 2024", retention="10 tahun setelah serah terima (JRA)")),
    (SS, "dpupr", 2023, "2023-12-12", "Rencana Detail Tata Ruang Kawasan Perkotaan Sukamaju 2023-2043",
     "Peraturan Bupati tentang RDTR beserta peta zonasi, ketentuan pemanfaatan ruang dan intensitas bangunan.",
     ["rdtr", "tata ruang", "zonasi", "peta"], ["PDF", "JPG", "Hardcopy"],
     dict(holder="Bidang Penataan Ruang DPUPR", when="November 2023", retention="Permanen")),
    (SS, "dpupr", 2025, "2025-12-30", "Daftar Pemenang Tender Pekerjaan Konstruksi Tahun 2025",
     "Nama paket, penyedia pemenang, nilai kontrak dan lokasi pekerjaan konstruksi yang ditenderkan sepanjang 2025.",
     ["tender", "pemenang", "konstruksi", "pengadaan"], ["XLSX", "PDF"],
     dict(holder="Bidang Bina Marga DPUPR", when="Desember 2025", retention="10 tahun (JRA)")),
    (SS, "dinkes", 2024, "2024-02-14", "Standar Pelayanan dan Tarif Retribusi Layanan Puskesmas",
     "Jenis layanan puskesmas, persyaratan, alur, waktu layanan dan tarif retribusi sesuai peraturan daerah tentang pajak dan retribusi daerah.",
     ["standar pelayanan", "tarif", "retribusi", "puskesmas"], ["PDF"],
     dict(holder="Bidang Pelayanan Kesehatan Dinas Kesehatan", when="Januari 2024", retention="Selama berlaku")),
    (SS, "dinkes", 2026, "2026-06-05", "Daftar Fasilitas Kesehatan dan Jam Layanan Puskesmas Tahun 2026",
     "Alamat, nomor telepon, jam layanan dan jenis layanan 24 jam seluruh puskesmas, puskesmas pembantu dan RSUD Sukamaju.",
     ["puskesmas", "rumah sakit", "fasilitas kesehatan", "jam layanan"], ["CSV", "PDF"],
     dict(holder="Bidang Pelayanan Kesehatan Dinas Kesehatan", when="Juni 2026", retention="Selama berlaku")),
    (SS, "disdik", 2026, "2026-04-20", "Petunjuk Teknis Sistem Penerimaan Murid Baru Tahun Ajaran 2026/2027",
     "Jalur domisili, afirmasi, mutasi dan prestasi, kuota per sekolah, jadwal pendaftaran dan tata cara pengaduan SPMB jenjang SD dan SMP.",
     ["spmb", "penerimaan murid", "juknis", "sekolah", "zonasi"], ["PDF"],
     dict(holder="Bidang Pembinaan SD dan SMP Dinas Pendidikan dan Kebudayaan", when="April 2026", retention="5 tahun (JRA)")),
    (SS, "disdik", 2025, "2025-10-27", "Dokumentasi Festival Seni Sunda Ngamumulé Budaya 2025",
     "Foto dan laporan kegiatan festival kesenian Sunda tingkat kabupaten: pentas degung, jaipongan, pencak silat dan lomba pupuh antarsekolah.",
     ["ngamumulé", "kebudayaan", "seni sunda", "festival"], ["JPG", "PDF"],
     dict(holder="Bidang Kebudayaan Dinas Pendidikan dan Kebudayaan", when="Oktober 2025", retention="Permanen")),
    (SS, "disdik", 2025, "2025-08-18", "Daftar Penerima Beasiswa Sukamaju Cerdas Tahun 2025",
     "Nama penerima, sekolah atau perguruan tinggi asal, dan nilai beasiswa daerah tahun 2025. Diberikan atas permohonan tanpa data pribadi yang dilindungi.",
     ["beasiswa", "pendidikan", "penerima", "sukamaju cerdas"], ["XLSX", "Hardcopy"],
     dict(files=[], holder="Bidang Pembinaan SD dan SMP Dinas Pendidikan dan Kebudayaan", when="Agustus 2025", retention="5 tahun (JRA)")),
    (SS, "diskominfo", 2025, "2025-05-15", "Perjanjian Kerja Sama Penyediaan Jaringan Internet Desa",
     "Perjanjian antara Diskominfo dan penyedia layanan telekomunikasi untuk akses internet di 120 kantor desa: lingkup, nilai dan jangka waktu.",
     ["perjanjian", "kerja sama", "internet desa", "telekomunikasi"], ["Hardcopy", "PDF"],
     dict(files=[], holder="Bidang Aplikasi Informatika Diskominfo", when="April 2025", retention="10 tahun setelah berakhir (JRA)")),
    (SS, "diskominfo", 2026, "2026-01-26", "Maklumat dan Standar Layanan Informasi Publik (Versi Audio, Visual dan Braille)",
     "Maklumat pelayanan, dasar hukum, prosedur, waktu layanan dan biaya salinan informasi, tersedia juga dalam huruf braille di meja layanan.",
     ["maklumat", "standar layanan", "braille", "disabilitas", "biaya"], ["PDF", "Hardcopy"],
     dict(holder="Sekretariat PPID Utama", when="Januari 2026", retention="Selama berlaku")),
    (SS, "bpbd", 2023, "2023-10-09", "Dokumen Kajian Risiko Bencana Kabupaten Sukamaju 2023-2027",
     "Kajian ancaman, kerentanan dan kapasitas untuk banjir, tanah longsor, gempa bumi dan kekeringan, dengan peta risiko per kecamatan.",
     ["kajian risiko", "bencana", "peta risiko", "kesiapsiagaan"], ["PDF", "Hardcopy"],
     dict(holder="Bidang Pencegahan dan Kesiapsiagaan BPBD", when="September 2023", retention="Permanen")),
    (SS, "bpbd", 2024, "2024-11-11", "Rencana Kontinjensi Menghadapi Banjir Kabupaten Sukamaju",
     "Skenario kejadian banjir, pembagian peran instansi, kebutuhan sumber daya dan prosedur aktivasi posko tanggap darurat.",
     ["kontinjensi", "banjir", "tanggap darurat", "posko"], ["PDF"],
     dict(holder="Bidang Pencegahan dan Kesiapsiagaan BPBD", when="Oktober 2024", retention="10 tahun (JRA)")),
    (SS, "disdukcapil", 2026, "2026-01-08", "Persyaratan dan Alur Layanan Administrasi Kependudukan Tahun 2026",
     "Persyaratan dan alur penerbitan KTP-el, Kartu Keluarga, akta kelahiran dan akta kematian, termasuk layanan jemput bola dan daring.",
     ["ktp", "kartu keluarga", "akta kelahiran", "adminduk", "persyaratan"], ["PDF", "JPG"],
     dict(holder="Bidang Pelayanan Pendaftaran Penduduk Disdukcapil", when="Januari 2026", retention="Selama berlaku")),
    (SS, "dlh", 2023, "2023-05-22", "Persetujuan Lingkungan dan Dokumen AMDAL Pembangunan Pasar Induk Sukamaju",
     "Keputusan kelayakan lingkungan hidup beserta dokumen AMDAL, RKL dan RPL pembangunan Pasar Induk Sukamaju. Salinan cetak diberikan atas permohonan.",
     ["amdal", "persetujuan lingkungan", "pasar induk", "rkl rpl"], ["Hardcopy"],
     dict(files=[], holder="Bidang Penataan dan Peningkatan Kapasitas DLH", when="April 2023", retention="Permanen")),
    (SS, "dlh", 2026, "2026-03-02", "Daftar Bank Sampah dan Jadwal Pengangkutan Sampah Tahun 2026",
     "Lokasi dan kontak bank sampah unit, jadwal dan rute truk pengangkut sampah per kelurahan, serta lokasi TPS3R.",
     ["sampah", "bank sampah", "jadwal", "tps3r"], ["CSV", "PDF"],
     dict(holder="Bidang Pengelolaan Sampah DLH", when="Februari 2026", retention="Selama berlaku")),
    (SS, "bappeda", 2025, "2025-07-01", "Rencana Pembangunan Jangka Menengah Daerah (RPJMD) Kabupaten Sukamaju 2025-2029",
     "Peraturan Daerah tentang RPJMD 2025-2029: visi, misi, tujuan, sasaran, strategi, program prioritas dan kerangka pendanaan.",
     ["rpjmd", "perencanaan", "visi misi", "program prioritas"], ["PDF", "Hardcopy"],
     dict(holder="Bidang Perencanaan dan Pendanaan Bapperida", when="Juni 2025", retention="Permanen")),
    (SS, "diskopukm", 2026, "2026-10-06", "Data UMKM Kuliner, Café dan Kedai Kopi Binaan Tahun 2026",
     "Daftar usaha mikro kuliner, café dan kedai kopi binaan beserta alamat usaha, produk unggulan dan status sertifikasi halal.",
     ["umkm", "kuliner", "café", "kopi", "halal"], ["XLSX", "CSV"],
     dict(holder="Bidang Usaha Mikro Diskopum", when="September 2026", retention="5 tahun (JRA)")),
    (SS, "diskopukm", 2024, "2024-12-03", "Keputusan Kepala Dinas tentang Penetapan Lokasi Sentra Kuliner Alun-Alun Sukamaju",
     "Penetapan lokasi dan tata tertib sentra kuliner, beserta pertimbangan hasil musyawarah dengan paguyuban pedagang.",
     ["sentra kuliner", "pedagang", "alun-alun", "keputusan"], ["PDF"],
     dict(holder="Bidang Usaha Mikro Diskopum", when="November 2024", retention="10 tahun (JRA)")),
    (SS, "disdukcapil", 2025, "2025-09-09", "Laporan Akses Layanan Informasi Kependudukan Tahun 2025",
     "Rekapitulasi permohonan data kependudukan oleh lembaga pengguna berdasarkan perjanjian kerja sama pemanfaatan data.",
     ["kependudukan", "pemanfaatan data", "kerja sama", "layanan"], ["PDF"],
     dict(holder="Bidang Pengelolaan Informasi Administrasi Kependudukan Disdukcapil", when="Agustus 2025", retention="5 tahun (JRA)")),

    # ---------------------------------------------------------- dikecualikan (Pasal 17)
    (DK, "setda", 2025, "2025-10-20", "Laporan Hasil Audit Investigatif yang Diserahkan kepada Aparat Penegak Hukum",
     "Hasil audit investigatif Inspektorat atas dugaan penyimpangan pengadaan yang telah diserahkan kepada kejaksaan negeri.",
     ["audit investigatif", "penegakan hukum", "inspektorat"], ["Hardcopy"],
     dict(holder="Bagian Hukum Sekretariat Daerah", when="September 2025", retention="10 tahun (JRA)",
          exemption=("a", "Membuka laporan ini selama penyidikan berjalan dapat menghambat proses penegakan hukum dan "
                          "mengungkap identitas saksi; kerugian tersebut lebih besar daripada manfaat keterbukaannya.",
                     "5 tahun", "2030-10-20"))),
    (DK, "dpupr", 2026, "2026-09-14", "Harga Perkiraan Sendiri dan Dokumen Penawaran Peserta Tender Jalan Lingkar Utara",
     "HPS dan dokumen penawaran peserta tender sebelum penetapan pemenang.",
     ["hps", "tender", "penawaran", "jalan lingkar"], ["Hardcopy", "PDF"],
     dict(holder="Kelompok Kerja Pemilihan DPUPR", when="September 2026", retention="10 tahun (JRA)",
          exemption=("b", "Membuka HPS dan penawaran sebelum pemenang ditetapkan dapat menimbulkan persaingan usaha tidak sehat "
                          "di antara peserta tender.",
                     "1 tahun", "2027-09-14"))),
    (DK, "diskominfo", 2025, "2025-06-30", "Konfigurasi Jaringan dan Sistem Keamanan Pusat Data Pemerintah Daerah",
     "Topologi jaringan, alamat IP internal, kata sandi perangkat dan prosedur pengamanan pusat data.",
     ["pusat data", "keamanan siber", "jaringan"], ["Hardcopy"],
     dict(holder="Bidang Persandian dan Keamanan Informasi Diskominfo", when="Juni 2025", retention="5 tahun (JRA)",
          exemption=("c", "Pengungkapan konfigurasi dan sistem pengamanan dapat dimanfaatkan untuk serangan siber yang "
                          "melumpuhkan layanan publik dan membahayakan keamanan data warga.",
                     "5 tahun", "2030-06-30"))),
    (DK, "dlh", 2024, "2024-08-07", "Data Rinci Lokasi dan Volume Cadangan Batuan Hasil Survei Potensi",
     "Koordinat titik bor, ketebalan lapisan dan perkiraan volume cadangan batuan hasil survei potensi di wilayah selatan.",
     ["cadangan batuan", "survei potensi", "sumber daya alam"], ["Hardcopy", "PDF"],
     dict(holder="Bidang Penataan dan Peningkatan Kapasitas DLH", when="Juli 2024", retention="10 tahun (JRA)",
          exemption=("d", "Data rinci cadangan dapat mendorong penambangan liar dan spekulasi lahan sebelum rencana "
                          "pengelolaan ditetapkan, sehingga merugikan kekayaan alam daerah.",
                     "4 tahun", "2028-08-07"))),
    (DK, "bpkad", 2026, "2026-05-19", "Kajian Rencana Penyertaan Modal Daerah pada BUMD yang Belum Ditetapkan",
     "Analisis investasi, skenario nilai penyertaan modal dan strategi negosiasi dengan calon mitra BUMD.",
     ["penyertaan modal", "bumd", "investasi"], ["Hardcopy"],
     dict(holder="Bidang Pembiayaan BPKAD", when="Mei 2026", retention="10 tahun (JRA)",
          exemption=("e", "Membuka strategi dan nilai negosiasi sebelum penetapan dapat melemahkan posisi tawar daerah "
                          "dan merugikan ketahanan ekonomi daerah.",
                     "3 tahun", "2029-05-19"))),
    (DK, "setda", 2026, "2026-03-09", "Dokumen Negosiasi Kerja Sama Kota Kembar dengan Pemerintah Daerah Mitra Luar Negeri",
     "Posisi runding, catatan pertemuan dan rancangan naskah kerja sama yang masih dinegosiasikan.",
     ["kerja sama luar negeri", "sister city", "negosiasi"], ["Hardcopy", "DOCX"],
     dict(holder="Bagian Kerja Sama Sekretariat Daerah", when="Februari 2026", retention="10 tahun (JRA)",
          exemption=("f", "Membuka posisi runding sebelum kesepakatan dapat merusak hubungan dengan mitra luar negeri "
                          "dan menggagalkan kerja sama.",
                     "2 tahun", "2028-03-09"))),
    (DK, "bpkad", 2022, "2022-11-17", "Akta Hibah dan Surat Wasiat Penyerahan Tanah Perorangan kepada Pemerintah Daerah",
     "Salinan akta notaris dan surat wasiat warga yang menghibahkan tanah untuk fasilitas umum.",
     ["akta hibah", "wasiat", "tanah"], ["Hardcopy"],
     dict(holder="Bidang Aset BPKAD", when="Oktober 2022", retention="Permanen",
          exemption=("g", "Isi akta otentik dan wasiat memuat kemauan terakhir serta data pribadi pewasiat dan ahli waris; "
                          "pembukaannya berpotensi menimbulkan sengketa keluarga.",
                     "10 tahun", "2032-11-17"))),
    (DK, "dinkes", 2026, "2026-01-12", "Identitas dan Rekam Medis Pasien Puskesmas dan RSUD Sukamaju",
     "Data identitas, riwayat penyakit, hasil pemeriksaan dan pengobatan pasien.",
     ["rekam medis", "pasien", "data pribadi", "kesehatan"], ["Hardcopy", "PDF"],
     dict(holder="Bidang Pelayanan Kesehatan Dinas Kesehatan", when="Sepanjang tahun", retention="25 tahun (rekam medis)",
          exemption=("h", "Membuka identitas dan kondisi kesehatan pasien melanggar rahasia pribadi dan dapat menimbulkan "
                          "stigma; data agregat tanpa identitas tetap dibuka.",
                     "25 tahun", "2051-01-12"))),
    (DK, "bappeda", 2026, "2026-08-04", "Telaahan Staf dan Nota Dinas Penyusunan Rancangan Perubahan APBD 2026",
     "Memorandum internal antarperangkat daerah berisi opsi dan pertimbangan sebelum rancangan perubahan APBD disepakati.",
     ["telaahan staf", "nota dinas", "memorandum internal"], ["Hardcopy", "DOCX"],
     dict(holder="Bidang Perencanaan dan Pendanaan Bapperida", when="Juli 2026", retention="5 tahun (JRA)",
          exemption=("i", "Membuka memorandum yang masih berupa opsi dapat menghambat kebebasan bertukar pendapat dalam "
                          "proses penyusunan kebijakan sebelum keputusan diambil.",
                     "2 tahun", "2028-08-04"))),
    (DK, "disdukcapil", 2026, "2026-06-22", "Data Pribadi Penduduk: NIK, Kartu Keluarga dan Data Biometrik",
     "Data perseorangan penduduk dalam basis data kependudukan, termasuk sidik jari, iris mata dan tanda tangan.",
     ["data pribadi", "nik", "biometrik", "kependudukan"], ["Hardcopy"],
     dict(holder="Bidang Pengelolaan Informasi Administrasi Kependudukan Disdukcapil", when="Terus diperbarui", retention="Permanen",
          exemption=("j", "Data pribadi penduduk wajib dilindungi menurut Undang-Undang Administrasi Kependudukan dan "
                          "Undang-Undang Pelindungan Data Pribadi; pengecualian tidak berakhir.",
                     "Tidak terbatas (ditutup undang-undang)", None))),
]

CLASS_PREFIX = {B: "B", SM: "SM", SS: "SS", DK: "DK"}


def catalogue_json() -> list[dict]:
    out = []
    per_year: dict[int, int] = {}
    per_class: dict[str, int] = {}
    for cls, unit, year, updated, title, summary, keywords, formats, opt in CATALOGUE:
        per_year[year] = per_year.get(year, 0) + 1
        per_class[cls] = per_class.get(cls, 0) + 1
        item_id = f"dip-{year}-{per_year[year]:03d}"
        soft = [f for f in formats if f != "Hardcopy"]
        forms = (["softcopy"] if soft else []) + (["hardcopy"] if "Hardcopy" in formats else [])
        if cls == DK:
            file_formats = []
        else:
            file_formats = opt.get("files", soft[:2])
        files = []
        stem = slug(title, 80)
        for n, fmt in enumerate(file_formats):
            ext, media, lo, hi = MEDIA[fmt]
            suffix = "" if n == 0 else f"-{n + 1}"
            files.append({
                "name": f"{stem}.{ext}",
                "media_type": media,
                "size_bytes": size_for(f"{item_id}/{fmt}", lo, hi),
                "url": f"{SITE}/files/{item_id}{suffix}.{ext}",
            })
        unit_row = UNIT_BY_ID[unit]
        item = {
            "id": item_id,
            "class": cls,
            "dip_number": f"{CLASS_PREFIX[cls]}.{per_class[cls]:03d}",
            "title": title,
            "summary": summary,
            "unit_id": unit,
            "holding_official": opt["holder"],
            "responsible": opt.get("resp", unit_row[3]),
            "made_when": opt["when"],
            "made_where": opt.get("where", f"{unit_row[1].replace(' (PPID Utama)', '')} Kabupaten Sukamaju, Sukamaju"),
            "forms": forms,
            "formats": formats,
            "retention": opt["retention"],
            "year": year,
            "updated_on": updated,
            "keywords": keywords,
            "files": files,
            "exemption": None,
        }
        if cls == DK:
            letter, test, period, ends_on = opt["exemption"]
            exemption = {"pasal17": letter, "consequence_test": test, "period": period}
            if ends_on is not None:
                exemption["ends_on"] = ends_on
            item["exemption"] = exemption
        out.append(item)
    return out


# ------------------------------------------------------------------ announcements

ANNOUNCEMENTS = [
    {
        "id": "sm-2026-banjir-cisukamaju",
        "title": "Peringatan Dini Banjir Sungai Cisukamaju",
        "hazard": "Debit Sungai Cisukamaju naik ke status Siaga setelah hujan lebat di wilayah hulu sejak Minggu sore. "
                  "Banjir luapan diperkirakan terjadi pada malam hingga dini hari.",
        "affected": "Warga bantaran Sungai Cisukamaju di Kecamatan Sukamaju (Kelurahan Sukamaju Kidul, Desa Cisalak), "
                    "Kecamatan Cibening (Desa Cibening, Desa Mekarsari) dan Kecamatan Tanjungwangi (Desa Tanjungwangi, Desa Sindangsari).",
        "instructions": "Amankan dokumen penting dan barang berharga, putuskan aliran listrik rumah bila air mulai masuk, dan segera menuju "
                        "titik evakuasi: GOR Sukamaju, SDN Cibening 1 dan Kantor Desa Tanjungwangi. Utamakan lansia, anak, ibu hamil dan "
                        "penyandang disabilitas. Keadaan darurat: hubungi 112 atau Pusdalops BPBD +62 21 555 0171.",
        "source": "BPBD Kabupaten Sukamaju",
        "issued_at": "2026-11-22T16:00:00+07:00",
        "expires_at": "2026-12-31T23:59:00+07:00",
    }
]

# ------------------------------------------------------------------ statistics


def figures(received, fulfilled, partly, refused_by, not_held, objections, median):
    return {
        "received": received,
        "fulfilled": fulfilled,
        "partly_fulfilled": partly,
        "refused": sum(refused_by.values()),
        "refused_by_pasal17": dict(sorted(refused_by.items())),
        "not_held": not_held,
        "objections": objections,
        "median_days_to_notice": median,
    }


STATISTICS = {
    "years": [
        {
            "year": 2024,
            "totals": figures(142, 101, 14, {"a": 2, "h": 4, "i": 3}, 11, 6, 6.5),
            "by_unit": [
                {"unit_id": "setda", "figures": figures(31, 24, 2, {"i": 2}, 2, 1, 5.0)},
                {"unit_id": "dinkes", "figures": figures(24, 15, 3, {"h": 3}, 1, 2, 7.0)},
                {"unit_id": "disdik", "figures": figures(22, 17, 2, {"h": 1}, 1, 1, 6.0)},
                {"unit_id": "dpupr", "figures": figures(19, 12, 3, {"a": 1}, 2, 1, 8.5)},
                {"unit_id": "bpkad", "figures": figures(17, 14, 1, {"i": 1}, 1, 0, 5.5)},
            ],
        },
        {
            "year": 2025,
            "totals": figures(187, 139, 17, {"b": 2, "h": 6, "i": 2, "j": 2}, 10, 8, 5.5),
            "by_unit": [
                {"unit_id": "setda", "figures": figures(38, 31, 3, {"i": 1}, 1, 1, 4.5)},
                {"unit_id": "dinkes", "figures": figures(33, 22, 4, {"h": 4}, 2, 3, 6.5)},
                {"unit_id": "disdik", "figures": figures(29, 23, 2, {"h": 1}, 2, 1, 5.0)},
                {"unit_id": "dpupr", "figures": figures(26, 17, 4, {"b": 2}, 2, 2, 7.5)},
                {"unit_id": "disdukcapil", "figures": figures(21, 15, 2, {"j": 2}, 1, 1, 4.0)},
                {"unit_id": "bpkad", "figures": figures(18, 15, 1, {"i": 1}, 1, 0, 5.0)},
            ],
        },
        {
            "year": 2026,
            "totals": figures(163, 118, 15, {"a": 1, "c": 1, "h": 4, "j": 2}, 9, 5, 5.0),
            "by_unit": [
                {"unit_id": "setda", "figures": figures(30, 25, 2, {"a": 1}, 1, 0, 4.0)},
                {"unit_id": "dinkes", "figures": figures(29, 19, 3, {"h": 3}, 2, 2, 6.0)},
                {"unit_id": "disdik", "figures": figures(27, 20, 3, {"h": 1}, 1, 1, 5.5)},
                {"unit_id": "dpupr", "figures": figures(22, 15, 3, {}, 2, 1, 7.0)},
                {"unit_id": "disdukcapil", "figures": figures(17, 12, 1, {"j": 2}, 1, 1, 4.5)},
                {"unit_id": "diskominfo", "figures": figures(12, 10, 1, {"c": 1}, 0, 0, 3.5)},
            ],
        },
    ]
}

# ------------------------------------------------------------------ requests and objections


def nik(kecamatan: int, born: str, female: bool, serial: int) -> str:
    """A plausible (fictional) NIK: region code, DDMMYY (+40 on the day for women), serial."""
    y, m, d = born.split("-")
    day = int(d) + (40 if female else 0)
    return f"{REGION_CODE}{kecamatan:02d}{day:02d}{m}{y[2:]}{serial:04d}"


def ev(at, kind, **kw):
    e = {"at": at, "kind": kind}
    e.update(kw)
    return e


def doc(name, media, size, url):
    return {"name": name, "media_type": media, "size_bytes": size, "url": url}


PDF = "application/pdf"
XLSX = MEDIA["XLSX"][1]

REQUESTS = [
    # Long overdue: received in September, forwarded, no written notice ever sent.
    {
        "receipt": {"number": "PPID-2026-000101", "received_at": "2026-09-14T10:22:00+07:00", "counts_from": "2026-09-14"},
        "submission": {
            "requester": {
                "kind": "individual",
                "name": "Dadang Suherman",
                "nik": nik(3, "1978-03-12", False, 4),
                "address": "Kp. Babakan RT 002/RW 005, Desa Pasirjaya, Kecamatan Pasirjaya, Kabupaten Sukamaju",
                "phone": "+6281320450187",
                "email": "dadang.suherman@example.id",
            },
            "attachments": [],
            "information": "Salinan gambar rencana (DED) dan rencana anggaran biaya perbaikan Jalan Pasirjaya-Margaluyu ruas km 3 sampai km 7 Tahun Anggaran 2026.",
            "unit_id": "dpupr",
            "purpose": "Pengawasan warga atas mutu pekerjaan perbaikan jalan di desa kami.",
            "obtain": ["soft_copy"],
            "delivery": "email",
            "delivery_email": "dadang.suherman@example.id",
            "channel": "web",
            "assisted": False,
        },
        "events": [
            ev("2026-09-14T10:22:00+07:00", "received", note="Permohonan diterima melalui portal PPID."),
            ev("2026-09-15T09:10:00+07:00", "verified", note="Identitas dan kelengkapan permohonan telah diverifikasi."),
            ev("2026-09-15T09:35:00+07:00", "forwarded_unit", unit_id="dpupr",
               note="Diteruskan ke PPID Pelaksana DPUPR sebagai penguasa informasi."),
        ],
        "objections": [],
    },
    # Refused under Pasal 17 letter h; objected to (KEB-2026-000011).
    {
        "receipt": {"number": "PPID-2026-000102", "received_at": "2026-09-28T09:05:00+07:00", "counts_from": "2026-09-28"},
        "submission": {
            "requester": {
                "kind": "individual",
                "name": "Rina Marlina",
                "nik": nik(2, "1990-07-05", True, 12),
                "address": "Jl. Cempaka No. 7 RT 003/RW 001, Desa Cibening, Kecamatan Cibening, Kabupaten Sukamaju",
                "phone": "+6285721336904",
                "email": "rina.marlina@example.id",
            },
            "attachments": [],
            "information": "Daftar nama, alamat dan hasil pemeriksaan laboratorium pasien demam berdarah dengue yang dirawat di Puskesmas Cibening pada Januari sampai Maret 2026.",
            "unit_id": "dinkes",
            "purpose": "Bahan tulisan di media warga tentang penanganan KLB DBD dan pendataan keluarga yang membutuhkan bantuan.",
            "obtain": ["soft_copy"],
            "delivery": "email",
            "delivery_email": "rina.marlina@example.id",
            "channel": "web",
            "assisted": False,
        },
        "events": [
            ev("2026-09-28T09:05:00+07:00", "received", note="Permohonan diterima melalui portal PPID."),
            ev("2026-09-29T08:50:00+07:00", "verified", note="Identitas dan kelengkapan permohonan telah diverifikasi."),
            ev("2026-09-29T09:15:00+07:00", "forwarded_unit", unit_id="dinkes",
               note="Diteruskan ke PPID Pelaksana Dinas Kesehatan."),
            ev("2026-10-07T14:30:00+07:00", "notice", outcome="refused", pasal17="h",
               note="Permohonan ditolak karena memuat identitas dan kondisi kesehatan pasien yang merupakan rahasia pribadi "
                    "(Pasal 17 huruf h UU 14/2008), berdasarkan uji konsekuensi PPID. Data jumlah kasus per desa tanpa identitas "
                    "tersedia pada Informasi Kejadian Luar Biasa Demam Berdarah Dengue di Kecamatan Cibening.",
               documents=[doc("Surat Pemberitahuan Tertulis PPID-2026-000102.pdf", PDF, 184_320,
                              f"{SITE}/files/requests/PPID-2026-000102/pemberitahuan-tertulis.pdf")]),
        ],
        "objections": ["KEB-2026-000011"],
    },
    # Fulfilled with a document.
    {
        "receipt": {"number": "PPID-2026-000103", "received_at": "2026-10-19T11:40:00+07:00", "counts_from": "2026-10-19"},
        "submission": {
            "requester": {
                "kind": "legal_entity",
                "name": "Yayasan Lingkar Transparansi Priangan",
                "decree_number": "AHU-0004512.AH.01.04.Tahun 2019",
                "address": "Jl. Kenanga No. 18, Kelurahan Sukamaju Kaler, Kecamatan Sukamaju, Kabupaten Sukamaju",
                "phone": "+6281122334455",
                "email": "lingkar.priangan@example.id",
            },
            "attachments": [],
            "information": "Rincian penyaluran dana BOS Daerah semester I 2026 per sekolah, termasuk nama sekolah, jumlah siswa dan nilai yang diterima.",
            "unit_id": "disdik",
            "catalogue_item_id": "@Laporan Penyaluran Dana BOS Daerah Semester I Tahun 2026",
            "purpose": "Kajian pemantauan anggaran pendidikan untuk laporan tahunan yayasan.",
            "obtain": ["soft_copy"],
            "delivery": "email",
            "delivery_email": "lingkar.priangan@example.id",
            "channel": "web",
            "assisted": False,
        },
        "events": [
            ev("2026-10-19T11:40:00+07:00", "received", note="Permohonan diterima melalui portal PPID."),
            ev("2026-10-20T09:05:00+07:00", "verified", note="Akta pendirian dan SK pengesahan badan hukum telah diverifikasi."),
            ev("2026-10-20T09:20:00+07:00", "forwarded_unit", unit_id="disdik",
               note="Diteruskan ke PPID Pelaksana Dinas Pendidikan dan Kebudayaan."),
            ev("2026-10-29T13:15:00+07:00", "notice", outcome="fulfilled",
               note="Informasi diberikan seluruhnya dalam bentuk salinan elektronik tanpa biaya.",
               documents=[
                   doc("Rincian Penyaluran BOSDA Semester I 2026 per Sekolah.xlsx", XLSX, 212_992,
                       f"{SITE}/files/requests/PPID-2026-000103/rincian-bosda-semester-i-2026.xlsx"),
                   doc("Surat Pemberitahuan Tertulis PPID-2026-000103.pdf", PDF, 176_128,
                       f"{SITE}/files/requests/PPID-2026-000103/pemberitahuan-tertulis.pdf"),
               ]),
        ],
        "objections": [],
    },
    # Extended by 7 working days with written reasons; still inside the extended deadline.
    {
        "receipt": {"number": "PPID-2026-000104", "received_at": "2026-11-02T09:48:00+07:00", "counts_from": "2026-11-02"},
        "submission": {
            "requester": {
                "kind": "proxy",
                "name": "Agus Firmansyah",
                "nik": nik(5, "1985-08-22", False, 3),
                "principal_name": "Kelompok Tani Mekarsari",
                "address": "Dusun Kaum RT 001/RW 003, Desa Mekarsari, Kecamatan Cibening, Kabupaten Sukamaju",
                "phone": "+6282115907326",
                "email": "agus.firmansyah@example.id",
            },
            "attachments": [],
            "information": "Hasil uji laboratorium kualitas air Sungai Cisukamaju di titik pantau hilir dekat kawasan industri Tanjungwangi periode Januari sampai Oktober 2026, termasuk parameter logam berat.",
            "unit_id": "dlh",
            "purpose": "Dasar pengajuan perbaikan saluran irigasi sawah anggota kelompok tani yang memakai air sungai.",
            "obtain": ["view", "hard_copy"],
            "delivery": "collect",
            "channel": "web",
            "assisted": False,
        },
        "events": [
            ev("2026-11-02T09:48:00+07:00", "received", note="Permohonan diterima melalui portal PPID."),
            ev("2026-11-03T10:30:00+07:00", "verified", note="Identitas kuasa dan surat kuasa khusus telah diverifikasi."),
            ev("2026-11-03T10:45:00+07:00", "forwarded_unit", unit_id="dlh",
               note="Diteruskan ke PPID Pelaksana Dinas Lingkungan Hidup."),
            ev("2026-11-13T14:20:00+07:00", "extended",
               reason="Sebagian hasil uji masih menunggu sertifikat dari laboratorium lingkungan terakreditasi dan data perlu "
                      "dihimpun dari tiga titik pantau. Pemberitahuan tertulis diperpanjang paling lama 7 hari kerja "
                      "(Pasal 22 ayat (8) UU 14/2008)."),
        ],
        "objections": [],
    },
    # Verified and forwarded to the unit that holds it.
    {
        "receipt": {"number": "PPID-2026-000105", "received_at": "2026-11-16T13:20:00+07:00", "counts_from": "2026-11-16"},
        "submission": {
            "requester": {
                "kind": "individual",
                "name": "Nurul Hidayah",
                "nik": nik(7, "1996-02-14", True, 7),
                "address": "Perum Griya Tanjungwangi Blok C2 No. 9, Desa Tanjungwangi, Kecamatan Tanjungwangi, Kabupaten Sukamaju",
                "phone": "+6287822419053",
                "email": "nurul.hidayah@example.id",
            },
            "attachments": [],
            "information": "Data rumah terdampak tanah longsor di Desa Tanjungwangi pada Oktober 2026 dan rencana relokasi warga yang terdampak.",
            "unit_id": "bpbd",
            "purpose": "Mengetahui apakah keluarga kami termasuk warga yang akan direlokasi dan jadwal pelaksanaannya.",
            "obtain": ["soft_copy"],
            "delivery": "email",
            "delivery_email": "nurul.hidayah@example.id",
            "channel": "web",
            "assisted": False,
        },
        "events": [
            ev("2026-11-16T13:20:00+07:00", "received", note="Permohonan diterima melalui portal PPID."),
            ev("2026-11-17T08:45:00+07:00", "verified", note="Identitas dan kelengkapan permohonan telah diverifikasi."),
            ev("2026-11-17T09:00:00+07:00", "forwarded_unit", unit_id="bpbd",
               note="Diteruskan ke PPID Pelaksana BPBD."),
        ],
        "objections": [],
    },
    # Just received, after office hours on a Friday: day zero is still the day of receipt.
    {
        "receipt": {"number": "PPID-2026-000106", "received_at": "2026-11-20T19:42:00+07:00", "counts_from": "2026-11-20"},
        "submission": {
            "requester": {
                "kind": "individual",
                "name": "Siti Rahmawati",
                "nik": nik(1, "1988-11-09", True, 2),
                "address": "Jl. Pahlawan Gg. Melati No. 4 RT 004/RW 002, Kelurahan Sukamaju Kidul, Kecamatan Sukamaju, Kabupaten Sukamaju",
                "phone": "+6281298760142",
                "email": "siti.rahma@example.id",
            },
            "attachments": [],
            "information": "Rekapitulasi jumlah penerima Beasiswa Sukamaju Cerdas per kecamatan dan per jenjang pendidikan tahun 2025.",
            "unit_id": "disdik",
            "catalogue_item_id": "@Daftar Penerima Beasiswa Sukamaju Cerdas Tahun 2025",
            "purpose": "Bahan penelitian skripsi tentang pemerataan akses pendidikan di Kabupaten Sukamaju.",
            "obtain": ["soft_copy"],
            "delivery": "email",
            "delivery_email": "siti.rahma@example.id",
            "channel": "web",
            "assisted": False,
        },
        "events": [
            ev("2026-11-20T19:42:00+07:00", "received",
               note="Permohonan diterima melalui portal PPID di luar jam layanan; tanggal penerimaan tetap hari ke-0."),
        ],
        "objections": [],
    },
    # Overdue: no written notice by the due date (9 November); reason c is open on the demo's today.
    {
        "receipt": {"number": "PPID-2026-000107", "received_at": "2026-10-26T08:40:00+07:00", "counts_from": "2026-10-26"},
        "submission": {
            "requester": {
                "kind": "individual",
                "name": "Ujang Sopandi",
                "nik": nik(4, "1972-05-30", False, 9),
                "address": "Kp. Cikadu RT 001/RW 004, Desa Cikadu, Kecamatan Pasirjaya, Kabupaten Sukamaju",
                "phone": "+6281394021766",
            },
            "attachments": [],
            "information": "Daftar penerima bantuan alat mesin pertanian (traktor tangan dan pompa air) Tahun 2026 di Kecamatan Pasirjaya beserta kriteria penetapannya.",
            "unit_id": "setda",
            "purpose": "Memastikan kelompok tani di desa kami mendapat kesempatan yang sama.",
            "obtain": ["hard_copy"],
            "delivery": "collect",
            "channel": "kiosk",
            "assisted": True,
        },
        "events": [
            ev("2026-10-26T08:40:00+07:00", "received", note="Permohonan diterima di meja layanan PPID, diisi oleh petugas."),
            ev("2026-10-27T10:00:00+07:00", "verified", note="Identitas dan kelengkapan permohonan telah diverifikasi."),
            ev("2026-10-27T10:20:00+07:00", "forwarded_unit", unit_id="setda",
               note="Diteruskan ke Bagian Perekonomian Sekretariat Daerah."),
        ],
        "objections": [],
    },
    # Partly fulfilled: the names of individual recipients blacked out under Pasal 17 letter h.
    {
        "receipt": {"number": "PPID-2026-000108", "received_at": "2026-10-12T13:05:00+07:00", "counts_from": "2026-10-12"},
        "submission": {
            "requester": {
                "kind": "individual",
                "name": "Dewi Anggraeni",
                "nik": nik(1, "1993-12-01", True, 15),
                "address": "Jl. Flamboyan No. 22 RT 002/RW 006, Kelurahan Sukamaju Kaler, Kecamatan Sukamaju, Kabupaten Sukamaju",
                "phone": "+6285624917730",
                "email": "dewi.anggraeni@example.id",
            },
            "attachments": [],
            "information": "Daftar penerima hibah dan bantuan sosial Tahun Anggaran 2025 lengkap dengan nama penerima perorangan, alamat dan nilai bantuan.",
            "unit_id": "bpkad",
            "purpose": "Liputan media lokal tentang ketepatan sasaran bantuan sosial.",
            "obtain": ["soft_copy"],
            "delivery": "email",
            "delivery_email": "dewi.anggraeni@example.id",
            "channel": "web",
            "assisted": False,
        },
        "events": [
            ev("2026-10-12T13:05:00+07:00", "received", note="Permohonan diterima melalui portal PPID."),
            ev("2026-10-13T09:30:00+07:00", "verified", note="Identitas dan kelengkapan permohonan telah diverifikasi."),
            ev("2026-10-13T09:45:00+07:00", "forwarded_unit", unit_id="bpkad",
               note="Diteruskan ke PPID Pelaksana BPKAD."),
            ev("2026-10-23T15:10:00+07:00", "notice", outcome="partly_fulfilled", pasal17="h",
               note="Daftar lembaga penerima hibah dan nilai bantuan diberikan. Nama dan alamat penerima bantuan sosial "
                    "perorangan dihitamkan karena merupakan rahasia pribadi (Pasal 17 huruf h UU 14/2008).",
               documents=[
                   doc("Daftar Penerima Hibah dan Bansos 2025 (disamarkan).xlsx", XLSX, 98_304,
                       f"{SITE}/files/requests/PPID-2026-000108/penerima-hibah-bansos-2025.xlsx"),
                   doc("Surat Pemberitahuan Tertulis PPID-2026-000108.pdf", PDF, 180_224,
                       f"{SITE}/files/requests/PPID-2026-000108/pemberitahuan-tertulis.pdf"),
               ]),
        ],
        "objections": [],
    },
    # Not held: the regency does not hold the information (a provincial matter).
    {
        "receipt": {"number": "PPID-2026-000109", "received_at": "2026-11-09T10:15:00+07:00", "counts_from": "2026-11-09"},
        "submission": {
            "requester": {
                "kind": "individual",
                "name": "Hendra Gunawan",
                "nik": nik(6, "1981-04-17", False, 21),
                "address": "Jl. Sukasari No. 5 RT 003/RW 002, Desa Sukasari, Kecamatan Tanjungwangi, Kabupaten Sukamaju",
                "phone": "+6281220034518",
                "email": "hendra.gunawan@example.id",
            },
            "attachments": [],
            "information": "Hasil penilaian kelayakan SMA negeri di Kabupaten Sukamaju untuk penambahan rombongan belajar Tahun Ajaran 2026/2027.",
            "unit_id": "disdik",
            "purpose": "Menimbang pilihan sekolah lanjutan untuk anak kami.",
            "obtain": ["soft_copy"],
            "delivery": "email",
            "delivery_email": "hendra.gunawan@example.id",
            "channel": "web",
            "assisted": False,
        },
        "events": [
            ev("2026-11-09T10:15:00+07:00", "received", note="Permohonan diterima melalui portal PPID."),
            ev("2026-11-10T08:55:00+07:00", "verified", note="Identitas dan kelengkapan permohonan telah diverifikasi."),
            ev("2026-11-13T11:00:00+07:00", "notice", outcome="not_held",
               note="Pengelolaan SMA negeri merupakan kewenangan pemerintah provinsi; Pemerintah Kabupaten Sukamaju tidak "
                    "menguasai informasi tersebut. Pemohon dapat mengajukan permohonan kepada PPID Dinas Pendidikan Provinsi Jawa Barat.",
               documents=[doc("Surat Pemberitahuan Tertulis PPID-2026-000109.pdf", PDF, 151_552,
                              f"{SITE}/files/requests/PPID-2026-000109/pemberitahuan-tertulis.pdf")]),
        ],
        "objections": [],
    },
    # Not yet documented (Pasal 6(3)): the report is still being compiled; the window closes soon.
    {
        "receipt": {"number": "PPID-2026-000110", "received_at": "2026-10-05T14:25:00+07:00", "counts_from": "2026-10-05"},
        "submission": {
            "requester": {
                "kind": "legal_entity",
                "name": "Perkumpulan Pemantau Lingkungan Cisukamaju",
                "decree_number": "AHU-0011873.AH.01.07.Tahun 2021",
                "address": "Jl. Situ Gede No. 3, Desa Cisalak, Kecamatan Sukamaju, Kabupaten Sukamaju",
                "phone": "+6282240187355",
                "email": "pemantau.cisukamaju@example.id",
            },
            "attachments": [],
            "information": "Laporan pengawasan ketaatan izin pembuangan limbah cair industri di sepanjang Sungai Cisukamaju Triwulan III Tahun 2026.",
            "unit_id": "dlh",
            "purpose": "Pemantauan pencemaran sungai oleh masyarakat sipil.",
            "obtain": ["soft_copy"],
            "delivery": "email",
            "delivery_email": "pemantau.cisukamaju@example.id",
            "channel": "web",
            "assisted": False,
        },
        "events": [
            ev("2026-10-05T14:25:00+07:00", "received", note="Permohonan diterima melalui portal PPID."),
            ev("2026-10-06T09:00:00+07:00", "verified", note="Akta pendirian dan SK pengesahan badan hukum telah diverifikasi."),
            ev("2026-10-06T09:10:00+07:00", "forwarded_unit", unit_id="dlh",
               note="Diteruskan ke PPID Pelaksana Dinas Lingkungan Hidup."),
            ev("2026-10-15T10:40:00+07:00", "notice", outcome="not_yet_documented",
               note="Laporan pengawasan Triwulan III masih disusun dan belum didokumentasikan (Pasal 6 ayat (3) UU 14/2008). "
                    "Laporan dijadwalkan selesai pada Desember 2026; pemohon akan diberi tahu.",
               documents=[doc("Surat Pemberitahuan Tertulis PPID-2026-000110.pdf", PDF, 147_456,
                              f"{SITE}/files/requests/PPID-2026-000110/pemberitahuan-tertulis.pdf")]),
        ],
        "objections": [],
    },
    # Forwarded to another public body that holds the information.
    {
        "receipt": {"number": "PPID-2026-000111", "received_at": "2026-11-04T09:30:00+07:00", "counts_from": "2026-11-04"},
        "submission": {
            "requester": {
                "kind": "individual",
                "name": "Asep Saepulloh",
                "nik": nik(2, "1987-09-25", False, 33),
                "address": "Kp. Pasir Kaliki RT 004/RW 001, Desa Mekarsari, Kecamatan Cibening, Kabupaten Sukamaju",
                "phone": "+6281311560284",
            },
            "attachments": [],
            "information": "Jadwal dan anggaran perbaikan jalan nasional ruas Sukamaju-Cibening yang rusak sejak Agustus 2026.",
            "unit_id": "dpupr",
            "purpose": "Keselamatan warga yang setiap hari melintasi ruas jalan tersebut.",
            "obtain": ["view"],
            "channel": "web",
            "assisted": False,
        },
        "events": [
            ev("2026-11-04T09:30:00+07:00", "received", note="Permohonan diterima melalui portal PPID."),
            ev("2026-11-05T08:40:00+07:00", "verified", note="Identitas dan kelengkapan permohonan telah diverifikasi."),
            ev("2026-11-06T13:00:00+07:00", "forwarded_body", body_name="Balai Besar Pelaksanaan Jalan Nasional Jawa Barat",
               note="Ruas jalan nasional dikelola Kementerian Pekerjaan Umum; permohonan diteruskan ke PPID balai tersebut."),
            ev("2026-11-06T13:30:00+07:00", "notice", outcome="forwarded",
               note="Informasi dikuasai Balai Besar Pelaksanaan Jalan Nasional Jawa Barat. Permohonan telah diteruskan dan "
                    "pemohon dapat menghubungi PPID balai tersebut.",
               documents=[doc("Surat Pemberitahuan Tertulis PPID-2026-000111.pdf", PDF, 139_264,
                              f"{SITE}/files/requests/PPID-2026-000111/pemberitahuan-tertulis.pdf")]),
        ],
        "objections": [],
    },
    # Extended, then answered after the extended due date (28 October): reasons c and g are open.
    {
        "receipt": {"number": "PPID-2026-000112", "received_at": "2026-10-05T10:05:00+07:00", "counts_from": "2026-10-05"},
        "submission": {
            "requester": {
                "kind": "individual",
                "name": "Wulan Sari",
                "nik": nik(3, "1999-06-11", True, 5),
                "address": "Jl. Babakan Baru No. 14 RT 001/RW 003, Desa Pasirjaya, Kecamatan Pasirjaya, Kabupaten Sukamaju",
                "phone": "+6287716630492",
                "email": "wulan.sari@example.id",
            },
            "attachments": [],
            "information": "Jumlah tenaga kesehatan per puskesmas dan rasio dokter per penduduk per kecamatan Tahun 2026.",
            "unit_id": "dinkes",
            "purpose": "Tugas akhir program studi kesehatan masyarakat.",
            "obtain": ["soft_copy"],
            "delivery": "email",
            "delivery_email": "wulan.sari@example.id",
            "channel": "web",
            "assisted": False,
        },
        "events": [
            ev("2026-10-05T10:05:00+07:00", "received", note="Permohonan diterima melalui portal PPID."),
            ev("2026-10-06T08:50:00+07:00", "verified", note="Identitas dan kelengkapan permohonan telah diverifikasi."),
            ev("2026-10-06T09:05:00+07:00", "forwarded_unit", unit_id="dinkes",
               note="Diteruskan ke PPID Pelaksana Dinas Kesehatan."),
            ev("2026-10-16T15:00:00+07:00", "extended",
               reason="Data tenaga kesehatan masih direkapitulasi dari 24 puskesmas. Pemberitahuan tertulis diperpanjang "
                      "paling lama 7 hari kerja (Pasal 22 ayat (8) UU 14/2008)."),
            ev("2026-11-04T14:45:00+07:00", "notice", outcome="fulfilled",
               note="Informasi diberikan seluruhnya dalam bentuk salinan elektronik tanpa biaya.",
               documents=[
                   doc("Tenaga Kesehatan per Puskesmas 2026.xlsx", XLSX, 67_584,
                       f"{SITE}/files/requests/PPID-2026-000112/tenaga-kesehatan-per-puskesmas-2026.xlsx"),
                   doc("Surat Pemberitahuan Tertulis PPID-2026-000112.pdf", PDF, 172_032,
                       f"{SITE}/files/requests/PPID-2026-000112/pemberitahuan-tertulis.pdf"),
               ]),
        ],
        "objections": [],
    },
]

REQUESTS.append(
    # Fulfilled by a timely notice that announced the copies by 10 November, billed for printing, and
    # posted late (17 November, received 19 November): reasons d, e, f and g are found after the notice.
    {
        "receipt": {"number": "PPID-2026-000113", "received_at": "2026-10-26T10:30:00+07:00", "counts_from": "2026-10-26"},
        "submission": {
            "requester": {
                "kind": "individual",
                "name": "Yayan Hermawan",
                "nik": nik(5, "1969-01-23", False, 8),
                "address": "Kp. Sukaresmi RT 003/RW 002, Desa Cisalak, Kecamatan Sukamaju, Kabupaten Sukamaju",
                "phone": "+6281312093375",
                "email": "yayan.hermawan@example.id",
            },
            "attachments": [],
            "information": "Salinan cetak dokumen kontrak dan berita acara serah terima pembangunan Pasar Desa Cisalak Tahun Anggaran 2026.",
            "unit_id": "setda",
            "purpose": "Pengawasan pembangunan pasar oleh paguyuban pedagang.",
            "obtain": ["hard_copy"],
            "delivery": "post",
            "delivery_address": "Kp. Sukaresmi RT 003/RW 002, Desa Cisalak, Kecamatan Sukamaju, Kabupaten Sukamaju",
            "channel": "web",
            "assisted": False,
        },
        "events": [
            ev("2026-10-26T10:30:00+07:00", "received", note="Permohonan diterima melalui portal PPID."),
            ev("2026-10-27T09:15:00+07:00", "verified", note="Identitas dan kelengkapan permohonan telah diverifikasi."),
            ev("2026-11-03T14:00:00+07:00", "notice", outcome="fulfilled", provide_by="2026-11-10",
               note="Informasi diberikan seluruhnya dalam bentuk salinan cetak, dikirim melalui pos paling lambat 10 November 2026.",
               documents=[doc("Surat Pemberitahuan Tertulis PPID-2026-000113.pdf", PDF, 158_720,
                              f"{SITE}/files/requests/PPID-2026-000113/pemberitahuan-tertulis.pdf")]),
            ev("2026-11-03T14:10:00+07:00", "billed",
               note="Biaya penggandaan 86 halaman dan ongkos kirim pos: Rp 47.500, dibayar melalui rekening kas daerah."),
            ev("2026-11-17T10:00:00+07:00", "delivered", received_on="2026-11-19",
               note="Salinan cetak dikirim melalui pos; tanda terima pos ditandatangani pemohon pada 19 November 2026."),
        ],
        "objections": [],
    }
)

OBJECTIONS = [
    {
        "receipt": {
            "number": "KEB-2026-000011",
            "request_number": "PPID-2026-000102",
            "received_at": "2026-10-13T10:12:00+07:00",
            "counts_from": "2026-10-13",
        },
        "submission": {
            "request_number": "PPID-2026-000102",
            "verifier": "rina.marlina@example.id",
            "objector": REQUESTS[1]["submission"]["requester"],
            "reasons": ["a"],
            "case_summary": "Permohonan data pasien DBD di Puskesmas Cibening ditolak dengan alasan rahasia pribadi. Pemohon berpendapat "
                            "nama dan alamat diperlukan untuk memastikan bantuan bagi keluarga pasien tepat sasaran dan kepentingan publik "
                            "lebih besar daripada kerahasiaannya.",
            "purpose": "Bahan tulisan di media warga tentang penanganan KLB DBD dan pendataan keluarga yang membutuhkan bantuan.",
            "attachments": [],
        },
        "answer": {
            "at": "2026-11-10T14:00:00+07:00",
            "upheld": False,
            "summary": "Atasan PPID menguatkan keputusan PPID. Identitas dan hasil pemeriksaan pasien termasuk rahasia pribadi menurut "
                       "Pasal 17 huruf h UU 14/2008 dan tidak dapat dibuka tanpa persetujuan pasien. Jumlah kasus per desa tanpa identitas "
                       "tersedia di Daftar Informasi Publik dan dapat dipakai untuk tulisan pemohon. Pemohon dapat mengajukan sengketa ke "
                       "Komisi Informasi Provinsi Jawa Barat dalam 14 hari kerja sejak tanggapan ini diterima.",
            "documents": [doc("Tanggapan Atasan PPID atas Keberatan KEB-2026-000011.pdf", PDF, 241_664,
                              f"{SITE}/files/objections/KEB-2026-000011/tanggapan-atasan-ppid.pdf")],
        },
    }
]

# ------------------------------------------------------------------ checks and output


def check(seed: dict) -> None:
    unit_ids = {u["id"] for u in seed["units"]}
    example = seed["meta"]["registration_number_example"]
    assert example not in {r["receipt"]["number"] for r in seed["requests"]}, "the example must be made up"
    ids = [i["id"] for i in seed["catalogue"]]
    assert len(ids) == len(set(ids)), "duplicate catalogue id"
    for item in seed["catalogue"]:
        assert item["unit_id"] in unit_ids, item["id"]
        assert item["updated_on"] <= TODAY.isoformat(), item["id"]
        assert 3 <= len(item["keywords"]) <= 6, item["id"]
        assert all(k == k.lower() for k in item["keywords"]), item["id"]
        if item["class"] == DK:
            assert item["exemption"] and not item["files"], item["id"]
        else:
            assert item["exemption"] is None, item["id"]
        for f in item["files"]:
            assert 40_000 <= f["size_bytes"] <= 8_000_000, item["id"]
    for year_stats in seed["statistics"]["years"]:
        rows = [year_stats["totals"]] + [u["figures"] for u in year_stats["by_unit"]]
        for fig in rows:
            assert fig["refused"] == sum(fig["refused_by_pasal17"].values())
            assert fig["fulfilled"] + fig["partly_fulfilled"] + fig["refused"] + fig["not_held"] <= fig["received"]
        for key in ("received", "fulfilled", "partly_fulfilled", "refused", "not_held", "objections"):
            assert sum(u["figures"][key] for u in year_stats["by_unit"]) <= year_stats["totals"][key], key
        for letter, n in year_stats["totals"]["refused_by_pasal17"].items():
            assert sum(u["figures"]["refused_by_pasal17"].get(letter, 0) for u in year_stats["by_unit"]) <= n
        for u in year_stats["by_unit"]:
            assert u["unit_id"] in unit_ids
    for cal in seed["calendars"]:
        dates = [d["date"] for d in cal["days"]]
        assert dates == sorted(dates) and len(dates) == len(set(dates))
        assert all(d.startswith(str(cal["year"])) for d in dates)
    for req in seed["requests"]:
        events = req["events"]
        assert events[0]["kind"] == "received"
        assert [e["at"] for e in events] == sorted(e["at"] for e in events)
        n = req["submission"]["requester"].get("nik")
        assert n is None or (len(n) == 16 and n.isdigit())
        item = req["submission"].get("catalogue_item_id")
        assert item is None or item in ids, item
    for record in seed["requests"] + seed["objections"]:
        token = record["receipt"]["access_token"]
        assert re.fullmatch(r"[A-Za-z0-9_-]{24}", token), record["receipt"]["number"]


def demo_access_token(number: str) -> str:
    """The access token of a seeded record (contract 1.4.0): 24 base64url characters like a real one,
    but derived from the number so the seed is reproducible. Anyone reading this repository knows
    them, which is fine for made-up demo records; a real backend draws each from a CSPRNG."""
    digest = hashlib.sha256(f"ppid-demo-access-token:{number}".encode()).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode()


def with_access_tokens(records: list[dict]) -> None:
    """Gives every seeded receipt its access token, after the receipt's own fields."""
    for record in records:
        record["receipt"]["access_token"] = demo_access_token(record["receipt"]["number"])


def resolve_catalogue_refs(requests: list[dict], catalogue: list[dict]) -> None:
    """Replaces "@<title>" in catalogue_item_id by the generated id of that item."""
    by_title = {i["title"]: i["id"] for i in catalogue}
    for req in requests:
        ref = req["submission"].get("catalogue_item_id")
        if ref and ref.startswith("@"):
            req["submission"]["catalogue_item_id"] = by_title[ref[1:]]


def build() -> dict:
    catalogue = catalogue_json()
    resolve_catalogue_refs(REQUESTS, catalogue)
    with_access_tokens(REQUESTS)
    with_access_tokens(OBJECTIONS)
    seed = {
        "meta": META,
        "calendars": CALENDARS,
        "units": units_json(),
        "catalogue": catalogue,
        "announcements": ANNOUNCEMENTS,
        "statistics": STATISTICS,
        "requests": REQUESTS,
        "objections": OBJECTIONS,
    }
    check(seed)
    return seed


def main() -> int:
    text = json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
    if "--check" in sys.argv[1:]:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date; run scripts/gen-seed.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
