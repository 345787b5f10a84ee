// The register in the request wizard: the citizen's choice to let the request be published without their
// name (asked, sent, shown on check-your-answers, the receipt and the status page), and "Mungkin sudah
// tersedia", the published answers and catalogue items that match what the citizen types, looked up once
// they pause and never in a way that loses the draft. A backend without the register is asked nothing.
//
// Which entries and items must be suggested comes from the backend's own search (`GET /v1/register` and
// `/v1/catalogue` with the same words), which the reference's tests hold to the seed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, SEED, NOW_ARGS } from './harness.mjs';
import { pageRunner, lookUpStatus } from './page.mjs';
import { T, DRAFT_KEY, begin, next, expectStep, answerUntil, checkRows, sendRequest } from './wizard.mjs';

const SAY = {
  legend: 'Register Permohonan',
  option: 'Boleh diterbitkan tanpa nama di Register Permohonan',
  allowed: 'Boleh diterbitkan tanpa nama',
  refused: 'Tidak boleh diterbitkan',
  published: 'Diterbitkan di Register Permohonan',
  suggestions: 'Mungkin sudah tersedia',
  shared: 'Ini perangkat bersama (warnet, perpustakaan, ponsel pinjaman)',
};
const INFORMATION = 'Rincian informasi';

/** The words the wizard looks up for "APBD 2026" (its own folding: lower case). */
const WORDS = 'apbd 2026';

/** A seeded request the office published, and one it did not. */
const published = SEED.requests.find((r) => r.publication?.id && r.submission.requester.email);
const unpublished = SEED.requests.find((r) => !r.submission.publish && !r.publication && r.submission.requester.email);
assert.ok(published && unpublished, 'the seed has a published request and one not published');

const env = useServers({
  demo: { args: NOW_ARGS },
  http: { config: { api_base: '/api', timeout_ms: 15000 }, args: NOW_ARGS },
  bare: { config: { api_base: '/api', timeout_ms: 15000 }, args: [...NOW_ARGS, '--without-feature', 'register'] },
  kiosk: { config: { api_base: '/api', timeout_ms: 15000, kiosk: true }, args: NOW_ARGS },
});
const withPage = pageRunner('register-ask', env, { demoClock: true });

/** What the reference backend answers for the words, as [href, text] pairs: the register, then the catalogue. */
async function expectedSuggestions(server = env.http, { register: withRegister = true } = {}) {
  const q = `q=${encodeURIComponent(WORDS)}&per_page=3`;
  const register = withRegister ? await (await fetch(`${server.url}/api/v1/register?${q}`)).json() : { entries: [] };
  const catalogue = await (await fetch(`${server.url}/api/v1/catalogue?${q}`)).json();
  return {
    register: register.entries.slice(0, 3).map((e) => [`/register/${e.id}`, e.information]),
    catalogue: catalogue.items.slice(0, 3).map((i) => [`/informasi/${i.id}`, i.title]),
  };
}

/** The suggestions shown now, as [href, text] pairs. */
const shownSuggestions = (page) =>
  page.$$eval('.suggestions li a', (links) => links.map((a) => [a.getAttribute('href'), a.textContent.trim()]));

/** Waits until the suggestions panel is up, with `count` links. */
async function waitSuggestions(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('.suggestions li a').length === n, count, { timeout: 10000 });
}

/** Counts the page's calls to the register and the catalogue from now on. */
function countLookups(page) {
  const seen = { register: 0, catalogue: 0 };
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('/v1/register')) seen.register += 1;
    if (path.endsWith('/v1/catalogue')) seen.catalogue += 1;
  });
  return seen;
}

/** The request as the backend stored it (a lookup with its e-mail). */
async function storedStatus(server, number) {
  const res = await fetch(`${server.url}/api/v1/request-lookups`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ number, verifier: 'siti@contoh.id' }),
  });
  assert.equal(res.status, 200);
  return res.json();
}

/** The status page's "Register Permohonan" row, or null. */
const statusRow = (page) =>
  page.evaluate((legend) => {
    const row = [...document.querySelectorAll('#status-heading ~ dl .row')].find((r) => r.querySelector('dt')?.textContent.trim() === legend);
    return row ? row.querySelector('dd').textContent.trim() : null;
  }, SAY.legend);

// ------------------------------------------------------------------ the main path, on both adapters

for (const adapter of ['http', 'demo']) {
  const allow = adapter === 'demo';
  test(`${adapter}: "APBD 2026" suggests published answers and catalogue items; the publish choice (${allow ? 'left on' : 'unticked'}) is sent, checked and shown`, async () => {
    const want = await expectedSuggestions();
    assert.ok(want.register.length > 0 && want.catalogue.length > 0, 'the seed answers "APBD 2026" from both');
    assert.ok(want.register.some(([, text]) => text.includes('APBD 2026')), 'a published answer about APBD 2026');
    await withPage(`main-${adapter}`, async (page) => {
      const base = env[adapter].url;
      const bodies = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/v1/requests')) bodies.push(JSON.parse(r.postData()));
      });
      await begin(page, base);
      await answerUntil(page, 'informasi', { information: null, unit: null });
      const choice = page.getByLabel(SAY.option);
      assert.equal(await choice.isChecked(), true, 'the publish choice is on until the citizen unticks it');
      assert.equal(await page.locator('fieldset:has(#f-publish) legend').innerText(), SAY.legend);
      assert.match(await page.locator('#f-publish-hint').innerText(), /tidak pernah nama, NIK, alamat atau kontak/);

      await page.getByLabel(INFORMATION).pressSequentially('APBD 2026', { delay: 20 });
      await waitSuggestions(page, want.register.length + want.catalogue.length);
      assert.deepEqual(await shownSuggestions(page), [...want.register, ...want.catalogue], 'published answers, then catalogue items');
      assert.equal(await page.locator('.suggestions').getAttribute('aria-live'), 'polite');
      assert.equal(await page.getByRole('heading', { name: SAY.suggestions }).count(), 1);
      await assertNoAxeViolations(page, `${adapter}: suggestions shown`);

      if (!allow) await choice.uncheck();
      await page.getByLabel('Unit yang menguasai informasi').selectOption({ label: SEED.units[0].name });
      await next(page);
      await expectStep(page, 'tujuan', T.purpose);
      await answerUntil(page, 'periksa', {}, { from: 'tujuan' });
      const rows = Object.fromEntries(await checkRows(page));
      assert.equal(rows[SAY.legend], allow ? SAY.allowed : SAY.refused, 'check-your-answers says the choice');
      const change = page.locator('dl.check .row', { hasText: SAY.legend }).getByRole('link', { name: `Ubah ${SAY.legend}` });
      assert.equal(await change.getAttribute('href'), '/permohonan/informasi?ubah=1');
      await assertNoAxeViolations(page, `${adapter}: the choice on check-your-answers`);

      const number = await sendRequest(page);
      const sentRow = await page.locator('dl.summary-list .row', { hasText: SAY.legend }).locator('dd').innerText();
      assert.equal(sentRow.trim(), allow ? SAY.allowed : SAY.refused, 'the receipt says the choice');
      if (adapter === 'http') {
        assert.equal(bodies.length, 1);
        assert.equal(bodies[0].publish, allow, 'the choice is what is sent');
        assert.equal((await storedStatus(env.http, number)).publish, allow, 'and what the backend stored');
      }
      // The status page says it, both ways (the demo backend's records are in this browser).
      await lookUpStatus(page, base, number, 'siti@contoh.id');
      await page.locator('#status-heading').waitFor();
      assert.equal(await statusRow(page), allow ? SAY.allowed : SAY.refused, 'the status page says the choice');
      assert.equal(await page.getByRole('link', { name: SAY.published }).count(), 0, 'not published yet');
    });
  });
}

// ------------------------------------------------------------------ one round per pause

test('typing a long phrase looks the register and the catalogue up once, after the pause; under three letters never', async () => {
  await withPage('debounce', async (page) => {
    // Which fetches the page aborts (its backend aborts a fetch it no longer waits for).
    await page.addInitScript(() => {
      const fetch = window.fetch.bind(window);
      window.aborted = [];
      window.fetch = (request, init) => {
        request.signal?.addEventListener('abort', () => window.aborted.push(request.url));
        return fetch(request, init);
      };
    });
    await begin(page, env.http.url);
    await answerUntil(page, 'informasi', { information: null, unit: null });
    const seen = countLookups(page);
    const field = page.getByLabel(INFORMATION);
    await field.pressSequentially('AB', { delay: 30 });
    await page.waitForTimeout(1200);
    assert.deepEqual(seen, { register: 0, catalogue: 0 }, 'two letters look nothing up');
    const phrase = ' dokumen APBD 2026 Kecamatan Sukamaju beserta lampirannya';
    await field.pressSequentially(phrase, { delay: 25 });
    await page.waitForTimeout(1500);
    assert.deepEqual(seen, { register: 1, catalogue: 1 }, `one round for ${phrase.length} key presses`);
    assert.equal(await field.inputValue(), `AB${phrase}`);
    // A round under way when the text changes is dropped: its fetch aborted, its answer never shown.
    await page.route('**/api/v1/register?*', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue().catch(() => {});
    });
    await field.fill('APBD 2026');
    await page.waitForTimeout(800); // the pause is over: the round is under way, its answer slow
    await field.fill('ab');
    await page.waitForFunction(() => window.aborted.some((u) => u.includes('/v1/register')), null, { timeout: 3000 });
    await page.waitForTimeout(2000);
    assert.equal(await page.locator('.suggestions li').count(), 0, 'nothing from the dropped round');
  });
});

// ------------------------------------------------------------------ the draft survives a visit

test('opening a suggestion and coming back keeps the draft exactly, on a shared device too', async () => {
  await withPage('draft', async (page) => {
    const base = env.http.url;
    await begin(page, base);
    await page.getByLabel(T.kinds.individual, { exact: true }).check();
    await page.getByLabel(SAY.shared).check();
    await next(page);
    await expectStep(page, 'identitas', T.identity);
    await answerUntil(page, 'informasi', { information: null, unit: null }, { from: 'identitas' });
    const typed = 'Mohon salinan APBD 2026,\n  dan  informasi tentang itu ';
    const field = page.getByLabel(INFORMATION);
    await field.fill(typed);
    await page.getByLabel(SAY.option).uncheck();
    const want = await expectedSuggestionsFor(page);
    for (const [href] of [want.register[0], want.catalogue[0]]) {
      await page.locator(`.suggestions a[href="${href}"]`).click();
      await page.waitForURL((u) => u.pathname === href);
      await waitForApp(page);
      await page.goBack();
      await expectStep(page, 'informasi', T.information, { moved: false });
      assert.equal(await field.inputValue(), typed, `the text is there again after ${href}`);
      assert.equal(await page.getByLabel(SAY.option).isChecked(), false, 'and the choice');
    }
    // Coming back to /permohonan: the request goes on from where it was, with the same text.
    await page.goto(`${base}/permohonan`);
    await waitForApp(page);
    await page.getByRole('button', { name: T.resume }).click();
    await expectStep(page, 'tujuan', T.purpose);
    const kept = await page.evaluate((k) => [sessionStorage.getItem(k), localStorage.getItem(k)], DRAFT_KEY);
    assert.equal(JSON.parse(kept[0]).information, typed, 'the draft in the tab holds the text as typed');
    assert.equal(kept[1], null, 'nothing in localStorage on a shared device');
  });
});

test('the suggestions\' searches for the words being typed pass the service worker and are never kept; the register\'s own search is', { timeout: 90_000 }, async () => {
  await withPage('not-kept', async (page) => {
    const base = env.http.url;
    /** The API answers the service worker keeps, as paths with their queries. */
    const kept = () =>
      page.evaluate(async () => {
        if (!(await caches.has('ppid-data-v1'))) return [];
        const keys = await (await caches.open('ppid-data-v1')).keys();
        return keys.map((r) => new URL(r.url)).filter((u) => u.pathname.includes('/v1/')).map((u) => u.pathname + u.search);
      });
    const throughWorker = [];
    page.context().on('request', (r) => {
      if (r.serviceWorker()) throughWorker.push(new URL(r.url()).search);
    });
    // The worker controls the portal (it registers 3 s after a page starts and takes over at once).
    await page.goto(`${base}/register?q=sukamaju`);
    await waitForApp(page);
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
    // The register page's own search, asked through the worker: kept for offline use.
    await page.reload();
    await waitForApp(page);
    await page.waitForFunction(async () => {
      const c = await caches.open('ppid-data-v1');
      return (await c.keys()).some((r) => r.url.includes('/v1/register?') && r.url.includes('q=sukamaju'));
    }, null, { timeout: 10_000 });

    await begin(page, base);
    await answerUntil(page, 'informasi', { information: null, unit: null });
    await page.getByLabel(INFORMATION).fill('Mohon salinan APBD 2026');
    await expectedSuggestionsFor(page);
    const typed = (q) => /[?&]q=apbd(%20|\+)2026/.test(q);
    assert.ok(throughWorker.filter(typed).length >= 2, `the register and the catalogue were asked through the worker: ${throughWorker.filter(typed)}`);
    const now = await kept();
    assert.ok(now.some((k) => k.includes('q=sukamaju')), `the register's own search is still kept: ${now}`);
    assert.deepEqual(now.filter((k) => typed(k.slice(k.indexOf('?')))), [], 'no answer to the typed words is kept');
    // No route on this page: Playwright's request interception hides a request's cache mode from the worker.
  }, { demoClock: false });
});

/** Waits for the suggestions of the text in the field (at least one of each kind) and returns them. */
async function expectedSuggestionsFor(page) {
  await page.waitForFunction(() => document.querySelectorAll('.suggestions a[href^="/register/"]').length > 0 && document.querySelectorAll('.suggestions a[href^="/informasi/"]').length > 0, null, { timeout: 10000 });
  const shown = await shownSuggestions(page);
  return {
    register: shown.filter(([href]) => href.startsWith('/register/')),
    catalogue: shown.filter(([href]) => href.startsWith('/informasi/')),
  };
}

// ------------------------------------------------------------------ the status page

test('the status page says whether a request may be published and links a published one to its register entry', async () => {
  await withPage('status', async (page) => {
    await lookUpStatus(page, env.http.url, published.receipt.number, published.submission.requester.email);
    await page.locator('#status-heading').waitFor();
    assert.equal(await statusRow(page), SAY.allowed);
    const link = page.getByRole('link', { name: SAY.published });
    assert.equal(await link.getAttribute('href'), `/register/${published.publication.id}`);
    await assertNoAxeViolations(page, 'status of a published request');

    await lookUpStatus(page, env.http.url, unpublished.receipt.number, unpublished.submission.requester.email);
    await page.locator('#status-heading').waitFor();
    assert.equal(await statusRow(page), SAY.refused);
    assert.equal(await page.getByRole('link', { name: SAY.published }).count(), 0);

    // A backend without the register says nothing of it.
    await lookUpStatus(page, env.bare.url, published.receipt.number, published.submission.requester.email);
    await page.locator('#status-heading').waitFor();
    assert.equal(await statusRow(page), null);
    assert.equal(await page.getByRole('link', { name: SAY.published }).count(), 0);
  });
});

// ------------------------------------------------------------------ a backend without the register

test('a backend without the register: no publish choice, no register suggestion or call, and nothing published is sent', async () => {
  await withPage('bare', async (page) => {
    const bodies = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/requests')) bodies.push(JSON.parse(r.postData()));
    });
    await begin(page, env.bare.url);
    await answerUntil(page, 'informasi', { information: null, unit: null });
    const seen = countLookups(page);
    assert.equal(await page.getByLabel(SAY.option).count(), 0, 'no publish choice');
    await page.getByLabel(INFORMATION).pressSequentially('APBD 2026', { delay: 20 });
    const want = await expectedSuggestions(env.bare, { register: false });
    await waitSuggestions(page, want.catalogue.length);
    assert.deepEqual(await shownSuggestions(page), want.catalogue, 'catalogue items only');
    assert.equal(seen.register, 0, 'the register is never called');
    await assertNoAxeViolations(page, 'bare: suggestions shown');
    await next(page);
    await expectStep(page, 'tujuan', T.purpose);
    await answerUntil(page, 'periksa', {}, { from: 'tujuan' });
    const rows = Object.fromEntries(await checkRows(page));
    assert.equal(rows[SAY.legend], undefined, 'no publish row on check-your-answers');
    await sendRequest(page);
    assert.equal(await page.locator('dl.summary-list .row', { hasText: SAY.legend }).count(), 0);
    assert.equal(bodies[0].publish, false, 'nothing published without the question');
  });
});

// ------------------------------------------------------------------ a kiosk

test('at a kiosk the choice is asked but nothing is suggested: leaving the page would lose a draft kept in memory', async () => {
  await withPage('kiosk', async (page) => {
    await begin(page, env.kiosk.url);
    await answerUntil(page, 'informasi', { information: null, unit: null });
    const seen = countLookups(page);
    assert.equal(await page.getByLabel(SAY.option).isChecked(), true, 'the publish choice is asked');
    await page.getByLabel(INFORMATION).pressSequentially('APBD 2026', { delay: 20 });
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('.suggestions').count(), 0, 'no suggestions');
    assert.deepEqual(seen, { register: 0, catalogue: 0 }, 'and nothing looked up');
  });
});
