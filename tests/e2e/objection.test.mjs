// Ajukan keberatan: find the request, every reason offered with the portal's reading of it (a warning,
// never a refusal), dates of receipt that move the windows, the case, the purpose of use, the
// objector, an idempotent submit, the date the atasan PPID must answer by and the backend's notes on
// timing, against the seed's calendar; reason b without a request; the dispute window from the date
// the atasan's answer was received.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, SEED, DEMO_NOW_MS, NOW_ARGS, addWorkingDays, longDate } from './harness.mjs';
import { pageRunner, tabber, byId, byText } from './page.mjs';
import { OBJECTION, checkRows, verifierOf, findRequest, fillObjection, toObjectionCheck, sendObjection, lookUpObjection } from './wizard.mjs';

const env = useServers({
  http: { config: { api_base: '/api', timeout_ms: 15000 }, args: NOW_ARGS },
  demo: { config: { api_base: 'demo' }, args: NOW_ARGS },
});
const withPage = pageRunner('objection', env, { fixedTime: DEMO_NOW_MS, demoClock: true, errors: 'none' });

/** An overdue request without a notice: reason c (not answered) is open, a/d/e/f wait for a notice. */
const overdue = SEED.requests.find((r) => r.receipt.number === 'PPID-2026-000107');

test('objection: every reason can be chosen with its reading, every field is checked, and the receipt says when the atasan must answer', async () => {
  await withPage('happy', async (page) => {
    assert.ok(overdue, 'the seed has the overdue request');
    await findRequest(page, env.http.url, overdue);
    for (const letter of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) {
      assert.equal(await page.locator(`#obj-reason-${letter}`).isDisabled(), false, `${letter} can always be chosen`);
    }
    for (const letter of ['a', 'd', 'e', 'f']) {
      assert.match(await page.locator(`#obj-reason-${letter}-hint`).innerText(), /^Tampak belum waktunya: alasan ini ditemukan saat Anda menerima pemberitahuan tertulis/);
    }
    // Due Monday 9 November without a notice: c (not answered) and g (information still missing) read open.
    assert.match(await page.locator('#obj-reason-c-hint').innerText(), /^Dapat diajukan sampai /);
    assert.match(await page.locator('#obj-reason-g-hint').innerText(), /^Dapat diajukan sampai /);
    assert.equal(await page.locator('#obj-reason-b-hint').innerText(), 'Dapat diajukan kapan saja.');
    // The purpose of use comes from the request.
    assert.equal(await page.getByLabel('Tujuan penggunaan informasi').inputValue(), overdue.submission.purpose);
    await assertNoAxeViolations(page, 'objection form');

    // Nothing filled in: every message, in the summary and inline.
    await page.getByLabel('Tujuan penggunaan informasi').fill('');
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.waitForSelector('.error-summary');
    const summary = await page.locator('.error-summary li').allInnerTexts();
    for (const m of [
      'Pilih paling sedikit satu alasan keberatan.',
      'Tuliskan kasus posisi: apa yang terjadi dengan permohonan Anda.',
      'Tuliskan tujuan penggunaan informasi.',
      'Pilih siapa yang mengajukan permohonan.',
    ]) assert.ok(summary.includes(m), `summary has: ${m}`);
    assert.match(await page.title(), /^Galat: /);
    await assertNoAxeViolations(page, 'objection errors');

    await page.locator('#obj-reason-c').check();
    assert.equal(await page.locator('#obj-warning').count(), 0, 'c reads open: no warning');
    await fillObjection(page, overdue.submission.requester, {
      caseSummary: 'Sudah lewat batas waktu dan belum ada pemberitahuan tertulis.',
      purpose: overdue.submission.purpose,
    });
    // Check the answers before sending; "Ubah" goes back with everything kept.
    await toObjectionCheck(page);
    const rows = Object.fromEntries(await checkRows(page));
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
    // Two clicks before the page can re-render: the second must not send again.
    await page.getByRole('button', { name: OBJECTION.send }).evaluate((b) => { b.click(); b.click(); });
    await page.getByRole('heading', { name: OBJECTION.sent }).waitFor();
    const number = (await page.locator('.confirmation .reference').innerText()).trim();
    assert.match(number, /^KEB-2026-\d{6}$/);
    assert.equal(posts, 1, 'a double click sends once');
    // Received on Monday 23 November 2026 in office hours: day zero is that day.
    const due = addWorkingDays('2026-11-23', SEED.meta.service_standards.objection_answer_days).due;
    await page.locator('dl.deadlines dd strong').waitFor();
    assert.equal(await page.locator('dl.deadlines dd strong').innerText(), longDate(due));
    assert.equal(await page.getByRole('link', { name: 'Sengketa ke Komisi Informasi' }).getAttribute('href'), `/keberatan/sengketa?nomor=${number}`);
    assert.equal(await page.locator('section.warnings').count(), 0, 'no notes on timing');
    await assertNoAxeViolations(page, 'objection sent');

    // The backend holds it: the dispute page finds it with the objector's detail.
    const res = await lookUpObjection(env.http, number, overdue.submission.requester.phone.slice(-4));
    assert.equal(res.status, 200);
    assert.deepEqual((await res.json()).reasons, ['c']);
    assert.equal(await page.evaluate(() => localStorage.getItem('ppid.objection.draft')), null, 'the draft is gone once registered');
  });
});

test('objection: a reload resumes with the request found and every answer kept', async () => {
  await withPage('reload', async (page) => {
    await findRequest(page, env.http.url, overdue);
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
    await page.goto(`${env.http.url}/keberatan/ajukan?nomor=${overdue.receipt.number}`);
    await waitForApp(page);
    const tabTo = tabber(page, 80);
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
    await page.getByRole('heading', { name: OBJECTION.check }).waitFor();
    await tabTo('send', byText, OBJECTION.send);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: OBJECTION.sent }).waitFor();
  });
});

test('objection: a request not found gets the same generic message as the status lookup', async () => {
  await withPage('not-found', async (page) => {
    await page.goto(`${env.http.url}/keberatan/ajukan?nomor=PPID-2026-000107`);
    await waitForApp(page);
    await page.locator('#obj-verifier').fill('0000');
    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.getByText('Kami tidak menemukan permohonan dengan nomor dan data tersebut. Periksa kembali keduanya.').waitFor();
    await assertNoAxeViolations(page, 'objection lookup not found');
  });
});

/** Refused by a notice sent Wednesday 7 October: by the sending date reason a's window ended 18 November. */
const refused = SEED.requests.find((r) => r.receipt.number === 'PPID-2026-000102');

/** The requester of `request` objects to it, received by post. */
const fillObjector = (page, request) =>
  fillObjection(page, request.submission.requester, { caseSummary: 'Permohonan ditolak; saya menerima surat penolakan lewat pos.' });

for (const adapter of ['http', 'demo']) {
test(`objection: a reason that looks late is warned, never refused, and registered with its note on the receipt (${adapter})`, async () => {
  await withPage(`late-${adapter}`, async (page) => {
    assert.ok(refused, 'the seed has the refused request');
    await findRequest(page, env[adapter].url, refused);
    const hint = await page.locator('#obj-reason-a-hint').innerText();
    assert.match(hint, new RegExp(`^Tampak lewat batas: menurut catatan batasnya ${longDate('2026-11-18')}\\. Dihitung dari tanggal pengiriman \\(${longDate('2026-10-07')}\\)`));
    await page.locator('#obj-reason-a').check();
    await page.locator('#obj-warning').waitFor();
    assert.match(await page.locator('#obj-warning').innerText(), /Keberatan tetap dapat dikirim/);
    await assertNoAxeViolations(page, 'objection form with a warning');
    await fillObjector(page, refused);
    const number = await sendObjection(page);
    assert.match(number, /^KEB-2026-\d{6}$/);
    const note = page.locator('section.warnings li[data-reason="a"]');
    await note.waitFor();
    assert.match(await note.innerText(), new RegExp(`tampak lewat batas: menurut catatan batasnya ${longDate('2026-11-18').split(', ')[1]}`));
    await assertNoAxeViolations(page, 'objection receipt with a warning');
    if (adapter === 'demo') return;
    // The backend registered it with the same warning.
    const res = await lookUpObjection(env.http, number, refused.submission.requester.phone.slice(-4));
    assert.equal(res.status, 200);
    const status = await res.json();
    assert.deepEqual(status.warnings.map((w) => [w.reason, w.code, w.window.last_day]), [['a', 'looks_late', '2026-11-18']]);
  });
});
}

test('objection: a later date of receipt moves the window, and the objection carries it', async () => {
  await withPage('received-later', async (page) => {
    await findRequest(page, env.http.url, refused);
    const notice = refused.events.findIndex((e) => e.kind === 'notice');
    const input = page.locator(`#obj-received-${notice}`);
    assert.equal(await input.inputValue(), '2026-10-07', 'the sending date until the citizen says otherwise');
    assert.equal(await page.getByRole('group', { name: 'Kapan Anda menerimanya?' }).count(), 1);
    await input.fill('2026-10-14');
    await input.dispatchEvent('change');
    // Received Wednesday 14 October: 30 working days later is Wednesday 25 November.
    await page.waitForFunction(() => document.querySelector('#obj-reason-a-hint')?.textContent.startsWith('Dapat diajukan sampai'));
    assert.equal(await page.locator('#obj-reason-a-hint').innerText(), `Dapat diajukan sampai ${longDate('2026-11-25')}.`);
    await page.locator('#obj-reason-a').check();
    assert.equal(await page.locator('#obj-warning').count(), 0, 'no warning once the window is open');
    await assertNoAxeViolations(page, 'objection form with a date of receipt');
    // The date survives a reload with the draft.
    await page.reload();
    await page.locator('#obj-reasons').waitFor();
    assert.equal(await page.locator(`#obj-received-${notice}`).inputValue(), '2026-10-14');
    await fillObjector(page, refused);
    let body;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/objections')) body = JSON.parse(r.postData());
    });
    const number = await sendObjection(page);
    assert.deepEqual(body.received_dates, [{ event: notice, on: '2026-10-14' }]);
    assert.equal(await page.locator('section.warnings').count(), 0, 'no notes on timing');
    assert.match(number, /^KEB-2026-/);
  });
});

for (const adapter of ['http', 'demo']) {
test(`objection: reason b without a request is registered (${adapter})`, async () => {
  await withPage(`periodic-${adapter}`, async (page) => {
    await page.goto(`${env[adapter].url}/keberatan/ajukan`);
    await waitForApp(page);
    await page.getByRole('link', { name: 'Ajukan keberatan tentang informasi berkala' }).click();
    await page.locator('#obj-reason-b').waitFor();
    assert.equal(await page.locator('#obj-reason-b').isChecked(), true);
    assert.equal(await page.locator('#obj-reason-a').count(), 0, 'only b stands without a request');
    await assertNoAxeViolations(page, 'periodic objection form');
    await page.getByLabel('Tujuan penggunaan informasi').fill('Mengawasi anggaran desa.');
    await fillObjector(page, overdue);
    await page.getByLabel('Kasus posisi').fill('Laporan keuangan semester I 2026 belum diumumkan di Daftar Informasi Publik.');
    const number = await sendObjection(page);
    await assertNoAxeViolations(page, 'periodic objection receipt');
    assert.match(number, /^KEB-2026-\d{6}$/);
    if (adapter === 'demo') return;
    const res = await lookUpObjection(env.http, number, overdue.submission.requester.phone.slice(-4));
    assert.equal(res.status, 200);
    const status = await res.json();
    assert.deepEqual(status.reasons, ['b']);
    assert.equal(status.request_number, undefined);
  });
});
}

test('dispute: the window counts from when the answer was received, at the competent Komisi', async () => {
  await withPage('dispute-received', async (page) => {
    const objection = SEED.objections[0];
    await page.goto(`${env.http.url}/keberatan/sengketa?nomor=${objection.receipt.number}`);
    await waitForApp(page);
    await page.locator('#dispute-verifier').fill(refused.submission.requester.email);
    await page.getByRole('button', { name: 'Cek status' }).click();
    const lastDay = page.locator('dl.deadlines .row').nth(1).locator('dd strong');
    await lastDay.waitFor();
    // Answered Tuesday 10 November: 14 of the Komisi's working days later is Monday 30 November.
    assert.equal(await lastDay.innerText(), longDate('2026-11-30'));
    assert.match(await page.locator('section.panel').innerText(), /Komisi Informasi Provinsi Jawa Barat/);
    await page.locator('#dispute-received').fill('2026-11-12');
    await page.locator('#dispute-received').dispatchEvent('change');
    await page.waitForFunction((d) => document.querySelectorAll('dl.deadlines .row')[1]?.querySelector('dd strong')?.textContent === d, longDate('2026-12-02'));
    await page.locator('dl.deadlines details').nth(1).locator('summary').click();
    assert.match(await page.locator('dl.deadlines details').nth(1).innerText(), /hari kerja Komisi Informasi/);
    await assertNoAxeViolations(page, 'dispute with a date of receipt');
  });
});
