#!/usr/bin/env node
// Lighthouse accessibility on every page. The performance budget (lighthouse.mjs) measures three pages
// five times under throttling; this runs the
// accessibility category only, once per page, in Lighthouse's snapshot mode: the page is opened, the test
// waits until it has rendered (a heading in <main> and no "Memuat…"), then Lighthouse audits that state.
// The pages:
// every route, a request's status and an objection form for a request of the seed, the 404 page, and the
// service-down page (a config.json whose backend does not answer). Each page must score 100; a failing page
// lists its failing audits. The e2e tests run axe-core on every page state too: Lighthouse adds its own
// audits on top (e.g. the document's title and language, tap targets, the viewport).
//
// usage: node --test tests/perf/lighthouse-a11y.mjs   (after `trunk build --release` and the server build)
// env:   PPID_DIST, PPID_SERVER_BIN (see e2e/harness.mjs), CHROME_PATH or CHROMIUM_PATH.

import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { test, before, after } from 'node:test';
import { snapshot } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import * as chromeLauncher from 'chrome-launcher';
import { ROOT, CHROMIUM, CHROMIUM_ARGS, DEMO_NOW_MS, SEED, startServer } from '../e2e/harness.mjs';

const CHROME = process.env.CHROME_PATH || CHROMIUM;
const CHROME_FLAGS = ['--headless=new', '--disable-dev-shm-usage', ...CHROMIUM_ARGS];
const REPORTS = path.join(ROOT, 'target', 'lighthouse-a11y');
const CONFIG = { ...JSON.parse(fs.readFileSync(path.join(ROOT, 'public', 'config.json'), 'utf8')), api_base: '/api' };

const item = SEED.catalogue[0].id;
const request = SEED.requests[0].receipt.number;
/** A published request of the seed, as the register lists it. */
const registerEntry = SEED.requests.find((r) => r.publication && r.submission.publish).publication.id;
/** [name, path, server, text]: 'api' is the server's own API, 'down' a config.json whose backend never answers;
 * `text`, when given, must be in <main>, as text or as a field's value, before the page is audited (the request
 * number from the link has rendered). */
const PAGES = [
  ['home', '/', 'api'],
  ['catalogue', '/informasi', 'api'],
  ['item', `/informasi/${item}`, 'api'],
  ['about (service charter)', '/tentang', 'api'],
  ['request start', '/permohonan', 'api'],
  ['request: first question', '/permohonan/jenis', 'api'],
  ['status lookup', '/status', 'api'],
  ['status of a request', `/status?nomor=${request}`, 'api', request],
  ['objection', '/keberatan', 'api'],
  ['objection form', `/keberatan/ajukan?nomor=${request}`, 'api', request],
  ['dispute', '/keberatan/sengketa', 'api'],
  ['statistics', '/statistik', 'api'],
  ['register', '/register', 'api'],
  ['register entry', `/register/${registerEntry}`, 'api'],
  ['not found', '/tidak-ada-halaman-ini', 'api'],
  ['service down', '/', 'down'],
];

const results = new Map();
const servers = {};

/** Opens `url`, waits for the rendered page and audits it; returns Lighthouse's result and the page's heading. */
async function audit(url, text) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(
      (text) =>
        document.querySelector('main h1')?.textContent.trim() &&
        !document.querySelector('.loading') &&
        (!text ||
          document.querySelector('main').textContent.includes(text) ||
          [...document.querySelectorAll('main input')].some((i) => i.value === text)),
      { timeout: 20_000 },
      text,
    );
    const heading = await page.$eval('main h1', (h) => h.textContent.trim());
    const result = await snapshot(page, { config: { extends: 'lighthouse:default', settings: { onlyCategories: ['accessibility'] } } });
    if (!result) throw new Error('Lighthouse returned no result');
    return { ...result, heading };
  } finally {
    await browser.disconnect();
    await chrome.kill();
  }
}

before(async () => {
  const started = Date.now();
  if (!fs.existsSync(CHROME)) throw new Error(`no browser at ${CHROME}: run scripts/setup.sh (or set CHROME_PATH)`);
  fs.mkdirSync(REPORTS, { recursive: true });
  servers.api = await startServer({ config: CONFIG, args: ['--now', String(DEMO_NOW_MS)] });
  // Port 9 (discard) refuses connections: the backend is down from the first request.
  servers.down = await startServer({ config: { ...CONFIG, api_base: 'http://127.0.0.1:9/api' } });
  for (const [name, page, which, text] of PAGES) {
    try {
      const { lhr, report, heading } = await audit(servers[which].url + page, text);
      fs.writeFileSync(path.join(REPORTS, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`), report);
      if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      const category = lhr.categories.accessibility;
      const failing = category.auditRefs
        .filter((r) => r.weight > 0 && lhr.audits[r.id]?.score === 0)
        .map((r) => `${r.id} (${(lhr.audits[r.id].details?.items ?? []).length} element(s))`);
      results.set(name, { score: Math.round(category.score * 100), failing, heading });
    } catch (e) {
      results.set(name, { error: e.message.split('\n')[0] });
    }
  }
  console.log('lighthouse accessibility (snapshot of the rendered page), one run per page:');
  for (const [name, page] of PAGES) {
    const r = results.get(name);
    console.log(`  ${String(r.error ? 'error' : r.score).padStart(5)}  ${name} (${page})${r.heading ? ` \u201c${r.heading}\u201d` : ''}${r.failing?.length ? `: ${r.failing.join(', ')}` : ''}${r.error ? `: ${r.error}` : ''}`);
  }
  console.log(`lighthouse accessibility: ${PAGES.length} pages in ${Math.round((Date.now() - started) / 1000)} s; reports in ${path.relative(ROOT, REPORTS)}/`);
});

after(async () => {
  await servers.api?.stop();
  await servers.down?.stop();
});

for (const [name, page] of PAGES) {
  test(`${name} (${page}): Lighthouse accessibility 100`, () => {
    const r = results.get(name);
    assert.ok(r && !r.error, `${name}: ${r?.error ?? 'not audited'}`);
    assert.equal(r.score, 100, `${name}: accessibility ${r.score}; failing audits: ${r.failing.join(', ') || '-'}`);
  });
}
