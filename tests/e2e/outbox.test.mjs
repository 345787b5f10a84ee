// The outbox (issue 6): a request or objection the backend cannot take (offline, server down) is kept in
// IndexedDB with its idempotency key, the citizen gets a provisional receipt that says it is not registered,
// and the portal sends it at every start, on reconnect and with backoff: exactly one request at the backend
// across reloads, a page killed in the middle of sending, and repeated reconnects. The connection indicator
// says which of online, offline and backend down it is.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer,
  launchBrowser,
  newPage,
  waitForApp,
  assertNoAxeViolations,
  saveArtifacts,
  SEED,
  DEMO_NOW_MS,
  faultSwitches,
} from './harness.mjs';
import { T, DRAFT_KEY, begin, fillAll, probeNumber, serial, expectStep, next, checkRows, sentPage } from './wizard.mjs';

const SAY = {
  queuedRequest: 'Permohonan disimpan, belum terdaftar',
  queuedObjection: 'Keberatan disimpan, belum terdaftar',
  notRegistered: 'Kiriman ini BELUM diterima PPID dan belum terdaftar.',
  sendNow: 'Kirim sekarang',
  offline: 'Tidak ada sambungan internet.',
  down: 'Server PPID sedang tidak dapat dihubungi.',
  online: 'Tersambung ke server PPID.',
  device: 'Kiriman dari perangkat ini',
  registered: 'Terdaftar dengan nomor',
  refused: 'Ditolak server.',
  reopen: 'Buka lagi di formulir',
  busyRequest: 'Permohonan lain sedang Anda isi di perangkat ini.',
  forget: 'Hapus dari perangkat ini',
};

let server;
let browser;
before(async () => {
  [server, browser] = await Promise.all([
    startServer({
      config: { api_base: '/api', timeout_ms: 4000 },
      args: ['--now', String(DEMO_NOW_MS), '--fault-control'],
    }),
    launchBrowser(),
  ]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const fault = (...specs) => faultSwitches(server).fault(...specs);
const healthy = () => faultSwitches(server).healthy();

/** Failed loads of the API and network errors are what these tests cause on purpose. */
const expected = (e) =>
  /Failed to load resource|net::ERR_|Failed to fetch/.test(e);

async function withPage(name, fn) {
  const page = await newPage(browser);
  try {
    await fn(page);
    assert.deepEqual(page.consoleErrors.filter((e) => !expected(e)), [], 'no other console or page errors');
  } catch (e) {
    await saveArtifacts(page, `outbox-${name}`);
    throw e;
  } finally {
    await healthy();
    await page.context().close();
  }
}

/** The outbox entries as stored in IndexedDB (the page must be on the portal's origin). */
async function outboxEntries(page) {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('ppid-outbox')) return [];
    return new Promise((resolve, reject) => {
      const open = indexedDB.open('ppid-outbox');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const all = db.transaction('entries').objectStore('entries').getAll();
        all.onsuccess = () => {
          db.close();
          resolve(all.result.map((s) => JSON.parse(s)));
        };
        all.onerror = () => reject(all.error);
      };
    });
  });
}

/** Waits for the provisional receipt and returns its temporary number. */
async function provisional(page, title) {
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  const local = (await page.locator('.confirmation .reference').innerText()).trim();
  assert.match(local, /^SMT-[0-9A-F]{4}-[0-9A-F]{4}$/, 'a temporary number, plainly not a registration number');
  await page.getByText(SAY.notRegistered).waitFor();
  await page.locator('figure.qr svg path').waitFor();
  return local;
}

/** Waits until the registration replaced the provisional receipt and returns the number. */
async function registered(page) {
  await page.getByRole('heading', { name: T.sent, level: 1 }).waitFor({ timeout: 20000 });
  const number = (await page.locator('.confirmation .reference').innerText()).trim();
  assert.match(number, /^PPID-2026-\d{6}$/);
  // Registered during a moment online, the deadlines may have met the network gone again: the
  // citizen then has "Coba lagi".
  await page.locator('dl.deadlines, .error-panel').first().waitFor();
  if (await page.locator('.error-panel').count()) await page.getByRole('button', { name: 'Coba lagi' }).click();
  await page.waitForSelector('dl.deadlines');
  return number;
}

const indicator = (page) => page.locator('.connection');

/** A request queued while the backend fails, then refused by it (422 on /information); its temporary number. */
async function refusedRequest(page) {
  await begin(page, server.url);
  await fillAll(page, 'individual');
  await fault('/v1/requests=status:503');
  await page.getByRole('button', { name: T.submit }).click();
  const local = await provisional(page, SAY.queuedRequest);
  await healthy();
  await fault('/v1/requests=field-errors:/information:too_long');
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/requests') && r.status() === 422);
  await page.getByRole('button', { name: SAY.sendNow }).click();
  await refused;
  await healthy();
  return local;
}

/** An overdue seeded request: an objection for reason c is open. */
const OVERDUE = SEED.requests.find((r) => r.receipt.number === 'PPID-2026-000107');
const CASE = 'Sudah lewat batas waktu dan belum ada pemberitahuan tertulis.';

/** Fills the objection form for `request` (its requester objects) up to the check page. */
async function objectionToCheck(page, request, caseSummary) {
  const who = request.submission.requester;
  await page.goto(`${server.url}/keberatan/ajukan?nomor=${request.receipt.number}`);
  await waitForApp(page);
  await page.locator('#obj-verifier').fill(who.email ?? who.phone.slice(-4));
  await page.getByRole('button', { name: 'Lanjutkan' }).click();
  await page.locator('#obj-reasons').waitFor();
  await page.locator('#obj-reason-c').check();
  await page.getByLabel('Kasus posisi').fill(caseSummary);
  await page.getByLabel('Tujuan penggunaan informasi').fill('Meminta atasan PPID memerintahkan jawaban.');
  await page.getByLabel('Saya sendiri (perorangan)').check();
  await page.getByLabel('Nama lengkap').fill(who.name);
  await page.getByLabel('NIK', { exact: true }).fill(who.nik);
  await page.getByLabel('Alamat', { exact: true }).fill(who.address);
  await page.getByLabel('Nomor telepon atau HP').fill(who.phone);
  await page.getByRole('button', { name: 'Lanjutkan' }).click();
  await page.getByRole('heading', { name: 'Periksa keberatan Anda' }).waitFor();
}

test('backend down at submit: a provisional receipt that survives a reload, replaced by the number once the backend is back; one request', { timeout: 90_000 }, async () => {
  await withPage('down', async (page) => {
    await begin(page, server.url);
    await fillAll(page, 'individual');
    const before = serial(await probeNumber(server));
    await fault('/v1/requests=status:503');
    await page.getByRole('button', { name: T.submit }).click();
    await page.waitForURL(/\/permohonan\/terkirim\?sementara=SMT-/);
    const local = await provisional(page, SAY.queuedRequest);
    assert.equal(await indicator(page).getAttribute('data-reach'), 'down');
    assert.match(await indicator(page).innerText(), new RegExp(SAY.down));
    assert.match(await indicator(page).innerText(), /1 kiriman menunggu dikirim/);
    await assertNoAxeViolations(page, 'provisional receipt');

    // Kept in IndexedDB with its key, and no longer in the draft.
    let entries = await outboxEntries(page);
    assert.equal(entries.length, 1);
    assert.ok(entries[0].key && entries[0].body.includes('Siti Rahmawati'), 'the submission waits with its key');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), null, 'the draft is gone');

    // A reload: the same provisional receipt.
    await page.reload();
    assert.equal(await provisional(page, SAY.queuedRequest), local);

    // Still down: "Kirim sekarang" tries, and it stays provisional.
    const tried = page.waitForResponse((r) => r.url().endsWith('/api/v1/requests') && r.status() === 503);
    await page.getByRole('button', { name: SAY.sendNow }).click();
    await tried;
    assert.equal(await provisional(page, SAY.queuedRequest), local);

    await healthy();
    await page.getByRole('button', { name: SAY.sendNow }).click();
    const number = await registered(page);
    assert.equal(serial(number), before + 1);
    assert.equal(serial(await probeNumber(server)), serial(number) + 1, 'exactly one request was created');
    assert.equal(await indicator(page).getAttribute('data-reach'), 'online');
    await assertNoAxeViolations(page, 'registered after waiting');

    // The answers are gone from the device; the registration stays, and the status page shows it.
    entries = await outboxEntries(page);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].body, undefined, 'the answers and documents are deleted once registered');
    assert.equal(entries[0].number, number);
    await page.goto(`${server.url}/status`);
    await waitForApp(page);
    const device = page.locator('#perangkat');
    await device.getByRole('heading', { name: SAY.device }).waitFor();
    await device.getByText(number).waitFor();
    assert.match(await device.innerText(), new RegExp(`${local}[\\s\\S]*${SAY.registered} ${number}`));
    await assertNoAxeViolations(page, 'status page with the device list');
    await device.getByRole('button', { name: `${SAY.forget} ${local}` }).click();
    await device.waitFor({ state: 'detached' });
    assert.deepEqual(await outboxEntries(page), []);
  });
});

test('offline at submit: provisional receipt, a reload offline, then back online it is sent by itself, once, through repeated reconnects', { timeout: 90_000 }, async () => {
  await withPage('offline', async (page) => {
    await begin(page, server.url);
    await fillAll(page, 'legal_entity');
    const before = serial(await probeNumber(server));
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/requests')) posts += 1;
    });
    // After one visit the service worker holds the portal: a reload works offline too.
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
    await page.context().setOffline(true);
    await page.getByRole('button', { name: T.submit }).click();
    const local = await provisional(page, SAY.queuedRequest);
    await page.reload();
    assert.equal(await provisional(page, SAY.queuedRequest), local, 'the same provisional receipt after a reload offline');
    assert.equal(await indicator(page).getAttribute('data-reach'), 'offline');
    assert.match(await indicator(page).innerText(), new RegExp(SAY.offline));
    await assertNoAxeViolations(page, 'provisional receipt offline');
    // The connection flaps: every reconnect tries; the backend sees one request in the end.
    for (let i = 0; i < 3; i += 1) {
      await page.context().setOffline(false);
      await page.context().setOffline(true);
    }
    await page.context().setOffline(false);
    const number = await registered(page);
    assert.equal(serial(number), before + 1);
    assert.equal(serial(await probeNumber(server)), serial(number) + 1, 'exactly one request was created');
    assert.ok(posts >= 1, 'sent after the reconnect');
  });
});

test('the page is killed in the middle of sending: the next start sends again with the same key, still one request', { timeout: 90_000 }, async () => {
  const page = await newPage(browser);
  const context = page.context();
  try {
    await begin(page, server.url);
    await fillAll(page, 'individual');
    const before = serial(await probeNumber(server));
    await fault('/v1/requests=status:503');
    await page.getByRole('button', { name: T.submit }).click();
    const local = await provisional(page, SAY.queuedRequest);
    const [entry] = await outboxEntries(page);

    // The backend stores it but answers only after the page is gone.
    await healthy();
    await fault('/v1/requests=slow:3000,after');
    const reached = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/requests'));
    await page.getByRole('button', { name: SAY.sendNow }).click();
    const request = await reached;
    assert.equal(request.headers()['idempotency-key'], entry.key, 'sent with the key it was queued with');
    await new Promise((r) => setTimeout(r, 500));
    await page.close({ runBeforeUnload: false });
    await new Promise((r) => setTimeout(r, 3000));
    await healthy();

    // Any page of the portal sends what waits when it starts.
    const again = await context.newPage();
    const resent = again.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/requests'));
    await again.goto(`${server.url}/status`);
    await waitForApp(again);
    assert.equal((await resent).headers()['idempotency-key'], entry.key, 'the same key after the restart');
    const device = again.locator('#perangkat');
    await device.getByText(SAY.registered).waitFor({ timeout: 20000 });
    const number = (await device.locator('.registered-number').innerText()).trim();
    assert.match(await device.innerText(), new RegExp(local));
    assert.equal(serial(number), before + 1);
    assert.equal(serial(await probeNumber(server)), serial(number) + 1, 'exactly one request was created');
  } catch (e) {
    if (!page.isClosed()) await saveArtifacts(page, 'outbox-killed');
    throw e;
  } finally {
    await healthy();
    await context.close();
  }
});

test('a waiting submission the backend then refuses is shown as refused and can be removed', { timeout: 90_000 }, async () => {
  await withPage('refused', async (page) => {
    const local = await refusedRequest(page);
    await page.goto(`${server.url}/status`);
    await waitForApp(page);
    const device = page.locator('#perangkat');
    await device.getByText(SAY.refused).waitFor();
    assert.match(await device.innerText(), new RegExp(local));
    await assertNoAxeViolations(page, 'a refused submission');
    await device.getByRole('button', { name: `${SAY.forget} ${local}` }).click();
    await device.waitFor({ state: 'detached' });
    assert.deepEqual(await outboxEntries(page), [], 'nothing of it stays on the device');
  });
});

test('a refused request opens again in its form: answers, documents and the backend\'s error come back, survive a reload, and it is sent once corrected', { timeout: 90_000 }, async () => {
  const INFO = 'Laporan realisasi APBD 2025 per kecamatan';
  await withPage('reopen', async (page) => {
    const local = await refusedRequest(page);

    // Another request being filled in is never overwritten.
    await begin(page, server.url);
    await page.getByLabel(T.kinds.legal_entity, { exact: true }).check();
    await page.waitForFunction((k) => localStorage.getItem(k), DRAFT_KEY);
    await page.goto(`${server.url}/status`);
    await waitForApp(page);
    const device = page.locator('#perangkat');
    await device.getByText(SAY.refused).waitFor();
    const reopen = device.getByRole('button', { name: `${SAY.reopen} ${local}` });
    await reopen.click();
    await device.locator('[role="alert"]', { hasText: SAY.busyRequest }).waitFor();
    await assertNoAxeViolations(page, 'a refused request that cannot be opened yet');
    assert.match(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), /legal_entity/, 'the other draft is kept');
    assert.equal((await outboxEntries(page)).length, 1, 'the refused request is still there');

    // Once that draft is cleared, it opens at the question the backend found fault with.
    await page.goto(`${server.url}/permohonan`);
    await waitForApp(page);
    await page.getByRole('button', { name: 'Hapus isian dan mulai dari awal' }).click();
    await page.waitForFunction((k) => localStorage.getItem(k) === null, DRAFT_KEY);
    await page.goto(`${server.url}/status`);
    await waitForApp(page);
    await reopen.click();
    const information = page.getByLabel('Rincian informasi');
    const fault_shown = async () => {
      await expectStep(page, 'informasi', T.information, { moved: false });
      await page.locator('.error-summary', { hasText: 'Isian terlalu panjang' }).waitFor();
      assert.equal(await information.inputValue(), INFO, 'the answer as it was sent');
    };
    await fault_shown();
    await assertNoAxeViolations(page, 'a refused request opened again');
    assert.deepEqual(await outboxEntries(page), [], 'the outbox no longer holds it');
    await page.reload();
    await waitForApp(page);
    await fault_shown();

    // Corrected and sent: every other answer and the document came back with it.
    await information.fill('Laporan realisasi APBD 2025');
    await next(page);
    await expectStep(page, 'tujuan', T.purpose);
    await next(page);
    await expectStep(page, 'cara', T.obtain);
    await next(page);
    await expectStep(page, 'pengiriman', T.delivery);
    await next(page);
    await expectStep(page, 'periksa', T.check);
    const rows = Object.fromEntries(await checkRows(page));
    const text = Object.values(rows).join(' | ');
    for (const want of ['Siti Rahmawati', '3201014508900001', 'siti@contoh.id', 'Laporan realisasi APBD 2025', 'dokumen-0']) {
      assert.ok(text.includes(want), `the check page shows ${want}: ${text}`);
    }
    await page.getByRole('button', { name: T.submit }).click();
    await sentPage(page);
    assert.deepEqual(
      await page.evaluate(() => [localStorage.getItem('ppid.request.errors'), localStorage.getItem('ppid.outbox.reopen')]),
      [null, null],
      'nothing of it is left in browser storage',
    );
  });
});

test('an objection made while the backend is down waits in the outbox and gets its number later', { timeout: 90_000 }, async () => {
  await withPage('objection', async (page) => {
    await objectionToCheck(page, OVERDUE, CASE);
    await fault('/v1/objections=status:503');
    await page.getByRole('button', { name: 'Kirim keberatan' }).click();
    await provisional(page, SAY.queuedObjection);
    assert.equal(await page.evaluate(() => localStorage.getItem('ppid.objection.draft')), null, 'the draft is gone');
    await assertNoAxeViolations(page, 'provisional objection receipt');
    await healthy();
    await page.getByRole('button', { name: SAY.sendNow }).click();
    await page.getByRole('heading', { name: 'Keberatan terkirim' }).waitFor({ timeout: 20000 });
    assert.match((await page.locator('.confirmation .reference').innerText()).trim(), /^KEB-2026-\d{6}$/);
  });
});

test('a refused objection opens again in its form with every answer, and is sent once corrected', { timeout: 90_000 }, async () => {
  const who = OVERDUE.submission.requester;
  await withPage('reopen-objection', async (page) => {
    await objectionToCheck(page, OVERDUE, CASE);
    await fault('/v1/objections=status:503');
    await page.getByRole('button', { name: 'Kirim keberatan' }).click();
    const local = await provisional(page, SAY.queuedObjection);
    await healthy();
    await fault('/v1/objections=field-errors:/case_summary:too_long');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/objections') && r.status() === 422);
    await page.getByRole('button', { name: SAY.sendNow }).click();
    await refused;
    await healthy();

    await page.goto(`${server.url}/status`);
    await waitForApp(page);
    const device = page.locator('#perangkat');
    await device.getByText(SAY.refused).waitFor();
    await device.getByRole('button', { name: `${SAY.reopen} ${local}` }).click();
    // The form finds the request again by itself and shows the answers as they were sent.
    await page.waitForURL(/\/keberatan\/ajukan$/);
    const asSent = async () => {
      await page.locator('#obj-reasons').waitFor();
      // The backend's error, at its field.
      await page.locator('.error-summary', { hasText: 'Tuliskan kasus posisi' }).waitFor();
      assert.equal(await page.locator('#obj-reason-c').isChecked(), true, 'the reason chosen');
      assert.equal(await page.getByLabel('Kasus posisi').inputValue(), CASE);
      assert.equal(await page.getByLabel('Nama lengkap').inputValue(), who.name);
      assert.equal(await page.getByLabel('NIK', { exact: true }).inputValue(), who.nik);
    };
    await asSent();
    await assertNoAxeViolations(page, 'a refused objection opened again');
    assert.deepEqual(await outboxEntries(page), [], 'the outbox no longer holds it');
    await page.reload();
    await waitForApp(page);
    await asSent();
    await page.getByLabel('Kasus posisi').fill('Belum ada pemberitahuan tertulis.');
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.getByRole('heading', { name: 'Periksa keberatan Anda' }).waitFor();
    await page.getByRole('button', { name: 'Kirim keberatan' }).click();
    await page.getByRole('heading', { name: 'Keberatan terkirim' }).waitFor({ timeout: 20000 });
    assert.equal(await page.evaluate(() => localStorage.getItem('ppid.objection.draft')), null, 'the draft is gone');
  });
});

test('the connection indicator says online on every bundle, and offline with what still works', async () => {
  await withPage('indicator', async (page) => {
    for (const path of ['/', '/permohonan', '/keberatan']) {
      await page.goto(`${server.url}${path}`);
      await waitForApp(page);
      assert.equal(await indicator(page).getAttribute('data-reach'), 'online', path);
      assert.equal(await indicator(page).innerText(), SAY.online, path);
    }
    await page.context().setOffline(true);
    await indicator(page).and(page.locator('[data-reach="offline"]')).waitFor();
    assert.match(await indicator(page).innerText(), /Permohonan dan keberatan tetap dapat diajukan/);
    await assertNoAxeViolations(page, 'offline indicator');
    await page.context().setOffline(false);
  });
});

test('kiosk: an unsent submission survives the idle wipe, is sent at the next start, and then nothing of it stays on the device', { timeout: 90_000 }, async () => {
  // No service worker here: it would fetch config.json itself, past this page's route.
  const page = await newPage(browser, { serviceWorkers: 'block' });
  const kiosk = { api_base: '/api', timeout_ms: 4000, kiosk: true, kiosk_idle_seconds: 2, kiosk_warning_seconds: 2 };
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(kiosk) }),
  );
  try {
    await begin(page, server.url);
    await fillAll(page, 'individual');
    const before = serial(await probeNumber(server));
    await fault('/v1/requests=status:503');
    await page.getByRole('button', { name: T.submit }).click();
    await provisional(page, SAY.queuedRequest);

    // Nobody touches the kiosk: it warns, then wipes and starts again at the home page.
    await page.waitForURL((u) => u.pathname === '/', { timeout: 20000 });
    await waitForApp(page);
    assert.doesNotMatch(await page.locator('body').innerText(), /Siti Rahmawati|3201014508900001|siti@contoh\.id/, 'nothing personal on the page');
    const kept = await outboxEntries(page);
    assert.equal(kept.length, 1, 'the unsent request is kept through the wipe');
    assert.ok(kept[0].body.includes('Siti Rahmawati'));

    // The backend is back; the next start sends it, and in kiosk mode the registration is not kept either.
    await healthy();
    await page.reload();
    await waitForApp(page);
    for (let i = 0; i < 40 && (await outboxEntries(page)).length > 0; i += 1) await page.waitForTimeout(250);
    assert.deepEqual(await outboxEntries(page), [], 'sent, then deleted');
    assert.equal(serial(await probeNumber(server)), before + 2, 'exactly one request was created');
  } catch (e) {
    await saveArtifacts(page, 'outbox-kiosk');
    throw e;
  } finally {
    await healthy();
    await page.context().close();
  }
});
