// End-to-end helpers for node's built-in test runner (`node --test --test-concurrency=1 tests/e2e/`).
//
// The server is the release `ppid-server` binary serving the Trunk build (`dist/`) and the reference API at
// `/api/`. The browser is Debian's Chromium driven by playwright-core (no downloaded browsers).
//
// Environment:
//   PPID_DIST        the built app to serve (default: dist, relative to the repo root)
//   PPID_SERVER_BIN  the server binary (default: target/release/ppid-server)
//   CHROMIUM_PATH    the browser (default: /usr/bin/chromium)
//   PPID_E2E_HEADED  set to 1 to watch the browser (needs a display)
//   PPID_FRONT       `nginx`: every server startServer starts has Debian's nginx in front of it, running the
//                    shipped deploy/nginx.conf (nginx-front.mjs), except those listed in NOT_FRONTED

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startFront } from './nginx-front.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const ROOT = path.resolve(HERE, '..', '..');
export const DIST = path.resolve(ROOT, process.env.PPID_DIST || 'dist');
export const SERVER_BIN = path.resolve(ROOT, process.env.PPID_SERVER_BIN || 'target/release/ppid-server');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const AXE_PATH = path.join(ROOT, 'tests', 'node_modules', 'axe-core', 'axe.min.js');
export const ARTIFACTS = path.join(HERE, 'artifacts');

/** Chromium as root in a closed network: no sandbox, no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** The strict Content-Security-Policy every end-to-end test runs under (plus the API's origin). */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * The CSP for a config: the strict policy, with an absolute `api_base`'s origin allowed in connect-src, and
 * `frame-ancestors` when given (the origins allowed to frame the portal, e.g. `'self' http://127.0.0.1:1234`).
 */
export function cspFor(config, frameAncestors) {
  return `${STRICT_CSP}; connect-src ${connectSrcFor(config)}${frameAncestors ? `; frame-ancestors ${frameAncestors}` : ''}`;
}

/** The policy's connect-src for a config: 'self', and an absolute `api_base`'s origin. */
function connectSrcFor(config) {
  const base = config && typeof config === 'object' ? config.api_base : undefined;
  try {
    if (base && /^https?:/i.test(base)) return `'self' ${new URL(base).origin}`;
  } catch {
    // not a URL: 'self' alone
  }
  return "'self'";
}

const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Spawns `command` and waits for its `listening on <url>` line (ppid-server's, and scripts/serve.sh's).
 * Resolves to the child, its URL and a promise of its exit; rejects when it exits first or is not up in time.
 */
export async function spawnListening(command, args, options, { what = path.basename(command), timeoutMs = 15000 } = {}) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    if (stderr.length < 10000) stderr += d;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/^listening on (http:\/\/\S+)\s*$/m);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`${what} exited (${signal ?? code}) before listening; stderr:\n${stderr}`));
      });
    });
    return { child, url, exited };
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
}

/** Whether startServer puts nginx in front (PPID_FRONT=nginx). */
export const FRONT = process.env.PPID_FRONT === 'nginx';

/** The test file this process runs (node --test runs each file in a process of its own). */
const TEST_FILE = path.basename(process.argv[1] ?? '');

/**
 * The servers that keep ppid-server alone under PPID_FRONT=nginx, and why: what they serve is not what a
 * build published behind deploy/nginx.conf is, or the test reads something of ppid-server's own. Each rule
 * reads startServer's options and the test file's name; the first that applies gives the reason.
 */
const NOT_FRONTED = [
  [(o) => o.csp === false || o.args?.includes('--csp'), 'its own Content-Security-Policy (or none): deploy/nginx.conf sends the portal\'s'],
  [(o) => o.args?.some((a) => a === '--header' || a === '--page-header'), 'headers of its own (--header, --page-header)'],
  [(o) => o.args?.includes('--base'), 'a sub-path (--base): nginx.test.mjs runs deploy/nginx-subpath.conf'],
  [(o) => o.args?.some((a) => a === '--no-api' || a === '--api-only'), 'no API or no files (--no-api, --api-only)'],
  [(o) => !fs.readdirSync(o.dist ?? DIST).some((f) => f.endsWith('_bg.wasm')), 'a folder that is not a build'],
  // nginx sends a file's .br or .gz copy without comparing dates (ppid-server sends only a copy newer than
  // the file); a real new build brings its own copies.
  [
    (o, file) => ['kill-switch.test.mjs', 'offline.test.mjs'].includes(file) && o.dist !== undefined,
    'a new deployment made by editing index.html and sw.js in place, their old compressed copies left beside them',
  ],
  [(o, file) => file === 'check-backend.test.mjs', 'the backend\'s set clock (--now) read from its Date header, which nginx answers with its own'],
];
const told = new Set();

/** Why `options`' server keeps ppid-server alone under PPID_FRONT=nginx, or nothing: it is fronted. */
function notFronted(options) {
  return NOT_FRONTED.find(([applies]) => applies(options, TEST_FILE))?.[1];
}

/**
 * Starts `ppid-server --dist <DIST> --port 0` and waits for its `listening on` line. Under PPID_FRONT=nginx,
 * also nginx in front of it (NOT_FRONTED aside): `url` and `port` are then nginx's, and `stop()` stops both.
 *
 * @param {object} [options]
 * @param {object|string} [options.config] an object (written to a temp file) or a file path, served at /config.json
 * @param {string} [options.dist] another directory to serve instead of DIST
 * @param {string[]} [options.args] more server arguments, e.g. ['--gzip'] or ['--now', '1795921200000']
 * @param {number} [options.timeoutMs] how long to wait for the server to start
 * @param {string} [options.frameAncestors] the CSP's `frame-ancestors` sources (default: none, any page may frame it)
 * @returns {Promise<{url: string, port: number, stop: () => Promise<void>, backend?: object}>} `backend`: the
 *   ppid-server behind nginx, when fronted
 */
export async function startServer(options = {}) {
  const server = await startPpidServer(options);
  if (!FRONT) return server;
  const why = notFronted(options);
  if (why) {
    if (!told.has(why)) console.log(`PPID_FRONT=nginx: ppid-server alone in ${TEST_FILE} for ${why}`);
    told.add(why);
    return server;
  }
  let front;
  try {
    front = await startFront({
      backend: server.url,
      dist: options.dist ?? DIST,
      config: options.config,
      connectSrc: connectSrcFor(options.config),
      // No frame-ancestors in the harness's policy is "any page may frame it".
      frameAncestors: options.frameAncestors ?? '*',
    });
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    url: front.url,
    port: front.port,
    backend: server,
    async stop() {
      await front.stop();
      await server.stop();
    },
  };
}

/** ppid-server alone (startServer's options). */
async function startPpidServer({ config, dist = DIST, args = [], timeoutMs = 15000, csp = true, frameAncestors } = {}) {
  if (!fs.existsSync(SERVER_BIN)) {
    throw new Error(`no server binary at ${SERVER_BIN}: run \`cargo build --release -p ppid-server\` (or set PPID_SERVER_BIN)`);
  }
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`no built app at ${dist}/index.html: run \`trunk build --release\` (or set PPID_DIST)`);
  }
  let tempDir;
  const serverArgs = ['--dist', dist, '--port', '0', ...args];
  if (csp) serverArgs.push('--csp', cspFor(config, frameAncestors));
  if (config !== undefined) {
    let file = config;
    if (typeof config !== 'string') {
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-e2e-'));
      file = path.join(tempDir, 'config.json');
      fs.writeFileSync(file, JSON.stringify(config, null, 2));
    }
    serverArgs.push('--config', file);
  }
  const cleanup = () => {
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };

  let started;
  try {
    started = await spawnListening(SERVER_BIN, serverArgs, { cwd: ROOT }, { what: 'ppid-server', timeoutMs });
  } catch (e) {
    cleanup();
    throw e;
  }
  const { child, url, exited } = started;
  return {
    url,
    port: Number(new URL(url).port),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      cleanup();
    },
  };
}

/** Runs `fn(server)` with a server started for it alone (startServer's `options`), and stops it after. */
export async function withServer(options, fn) {
  const server = await startServer(options);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/**
 * A small HTTP server on 127.0.0.1 (its own port, so its own origin) answering with `handler`;
 * `stop()` also ends the connections left hanging.
 */
export async function startHttpServer(handler) {
  const sockets = new Set();
  const server = http.createServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A small static site (see startHttpServer): `routes(pathname)` gives `[type, body, headers]`, or nothing
 * for a 404. Nothing is cached, so a test may change what a route answers.
 */
export function startStaticServer(routes) {
  return startHttpServer((req, res) => {
    const route = routes(new URL(req.url, 'http://x').pathname);
    if (!route) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    const [type, body, headers = {}] = route;
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers }).end(body);
  });
}

const HOST_HTML = fs.readFileSync(path.join(ROOT, 'tests', 'embed', 'host.html'), 'utf8');
/** The regency's page that embeds the portal (tests/embed/host.html), for the portal at `portalRoot`, and its stylesheet. */
export const HOST_PAGE = {
  html: (portalRoot) => HOST_HTML.split('{{PORTAL}}').join(portalRoot),
  css: fs.readFileSync(path.join(ROOT, 'tests', 'embed', 'host.css'), 'utf8'),
};

/** Headless Debian Chromium, with more launch `options` when given. Close it in `after`. */
export async function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: process.env.PPID_E2E_HEADED !== '1',
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/**
 * A page in a fresh browser context (own cookies, storage, service workers).
 * `page.consoleErrors` collects console errors and uncaught page errors as readable strings;
 * `page.pageErrors` only the uncaught exceptions; `page.dialogs` every alert, confirm or prompt
 * (dismissed), as "type: message". Close it with `await page.context().close()`.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} [contextOptions]
 */
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.pageErrors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc && loc.url ? ` (${loc.url}${loc.lineNumber ? `:${loc.lineNumber}` : ''})` : '';
    page.consoleErrors.push(`console.error: ${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => {
    const text = `pageerror: ${err.message}`;
    page.pageErrors.push(text);
    page.consoleErrors.push(text);
  });
  page.dialogs = [];
  page.on('dialog', (d) => {
    page.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return page;
}

/**
 * Waits until the app has rendered `selector` (default: the main heading).
 * On time-out the error lists the console errors seen so far.
 */
export async function waitForApp(page, selector = 'main#main h1', { timeout = 20000 } = {}) {
  try {
    await page.waitForSelector(selector, { timeout });
    // The prerendered home or catalogue (public/boot.js) is not the app: it is gone once the app has its page.
    await page.waitForSelector('#boot[data-prerendered]', { state: 'detached', timeout });
  } catch (e) {
    const errors = page.consoleErrors?.length ? `\nconsole errors:\n  ${page.consoleErrors.join('\n  ')}` : '';
    throw new Error(`waitForApp: ${selector} did not appear on ${page.url()} within ${timeout} ms${errors}\n${e.message}`);
  }
}

let axeSource;

/** Runs axe-core on the page and returns its violations (plain objects). */
export async function checkAxe(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) {
    // Not page.addScriptTag: that inserts an inline <script>, which a strict Content-Security-Policy refuses
    // (with a console error that would then fail the page). DevTools evaluation is not subject to the CSP.
    axeSource ??= fs.readFileSync(AXE_PATH, 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: tags, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

/** Formats axe violations one rule per line, with the offending selectors. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const targets = v.nodes.map((n) => `      ${n.target.join(' ')}`).join('\n');
      return `  - ${v.id} [${v.impact}]: ${v.help} (${v.helpUrl})\n${targets}`;
    })
    .join('\n');
}

/** Throws when axe finds any violation, listing rule id, impact, help and target selectors. */
export async function assertNoAxeViolations(page, label = page.url()) {
  const violations = await checkAxe(page);
  if (violations.length > 0) {
    throw new Error(`${label}: ${violations.length} accessibility violation(s) (axe-core):\n${formatViolations(violations)}`);
  }
}

/** Saves a screenshot and the DOM under tests/e2e/artifacts/ (for a failing test). */
export async function saveArtifacts(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const base = path.join(ARTIFACTS, name.replace(/[^a-z0-9._-]+/gi, '_'));
  await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => {});
  fs.writeFileSync(`${base}.html`, await page.content().catch(() => ''));
  return base;
}

/**
 * Starts the file's servers and a browser before its tests and stops them after. `servers` names each
 * server's startServer options (or a function giving them, read when the servers start): with
 * `useServers({ http: {...}, demo: {...} })`, `env.http`, `env.demo` and `env.browser` are set once
 * `before` has run. `browser` is more launch options, or false for no browser; `setup()` runs before the
 * servers start (what their options need), `teardown()` after they stop. One hook does it all: node runs
 * a file's `before` hooks side by side, not one after the other.
 *
 * @param {Record<string, Parameters<typeof startServer>[0] | (() => Parameters<typeof startServer>[0])>} [servers]
 * @param {{ browser?: object | false, setup?: () => Promise<void>, teardown?: () => Promise<void> }} [options]
 */
export function useServers(servers = {}, { browser = {}, setup, teardown } = {}) {
  const env = {};
  const names = Object.keys(servers);
  before(async () => {
    await setup?.();
    const options = (name) => (typeof servers[name] === 'function' ? servers[name]() : servers[name]);
    const started = await Promise.all([...names.map((n) => startServer(options(n))), browser && launchBrowser(browser)]);
    names.forEach((n, i) => {
      env[n] = started[i];
    });
    if (browser) env.browser = started.at(-1);
  });
  after(async () => {
    await env.browser?.close();
    await Promise.all(names.map((n) => env[n]?.stop()));
    await teardown?.();
  });
  return env;
}

/** The demo data set the expectations are computed from (never from the rendered page). */
export const SEED = JSON.parse(fs.readFileSync(path.join(ROOT, 'src', 'reference', 'seed.json'), 'utf8'));

/**
 * The instant the backends believe it is in the tests: `--now` for ppid-server, and a `Date.now` shim
 * for the demo backend's Web Worker (Playwright's clock does not reach workers). Keeps the seed's
 * announcement (22 Nov – 31 Dec 2026) active whatever the real date.
 */
export const DEMO_NOW_MS = Date.parse('2026-11-23T09:00:00+07:00');
/** The server arguments that set ppid-server's clock to DEMO_NOW_MS. */
export const NOW_ARGS = ['--now', String(DEMO_NOW_MS)];

/** The office's contact as the build's config.json gives it (public/config.json). */
export const OFFICE = JSON.parse(fs.readFileSync(path.join(ROOT, 'public', 'config.json'), 'utf8')).office;

/** Pasal 17 letters in words, as the Indonesian texts must say them. */
export const PASAL17_ID = {
  a: 'dapat menghambat proses penegakan hukum',
  b: 'dapat mengganggu hak kekayaan intelektual dan persaingan usaha yang sehat',
  c: 'dapat membahayakan pertahanan dan keamanan negara',
  d: 'dapat mengungkap kekayaan alam Indonesia',
  e: 'dapat merugikan ketahanan ekonomi nasional',
  f: 'dapat merugikan hubungan luar negeri',
  g: 'mengungkap isi akta otentik yang bersifat pribadi dan kemauan terakhir atau wasiat',
  h: 'dapat mengungkap rahasia pribadi',
  i: 'memorandum atau surat antar atau intra badan publik yang dirahasiakan',
  j: 'tidak boleh diungkapkan berdasarkan undang-undang',
};

/**
 * Serves the demo worker's loader with a `Date.now` that starts at `ms` and runs in real time.
 * The file comes from disk (the served DIST), not via `route.fetch`.
 */
export async function pinDemoClock(page, ms = DEMO_NOW_MS, dist = DIST) {
  const loader = fs.readFileSync(path.join(dist, 'demo-backend_loader.js'), 'utf8');
  const shim = `(()=>{const t0=performance.now();Date.now=()=>${ms}+Math.round(performance.now()-t0);})();\n`;
  await page.route('**/demo-backend_loader.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: shim + loader }),
  );
}

// ------------------------------------------------------------------ the working-day oracle
// Deadlines worked out from the seed's calendar, independently of the app's Rust code.

const WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const listed = new Map(SEED.calendars.flatMap((c) => c.days.map((d) => [d.date, d])));
const cutiCounts = !SEED.meta.deadline_rules.cuti_bersama_is_non_working;

export function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
export function isWorking(iso) {
  const wd = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (wd === 0 || wd === 6) return false;
  const day = listed.get(iso);
  return !day || (day.kind === 'cuti_bersama' && cutiCounts);
}
/** The day `n` working days after `start`, and the days skipped on the way. */
export function addWorkingDays(start, n) {
  let d = start;
  const skipped = [];
  while (n > 0) {
    d = addDays(d, 1);
    if (isWorking(d)) n -= 1;
    else skipped.push(d);
  }
  return { due: d, skipped };
}
export function longDate(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
/** Working days after `from` up to and including `to` (negative when `to` is earlier), like the app's. */
export function workingDaysBetween(from, to) {
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let n = 0;
  for (let d = lo; d < hi; ) {
    d = addDays(d, 1);
    if (isWorking(d)) n += 1;
  }
  return sign * n;
}

/**
 * The fault switches of a server started with `--fault-control`: `fault(...specs)` switches faults on
 * (one spec each, see server/src/faults.rs), `healthy()` switches every fault off.
 */
export function faultSwitches(server) {
  return {
    async fault(...specs) {
      const res = await fetch(`${server.url}/__faults`, { method: 'POST', body: specs.join('\n') });
      if (res.status !== 200) throw new Error(`fault not accepted: ${await res.text()}`);
    },
    async healthy() {
      const res = await fetch(`${server.url}/__faults`, { method: 'DELETE' });
      if (res.status !== 200) throw new Error(`faults not cleared: ${res.status}`);
    },
  };
}
