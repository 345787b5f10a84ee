// What the service worker downloads on a first visit, and when (public/sw.js, src/offline/sw.rs): at
// install only what every page needs; the page's own bundle once it is up; the route bundles its pages
// lead to (bundles.json `next`) and the catalogue only when the browser is idle and the line is neither
// Save-Data nor 2g; the kiosk's files
// only on a kiosk, the demo's only in demo mode. A page whose bundle was not kept says so offline, in the
// citizen's language, instead of loading for ever. The bytes the worker fetches are printed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useServers, withServer, waitForApp, assertNoAxeViolations, DIST, NOW_ARGS, SEED } from './harness.mjs';
import { pageRunner, lookUpStatus } from './page.mjs';
import { T, OBJECTION, answerUntil, sendRequest, findRequest, fillObjection, sendObjection, toObjectionCheck } from './wizard.mjs';
import { main, routed, kiosk, worker, isOf, isCompressedCopy } from '../../scripts/bundles.mjs';

const HTTP_CONFIG = { api_base: '/api', timeout_ms: 15000 };
const KIOSK_CONFIG = { ...HTTP_CONFIG, kiosk: true, kiosk_idle_seconds: 600, kiosk_warning_seconds: 30 };
/** What the page shows when its bundle cannot load (src/i18n: boot_offline, boot_offline_home, retry). */
const SAY = {
  id: { message: 'Halaman ini belum tersimpan untuk dibuka tanpa internet.', home: 'Kembali ke beranda', retry: 'Coba lagi' },
  en: { message: 'This page has not been saved for use without the internet.', home: 'Back to the home page', retry: 'Try again' },
};
/** The browser reports Save-Data, before any of the page's scripts run. */
const SAVE_DATA = () =>
  Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ saveData: true, effectiveType: '4g' }) });

const env = useServers();
const withPage = pageRunner('precache', env, { errors: 'none' });

/** The build's files by kind, read from dist/ and bundles.json as a citizen's browser would meet them. */
const BUILD = (() => {
  // `x.br` and `x.gz` are x, compressed for the wire: the worker keeps x.
  const files = fs.readdirSync(DIST).filter((f) => f !== 'config.json' && !isCompressedCopy(f));
  const never = ['sw.js', 'sw-retire.js', 'embed.js'];
  const kept = files.filter((f) => !never.includes(f));
  const ofRoute = (f) => routed.some((b) => isOf(b, f)) || f === 'receipt.js';
  return {
    kiosk: kept.filter((f) => isOf(kiosk, f)).sort(),
    demo: kept.filter((f) => isOf(worker, f)).sort(),
    routed: Object.fromEntries(routed.map((b) => [b.name, kept.filter((f) => isOf(b, f)).sort()])),
    later: kept.filter((f) => f === 'receipt.js'),
    shell: kept.filter((f) => !ofRoute(f) && !isOf(kiosk, f) && !isOf(worker, f)).sort(),
  };
})();

/** The first page of each route bundle, and a page of the main bundle. */
const PAGE_OF = Object.fromEntries(routed.map((b) => [b.name, `/${b.routes[0]}`]));

async function waitControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
}

/** The files (relative to the root) in the build's cache, and whether the catalogue was saved. */
function cached(page) {
  return page.evaluate(async () => {
    const root = new URL('./', (await navigator.serviceWorker.getRegistration()).scope).href;
    const names = await caches.keys();
    const shell = names.find((n) => n.startsWith('ppid-shell-'));
    const files = shell ? (await (await caches.open(shell)).keys()).map((r) => r.url.slice(root.length)).sort() : [];
    const data = names.includes('ppid-data-v1') ? (await (await caches.open('ppid-data-v1')).keys()).map((r) => r.url.slice(root.length)) : [];
    return { files, catalogue: data.some((u) => u.startsWith('api/v1/catalogue')), catalogueDone: data.includes('api/__catalogue-saved') };
  });
}

/** Waits until the build's cache holds every one of `files`. */
async function waitCached(page, files, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  let now;
  do {
    now = await cached(page);
    if (files.every((f) => now.files.includes(f))) return now;
    await page.waitForTimeout(250);
  } while (Date.now() < deadline);
  assert.fail(`the cache never held ${files.filter((f) => !now.files.includes(f))}: ${now.files}`);
}

/** Waits until the whole catalogue is saved for offline search. */
async function waitCatalogue(page, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  while (!(await cached(page)).catalogueDone) {
    if (Date.now() > deadline) assert.fail('the catalogue was never saved');
    await page.waitForTimeout(250);
  }
}

/** Records what the service worker itself fetches over the network, with the bytes received. */
function recordWorker(context) {
  const seen = [];
  context.on('requestfinished', async (request) => {
    if (!request.serviceWorker() || request.method() === 'HEAD') return;
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
    const url = new URL(request.url());
    seen.push({ path: `${url.pathname.slice(1)}${url.search}`, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
  });
  return seen;
}

const report = (what, seen) =>
  console.log(
    `precache-measure[${what}]: the worker fetched ${seen.reduce((n, s) => n + s.bytes, 0)} bytes in ${seen.length} requests: ` +
      seen.map((s) => `${s.path} ${s.bytes}B`).join(', '),
  );

/** Cuts the network, the service worker's too (it then answers config.json with its saved copy). */
async function goOffline(context, page) {
  await context.setOffline(true);
  const saved = await page.evaluate(async () => (await fetch('/config.json')).headers.get('X-PPID-Saved'));
  assert.ok(Number(saved) > 0, `offline reaches the service worker's network too: ${saved}`);
}

/** Opens `path` in a new page of the context and waits until the portal runs there (its boot screen gone). */
async function opensOffline(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await waitForApp(page);
    await page.waitForFunction(() => document.getElementById('boot') === null, null, { timeout: 10_000 });
    assert.equal(await page.getByText(SAY.id.message).count(), 0, `${url} is not the "not saved" message`);
  } finally {
    await page.close();
  }
}

test('http backend, first visit: the worker keeps no kiosk file and no demo file', { timeout: 120_000 }, async () => {
  await withServer({ config: HTTP_CONFIG, args: NOW_ARGS }, (server) => withPage('no-kiosk-no-demo', async (page) => {
    const seen = recordWorker(page.context());
    await page.goto(`${server.url}/`);
    await waitForApp(page);
    await waitControlled(page);
    // Until the idle ask is answered too: nothing of it may be a kiosk's or the demo's.
    const now = await waitCached(page, [...BUILD.shell, ...BUILD.later]);
    await waitCatalogue(page);
    report('http, no Save-Data', seen);
    assert.deepEqual(now.files.filter((f) => BUILD.kiosk.includes(f) || BUILD.demo.includes(f)), [], 'no kiosk or demo file kept');
    assert.deepEqual(seen.filter((s) => BUILD.kiosk.includes(s.path) || BUILD.demo.includes(s.path)), [], 'no kiosk or demo file fetched');
    assert.ok(BUILD.kiosk.includes(`${kiosk.name}_bg.wasm`) && BUILD.demo.includes('seed.json'), 'the build has both, to be left alone');
  }));
});

test('Save-Data: only the page opened is kept, no other bundle and no catalogue; another bundle\'s page says so offline, in the citizen\'s language', { timeout: 120_000 }, async () => {
  await withServer({ config: HTTP_CONFIG, args: NOW_ARGS }, (server) => withPage('save-data', async (page) => {
    const context = page.context();
    await context.addInitScript(SAVE_DATA);
    const seen = recordWorker(context);
    const [opened, other] = routed;
    await page.goto(`${server.url}${PAGE_OF[opened.name]}`);
    await waitForApp(page);
    await waitControlled(page);
    // The page's ask, answered: its own bundle (and the receipt's script) are kept.
    const now = await waitCached(page, [...BUILD.shell, ...BUILD.routed[opened.name], 'receipt.js']);
    // The worker answers one ask at a time and this one is done; a second page load asks again.
    await page.reload();
    await waitForApp(page);
    // It registers 3 s after it starts (src/offline/sw.rs), then asks once the browser is idle.
    await page.waitForTimeout(3000);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 1500), { timeout: 10_000 })));
    const after = await cached(page);
    report('http, Save-Data', seen);
    const others = routed.filter((b) => b !== opened).flatMap((b) => BUILD.routed[b.name]);
    assert.deepEqual(after.files.filter((f) => others.includes(f)), [], 'no other route bundle kept');
    assert.deepEqual(seen.filter((s) => others.includes(s.path)), [], 'no other route bundle fetched by the worker');
    assert.equal(after.catalogue, false, 'no catalogue saved');
    assert.deepEqual(seen.filter((s) => s.path.startsWith('api/v1/catalogue')), [], 'no catalogue fetched by the worker');
    assert.deepEqual(now.files.filter((f) => BUILD.kiosk.includes(f) || BUILD.demo.includes(f)), []);

    await goOffline(context, page);
    // The page opened opens offline.
    await opensOffline(context, `${server.url}${PAGE_OF[opened.name]}`);
    // Another bundle's page: the message, with a way home and a retry, instead of "Memuat…".
    const offline = await context.newPage();
    await offline.goto(`${server.url}${PAGE_OF[other.name]}`);
    const alert = offline.getByRole('alert');
    await alert.getByText(SAY.id.message).waitFor({ timeout: 15_000 });
    assert.equal(await offline.locator('.loading').count(), 0, 'the loading text is gone');
    assert.equal(await alert.getByRole('link', { name: SAY.id.home }).getAttribute('href'), `${server.url}/`);
    assert.equal(await alert.getByRole('button', { name: SAY.id.retry }).count(), 1);
    await assertNoAxeViolations(offline, 'bundle not saved, offline');
    // The retry loads the page again: still offline, still the message.
    await alert.getByRole('button', { name: SAY.id.retry }).click();
    await offline.getByRole('alert').getByText(SAY.id.message).waitFor({ timeout: 15_000 });
    // In the language the citizen chose.
    await offline.evaluate(() => localStorage.setItem('ppid.lang', JSON.stringify('en')));
    await offline.reload();
    await offline.getByRole('alert').getByText(SAY.en.message).waitFor({ timeout: 15_000 });
    assert.equal(await offline.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await offline.getByRole('link', { name: SAY.en.home }).count(), 1);
    await assertNoAxeViolations(offline, 'bundle not saved, offline, English');
    // The way home works offline.
    await offline.getByRole('link', { name: SAY.en.home }).click();
    await waitForApp(offline);
    await offline.waitForFunction(() => document.getElementById('boot') === null, null, { timeout: 10_000 });
    assert.deepEqual(page.pageErrors, [], 'no page errors');
  }));
});

test('without Save-Data, once idle: the bundles a page leads to and the catalogue are kept, and open offline; a bundle no page visited led to says so', { timeout: 180_000 }, async () => {
  await withServer({ config: HTTP_CONFIG, args: NOW_ARGS }, (server) => withPage('idle', async (page) => {
    const context = page.context();
    const seen = recordWorker(context);
    const nextOf = (b) => routed.filter((r) => (b.next ?? []).includes(r.name));
    const fromHome = nextOf(main);
    assert.ok(fromHome.length > 0, 'home leads somewhere (bundles.json next)');
    await page.goto(`${server.url}/`);
    await waitForApp(page);
    await waitControlled(page);
    await waitCached(page, [...BUILD.shell, ...fromHome.flatMap((b) => BUILD.routed[b.name]), ...BUILD.later]);
    await waitCatalogue(page);
    report('http, no Save-Data, home', seen);
    // Only those: a first visit does not pay for every page of the portal.
    const notNext = routed.filter((b) => !fromHome.includes(b));
    assert.ok(notNext.length > 0, 'some bundle is not next from home');
    assert.deepEqual((await cached(page)).files.filter((f) => notNext.some((b) => BUILD.routed[b.name].includes(f))), [], 'no bundle home does not lead to');
    assert.deepEqual(seen.filter((s) => notNext.some((b) => BUILD.routed[b.name].includes(s.path))), [], 'none fetched by the worker');

    // A page of the next bundle, online: its own next ones are kept once it is idle.
    const [step] = fromHome;
    const afterStep = nextOf(step).filter((b) => b !== step);
    await page.goto(`${server.url}${PAGE_OF[step.name]}`);
    await waitForApp(page);
    await waitCached(page, afterStep.flatMap((b) => BUILD.routed[b.name]), 60_000);
    const never = routed.filter((b) => b !== step && !fromHome.includes(b) && !afterStep.includes(b));

    await goOffline(context, page);
    for (const b of [...fromHome, ...afterStep]) await opensOffline(context, `${server.url}${PAGE_OF[b.name]}`);
    await opensOffline(context, `${server.url}/informasi`);
    for (const b of never) {
      const offline = await context.newPage();
      await offline.goto(`${server.url}${PAGE_OF[b.name]}`);
      await offline.getByRole('alert').getByText(SAY.id.message).waitFor({ timeout: 15_000 });
      await offline.close();
    }
    assert.ok(main && BUILD.shell.some((f) => isOf(main, f)), 'the main bundle is in the shell');
  }));
});

test('a status page keeps the objection form once it shows a request, not before; on Save-Data not at all', { timeout: 180_000 }, async () => {
  const objection = routed.find((b) => b.name === 'ppid-objection');
  const status = routed.find((b) => b.name === 'ppid-status');
  assert.ok(objection && status, 'the build has a status and an objection bundle');
  assert.ok(!(status.next ?? []).includes(objection.name), 'the status bundle does not lead to it by itself (bundles.json next)');
  // A seeded request the citizen can look up: its number and the e-mail it was sent with.
  const request = SEED.requests.find((r) => r.submission?.requester?.email);
  const objectionFiles = BUILD.routed[objection.name];
  const isObjection = (s) => objectionFiles.includes(s.path);
  await withServer({ config: HTTP_CONFIG, args: NOW_ARGS }, async (server) => {
    await withPage('status-leads-on', async (page) => {
      const context = page.context();
      const seen = recordWorker(context);
      await page.goto(`${server.url}/status`);
      await waitForApp(page);
      await waitControlled(page);
      // The page's own idle ask, answered whole (the catalogue is its last part): nothing of the objection.
      await waitCached(page, BUILD.routed[status.name]);
      await waitCatalogue(page);
      assert.deepEqual((await cached(page)).files.filter((f) => objectionFiles.includes(f)), [], 'a status page showing no request keeps no objection file');
      assert.deepEqual(seen.filter(isObjection), [], 'nor fetches one');
      // A request shown, with the way to object: the objection form is kept, and opens offline.
      await lookUpStatus(page, server.url, request.receipt.number, request.submission.requester.email);
      await page.locator('main#main').getByRole('link', { name: 'Ajukan keberatan' }).waitFor();
      await waitCached(page, objectionFiles);
      report('http, status page with a request', seen);
      await goOffline(context, page);
      await opensOffline(context, `${server.url}${PAGE_OF[objection.name]}`);
      assert.deepEqual(page.pageErrors, [], 'no page errors');
    });
    await withPage('status-save-data', async (page) => {
      const context = page.context();
      await context.addInitScript(SAVE_DATA);
      const seen = recordWorker(context);
      await page.goto(`${server.url}/status`);
      await waitForApp(page);
      await waitControlled(page);
      await waitCached(page, BUILD.routed[status.name]);
      await lookUpStatus(page, server.url, request.receipt.number, request.submission.requester.email);
      await page.locator('main#main').getByRole('link', { name: 'Ajukan keberatan' }).waitFor();
      // This load's own ask comes after registering (3 s) once idle; the page's second ask, if any, with it.
      await waitCached(page, BUILD.routed[status.name]);
      await page.waitForTimeout(3000);
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 1500), { timeout: 10_000 })));
      assert.deepEqual((await cached(page)).files.filter((f) => objectionFiles.includes(f)), [], 'on Save-Data no objection file is kept');
      assert.deepEqual(seen.filter(isObjection), [], 'nor fetched');
      assert.deepEqual(page.pageErrors, [], 'no page errors');
    });
  });
});

test('a request or objection form opened keeps no status page; once it is sent its receipt keeps them, and the status page opens offline', { timeout: 180_000 }, async () => {
  const forms = routed.find((b) => b.name === 'ppid-forms');
  const status = routed.find((b) => b.name === 'ppid-status');
  assert.ok(forms && status, 'the build has a forms and a status bundle');
  assert.ok(!(forms.next ?? []).includes(status.name), 'the forms bundle does not lead to it by itself (bundles.json next)');
  const statusFiles = BUILD.routed[status.name];
  await withServer({ config: HTTP_CONFIG, args: NOW_ARGS }, (server) => withPage('receipt-leads-on', async (page) => {
    const context = page.context();
    const seen = recordWorker(context);
    await page.goto(`${server.url}/permohonan`);
    await waitForApp(page);
    await waitControlled(page);
    // The page's own idle ask, answered whole (the catalogue is its last part): nothing of the status pages.
    await waitCached(page, BUILD.routed[forms.name]);
    await waitCatalogue(page);
    assert.deepEqual((await cached(page)).files.filter((f) => statusFiles.includes(f)), [], 'a form opened keeps no status file');
    assert.deepEqual(seen.filter((s) => statusFiles.includes(s.path)), [], 'nor fetches one');
    // Sent: the receipt says how to follow the request up, and the status pages are kept for it.
    await page.getByRole('button', { name: T.start }).click();
    await answerUntil(page, 'periksa');
    await sendRequest(page);
    await waitCached(page, statusFiles);
    report('http, a request sent', seen);
    await goOffline(context, page);
    await opensOffline(context, `${server.url}${PAGE_OF[status.name]}`);
    assert.deepEqual(page.pageErrors, [], 'no page errors');
  }));
  // The same for an objection: its receipt leads to the dispute route, a bundle of its own.
  const dispute = routed.find((b) => b.name === 'ppid-dispute');
  assert.ok(dispute, 'the build has a dispute bundle');
  const disputeFiles = BUILD.routed[dispute.name];
  const refused = SEED.requests.find((r) => r.receipt.number === 'PPID-2026-000102');
  await withServer({ config: HTTP_CONFIG, args: NOW_ARGS }, (server) => withPage('objection-leads-on', async (page) => {
    const seen = recordWorker(page.context());
    await findRequest(page, server.url, refused);
    await waitControlled(page);
    await waitCached(page, BUILD.routed['ppid-objection']);
    await waitCatalogue(page);
    assert.deepEqual((await cached(page)).files.filter((f) => disputeFiles.includes(f)), [], 'an objection form opened keeps no dispute file');
    await page.locator('#obj-reason-a').check();
    await fillObjection(page, refused.submission.requester, { caseSummary: 'Permohonan ditolak.' });
    await sendObjection(page);
    await waitCached(page, disputeFiles);
    report('http, an objection sent', seen);
    await goOffline(page.context(), page);
    await opensOffline(page.context(), `${server.url}${PAGE_OF[dispute.name]}`);
    assert.deepEqual(page.pageErrors, [], 'no page errors');
  }));
  // An objection the backend could not take waits on this device: its provisional receipt leads to this
  // device's submissions on the status page, which is kept for it; the dispute route is not yet.
  const faulty = [...NOW_ARGS, '--fault', '/v1/objections=status:503'];
  await withServer({ config: HTTP_CONFIG, args: faulty }, (server) => withPage('objection-waits', async (page) => {
    const seen = recordWorker(page.context());
    await findRequest(page, server.url, refused);
    await waitControlled(page);
    await waitCached(page, BUILD.routed['ppid-objection']);
    await waitCatalogue(page);
    await page.locator('#obj-reason-a').check();
    await fillObjection(page, refused.submission.requester, { caseSummary: 'Permohonan ditolak.' });
    await toObjectionCheck(page);
    await page.getByRole('button', { name: OBJECTION.send }).click();
    await page.getByRole('heading', { name: 'Keberatan disimpan, belum terdaftar', level: 1 }).waitFor();
    await waitCached(page, statusFiles);
    report('http, an objection waiting', seen);
    assert.deepEqual((await cached(page)).files.filter((f) => disputeFiles.includes(f)), [], 'no dispute file while it waits');
    assert.deepEqual(page.pageErrors, [], 'no page errors');
  }));
});

test('a kiosk keeps everything at install: the kiosk\'s files, every bundle, the catalogue', { timeout: 120_000 }, async () => {
  await withServer({ config: KIOSK_CONFIG, args: NOW_ARGS }, (server) => withPage('kiosk', async (page) => {
    await page.goto(`${server.url}/`);
    await waitForApp(page);
    await waitControlled(page);
    // Active means installed: nothing waited for the page's idle ask.
    const now = await cached(page);
    const all = [...BUILD.shell, ...Object.values(BUILD.routed).flat(), ...BUILD.later, ...BUILD.kiosk].sort();
    assert.deepEqual(now.files, all, 'the whole build but the demo is kept');
    assert.ok(now.catalogueDone, 'the catalogue is saved');
    assert.ok(BUILD.kiosk.includes('ppid-kiosk.css') && BUILD.kiosk.includes('ppid-kiosk-wipe.js'), 'the kiosk\'s stylesheet and wipe are its files');
  }));
});
