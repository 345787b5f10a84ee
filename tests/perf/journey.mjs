#!/usr/bin/env node
// Data budget of a citizen's visit: the bytes a phone receives, counted on the wire, for four scenarios of
// the release build served by ppid-server (compressed as the server compresses, under the strict CSP) with
// the portal on the server's own HTTP API (config.json `"api_base": "/api"`): a regency with its own backend,
// not the demo.
//
//   home          open `/`, until its h1 is visible and the network has been quiet for 2 s
//   journey       `/` -> the header's link to the information list -> its link to the request form -> its
//                 link to the status page, clicked as a citizen would, each page waited for the same way
//   journey-brotli  the same journey in a Chromium that does not offer compression dictionaries (as a
//                 browser without them, or any page behind a server or CDN that does not send the build's
//                 `dcb/` copies, gets it): every bundle as its brotli copy
//   first-minute  open `/` and stay 60 s: the service worker installs and downloads the build meanwhile
//   repeat        in the first minute's browser, open `/` again: the bytes of everything but the API, which
//                 are only update checks' headers (no file of the app may come again: any answer but a 304
//                 or a HEAD's fails); the API's bytes are printed
//
// Bytes are counted by a TCP proxy between Chromium and the server: every byte the server sends, status
// lines and headers included, whoever asked (the page, its service worker, the browser's update check of
// sw.js). The proxy also reads the HTTP/1.1 framing of what passes (Content-Length or chunked), so each
// response's bytes are known per URL and the network counts as quiet only when no request is waiting for
// its answer and no byte has passed for 2 s. Each scenario runs in a fresh browser context (cold cache, no
// service worker) with a phone's screen and user agent (the Moto G Power Lighthouse emulates) and
// Lighthouse's mobile connection figures (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; no Save-Data).
//
// Budgets and goals: tests/perf/budgets.json (bytes). A scenario fails when its figure is over its budget;
// its goal is printed beside it.
//
// usage: node --test-reporter=tap tests/perf/journey.mjs   (after `trunk build --release` and
//        `cargo build --release -p ppid-server`)
// env:   PPID_DIST, PPID_SERVER_BIN, CHROMIUM_PATH (see e2e/harness.mjs); PPID_FRONT=nginx measures the
//        same visits through deploy/nginx.conf as shipped, a regency's server (tests/e2e/nginx-front.mjs)

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test, before, after } from 'node:test';
import { ROOT, DIST, NOW_ARGS, CHROMIUM_ARGS, FRONT, startServer, launchBrowser } from '../e2e/harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ALL_BUDGETS = JSON.parse(fs.readFileSync(path.join(HERE, 'budgets.json'), 'utf8'));
/**
 * Each scenario's goal and budget; through deploy/nginx.conf (PPID_FRONT=nginx), its `budget_nginx` where
 * it has one: nginx's own headers (Last-Modified, Connection, a longer Server) cost bytes on every answer.
 */
const BUDGETS = Object.fromEntries(
  Object.entries(ALL_BUDGETS)
    .filter(([, b]) => typeof b === 'object')
    .map(([name, b]) => [name, { ...b, budget: (FRONT && b.budget_nginx) || b.budget }]),
);

/** The portal's config: the server's own API, with the office contact of public/config.json. */
const CONFIG = { ...JSON.parse(fs.readFileSync(path.join(ROOT, 'public', 'config.json'), 'utf8')), api_base: '/api' };

const QUIET_MS = 2000;
const FIRST_MINUTE_MS = 60_000;
const PAGE_TIMEOUT_MS = 60_000;
const H1 = 'main#main h1';

/** The phone Lighthouse 12 emulates on its mobile preset (Moto G Power 2022). */
const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36',
};
/** Lighthouse's mobile connection (its "slow 4G" figures), as DevTools throttling of the page's requests. */
const CONNECTION = { offline: false, latency: 150, downloadThroughput: (1600 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

// ------------------------------------------------------------------ the counting proxy

/**
 * One HTTP/1.1 message stream (one direction of one connection), split into messages. `onHead(head)` is
 * called with each message's start line and headers and returns how its body is framed: a length,
 * 'chunked', 'close' (until the connection ends) or 0; `onBytes(n)` counts the bytes of the current message
 * (head and body), `onEnd()` closes it. Bytes the framing cannot place are reported with no message open.
 */
function messageStream({ onHead, onBytes, onEnd }) {
  let buf = Buffer.alloc(0);
  let state = 'head';
  let left = 0;
  const take = (n) => {
    onBytes(n);
    buf = buf.subarray(n);
  };
  const end = () => {
    onEnd();
    state = 'head';
  };
  return (data) => {
    buf = buf.length ? Buffer.concat([buf, data]) : data;
    for (;;) {
      if (state === 'head') {
        const i = buf.indexOf('\r\n\r\n');
        if (i < 0) return;
        const framing = onHead(buf.subarray(0, i).toString('latin1'));
        take(i + 4);
        if (framing === 'chunked') state = 'size';
        else if (framing === 'close') state = 'close';
        else if (framing > 0) [state, left] = ['body', framing];
        else end();
      } else if (state === 'body' || state === 'chunk') {
        if (!buf.length) return;
        const n = Math.min(left, buf.length);
        take(n);
        left -= n;
        if (left > 0) return;
        if (state === 'body') end();
        else [state, left] = ['chunk-end', 2];
      } else if (state === 'chunk-end') {
        if (buf.length < left) return;
        take(left);
        state = 'size';
      } else if (state === 'size' || state === 'trailer') {
        const i = buf.indexOf('\r\n');
        if (i < 0) return;
        const line = buf.subarray(0, i).toString('latin1');
        take(i + 2);
        if (state === 'trailer') {
          if (line === '') end();
        } else {
          left = parseInt(line.split(';')[0], 16);
          if (left === 0) state = 'trailer';
          else state = 'chunk';
        }
      } else {
        if (buf.length) take(buf.length);
        return;
      }
    }
  };
}

const header = (head, name) => head.match(new RegExp(`^${name}:\\s*(.*?)\\s*$`, 'im'))?.[1];

/**
 * A TCP proxy to `target` (host:port) counting every byte the server sends. `responses` lists each
 * response ({ method, path, status, encoding, bytes, at }) in the order they began; `sent` is the total
 * of the server's bytes, `pending` the requests still waiting for (the end of) their answers, `lastByteAt`
 * when a byte last passed either way.
 */
async function startCountingProxy(targetPort) {
  const meter = { sent: 0, responses: [], pending: 0, lastByteAt: Date.now(), unplaced: 0 };
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    /** The requests of this connection still waiting for their answers, oldest first. */
    const asked = [];
    let current;
    const readRequest = messageStream({
      onHead(head) {
        const [method, target] = head.split('\r\n')[0].split(' ');
        asked.push({ method, path: target });
        meter.pending += 1;
        const length = Number(header(head, 'content-length') ?? 0);
        return /chunked/i.test(header(head, 'transfer-encoding') ?? '') ? 'chunked' : length;
      },
      onBytes() {},
      onEnd() {},
    });
    const readResponse = messageStream({
      onHead(head) {
        const status = Number(head.split(' ')[1]);
        // An interim answer (100 Continue) is not the request's answer.
        const request = status >= 200 ? asked.shift() ?? { method: '?', path: '(unasked)' } : { method: '', path: '(interim)' };
        current = { ...request, status, encoding: header(head, 'content-encoding') ?? '', bytes: 0, at: Date.now() };
        meter.responses.push(current);
        if (request.method === 'HEAD' || status < 200 || status === 204 || status === 304) return 0;
        if (/chunked/i.test(header(head, 'transfer-encoding') ?? '')) return 'chunked';
        const length = header(head, 'content-length');
        return length === undefined ? 'close' : Number(length);
      },
      onBytes(n) {
        if (current) current.bytes += n;
        else meter.unplaced += n;
      },
      onEnd() {
        if (current && current.status >= 200) meter.pending -= 1;
        current = undefined;
      },
    });
    client.on('data', (d) => {
      meter.lastByteAt = Date.now();
      readRequest(d);
      upstream.write(d);
    });
    upstream.on('data', (d) => {
      meter.lastByteAt = Date.now();
      meter.sent += d.length;
      readResponse(d);
      client.write(d);
    });
    const close = () => {
      // A response that ends with its connection is complete; requests never answered are not waited for.
      if (current && current.status >= 200) meter.pending -= 1;
      current = undefined;
      meter.pending -= asked.length;
      asked.length = 0;
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', () => {});
    upstream.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    meter,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What the server has sent since `mark()`: the total and the responses that began since. */
function since(meter, mark) {
  return {
    bytes: meter.sent - mark.sent,
    // Copies: a response still under way keeps counting in the meter, not in a figure already taken.
    responses: meter.responses.slice(mark.responses).map((r) => ({ ...r })),
  };
}
const mark = (meter) => ({ sent: meter.sent, responses: meter.responses.length });

/** Waits until no request waits for an answer and no byte has passed for QUIET_MS. */
async function networkQuiet(meter, { timeout = PAGE_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (meter.pending <= 0 && Date.now() - meter.lastByteAt >= QUIET_MS) return;
    if (Date.now() > deadline) throw new Error(`the network was not quiet for ${QUIET_MS} ms within ${timeout} ms (${meter.pending} request(s) waiting)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ------------------------------------------------------------------ scenarios

let server;
let proxy;
let browser;
/** A Chromium that offers no compression dictionary (no `dcb` in Accept-Encoding). */
let brotliBrowser;
/** results[name] = { bytes, responses, steps?, apiBytes?, notes? } or { error } */
const results = {};

const isApi = (p) => /^\/api\//.test(p);
const isDemo = (p) => /\/(demo-backend[^/?]*|seed\.json)(\?|$)/.test(p);

async function newPhonePage(b = browser) {
  const context = await b.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', CONNECTION);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

/** Waits until the page at `pathname` shows its h1, then for the network's quiet; gives when the h1 showed. */
async function settled(page, pathname) {
  await page.waitForURL((u) => u.pathname === pathname, { timeout: PAGE_TIMEOUT_MS });
  await page.locator(H1).first().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  const shown = Date.now();
  await networkQuiet(proxy.meter);
  return shown;
}

/** Clicks the link to `href` inside `scope`, waits for the page it opens to settle; gives ms to its h1. */
async function follow(page, scope, href) {
  const clicked = Date.now();
  const before = (await page.locator(H1).first().textContent()) ?? '';
  await page.locator(`${scope} a[href="${href}"]`).first().click();
  await page.waitForURL((u) => u.pathname === href, { timeout: PAGE_TIMEOUT_MS });
  // The same bundle routes in the page: the new page has rendered once its heading is not the old one
  // (a locator, so a page load on the way to another bundle is waited through).
  const same = new RegExp(`^${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page.locator(H1, { hasNotText: same }).first().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  return (await settled(page, href)) - clicked;
}

async function home() {
  const page = await newPhonePage();
  try {
    const m = mark(proxy.meter);
    const started = Date.now();
    await page.goto(`${proxy.url}/`, { timeout: PAGE_TIMEOUT_MS });
    const ms = (await settled(page, '/')) - started;
    return { ...since(proxy.meter, m), errors: page.errors, notes: [`h1 shown after ${ms} ms`] };
  } finally {
    await page.context().close();
  }
}

async function journey(b = browser) {
  const page = await newPhonePage(b);
  try {
    const start = mark(proxy.meter);
    const steps = [];
    let m = start;
    const step = (name, ms) => {
      steps.push({ name, ms, ...since(proxy.meter, m) });
      m = mark(proxy.meter);
    };
    const started = Date.now();
    await page.goto(`${proxy.url}/`, { timeout: PAGE_TIMEOUT_MS });
    step('/', (await settled(page, '/')) - started);
    for (const href of ['/informasi', '/permohonan', '/status']) step(href, await follow(page, 'header nav', href));
    return { ...since(proxy.meter, start), steps, errors: page.errors };
  } finally {
    await page.context().close();
  }
}

/** The first minute, then the repeat visit in the same browser context. */
async function firstMinuteAndRepeat() {
  const page = await newPhonePage();
  try {
    const m = mark(proxy.meter);
    const started = Date.now();
    await page.goto(`${proxy.url}/`, { timeout: PAGE_TIMEOUT_MS });
    await page.locator(H1).first().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
    await new Promise((r) => setTimeout(r, Math.max(0, started + FIRST_MINUTE_MS - Date.now())));
    const first = since(proxy.meter, m);
    const worker = await page.evaluate(async () => {
      const r = await navigator.serviceWorker?.getRegistration();
      return r ? (r.active ? 'active' : r.waiting ? 'waiting' : r.installing ? 'installing' : 'none') : 'not registered';
    });
    results['first-minute'] = { ...first, errors: page.errors, notes: [`service worker at 60 s: ${worker}`] };
    // Whatever is still under way finishes before the repeat visit is counted.
    await networkQuiet(proxy.meter);
    const r = mark(proxy.meter);
    await page.goto(`${proxy.url}/`, { timeout: PAGE_TIMEOUT_MS });
    await settled(page, '/');
    const repeat = since(proxy.meter, r);
    const app = repeat.responses.filter((x) => !isApi(x.path));
    results.repeat = {
      bytes: app.reduce((s, x) => s + x.bytes, 0),
      apiBytes: repeat.responses.filter((x) => isApi(x.path)).reduce((s, x) => s + x.bytes, 0),
      allBytes: repeat.bytes,
      responses: repeat.responses,
      errors: page.errors,
    };
  } finally {
    await page.context().close();
  }
}

// ------------------------------------------------------------------ report

const fmt = (n) => n.toLocaleString('en-US');

/** The responses grouped by method and path, most bytes first. */
function breakdown(responses, indent = '  ') {
  const byPath = new Map();
  for (const r of responses) {
    const key = `${r.method} ${r.path}`;
    const e = byPath.get(key) ?? { key, bytes: 0, n: 0, statuses: new Set(), encodings: new Set() };
    e.bytes += r.bytes;
    e.n += 1;
    e.statuses.add(r.status);
    if (r.encoding) e.encodings.add(r.encoding);
    byPath.set(key, e);
  }
  return [...byPath.values()]
    .sort((a, b) => b.bytes - a.bytes)
    .map(
      (e) =>
        `${indent}${String(fmt(e.bytes)).padStart(9)} B  ${e.key}  [${[...e.statuses].join(',')}${e.encodings.size ? ` ${[...e.encodings].join(',')}` : ''}]${e.n > 1 ? ` x${e.n}` : ''}`,
    )
    .join('\n');
}

const SCENARIOS = ['home', 'journey', 'journey-brotli', 'first-minute', 'repeat'];

const figureLine = (name, bytes) => {
  const b = BUDGETS[name];
  // Plain numbers: a figure line is meant to be read by scripts as well as people.
  return `journey: ${name}: ${bytes} B (budget ${b.budget}, goal ${b.goal})${bytes > b.budget ? '  OVER BUDGET' : ''}`;
};

function printReport() {
  const served = FRONT ? 'deploy/nginx.conf (Debian\'s nginx) in front of ppid-server' : 'ppid-server --gzip (strict CSP)';
  console.log(`journey: release build served by ${served}, backend: its HTTP API ("api_base": "/api")`);
  console.log(`journey: bytes the server sent, headers included; phone emulation, ${CONNECTION.latency} ms RTT, 1.6 Mbit/s down; fresh context per scenario`);
  for (const name of SCENARIOS) {
    const r = results[name];
    if (!r) continue;
    if (r.error) {
      console.log(`journey: ${name}: no figure: ${r.error}`);
      continue;
    }
    console.log(figureLine(name, r.bytes));
    if (name === 'repeat') console.log(`  API: ${fmt(r.apiBytes)} B; all: ${fmt(r.allBytes)} B`);
    for (const s of r.steps ?? []) {
      const top = [...s.responses].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
      console.log(`  step ${s.name}: ${fmt(s.bytes)} B, h1 after ${s.ms} ms (most: ${top.map((x) => `${x.path} ${fmt(x.bytes)}`).join(', ') || '-'})`);
    }
    for (const n of r.notes ?? []) console.log(`  ${n}`);
    if (r.responses.length) console.log(breakdown(r.responses));
  }
  if (proxy.meter.unplaced) console.log(`journey: ${fmt(proxy.meter.unplaced)} B the proxy could not place in a response`);
}

// ------------------------------------------------------------------ run

before(async () => {
  const started = Date.now();
  // --now keeps the seed's announcement active, as in the other browser tests.
  server = await startServer({ config: CONFIG, args: ['--gzip', ...NOW_ARGS] });
  // The server compresses each file once and keeps it: a first request pays that time, not more bytes.
  for (const name of fs.readdirSync(DIST)) {
    const res = await fetch(`${server.url}/${name}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    await res.arrayBuffer();
  }
  proxy = await startCountingProxy(server.port);
  browser = await launchBrowser();
  brotliBrowser = await launchBrowser({
    args: [...CHROMIUM_ARGS, '--disable-features=CompressionDictionaryTransport,CompressionDictionaryTransportBackend'],
  });
  const scenarios = [
    ['home', home],
    ['journey', journey],
    ['journey-brotli', () => journey(brotliBrowser)],
  ];
  for (const [name, run] of scenarios) {
    try {
      results[name] = await run();
    } catch (e) {
      results[name] = { error: e.message.split('\n')[0] };
    }
  }
  try {
    await firstMinuteAndRepeat();
  } catch (e) {
    const error = { error: e.message.split('\n')[0] };
    results['first-minute'] ??= error;
    results.repeat ??= error;
  }
  printReport();
  console.log(`journey: ${Math.round((Date.now() - started) / 1000)} s`);
});

after(async () => {
  await browser?.close();
  await brotliBrowser?.close();
  await proxy?.stop();
  await server?.stop();
});

test('the proxy placed every byte the server sent in a response (so the per-file lists add up)', () => {
  const placed = proxy.meter.responses.reduce((s, x) => s + x.bytes, 0);
  assert.equal(proxy.meter.unplaced, 0, 'bytes outside any response');
  assert.equal(placed, proxy.meter.sent);
});

for (const name of SCENARIOS) {
  const b = BUDGETS[name];
  const what = name === 'repeat' ? 'app bytes of a repeat visit' : 'bytes';
  test(`${name}: ${what} <= ${fmt(b.budget)} (goal ${fmt(b.goal)})`, () => {
    const r = results[name];
    assert.ok(r && !r.error, `${name}: no figure: ${r?.error ?? 'not run'}`);
    const problems = [
      ...r.responses.filter((x) => x.status >= 400).map((x) => `HTTP ${x.status} ${x.path}`),
      ...r.responses.filter((x) => isDemo(x.path)).map((x) => `fetched the demo backend: ${x.path}`),
      ...r.errors.map((e) => `page error: ${e}`),
    ];
    assert.deepEqual(problems, [], `${name}: the visit went wrong`);
    if (name !== 'repeat') assert.ok(r.responses.some((x) => isApi(x.path) && x.status === 200), `${name}: no answer from the HTTP API`);
    if (name === 'repeat') {
      // Update checks may ask (a revalidation, a HEAD), but no file of the app may come again.
      const again = r.responses.filter((x) => !isApi(x.path) && x.status !== 304 && x.method !== 'HEAD');
      assert.deepEqual(again.map((x) => `${x.status} ${x.method} ${x.path}`), [], 'repeat: files of the app downloaded again');
    }
    const againstMain = r.responses.filter((x) => x.encoding === 'dcb').map((x) => x.path);
    if (name === 'journey') assert.ok(againstMain.length > 0, 'journey: no bundle came compressed against the main bundle');
    if (name === 'journey-brotli') assert.deepEqual(againstMain, [], 'journey-brotli: a browser without dictionaries got a copy against one');
    assert.ok(r.bytes <= b.budget, figureLine(name, r.bytes));
  });
}
