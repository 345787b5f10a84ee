// A request received before next year's working-day calendar is published (its joint decree is not
// out yet): the reference backend registers and numbers it on receipt, and the receipt and the status
// page show the number, the date of receipt and the history, and say the notice due date cannot be
// computed yet because that year's calendar is not published; never a date counted on weekends only.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations } from './harness.mjs';
import { pageRunner } from './page.mjs';
import { begin, fillAll, T } from './wizard.mjs';

/** Monday 2027-12-20 10:00 WIB: ten working days later is in 2028, a year the seed does not have. */
const NOW_MS = Date.parse('2027-12-20T10:00:00+07:00');
const PENDING = 'Tenggat belum dapat dihitung: kalender hari kerja tahun 2028 belum diterbitkan';

const env = useServers({ http: { config: { api_base: '/api', timeout_ms: 15000 }, args: ['--now', String(NOW_MS)] } });
const withPage = pageRunner('calendar-pending', env, { fixedTime: NOW_MS, errors: 'uncaught' });

test('a request whose deadline needs an unpublished year is registered; receipt and status say the deadline is pending', { timeout: 120_000 }, async () => {
  await withPage('receipt-and-status', async (page) => {
    const base = env.http.url;
    const calendar2028 = await fetch(`${base}/api/v1/calendar/2028`);
    assert.equal(calendar2028.status, 404, 'the seed has no 2028 calendar');

    await begin(page, base);
    await fillAll(page, 'individual');
    await page.getByRole('button', { name: T.submit, exact: true }).click();
    await page.waitForURL(/\/permohonan\/terkirim$/);
    const number = (await page.locator('.confirmation .reference').innerText()).trim();
    assert.match(number, /^PPID-2027-\d{6}$/, 'numbered on receipt');
    const pending = page.locator('main .error-panel', { hasText: PENDING });
    await pending.waitFor();
    assert.equal(await page.locator('dl.deadlines').count(), 0, 'no due date is shown');
    assert.match(await page.locator('main').innerText(), /20 Desember 2027/, 'the date of receipt is shown');
    await assertNoAxeViolations(page, 'receipt with a pending deadline');

    await page.locator('figure.qr figcaption a').click();
    await page.waitForURL((u) => u.pathname === '/status');
    await waitForApp(page);
    await page.waitForFunction((n) => document.querySelector('#status-heading')?.textContent.trim() === n, number, { timeout: 20000 });
    await page.locator('main .timeline li').first().waitFor();
    await page.locator('main .error-panel', { hasText: PENDING }).waitFor();
    assert.equal(await page.locator('dl.deadlines').count(), 0, 'no due date on the status page either');
    await assertNoAxeViolations(page, 'status with a pending deadline');
  });
});
