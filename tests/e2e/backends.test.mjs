// The two backend adapters and the portal's behaviour when the backend is not usable.
//
// 1. The demo adapter (reference backend in a Web Worker) and the HTTP adapter (the same reference backend in
//    ppid-server, over real HTTP) must show a citizen exactly the same pages.
// 2. Unreachable, slow, wrong-version and misconfigured backends each give the "service down" page with a
//    reason the citizen can understand, the office's contact from config.json, and a working "Coba lagi".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useServers, withServer, startHttpServer, waitForApp, assertNoAxeViolations, SEED, NOW_ARGS, OFFICE } from './harness.mjs';
import { pageRunner, waitLoaded, waitResults as resultsIn, homeIsUp, assertDownPage, DOWN_TITLE, SAY } from './page.mjs';

const REASON = {
  ...SAY,
  config: 'Portal ini belum diatur dengan benar. Pengelola situs perlu memperbaiki config.json: not valid JSON, or a setting of the wrong type.',
};

const env = useServers({
  /** Default config.json of the build: the demo backend. */
  demo: { args: NOW_ARGS },
  /** config.json says `/api`: the reference backend in ppid-server over HTTP. */
  http: { config: { api_base: '/api', timeout_ms: 15000, office: OFFICE }, args: NOW_ARGS },
});
const withPage = pageRunner('backends', env, { demoClock: true });

/** Waits until the catalogue's results have arrived, and the unit filter's choices (they come with /v1/units, maybe later). */
async function waitResults(page) {
  await resultsIn(page);
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

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

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
  await withPage(
    'same-answers',
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
        const a = await seen(demo, env.demo, entry);
        const b = await seen(viaHttp, env.http, entry);
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
    { pages: 2, tolerated },
  );
});

test('an unreachable backend gives the service-down page with the office contact', { timeout: 60_000 }, async () => {
  await withServer({ config: { api_base: 'http://127.0.0.1:9/api', timeout_ms: 3000, office: OFFICE } }, async (server) => {
    await withPage('unreachable', async (page) => {
      await page.goto(`${server.url}/informasi`);
      await assertDownPage(page, REASON.unreachable, { label: 'backend unreachable' });
      assert.equal(new URL(page.url()).pathname, '/informasi', 'the address stays as the citizen typed it');
    }, { tolerated: (e) => e.includes('127.0.0.1:9/') });
  });
});

test('a backend that never answers gives the timeout sentence within about 5 s', { timeout: 60_000 }, async () => {
  // Accepts the connection and then says nothing.
  const hanging = await startHttpServer(() => {});
  try {
    await withServer({ config: { api_base: `${hanging.url}/api`, timeout_ms: 1500, office: OFFICE } }, async (server) => {
      await withPage('timeout', async (page) => {
        const t0 = Date.now();
        await page.goto(`${server.url}/`);
        await page.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.trim() === t, DOWN_TITLE, { timeout: 5000 });
        const elapsed = Date.now() - t0;
        assert.ok(elapsed >= 1400, `the portal waited for the configured 1500 ms (${elapsed} ms)`);
        assert.match(await page.locator('main#main .down-reason').innerText(), /terlalu lama menjawab/);
        await assertDownPage(page, REASON.timeout, { label: 'backend timeout' });
      }, { tolerated: (e) => e.includes(hanging.url) });
    });
  } finally {
    await hanging.stop();
  }
});

test('a backend of another major contract version gives the version sentence', { timeout: 60_000 }, async () => {
  const meta = { ...SEED.meta, contract_version: '2.0.0' };
  const v2 = await startHttpServer((req, res) => {
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
  try {
    await withServer({ config: { api_base: `${v2.url}/api`, timeout_ms: 3000, office: OFFICE } }, async (server) => {
      await withPage('version', async (page) => {
        await page.goto(`${server.url}/`);
        await waitForApp(page);
        assert.match(await page.locator('main#main .down-reason').innerText(), /versi layanan yang belum didukung/);
        await assertDownPage(page, REASON.version, { label: 'unsupported version' });
        assert.equal(await page.locator('nav').count(), 0, 'no menu into pages that cannot work');
      });
    });
  } finally {
    await v2.stop();
  }
});

test('a broken config.json gives the config sentence, not a silent demo', { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-e2e-config-'));
  const file = path.join(dir, 'config.json');
  fs.writeFileSync(file, '{ "api_base": "/api", "timeout_ms": 3000, ');
  try {
    await withServer({ config: file }, async (server) => {
      await withPage('broken-config', async (page) => {
        await page.goto(`${server.url}/`);
        await waitForApp(page);
        assert.match(await page.locator('main#main .down-reason').innerText(), /config\.json/);
        await assertDownPage(page, REASON.config, { office: null, label: 'broken config.json' });
        assert.equal(await page.locator('.demo-notice').count(), 0, 'the demo does not run instead');
      });
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A backend that answers 503 until `state.healthy` is set, then passes everything to the reference
 * backend over HTTP (env.http): a CORS proxy.
 */
async function startFlaky() {
  const state = { healthy: false };
  const flaky = await startHttpServer(async (req, res) => {
    if (req.method === 'OPTIONS') return res.writeHead(204, CORS).end();
    if (!state.healthy) {
      return res.writeHead(503, { ...CORS, 'Content-Type': 'application/problem+json' }).end(
        JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503, code: 'unavailable' }),
      );
    }
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const upstream = await fetch(`${env.http.url}${req.url}`, {
      method: req.method,
      headers: { accept: req.headers.accept ?? '*/*', ...(req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {}) },
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(upstream.status, { ...CORS, 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  return { ...flaky, state };
}

/** The 503 answers of a flaky backend at `url`, which the browser logs as failed resources. */
const failed503 = (url) => (e) => e.includes(url) && /status of 503/.test(e);

test('"Coba lagi" brings the portal up once the backend is back', { timeout: 60_000 }, async () => {
  const flaky = await startFlaky();
  try {
    await withServer({ config: { api_base: `${flaky.url}/api`, timeout_ms: 3000, office: OFFICE } }, async (server) => {
      await withPage('retry', async (page) => {
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
      }, { tolerated: failed503(flaky.url) });
    });
  } finally {
    await flaky.stop();
  }
});

test('back online, the service-down page tries again by itself; a kiosk tries again on its own every 15 seconds', { timeout: 90_000 }, async () => {
  const flaky = await startFlaky();
  const config = { api_base: `${flaky.url}/api`, timeout_ms: 3000, office: OFFICE };
  try {
    await withServer({ config }, (citizen) => withServer({ config: { ...config, kiosk: true } }, async (kiosk) => {
      await withPage('retry-by-itself', async (page, counter) => {
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
      }, { pages: 2, tolerated: failed503(flaky.url) });
    }));
  } finally {
    await flaky.stop();
  }
});
