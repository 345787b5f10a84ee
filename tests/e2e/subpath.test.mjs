// Serving under a sub-path (issue 7): a build made with `trunk build --release --public-url /ppid/
// --dist dist-sub` (scripts/test.sh makes it), served by ppid-server under /ppid only, works as at the root:
// links, deep links and reloads, bundles, the 404 page and the service worker all stay under /ppid/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, launchBrowser, newPage, waitForApp, assertNoAxeViolations, saveArtifacts } from './harness.mjs';

const DIST_SUB = path.join(ROOT, 'dist-sub');
let server;
let browser;

before(async () => {
  if (!fs.existsSync(path.join(DIST_SUB, 'index.html'))) {
    throw new Error('no dist-sub/: run `trunk build --release --public-url /ppid/ --dist dist-sub` (scripts/test.sh does)');
  }
  server = await startServer({ dist: DIST_SUB, config: { api_base: '/api' }, args: ['--base', '/ppid'] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function withPage(name, fn) {
  const page = await newPage(browser);
  const outside = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === server.url && !u.pathname.startsWith('/ppid/') && !u.pathname.startsWith('/api/')) outside.push(u.pathname);
  });
  try {
    await fn(page);
    assert.deepEqual(outside, [], 'every request of the portal stays under /ppid/ (or goes to the API)');
    assert.deepEqual(page.consoleErrors, [], 'no console or page errors');
  } catch (e) {
    await saveArtifacts(page, `subpath-${name}`);
    throw e;
  } finally {
    await page.context().close();
  }
}

test('under /ppid/: links, an item, a deep link reload into the forms bundle, and back across bundles', async () => {
  await withPage('links', async (page) => {
    await page.goto(`${server.url}/ppid/`);
    await waitForApp(page);
    assert.equal(await page.locator('.brand-name').getAttribute('href'), '/ppid/');
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    const hrefs = await nav.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.filter((h) => h.startsWith('/')).every((h) => h.startsWith('/ppid/')), `nav links under /ppid/: ${hrefs}`);
    await assertNoAxeViolations(page, 'home under /ppid/');
    // Within the bundle: no page load, the URL keeps the base.
    await nav.getByRole('link', { name: 'Informasi Publik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daftar Informasi Publik' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/ppid/informasi');
    assert.equal(await nav.getByRole('link', { name: 'Informasi Publik' }).getAttribute('aria-current'), 'page');
    const first = page.locator('main h2 a').first();
    const [title, href] = [await first.innerText(), await first.getAttribute('href')];
    assert.match(href, /^\/ppid\/informasi\/[^/]+$/);
    await first.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.equal(new URL(page.url()).pathname, href);
    // Into the forms bundle (a page load), then a reload of a deep link.
    await page.getByRole('link', { name: 'Ajukan permohonan' }).first().click();
    await page.waitForURL(/\/ppid\/permohonan/);
    await waitForApp(page);
    const wasm = [];
    page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/ppid/permohonan/jenis`);
    await page.getByRole('heading', { level: 1, name: 'Siapa yang mengajukan permohonan?' }).waitFor();
    assert.deepEqual(wasm, ['/ppid/ppid-forms_bg.wasm'], 'the forms bundle, from under /ppid/');
    await assertNoAxeViolations(page, 'request question under /ppid/');
    // Back to the portal bundle by the navigation.
    await nav.getByRole('link', { name: 'Tentang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tentang layanan ini' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/ppid/tentang');
  });
});

test('under /ppid/: an unknown page is the portal\'s 404, the service worker is scoped to /ppid/, and the root is not the portal', async () => {
  await withPage('404', async (page) => {
    await page.goto(`${server.url}/ppid/tidak-ada`);
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Kembali ke beranda' }).getAttribute('href'), '/ppid/');
    await page.goto(`${server.url}/ppid/`);
    await waitForApp(page);
    const scope = await page.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const r = await navigator.serviceWorker.getRegistration();
        if (r) return r.scope;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      return null;
    });
    assert.equal(scope, `${server.url}/ppid/`);
  });
  const root = await fetch(`${server.url}/informasi`);
  assert.equal(root.status, 404, 'only /ppid/ is the portal');
});
