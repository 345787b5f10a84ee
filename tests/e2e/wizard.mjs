// Helpers to drive the request wizard: begin, answer every question, read the check page, count the
// backend's requests.

import assert from 'node:assert/strict';
import { waitForApp, assertNoAxeViolations, SEED } from './harness.mjs';

export const DRAFT_KEY = 'ppid.request.draft';
export const FILES_KEY = 'ppid.request.files';

export const T = {
  start: 'Mulai permohonan',
  next: 'Lanjutkan',
  submit: 'Kirim permohonan',
  sendAgain: 'Kirim lagi',
  kind: 'Siapa yang mengajukan permohonan?',
  identity: 'Identitas pemohon',
  document: 'Dokumen identitas',
  contact: 'Bagaimana kami menghubungi Anda?',
  information: 'Informasi apa yang Anda butuhkan?',
  purpose: 'Untuk apa informasi ini akan digunakan?',
  obtain: 'Bagaimana Anda ingin memperoleh informasi?',
  delivery: 'Bagaimana salinan dikirim kepada Anda?',
  check: 'Periksa jawaban Anda',
  sent: 'Permohonan terkirim',
  kinds: { individual: 'Saya sendiri (perorangan)', legal_entity: 'Badan hukum', proxy: 'Kuasa' },
};

export const PEOPLE = {
  individual: { name: 'Siti Rahmawati', nik: '3201014508900001' },
  legal_entity: { name: 'Yayasan Lentera Desa', decree: 'AHU-0012345.AH.01.04.Tahun 2019' },
  proxy: { name: 'Budi Santoso', nik: '3201010508900001', principal: 'Kelompok Tani Makmur' },
};

/** The documents each kind of requester attaches, by their labels. */
export const DOCS = {
  individual: ['KTP atau paspor'],
  legal_entity: ['Akta badan hukum yang telah disahkan'],
  proxy: ['KTP atau paspor', 'Surat kuasa khusus'],
};

/** A small, valid-enough PDF. */
export const pdf = (name = 'ktp.pdf') => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n\n%%EOF\n'),
});

export const next = (page) => page.getByRole('button', { name: T.next, exact: true }).click();

export async function heading(page) {
  return (await page.locator('main h1').first().innerText()).trim();
}

/** Waits for question `slug`; after an in-app move (not a reload) focus must be on its heading. */
export async function expectStep(page, slug, title, { moved = true } = {}) {
  await page.waitForURL(new RegExp(`/permohonan/${slug}$`));
  await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, title);
  if (moved) await page.waitForFunction(() => document.activeElement === document.querySelector('main h1'));
}

/** Attaches `file` to the document labelled `label` and waits until it is listed. */
export async function attach(page, label, file) {
  await page.getByLabel(label, { exact: true }).setInputFiles(file);
  await page.locator(`[id$="-status"]:has-text("Terlampir:")`).filter({ hasText: file.name.replace(/\.[^.]+$/, '') }).first().waitFor();
}

export async function begin(page, base) {
  await page.goto(`${base}/permohonan`);
  await waitForApp(page);
  await page.getByRole('button', { name: T.start }).click();
  await expectStep(page, 'jenis', T.kind);
}

/** Answers every question for `kind` and arrives at the check page. */
export async function fillAll(page, kind) {
  const who = PEOPLE[kind];
  await page.getByLabel(T.kinds[kind], { exact: true }).check();
  await next(page);
  await expectStep(page, 'identitas', T.identity);
  await page.getByLabel('Nama lengkap').fill(who.name);
  if (who.nik) await page.getByLabel('NIK', { exact: true }).fill(who.nik);
  if (who.decree) await page.getByLabel('Nomor SK pengesahan badan hukum').fill(who.decree);
  if (who.principal) await page.getByLabel('Nama yang Anda wakili').fill(who.principal);
  await next(page);
  await expectStep(page, 'dokumen', T.document);
  for (const [i, label] of DOCS[kind].entries()) await attach(page, label, pdf(`dokumen-${i}.pdf`));
  await next(page);
  await expectStep(page, 'kontak', T.contact);
  await page.getByLabel('Alamat', { exact: true }).fill('Jl. Melati No. 3, Sukamaju 43211');
  await page.getByLabel('Nomor telepon atau HP').fill('0812 3456 7890');
  await page.getByLabel('Surel (e-mail)').fill('siti@contoh.id');
  await next(page);
  await expectStep(page, 'informasi', T.information);
  await page.getByLabel('Rincian informasi').fill('Laporan realisasi APBD 2025 per kecamatan');
  await page.getByLabel('Unit yang menguasai informasi').selectOption({ label: SEED.units[4].name });
  await next(page);
  await expectStep(page, 'tujuan', T.purpose);
  await page.getByLabel('Tujuan penggunaan informasi').fill('Bahan pengawasan anggaran oleh warga');
  await next(page);
  await expectStep(page, 'cara', T.obtain);
  await page.getByLabel('Salinan elektronik (softcopy)').check();
  await next(page);
  await expectStep(page, 'pengiriman', T.delivery);
  await page.getByLabel('Surel', { exact: true }).check();
  await page.getByLabel('Alamat surel pengiriman').fill('siti@contoh.id');
  await next(page);
  await expectStep(page, 'periksa', T.check);
}

/** The check page's rows as [label, value] pairs. */
export async function checkRows(page) {
  return page.$$eval('dl.check .row', (rows) =>
    rows.map((r) => [r.querySelector('dt').textContent.trim(), r.querySelector('dd').textContent.trim()]),
  );
}

/** Creates one request straight through the HTTP API and returns its number (to count what the backend holds). */
export async function probeNumber(server) {
  const res = await fetch(`${server.url}/api/v1/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `probe-${Math.random().toString(36).slice(2)}` },
    body: JSON.stringify({
      requester: { kind: 'individual', name: 'Probe', nik: '3201014508900001', address: 'Jl. A', email: 'probe@contoh.id' },
      information: 'probe',
      purpose: 'probe',
      obtain: ['view'],
    }),
  });
  assert.equal(res.status, 201, 'the probe request is accepted');
  return (await res.json()).number;
}

export const serial = (number) => Number(number.slice(-6));

/** Waits for the confirmation and returns the request's number. */
export async function sentPage(page) {
  await page.waitForURL(/\/permohonan\/terkirim$/);
  await page.waitForSelector('dl.deadlines');
  const number = (await page.locator('.confirmation .reference').innerText()).trim();
  assert.match(number, /^PPID-2026-\d{6}$/);
  return number;
}

export { assertNoAxeViolations };
