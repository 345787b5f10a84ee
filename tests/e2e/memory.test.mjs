// Memory budget: JS heap plus wasm linear memory after start-up, after 20 client-side
// navigations (leaving pages while their work is still pending) and after a full request flow. Prints the figures on every run;
// fails above 16 MB in total or on growth above 2 MB.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp } from './harness.mjs';
import { pageRunner } from './page.mjs';
import { begin, fillAll, sendRequest } from './wizard.mjs';

const env = useServers({ server: { config: { api_base: '/api' } } });
const MB = 1024 * 1024;
/** Pages that keep the wasm memory the app hands over when it starts, in `window.__wasmMemory`. */
const withPage = pageRunner('memory', env, {
  setup: (page) =>
    page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => {
        window.__wasmMemory = e.detail?.wasm?.memory;
      });
    }),
});

/** A meter of the page's memory: it collects garbage, then measures the JS heap and the wasm memory. */
async function memoryMeter(page) {
  const cdp = await page.context().newCDPSession(page);
  return async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasmMemory?.buffer?.byteLength ?? -1);
    return { js: usedSize, wasm, total: usedSize + Math.max(wasm, 0) };
  };
}

/** Prints the figures from `start` to `end` (measured after `what`), and holds them to the budget. */
function assertBudget(label, what, start, end) {
  const f = (n) => (n / MB).toFixed(2);
  console.log(`memory (${label}): start js=${f(start.js)} MB wasm=${f(start.wasm)} MB total=${f(start.total)} MB; ${what} js=${f(end.js)} MB wasm=${f(end.wasm)} MB total=${f(end.total)} MB; growth=${f(end.total - start.total)} MB (budget 16 MB, growth 2 MB)`);
  assert.ok(end.total <= 16 * MB, `total ${f(end.total)} MB is within 16 MB`);
  assert.ok(end.total - start.total <= 2 * MB, `growth ${f(end.total - start.total)} MB is within 2 MB`);
}

// Each bundle (app::Bundle) on its own: a link into the other bundle is a page load, which would
// reset the very memory being measured.
const BUNDLES = {
  portal: { start: '/', links: ['/informasi', '/informasi/dip-2026-001', '/'] },
  forms: { start: '/permohonan', links: ['/permohonan/jenis', '/permohonan'] },
  objection: { start: '/keberatan', links: ['/keberatan/ajukan', '/keberatan'] },
  // The status page is its bundle's only page; a path under it is the same bundle's not-found page.
  status: { start: '/status', links: ['/status/lain', '/status'] },
  register: { start: '/register', links: ['/statistik', '/tentang', '/register'] },
};

for (const [bundle, { start: startPath, links }] of Object.entries(BUNDLES)) test(`memory stays small and does not grow over 20 navigations (${bundle} pages)`, { timeout: 120_000 }, async () => {
  await withPage(bundle, async (page) => {
    const measure = await memoryMeter(page);
    await page.goto(`${env.server.url}${startPath}`);
    await waitForApp(page);
    await page.waitForTimeout(300);
    const start = await measure();
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    assert.ok(start.wasm > 0, 'the wasm memory is visible to the test');
    for (let i = 0; i < 20; i++) {
      const href = links[i % links.length];
      // The menu's link where there is one; otherwise a link in the page, as a citizen would follow it.
      if (await page.locator(`nav a[href="${href}"]`).count()) {
        await page.click(`nav a[href="${href}"]`);
      } else {
        await page.evaluate((h) => {
          const a = document.createElement('a');
          a.href = h;
          a.textContent = h;
          document.querySelector('main#main').append(a);
          a.click();
        }, href);
      }
      await page.waitForFunction((h) => location.pathname === h, href);
      await waitForApp(page);
      // Leave the catalogue while its typing pause is still running: the timer must not panic.
      if (href === '/informasi') await page.fill('#search-q', 'angg');
    }
    await page.waitForTimeout(300);
    const end = await measure();
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'every navigation stayed client-side');
    assertBudget(`${bundle} pages`, 'after 20 navigations', start, end);
  });
});

test('memory stays small after a full request flow (forms pages)', { timeout: 120_000 }, async () => {
  await withPage('request-flow', async (page) => {
    const measure = await memoryMeter(page);
    await begin(page, env.server.url);
    await page.waitForTimeout(300);
    const start = await measure();
    assert.ok(start.wasm > 0, 'the wasm memory is visible to the test');
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    await fillAll(page, 'proxy');
    await sendRequest(page);
    await page.waitForTimeout(300);
    const end = await measure();
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the whole flow stayed client-side');
    assertBudget('full request flow', 'after submitting', start, end);
  });
});
