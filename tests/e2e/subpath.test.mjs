// Serving under a sub-path: a build made with `trunk build --release --public-url /ppid/
// --dist dist-sub` (scripts/test.sh makes it), served by ppid-server under /ppid only, works as at the root:
// links, deep links and reloads, bundles, the 404 page and the service worker all stay under /ppid/, and a
// regency page embedding it from /ppid/ (tests/embed/host.html) opens its deep links there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SEED, HOST_PAGE, useServers, startStaticServer, waitForApp, assertNoAxeViolations } from './harness.mjs';
import { pageRunner } from './page.mjs';

const DIST_SUB = path.join(ROOT, 'dist-sub');
const ITEM = SEED.catalogue.find((i) => i.id === 'dip-2026-001');
/** A regency's page on another origin, embedding the portal from /ppid/ (tests/embed/host.html). */
let host;

const env = useServers(
  {
    server: () => ({
      dist: DIST_SUB,
      config: { api_base: '/api', embed_origins: [host.url] },
      args: ['--base', '/ppid'],
      frameAncestors: `'self' ${host.url}`,
    }),
  },
  {
    async setup() {
      if (!fs.existsSync(path.join(DIST_SUB, 'index.html'))) {
        throw new Error('no dist-sub/: run `trunk build --release --public-url /ppid/ --dist dist-sub` (scripts/test.sh does)');
      }
      host = await startStaticServer((p) => {
        if (p === '/host.css') return ['text/css', HOST_PAGE.css];
        if (p === '/favicon.ico') return ['image/x-icon', ''];
        // The portal's root is known once it runs: read when the page is asked for.
        if (p === '/') return ['text/html; charset=utf-8', HOST_PAGE.html(`${env.server.url}/ppid`)];
        return null;
      });
    },
    teardown: () => host?.stop(),
  },
);

/** Pages whose every request to the portal's origin must stay under /ppid/ (or go to the API). */
const withPage = pageRunner('subpath', env, {
  setup: (page) => {
    page.outside = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin === env.server.url && !u.pathname.startsWith('/ppid/') && !u.pathname.startsWith('/api/')) page.outside.push(u.pathname);
    });
  },
  check: (page) => assert.deepEqual(page.outside, [], 'every request of the portal stays under /ppid/ (or goes to the API)'),
});

test('under /ppid/: links, an item, a deep link reload into the forms bundle, and back across bundles', async () => {
  await withPage('links', async (page) => {
    await page.goto(`${env.server.url}/ppid/`);
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
    await page.goto(`${env.server.url}/ppid/permohonan/jenis`);
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
    await page.goto(`${env.server.url}/ppid/tidak-ada`);
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Kembali ke beranda' }).getAttribute('href'), '/ppid/');
    await page.goto(`${env.server.url}/ppid/`);
    await waitForApp(page);
    const scope = await page.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const r = await navigator.serviceWorker.getRegistration();
        if (r) return r.scope;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      return null;
    });
    assert.equal(scope, `${env.server.url}/ppid/`);
  });
  const root = await fetch(`${env.server.url}/informasi`);
  assert.equal(root.status, 404, 'only /ppid/ is the portal');
});

test('embedded from /ppid/ on a regency page: the frame opens the portal there and follows the page\'s deep links under /ppid/', async () => {
  await withPage('embed', async (page) => {
    await page.goto(`${host.url}/`);
    const iframe = await page.waitForSelector('iframe.ppid-embed-frame', { state: 'attached', timeout: 10000 });
    assert.equal(await iframe.getAttribute('src'), `${env.server.url}/ppid/`);
    const frame = await iframe.contentFrame();
    await frame.waitForSelector('main#main h1');
    // The page's deep link: a message to the portal, which keeps its base.
    await page.locator('#open-item').click();
    await frame.getByRole('heading', { level: 1, name: ITEM.title }).waitFor();
    assert.equal(new URL(frame.url()).pathname, '/ppid/informasi/dip-2026-001');
  }, { setup: undefined, check: undefined });
});
