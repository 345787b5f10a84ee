// Registration numbers are the office's own (contract: up to 64 printable characters), and Indonesian
// letter numbers hold slashes; some offices add spaces or a `#`. Against a reference backend that issues
// `045/PPID #2026-000201`: the receipt shows it, its calendar file is named without them and names it whole,
// its status link carries it percent-encoded and opens the status, a deep link with only the number fills in
// the lookup form, and the objection link keeps it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, DEMO_NOW_MS, NOW_ARGS } from './harness.mjs';
import { pageRunner } from './page.mjs';
import { begin, fillAll, T, ANSWERS } from './wizard.mjs';

const PREFIX = '045/PPID #';
const env = useServers({ http: { config: { api_base: '/api', timeout_ms: 15000 }, args: [...NOW_ARGS, '--request-number-prefix', PREFIX] } });
const withPage = pageRunner('number-characters', env, { fixedTime: DEMO_NOW_MS, errors: 'uncaught' });

/** The status page shows request `number`'s history. */
async function statusShown(page, number) {
  await page.waitForFunction((n) => document.querySelector('#status-heading')?.textContent.trim() === n, number, { timeout: 20000 });
  await page.locator('main .timeline li').first().waitFor();
}

test('a number with a slash, a space and a # survives the receipt, its calendar file, its status link, a deep link and the objection link', { timeout: 120_000 }, async () => {
  await withPage('slash-space-hash', async (page) => {
    const base = env.http.url;
    await begin(page, base);
    await fillAll(page, 'individual');
    await page.getByRole('button', { name: T.submit, exact: true }).click();
    await page.waitForURL(/\/permohonan\/terkirim$/);
    await page.waitForSelector('dl.deadlines');
    const number = (await page.locator('.confirmation .reference').innerText()).trim();
    assert.match(number, /^045\/PPID #2026-\d{6}$/);

    // The calendar file: named without the characters a file system refuses, the number whole inside.
    const ics = page.locator('main#main a[download$=".ics"]');
    await ics.waitFor();
    assert.equal(await ics.getAttribute('download'), `${number.replace(/[^A-Za-z0-9._-]/g, '-')}.ics`);
    const calendar = decodeURIComponent((await ics.getAttribute('href')).replace(/^data:text\/calendar;charset=utf-8,/, ''));
    assert.ok(calendar.replace(/\r\n[ \t]/g, '').includes(`SUMMARY:`) && calendar.replace(/\r\n[ \t]/g, '').includes(number), 'the events name the number');

    // The receipt's link: the number percent-encoded in the query, the token in the fragment.
    const href = await page.locator('figure.qr figcaption a').getAttribute('href');
    const m = href.match(/\/status\?nomor=([^#&]+)#akses=([A-Za-z0-9_-]+)$/);
    assert.ok(m, `the link keeps the number in the query and the token in the fragment: ${href}`);
    assert.ok(!/[/ #]/.test(m[1]), `no raw slash, space or # in the query: ${m[1]}`);
    assert.equal(decodeURIComponent(m[1]), number);
    await page.locator('figure.qr figcaption a').click();
    await page.waitForURL((u) => u.pathname === '/status');
    await waitForApp(page);
    await statusShown(page, number);
    await assertNoAxeViolations(page, 'status of a number with a slash, a space and a #');

    // The objection link keeps the number whole.
    const object = page.locator('main a', { hasText: 'Ajukan keberatan' }).first();
    const objectHref = await object.getAttribute('href');
    assert.equal(new URL(objectHref, base).searchParams.get('nomor'), number, objectHref);

    // A deep link with only the number (typed from a printed receipt): the form is filled in with it, and
    // the number and the e-mail find the status.
    await page.goto(`${base}/status?nomor=${encodeURIComponent(number)}`);
    await waitForApp(page);
    assert.equal(await page.locator('#status-number').inputValue(), number);
    await page.locator('#status-verifier').fill(ANSWERS.email);
    await page.locator('main#main').getByRole('button', { name: 'Cek status' }).click();
    await statusShown(page, number);
  });
});
