// The two backend adapters and the portal's behaviour when the backend is not usable.
//
// 1. The demo adapter (reference backend in a Web Worker) and the HTTP adapter (the same reference backend in
//    ppid-server, over real HTTP) must show a citizen exactly the same pages.
// 2. Unreachable, slow, wrong-version and misconfigured backends each give the "service down" page with a
//    reason the citizen can understand, the office's contact from config.json, and a working "Coba lagi".

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT,
  DIST,
  startServer,
  launchBrowser,
  newPage,
  waitForApp,
  assertNoAxeViolations,
  saveArtifacts,
  SEED, DEMO_NOW_MS, pinDemoClock,
} from './harness.mjs';

const NOW_MS = DEMO_NOW_MS;

const OFFICE = JSON.parse(fs.readFileSync(path.join(ROOT, 'public', 'config.json'), 'utf8')).office;

const DOWN_TITLE = 'Layanan daring sedang tidak dapat digunakan';
const REASON = {
  unreachable: 'Server kami tidak dapat dihubungi saat ini.',
  server: 'Server kami sedang mengalami gangguan.',
  timeout: 'Server kami terlalu lama menjawab. Coba lagi beberapa saat lagi.',
  version: 'Server kami memakai versi layanan yang belum didukung portal ini. Pengelola situs perlu memperbarui portal.',
  config: 'Portal ini belum diatur dengan benar. Pengelola situs perlu memperbaiki config.json: not valid JSON, or a setting of the wrong type.',
};

let browser;
/** Default config.json of the build: the demo backend. */
let demoServer;
/** config.json says `/api`: the reference backend in ppid-server over HTTP. */
let httpServer;

before(async () => {
  [demoServer, httpServer, browser] = await Promise.all([
    startServer({ args: ['--now', String(NOW_MS)] }),
    startServer({ config: { api_base: '/api', timeout_ms: 15000, office: OFFICE }, args: ['--now', String(NOW_MS)] }),
    launchBrowser(),
  ]);
});
after(async () => {
  await browser?.close();
  await demoServer?.stop();
  await httpServer?.stop();
});

/**
 * Runs `fn` with fresh pages; saves their artifacts on failure and then asserts that the only console errors
 * are those `tolerated` accepts (e.g. the failed fetch to a backend that is down on purpose).
 */
async function withPages(name, count, fn, tolerated = () => false) {
  const pages = [];
  for (let i = 0; i < count; i++) {
    const page = await newPage(browser);
    await pinDemoClock(page);
    pages.push(page);
  }
  try {
    await fn(...pages);
    for (const page of pages) {
      assert.deepEqual(page.consoleErrors.filter((e) => !tolerated(e)), [], 'no console or page errors');
    }
  } catch (e) {
    for (const [i, page] of pages.entries()) await saveArtifacts(page, `backends-${name}${count > 1 ? `-${i}` : ''}`);
    throw e;
  } finally {
    for (const page of pages) await page.context().close();
  }
}

/** Waits until main has its h1 and no loading line. */
async function waitLoaded(page, timeout = 15000) {
  await waitForApp(page, 'main#main h1', { timeout });
  await page.waitForSelector('main#main .loading', { state: 'detached', timeout });
}

/** Waits until the catalogue's result count has text (the results have arrived). */
async function waitResults(page) {
  await page.waitForFunction(() => document.querySelector('main#main .result-count')?.textContent.trim(), null, { timeout: 10000 });
  // The unit filter's choices come with /v1/units, which may answer after the results.
  await page.waitForFunction(() => document.querySelectorAll('#filter-unit option').length > 1, null, { timeout: 10000 });
}

/**
 * Waits until main's text has stopped changing (two reads 300 ms apart agree), so that parts which arrive
 * late (a script loaded on demand, a second API answer) are compared once both pages have them.
 */
async function settled(page, timeout = 10000) {
  const read = () => page.locator('main#main').innerText();
  const end = Date.now() + timeout;
  let before = await read();
  for (;;) {
    await page.waitForTimeout(300);
    const now = await read();
    if (now === before || Date.now() > end) return;
    before = now;
  }
}

/** A tiny HTTP server on 127.0.0.1 with `handler`; `close()` also ends connections left hanging. */
async function startTinyServer(handler) {
  const sockets = new Set();
  const server = http.createServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

/** Checks the "service down" page: h1, reason, retry, office contact, title and axe. */
async function assertDownPage(page, reason, { office = OFFICE, label }) {
  await waitForApp(page, 'main#main h1');
  const main = page.locator('main#main');
  assert.equal(await main.locator('h1').innerText(), DOWN_TITLE);
  assert.equal((await main.locator('.down-reason').innerText()).trim(), reason, 'the reason, in plain words');
  assert.ok(await main.getByRole('button', { name: 'Coba lagi', exact: true }).isVisible(), 'a "Coba lagi" button');
  const title = await page.title();
  assert.ok(title.startsWith('Galat: '), `document title "${title}" starts with "Galat: "`);
  if (office) {
    const text = await main.innerText();
    assert.ok(text.includes(office.name), 'the office name');
    assert.ok(text.includes(office.address), 'the office address');
    assert.ok(text.includes(office.hours), 'the office hours');
    assert.equal(await main.locator(`a[href="tel:${office.phone.replace(/[^\d+]/g, '')}"]`).innerText(), office.phone, 'a tel: link');
    assert.equal(await main.locator(`a[href="mailto:${office.email}"]`).innerText(), office.email, 'a mailto: link');
  }
  await assertNoAxeViolations(page, label);
}

/** Where two texts (or lists of texts) first differ, as "line N: demo «…» vs HTTP «…»"; null when equal. */
function firstDifference(demo, viaHttp) {
  const lines = (v) => (Array.isArray(v) ? v.join('\n---\n') : String(v)).split('\n');
  const [a, b] = [lines(demo), lines(viaHttp)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: demo «${a[i] ?? '(nothing)'}» vs HTTP «${b[i] ?? '(nothing)'}»`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------

test('the demo and HTTP adapters show the same pages', { timeout: 90_000 }, async () => {
  const withFiles = SEED.catalogue.find((i) => i.files.length > 0);
  const excepted = SEED.catalogue.find((i) => i.class === 'dikecualikan');
  const request = SEED.requests[0];
  /** [label, path, what to wait for once loaded, optional interaction] */
  const pages = [
    ['home', '/', async (p) => p.waitForFunction(() => document.querySelectorAll('.class-card .count').length === 4)],
    ['catalogue', '/informasi', waitResults],
    ['catalogue berkala', '/informasi?class=berkala', waitResults],
    ['catalogue page 2', '/informasi?page=2', waitResults],
    ['item with files', `/informasi/${encodeURIComponent(withFiles.id)}`, (p) => p.waitForSelector('ul.files li')],
    ['excepted item', `/informasi/${encodeURIComponent(excepted.id)}`, (p) => p.waitForSelector('.exemption')],
    ['unknown item', '/informasi/tidak-ada-99', (p) => p.waitForSelector('main#main h1')],
    ['about', '/tentang', (p) => p.waitForSelector('main#main h1')],
    ['request', '/permohonan', (p) => p.waitForSelector('main#main h1')],
    ['objection', '/keberatan', (p) => p.waitForSelector('main#main h1')],
    [
      'status lookup',
      '/status',
      async (p) => {
        await p.getByLabel('Nomor registrasi').fill(request.receipt.number);
        await p.getByLabel('Surel atau 4 angka terakhir nomor telepon').fill(request.submission.requester.email);
        await p.locator('main#main').getByRole('button', { name: 'Cek status' }).click();
        await p.waitForSelector('#status-heading');
        // The clock and the objection reasons come with the calendar, a moment later.
        await p.waitForSelector('.reasons-now');
        // The calendar-file link comes once the receipt script has loaded, which may be later still.
        await p.waitForSelector('main#main a[download$=".ics"]');
      },
    ],
    [
      // The receipt's link (contract 1.4.0): the access token opens the same status on both.
      "status by the receipt's link",
      `/status?nomor=${request.receipt.number}#akses=${request.receipt.access_token}`,
      async (p) => {
        await p.waitForSelector('#status-heading');
        await p.waitForSelector('.reasons-now');
        await p.waitForSelector('main#main a[download$=".ics"]');
      },
    ],
  ];
  // The unknown item is a 404 from /api: the browser logs the failed resource in HTTP mode.
  const tolerated = (e) => /status of 404/.test(e) && e.includes('/api/v1/catalogue/tidak-ada-99');
  await withPages(
    'same-answers',
    2,
    async (demo, viaHttp) => {
      const seen = async (page, server, [, url, ready]) => {
        await page.goto(`${server.url}${url}`);
        await waitLoaded(page);
        await ready(page);
        await page.waitForSelector('section.announcement');
        await settled(page);
        return {
          title: await page.title(),
          main: await page.locator('main#main').innerText(),
          announcements: await page.locator('section.announcement').allInnerTexts(),
          header: await page.locator('header .brand').innerText(),
          footer: await page.locator('footer').innerText(),
        };
      };
      const differences = [];
      for (const entry of pages) {
        const a = await seen(demo, demoServer, entry);
        const b = await seen(viaHttp, httpServer, entry);
        assert.ok(a.main.trim().length > 0, `${entry[0]}: main has text`);
        for (const field of Object.keys(a)) {
          const d = firstDifference(a[field], b[field]);
          if (d) differences.push(`${entry[0]} (${entry[1]}), ${field}: ${d}`);
        }
        if (entry[0] === 'home') {
          assert.equal(await demo.locator('.demo-notice').count(), 1, 'demo mode says it is a demo');
          assert.match(await demo.locator('.demo-notice').innerText(), /^Mode demo:/);
          assert.equal(await viaHttp.locator('.demo-notice').count(), 0, 'HTTP mode shows no demo notice');
        }
      }
      assert.deepEqual(differences, [], 'every page reads the same with both adapters');
      // The HTTP page really used the HTTP backend (and the demo page did not).
      assert.equal(await viaHttp.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/api/v1/'))), true);
      assert.equal(await demo.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/api/v1/'))), false);
    },
    tolerated,
  );
});

test('an unreachable backend gives the service-down page with the office contact', { timeout: 60_000 }, async () => {
  const server = await startServer({ config: { api_base: 'http://127.0.0.1:9/api', timeout_ms: 3000, office: OFFICE } });
  try {
    await withPages(
      'unreachable',
      1,
      async (page) => {
        await page.goto(`${server.url}/informasi`);
        await assertDownPage(page, REASON.unreachable, { label: 'backend unreachable' });
        assert.equal(new URL(page.url()).pathname, '/informasi', 'the address stays as the citizen typed it');
      },
      (e) => e.includes('127.0.0.1:9/'),
    );
  } finally {
    await server.stop();
  }
});

test('a backend that never answers gives the timeout sentence within about 5 s', { timeout: 60_000 }, async () => {
  // Accepts the connection and then says nothing.
  const hanging = await startTinyServer(() => {});
  const server = await startServer({ config: { api_base: `${hanging.url}/api`, timeout_ms: 1500, office: OFFICE } });
  try {
    await withPages(
      'timeout',
      1,
      async (page) => {
        const t0 = Date.now();
        await page.goto(`${server.url}/`);
        await page.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.trim() === t, DOWN_TITLE, { timeout: 5000 });
        const elapsed = Date.now() - t0;
        assert.ok(elapsed >= 1400, `the portal waited for the configured 1500 ms (${elapsed} ms)`);
        assert.match(await page.locator('main#main .down-reason').innerText(), /terlalu lama menjawab/);
        await assertDownPage(page, REASON.timeout, { label: 'backend timeout' });
      },
      (e) => e.includes(hanging.url),
    );
  } finally {
    await server.stop();
    await hanging.close();
  }
});

test('a backend of another major contract version gives the version sentence', { timeout: 60_000 }, async () => {
  const meta = { ...SEED.meta, contract_version: '2.0.0' };
  const v2 = await startTinyServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
    } else if (req.method === 'GET' && req.url === '/api/v1/meta') {
      res.writeHead(200, { ...CORS, 'Content-Type': 'application/json' }).end(JSON.stringify(meta));
    } else if (req.method === 'GET' && req.url === '/api/v1/announcements') {
      // The portal asks for announcements at start-up, in parallel with meta (the version check).
      res.writeHead(200, { ...CORS, 'Content-Type': 'application/json' }).end('{"announcements":[]}');
    } else {
      res.writeHead(404, { ...CORS, 'Content-Type': 'application/problem+json' }).end(
        JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' }),
      );
    }
  });
  const server = await startServer({ config: { api_base: `${v2.url}/api`, timeout_ms: 3000, office: OFFICE } });
  try {
    await withPages('version', 1, async (page) => {
      await page.goto(`${server.url}/`);
      await waitForApp(page);
      assert.match(await page.locator('main#main .down-reason').innerText(), /versi layanan yang belum didukung/);
      await assertDownPage(page, REASON.version, { label: 'unsupported version' });
      assert.equal(await page.locator('nav').count(), 0, 'no menu into pages that cannot work');
    });
  } finally {
    await server.stop();
    await v2.close();
  }
});

test('a broken config.json gives the config sentence, not a silent demo', { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-e2e-config-'));
  const file = path.join(dir, 'config.json');
  fs.writeFileSync(file, '{ "api_base": "/api", "timeout_ms": 3000, ');
  const server = await startServer({ config: file });
  try {
    await withPages('broken-config', 1, async (page) => {
      await page.goto(`${server.url}/`);
      await waitForApp(page);
      assert.match(await page.locator('main#main .down-reason').innerText(), /config\.json/);
      await assertDownPage(page, REASON.config, { office: null, label: 'broken config.json' });
      assert.equal(await page.locator('.demo-notice').count(), 0, 'the demo does not run instead');
    });
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A backend that answers 503 until `state.healthy` is set, then passes everything to the reference
 * backend of httpServer (a CORS proxy).
 */
async function startFlaky() {
  const state = { healthy: false };
  const flaky = await startTinyServer(async (req, res) => {
    if (req.method === 'OPTIONS') return res.writeHead(204, CORS).end();
    if (!state.healthy) {
      return res.writeHead(503, { ...CORS, 'Content-Type': 'application/problem+json' }).end(
        JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503, code: 'unavailable' }),
      );
    }
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const upstream = await fetch(`${httpServer.url}${req.url}`, {
      method: req.method,
      headers: { accept: req.headers.accept ?? '*/*', ...(req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {}) },
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(upstream.status, { ...CORS, 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  return { state, url: flaky.url, close: () => flaky.close() };
}

const HOME_TITLE = 'Informasi publik untuk semua warga';
/** Waits until the portal's home page is up (after the service-down page). */
async function homeIsUp(page, timeout = 10000) {
  await page.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.trim() === t, HOME_TITLE, { timeout });
  await page.waitForFunction(() => document.querySelectorAll('.class-card .count').length === 4, null, { timeout: 10000 });
}

test('"Coba lagi" brings the portal up once the backend is back', { timeout: 60_000 }, async () => {
  const flaky = await startFlaky();
  const server = await startServer({ config: { api_base: `${flaky.url}/api`, timeout_ms: 3000, office: OFFICE } });
  try {
    await withPages(
      'retry',
      1,
      async (page) => {
        await page.goto(`${server.url}/`);
        await assertDownPage(page, REASON.server, { label: 'backend 503' });
        assert.equal(await page.locator('.down-retrying').count(), 0, 'online, a citizen is not promised a retry by itself');

        flaky.state.healthy = true;
        await page.locator('main#main').getByRole('button', { name: 'Coba lagi', exact: true }).click();
        await homeIsUp(page);
        assert.equal(await page.locator('header .brand-name').innerText(), SEED.meta.public_body.name, 'the header names the public body');
        assert.ok(!(await page.title()).startsWith('Galat: '), 'the title no longer says Galat');
        assert.equal(await page.locator('.demo-notice').count(), 0, 'still the HTTP backend, not the demo');
        await assertNoAxeViolations(page, 'home after retry');
      },
      // The 503 answer is logged by the browser as a failed resource.
      (e) => e.includes(flaky.url) && /status of 503/.test(e),
    );
  } finally {
    await server.stop();
    await flaky.close();
  }
});

test('back online, the service-down page tries again by itself; a kiosk tries again on its own every 15 seconds', { timeout: 90_000 }, async () => {
  const flaky = await startFlaky();
  const citizen = await startServer({ config: { api_base: `${flaky.url}/api`, timeout_ms: 3000, office: OFFICE } });
  const kiosk = await startServer({ config: { api_base: `${flaky.url}/api`, timeout_ms: 3000, office: OFFICE, kiosk: true } });
  try {
    await withPages(
      'retry-by-itself',
      2,
      async (page, counter) => {
        await page.goto(`${citizen.url}/`);
        await assertDownPage(page, REASON.server, { label: 'backend 503, citizen' });
        await counter.goto(`${kiosk.url}/`);
        await assertDownPage(counter, REASON.server, { label: 'backend 503, kiosk' });
        assert.equal(
          (await counter.locator('.down-retrying').innerText()).trim(),
          'Layar ini mencoba lagi dengan sendirinya setiap 15 detik.',
          'the kiosk says it tries again by itself',
        );
        assert.equal(await counter.evaluate(() => document.documentElement.classList.contains('kiosk')), true, 'in the touch layout');
        const retry = await counter.locator('main#main').getByRole('button', { name: 'Coba lagi', exact: true }).boundingBox();
        assert.ok(retry.height >= 48, `"Coba lagi" is a 48 px touch target (${retry.height} px)`);
        const asked = Date.now();
        flaky.state.healthy = true;
        // The browser says it is back online: the citizen's page tries again without a click.
        await page.evaluate(() => window.dispatchEvent(new Event('online')));
        await homeIsUp(page);
        // Nobody touches the kiosk: it comes back within its 15 seconds.
        await homeIsUp(counter, 20000);
        const waited = (Date.now() - asked) / 1000;
        console.log(`kiosk back by itself after ${waited.toFixed(1)} s`);
        await counter.locator('#kiosk-bar button:not([hidden])').first().waitFor();
        await assertNoAxeViolations(counter, 'kiosk home after its own retry');
      },
      (e) => e.includes(flaky.url) && /status of 503/.test(e),
    );
  } finally {
    await citizen.stop();
    await kiosk.stop();
    await flaky.close();
  }
});
