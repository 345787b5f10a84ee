// Ajukan keberatan (issue 5): find the request, choose among the reasons open for it (the others
// explain why not), the case, the objector, an idempotent submit, and the date the atasan PPID must
// answer by, against the seed's calendar.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer,
  launchBrowser,
  newPage,
  waitForApp,
  assertNoAxeViolations,
  saveArtifacts,
  SEED,
  DEMO_NOW_MS,
  addWorkingDays,
  longDate,
} from './harness.mjs';

let server;
let browser;
before(async () => {
  [server, browser] = await Promise.all([
    startServer({ config: { api_base: '/api', timeout_ms: 15000 }, args: ['--now', String(DEMO_NOW_MS)] }),
    launchBrowser(),
  ]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** An overdue request without a notice: reason c (not answered) is open, a/d/e/f wait for a notice. */
const overdue = SEED.requests.find((r) => r.receipt.number === 'PPID-2026-000107');
const verifierOf = (r) => r.submission.requester.email ?? r.submission.requester.phone.slice(-4);

async function withPage(name, fn) {
  const page = await newPage(browser);
  await page.clock.setFixedTime(new Date(DEMO_NOW_MS));
  try {
    await fn(page);
  } catch (e) {
    await saveArtifacts(page, `objection-${name}`);
    throw e;
  } finally {
    await page.context().close();
  }
}

async function findRequest(page, request) {
  await page.goto(`${server.url}/keberatan/ajukan?nomor=${request.receipt.number}`);
  await waitForApp(page);
  assert.equal(await page.locator('#obj-number').inputValue(), request.receipt.number, 'the number from the link');
  await page.locator('#obj-verifier').fill(verifierOf(request));
  await page.getByRole('button', { name: 'Lanjutkan' }).click();
  await page.locator('#obj-reasons').waitFor();
}

test('objection: only open reasons can be chosen, every field is checked, and the receipt says when the atasan must answer', async () => {
  await withPage('happy', async (page) => {
    assert.ok(overdue, 'the seed has the overdue request');
    await findRequest(page, overdue);
    assert.equal(await page.locator('#obj-reason-c').isDisabled(), false, 'c (not answered) is open');
    for (const letter of ['a', 'd', 'e', 'f']) {
      assert.equal(await page.locator(`#obj-reason-${letter}`).isDisabled(), true, `${letter} waits for a notice`);
      assert.equal(await page.locator(`#obj-reason-${letter}-hint`).innerText(), 'Belum dapat diajukan: alasan ini terbuka setelah pemberitahuan tertulis diterima.');
    }
    assert.equal(await page.locator('#obj-reason-b').isDisabled(), false, 'b is open at any time');
    await assertNoAxeViolations(page, 'objection form');

    // Nothing filled in: every message, in the summary and inline.
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.waitForSelector('.error-summary');
    const summary = await page.locator('.error-summary li').allInnerTexts();
    for (const m of [
      'Pilih paling sedikit satu alasan keberatan.',
      'Tuliskan kasus posisi: apa yang terjadi dengan permohonan Anda.',
      'Tuliskan tujuan keberatan.',
      'Pilih siapa yang mengajukan permohonan.',
    ]) assert.ok(summary.includes(m), `summary has: ${m}`);
    assert.match(await page.title(), /^Galat: /);
    await assertNoAxeViolations(page, 'objection errors');

    await page.locator('#obj-reason-c').check();
    await page.getByLabel('Kasus posisi').fill('Sudah lewat batas waktu dan belum ada pemberitahuan tertulis.');
    await page.getByLabel('Tujuan keberatan').fill('Meminta atasan PPID memerintahkan jawaban.');
    await page.getByLabel('Saya sendiri (perorangan)').check();
    await page.getByLabel('Nama lengkap').fill(overdue.submission.requester.name);
    await page.getByLabel('NIK', { exact: true }).fill(overdue.submission.requester.nik);
    await page.getByLabel('Alamat', { exact: true }).fill(overdue.submission.requester.address);
    await page.getByLabel('Nomor telepon atau HP').fill(overdue.submission.requester.phone);
    // Check the answers before sending; "Ubah" goes back with everything kept.
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.getByRole('heading', { name: 'Periksa keberatan Anda' }).waitFor();
    const rows = Object.fromEntries(await page.$$eval('dl.check .row', (rs) => rs.map((r) => [r.querySelector('dt').textContent.trim(), r.querySelector('dd').textContent.trim()])));
    assert.equal(rows['Nomor permohonan'], overdue.receipt.number);
    assert.ok(rows['Alasan keberatan (Pasal 35 ayat 1)'].startsWith('c. '));
    assert.equal(rows['Nama lengkap'], overdue.submission.requester.name);
    await assertNoAxeViolations(page, 'objection review');
    await page.getByRole('button', { name: 'Ubah' }).click();
    assert.equal(await page.getByLabel('Kasus posisi').inputValue(), 'Sudah lewat batas waktu dan belum ada pemberitahuan tertulis.');
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/objections')) posts += 1;
    });
    await page.getByRole('button', { name: 'Kirim keberatan' }).dblclick();
    await page.getByRole('heading', { name: 'Keberatan terkirim' }).waitFor();
    const number = (await page.locator('.confirmation .reference').innerText()).trim();
    assert.match(number, /^KEB-2026-\d{6}$/);
    assert.equal(posts, 1, 'a double click sends once');
    // Received on Monday 23 November 2026 in office hours: day zero is that day.
    const due = addWorkingDays('2026-11-23', SEED.meta.service_standards.objection_answer_days).due;
    await page.locator('dl.deadlines dd strong').waitFor();
    assert.equal(await page.locator('dl.deadlines dd strong').innerText(), longDate(due));
    assert.equal(await page.getByRole('link', { name: 'Sengketa ke Komisi Informasi' }).getAttribute('href'), `/keberatan/sengketa?nomor=${number}`);
    await assertNoAxeViolations(page, 'objection sent');

    // The backend holds it: the dispute page finds it with the objector's detail.
    const res = await fetch(`${server.url}/api/v1/objection-lookups`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ number, verifier: overdue.submission.requester.phone.slice(-4) }),
    });
    assert.equal(res.status, 200);
    assert.deepEqual((await res.json()).reasons, ['c']);
    assert.equal(await page.evaluate(() => localStorage.getItem('ppid.objection.draft')), null, 'the draft is gone once registered');
  });
});

test('objection: a reload resumes with the request found and every answer kept', async () => {
  await withPage('reload', async (page) => {
    await findRequest(page, overdue);
    await page.locator('#obj-reason-c').check();
    await page.getByLabel('Kasus posisi').fill('Belum ada jawaban.');
    await page.getByLabel('Nama lengkap').fill('Dewi');
    await page.reload();
    await page.locator('#obj-reasons').waitFor();
    assert.equal(await page.locator('#obj-reason-c').isChecked(), true);
    assert.equal(await page.getByLabel('Kasus posisi').inputValue(), 'Belum ada jawaban.');
    assert.equal(await page.getByLabel('Nama lengkap').inputValue(), 'Dewi');
  });
});

test('objection: the whole objection by keyboard alone', async () => {
  await withPage('keyboard', async (page) => {
    await page.goto(`${server.url}/keberatan/ajukan?nomor=${overdue.receipt.number}`);
    await waitForApp(page);
    async function tabTo(describe, predicate, arg) {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(predicate, arg)) return;
      }
      throw new Error(`Tab never reached ${describe}`);
    }
    const byId = (id) => document.activeElement?.id === id;
    const byText = (t) => document.activeElement?.textContent?.trim() === t;
    await tabTo('verifier', byId, 'obj-verifier');
    await page.keyboard.type(verifierOf(overdue));
    await page.keyboard.press('Enter');
    await page.locator('#obj-reasons').waitFor();
    await tabTo('reason c', byId, 'obj-reason-c');
    await page.keyboard.press('Space');
    await tabTo('case', byId, 'obj-case');
    await page.keyboard.type('Belum ada pemberitahuan tertulis.');
    await tabTo('purpose', byId, 'obj-purpose');
    await page.keyboard.type('Meminta jawaban.');
    await tabTo('kind', byId, 'f-kind');
    await page.keyboard.press('Space');
    await tabTo('name', byId, 'f-name');
    await page.keyboard.type(overdue.submission.requester.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(overdue.submission.requester.nik);
    await tabTo('address', byId, 'f-address');
    await page.keyboard.type('Jl. Kenanga 2');
    await tabTo('phone', byId, 'f-phone');
    await page.keyboard.type(overdue.submission.requester.phone);
    await tabTo('continue', byText, 'Lanjutkan');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Periksa keberatan Anda' }).waitFor();
    await tabTo('send', byText, 'Kirim keberatan');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Keberatan terkirim' }).waitFor();
  });
});

test('objection: a request not found gets the same generic message as the status lookup', async () => {
  await withPage('not-found', async (page) => {
    await page.goto(`${server.url}/keberatan/ajukan?nomor=PPID-2026-000107`);
    await waitForApp(page);
    await page.locator('#obj-verifier').fill('0000');
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.getByText('Kami tidak menemukan permohonan dengan nomor dan data tersebut. Periksa kembali keduanya.').waitFor();
    await assertNoAxeViolations(page, 'objection lookup not found');
  });
});
