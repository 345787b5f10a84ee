// A registration number with a slash, a space and a `#` (a backend issuing `045/PPID #2026-…`) opened from
// a regency's page: `PPID.open('/status?nomor=' + encodeURIComponent(number))`, as the README's "Embedding
// on a regency site" says, opens the status page in the frame with the number whole in the lookup form,
// and the number and the e-mail find the request.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOW_ARGS, HOST_PAGE, useServers, startStaticServer, waitForApp, assertNoAxeViolations } from './harness.mjs';
import { pageRunner } from './page.mjs';
import { probeNumber } from './wizard.mjs';

const PREFIX = '045/PPID #';
/** The regency's page on a second origin. */
let host;

const env = useServers(
  {
    portal: () => ({
      config: { api_base: '/api', embed_origins: [host.url] },
      args: [...NOW_ARGS, '--request-number-prefix', PREFIX],
      frameAncestors: `'self' ${host.url}`,
    }),
  },
  {
    async setup() {
      host = await startStaticServer((p) => {
        if (p === '/') return ['text/html; charset=utf-8', HOST_PAGE.html(env.portal.url)];
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
const withPage = pageRunner('embed-number', env, { errors: 'uncaught' });

test("a host page's deep link to a number with a slash, a space and a # opens its status in the frame", { timeout: 60_000 }, async () => {
  // probeNumber files a request straight through the API, with the e-mail probe@contoh.id.
  const number = await probeNumber(env.portal);
  assert.match(number, /^045\/PPID #2026-\d{6}$/);
  await withPage('slash-space-hash', async (page) => {
    await page.goto(`${host.url}/`);
    const iframe = await page.waitForSelector('iframe.ppid-embed-frame', { state: 'attached', timeout: 10000 });
    await waitForApp(await iframe.contentFrame());
    const opened = await page.evaluate((n) => window.PPID.open(`/status?nomor=${encodeURIComponent(n)}`), number);
    assert.notEqual(opened, false, 'PPID.open takes the percent-encoded path');
    const frame = await iframe.contentFrame();
    await frame.waitForFunction(() => location.pathname === '/status', null, { timeout: 20000 });
    await waitForApp(frame);
    await frame.locator('#status-number').waitFor();
    await frame.waitForFunction((n) => document.querySelector('#status-number')?.value === n, number, { timeout: 10000 });
    await frame.locator('#status-verifier').fill('probe@contoh.id');
    await frame.locator('main#main').getByRole('button', { name: 'Cek status' }).click();
    await frame.waitForFunction((n) => document.querySelector('#status-heading')?.textContent.trim() === n, number, { timeout: 20000 });
    assert.equal(new URL(page.url()).origin, host.url, 'the host page stays');
    await assertNoAxeViolations(frame, 'status of a deep-linked number in the frame');
  });
});
