// The prerendered home and catalogue frame (scripts/post-build.mjs writes them into index.html, public/boot.js
// shows them): painted before the wasm has run, on their own paths and in Indonesian only, accessible, and
// replaced by the app's own page without a change a citizen could see: the same headings, paragraphs and
// links with the same text, and the heading, the lead and the class cards in the same place.
//
// The wasm is held back by route interception until the test lets it go. The server's clock is after the
// seed's serta-merta announcement has expired, except in the alert's own test: an active one is asked of the
// backend by the prerendered page itself and drawn above it before the wasm has run (backend data is never
// in the build), then handed to the app, which draws the same alert without asking again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, withServer, waitForApp, assertNoAxeViolations, NOW_ARGS } from './harness.mjs';
import { pageRunner } from './page.mjs';

const CONFIG = { api_base: '/api', timeout_ms: 15000 };
const AFTER_ANNOUNCEMENT = ['--now', String(Date.parse('2027-02-01T09:00:00+07:00'))];
const PHONE = { viewport: { width: 412, height: 823 } };
const HOME_TITLE = 'Informasi publik untuk semua warga';
const CLASS_NAMES = ['Informasi berkala', 'Informasi serta-merta', 'Informasi tersedia setiap saat', 'Informasi yang dikecualikan'];
const CATALOGUE_TITLE = 'Daftar Informasi Publik';

const env = useServers({ server: { config: CONFIG, args: AFTER_ANNOUNCEMENT } });
const run = pageRunner('prerender', env, { context: { serviceWorkers: 'block' }, config: CONFIG });

/** Holds every wasm download until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** What a citizen reads and where: each heading, paragraph, label and link of the page with its text and box. */
const snapshot = (page) =>
  page.evaluate(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
    };
    const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
    // The count comes from the backend: the prerender keeps its line empty.
    const read = (selector) => [...document.querySelectorAll(selector)].filter((el) => !el.matches('.count, .count-slot'));
    return {
      texts: read('main#main :is(h1, h2, p, label, a, button, option), header nav a, .skip-link').map((el) => `${el.tagName} ${text(el)}${el.href ? ` -> ${el.href}` : ''}`),
      boxes: Object.fromEntries(
        ['main#main h1', 'main#main .lead', ...[1, 2, 3, 4].map((n) => `main#main .class-card:nth-child(${n})`), '#search-q', 'header nav']
          .map((s) => [s, document.querySelector(s)])
          .filter(([, el]) => el)
          .map(([s, el]) => [s, box(el)]),
      ),
    };
  });

const bootText = (page) => page.evaluate(() => document.getElementById('boot')?.innerText ?? null);

for (const [name, context] of [['a phone', PHONE], ['a desktop', {}]]) {
  test(`on ${name}, the home is painted before the wasm, passes axe, and the app's home replaces it in the same place`, () =>
    run(`home-${name.replace(/\W/g, '')}`, async (page) => {
      const release = await holdWasm(page);
      await page.goto(env.server.url + '/');
      await page.waitForSelector('#boot main h1');
      assert.equal(await page.locator('#boot main h1').innerText(), HOME_TITLE);
      assert.deepEqual(await page.locator('#boot .class-card h2').allInnerTexts(), CLASS_NAMES);
      assert.equal(await page.locator('#boot .class-card').filter({ hasText: /\d+ informasi/ }).count(), 0, 'no backend count is prerendered');
      // Nothing in it can be pressed that would do nothing: no visible button.
      assert.equal(await page.locator('#boot button:visible').count(), 0);
      await assertNoAxeViolations(page, 'the prerendered home');
      const before = await snapshot(page);
      // A keyboard user starts before the wasm: the first Tab reaches the skip link, and keeps it.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');

      release();
      await waitForApp(page, 'main#main .class-card .count:has-text("informasi")');
      assert.equal(await page.locator('#boot').count(), 0, 'the prerender is gone once the app has its page');
      const after = await snapshot(page);
      assert.deepEqual(after.texts, before.texts, 'the same headings, paragraphs and links, with the same text');
      assert.deepEqual(after.boxes, before.boxes, 'the heading, the lead and the class cards did not move');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'focus is on the app\'s skip link');
      await assertNoAxeViolations(page, 'the app home');
    }, { context }));
}

test('the catalogue frame is painted before the wasm; its search submits as a plain GET that the app then reads', () =>
  run('catalogue', async (page) => {
    const release = await holdWasm(page);
    await page.goto(env.server.url + '/informasi');
    await page.waitForSelector('#boot main h1');
    assert.equal(await page.locator('#boot main h1').innerText(), CATALOGUE_TITLE);
    assert.equal(await page.locator('#boot .results li').count(), 0, 'no item is prerendered');
    await assertNoAxeViolations(page, 'the prerendered catalogue');
    const before = await snapshot(page);
    // The citizen types and presses Enter before the wasm has run: a normal page load with the query.
    await page.fill('#boot #search-q', 'anggaran');
    await Promise.all([page.waitForURL(/\/informasi\?q=anggaran/), page.press('#boot #search-q', 'Enter')]);
    await page.waitForSelector('#boot main h1');
    // Typing goes on while the wasm arrives: the app takes over the box, the text and the focus.
    await page.fill('#boot #search-q', 'anggaran desa');

    release();
    await waitForApp(page, 'main#main .result-count:has-text("informasi")');
    assert.equal(await page.locator('#boot').count(), 0);
    assert.equal(await page.inputValue('#search-q'), 'anggaran desa', 'what was typed before the app ran is kept');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-q', 'focus stays in the search box');
    await page.waitForURL(/\/informasi\?q=anggaran(\+|%20)desa/);
    const after = await snapshot(page);
    for (const selector of ['main#main h1', '#search-q', 'header nav']) {
      assert.deepEqual(after.boxes[selector], before.boxes[selector], `${selector} did not move`);
    }
    const heading = (s) => s.texts.filter((t) => /^(H1|LABEL) /.test(t));
    assert.deepEqual(heading(after), heading(before), 'the same heading and labels');
    await assertNoAxeViolations(page, 'the app catalogue');
  }, { context: PHONE }));

test('another page keeps the loading line: the home and catalogue are never on screen there', () =>
  run('other-page', async (page) => {
    await holdWasm(page);
    const prerenderFetched = [];
    page.on('request', (r) => /prerender-[0-9a-f]+\.js/.test(r.url()) && prerenderFetched.push(r.url()));
    for (const path of ['/permohonan', '/tentang', '/informasi/x', '/status']) {
      await page.goto(env.server.url + path);
      await page.waitForLoadState('load');
      const text = await bootText(page);
      assert.match(text, /Memuat portal informasi publik/, `${path} shows the loading line`);
      assert.doesNotMatch(text, new RegExp(`${HOME_TITLE}|${CATALOGUE_TITLE}`), `${path} shows no prerendered page`);
      assert.equal(await page.getByText(HOME_TITLE).count(), 0);
    }
    assert.deepEqual(prerenderFetched, [], 'the prerendered pages are not downloaded there');
  }));

test('with English chosen, no Indonesian page is prerendered and the app paints the English home', () =>
  run('english', async (page) => {
    await page.addInitScript(() => localStorage.setItem('ppid.lang', '"en"'));
    const release = await holdWasm(page);
    for (const path of ['/informasi', '/']) {
      await page.goto(env.server.url + path);
      await page.waitForLoadState('load');
      assert.doesNotMatch(await bootText(page), new RegExp(`${HOME_TITLE}|${CATALOGUE_TITLE}|Beranda`), `${path} prerenders no Indonesian`);
    }
    release();
    await waitForApp(page);
    assert.notEqual(await page.locator('main#main h1').innerText(), HOME_TITLE);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  }));

test('the serta-merta alert is painted from the backend before the wasm, asked for once, and closing it there keeps it closed', () =>
  withServer({ config: CONFIG, args: NOW_ARGS }, (server) => run('announcement', async (page) => {
    const asked = [];
    page.on('request', (r) => /\/v1\/announcements/.test(r.url()) && asked.push(r.url()));
    const release = await holdWasm(page);
    await page.goto(server.url + '/');
    const alert = page.locator('#boot section.announcement');
    await alert.waitFor();
    assert.equal((await alert.locator('.announcement-label').innerText()).toLowerCase(), 'pengumuman serta-merta');
    assert.deepEqual(await alert.locator('dt').allInnerTexts(), ['Bahaya', 'Wilayah dan warga terdampak', 'Yang harus dilakukan', 'Sumber']);
    const title = await alert.locator('h2').innerText();
    assert.ok(title.length > 0, 'the announcement has its title');
    await assertNoAxeViolations(page, 'the prerendered home with its alert');

    release();
    await waitForApp(page, 'main#main .class-card .count:has-text("informasi")');
    assert.equal(await page.locator('section.announcement h2').innerText(), title, 'the app draws the same alert');
    assert.equal(asked.length, 1, `the backend is asked once for the announcements (${asked.join(', ')})`);

    // Closed before the app runs: closed for the app, and after a reload.
    const holdAgain = await holdWasm(page);
    await page.reload();
    await page.locator('#boot section.announcement button').click();
    assert.equal(await page.locator('#boot section.announcement').count(), 0, 'the alert goes at once');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'focus moves to the page');
    holdAgain();
    await waitForApp(page, 'main#main .class-card .count:has-text("informasi")');
    assert.equal(await page.locator('section.announcement').count(), 0, 'the app does not draw a closed alert');
  }, { context: PHONE })));
