// Driving the portal's forms as a citizen does: the request wizard (begin, answer each question, read the
// check page, count the backend's requests) and the objection form (find the request, answer, send).

import assert from 'node:assert/strict';
import { waitForApp, assertNoAxeViolations, SEED } from './harness.mjs';

export const DRAFT_KEY = 'ppid.request.draft';
export const FILES_KEY = 'ppid.request.files';

export const T = {
  start: 'Mulai permohonan',
  resume: 'Lanjutkan permohonan yang belum selesai',
  discard: 'Hapus isian dan mulai dari awal',
  next: 'Lanjutkan',
  back: 'Kembali',
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

/** A small, valid-enough PDF (padded with `size` spaces). */
export const pdf = (name = 'ktp.pdf', size = 0) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n'), Buffer.alloc(size, 0x20), Buffer.from('\n%%EOF\n')]),
});

/** The way to obtain information that needs no copy, so no delivery question. */
export const VIEW = 'Melihat, membaca, mendengarkan atau mencatat';

/**
 * The answers fillAll gives (the requester's name and numbers come from PEOPLE, the documents are PDFs);
 * a test passes its own to change any of them, and null leaves a field as it is.
 */
export const ANSWERS = {
  kind: 'individual',
  address: 'Jl. Melati No. 3, Sukamaju 43211',
  phone: '0812 3456 7890',
  email: 'siti@contoh.id',
  information: 'Laporan realisasi APBD 2025 per kecamatan',
  unit: SEED.units[4].name,
  purpose: 'Bahan pengawasan anggaran oleh warga',
  obtain: 'Salinan elektronik (softcopy)',
  /** Copies go by e-mail to this address. */
  delivery: 'siti@contoh.id',
};

export const next = (page) => page.getByRole('button', { name: T.next, exact: true }).click();

export async function heading(page) {
  return (await page.locator('main h1').first().innerText()).trim();
}

/** Waits for question `slug`; after an in-app move (not a reload) focus must be on its heading. */
export async function expectStep(page, slug, title, { moved = true } = {}) {
  await page.waitForURL(new RegExp(`/permohonan/${slug}$`));
  await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.trim() === t, title);
  // A new question is announced: focus moves to its heading.
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

const fill = async (field, value) => {
  if (value !== null && value !== undefined) await field.fill(value);
};

/** Each question: its slug, its heading, and how `a` (the answers) answers it. */
const QUESTIONS = [
  ['jenis', T.kind, (page, a) => page.getByLabel(T.kinds[a.kind], { exact: true }).check()],
  ['identitas', T.identity, async (page, a) => {
    await fill(page.getByLabel('Nama lengkap'), a.name);
    await fill(page.getByLabel('NIK', { exact: true }), a.nik);
    await fill(page.getByLabel('Nomor SK pengesahan badan hukum'), a.decree);
    await fill(page.getByLabel('Nama yang Anda wakili'), a.principal);
  }],
  ['dokumen', T.document, async (page, a) => {
    for (const [i, label] of DOCS[a.kind].entries()) await attach(page, label, a.files?.[i] ?? pdf(`dokumen-${i}.pdf`));
  }],
  ['kontak', T.contact, async (page, a) => {
    await fill(page.getByLabel('Alamat', { exact: true }), a.address);
    await fill(page.getByLabel('Nomor telepon atau HP'), a.phone);
    await fill(page.getByLabel('Surel (e-mail)'), a.email);
  }],
  ['informasi', T.information, async (page, a) => {
    await fill(page.getByLabel('Rincian informasi'), a.information);
    if (a.unit) await page.getByLabel('Unit yang menguasai informasi').selectOption({ label: a.unit });
  }],
  ['tujuan', T.purpose, (page, a) => fill(page.getByLabel('Tujuan penggunaan informasi'), a.purpose)],
  ['cara', T.obtain, (page, a) => page.getByLabel(a.obtain).check()],
  ['pengiriman', T.delivery, async (page, a) => {
    await page.getByLabel('Surel', { exact: true }).check();
    await page.getByLabel('Alamat surel pengiriman').fill(a.delivery);
  }],
  ['periksa', T.check],
];

const withDefaults = (answers) => ({ ...ANSWERS, ...PEOPLE[answers.kind ?? ANSWERS.kind], ...answers });

/** Answers question `slug` (on screen) with `answers` (fillAll's where not given), without going on. */
export async function answer(page, slug, answers = {}) {
  await QUESTIONS.find(([s]) => s === slug)[2](page, withDefaults(answers));
}

/**
 * From question `from` (on screen; the first by default), answers each question with `answers` (fillAll's
 * where not given) and goes on, until question `until` is on screen. `answers.axe` runs axe on every
 * question on the way, `answers.files` replaces the documents (in DOCS order).
 */
export async function answerUntil(page, until, answers = {}, { from = 'jenis' } = {}) {
  const a = withDefaults(answers);
  const check = async (label) => a.axe && assertNoAxeViolations(page, `${a.kind}: ${label}`);
  const asked = QUESTIONS.filter(([slug]) => slug !== 'pengiriman' || a.obtain !== VIEW);
  for (let i = asked.findIndex(([slug]) => slug === from); asked[i][0] !== until; i++) {
    const [slug, , answerIt] = asked[i];
    await check(slug);
    await answerIt(page, a);
    if (slug === 'dokumen') await check('dokumen attached');
    await next(page);
    await expectStep(page, asked[i + 1][0], asked[i + 1][1]);
  }
  if (until === 'periksa') await check('periksa');
}

/** Answers every question for `kind` (see answerUntil for `answers`) and arrives at the check page. */
export async function fillAll(page, kind, answers = {}) {
  await answerUntil(page, 'periksa', { ...answers, kind });
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

/** Sends the request from the check page and returns its number from the confirmation. */
export async function sendRequest(page) {
  await page.getByRole('button', { name: T.submit, exact: true }).click();
  return sentPage(page);
}

/** Waits for the confirmation and returns the request's number. */
export async function sentPage(page) {
  await page.waitForURL(/\/permohonan\/terkirim$/);
  await page.waitForSelector('dl.deadlines');
  const number = (await page.locator('.confirmation .reference').innerText()).trim();
  assert.match(number, /^PPID-2026-\d{6}$/);
  return number;
}

// ------------------------------------------------------------------ the objection form

export const OBJECTION = { check: 'Periksa keberatan Anda', send: 'Kirim keberatan', sent: 'Keberatan terkirim' };

/** The detail a requester proves a request with: its e-mail, else the last 4 digits of its phone. */
export const verifierOf = (request) => request.submission.requester.email ?? request.submission.requester.phone.slice(-4);

const objectionNext = (page) => page.locator('main#main').getByRole('button', { name: 'Lanjutkan' }).click();

/** Opens the objection form at `base` for `request` (its number from the link) and finds it with `verifier`. */
export async function findRequest(page, base, request, verifier = verifierOf(request)) {
  await page.goto(`${base}/keberatan/ajukan?nomor=${request.receipt.number}`);
  await waitForApp(page);
  assert.equal(await page.locator('#obj-number').inputValue(), request.receipt.number, 'the number from the link');
  await page.locator('#obj-verifier').fill(verifier);
  await objectionNext(page);
  await page.locator('#obj-reasons').waitFor();
}

/** Answers the objection form: the `reasons` (letters), the case, the purpose (when given), and `who` objects for themself. */
export async function fillObjection(page, who, { reasons = [], caseSummary, purpose } = {}) {
  for (const letter of reasons) await page.locator(`#obj-reason-${letter}`).check();
  await fill(page.getByLabel('Kasus posisi'), caseSummary);
  await fill(page.getByLabel('Tujuan penggunaan informasi'), purpose);
  await page.getByLabel('Saya sendiri (perorangan)').check();
  await page.getByLabel('Nama lengkap').fill(who.name);
  await page.getByLabel('NIK', { exact: true }).fill(who.nik);
  await page.getByLabel('Alamat', { exact: true }).fill(who.address);
  await page.getByLabel('Nomor telepon atau HP').fill(who.phone);
}

/** Goes on from the form to the check page. */
export async function toObjectionCheck(page) {
  await objectionNext(page);
  await page.getByRole('heading', { name: OBJECTION.check }).waitFor();
}

/** Sends the objection from the form and returns its number. */
export async function sendObjection(page) {
  await toObjectionCheck(page);
  await page.getByRole('button', { name: OBJECTION.send }).click();
  await page.getByRole('heading', { name: OBJECTION.sent }).waitFor();
  return (await page.locator('.confirmation .reference').innerText()).trim();
}

/** The backend's answer to a lookup of `number` with `verifier` at `path` (request-lookups, objection-lookups). */
const lookUp = (path) => (server, number, verifier) =>
  fetch(`${server.url}/api/v1/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ number, verifier }),
  });
/** What the backend answers a lookup of request `number` with `verifier` (the response). */
export const lookUpRequest = lookUp('request-lookups');
/** What the backend answers a lookup of objection `number` with `verifier` (the response). */
export const lookUpObjection = lookUp('objection-lookups');

export { assertNoAxeViolations };
