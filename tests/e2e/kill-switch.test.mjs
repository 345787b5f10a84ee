// Retiring the service worker (README, "Retiring the service worker"). A visitor's browser holds the
// old build's worker and caches; the regency then copies sw-retire.js over sw.js, or takes sw.js off
// the server (404), and deploys a changed index.html. When the visitor returns, the worker must be
// gone (no registration), the portal's caches too, and the page shown must be the one on the server
// now, whole. Offline, nothing is retired.
//
// Each test serves its own copy of the build, so that it can change files under the running server.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, NOW_ARGS, useServers, startServer, waitForApp } from './harness.mjs';
import { pageRunner } from './page.mjs';

const CONFIG = { api_base: '/api', timeout_ms: 15000 };
/** What the changed index.html carries: the page the server has now. */
const MARKER = '<meta name="ppid-deployed" content="baru">';

const env = useServers();
const withPage = pageRunner('kill-switch', env, { errors: 'none' });

/** Runs `fn(site)` with a copy of the build and a server on it, removed after. */
async function withDeployment(fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-kill-switch-'));
  fs.cpSync(DIST, dir, { recursive: true, filter: (src) => !path.basename(src).startsWith('.') });
  const server = await startServer({ dist: dir, config: CONFIG, args: NOW_ARGS });
  const site = {
    dir,
    server,
    /** A new deployment: index.html changed, and sw.js as `sw` says (a file's content, or null: gone). */
    redeploy(sw) {
      const index = path.join(dir, 'index.html');
      const html = fs.readFileSync(index, 'utf8');
      assert.ok(html.includes('<title>'), 'index.html has a title to put the marker before');
      fs.writeFileSync(index, html.replace('<title>', () => `${MARKER}<title>`));
      if (sw === null) fs.rmSync(path.join(dir, 'sw.js'));
      else fs.writeFileSync(path.join(dir, 'sw.js'), sw);
    },
  };
  try {
    return await fn(site);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The service worker registrations and the portal's caches the page's origin holds. */
const stored = (page) =>
  page.evaluate(async () => ({
    registrations: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
    caches: (await caches.keys()).filter((n) => n.startsWith('ppid-')),
  }));

/** The first visit: the page is up and the old worker controls it, with its caches. */
async function firstVisit(page, url) {
  await page.goto(`${url}/informasi`);
  await waitForApp(page);
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
  const before = await stored(page);
  assert.equal(before.registrations.length, 1, 'the old worker is registered');
  assert.ok(before.caches.some((n) => n.startsWith('ppid-shell-')), `the old build is cached: ${before.caches}`);
  assert.equal(await page.locator('meta[name="ppid-deployed"]').count(), 0, 'the first visit has the old index.html');
}

/**
 * The visitor returns: the page must end up as the server's, not controlled, with no worker and no cache
 * left (waited for: the retirement reloads the page once, and a page registers sw.js 3 s after it starts).
 */
async function assertRetired(page, url, { visit = true } = {}) {
  // The old worker answers first; the retirement then loads the page again, which ends this navigation.
  if (visit) await page.goto(`${url}/informasi`, { waitUntil: 'commit' });
  await page.waitForSelector('meta[name="ppid-deployed"]', { state: 'attached', timeout: 30_000 });
  await waitForApp(page);
  let now;
  const deadline = Date.now() + 20_000;
  await page.waitForTimeout(4_000);
  do {
    await page.waitForTimeout(250);
    now = await stored(page).catch(() => null);
  } while (Date.now() < deadline && !(now && now.registrations.length === 0 && now.caches.length === 0));
  assert.deepEqual(now, { registrations: [], caches: [] }, 'no worker and none of the portal\'s caches are left');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null, 'no worker answers the page');
  assert.equal(await page.locator('meta[name="ppid-deployed"]').count(), 1, 'the page is the one on the server now');
  await waitForApp(page);
  assert.ok((await page.locator('main#main h1').innerText()).trim().length > 0, 'the portal runs');
  assert.deepEqual(page.pageErrors, [], 'no page errors');
  // And it stays so: the next visit is the server's page too.
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator('meta[name="ppid-deployed"]').count(), 1, 'a reload is the server\'s page too');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null, 'a reload is not answered by a worker');
}

test('sw-retire.js copied over sw.js retires the worker: caches deleted, unregistered, the page reloaded from the network', { timeout: 120_000 }, async () => {
  await withDeployment((site) => withPage('retire-script', async (page) => {
    await firstVisit(page, site.server.url);
    site.redeploy(fs.readFileSync(path.join(DIST, 'sw-retire.js')));
    await assertRetired(page, site.server.url);
  }));
});

test('sw.js taken off the server (404): the worker unregisters, deletes its caches and reloads the page from the network', { timeout: 120_000 }, async () => {
  await withDeployment((site) => withPage('404', async (page) => {
    await firstVisit(page, site.server.url);
    site.redeploy(null);
    assert.equal((await fetch(`${site.server.url}/sw.js`)).status, 404, 'sw.js is gone');
    await assertRetired(page, site.server.url);
  }));
});

test('sw.js taken away while a page is open: the page, once up, asks the worker to check, and the worker retires', { timeout: 120_000 }, async () => {
  await withDeployment((site) => withPage('page-asks', async (page) => {
    await firstVisit(page, site.server.url);
    // The page starts again from the worker, which finds sw.js there; sw.js goes before the page asks
    // the worker to check again (3 s after it starts). Only the page's question tells the worker.
    await page.reload();
    await waitForApp(page);
    site.redeploy(null);
    assert.equal(await page.locator('meta[name="ppid-deployed"]').count(), 0, 'the worker still answers the page');
    await assertRetired(page, site.server.url, { visit: false });
  }));
});

test('offline, a returning visitor keeps the worker and its caches: a failed check is no retirement', { timeout: 120_000 }, async () => {
  await withDeployment((site) => withPage('offline', async (page) => {
    await firstVisit(page, site.server.url);
    const kept = await stored(page);
    await page.context().setOffline(true);
    await page.goto(`${site.server.url}/informasi`);
    await waitForApp(page);
    // Past the page's own registration (3 s after it starts) and the worker's check on the navigation.
    await page.waitForTimeout(5_000);
    assert.deepEqual(await stored(page), kept, 'the worker and its caches are kept');
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.state), 'activated', 'the worker still answers');
    assert.deepEqual(page.pageErrors, [], 'no page errors');
  }));
});
