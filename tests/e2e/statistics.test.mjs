// Statistik: the service's figures per year and per unit, each chart drawn beside a table of
// the same figures (the table is what a screen reader reads), against the seed the reference backend serves.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, SEED, PASAL17_ID } from './harness.mjs';
import { pageRunner } from './page.mjs';

const env = useServers({ server: { config: { api_base: '/api' } } });
// No service worker: one test routes the metadata, which the worker would fetch past the route.
const withPage = pageRunner('statistics', env, { context: { serviceWorkers: 'block' } });

const YEARS = SEED.statistics.years;
const LATEST = YEARS.reduce((a, b) => (a.year > b.year ? a : b));
const unitName = (id) => SEED.units.find((u) => u.id === id)?.name ?? id;
const days = (d) => `${String(d).replace('.', ',').replace(/,0$/, '')} hari kerja`;

/** A chart's table as [row header, cells...] rows. */
const tableRows = (page, id) =>
  page.$$eval(`section[data-chart="${id}"] tbody tr`, (rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent.trim())),
  );

async function expectYear(page, y) {
  await page.getByRole('heading', { name: `Tahun ${y.year}`, level: 2 }).waitFor();
  const figures = Object.fromEntries(
    await page.$$eval('dl.figures .row', (rows) => rows.map((r) => [r.querySelector('dt').textContent.trim(), r.querySelector('dd').textContent.trim()])),
  );
  assert.deepEqual(figures, {
    'Permohonan diterima': String(y.totals.received),
    Keberatan: String(y.totals.objections),
    'Median hari kerja sampai pemberitahuan tertulis': days(y.totals.median_days_to_notice),
  });
  const t = y.totals;
  assert.deepEqual(await tableRows(page, 'stats-outcomes-title'), [
    ['Dipenuhi', String(t.fulfilled)],
    ['Dipenuhi sebagian', String(t.partly_fulfilled)],
    ['Ditolak', String(t.refused)],
    ['Informasi tidak dikuasai', String(t.not_held)],
  ]);
  assert.deepEqual(
    await tableRows(page, 'stats-refusals-title'),
    Object.entries(t.refused_by_pasal17).map(([letter, n]) => [`Pasal 17 huruf ${letter} — ${PASAL17_ID[letter]}`, String(n)]),
  );
  assert.deepEqual(
    await tableRows(page, 'stats-units-title'),
    y.by_unit.map((u) => {
      const f = u.figures;
      return [unitName(u.unit_id), f.received, f.fulfilled, f.partly_fulfilled, f.refused, f.not_held, f.objections, days(f.median_days_to_notice)].map(String);
    }),
  );
  assert.deepEqual(await tableRows(page, 'stats-years-title'), [...YEARS].sort((a, b) => a.year - b.year).map((x) => [String(x.year), String(x.totals.received)]));
}

test('statistics: the latest year by default, each chart with its table of the same figures, another year by link', { timeout: 60_000 }, async () => {
  await withPage('years', async (page) => {
    await page.goto(`${env.server.url}/tentang`);
    await waitForApp(page);
    await page.getByRole('link', { name: 'Statistik layanan informasi' }).click();
    await page.waitForURL((u) => u.pathname === '/statistik');
    await page.getByRole('heading', { name: 'Statistik layanan informasi', level: 1 }).waitFor();
    await expectYear(page, LATEST);
    const nav = page.getByRole('navigation', { name: 'Pilih tahun' });
    assert.equal(await nav.getByRole('link', { name: String(LATEST.year) }).getAttribute('aria-current'), 'page');
    // The drawings are for the eye: hidden from assistive technology, one bar per table row.
    const charts = await page.$$eval('section.chart', (sections) =>
      sections.map((s) => ({ hidden: s.querySelector('svg').getAttribute('aria-hidden'), bars: s.querySelectorAll('svg rect.bar').length, rows: s.querySelectorAll('tbody tr').length })),
    );
    assert.equal(charts.length, 4);
    for (const c of charts) {
      assert.equal(c.hidden, 'true');
      assert.equal(c.bars, c.rows, 'a bar for each row of the table');
    }
    // The longest bar is the largest figure.
    const widths = await page.$$eval('section[data-chart="stats-outcomes-title"] rect.bar', (rs) => rs.map((r) => Number(r.getAttribute('width'))));
    assert.equal(widths.indexOf(Math.max(...widths)), 0, 'fulfilled is the longest bar');
    await assertNoAxeViolations(page, 'statistics');

    // Another year: a link, a client-side change, the URL says which.
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const older = YEARS.find((y) => y.year !== LATEST.year);
    await nav.getByRole('link', { name: String(older.year) }).click();
    await page.waitForURL((u) => u.searchParams.get('tahun') === String(older.year));
    await expectYear(page, older);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load');
    await page.reload();
    await expectYear(page, older);
  });
});

test('statistics in English, at 320 px without sideways scrolling', { timeout: 60_000 }, async () => {
  await withPage('english', async (page) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${env.server.url}/statistik`);
    await waitForApp(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Information service statistics', level: 1 }).waitFor();
    const median = await page.locator('dl.figures .row').nth(2).locator('dd').innerText();
    assert.equal(median, `${LATEST.totals.median_days_to_notice.toFixed(1).replace(/\.0$/, '')} working days`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 320 px (${overflow} px)`);
    await assertNoAxeViolations(page, 'statistics in English at 320 px');
  });
});

test('a backend without statistics: the page says so and where to ask', async () => {
  await withPage('not-offered', async (page) => {
    await page.route('**/api/v1/meta', async (route) => {
      const res = await route.fetch();
      const meta = await res.json();
      meta.features = meta.features.filter((f) => f !== 'statistics');
      await route.fulfill({ response: res, json: meta });
    });
    await page.goto(`${env.server.url}/statistik`);
    await waitForApp(page);
    await page.getByText('Server layanan ini belum menyediakan statistik.').waitFor();
    assert.equal(await page.locator('section.chart').count(), 0);
    await assertNoAxeViolations(page, 'statistics not offered');
  });
});
