// Offline use (the service worker): after one visit the portal opens and its catalogue can be
// searched without a network, with the HTTP backend and with the demo backend; a new build installs in the
// background, is offered as "Versi baru tersedia" and replaces the old one cleanly; the offer passes axe.
// Also measured and printed (not asserted): the bytes a repeat visit transfers before the page is
// interactive, and the time to interactive when the service worker answers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useServers, withServer, waitForApp, assertNoAxeViolations, faultSwitches, SEED, DIST, NOW_ARGS } from './harness.mjs';
import { pageRunner, readResults } from './page.mjs';
import { main, routed, isOf, isCompressedCopy } from '../../scripts/bundles.mjs';

const T = { update: 'Versi baru tersedia.', reload: 'Muat ulang' };
const HTTP_CONFIG = { api_base: '/api', timeout_ms: 15000 };
/** The server for each backend: the reference over HTTP, or the build's own config.json (the demo). */
const SERVED = { http: { config: HTTP_CONFIG, args: NOW_ARGS }, demo: {} };

const env = useServers();
/** Pages that check for themselves what they may log (offline, a page logs its failed loads). */
const withPage = pageRunner('offline', env, { errors: 'none' });

/**
 * The files the worker holds once the home page's idle ask is answered (precache.test.mjs checks what
 * comes when): every file of the build but sw.js, config.json, sw-retire.js, embed.js, the kiosk's and
 * the route bundles home does not lead to (bundles.json `next`); demo files in demo mode only.
 */
function buildFiles(dist, demo) {
  const notNext = routed.filter((b) => !(main.next ?? []).includes(b.name));
  return fs
    .readdirSync(dist)
    .filter((f) => !['sw.js', 'config.json', 'sw-retire.js', 'embed.js'].includes(f) && !f.startsWith('ppid-kiosk'))
    .filter((f) => !notNext.some((b) => isOf(b, f)))
    // `x.br`, `x.gz` and `dcb/` are copies of x, compressed for the wire: the worker keeps x.
    .filter((f) => !isCompressedCopy(f))
    .filter((f) => demo || !(f.startsWith('demo-backend') || f === 'seed.json'))
    .sort();
}

/** Waits until a service worker controls the page (it activates only once it holds what every page needs). */
async function waitControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
}

/**
 * Waits until the page's idle ask is answered: the build cache holds `buildFiles`, and with the HTTP
 * backend the catalogue is saved for offline search.
 */
async function waitPrecached(page, demo) {
  const want = buildFiles(DIST, demo);
  const deadline = Date.now() + 60_000;
  let held;
  do {
    held = await page.evaluate(async () => {
      const root = new URL('./', (await navigator.serviceWorker.getRegistration()).scope).href;
      const shell = (await caches.keys()).find((n) => n.startsWith('ppid-shell-'));
      const files = shell ? (await (await caches.open(shell)).keys()).map((r) => r.url.slice(root.length)) : [];
      return { files, catalogue: (await caches.match(`${root}api/__catalogue-saved`)) !== undefined };
    });
    if (want.every((f) => held.files.includes(f)) && (demo || held.catalogue)) return;
    await page.waitForTimeout(250);
  } while (Date.now() < deadline);
  assert.fail(`the idle ask was never answered: ${JSON.stringify(held)}`);
}

/** The names of the portal's caches and the files (relative to the root) each holds. */
function cachedFiles(page) {
  return page.evaluate(async () => {
    const root = new URL('./', (await navigator.serviceWorker.getRegistration()).scope).href;
    const out = {};
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      out[name] = keys.map((r) => (r.url.startsWith(root) ? r.url.slice(root.length) : r.url)).sort();
    }
    return out;
  });
}

const shellCaches = (caches) => Object.keys(caches).filter((n) => n.startsWith('ppid-shell-'));

/** Opens the catalogue, searches `query` by typing, and returns what is listed. */
async function searchCatalogue(page, base, query) {
  await page.goto(`${base}/informasi`);
  await waitForApp(page, 'main#main h1');
  await page.waitForFunction(() => /\d/.test(document.querySelector('main#main .result-count')?.textContent ?? ''), null, { timeout: 20_000 });
  await page.getByLabel('Cari informasi', { exact: true }).fill(query);
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query, { timeout: 10_000 });
  await page.waitForFunction(
    (title) => [...document.querySelectorAll('main#main ul.results > li.result h2')].some((h) => h.textContent.trim() === title),
    query,
    { timeout: 20_000 },
  );
  return readResults(page);
}

/**
 * Cuts the network for the browser context, and checks that the service worker's own fetches are cut too:
 * the worker then answers config.json with its saved copy, marked X-PPID-Saved.
 */
async function goOffline(context, page) {
  await context.setOffline(true);
  const saved = await page.evaluate(async () => (await fetch('/config.json')).headers.get('X-PPID-Saved'));
  assert.ok(saved && Number(saved) > 0, `offline reaches the service worker's network too (config.json answered from its saved copy: ${saved})`);
}

for (const mode of ['http', 'demo']) {
  test(`${mode} backend: after one visit the home page and the catalogue open and search offline`, { timeout: 120_000 }, async () => {
    await withServer(SERVED[mode], (server) => withPage(mode, async (page) => {
      const context = page.context();
      // One visit, online.
      await page.goto(`${server.url}/`);
      await waitForApp(page);
      await waitControlled(page);
      await waitPrecached(page, mode === 'demo');
      const cached = await cachedFiles(page);
      const shells = shellCaches(cached);
      assert.equal(shells.length, 1, `one cache for the build: ${Object.keys(cached)}`);
      assert.deepEqual(cached[shells[0]], buildFiles(DIST, mode === 'demo'), 'the build cache holds exactly the build (demo files only in demo mode)');

      // The same search online, to compare with.
      const item = SEED.catalogue.find((i) => i.class === 'berkala');
      const online = await searchCatalogue(page, server.url, item.title);
      assert.ok(online.titles.includes(item.title), `online search finds "${item.title}"`);

      await goOffline(context, page);

      // A fresh page: the home page, then the catalogue, each a page load.
      const offline = await context.newPage();
      offline.consoleErrors = [];
      offline.on('pageerror', (e) => offline.consoleErrors.push(`pageerror: ${e.message}`));
      await offline.goto(`${server.url}/`);
      await waitForApp(offline);
      assert.ok((await offline.locator('main#main h1').innerText()).trim().length > 0, 'home renders offline');
      const found = await searchCatalogue(offline, server.url, item.title);
      assert.deepEqual(found, online, 'offline search lists what the online search listed');

      // A reload offline, on a search.
      await offline.reload();
      await waitForApp(offline, 'main#main ul.results > li.result h2');
      assert.deepEqual(await readResults(offline), online, 'a reload offline shows the same results');
      assert.deepEqual(offline.consoleErrors, [], 'no page errors offline');
    }));
  });
}

test('http backend: a saved answer is marked X-PPID-Saved (offline, or 502/503/504; a 500 is passed on); only public GETs are saved', { timeout: 60_000 }, async () => {
  await withServer({ config: HTTP_CONFIG, args: [...NOW_ARGS, '--fault-control'] }, (server) => withPage('saved', async (page) => {
    const { fault, healthy } = faultSwitches(server);
    await page.goto(`${server.url}/`);
    await waitForApp(page);
    await waitControlled(page);
    const online = await page.evaluate(async () => {
      const r = await fetch('/api/v1/meta');
      return { saved: r.headers.get('X-PPID-Saved'), features: (await r.json()).features };
    });
    assert.equal(online.saved, null, 'a fresh answer is not marked');
    const meta = () => page.evaluate(async () => {
      const r = await fetch('/api/v1/meta');
      return { status: r.status, saved: r.headers.get('X-PPID-Saved') };
    });
    await fault('/v1/meta=status:503');
    const unavailable = await meta();
    assert.ok(unavailable.status === 200 && Number(unavailable.saved) > 0, `a 503 answers the saved copy: ${JSON.stringify(unavailable)}`);
    await healthy();
    await fault('/v1/meta=status:500');
    assert.deepEqual(await meta(), { status: 500, saved: null }, "a 500 is the backend's own answer, passed on");
    await healthy();
    await goOffline(page.context(), page);
    const offline = await page.evaluate(async () => {
      const r = await fetch('/api/v1/meta');
      return { status: r.status, saved: r.headers.get('X-PPID-Saved'), features: (await r.json()).features };
    });
    assert.equal(offline.status, 200);
    assert.ok(Number(offline.saved) > Date.now() - 600_000 && Number(offline.saved) <= Date.now(), `saved when: ${offline.saved}`);
    assert.deepEqual(offline.features, online.features.filter((f) => f !== 'catalogue_search'), 'a saved meta offers no server-side search');
    const cached = await cachedFiles(page);
    const data = cached['ppid-data-v1'] ?? [];
    assert.ok(data.includes('api/v1/meta') && data.includes('config.json'), `meta and config are saved: ${data}`);
    assert.deepEqual(data.filter((u) => !/^(config\.json|api\/v1\/(catalogue|meta|units|announcements|statistics|calendar)|api\/__(catalogue|start)-saved)/.test(u)), [], 'nothing else is saved');
  }));
});

/** A copy of the build in a temp dir, served on its own. */
function copyOfDist() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-sw-'));
  fs.cpSync(DIST, dir, { recursive: true });
  return dir;
}

/**
 * Makes `dist` the next build: index.html gets a marker, and sw.js the new file hash and a new version, as
 * scripts/post-build.mjs would write them.
 */
async function nextBuild(dist) {
  const crypto = await import('node:crypto');
  const hash = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);
  const indexPath = path.join(dist, 'index.html');
  const oldIndex = fs.readFileSync(indexPath);
  const newIndex = Buffer.from(oldIndex.toString('utf8').replace('<title>', '<meta name=ppid-build content=2><title>'));
  assert.notEqual(newIndex.toString(), oldIndex.toString());
  fs.writeFileSync(indexPath, newIndex);
  const swPath = path.join(dist, 'sw.js');
  let sw = fs.readFileSync(swPath, 'utf8');
  const before = sw;
  sw = sw.replace(`"index.html","${hash(oldIndex)}"`, `"index.html","${hash(newIndex)}"`);
  assert.notEqual(sw, before, 'sw.js lists index.html with its hash');
  const version = sw.match(/VERSION\s*=\s*["']([0-9a-f]{16})["']/);
  assert.ok(version, 'sw.js has a build version');
  const next = hash(`${version[1]}-next`);
  sw = sw.replace(version[0], version[0].replace(version[1], next));
  fs.writeFileSync(swPath, sw);
  return { old: version[1], next };
}

const buildMarker = (page) => page.evaluate(() => document.querySelector('meta[name=ppid-build]')?.content ?? null);

test('a new build installs in the background, is offered as "Versi baru tersedia", and replaces the old one cleanly', { timeout: 120_000 }, async () => {
  const dist = copyOfDist();
  try {
    await withServer({ dist, ...SERVED.http }, (server) => withPage('update', async (page) => {
      const context = page.context();
      await page.goto(`${server.url}/informasi`);
      await waitForApp(page);
      await waitControlled(page);
      assert.equal(await page.getByRole('button', { name: T.reload }).count(), 0, 'no offer on the first visit');
      const { old, next } = await nextBuild(dist);

      // The browser looks for a new sw.js (it does on navigations; here at once).
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      const banner = page.getByRole('status').filter({ has: page.getByRole('button', { name: T.reload }) });
      await banner.getByText(T.update, { exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
      const caches1 = await cachedFiles(page);
      assert.deepEqual(shellCaches(caches1).sort(), [`ppid-shell-${next}`, `ppid-shell-${old}`].sort(), 'both builds are cached while the new one waits');

      // Nothing of the new build before the citizen chooses it: this page and a new one run the old build.
      assert.equal(await buildMarker(page), null, 'the page still runs the old build');
      const other = await context.newPage();
      await other.goto(`${server.url}/`);
      await waitForApp(other);
      assert.equal(await buildMarker(other), null, 'a page opened now still gets the old build');
      // The page looks for a waiting build a few seconds after it starts (src/offline/sw.rs).
      await other.getByRole('button', { name: T.reload }).waitFor({ timeout: 15_000 });
      assert.equal(await other.getByRole('button', { name: T.reload }).count(), 1, 'and is offered the new one too');

      // The offer is accessible.
      await assertNoAxeViolations(page, 'update offer');

      // "Muat ulang" from the keyboard: every page reloads onto the new build.
      const button = banner.getByRole('button', { name: T.reload });
      await button.focus();
      assert.ok(await button.evaluate((b) => b === document.activeElement && b.tagName === 'BUTTON'), 'a real button, focusable');
      const reloaded = page.waitForEvent('load', { timeout: 30_000 });
      const otherReloaded = other.waitForEvent('load', { timeout: 30_000 });
      await page.keyboard.press('Enter');
      await reloaded;
      await waitForApp(page);
      assert.equal(await buildMarker(page), '2', 'after the reload the page runs the new build');
      await otherReloaded;
      await waitForApp(other);
      assert.equal(await buildMarker(other), '2', 'the other page reloaded onto the new build too');
      await waitControlled(page);
      const caches2 = await cachedFiles(page);
      assert.deepEqual(shellCaches(caches2), [`ppid-shell-${next}`], 'the old build cache is gone');
      assert.equal(await page.getByRole('button', { name: T.reload }).count(), 0, 'no offer any more');
      assert.deepEqual(page.pageErrors, [], 'no page errors');
    }));
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
});

for (const mode of ['http', 'demo']) {
  test(`${mode} backend: a repeat visit comes from the service worker (bytes and time to interactive printed)`, { timeout: 90_000 }, async () => {
    await withServer(SERVED[mode], (server) => withPage(`measure-${mode}`, async (page) => {
      const context = page.context();
      await page.goto(`${server.url}/informasi`);
      await waitForApp(page, 'main#main h1');
      await page.waitForFunction(() => /\d/.test(document.querySelector('main#main .result-count')?.textContent ?? ''), null, { timeout: 20_000 });
      const firstMs = Math.round(await page.evaluate(() => performance.now()));
      await waitControlled(page);
      await waitPrecached(page, mode === 'demo'); // the first visit's background fetches are done

      /** Every response in the context (pages and the service worker), with where it came from. */
      const seen = [];
      let interactive = false;
      context.on('response', (response) => {
        seen.push({ response, beforeInteractive: !interactive, url: response.url(), fromSw: response.fromServiceWorker(), bySw: !!response.request().serviceWorker() });
      });
      const repeat = await context.newPage();
      const t0 = Date.now();
      await repeat.goto(`${server.url}/informasi`);
      await waitForApp(repeat, 'main#main h1');
      await repeat.waitForFunction(() => /\d/.test(document.querySelector('main#main .result-count')?.textContent ?? ''), null, { timeout: 20_000 });
      interactive = true;
      const wallMs = Date.now() - t0;
      const nav = await repeat.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0];
        return { responseEnd: Math.round(n.responseEnd), domInteractive: Math.round(n.domInteractive), workerStart: Math.round(n.workerStart), now: Math.round(performance.now()) };
      });

      let networkBytes = 0;
      const overNetwork = [];
      const shellFromSw = [];
      for (const s of seen.filter((x) => x.beforeInteractive)) {
        const u = new URL(s.url);
        const file = u.pathname.slice(1);
        if (s.fromSw && !s.bySw) {
          if (file === '' || file === 'informasi' || /\.(js|wasm|css|html|svg)$/.test(file)) shellFromSw.push(file || '/');
          continue;
        }
        // Answered by the network: to the page directly, or to the service worker's own fetch. A HEAD
        // (the worker asking whether sw.js is still there) carries no file.
        const head = s.response.request().method() === 'HEAD';
        const sizes = await s.response.request().sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
        const bytes = (head ? 0 : sizes.responseBodySize) + sizes.responseHeadersSize;
        networkBytes += bytes;
        overNetwork.push(`${s.bySw ? 'sw ' : ''}${head ? 'HEAD ' : ''}${u.pathname}${u.search} ${bytes}B`);
      }
      console.log(
        `offline-measure[${mode}]: repeat visit of /informasi: ${networkBytes} bytes over the network before interactive ` +
          `(${overNetwork.length} requests: ${overNetwork.join(', ') || 'none'}); time to interactive ${nav.now} ms after navigation start ` +
          `(first visit, no worker yet: ${firstMs} ms; wall ${wallMs} ms; worker start ${nav.workerStart} ms, index.html from the worker at ${nav.responseEnd} ms, DOM interactive ${nav.domInteractive} ms)`,
      );
      assert.ok(shellFromSw.includes('informasi'), `the page itself came from the service worker: ${shellFromSw}`);
      assert.ok(shellFromSw.some((f) => /^ppid-portal-[0-9a-f]+_bg\.wasm$/.test(f)), `the wasm came from the service worker: ${shellFromSw}`);
      assert.ok(shellFromSw.some((f) => /^boot-[0-9a-f]+\.js$/.test(f)), `the boot script came from the service worker: ${shellFromSw}`);
      assert.ok(!overNetwork.some((r) => !r.includes('HEAD ') && /\.(js|wasm|css|html)\b/.test(r)), `no app file over the network: ${overNetwork}`);
    }));
  });
}
