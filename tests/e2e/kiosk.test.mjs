// Kiosk mode: a touch screen at an MPP counter shared by strangers. The idle warning and
// its countdown, "Lanjutkan", the wipe (nothing personal left in localStorage, sessionStorage,
// IndexedDB or the page), "Mulai baru" with its confirmation, officer mode recorded at the backend,
// the thermal receipt layouts (58 and 80 mm), the touch layout, and accessibility of all of it.
// kiosk-wipe.test.mjs follows two citizens at one kiosk (nothing queued, caches, the history) and the
// wipe without the bar's wasm.
//
// One ppid-server (the HTTP reference backend) under the strict CSP; each page gets its own
// config.json through a route, so a test can shorten the idle time or choose the paper.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, DEMO_NOW_MS, NOW_ARGS, SEED } from './harness.mjs';
import { pageRunner, lookUpStatus } from './page.mjs';
import { T as W, begin, expectStep, answer, answerUntil, fillAll, pdf, sendRequest, checkRows } from './wizard.mjs';
import { OBJECTION, fillObjection, toObjectionCheck, lookUpRequest, lookUpObjection } from './wizard.mjs';

const BASE = { api_base: '/api', timeout_ms: 15000, kiosk: true, kiosk_idle_seconds: 600, kiosk_warning_seconds: 30 };
const JOURNAL_KEY = 'ppid.demo.journal';
const OUTBOX_DB = 'ppid-outbox';
const OFFICER = 'Dewi Lestari (NIP 198503122010012004)';

const K = {
  bar: 'Kios layanan',
  startOver: 'Mulai baru',
  confirmTitle: 'Hapus semua dan mulai baru?',
  confirm: 'Ya, hapus semua',
  cancel: 'Batal',
  idleTitle: 'Masih menggunakan layar ini?',
  continue: 'Lanjutkan',
  officer: 'Mode petugas',
  officerField: 'Nama atau NIP petugas',
  officerStart: 'Mulai mode petugas',
  officerMissing: 'Masukkan nama atau NIP petugas.',
  officerOn: 'Mode petugas: diisi oleh',
  officerEnd: 'Akhiri mode petugas',
  assisted: 'Diisi oleh petugas',
  back: 'Halaman sebelumnya',
};
const EN = { startOver: 'Start over', confirmTitle: 'Delete everything and start over?', confirm: 'Yes, delete everything', cancel: 'Cancel' };

/** What a citizen types; none of it may survive a wipe, in any form the portal writes it. */
const PERSON = {
  name: 'Siti Rahmawati',
  nik: '3201014508900001',
  address: 'Jl. Melati No. 3, Sukamaju 43211',
  phone: '0812 3456 7890',
  email: 'siti@contoh.id',
};
const TRACES = [PERSON.name, PERSON.nik, 'Jl. Melati', '81234567890', '812 3456 7890', PERSON.email];

const env = useServers({ server: { config: BASE, args: NOW_ARGS } });
// No service worker: it would fetch config.json itself, past the page's route.
const run = pageRunner('kiosk', env, { context: { serviceWorkers: 'block' }, config: BASE });
/** A page whose config.json is `BASE` with `overrides`; `page.setConfig(c)` changes it for the next load. */
const withPage = (name, overrides, fn, options) => run(name, fn, { ...options, config: overrides });

/** Kind, identity, document and contact answered; the contact question stays on screen, typed in. */
async function halfFill(page) {
  await begin(page, env.server.url);
  const answers = { ...PERSON, files: [pdf('ktp-siti.pdf')] };
  await answerUntil(page, 'kontak', answers);
  await answer(page, 'kontak', answers);
}

/** Leftovers a wipe must remove: a draft an ordinary session stored, an IndexedDB database, the demo backend's journal (what citizens sent). */
async function plantLeftovers(page) {
  await page.evaluate(
    async ({ nik, journal }) => {
      localStorage.setItem('ppid.request.draft', JSON.stringify({ nik }));
      localStorage.setItem(journal, '{"requests":[]}');
      sessionStorage.setItem('ppid.request.receipt', '{"number":"PPID-2026-000999"}');
      await new Promise((resolve, reject) => {
        const open = indexedDB.open('ppid-leftover', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('drafts');
        open.onsuccess = () => {
          const tx = open.result.transaction('drafts', 'readwrite');
          tx.objectStore('drafts').put({ nik }, 'draft');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      });
    },
    { nik: PERSON.nik, journal: JOURNAL_KEY },
  );
}

/** After a wipe: the home page, fresh, in Bahasa Indonesia, with nothing of the citizen anywhere. */
async function assertWiped(page, what) {
  await page.waitForURL((u) => new URL(u).pathname === '/', { timeout: 20000 });
  await waitForApp(page);
  await page.getByRole('region', { name: K.bar }).waitFor();
  // The wipe's last page load has cut the history.
  await page.waitForFunction(() => sessionStorage.getItem('ppid.kiosk.wipe') === null);
  const left = await page.evaluate(async () => ({
    local: Object.keys(localStorage).filter((k) => k.startsWith('ppid.')),
    lang_setting: localStorage.getItem('ppid.lang'),
    journal: localStorage.getItem('ppid.demo.journal'),
    session: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((d) => d.name),
    outbox: (await indexedDB.databases()).some((d) => d.name === 'ppid-outbox')
      ? await new Promise((resolve) => {
          const open = indexedDB.open('ppid-outbox');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('entries')) return resolve(0);
            const count = db.transaction('entries').objectStore('entries').count();
            count.onsuccess = () => {
              db.close();
              resolve(count.result);
            };
          };
        })
      : 0,
    lang: document.documentElement.lang,
    page: [
      document.title,
      document.documentElement.outerHTML,
      document.body.innerText,
      ...[...document.querySelectorAll('input, textarea, select')].map((f) => f.value),
    ].join('\n'),
  }));
  // The fresh page writes its language again: Bahasa Indonesia.
  assert.deepEqual(left.local.filter((k) => k !== 'ppid.lang'), [], `${what}: no ppid.* key but the language in localStorage`);
  assert.ok(left.lang_setting === null || left.lang_setting === '"id"', `${what}: the language setting is Bahasa Indonesia (${left.lang_setting})`);
  assert.equal(left.journal, null, `${what}: the demo backend's journal is deleted`);
  assert.deepEqual(left.session, [], `${what}: sessionStorage is empty`);
  // The fresh page opens the outbox again: empty.
  assert.deepEqual(left.databases.filter((n) => n !== OUTBOX_DB), [], `${what}: no IndexedDB database but the (new) outbox`);
  assert.equal(left.outbox, 0, `${what}: the outbox is empty`);
  assert.equal(left.lang, 'id', `${what}: back to Bahasa Indonesia`);
  for (const trace of TRACES) assert.equal(left.page.includes(trace), false, `${what}: "${trace}" is not in the page`);
  // The wizard starts empty.
  await page.goto(`${env.server.url}/permohonan/identitas`);
  await waitForApp(page);
  assert.equal(await page.getByLabel('Nama lengkap').inputValue(), '', `${what}: the name field is empty`);
  assert.equal(await page.getByLabel('NIK', { exact: true }).inputValue(), '', `${what}: the NIK field is empty`);
  await page.goto(`${env.server.url}/permohonan/kontak`);
  await waitForApp(page);
  for (const id of ['#f-address', '#f-phone', '#f-email']) {
    assert.equal(await page.locator(id).inputValue(), '', `${what}: ${id} is empty`);
  }
}

const secondsLeft = async (dialog) => Number((await dialog.locator('.kiosk-count').innerText()).match(/(\d+)/)[1]);

test('idle: a warning counts down, Lanjutkan keeps the half-filled form, and letting it run out wipes everything', async () => {
  await withPage('idle', { kiosk_idle_seconds: 3, kiosk_warning_seconds: 6 }, async (page) => {
    await halfFill(page);
    await plantLeftovers(page);
    const quiet = Date.now();
    const dialog = page.getByRole('alertdialog', { name: K.idleTitle });
    await dialog.waitFor({ timeout: 10000 });
    const after = (Date.now() - quiet) / 1000;
    assert.ok(after >= 2.5 && after < 6, `the warning comes after the idle time (3 s), not ${after} s`);
    // Focus is on its button, the countdown runs, and it is described to assistive technology.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), K.continue, 'the dialog button has focus');
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    assert.match(await dialog.locator('.kiosk-count').innerText(), /^Dihapus dalam \d detik\.$/);
    const first = await secondsLeft(dialog);
    assert.ok(first >= 4 && first <= 6, `${first} seconds left at first`);
    await page.waitForFunction((n) => Number(document.querySelector('.kiosk-count').textContent.match(/\d+/)[0]) < n, first);
    assert.equal(await dialog.locator('[aria-live="polite"]').count(), 1, 'a polite live region announces the countdown');
    await assertNoAxeViolations(page, 'idle warning');
    // "Lanjutkan": the dialog closes, the answers are still there, and the idle time starts again.
    await dialog.getByRole('button', { name: K.continue }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.getByLabel('Nomor telepon atau HP').inputValue(), PERSON.phone);
    assert.equal(await page.getByLabel('Surel (e-mail)').inputValue(), PERSON.email);
    await page.waitForTimeout(2000);
    assert.equal(await dialog.isVisible(), false, 'no warning within the idle time after Lanjutkan');
    await page.getByRole('link', { name: 'Kembali' }).click();
    await expectStep(page, 'dokumen', W.document);
    await page.getByRole('link', { name: 'Kembali' }).click();
    await expectStep(page, 'identitas', W.identity);
    assert.equal(await page.getByLabel('NIK', { exact: true }).inputValue(), PERSON.nik, 'answers kept in memory');
    // Left alone: the warning again, then the wipe at zero.
    const alone = Date.now();
    await dialog.waitFor({ timeout: 10000 });
    await page.waitForURL((u) => new URL(u).pathname === '/', { timeout: 15000 });
    const wipedAfter = (Date.now() - alone) / 1000;
    assert.ok(wipedAfter >= 8 && wipedAfter < 13, `wiped after idle + warning (9 s), not ${wipedAfter} s`);
    await assertWiped(page, 'idle wipe');
  });
});

test('Mulai baru: confirmed inside the page (Batal keeps everything), then wipes like the idle timer, officer and language included', async () => {
  await withPage('start-over', {}, async (page) => {
    await page.goto(`${env.server.url}/permohonan`);
    await waitForApp(page);
    await page.getByRole('button', { name: K.officer, exact: true }).click();
    await page.getByLabel(K.officerField).fill(OFFICER);
    await page.getByRole('button', { name: K.officerStart }).click();
    await page.getByText(K.officerOn).waitFor();
    await halfFill(page);
    await plantLeftovers(page);
    // The citizen reads in English; the answers survive the switch.
    await page.locator('.lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.locator('#f-phone').inputValue(), PERSON.phone);
    const bar = page.getByRole('region', { name: 'Service kiosk' });
    // Batal: nothing happens, focus returns to the button.
    await bar.getByRole('button', { name: EN.startOver }).click();
    const dialog = page.getByRole('alertdialog', { name: EN.confirmTitle });
    await dialog.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), EN.cancel, 'the safe choice has focus');
    await assertNoAxeViolations(page, 'start-over confirmation');
    await dialog.getByRole('button', { name: EN.cancel }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'kiosk-start-over', 'focus back on Start over');
    assert.equal(await page.locator('#f-email').inputValue(), PERSON.email);
    // Escape is Batal too.
    await bar.getByRole('button', { name: EN.startOver }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#f-email').inputValue(), PERSON.email);
    // Confirmed: everything goes.
    await bar.getByRole('button', { name: EN.startOver }).click();
    await dialog.getByRole('button', { name: EN.confirm }).click();
    await assertWiped(page, 'Mulai baru');
    await page.goto(`${env.server.url}/`);
    await waitForApp(page);
    // The bar is filled by the kiosk's own wasm, loaded after the page has started.
    await page.getByRole('button', { name: K.officer, exact: true }).waitFor();
    assert.equal(await page.getByText(K.officerOn).count(), 0, 'officer mode ended');
  });
});

test('officer mode: the bar, its form and errors are accessible, and the request records who helped at the backend', async () => {
  await withPage('assisted', { receipt_paper_mm: 58 }, async (page) => {
    await page.goto(`${env.server.url}/`);
    await waitForApp(page);
    const bar = page.getByRole('region', { name: K.bar });
    // Filled by the kiosk's own wasm once it has loaded.
    await bar.getByRole('button', { name: K.startOver }).waitFor();
    assert.equal(await bar.getByRole('button', { name: K.back }).count(), 0, 'no back button on the home page');
    await assertNoAxeViolations(page, 'kiosk bar (home)');
    const toggle = bar.getByRole('button', { name: K.officer, exact: true });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.waitForFunction(() => document.activeElement?.id === 'kiosk-officer-name');
    await assertNoAxeViolations(page, 'officer form');
    await page.getByRole('button', { name: K.officerStart }).click();
    await page.getByText(K.officerMissing).waitFor();
    const field = page.getByLabel(K.officerField);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match(await field.getAttribute('aria-describedby'), /kiosk-officer-name-error/);
    await assertNoAxeViolations(page, 'officer form with an error');
    await field.fill(OFFICER);
    await page.keyboard.press('Enter');
    await bar.getByRole('status').filter({ hasText: OFFICER }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), K.officerEnd);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('ppid.kiosk.assisted')), OFFICER);
    await assertNoAxeViolations(page, 'kiosk bar in officer mode');

    await begin(page, env.server.url);
    assert.equal(await bar.getByRole('button', { name: K.back }).count(), 1, 'a back button off the home page');
    await fillAll(page, 'individual');
    const line = page.locator('.assisted-by');
    assert.equal((await line.innerText()).trim(), `${K.assisted}: ${OFFICER}`, 'the check page says an officer fills it in');
    const number = await sendRequest(page);

    const res = await lookUpRequest(env.server, number, 'siti@contoh.id');
    assert.equal(res.status, 200);
    assert.equal((await res.json()).assisted_by, OFFICER, 'the backend recorded the officer');

    // The receipt on thermal paper, 58 then 80 mm wide (the receipt survives a reload in the session).
    await thermal(page, number, 58);
    page.setConfig({ receipt_paper_mm: 80 });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await page.waitForSelector('.confirmation .reference');
    await thermal(page, number, 80);

    // The status page, printed on 58 mm paper.
    page.setConfig({ receipt_paper_mm: 58 });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await lookUpStatus(page, env.server.url, number, 'siti@contoh.id');
    await page.locator('section.panel h2').filter({ hasText: number }).waitFor();
    await thermal(page, number, 58, { numberAt: 'section.panel h2', qr: false });

    // The same receipt without a thermal printer: the ordinary layout, on A4.
    await page.goto(`${env.server.url}/permohonan/terkirim`);
    page.setConfig({ receipt_paper_mm: null });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await page.waitForSelector('.confirmation .reference');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.receipt), undefined);
  });
});

/**
 * Printed at `mm`: nothing wider than the printable width, the number (in `numberAt`) and the QR code
 * (when the page has one) visible, no navigation, and Chromium's PDF on a page of that width.
 */
async function thermal(page, number, mm, { numberAt = '.confirmation .reference', qr = true } = {}) {
  if (qr) await page.waitForSelector('figure.qr svg');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.receipt), String(mm));
  // The printable width: the paper less the 2 mm margins, at 96 CSS px per inch.
  const width = Math.floor(((mm - 4) / 25.4) * 96);
  await page.setViewportSize({ width, height: 1400 });
  await page.emulateMedia({ media: 'print' });
  const fit = await page.evaluate((numberAt) => {
    const vw = document.documentElement.clientWidth;
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      if (s.display === 'none' || s.visibility === 'hidden') continue;
      const b = el.getBoundingClientRect();
      if (b.width === 0 && b.height === 0) continue;
      if (b.left < -0.5 || b.right > vw + 0.5) wide.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(b.left)}..${Math.round(b.right)}`);
    }
    const box = (sel) => {
      const el = document.querySelector(sel);
      const b = el?.getBoundingClientRect();
      return el && getComputedStyle(el).display !== 'none' ? { left: b.left, right: b.right, width: b.width, height: b.height, text: el.textContent.trim() } : null;
    };
    const shown = (sel) => [...document.querySelectorAll(sel)].some((el) => el.getClientRects().length > 0);
    return {
      vw,
      scroll: document.documentElement.scrollWidth,
      wide,
      reference: box(numberAt),
      qr: box('figure.qr svg'),
      nav: shown('.site-header nav') || shown('.kiosk-bar') || shown('.site-footer') || shown('button'),
    };
  }, numberAt);
  assert.deepEqual(fit.wide, [], `${mm} mm: every element within ${fit.vw}px`);
  assert.ok(fit.scroll <= fit.vw, `${mm} mm: no horizontal overflow (${fit.scroll} > ${fit.vw})`);
  assert.equal(fit.reference?.text, number, `${mm} mm: the number is printed`);
  if (qr) assert.ok(fit.qr && fit.qr.width >= 100 && fit.qr.right <= fit.vw, `${mm} mm: the QR code is printed whole (${JSON.stringify(fit.qr)})`);
  assert.equal(fit.nav, false, `${mm} mm: no navigation, kiosk bar, footer or buttons`);
  // Chromium prints on the named page of that width.
  const doc = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const box = doc.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  assert.ok(box, 'the PDF has a page size');
  const widthPt = Number(box[1]);
  assert.ok(Math.abs(widthPt - (mm / 25.4) * 72) < 1.5, `${mm} mm: the page is ${widthPt} pt wide`);
  await assertNoAxeViolations(page, `receipt printed at ${mm} mm`);
}

test('touch layout: larger text, targets of at least 48 px and no sideways scrolling, portrait and landscape', async () => {
  for (const viewport of [{ width: 1080, height: 1920 }, { width: 1920, height: 1080 }]) {
    await withPage(`layout-${viewport.width}`, {}, async (page) => {
      for (const path of ['/', '/informasi', '/permohonan/jenis', '/status', '/keberatan/ajukan']) {
        await page.goto(`${env.server.url}${path}`);
        await waitForApp(page);
        await page.getByRole('region', { name: K.bar }).waitFor();
        const r = await page.evaluate(() => {
          const small = [];
          const targets = document.querySelectorAll(
            'button, select, input:not([type=hidden]), nav a, .kiosk-bar a, .back-link, .pager a',
          );
          for (const el of targets) {
            const b = el.getBoundingClientRect();
            if (b.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
            if (el.closest('dialog:not([open])')) continue;
            if (b.height < 47.5 || b.width < 47.5) small.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} ${Math.round(b.width)}x${Math.round(b.height)}`);
          }
          return {
            font: getComputedStyle(document.documentElement).fontSize,
            scroll: document.documentElement.scrollWidth,
            vw: document.documentElement.clientWidth,
            small,
          };
        });
        const where = `${path} at ${viewport.width}x${viewport.height}`;
        assert.equal(r.font, '20px', `${where}: larger text`);
        assert.ok(r.scroll <= r.vw, `${where}: no horizontal scroll (${r.scroll} > ${r.vw})`);
        assert.deepEqual(r.small, [], `${where}: touch targets of at least 48 px`);
      }
      await assertNoAxeViolations(page, `kiosk bar at ${viewport.width}x${viewport.height}`);
    }, { context: { viewport } });
  }
});

test('outside kiosk mode there is no kiosk bar, no timer and no kiosk layout, and the kiosk wasm is not downloaded', async () => {
  await withPage('not-kiosk', { kiosk: false, kiosk_idle_seconds: 1, kiosk_warning_seconds: 1 }, async (page) => {
    const kioskFiles = [];
    page.on('request', (r) => /\/ppid-kiosk/.test(r.url()) && kioskFiles.push(r.url()));
    await page.goto(`${env.server.url}/permohonan`);
    await waitForApp(page);
    assert.equal(await page.getByRole('region', { name: K.bar }).count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kiosk')), false);
    await page.waitForTimeout(3000);
    assert.equal(await page.getByRole('alertdialog').count(), 0, 'no idle warning');
    assert.equal(new URL(page.url()).pathname, '/permohonan', 'no wipe');
    assert.deepEqual(kioskFiles, [], 'a phone never downloads the kiosk bar');
  });
});

test('officer mode on an objection: the review names the officer, the backend records it, and the receipt prints on 80 mm', async () => {
  const overdue = SEED.requests.find((r) => r.receipt.number === 'PPID-2026-000107');
  const who = overdue.submission.requester;
  await withPage('objection-assisted', { receipt_paper_mm: 80 }, async (page) => {
    await page.goto(`${env.server.url}/keberatan/ajukan?nomor=${overdue.receipt.number}`);
    await waitForApp(page);
    await page.getByRole('button', { name: K.officer, exact: true }).click();
    await page.getByLabel(K.officerField).fill(OFFICER);
    await page.getByRole('button', { name: K.officerStart }).click();
    await page.getByText(K.officerOn).waitFor();
    await page.locator('#obj-verifier').fill(who.phone.slice(-4));
    await page.locator('main#main').getByRole('button', { name: 'Lanjutkan' }).click();
    await fillObjection(page, who, {
      reasons: ['c'],
      caseSummary: 'Sudah lewat batas waktu dan belum ada pemberitahuan tertulis.',
      purpose: 'Meminta atasan PPID memerintahkan jawaban.',
    });
    await toObjectionCheck(page);
    const rows = Object.fromEntries(await checkRows(page));
    assert.equal(rows[K.assisted], OFFICER, 'the review names the officer');
    await page.getByRole('button', { name: OBJECTION.send }).click();
    await page.getByRole('heading', { name: OBJECTION.sent }).waitFor();
    const number = (await page.locator('.confirmation .reference').innerText()).trim();
    const res = await lookUpObjection(env.server, number, who.phone.slice(-4));
    assert.equal(res.status, 200);
    assert.equal((await res.json()).assisted_by, OFFICER, 'the backend recorded the officer');
    await page.locator('dl.deadlines dd strong').waitFor();
    await thermal(page, number, 80, { qr: false });
  }, {
    // Reason c depends on today's date: the seed's "today" (the idle clock is not needed here).
    fixedTime: DEMO_NOW_MS,
  });
});
