// The outbox: a request or objection the backend cannot take (offline, server down) is kept in
// IndexedDB with its idempotency key, the citizen gets a provisional receipt that says it is not registered,
// and the portal sends it at every start, on reconnect and with backoff: exactly one request at the backend
// across reloads, a page killed in the middle of sending, and repeated reconnects. The connection indicator
// says which of online, offline and backend down it is. A device the citizen said is shared queues nothing;
// a refused submission leaves the device 30 days after its refusal, or at once on "Hapus".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, SEED, NOW_ARGS, faultSwitches } from './harness.mjs';
import { pageRunner, outboxEntries } from './page.mjs';
import { T, DRAFT_KEY, begin, fillAll, probeNumber, serial, expectStep, next, checkRows, sentPage, sendRequest } from './wizard.mjs';
import { OBJECTION, findRequest, fillObjection, toObjectionCheck } from './wizard.mjs';

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
  notSent: 'Kiriman Anda belum terkirim dan tidak disimpan di perangkat ini.',
  counter: 'diterima petugas loket',
  print: 'Cetak jawaban ini',
};

const env = useServers({ server: { config: { api_base: '/api', timeout_ms: 4000 }, args: [...NOW_ARGS, '--fault-control'] } });
const fault = (...specs) => faultSwitches(env.server).fault(...specs);
const healthy = () => faultSwitches(env.server).healthy();

const withPage = pageRunner('outbox', env, {
  // Failed loads of the API and network errors are what these tests cause on purpose.
  tolerated: (e) => /Failed to load resource|net::ERR_|Failed to fetch/.test(e),
  cleanup: healthy,
});

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

const QUEUED = {
  request: { path: 'requests', send: T.submit, title: SAY.queuedRequest },
  objection: { path: 'objections', send: OBJECTION.send, title: SAY.queuedObjection },
};

/**
 * Sends the `what` on the check page while the backend fails (it waits in the outbox), then lets the backend
 * refuse it (422 on `field`); returns its temporary number.
 */
async function queuedThenRefused(page, what, field) {
  const { path, send, title } = QUEUED[what];
  await fault(`/v1/${path}=status:503`);
  await page.getByRole('button', { name: send }).click();
  const local = await provisional(page, title);
  await healthy();
  await fault(`/v1/${path}=field-errors:${field}:too_long`);
  const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1/${path}`) && r.status() === 422);
  await page.getByRole('button', { name: SAY.sendNow }).click();
  await refused;
  // The refusal is stored a moment after the answer: leaving the page before that would send it again.
  const stored = Date.now() + 15_000;
  while (!(await outboxEntries(page)).some((e) => e.refused)) {
    assert.ok(Date.now() < stored, 'the outbox stores the refusal');
    await page.waitForTimeout(100);
  }
  await healthy();
  return local;
}

/** A request queued while the backend fails, then refused by it (422 on /information); its temporary number. */
async function refusedRequest(page) {
  await begin(page, env.server.url);
  await fillAll(page, 'individual');
  return queuedThenRefused(page, 'request', '/information');
}

/** An overdue seeded request: an objection for reason c is open. */
const OVERDUE = SEED.requests.find((r) => r.receipt.number === 'PPID-2026-000107');
const CASE = 'Sudah lewat batas waktu dan belum ada pemberitahuan tertulis.';

/** Fills the objection form for `request` (its requester objects, for reason c) up to the check page. */
async function objectionToCheck(page, request, caseSummary) {
  await findRequest(page, env.server.url, request);
  const purpose = 'Meminta atasan PPID memerintahkan jawaban.';
  await fillObjection(page, request.submission.requester, { reasons: ['c'], caseSummary, purpose });
  await toObjectionCheck(page);
}

test('backend down at submit: a provisional receipt that survives a reload, replaced by the number once the backend is back; one request', { timeout: 90_000 }, async () => {
  await withPage('down', async (page) => {
    await begin(page, env.server.url);
    await fillAll(page, 'individual');
    const before = serial(await probeNumber(env.server));
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
    assert.equal(serial(await probeNumber(env.server)), serial(number) + 1, 'exactly one request was created');
    assert.equal(await indicator(page).getAttribute('data-reach'), 'online');
    await assertNoAxeViolations(page, 'registered after waiting');

    // The answers are gone from the device; the registration stays, and the status page shows it.
    entries = await outboxEntries(page);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].body, undefined, 'the answers and documents are deleted once registered');
    assert.equal(entries[0].number, number);
    await page.goto(`${env.server.url}/status`);
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
    await begin(page, env.server.url);
    await fillAll(page, 'legal_entity');
    const before = serial(await probeNumber(env.server));
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
    assert.equal(serial(await probeNumber(env.server)), serial(number) + 1, 'exactly one request was created');
    assert.ok(posts >= 1, 'sent after the reconnect');
  });
});

test('the page is killed in the middle of sending: the next start sends again with the same key, still one request', { timeout: 90_000 }, async () => {
  await withPage('killed', async (page) => {
    const context = page.context();
    await begin(page, env.server.url);
    await fillAll(page, 'individual');
    const before = serial(await probeNumber(env.server));
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
    await again.goto(`${env.server.url}/status`);
    await waitForApp(again);
    assert.equal((await resent).headers()['idempotency-key'], entry.key, 'the same key after the restart');
    const device = again.locator('#perangkat');
    await device.getByText(SAY.registered).waitFor({ timeout: 20000 });
    const number = (await device.locator('.registered-number').innerText()).trim();
    assert.match(await device.innerText(), new RegExp(local));
    assert.equal(serial(number), before + 1);
    assert.equal(serial(await probeNumber(env.server)), serial(number) + 1, 'exactly one request was created');
  }, { errors: 'none' });
});

test('a waiting submission the backend then refuses is shown as refused and can be removed', { timeout: 90_000 }, async () => {
  await withPage('refused', async (page) => {
    const local = await refusedRequest(page);
    await page.goto(`${env.server.url}/status`);
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
    await begin(page, env.server.url);
    await page.getByLabel(T.kinds.legal_entity, { exact: true }).check();
    await page.waitForFunction((k) => localStorage.getItem(k), DRAFT_KEY);
    await page.goto(`${env.server.url}/status`);
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
    await page.goto(`${env.server.url}/permohonan`);
    await waitForApp(page);
    await page.getByRole('button', { name: 'Hapus isian dan mulai dari awal' }).click();
    await page.waitForFunction((k) => localStorage.getItem(k) === null, DRAFT_KEY);
    await page.goto(`${env.server.url}/status`);
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
    await sendRequest(page);
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
    await page.getByRole('button', { name: OBJECTION.send }).click();
    await provisional(page, SAY.queuedObjection);
    assert.equal(await page.evaluate(() => localStorage.getItem('ppid.objection.draft')), null, 'the draft is gone');
    await assertNoAxeViolations(page, 'provisional objection receipt');
    await healthy();
    await page.getByRole('button', { name: SAY.sendNow }).click();
    await page.getByRole('heading', { name: OBJECTION.sent }).waitFor({ timeout: 20000 });
    assert.match((await page.locator('.confirmation .reference').innerText()).trim(), /^KEB-2026-\d{6}$/);
  });
});

test('a refused objection opens again in its form with every answer, and is sent once corrected', { timeout: 90_000 }, async () => {
  const who = OVERDUE.submission.requester;
  await withPage('reopen-objection', async (page) => {
    await objectionToCheck(page, OVERDUE, CASE);
    const local = await queuedThenRefused(page, 'objection', '/case_summary');

    await page.goto(`${env.server.url}/status`);
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
    await toObjectionCheck(page);
    await page.getByRole('button', { name: OBJECTION.send }).click();
    await page.getByRole('heading', { name: OBJECTION.sent }).waitFor({ timeout: 20000 });
    assert.equal(await page.evaluate(() => localStorage.getItem('ppid.objection.draft')), null, 'the draft is gone');
  });
});

test('the connection indicator says online on every bundle, and offline with what still works', async () => {
  await withPage('indicator', async (page) => {
    for (const path of ['/', '/permohonan', '/keberatan']) {
      await page.goto(`${env.server.url}${path}`);
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

test('a device the citizen said is shared queues nothing: not sent, the answers stay on screen, and Kirim lagi sends them with the same key, once', { timeout: 90_000 }, async () => {
  await withPage('shared', async (page) => {
    await begin(page, env.server.url);
    // The citizen's answer on the first page (src/offline/device.rs); a kiosk is shared too (kiosk-wipe.test.mjs).
    await page.getByLabel('Ini perangkat bersama (warnet, perpustakaan, ponsel pinjaman)').check();
    await fillAll(page, 'individual');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('ppid.device.shared')), '1', 'the answer is kept for the tab');
    const before = serial(await probeNumber(env.server));
    const keys = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/requests')) keys.push(r.headers()['idempotency-key']);
    });

    await fault('/v1/requests=status:503');
    await page.getByRole('button', { name: T.submit }).click();
    const panel = page.locator('main#main .error-panel[role="alert"]');
    await panel.getByText(SAY.notSent).waitFor();
    assert.equal(await panel.getByText(SAY.counter).count(), 0, 'no counter to go to off a kiosk');
    await panel.getByRole('button', { name: SAY.print }).waitFor();
    assert.match(new URL(page.url()).pathname, /\/permohonan\/periksa$/, 'still on the check page');
    assert.deepEqual(await outboxEntries(page), [], 'nothing is queued on a shared device');
    assert.doesNotMatch(await indicator(page).innerText(), /menunggu dikirim/, 'nothing waits');
    await assertNoAxeViolations(page, 'not sent on a shared device');

    // The backend registers it but the answer is lost: still "not sent" for the citizen.
    await healthy();
    await fault('/v1/requests=status:503,after');
    await page.getByRole('button', { name: T.sendAgain }).click();
    await page.waitForFunction(() => document.querySelector('main#main button.button:not([disabled])'));
    await panel.getByText(SAY.notSent).waitFor();
    // Back: the same key gets the first registration, not a second one.
    await healthy();
    await page.getByRole('button', { name: T.sendAgain }).click();
    const number = await sentPage(page);
    assert.equal(serial(number), before + 1);
    assert.equal(serial(await probeNumber(env.server)), serial(number) + 1, 'exactly one request was created');
    assert.ok(keys.length >= 3 && keys.every((k) => k && k === keys[0]), `every attempt with one key: ${keys}`);
    assert.deepEqual(await outboxEntries(page), [], 'nothing kept in the outbox');
  });
});

test('a refused submission\'s answers leave the device 30 days after the refusal (checked at every start), and at once on "Hapus"', { timeout: 60_000 }, async () => {
  const DAY = 24 * 3600 * 1000;
  const now = Date.now();
  const body = (name) => JSON.stringify({ requester: { kind: 'individual', name, nik: '3201014508900001' }, information: 'Laporan', purpose: 'Bahan', obtain: ['view'] });
  const entry = (key, name, queuedDaysAgo, refusedDaysAgo) => ({
    key,
    kind: 'request',
    queued_at: now - queuedDaysAgo * DAY,
    body: body(name),
    attempts: 3,
    next_at: now - queuedDaysAgo * DAY,
    refused: 'invalid',
    ...(refusedDaysAgo === null ? {} : { refused_at: now - refusedDaysAgo * DAY }),
  });
  const seeded = [
    entry('a1b2c3d4-0000-4000-8000-000000000001', 'Warga Lama Sekali', 45, 31),
    // Refused before the refusal's time was recorded: counted from when it was queued.
    entry('b1b2c3d4-0000-4000-8000-000000000002', 'Warga Tanpa Tanggal', 31, null),
    entry('c1b2c3d4-0000-4000-8000-000000000003', 'Warga Baru Ditolak', 40, 2),
  ];
  await withPage('refused-expiry', async (page) => {
    // The outbox's database as an earlier visit left it, written before the portal starts.
    await page.goto(`${env.server.url}/favicon.svg`);
    await page.evaluate(
      (entries) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('ppid-outbox', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('entries');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('entries', 'readwrite');
            for (const e of entries) tx.objectStore('entries').put(JSON.stringify(e), e.key);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      seeded,
    );
    await page.goto(`${env.server.url}/status`);
    await waitForApp(page);
    const device = page.locator('#perangkat');
    await device.getByText(SAY.refused).waitFor();
    const stored = async () => (await outboxEntries(page)).map((e) => [e.key, e.body ?? null]);
    for (let i = 0; i < 40 && (await stored()).length > 1; i += 1) await page.waitForTimeout(100);
    assert.deepEqual((await stored()).map(([k]) => k), [seeded[2].key], 'the refusals older than 30 days are gone, answers and all');
    assert.doesNotMatch(await device.innerText(), /SMT-A1B2-C3D4|SMT-B1B2-C3D4/, 'and are not listed');
    assert.match(await device.innerText(), /SMT-C1B2-C3D4/, 'a refusal of two days ago stays, to be opened again');
    assert.match((await stored())[0][1], /Warga Baru Ditolak/);

    // "Hapus": its answers go at once.
    await device.getByRole('button', { name: `${SAY.forget} SMT-C1B2-C3D4` }).click();
    await device.waitFor({ state: 'detached' });
    assert.deepEqual(await stored(), [], 'nothing of it stays on the device');
    assert.doesNotMatch(JSON.stringify(await outboxEntries(page)), /Warga/);
  });
});
