// A careless deployment fails loudly, and a citizen's data does not outlive its use: a missing or
// wrong config.json is the service-down page naming the problem (never the demo), a web server's
// permanent refusal (413) is said plainly and never sent again, drafts expire after a day without a
// change, a shared device keeps nothing beyond the tab, and documents are checked by their bytes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, NOW_ARGS } from './harness.mjs';
import { pageRunner, routeConfig, DOWN_TITLE } from './page.mjs';
import { T, DRAFT_KEY, FILES_KEY, begin, next, expectStep, answer, answerUntil, fillAll, pdf, attach, DOCS } from './wizard.mjs';

const LEAD = 'Portal ini belum diatur dengan benar. Pengelola situs perlu memperbaiki config.json:';
const SAVED_KEY = 'ppid.drafts.saved';
const DAY_MS = 24 * 60 * 60 * 1000;
const SHARED = 'Ini perangkat bersama (warnet, perpustakaan, ponsel pinjaman)';

/** The reference backend over HTTP (`/api`), the portal beside it. */
const env = useServers({ server: { config: { api_base: '/api', timeout_ms: 5000 }, args: NOW_ARGS } });
/** Pages without a service worker, so that routes see every fetch. */
const withPage = pageRunner('deployment', env, { context: { serviceWorkers: 'block' }, errors: 'none' });

for (const [label, status, body, problem] of [
  ['a missing config.json (404)', 404, 'Not Found', '404 Not Found.'],
  ['a config.json the server will not give (403)', 403, 'Forbidden', 'the server did not send it.'],
  ['a config.json that names no backend', 200, { timeout_ms: 3000 }, 'no "api_base" (a backend URL, or "demo" for the sample portal).'],
  ['a kiosk on the demo backend', 200, { api_base: 'demo', kiosk: true }, 'a kiosk on "demo" needs "kiosk_training": true.'],
]) {
  test(`${label} is the service-down page naming the problem, never the demo`, async () => {
    await withPage(label.replace(/\W+/g, '-'), async (page) => {
      await routeConfig(page, body, { status });
      let demoLoaded = false;
      page.on('request', (r) => {
        if (/seed\.json|demo-backend/.test(r.url())) demoLoaded = true;
      });
      await page.goto(`${env.server.url}/permohonan`);
      await waitForApp(page);
      assert.equal(await page.locator('main h1').innerText(), DOWN_TITLE);
      assert.equal((await page.locator('.down-reason').innerText()).trim(), `${LEAD} ${problem}`);
      assert.equal(await page.locator('.demo-notice').count(), 0, 'no demo notice');
      assert.equal(demoLoaded, false, 'the demo backend was not even fetched');
      assert.equal(await page.getByRole('button', { name: T.start }).count(), 0, 'no form to fill in');
      await assertNoAxeViolations(page, label);
    });
  });
}

test('a training kiosk may run the demo, and says it is a demo', async () => {
  await withPage('training-kiosk', async (page) => {
    await routeConfig(page, { api_base: 'demo', kiosk: true, kiosk_training: true });
    await page.goto(`${env.server.url}/`);
    await waitForApp(page);
    await page.locator('.demo-notice').waitFor();
    assert.notEqual(await page.locator('main h1').innerText(), DOWN_TITLE);
  });
});

test('a 413 from the web server is a permanent refusal that names the limit, and is never sent again', async () => {
  await withPage('413', async (page) => {
    let posts = 0;
    await page.route('**/api/v1/meta', async (route) => {
      const meta = await (await route.fetch()).json();
      await route.fulfill({ json: { ...meta, max_body_bytes: 1048576 } });
    });
    await page.route('**/api/v1/requests', (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts += 1;
      return route.fulfill({ status: 413, contentType: 'text/html', body: '<html><body><h1>413 Request Entity Too Large</h1></body></html>' });
    });
    await begin(page, env.server.url);
    await fillAll(page, 'individual');
    await page.getByRole('button', { name: T.submit }).click();
    const alert = page.locator('[role=alert]').filter({ hasText: 'terlalu besar' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /Kiriman terlalu besar untuk server \(paling besar 1 MB\)\. Perkecil lampiran/);
    assert.doesNotMatch(await page.locator('main').innerText(), /dikirim otomatis|menunggu/i, 'no promise of sending later');
    await assertNoAxeViolations(page, '413 refusal');
    // A reload and a wait: nothing goes out again by itself, and nothing waits on this device.
    await page.reload();
    await expectStep(page, 'periksa', T.check, { moved: false });
    await page.waitForTimeout(3000);
    assert.equal(posts, 1, 'sent once, never retried');
    await page.goto(`${env.server.url}/status`);
    await waitForApp(page);
    await page.waitForTimeout(500);
    assert.equal(await page.locator('#perangkat').count(), 0, 'nothing queued in the outbox');
  });
});

test('a draft a day without a change is gone at the next start; a younger one is offered', async () => {
  await withPage('expiry', async (page) => {
    await begin(page, env.server.url);
    await answerUntil(page, 'identitas');
    await answer(page, 'identitas');
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes('3201014508900001'), DRAFT_KEY);
    const saved = Number(await page.evaluate((k) => localStorage.getItem(k), SAVED_KEY));
    assert.ok(Math.abs(saved - Date.now()) < 60_000, 'the draft says when it changed');

    // 23 hours later: still there.
    await page.evaluate(([k, t]) => localStorage.setItem(k, String(t)), [SAVED_KEY, Date.now() - 23 * 3600 * 1000]);
    await page.goto(`${env.server.url}/permohonan`);
    await waitForApp(page);
    await page.getByRole('button', { name: 'Lanjutkan permohonan yang belum selesai' }).waitFor();

    // 25 hours later: gone, from every page of the portal (here the home page), before anything is shown.
    await page.evaluate(([k, t]) => localStorage.setItem(k, String(t)), [SAVED_KEY, Date.now() - 25 * 3600 * 1000]);
    await page.goto(`${env.server.url}/`);
    await waitForApp(page);
    const left = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    assert.equal(left.includes('3201014508900001'), false, 'the NIK is gone');
    assert.equal(left.includes('Siti Rahmawati'), false, 'the name is gone');
    await page.goto(`${env.server.url}/permohonan`);
    await waitForApp(page);
    await page.getByRole('button', { name: T.start }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Lanjutkan permohonan yang belum selesai' }).count(), 0);
  });
});

test('on a shared device nothing outlives the tab: answers and documents live in the tab only', async () => {
  await withPage('shared', async (page) => {
    await begin(page, env.server.url);
    await page.getByLabel(T.kinds.proxy, { exact: true }).check();
    await page.getByLabel(SHARED).check();
    await assertNoAxeViolations(page, 'shared-device question');
    await next(page);
    await expectStep(page, 'identitas', T.identity);
    await answerUntil(page, 'dokumen', { kind: 'proxy' }, { from: 'identitas' });
    await attach(page, DOCS.proxy[0], pdf('ktp-budi.pdf'));
    const local = await page.evaluate(() => JSON.stringify(localStorage));
    assert.equal(local.includes('3201010508900001') || local.includes('ktp-budi'), false, 'nothing personal in localStorage');
    assert.match(await page.evaluate((k) => sessionStorage.getItem(k), DRAFT_KEY), /Budi Santoso/, 'kept for the tab');
    // A reload keeps everything (the same tab) ...
    await page.reload();
    await expectStep(page, 'dokumen', T.document, { moved: false });
    await page.getByText('ktp-budi.pdf').waitFor();
    // ... another tab (the next person at the warnet) finds nothing to continue.
    const tab = await page.context().newPage();
    await tab.goto(`${env.server.url}/permohonan`);
    await waitForApp(tab);
    await tab.getByRole('button', { name: T.start }).waitFor();
    assert.equal(await tab.getByRole('button', { name: 'Lanjutkan permohonan yang belum selesai' }).count(), 0);
    assert.equal(await tab.evaluate(([a, b]) => localStorage.getItem(a) ?? localStorage.getItem(b), [DRAFT_KEY, FILES_KEY]), null);
  });
});

test('documents are checked by their bytes: a fake PDF is refused, a PDF naming its author is pointed out, a pixel bomb is never decoded', async () => {
  await withPage('documents', async (page) => {
    await begin(page, env.server.url);
    await answerUntil(page, 'dokumen');
    const input = page.getByLabel(DOCS.individual[0], { exact: true });
    const expectError = async (msg) => page.waitForFunction((m) => document.querySelector('.error-message')?.textContent === m, msg);

    await input.setInputFiles({ name: 'ktp.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await expectError('Berkas tidak dapat dibaca. Coba foto atau berkas lain.');

    // A 40,000 × 30,000 PNG header in a tiny file: refused before the browser decodes it.
    const bomb = Buffer.alloc(64);
    Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR', 'latin1').copy(bomb);
    bomb.writeUInt32BE(40000, 16);
    bomb.writeUInt32BE(30000, 20);
    await input.setInputFiles({ name: 'ktp.png', mimeType: 'image/png', buffer: bomb });
    await expectError('Berkas lebih dari 5 MB setelah diproses. Pilih foto lain atau PDF yang lebih kecil.');

    await input.setInputFiles({
      name: 'ktp-scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Author (Siti Rahmawati) /Producer (Scanner 3000)>>endobj\n%%EOF\n'),
    });
    await page.getByText('ktp-scan.pdf').waitFor();
    await page.getByText('PDF ini memuat keterangan tersembunyi').waitFor();
    assert.equal(await page.locator('.error-message').count(), 0, 'accepted');
    await assertNoAxeViolations(page, 'PDF metadata note');
    await attach(page, DOCS.individual[0], pdf('ktp-bersih.pdf'));
    assert.equal(await page.getByText('PDF ini memuat keterangan tersembunyi').count(), 0, 'a PDF without such details gets no note');
  });
});
