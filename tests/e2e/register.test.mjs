// Register Permohonan (/register, /register/{id}): the requests the office answered and published, as a
// citizen uses them: search as you type, filters and pages kept in the URL across a reload and Back, the
// record of how the matching requests were answered (a table, with a drawing beside it), an entry in full
// (timeline, deadline and lateness, a refusal's Pasal 17 ground, documents, objection and dispute), a
// missing entry, a backend failure, a backend without the register, hostile texts, offline after one
// visit and a deep link in a regency's frame. Both the reference backend over HTTP and the demo backend.
//
// Expectations are computed from the seed (src/reference/seed.json) with the register's rules ported below
// (src/reference/register.rs): an entry is a request its requester allowed to publish, with the office's
// published text and a written notice; its deadline is counted on the seed's calendar.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, faultSwitches, startStaticServer, SEED, NOW_ARGS, HOST_PAGE, PASAL17_ID, addWorkingDays, longDate } from './harness.mjs';
import { pageRunner, SAY, waitLoaded } from './page.mjs';

const PER_PAGE = 10;
const T = {
  title: 'Register Permohonan',
  search: 'Cari permohonan yang sudah dijawab',
  unit: 'Unit (OPD)',
  outcome: 'Hasil',
  year: 'Tahun',
  sort: 'Urutkan',
  link: 'Register Permohonan: permohonan yang sudah dijawab',
  notOffered: 'Kantor ini tidak menerbitkan register permohonan di portal. Daftar permohonan yang sudah dijawab dapat ditanyakan di kantor PPID.',
  noResults: 'Tidak ada permohonan di register yang cocok dengan pencarian Anda.',
  recordAll: 'Catatan jawaban semua unit',
  recordNote: 'Angka ini hanya menghitung permohonan yang diterbitkan di register ini dan cocok dengan pilihan Anda, bukan semua permohonan yang diterima kantor.',
  notFound: 'Halaman tidak ditemukan',
  similar: 'Ajukan permohonan serupa',
  inCatalogue: 'Informasi ini kini ada di Daftar Informasi Publik',
};
const OUTCOMES = {
  fulfilled: 'Dipenuhi',
  partly_fulfilled: 'Dipenuhi sebagian',
  refused: 'Ditolak',
  not_held: 'Informasi tidak dikuasai',
  not_yet_documented: 'Informasi belum didokumentasikan',
  forwarded: 'Diteruskan',
};
const FOLLOW_UPS = {
  pending: 'Belum diputus',
  granted: 'Dikabulkan',
  partly_granted: 'Dikabulkan sebagian',
  rejected: 'Ditolak, keputusan PPID tetap',
  settled: 'Selesai dengan kesepakatan',
  withdrawn: 'Dicabut',
};
const ID_MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

// ---------------------------------------------------------------------------------------------------
// The register, ported from src/reference/register.rs.

/** The office's UTC offset in minutes (the seed's zone is Asia/Jakarta, WIB). */
const OFFSET_MIN = { 'Asia/Jakarta': 420, 'Asia/Makassar': 480, 'Asia/Jayapura': 540 }[SEED.meta.deadline_rules.time_zone];
/** An instant's date on the office's clock. */
const dayOf = (at) => new Date(Date.parse(at) + OFFSET_MIN * 60_000).toISOString().slice(0, 10);
const STANDARDS = SEED.meta.service_standards;
const unitName = (id) => SEED.units.find((u) => u.id === id)?.name ?? id;

function entryOf(r) {
  const p = r.publication;
  const notice = r.events.find((e) => e.kind === 'notice');
  if (!p || r.submission.publish !== true || !notice) return null;
  const extension = r.events.find((e) => e.kind === 'extended');
  const firstDue = addWorkingDays(r.receipt.counts_from, STANDARDS.notice_days).due;
  // 17 working days only when the extension was notified within the first 10 (Pasal 22(8)).
  const due = extension && dayOf(extension.at) <= firstDue
    ? addWorkingDays(r.receipt.counts_from, STANDARDS.notice_days + STANDARDS.extension_days).due
    : firstDue;
  const noticeOn = dayOf(notice.at);
  const outcome = notice.outcome;
  const stored = SEED.objections.find((o) => o.receipt.request_number.toLowerCase() === r.receipt.number.toLowerCase());
  const objection = stored
    ? { filed_on: dayOf(stored.receipt.received_at), result: !stored.answer ? 'pending' : stored.answer.upheld ? 'granted' : 'rejected', decided_on: stored.answer && dayOf(stored.answer.at) }
    : p.objection ?? null;
  const forwarded = [...r.events].reverse().find((e) => e.kind === 'forwarded_unit' && e.unit_id);
  return {
    id: p.id,
    information: p.information,
    unit_id: forwarded?.unit_id ?? r.submission.unit_id ?? SEED.units[0].id,
    received_on: dayOf(r.receipt.received_at),
    notice_on: noticeOn,
    due_on: due,
    extended: !!extension,
    outcome,
    pasal17: ['refused', 'partly_fulfilled'].includes(outcome) ? notice.pasal17 ?? null : null,
    late: noticeOn > due,
    notice_summary: p.notice_summary ?? null,
    documents: p.documents ?? [],
    objection,
    dispute: p.dispute ?? null,
    catalogue_item_id: p.catalogue_item_id ?? null,
    year: Number(dayOf(r.receipt.received_at).slice(0, 4)),
  };
}
const ENTRIES = SEED.requests.map(entryOf).filter(Boolean);

/** src/domain/search.rs `fold`, for the seed's (Latin) texts. */
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\x00-\x7f]/g, (c) => (/[a-z0-9]/.test(c) ? c : ' '));
const words = (s) => fold(s).split(/\s+/).filter(Boolean);
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The entries matching a query, in its order, and their record. */
function register({ q, unit, outcome, year, sort } = {}) {
  const typed = words(q ?? '');
  const hits = ENTRIES.filter((e) => {
    const text = words(`${e.information} ${unitName(e.unit_id)}`);
    return (!unit || e.unit_id === unit) && (!outcome || e.outcome === outcome) && (!year || e.year === Number(year)) && typed.every((w) => text.some((x) => x.startsWith(w)));
  }).sort((a, b) => (sort === 'oldest' ? cmp(a.received_on, b.received_on) : cmp(b.received_on, a.received_on)) || cmp(a.id, b.id));
  const count = (f) => hits.filter(f).length;
  const letters = [...new Set(hits.map((e) => e.pasal17).filter(Boolean))].sort();
  const record = [
    ['Dijawab dengan pemberitahuan tertulis', hits.length],
    ['Tepat waktu', count((e) => !e.late)],
    ['Terlambat', count((e) => e.late)],
    ...Object.entries(OUTCOMES).map(([o, words]) => [words, count((e) => e.outcome === o)]),
    ...letters.map((l) => [`Ditolak seluruhnya atau sebagian karena Pasal 17 huruf ${l} — ${PASAL17_ID[l]}`, count((e) => e.pasal17 === l)]),
    ['Diikuti keberatan', count((e) => e.objection)],
    ['Diikuti sengketa di Komisi Informasi', count((e) => e.dispute)],
  ].map(([label, n]) => [label, String(n)]);
  return { hits, record };
}

const idDate = (s) => {
  const [y, m, d] = s.split('-').map(Number);
  return `${d} ${ID_MONTHS[m - 1]} ${y}`;
};

// ---------------------------------------------------------------------------------------------------
// Servers and pages.

/** The regency's page on a second origin, for the deep link. */
let host;
const env = useServers(
  {
    api: { config: { api_base: '/api' }, args: [...NOW_ARGS, '--fault-control'] },
    // The build's own config.json: the demo backend.
    demo: { args: NOW_ARGS },
    embedded: () => ({ config: { api_base: '/api', embed_origins: [host.url] }, args: NOW_ARGS, frameAncestors: `'self' ${host.url}` }),
  },
  {
    async setup() {
      host = await startStaticServer((p) => {
        if (p === '/') return ['text/html; charset=utf-8', HOST_PAGE.html(env.embedded.url)];
        if (p === '/host.css') return ['text/css; charset=utf-8', HOST_PAGE.css];
        if (p === '/favicon.ico') return ['image/x-icon', ''];
        return null;
      });
    },
    async teardown() {
      await host?.stop();
    },
  },
);
const faults = () => faultSwitches(env.api);
/** Failed API answers a test causes on purpose are logged by the browser as failed resources. */
const failedApi = (e) => /Failed to load resource: the server responded with a status of (4|5)\d\d/.test(e) && e.includes('/v1/register');
const withPage = pageRunner('register', env, { demoClock: true, tolerated: failedApi, cleanup: () => faults().healthy() });

const main = (page) => page.locator('main#main');
const searchBox = (page) => page.getByLabel(T.search, { exact: true });
const select = (page, label) => main(page).locator('form[role="search"]').getByLabel(label, { exact: true });

/** What the list shows now: the count sentence and the entries' information, in order. */
const readList = (page) =>
  page.evaluate(() => ({
    count: document.querySelector('main#main .result-count')?.textContent.trim() ?? '',
    entries: [...document.querySelectorAll('main#main ul.register-list > li h2')].map((h) => h.textContent.trim()),
  }));

/** The record's heading and its table as [label, figure] rows. */
const readRecord = (page) =>
  page.evaluate(() => {
    const section = document.querySelector('main#main section.record');
    if (!section) return null;
    return {
      heading: section.querySelector('h2').textContent.trim(),
      rows: [...section.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent.trim())),
    };
  });

/** Waits until the list shows page `pageNo` of `expected` (from `register()`), then asserts it. */
async function expectList(page, expected, label, pageNo = 1) {
  const want = {
    count: `${expected.hits.length} permohonan ditemukan`,
    entries: expected.hits.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE).map((e) => e.information),
  };
  await page
    .waitForFunction(
      (w) => {
        const count = document.querySelector('main#main .result-count')?.textContent.trim() ?? '';
        const entries = [...document.querySelectorAll('main#main ul.register-list > li h2')].map((h) => h.textContent.trim());
        return !document.querySelector('main#main .loading') && count === w.count && JSON.stringify(entries) === JSON.stringify(w.entries);
      },
      want,
      { timeout: 10000 },
    )
    .catch(() => {});
  assert.deepEqual(await readList(page), want, `${label}: the count and the entries of page ${pageNo}`);
}

/** Waits until the URL holds exactly `params` on /register, then asserts it. */
async function expectUrl(page, params, label) {
  const want = JSON.stringify(Object.entries(params).sort());
  await page
    .waitForFunction((w) => location.pathname === '/register' && JSON.stringify([...new URLSearchParams(location.search)].sort()) === w, want, { timeout: 5000 })
    .catch(() => {});
  assert.equal(new URL(page.url()).pathname, '/register', `${label}: on the register`);
  assert.deepEqual(Object.fromEntries(new URL(page.url()).searchParams), params, `${label}: the URL holds the query`);
}

async function expectRecord(page, expected, heading, label) {
  const record = await readRecord(page);
  assert.ok(record, `${label}: a record`);
  assert.equal(record.heading, heading, `${label}: the record's heading`);
  assert.deepEqual(record.rows, expected.record, `${label}: the record's figures`);
  const note = await main(page).locator('section.record .hint').innerText();
  assert.equal(note, T.recordNote, `${label}: the figures are over published requests only`);
  // The drawing is for the eye: hidden from assistive technology, beside the table.
  assert.equal(await main(page).locator('section.record svg').getAttribute('aria-hidden'), 'true', `${label}: the drawing is hidden from screen readers`);
  assert.equal(await main(page).locator('section.record svg rect.bar').count(), 2 + Object.keys(OUTCOMES).length, `${label}: a bar for on time, late and each outcome`);
}

/** The unit with the most entries (a filter that keeps more than one). */
const BUSIEST = (() => {
  const counts = new Map();
  for (const e of ENTRIES) counts.set(e.unit_id, (counts.get(e.unit_id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0][0];
})();

// ---------------------------------------------------------------------------------------------------

test('the seed publishes what the tests need', () => {
  assert.ok(ENTRIES.length > PER_PAGE, `more entries than a page: ${ENTRIES.length}`);
  assert.ok(ENTRIES.some((e) => e.late), 'a late notice');
  assert.ok(ENTRIES.some((e) => e.documents.length > 0 && e.catalogue_item_id), 'an entry with documents and a catalogue item');
  assert.ok(ENTRIES.some((e) => e.pasal17 && e.objection && e.dispute), 'a refusal followed by an objection and a dispute');
  assert.ok(register({ q: 'APBD 2026' }).hits.length > 0, 'an entry about APBD 2026');
  assert.ok(register({ unit: BUSIEST }).hits.length > 1, 'a unit with more than one entry');
});

for (const mode of ['api', 'demo']) {
  test(`${mode} backend: search as you type, filters and pages in the URL, reload and Back, the record`, { timeout: 120_000 }, async () => {
    const base = env[mode].url;
    await withPage(`list-${mode}`, async (page) => {
      // From the catalogue's link.
      await page.goto(`${base}/informasi`);
      await waitLoaded(page);
      await main(page).getByRole('link', { name: T.link }).click();
      await page.waitForURL((u) => u.pathname === '/register', { timeout: 15000 });
      await waitLoaded(page);
      assert.equal(await main(page).locator('h1').innerText(), T.title);
      const all = register();
      await expectList(page, all, 'everything, newest first');
      await expectRecord(page, all, T.recordAll, 'every unit');
      // Each entry shows its unit, dates, outcome and lateness.
      const first = all.hits[0];
      const item = main(page).locator('ul.register-list > li').first();
      const meta = await item.innerText();
      for (const part of [unitName(first.unit_id), `Diterima ${idDate(first.received_on)}`, `Pemberitahuan tertulis ${idDate(first.notice_on)}`, OUTCOMES[first.outcome], first.late ? 'Terlambat' : 'Tepat waktu']) {
        assert.ok(meta.includes(part), `the first entry says ${part}: ${meta}`);
      }
      const lateShown = await main(page).locator('ul.register-list .tag.late').count();
      assert.equal(lateShown, all.hits.slice(0, PER_PAGE).filter((e) => e.late).length, 'a late flag on each late entry of the page');
      await assertNoAxeViolations(page, `${mode}: the register`);

      // Page 2, by its link.
      await main(page).getByRole('navigation', { name: 'Halaman 1 dari 2' }).getByRole('link', { name: /berikutnya/i }).click();
      await expectUrl(page, { page: '2' }, 'page 2');
      await expectList(page, all, 'page 2', 2);

      // Typing searches (the history entry replaced), and starts again at page 1.
      await page.evaluate(() => (window.__sameDocument = true));
      await searchBox(page).fill('APBD 2026');
      await expectUrl(page, { q: 'APBD 2026' }, 'typed');
      const apbd = register({ q: 'APBD 2026' });
      await expectList(page, apbd, 'APBD 2026');
      await expectRecord(page, apbd, T.recordAll, 'APBD 2026');
      assert.ok(await page.evaluate(() => window.__sameDocument === true), 'no page load while typing');

      // A unit: its record; an outcome; the older first.
      await searchBox(page).fill('');
      await expectUrl(page, {}, 'cleared');
      await select(page, T.unit).selectOption(BUSIEST);
      await expectUrl(page, { unit: BUSIEST }, 'a unit');
      const unit = register({ unit: BUSIEST });
      await expectList(page, unit, `unit ${BUSIEST}`);
      await expectRecord(page, unit, `Catatan jawaban ${unitName(BUSIEST)}`, `unit ${BUSIEST}`);
      await assertNoAxeViolations(page, `${mode}: a unit chosen`);
      const outcome = unit.hits[0].outcome;
      await select(page, T.outcome).selectOption(outcome);
      await select(page, T.sort).selectOption('oldest');
      const filtered = { unit: BUSIEST, outcome, sort: 'oldest' };
      await expectUrl(page, filtered, 'unit, outcome, oldest first');
      const narrowed = register(filtered);
      await expectList(page, narrowed, 'unit, outcome, oldest first');

      // A reload keeps it all; Back walks the filters back.
      await page.reload();
      await waitLoaded(page);
      await expectList(page, narrowed, 'after a reload');
      assert.equal(await select(page, T.unit).inputValue(), BUSIEST, 'the unit filter after a reload');
      assert.equal(await select(page, T.outcome).inputValue(), outcome, 'the outcome filter after a reload');
      assert.equal(await select(page, T.sort).inputValue(), 'oldest', 'the order after a reload');
      await page.goBack();
      await expectUrl(page, { unit: BUSIEST, outcome }, 'Back: the order undone');
      await expectList(page, register({ unit: BUSIEST, outcome }), 'Back: newest first again');
      await page.goBack();
      await expectUrl(page, { unit: BUSIEST }, 'Back: the outcome undone');
      await expectList(page, unit, 'Back: the unit alone');

      // A year.
      await select(page, T.year).selectOption('2025');
      await expectUrl(page, { unit: BUSIEST, year: '2025' }, 'a year');
      await expectList(page, register({ unit: BUSIEST, year: 2025 }), 'a unit in 2025');

      // Nothing found: said, with the way to ask, and no record.
      await page.goto(`${base}/register?q=${encodeURIComponent('zzzz tidak ada')}`);
      await waitLoaded(page);
      await main(page).getByText(T.noResults).waitFor();
      assert.equal((await readList(page)).count, '0 permohonan ditemukan');
      assert.equal(await main(page).locator('section.record').count(), 0, 'no record of nothing');
      assert.equal(await searchBox(page).inputValue(), 'zzzz tidak ada', 'the box shows the search from the URL');
      await assertNoAxeViolations(page, `${mode}: nothing found`);
    });
  });

  test(`${mode} backend: an entry with documents, its timeline and deadline; a refusal with its ground, objection and dispute`, { timeout: 90_000 }, async () => {
    const base = env[mode].url;
    const withDocs = ENTRIES.find((e) => e.documents.length > 0 && e.catalogue_item_id);
    const refused = ENTRIES.find((e) => e.pasal17 && e.objection && e.dispute);
    await withPage(`entry-${mode}`, async (page) => {
      // From the list, by its link.
      await page.goto(`${base}/register?q=${encodeURIComponent(withDocs.information)}`);
      await waitLoaded(page);
      await main(page).getByRole('link', { name: withDocs.information }).click();
      await page.waitForURL((u) => u.pathname === `/register/${withDocs.id}`);
      await page.getByRole('heading', { name: `Permohonan ${withDocs.id}`, level: 1 }).waitFor();
      const facts = Object.fromEntries(
        await page.$$eval('main#main dl.register-facts .row', (rows) => rows.map((r) => [r.querySelector('dt').textContent.trim(), r.querySelector('dd').textContent.trim()])),
      );
      assert.equal(facts.Unit, unitName(withDocs.unit_id));
      assert.equal(facts.Diterima, longDate(withDocs.received_on));
      assert.equal(facts['Pemberitahuan tertulis'], longDate(withDocs.notice_on));
      assert.equal(facts['Batas waktu pemberitahuan'], longDate(withDocs.due_on) + (withDocs.extended ? ' (diperpanjang dengan pemberitahuan, Pasal 22 ayat (8))' : ''));
      assert.equal(facts['Ketepatan waktu'], withDocs.late ? 'Terlambat: pemberitahuan diberikan setelah batas waktu.' : 'Tepat waktu: pemberitahuan diberikan dalam batas waktu.');
      assert.equal(facts.Hasil, OUTCOMES[withDocs.outcome]);
      assert.equal(await main(page).locator('.register-information').innerText(), withDocs.information);
      // The timeline: received, notice and the rest, each with its date.
      const steps = await main(page).locator('ol.timeline li').allInnerTexts();
      assert.ok(steps[0].startsWith(`Permohonan diterima · ${longDate(withDocs.received_on)}`), `received first: ${steps[0]}`);
      assert.ok(steps.some((s) => s === `Pemberitahuan tertulis · ${longDate(withDocs.notice_on)}`), `the notice: ${steps.join(' | ')}`);
      // The documents: name, type, size and a link to each.
      const files = main(page).locator('ul.files li');
      assert.equal(await files.count(), withDocs.documents.length);
      for (const [i, f] of withDocs.documents.entries()) {
        const link = files.nth(i).getByRole('link', { name: f.name });
        assert.equal(await link.getAttribute('href'), f.url);
        const text = await files.nth(i).innerText();
        assert.match(text, /\((PDF|XLSX|CSV|DOCX|JPG|[A-Z]+), [\d.]+ (KB|MB)\)$/, `type and size: ${text}`);
      }
      assert.equal(await main(page).getByRole('link', { name: T.inCatalogue }).getAttribute('href'), `/informasi/${withDocs.catalogue_item_id}`);
      const similar = new URL(await main(page).getByRole('link', { name: T.similar }).getAttribute('href'), base);
      assert.equal(similar.pathname, '/permohonan');
      assert.equal(similar.searchParams.get('unit'), withDocs.unit_id);
      assert.equal(similar.searchParams.get('q'), withDocs.information);
      assert.equal(await page.title(), `Permohonan ${withDocs.id} – Portal PPID`);
      await assertNoAxeViolations(page, `${mode}: an entry with documents`);

      // A refusal: the Pasal 17 letter in words and what it means; what the objection and the dispute decided.
      await page.goto(`${base}/register/${refused.id}`);
      await page.getByRole('heading', { name: `Permohonan ${refused.id}`, level: 1 }).waitFor();
      const ground = await main(page).locator('dl.register-facts .row', { hasText: 'Alasan pengecualian' }).innerText();
      assert.ok(ground.includes(`Pasal 17 huruf ${refused.pasal17} — ${PASAL17_ID[refused.pasal17]}`), ground);
      assert.ok(ground.includes('uji konsekuensi'), 'the ground explained');
      const followUps = await main(page).locator('ul.follow-ups li').allInnerTexts();
      assert.deepEqual(followUps, [
        `Keberatan: ${FOLLOW_UPS[refused.objection.result]}, diajukan ${longDate(refused.objection.filed_on)}${refused.objection.decided_on ? `, diputus ${longDate(refused.objection.decided_on)}` : ''}`,
        `Sengketa di Komisi Informasi: ${FOLLOW_UPS[refused.dispute.result]}, diajukan ${longDate(refused.dispute.filed_on)}${refused.dispute.decided_on ? `, diputus ${longDate(refused.dispute.decided_on)}` : ''}`,
      ]);
      if (refused.documents.length === 0) await main(page).getByText('Tidak ada dokumen yang diterbitkan untuk permohonan ini.').waitFor();
      await assertNoAxeViolations(page, `${mode}: a refusal with objection and dispute`);

      // A late notice says so.
      const late = ENTRIES.find((e) => e.late);
      await page.goto(`${base}/register/${late.id}`);
      await page.getByRole('heading', { name: `Permohonan ${late.id}`, level: 1 }).waitFor();
      assert.equal(await main(page).locator('dd.late').innerText(), 'Terlambat: pemberitahuan diberikan setelah batas waktu.');

      // An extension: the deadline it moved to, and the step in the timeline.
      const extended = ENTRIES.find((e) => e.extended);
      const extension = SEED.requests.find((r) => r.publication?.id === extended.id).events.find((e) => e.kind === 'extended');
      await page.goto(`${base}/register/${extended.id}`);
      await page.getByRole('heading', { name: `Permohonan ${extended.id}`, level: 1 }).waitFor();
      assert.equal(
        await main(page).locator('dl.register-facts .row', { hasText: 'Batas waktu pemberitahuan' }).locator('dd').innerText(),
        `${longDate(extended.due_on)} (diperpanjang dengan pemberitahuan, Pasal 22 ayat (8))`,
      );
      assert.ok((await main(page).locator('ol.timeline').innerText()).includes(`Waktu diperpanjang · ${longDate(dayOf(extension.at))}`), 'the extension in the timeline');

      // An id the register does not have: the not-found page, and the way back.
      await page.goto(`${base}/register/R-1999-0000`);
      await page.getByRole('heading', { name: T.notFound, level: 1 }).waitFor();
      assert.ok((await page.title()).startsWith('Galat: '), 'the title says Galat');
      assert.ok(await main(page).getByRole('link', { name: 'Kembali ke Register Permohonan' }).isVisible());
      await assertNoAxeViolations(page, `${mode}: an unknown entry`);
    });
  });
}

test('a register page past the last one (an old link) says so and leads to the last page', { timeout: 60_000 }, async () => {
  await withPage('past-end', async (page) => {
    const all = register();
    const pages = Math.ceil(all.hits.length / PER_PAGE);
    await page.goto(`${env.api.url}/register?page=${pages + 3}`);
    await waitLoaded(page);
    const panel = main(page).locator('.panel', { hasText: 'Halaman ini tidak ada' });
    await panel.waitFor();
    assert.equal((await panel.locator('p').first().innerText()).trim(), `Halaman ini tidak ada: hasil pencarian Anda hanya ${pages} halaman.`);
    assert.equal(await main(page).locator('nav.pager').count(), 0, 'no pager past the end');
    await assertNoAxeViolations(page, 'register page past the end');
    await panel.getByRole('link', { name: 'Ke halaman terakhir' }).click();
    await expectUrl(page, { page: String(pages) }, 'the last page');
    await expectList(page, all, 'the last page', pages);
  });
});

test('the register in English, at 320 px without sideways scrolling', { timeout: 60_000 }, async () => {
  const base = env.api.url;
  const refused = ENTRIES.find((e) => e.pasal17 && e.objection && e.dispute);
  await withPage('english', async (page) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${base}/register`);
    await waitLoaded(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Register of requests', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'How every unit answered', level: 2 }).waitFor();
    assert.equal(await main(page).locator('.result-count').innerText(), `${ENTRIES.length} requests found`);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok((await overflow()) <= 0, `the list: no sideways scrolling at 320 px (${await overflow()} px)`);
    await assertNoAxeViolations(page, 'the register in English at 320 px');
    await page.goto(`${base}/register/${refused.id}`);
    await page.getByRole('heading', { name: `Request ${refused.id}`, level: 1 }).waitFor();
    assert.ok((await main(page).locator('ul.follow-ups').innerText()).startsWith(`Objection: `), 'the follow-ups in English');
    assert.ok((await overflow()) <= 0, `an entry: no sideways scrolling at 320 px (${await overflow()} px)`);
    await assertNoAxeViolations(page, 'an entry in English at 320 px');
  }, { context: { serviceWorkers: 'block' } });
});

test('a backend failure: the list and an entry say so plainly, and "Coba lagi" recovers', { timeout: 60_000 }, async () => {
  const base = env.api.url;
  const entry = ENTRIES[0];
  await withPage('error', async (page) => {
    await faults().fault('/v1/register*=status:500');
    await page.goto(`${base}/register`);
    await waitForApp(page);
    const panel = main(page).locator('.error-panel[role="alert"]');
    await panel.waitFor({ timeout: 10000 });
    assert.equal((await panel.innerText()).split('\n')[0].trim(), SAY.server);
    await assertNoAxeViolations(page, 'the register, backend failing');
    await faults().healthy();
    await panel.getByRole('button', { name: 'Coba lagi' }).click();
    await expectList(page, register(), 'recovered');

    await faults().fault('/v1/register*=status:500');
    await page.goto(`${base}/register/${entry.id}`);
    await panel.waitFor({ timeout: 10000 });
    assert.equal(await main(page).locator('h1').innerText(), T.title, 'a heading to land on');
    assert.ok((await page.title()).startsWith('Galat: '), 'the title says Galat');
    await assertNoAxeViolations(page, 'an entry, backend failing');
    await faults().healthy();
    await panel.getByRole('button', { name: 'Coba lagi' }).click();
    await page.getByRole('heading', { name: `Permohonan ${entry.id}`, level: 1 }).waitFor();
  }, { context: { serviceWorkers: 'block' } });
});

test('links to the register from the catalogue, the statistics and the footer; none on a backend without it, and /register says so', { timeout: 60_000 }, async () => {
  const base = env.api.url;
  await withPage('links', async (page) => {
    for (const path of ['/informasi', '/statistik']) {
      await page.goto(`${base}${path}`);
      await waitLoaded(page);
      assert.equal(await main(page).getByRole('link', { name: T.link }).getAttribute('href'), '/register', `${path}: a link in the page`);
      assert.equal(await page.locator('footer').getByRole('link', { name: T.link }).getAttribute('href'), '/register', `${path}: a link in the footer`);
    }
    // The catalogue's link carries the search.
    await page.goto(`${base}/informasi?q=APBD`);
    await waitLoaded(page);
    await page.waitForFunction(() => document.querySelector('main#main .register-link a')?.getAttribute('href') === '/register?q=APBD');
  }, { context: { serviceWorkers: 'block' } });

  await withPage('not-offered', async (page) => {
    await page.route('**/api/v1/meta', async (route) => {
      const res = await route.fetch();
      const meta = await res.json();
      meta.features = meta.features.filter((f) => f !== 'register');
      await route.fulfill({ response: res, json: meta });
    });
    for (const path of ['/informasi', '/statistik', '/']) {
      await page.goto(`${base}${path}`);
      await waitLoaded(page);
      assert.equal(await page.locator('a[href^="/register"]').count(), 0, `${path}: no link to the register`);
    }
    for (const path of ['/register', `/register/${ENTRIES[0].id}`]) {
      await page.goto(`${base}${path}`);
      await waitForApp(page);
      await main(page).getByText(T.notOffered).waitFor();
      assert.equal(await main(page).locator('h1').innerText(), T.title);
      assert.equal(await main(page).locator('.error-panel, ul.register-list').count(), 0, `${path}: no error, no list`);
      await assertNoAxeViolations(page, `${path} on a backend without a register`);
    }
  }, { context: { serviceWorkers: 'block' } });
});

for (const kind of ['sparse', 'unknown-enums', 'empty']) {
  test(`the register renders a backend's ${kind} answers`, { timeout: 60_000 }, async () => {
    const base = env.api.url;
    const entry = ENTRIES.find((e) => e.documents.length > 0);
    await withPage(`answers-${kind}`, async (page) => {
      await faults().fault(`/v1/register*=${kind}`);
      const looksRight = async (label) => {
        const text = await page.locator('body').innerText();
        for (const leftover of [/\bundefined\b/, /\bnull\b/i, /\[object/, /\bNaN\b/, /x_future_value/]) {
          assert.doesNotMatch(text, leftover, `${label}: no "${leftover.source}" on the page`);
        }
        assert.equal(await main(page).locator('.error-panel').count(), 0, `${label}: no error`);
        await assertNoAxeViolations(page, label);
      };
      await page.goto(`${base}/register`);
      await waitLoaded(page);
      await page.waitForFunction(() => /\d/.test(document.querySelector('main#main .result-count')?.textContent ?? ''), null, { timeout: 15000 });
      if (kind === 'empty') await main(page).getByText(T.noResults).waitFor();
      if (kind === 'unknown-enums') assert.ok((await main(page).locator('ul.register-list .tag.outcome').first().innerText()).startsWith('Lihat surat pemberitahuan'), 'an unknown outcome in words');
      await looksRight(`${kind}: the list`);
      await page.goto(`${base}/register/${entry.id}`);
      await page.getByRole('heading', { name: `Permohonan ${entry.id}`, level: 1 }).waitFor({ timeout: 15000 });
      if (kind === 'empty') await main(page).getByText('Tidak ada dokumen yang diterbitkan untuk permohonan ini.').waitFor();
      if (kind === 'unknown-enums') assert.ok((await main(page).locator('ol.timeline').innerText()).includes('Pembaruan'), 'an unknown step in words');
      await looksRight(`${kind}: an entry`);
    }, { context: { serviceWorkers: 'block' } });
  });
}

test('hostile texts in the register are shown as text and never run', { timeout: 60_000 }, async () => {
  const base = env.api.url;
  await withPage('hostile', async (page) => {
    const ran = [];
    await page.context().exposeBinding('__pwned', (_source, where) => ran.push(where));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => window.__pwned(`CSP violation: ${e.violatedDirective}`));
    });
    await faults().fault('/v1/register*=hostile', '/v1/units=hostile');
    const look = async (label) => {
      const planted = await page.evaluate(() => {
        const found = [];
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.attributes) {
            if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
            if (['href', 'src', 'srcdoc'].includes(a.name) && /^(javascript|vbscript|data):/.test(a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase())) found.push(`<${el.localName} ${a.name}="${a.value}">`);
          }
        }
        for (const sel of ['iframe', 'object', 'embed', 'main script', 'main img', 'main svg circle']) for (const el of document.querySelectorAll(sel)) found.push(sel);
        return found;
      });
      assert.deepEqual(planted, [], `${label}: nothing planted in the DOM`);
      assert.deepEqual([...ran, ...page.dialogs], [], `${label}: no payload ran`);
      await assertNoAxeViolations(page, `hostile: ${label}`);
    };
    await page.goto(`${base}/register`);
    await waitForApp(page);
    await page.waitForFunction(() => /\d/.test(document.querySelector('main#main .result-count')?.textContent ?? ''), null, { timeout: 15000 });
    const listed = await main(page).locator('ul.register-list').innerText();
    assert.ok(listed.includes('__pwned'), 'the payloads are listed as text');
    await look('the list');
    await page.goto(`${base}/register/${ENTRIES.find((e) => e.documents.length > 0).id}`);
    await page.waitForSelector('main#main .register-information', { timeout: 15000 });
    assert.ok((await main(page).locator('.register-information').innerText()).length > 0);
    await look('an entry');
    assert.equal(await main(page).locator('ul.files a').count(), 0, 'no document link with a javascript: or data: URL');
  }, { context: { serviceWorkers: 'block' } });
});

test('offline: a register page visited once opens again without a network, and with the backend down says the data is saved', { timeout: 120_000 }, async () => {
  const base = env.api.url;
  const entry = ENTRIES.find((e) => e.documents.length > 0);
  await withPage('offline', async (page) => {
    // The first page registers the worker; the answers it sees from then on are saved.
    await page.goto(`${base}/register`);
    await waitLoaded(page);
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
    await page.goto(`${base}/register?q=APBD`);
    await waitLoaded(page);
    const online = register({ q: 'APBD' });
    await expectList(page, online, 'online');
    await page.goto(`${base}/register/${entry.id}`);
    await page.getByRole('heading', { name: `Permohonan ${entry.id}`, level: 1 }).waitFor();
    // The worker keeps the register's bundle once a page of it asked for it.
    await page.waitForFunction(
      async () => {
        const shell = (await caches.keys()).find((n) => n.startsWith('ppid-shell-'));
        if (!shell) return false;
        const files = (await (await caches.open(shell)).keys()).map((r) => new URL(r.url).pathname);
        return files.some((f) => /^\/ppid-register.*_bg\.wasm$/.test(f)) && files.some((f) => /^\/ppid-register.*\.js$/.test(f));
      },
      null,
      { timeout: 60_000, polling: 500 },
    );
    const pages = [
      [`/register?q=APBD`, () => expectList(page, online, 'answered from the saved copy')],
      [`/register/${entry.id}`, () => page.getByRole('heading', { name: `Permohonan ${entry.id}`, level: 1 }).waitFor()],
    ];
    // No network at all: the pages open, and the indicator says the device is offline.
    await page.context().setOffline(true);
    for (const [path, check] of pages) {
      await page.goto(`${base}${path}`);
      await waitLoaded(page);
      await check();
      await page.waitForFunction(() => document.querySelector('.connection')?.dataset.reach === 'offline', null, { timeout: 10000 });
    }
    await assertNoAxeViolations(page, 'a register entry offline');
    // Online, the backend unreachable behind its gateway: the saved answers, said to be saved data.
    await page.context().setOffline(false);
    await faults().fault('/v1/*=status:503');
    for (const [path, check] of pages) {
      await page.goto(`${base}${path}`);
      await waitLoaded(page);
      await check();
      await page.waitForFunction(() => document.querySelector('.connection')?.dataset.reach === 'saved', null, { timeout: 10000 });
      assert.match(await page.locator('.connection').innerText(), /data tersimpan/, `${path}: says the data is saved`);
    }
    await assertNoAxeViolations(page, 'a register entry from saved data');
  }, { errors: 'uncaught' });
});

test('a regency page opens a register entry in its frame by a deep link', { timeout: 60_000 }, async () => {
  const entry = ENTRIES.find((e) => e.documents.length > 0);
  await withPage('embed', async (page) => {
    await page.goto(`${host.url}/`);
    const iframe = await page.waitForSelector('iframe.ppid-embed-frame', { state: 'attached', timeout: 10000 });
    await waitForApp(await iframe.contentFrame());
    const opened = await page.evaluate((id) => window.PPID.open(`/register/${encodeURIComponent(id)}`), entry.id);
    assert.notEqual(opened, false, 'PPID.open takes the path');
    const frame = await iframe.contentFrame();
    await frame.waitForFunction((id) => location.pathname === `/register/${id}`, entry.id, { timeout: 20000 });
    await waitForApp(frame);
    await frame.getByRole('heading', { name: `Permohonan ${entry.id}`, level: 1 }).waitFor({ timeout: 20000 });
    assert.equal(await frame.locator('main#main .register-information').innerText(), entry.information);
    assert.equal(new URL(page.url()).origin, host.url, 'the host page stays');
    await assertNoAxeViolations(frame, 'a register entry in the frame');
  }, { errors: 'uncaught' });
});
