// The receipt's access token (contract 1.4.0), on the HTTP backend and the in-browser demo alike: the
// receipt's status link and QR code carry it in the fragment, and opening the link shows the status
// without the verifier; a wrong or cut-off token shows the lookup form with the reason, never the data;
// the lookup by number and verifier still works; the NIK is on neither the receipt nor the status page,
// on screen or printed; the token never appears in a URL the browser asks a server for.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, SEED, DEMO_NOW_MS, NOW_ARGS } from './harness.mjs';
import { pageRunner } from './page.mjs';
import { begin, fillAll, sendRequest, PEOPLE } from './wizard.mjs';

const LINK_FAILED =
  'Tautan ini tidak dapat membuka status permohonan. Mungkin tautannya terpotong atau salah ketik. Periksa nomor registrasi di bawah ini, lalu isi email atau 4 angka terakhir nomor telepon yang Anda tulis di formulir permohonan.';
const PRIVATE = 'Tautan dan kode QR ini langsung membuka status permohonan Anda, tanpa perlu mengisi data lain. Siapa pun yang memegangnya dapat melihat status itu, jadi jangan dibagikan.';
const NIK = PEOPLE.individual.nik;

const env = useServers({
  http: { config: { api_base: '/api', timeout_ms: 15000 }, args: NOW_ARGS },
  demo: { config: { api_base: 'demo' }, args: NOW_ARGS },
});

const MODES = [
  ['HTTP backend', () => env.http],
  ['in-browser demo', () => env.demo],
];

/** Fresh pages at the demo's instant; `page.requested` collects every URL the browser asks for. */
const withPage = pageRunner('access-token', env, {
  fixedTime: DEMO_NOW_MS,
  demoClock: true,
  errors: 'uncaught',
  setup: (page) => {
    page.requested = [];
    page.on('request', (r) => page.requested.push({ url: r.url(), method: r.method(), body: r.postData() }));
  },
});

/** The status page has shown request `number`'s history. */
async function statusShown(page, number) {
  await page.waitForFunction((n) => document.querySelector('#status-heading')?.textContent.trim() === n, number, { timeout: 20000 });
  await page.locator('main .timeline li').first().waitFor();
  await page.waitForSelector('main .loading', { state: 'detached' });
}

/** Neither the page's markup nor what it prints carries the NIK. */
async function assertNoNik(page, where) {
  assert.ok(!(await page.content()).includes(NIK), `${where}: the NIK is not in the page`);
  await page.emulateMedia({ media: 'print' });
  assert.ok(!(await page.locator('body').innerText()).includes(NIK), `${where}: the NIK is not printed`);
  await page.emulateMedia({ media: 'screen' });
}

/** `token` with its last character changed. */
const spoil = (token) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');

for (const [mode, server] of MODES) {
  test(`${mode}: the receipt's link opens the status without the verifier, and the NIK is on neither page`, { timeout: 120_000 }, async () => {
    await withPage(`${mode}-link`, async (page) => {
      const { requested } = page;
      const base = server().url;
      await begin(page, base);
      await fillAll(page, 'individual');
      const number = await sendRequest(page);

      const link = page.locator('figure.qr figcaption a');
      const href = await link.getAttribute('href');
      const m = href.match(/^(.*)\/status\?nomor=([^#]+)#akses=([A-Za-z0-9_-]{22,64})$/);
      assert.ok(m, `the status link carries the number and the token in the fragment: ${href}`);
      assert.equal(m[1], base);
      assert.equal(decodeURIComponent(m[2]), number);
      const token = m[3];
      assert.equal((await link.innerText()).trim(), href, 'the link is written out for the printed receipt');
      await page.locator('figure.qr svg[role=img]').waitFor();
      await page.getByText(PRIVATE).waitFor();
      await assertNoNik(page, 'receipt');
      await assertNoAxeViolations(page, `${mode}: receipt with its status link`);

      await link.click();
      await page.waitForURL((u) => u.pathname === '/status' && u.hash === `#akses=${token}`);
      await waitForApp(page);
      await statusShown(page, number);
      assert.equal(await page.locator('#status-verifier').inputValue(), '', 'no verifier was asked for or typed');
      assert.equal(await page.locator('#status-number').inputValue(), number);
      assert.equal(await page.locator('main .error-panel').count(), 0);
      await assertNoNik(page, 'status page');
      await assertNoAxeViolations(page, `${mode}: status opened by the receipt's link`);

      // The token went only into a POST body, never into a URL the browser requested.
      assert.deepEqual(requested.filter((r) => r.url.includes(token)).map((r) => r.url), []);
      if (mode === 'HTTP backend') {
        const access = requested.filter((r) => r.url.endsWith('/api/v1/request-access'));
        assert.equal(access.length, 1, 'one lookup by token');
        assert.deepEqual(JSON.parse(access[0].body), { number, access_token: token });
        assert.equal(requested.filter((r) => r.url.endsWith('/v1/request-lookups')).length, 0, 'no lookup by verifier');
      }
    });
  });

  test(`${mode}: a wrong or cut-off token shows the lookup form and why, never the data; the number and verifier still work`, { timeout: 120_000 }, async () => {
    await withPage(`${mode}-wrong`, async (page) => {
      const base = server().url;
      const request = SEED.requests[0];
      const { number, access_token: token } = request.receipt;
      for (const [label, fragment] of [
        ['a wrong token', `#akses=${spoil(token)}`],
        ['a cut-off link', '#akses='],
      ]) {
        await page.goto(`${base}/status?nomor=${encodeURIComponent(number)}${fragment}`);
        await waitForApp(page);
        const panel = page.locator('main .error-panel[role=alert]');
        await panel.waitFor();
        assert.equal((await panel.innerText()).trim(), LINK_FAILED, label);
        assert.equal(await page.locator('#status-heading').count(), 0, `${label}: no status shown`);
        assert.ok(!(await page.locator('main').innerText()).includes(request.submission.information), `${label}: none of the request's data`);
        assert.equal(await page.locator('#status-number').inputValue(), number, `${label}: the number is filled in`);
        assert.equal(await page.locator('#status-verifier').inputValue(), '');
        await assertNoAxeViolations(page, `${mode}: status link with ${label}`);
      }
      // The form opens it with the number and the verifier.
      const who = request.submission.requester;
      await page.locator('#status-verifier').fill(who.email ?? who.phone.slice(-4));
      await page.getByRole('button', { name: 'Cek status', exact: true }).click();
      await statusShown(page, number);
      assert.equal(await page.locator('main .error-panel').count(), 0, 'the link\'s message is gone');
      await assertNoNik(page, 'status found by verifier');

      // A link without a token (a receipt from a 1.3 backend) is the plain form, without a message.
      await page.goto(`${base}/status?nomor=${encodeURIComponent(number)}`);
      await waitForApp(page);
      assert.equal(await page.locator('#status-number').inputValue(), number);
      assert.equal(await page.locator('main .error-panel').count(), 0);
      assert.equal(await page.locator('#status-heading').count(), 0);
    });
  });

  test(`${mode}: a seeded request's link opens it, and its survey is sent with the token`, { timeout: 120_000 }, async () => {
    await withPage(`${mode}-survey`, async (page) => {
      const { requested } = page;
      const base = server().url;
      // Finished (a written notice) and not yet rated.
      const request = SEED.requests.find((r) => r.receipt.number === 'PPID-2026-000102');
      const { number, access_token: token } = request.receipt;
      await page.goto(`${base}/status?nomor=${encodeURIComponent(number)}#akses=${token}`);
      await waitForApp(page);
      await statusShown(page, number);
      const survey = page.getByRole('region', { name: 'Bagaimana layanan kami?' });
      await survey.getByLabel('4 – Puas').check();
      await survey.getByRole('button', { name: 'Kirim penilaian' }).click();
      await survey.getByText('Terima kasih. Penilaian Anda sudah kami terima.').waitFor();
      if (mode === 'HTTP backend') {
        const sent = requested.filter((r) => r.url.endsWith('/api/v1/surveys'));
        assert.equal(sent.length, 1);
        assert.deepEqual(JSON.parse(sent[0].body), { number, access_token: token, rating: 4 });
      }
      await assertNoAxeViolations(page, `${mode}: survey sent from a status opened by its link`);
    });
  });
}
