// Complaints are not information requests: text that reads like a complaint gets a hand-off
// to SP4N-LAPOR on the request's information question, and the navigation always has it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations } from './harness.mjs';
import { pageRunner } from './page.mjs';
import { T, begin, fillAll, expectStep, next } from './wizard.mjs';

const env = useServers({ server: { config: { api_base: '/api' } } });
const withPage = pageRunner('complaint', env);
const LAPOR = 'https://www.lapor.go.id';
const HINT = 'Tulisan Anda terdengar seperti pengaduan tentang pelayanan publik.';

test('a complaint typed as a request is pointed to SP4N-LAPOR, and the request can still go on', async () => {
  await withPage('hint', async (page) => {
    await begin(page, env.server.url);
    await fillAll(page, 'individual');
    await page.getByRole('link', { name: 'Ubah Rincian informasi' }).click();
    await expectStep(page, 'informasi\\?ubah=1', T.information);
    const field = page.getByLabel('Rincian informasi');
    assert.equal(await page.getByText(HINT).count(), 0, 'no hint for a request for information');
    await field.fill('Saya ingin mengadukan pungli saat membuat KTP di kecamatan');
    await page.getByText(HINT).waitFor();
    const link = page.getByRole('link', { name: 'Sampaikan pengaduan lewat SP4N-LAPOR!' });
    assert.equal(await link.getAttribute('href'), LAPOR);
    await assertNoAxeViolations(page, 'complaint hint');
    // Asking for information after all: the hint goes, and the request goes on.
    await field.fill('Data jumlah KTP elektronik yang dicetak per kecamatan tahun 2026');
    await page.getByText(HINT).waitFor({ state: 'detached' });
    await next(page);
    await expectStep(page, 'periksa', T.check);
  });
});

test('the navigation leads to SP4N-LAPOR on every bundle', async () => {
  await withPage('nav', async (page) => {
    for (const path of ['/', '/permohonan', '/keberatan', '/status']) {
      await page.goto(`${env.server.url}${path}`);
      await waitForApp(page);
      const nav = page.getByRole('navigation', { name: 'Menu utama' });
      assert.equal(await nav.getByRole('link', { name: 'Pengaduan (SP4N-LAPOR!)' }).getAttribute('href'), LAPOR, path);
    }
  });
});
