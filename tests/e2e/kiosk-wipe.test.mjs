// A kiosk keeps nothing of one citizen for the next (public/ppid-kiosk-wipe.js, src/offline/kiosk.rs),
// and queues nothing: a submission the backend cannot take is not stored, the citizen is told it was not
// sent and can send it again or print it for the officer (src/offline/outbox.rs, NotSent). Two citizens
// at one kiosk on the HTTP backend, with the service worker and the browser's back-forward cache on, as
// at a real counter; the wipe without the kiosk bar's wasm; and the demo backend's records on a
// training kiosk.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { useServers, withServer, waitForApp, assertNoAxeViolations, faultSwitches, DEMO_NOW_MS, NOW_ARGS, SEED } from './harness.mjs';
import { pageRunner, outboxEntries } from './page.mjs';
import { T, VIEW, begin, answer, answerUntil, probeNumber, serial } from './wizard.mjs';
import { OBJECTION, findRequest, fillObjection, toObjectionCheck } from './wizard.mjs';

const KIOSK = { api_base: '/api', timeout_ms: 4000, kiosk: true, kiosk_idle_seconds: 600, kiosk_warning_seconds: 30 };

/** The first citizen: what they type, search and attach. None of it may reach the second. */
const FIRST = {
  name: 'Ratna Kusumawardani',
  nik: '3201016203850004',
  address: 'Jl. Kenanga No. 17, Sukamaju 43212',
  phone: '0813 2468 1357',
  email: 'ratna.kw@contoh.id',
  information: 'Salinan sertifikat tanah kavling 12 Desa Cibodas atas nama Ratna',
  purpose: 'Mengurus sengketa tanah keluarga',
  search: 'sertifikat tanah',
  photo: 'ktp-ratna.png',
};
const TRACES = ['Ratna', '3201016203850004', 'Kenanga', '81324681357', '813 2468 1357', 'ratna.kw', 'kavling 12', 'sengketa tanah', 'sertifikat', 'ktp-ratna'];

const SAY = {
  notSent: 'Kiriman Anda belum terkirim dan tidak disimpan di perangkat ini.',
  counter: 'Atau cetak jawaban ini untuk diterima petugas loket',
  print: 'Cetak jawaban ini',
  startOver: 'Mulai baru',
  confirm: 'Ya, hapus semua',
};

/** A small KTP photo (a PNG of 24 x 16 pixels, one colour). */
function ktpPhoto(name) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const [w, h] = [24, 16];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: h }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 0x5a)])));
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { name, mimeType: 'image/png', buffer: png };
}

// As at a counter: Chromium keeps pages in its back-forward cache (Playwright turns that off by default).
const env = useServers({}, { browser: { ignoreDefaultArgs: ['--disable-back-forward-cache'] } });
const withPage = pageRunner('kiosk-wipe', env, {
  // Failed loads of the API, network errors and the kiosk wasm's 404 are what these tests cause on purpose.
  tolerated: (e) => /Failed to load resource|net::ERR_|Failed to fetch|failed to fetch Wasm: 404/.test(e),
});

/** Everything the portal's origin holds in the browser, as text: storage, every database's records, every cache entry's URL. */
function everythingStored(page) {
  return page.evaluate(async () => {
    const dump = { local: { ...localStorage }, session: { ...sessionStorage }, databases: {}, caches: {} };
    for (const { name, version } of await indexedDB.databases()) {
      dump.databases[name] = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name, version);
        open.onerror = () => reject(open.error);
        open.onsuccess = async () => {
          const db = open.result;
          const stores = {};
          for (const store of db.objectStoreNames) {
            stores[store] = await new Promise((done) => {
              const all = db.transaction(store).objectStore(store).getAll();
              all.onsuccess = () => done(all.result);
              all.onerror = () => done(`unreadable: ${all.error}`);
            });
          }
          db.close();
          resolve(stores);
        };
      });
    }
    for (const name of await caches.keys()) {
      dump.caches[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    }
    return dump;
  });
}

/** What the screen shows and holds: the title, the text, the markup and every field's value. */
const screen = (page) =>
  page.evaluate(() =>
    [document.title, document.body.innerText, document.documentElement.outerHTML, ...[...document.querySelectorAll('input, textarea, select')].map((f) => f.value)].join('\n'),
  );

function assertNoTrace(text, what) {
  const lower = text.toLowerCase();
  for (const trace of TRACES) assert.equal(lower.includes(trace.toLowerCase()), false, `${what}: "${trace}" is not there`);
}

/** Waits until the wipe has finished its page loads (the home page, the history cut). */
async function wiped(page) {
  await page.waitForURL((u) => new URL(u).pathname === '/', { timeout: 30_000 });
  await waitForApp(page);
  await page.waitForFunction(() => sessionStorage.getItem('ppid.kiosk.wipe') === null && !document.documentElement.classList.contains('kiosk-wiping'));
}

/** The first citizen's request, with a photo of their KTP, up to the check page (to see only: no copy). */
async function fillRequest(page, url) {
  await begin(page, url);
  await answerUntil(page, 'periksa', { ...FIRST, files: [ktpPhoto(FIRST.photo)], obtain: VIEW });
}

test('two citizens at one kiosk: the first one\'s request is not sent nor kept, and after the wipe the second finds nothing of them anywhere', { timeout: 180_000 }, async () => {
  await withServer({ config: KIOSK, args: [...NOW_ARGS, '--fault-control'] }, async (server) => {
    const { fault, healthy } = faultSwitches(server);
    await withPage('two-citizens', async (page) => {
      const requestsBefore = serial(await probeNumber(server));
      // The first citizen: the service worker holds the portal, and they search the catalogue.
      await page.goto(`${server.url}/`);
      await waitForApp(page);
      await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
      await page.getByRole('link', { name: 'Informasi Publik', exact: true }).first().click();
      await page.waitForURL((u) => new URL(u).pathname === '/informasi');
      await waitForApp(page);
      await page.getByLabel('Cari informasi', { exact: true }).fill(FIRST.search);
      await page.waitForURL((u) => new URL(u).searchParams.get('q') === FIRST.search);
      await page.waitForFunction(() => /informasi ditemukan|Tidak ada/.test(document.querySelector('main#main')?.innerText ?? ''));
      await page.waitForFunction(
        async (q) => {
          for (const name of await caches.keys()) {
            for (const r of await (await caches.open(name)).keys()) if (new URL(r.url).searchParams.get('q') === q) return true;
          }
          return false;
        },
        FIRST.search,
        { timeout: 10_000 },
      );

      // Their request, while the backend is down: not sent, and nothing kept.
      await fillRequest(page, server.url);
      await fault('/v1/requests=status:503');
      await page.getByRole('button', { name: T.submit }).click();
      const panel = page.locator('main#main .error-panel[role="alert"]');
      await panel.getByText(SAY.notSent).waitFor();
      assert.match(await panel.innerText(), new RegExp(SAY.counter), 'at a kiosk: print it for the officer at the counter');
      assert.match(new URL(page.url()).pathname, /\/permohonan\/periksa$/, 'still on the check page, the answers on screen');
      assert.match(await page.locator('dl.check').innerText(), new RegExp(FIRST.information), 'the answers are still shown');
      assert.equal(await page.getByRole('button', { name: T.sendAgain }).count(), 1, 'Kirim lagi');
      assert.deepEqual(await outboxEntries(page), [], 'nothing queued in the outbox');
      await assertNoAxeViolations(page, 'not sent at a kiosk');
      // Printing: the browser's print of the check page, its buttons left out.
      await page.evaluate(() => {
        window.printed = 0;
        window.print = () => {
          window.printed += 1;
        };
      });
      await panel.getByRole('button', { name: SAY.print }).click();
      assert.equal(await page.evaluate(() => window.printed), 1, 'the print button prints');
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => ({
        answers: getComputedStyle(document.querySelector('dl.check')).display !== 'none',
        message: getComputedStyle(document.querySelector('main#main .error-panel')).display !== 'none',
        buttons: [...document.querySelectorAll('main#main button')].some((b) => b.getClientRects().length > 0),
      }));
      await page.emulateMedia({ media: 'screen' });
      assert.deepEqual(printed, { answers: true, message: true, buttons: false }, 'the print holds the answers and the message, no buttons');

      // "Mulai baru": the wipe.
      await page.getByRole('button', { name: SAY.startOver }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: SAY.confirm }).click();
      await wiped(page);

      // The backend is back, and would refuse the first request if it ever came.
      await healthy();
      await fault('/v1/requests=field-errors:/information:too_long');

      // The second citizen: Cek Status, then the request form.
      await page.goto(`${server.url}/status`);
      await waitForApp(page);
      await page.waitForTimeout(1500);
      assert.equal(await page.locator('#perangkat').count(), 0, 'no "Kiriman dari perangkat ini"');
      assert.equal(await page.getByText('Buka lagi di formulir').count(), 0);
      assertNoTrace(await screen(page), 'the status page');
      await page.goto(`${server.url}/permohonan`);
      await waitForApp(page);
      assertNoTrace(await screen(page), 'the request form');
      await page.goto(`${server.url}/permohonan/identitas`);
      await waitForApp(page);
      assert.equal(await page.getByLabel('Nama lengkap').inputValue(), '');
      assertNoTrace(await screen(page), 'the identity question');

      const stored = await everythingStored(page);
      assertNoTrace(JSON.stringify(stored), 'browser storage, IndexedDB and CacheStorage');
      for (const urls of Object.values(stored.caches)) {
        assert.ok(urls.every((u) => !new URL(u).searchParams.has('q')), `no saved answer to a search: ${urls.filter((u) => u.includes('?'))}`);
      }
      assert.ok(Object.keys(stored.caches).some((n) => n.startsWith('ppid-shell-')), 'the build stays cached: the kiosk still works offline');
      assert.ok(Object.values(stored.caches).flat().some((u) => u.endsWith('/config.json')), 'config.json stays saved');
      await healthy();
      assert.equal(serial(await probeNumber(server)), requestsBefore + 1, 'the backend never received the first request');
    });
  });
});

test('the wipe cuts the history: Back reaches none of the citizen\'s pages, across bundles and in the back-forward cache', { timeout: 120_000 }, async () => {
  await withServer({ config: KIOSK, args: NOW_ARGS }, async (server) => {
    await withPage('history', async (page) => {
      await page.goto(`${server.url}/`);
      await waitForApp(page);
      // Pages of three bundles, moves inside a bundle and page loads between them.
      await page.getByRole('link', { name: 'Informasi Publik', exact: true }).first().click();
      await page.waitForURL((u) => new URL(u).pathname === '/informasi');
      await page.getByLabel('Cari informasi', { exact: true }).fill(FIRST.search);
      await page.waitForURL((u) => new URL(u).searchParams.get('q') === FIRST.search);
      await page.goto(`${server.url}/status`);
      await waitForApp(page);
      await begin(page, server.url);
      await answerUntil(page, 'identitas');
      await page.getByLabel('Nama lengkap').fill(FIRST.name);
      const before = await page.evaluate(() => history.length);
      assert.ok(before >= 6, `the citizen has a history (${before} entries)`);

      await page.getByRole('button', { name: SAY.startOver }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: SAY.confirm }).click();
      await wiped(page);
      const after = await page.evaluate(() => ({ length: history.length, entries: navigation.entries().map((e) => new URL(e.url).pathname) }));
      // Playwright's tab starts at about:blank, a first entry of another origin.
      assert.ok(after.length <= 3, `the history is cut (${after.length} entries, ${before} before)`);
      assert.ok(after.entries.every((p) => p === '/'), `the portal's entries are the home page: ${after.entries}`);

      // Back, and Back again: never one of the citizen's pages.
      for (let i = 0; i < 3; i += 1) {
        await page.evaluate(() => history.back()).catch(() => {});
        await page.waitForTimeout(1500);
        const url = new URL(page.url());
        assert.ok(url.href === 'about:blank' || url.pathname === '/', `Back ${i + 1}: ${url.href}`);
        if (url.pathname === '/') assertNoTrace(await screen(page), `Back ${i + 1}`);
      }
    });
  });
});

for (const missing of ['ppid-kiosk.js', 'ppid-kiosk_bg.wasm']) {
  test(`without the kiosk bar (${missing} answers 404) the page wipes by itself after the idle and warning time`, { timeout: 90_000 }, async () => {
    await withServer({ config: { ...KIOSK, kiosk_idle_seconds: 2, kiosk_warning_seconds: 2 }, args: NOW_ARGS }, async (server) => {
      // No service worker: the file must reach the page's own route, not come from the worker's cache.
      await withPage(
        `fallback-${missing}`,
        async (page) => {
          await page.route(`**/${missing}`, (route) => route.fulfill({ status: 404, body: 'not found' }));
          await begin(page, server.url);
          await answerUntil(page, 'identitas');
          await answer(page, 'identitas', FIRST);
          const touched = Date.now();
          assert.equal(await page.locator('#kiosk-bar button').count(), 0, 'no kiosk bar');
          await wiped(page);
          const waited = (Date.now() - touched) / 1000;
          assert.ok(waited >= 4, `wiped ${waited} s after the last touch: not before idle + warning (4 s)`);
          assertNoTrace(JSON.stringify(await everythingStored(page)), 'storage after the fallback wipe');
          assertNoTrace(await screen(page), 'the page after the fallback wipe');
          await page.goto(`${server.url}/permohonan/identitas`);
          await waitForApp(page);
          assert.equal(await page.getByLabel('Nama lengkap').inputValue(), '', 'the form starts empty');
        },
        { context: { serviceWorkers: 'block' } },
      );
    });
  });
}

test('a training kiosk on the demo backend: the wipe deletes the demo backend\'s records of what was sent', { timeout: 90_000 }, async () => {
  const training = { api_base: 'demo', kiosk: true, kiosk_training: true, kiosk_idle_seconds: 600, kiosk_warning_seconds: 30 };
  await withServer({ config: training }, async (server) => {
    await withPage('demo-journal', async (page) => {
      await fillRequest(page, server.url);
      await page.getByRole('button', { name: T.submit }).click();
      await page.waitForURL(/\/permohonan\/terkirim$/);
      await page.waitForFunction(() => (localStorage.getItem('ppid.demo.journal') ?? '').includes('Ratna'));
      await page.getByRole('button', { name: SAY.startOver }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: SAY.confirm }).click();
      await wiped(page);
      const stored = await everythingStored(page);
      assertNoTrace(JSON.stringify(stored), 'storage of a training kiosk after the wipe');
      assert.equal(await page.evaluate(() => localStorage.getItem('ppid.demo.journal')), null, 'the demo journal is gone');
    });
  });
});

test('an objection at a kiosk while the backend is down: not sent nor kept (the request number, its verifier), printable, and wiped', { timeout: 90_000 }, async () => {
  const overdue = SEED.requests.find((r) => r.receipt.number === 'PPID-2026-000107');
  const who = overdue.submission.requester;
  const verifier = who.phone.slice(-4);
  const caseSummary = 'Kasus Ratna: sudah lewat batas waktu dan belum ada pemberitahuan tertulis.';
  await withServer({ config: KIOSK, args: [...NOW_ARGS, '--fault-control'] }, async (server) => {
    const { fault, healthy } = faultSwitches(server);
    await withPage(
      'objection',
      async (page) => {
        await findRequest(page, server.url, overdue, verifier);
        await fillObjection(page, FIRST, { reasons: ['c'], caseSummary, purpose: FIRST.purpose });
        await toObjectionCheck(page);
        await fault('/v1/objections=status:503');
        await page.getByRole('button', { name: OBJECTION.send }).click();
        const panel = page.locator('main#main .error-panel[role="alert"]');
        await panel.getByText(SAY.notSent).waitFor();
        assert.match(await panel.innerText(), new RegExp(SAY.counter));
        await panel.getByRole('button', { name: SAY.print }).waitFor();
        assert.equal(await page.getByRole('button', { name: 'Kirim lagi' }).count(), 1, 'Kirim lagi');
        assert.deepEqual(await outboxEntries(page), [], 'nothing queued');
        await assertNoAxeViolations(page, 'objection not sent at a kiosk');
        await healthy();

        await page.getByRole('button', { name: SAY.startOver }).click();
        await page.getByRole('alertdialog').getByRole('button', { name: SAY.confirm }).click();
        await wiped(page);
        await page.goto(`${server.url}/status`);
        await waitForApp(page);
        await page.waitForTimeout(1500);
        assert.equal(await page.locator('#perangkat').count(), 0, 'no "Kiriman dari perangkat ini"');
        const stored = JSON.stringify(await everythingStored(page));
        assertNoTrace(stored, 'storage after the wipe');
        assert.equal(stored.includes(overdue.receipt.number), false, 'the request number is not kept');
        assertNoTrace(await screen(page), 'the status page');
      },
      { context: { serviceWorkers: 'block' }, fixedTime: DEMO_NOW_MS },
    );
  });
});
