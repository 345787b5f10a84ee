// Everything the contract allows a backend to send: ppid-server's fault switches `sparse` (every optional
// property left out), `unknown-enums` (every open-enum value one a later MINOR version could add) and `empty`
// (every list that may be empty, emptied) turn on all of the API at once. For each, every page that shows
// the backend's data comes up with its heading, says nothing like "undefined", "null" or "[object",
// throws nothing, shows an unknown value in words (never the code), and passes axe-core.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, SEED, NOW_ARGS, OFFICE, faultSwitches } from './harness.mjs';
import { pageRunner, lookUpStatus, waitLoaded, HOME_TITLE } from './page.mjs';
import { begin, answer, next, verifierOf } from './wizard.mjs';

const UNKNOWN = 'x_future_value';
/** The neutral words for an event kind or outcome the portal does not know. */
const UNKNOWN_WORDS = 'Pembaruan';
/** The neutral words for a notice's decision the portal does not know. */
const UNKNOWN_OUTCOME = 'Lihat surat pemberitahuan';

const env = useServers({
  server: { config: { api_base: '/api', timeout_ms: 15000, office: OFFICE }, args: [...NOW_ARGS, '--fault-control'] },
});
const switches = () => faultSwitches(env.server);
const withPage = pageRunner('sparse', env, {
  context: { serviceWorkers: 'block' },
  cleanup: () => switches().healthy(),
});

const item = SEED.catalogue.find((i) => i.files.length > 0 && i.forms?.length > 0 && i.class !== 'dikecualikan') ?? SEED.catalogue[0];
/** A seeded request whose timeline has a written notice, so it has an outcome to show. */
const request = SEED.requests.find((r) => r.events.some((e) => e.outcome)) ?? SEED.requests[0];

/** Nothing on the page reads like a program's leftovers, nor shows an enum's raw code. */
async function looksRight(page, label) {
  const text = await page.locator('body').innerText();
  for (const leftover of [/\bundefined\b/, /\bnull\b/i, /\[object/, /\bNaN\b/, new RegExp(UNKNOWN)]) {
    assert.doesNotMatch(text, leftover, `${label}: no "${leftover.source}" on the page`);
  }
  await assertNoAxeViolations(page, label);
}

const h1 = async (page) => (await page.locator('main#main h1').first().innerText()).trim();

for (const kind of ['sparse', 'unknown-enums', 'empty']) {
  test(`every page renders a backend's ${kind} answers`, { timeout: 60_000 }, async () => {
    await withPage(kind, async (page) => {
      await switches().fault(`/v1/*=${kind}`);
      const base = env.server.url;

      await page.goto(`${base}/`);
      await page.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.trim() === t, HOME_TITLE, { timeout: 15000 });
      await page.waitForFunction(() => document.querySelectorAll('.class-card .count').length === 4, null, { timeout: 15000 });
      await looksRight(page, `${kind}: home`);

      await page.goto(`${base}/informasi`);
      await waitLoaded(page);
      await page.waitForFunction(() => /\d/.test(document.querySelector('main#main .result-count')?.textContent ?? ''), null, { timeout: 15000 });
      if (kind === 'empty') assert.match(await page.locator('main#main .result-count').innerText(), /\b0\b/, 'no results: says 0');
      await looksRight(page, `${kind}: catalogue`);

      await page.goto(`${base}/informasi/${encodeURIComponent(item.id)}`);
      await waitLoaded(page);
      assert.equal(await h1(page), item.title, `${kind}: the item's title is its heading`);
      if (kind !== 'unknown-enums') assert.equal(await page.locator('ul.files a').count(), 0, `${kind}: no files listed`);
      if (kind === 'unknown-enums') {
        const form = page.locator('main#main .summary-list .row', { hasText: 'Bentuk dan format' }).locator('dd');
        const forms = await form.innerText();
        assert.match(forms, /^Bentuk lain\b/, `an unknown form of the information is named in neutral words: ${forms}`);
        assert.doesNotMatch(forms, /Bentuk lain.*Bentuk lain/, `and only once: ${forms}`);
      }
      await looksRight(page, `${kind}: item`);

      await lookUpStatus(page, base, encodeURIComponent(request.receipt.number), verifierOf(request));
      await page.waitForSelector('#status-heading', { timeout: 15000 });
      const timeline = page.locator('ol.timeline > li');
      if (kind === 'empty') assert.equal(await timeline.count(), 0, 'no events: no timeline entries');
      else assert.equal(await timeline.count(), request.events.length, `${kind}: every event is on the timeline`);
      if (kind === 'unknown-enums') {
        const texts = await timeline.allInnerTexts();
        assert.ok(texts.every((t) => t.includes(UNKNOWN_WORDS)), `every unknown event kind reads "${UNKNOWN_WORDS}": ${texts.join(' | ')}`);
        assert.ok(texts.some((t) => t.includes(`${UNKNOWN_WORDS}: ${UNKNOWN_OUTCOME}`)), `the unknown decision reads "${UNKNOWN_OUTCOME}"`);
      }
      await looksRight(page, `${kind}: status`);

      await page.goto(`${base}/statistik`);
      await waitLoaded(page);
      assert.ok((await h1(page)).length > 0, `${kind}: statistics has a heading`);
      await looksRight(page, `${kind}: statistics`);

      await page.goto(`${base}/tentang`);
      await waitLoaded(page);
      assert.ok((await h1(page)).length > 0, `${kind}: about has a heading`);
      await looksRight(page, `${kind}: about`);

      await begin(page, base);
      // The questions before it depend on the backend's features (a sparse answer has none).
      const step = () => new URL(page.url()).pathname.split('/').pop();
      for (let i = 0; i < 6 && step() !== 'informasi'; i++) {
        const was = step();
        await answer(page, was, { kind: 'individual' });
        await next(page);
        await page.waitForURL((u) => !u.pathname.endsWith(`/${was}`), { timeout: 10000 });
      }
      assert.equal(step(), 'informasi', `${kind}: the unit question is reached`);
      await page.getByLabel('Rincian informasi').waitFor();
      const units = page.getByLabel('Unit yang menguasai informasi');
      if (kind === 'empty') assert.ok((await units.count()) === 0 || (await units.locator('option').count()) <= 1, 'no units to choose from');
      else await units.locator('option').nth(1).waitFor({ state: 'attached', timeout: 10000 }); // the units are offered
      await looksRight(page, `${kind}: the request's unit question`);
    });
  });
}
