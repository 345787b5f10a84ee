// Cek Status: every seeded request's page shows the law's clock (due date, how it was
// computed, working days left or how late), each outcome in words, the notice's documents, a calendar
// file and the way to object. Expectations come from the seed and its calendar, not from the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useServers, waitForApp, assertNoAxeViolations, SEED, DEMO_NOW_MS, NOW_ARGS, PASAL17_ID } from './harness.mjs';
import { addDays, addWorkingDays, workingDaysBetween, longDate } from './harness.mjs';
import { pageRunner, lookUpStatus } from './page.mjs';

const TODAY = new Date(DEMO_NOW_MS + 7 * 3600 * 1000).toISOString().slice(0, 10);
const OUTCOMES = {
  fulfilled: 'Dipenuhi',
  partly_fulfilled: 'Dipenuhi sebagian',
  refused: 'Ditolak',
  not_held: 'Informasi tidak dikuasai',
  not_yet_documented: 'Informasi belum didokumentasikan',
  forwarded: 'Diteruskan',
};

const env = useServers({ server: { config: { api_base: '/api', timeout_ms: 15000 }, args: NOW_ARGS } });
const withPage = pageRunner('status', env, { fixedTime: DEMO_NOW_MS });

/** What the seed says a request's page must show. */
function expected(request) {
  const { counts_from: countsFrom } = request.receipt;
  const s = SEED.meta.service_standards;
  const day = (e) => e.at.slice(0, 10);
  const notice = addWorkingDays(countsFrom, s.notice_days);
  // An extension counts when it was notified within the notice period (Pasal 22(8)).
  const extended = request.events.some((e) => e.kind === 'extended' && day(e) <= notice.due);
  const due = extended ? addWorkingDays(notice.due, s.extension_days) : notice;
  const notices = request.events.filter((e) => e.kind === 'notice');
  const noticed = notices[0];
  const left = workingDaysBetween(TODAY, due.due);
  const overdue = !noticed && TODAY > due.due;
  let clock;
  if (noticed) clock = 'Pemberitahuan tertulis sudah diberikan (lihat riwayat di bawah).';
  else if (overdue) clock = `Terlambat: batas waktu sudah lewat ${Math.max(1, -left)} hari kerja dan belum ada pemberitahuan tertulis. Anda dapat mengajukan keberatan.`;
  else if (left === 0) clock = 'Hari ini hari terakhir untuk pemberitahuan tertulis.';
  else clock = `Sisa ${left} hari kerja sampai batas pemberitahuan tertulis.`;
  const documents = request.events.flatMap((e) => e.documents ?? []);

  // Pasal 35(1) reasons, as docs/legal-basis.md and the contract's table read them: each window counts
  // from when the requester received the notice, delivery or bill (the office's received_on, else
  // the sending date, which the page then says).
  const received = (e) => ({ on: e.received_on ?? day(e), assumed: !e.received_on, sent: day(e) });
  const fromSending = (d) => ` Dihitung dari tanggal pengiriman (${longDate(d)}). Jika Anda menerimanya lebih lambat, isi tanggal penerimaan di atas: batasnya ikut bergeser.`;
  const opensLater = (d) => `Tampak belum waktunya: menurut catatan, alasan ini ditemukan mulai ${longDate(d)} jika keadaannya tetap sama.`;
  const window = (since, zero, assumed) => {
    if (TODAY < since) return opensLater(since);
    const last = addWorkingDays(zero, s.objection_filing_days).due;
    const text = TODAY <= last ? `Dapat diajukan sampai ${longDate(last)}.` : `Tampak lewat batas: menurut catatan batasnya ${longDate(last)}.`;
    return assumed ? text + fromSending(zero) : text;
  };
  const waits = 'Tampak belum waktunya: alasan ini ditemukan saat Anda menerima pemberitahuan tertulis, informasi atau tagihan, dan catatan belum menunjukkannya.';
  const inTime = 'Menurut catatan, pemberitahuan atau informasinya datang tepat waktu.';
  const fromLatest = (events) => {
    const got = events.map(received).sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0)).at(-1);
    return got ? window(got.on, got.on, got.assumed) : waits;
  };
  const of = (kind) => request.events.filter((e) => e.kind === kind);
  const first = noticed ? day(noticed) : null;
  const onTime = first !== null && first <= due.due;
  const nothing = ['refused', 'not_held', 'not_yet_documented', 'forwarded'];
  const latestNotice = [...notices].sort((x, y) => (x.at < y.at ? -1 : 1)).at(-1);
  const deliverBy = latestNotice?.provide_by ?? due.due;
  const delivery = [...of('delivered'), ...notices.filter((n) => !n.provide_by && !nothing.includes(n.outcome))]
    .sort((x, y) => (x.at < y.at ? -1 : 1))[0];
  let g;
  if (delivery) {
    const got = received(delivery);
    g = got.sent > deliverBy ? window(got.on, got.on, got.assumed) : inTime;
  } else if (of('delivered').length === 0 && latestNotice && nothing.includes(latestNotice.outcome)) {
    g = inTime;
  } else {
    g = window(addDays(deliverBy, 1), deliverBy, false);
  }
  const reasons = {
    a: fromLatest(notices),
    b: 'Dapat diajukan kapan saja.',
    c: onTime ? inTime : window(addDays(due.due, 1), due.due, false),
    d: fromLatest([...notices, ...of('delivered')]),
    e: fromLatest([...notices, ...of('delivered')]),
    f: fromLatest([...notices, ...of('billed')]),
    g,
  };
  return { extended, due, noticed, clock, overdue, documents, reasons };
}

for (const request of SEED.requests) {
  const number = request.receipt.number;
  test(`status of ${number}: clock, outcome, documents, calendar file and objection link`, async () => {
    await withPage(number, async (page) => {
      const want = expected(request);
      const { email, phone } = request.submission.requester;
      await lookUpStatus(page, env.server.url, number, email ?? phone.slice(-4));
      const panel = page.locator('section.panel', { has: page.locator('#status-heading') });
      await panel.locator('dl.deadlines').waitFor();

      const label = await panel.locator('dl.deadlines dt').innerText();
      assert.equal(label, want.extended ? 'Paling lambat, jika waktu diperpanjang' : 'Batas pemberitahuan tertulis');
      assert.equal(await panel.locator('dl.deadlines dd strong').innerText(), longDate(want.due.due));
      await panel.locator('dl.deadlines summary').click();
      const skipped = await panel.locator('dl.deadlines details li').allInnerTexts();
      assert.deepEqual(skipped.map((s) => s.split(' — ')[0]), (want.extended ? [...addWorkingDays(request.receipt.counts_from, SEED.meta.service_standards.notice_days).skipped, ...want.due.skipped] : want.due.skipped).map(longDate));
      assert.equal(await panel.locator('p.clock').innerText(), want.clock);
      assert.equal(await panel.locator('p.clock.overdue').count(), want.overdue ? 1 : 0, 'overdue is marked');

      // Which objection reasons are open now, until when, or why not.
      const reasons = await panel.locator('.reasons-now li').evaluateAll((lis) =>
        Object.fromEntries(lis.map((li) => [li.dataset.reason, li.querySelector('span').textContent])),
      );
      assert.deepEqual(reasons, want.reasons);

      // The outcome in words, with the Pasal 17 letter explained.
      const timeline = await panel.locator('ol.timeline').innerText();
      if (want.noticed) {
        assert.ok(timeline.includes(OUTCOMES[want.noticed.outcome]), `outcome ${want.noticed.outcome} in words`);
        if (want.noticed.pasal17) assert.ok(timeline.includes(PASAL17_ID[want.noticed.pasal17]), 'the Pasal 17 letter in words');
      }
      // Every document of the notice, with its type and size, linked.
      const links = await panel.locator('ol.timeline ul.files a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
      assert.deepEqual(links, want.documents.map((d) => [d.name, d.url]));

      // Object: the objection page with the number.
      assert.equal(await panel.getByRole('link', { name: 'Ajukan keberatan' }).getAttribute('href'), `/keberatan/ajukan?nomor=${number}`);

      // The calendar file holds the due date.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('link', { name: 'Simpan tanggal ke kalender (.ics)' }).click(),
      ]);
      const ics = fs.readFileSync(await download.path(), 'utf8');
      assert.ok(ics.includes(`DTSTART;VALUE=DATE:${want.due.due.replaceAll('-', '')}`), 'the due date is in the calendar file');

      // Never the requester's NIK (nor any other personal detail of the form), on screen or printed.
      const { nik, address } = request.submission.requester;
      for (const secret of [nik, address].filter(Boolean)) {
        assert.ok(!(await page.content()).includes(secret), 'no personal data in the page');
      }
      await page.emulateMedia({ media: 'print' });
      if (nik) assert.ok(!(await page.locator('body').innerText()).includes(nik), 'no NIK printed');
      await page.emulateMedia({ media: 'screen' });

      await assertNoAxeViolations(page, `status ${number}`);
    });
  });
}

test('the seed covers the clock\'s cases: on time, due soon, overdue, extended, and notices', () => {
  const cases = SEED.requests.map(expected);
  assert.ok(cases.some((c) => c.overdue), 'an overdue request');
  assert.ok(cases.some((c) => c.extended), 'an extended request');
  assert.ok(cases.some((c) => !c.noticed && !c.overdue), 'a request still within time');
  assert.ok(cases.some((c) => c.noticed && c.documents.length > 0), 'a notice with documents');
});

test('the dispute route: an answered objection, the last day to file with the Komisi Informasi, and a printable summary', async () => {
  await withPage('dispute', async (page) => {
    const objection = SEED.objections.find((o) => o.answer);
    const { number } = objection.receipt;
    // From the objection page.
    await page.goto(`${env.server.url}/keberatan`);
    await waitForApp(page);
    await page.getByRole('link', { name: /Lihat jalur sengketa ke Komisi Informasi/ }).click();
    await page.waitForURL(/\/keberatan\/sengketa$/);
    await waitForApp(page);
    assert.equal((await page.locator('main h1').innerText()).trim(), 'Sengketa ke Komisi Informasi');

    // Wrong detail: the same generic message as the status lookup.
    await page.locator('#dispute-number').fill(number);
    await page.locator('#dispute-verifier').fill('bukan@contoh.id');
    await page.locator('main#main').getByRole('button', { name: 'Cek status' }).click();
    await page.getByText('Kami tidak menemukan keberatan dengan nomor dan data tersebut. Periksa kembali keduanya.').waitFor();
    await assertNoAxeViolations(page, 'dispute not found');

    await page.locator('#dispute-verifier').fill(objection.submission.verifier);
    await page.locator('main#main').getByRole('button', { name: 'Cek status' }).click();
    const panel = page.locator('section.panel', { has: page.locator('#dispute-heading') });
    await panel.locator('dl.deadlines').waitFor();
    assert.equal(await panel.locator('h2').innerText(), number);
    const text = await panel.innerText();
    assert.ok(text.includes(objection.answer.summary), 'the answer in full');
    assert.ok(text.includes(objection.answer.upheld ? 'Keberatan diterima' : 'Keberatan ditolak: atasan PPID menguatkan keputusan PPID'));
    assert.ok(!text.includes('tidak diterima'), 'an objection the atasan rejects is never "tidak diterima"');
    assert.ok(text.includes(objection.submission.case_summary), 'the case summary');
    const request = SEED.requests.find((r) => r.receipt.number === objection.receipt.request_number);
    assert.ok(text.includes(request.submission.information), 'the request it is about, for the summary');

    // The answer was due 30 working days after the objection; the dispute 14 after the answer.
    const s = SEED.meta.service_standards;
    const answerDue = addWorkingDays(objection.receipt.counts_from, s.objection_answer_days).due;
    const lastDay = addWorkingDays(objection.answer.at.slice(0, 10), s.dispute_filing_days).due;
    const dues = await panel.locator('dl.deadlines .row dd strong').allInnerTexts();
    assert.deepEqual(dues, [longDate(answerDue), longDate(lastDay)]);
    const state = await panel.locator('p.clock').innerText();
    assert.equal(state, TODAY <= lastDay
      ? `Anda dapat mengajukan sengketa ke Komisi Informasi sampai ${longDate(lastDay)}.`
      : `Menurut tanggal yang tercatat, batas waktu mengajukan sengketa sudah lewat pada ${longDate(lastDay)}. Komisi Informasi yang menilai apakah permohonan Anda masih dapat diterima.`);
    const docs = await panel.locator('ul.files a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(docs, objection.answer.documents.map((d) => d.url));
    await assertNoAxeViolations(page, 'dispute route');

    // Printed: the summary without the form or buttons.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('form').evaluate((f) => getComputedStyle(f).display), 'none');
    assert.notEqual(await panel.evaluate((p) => getComputedStyle(p).display), 'none');
  }, {
    // The one expected error: the browser logs the 404 of the lookup with the wrong detail.
    tolerated: (e) => /404 .*objection-lookups/.test(e),
  });
});

test('the number hint shows the backend\'s own example, and no format when the backend gives none', async () => {
  await withPage('number-hint', async (page) => {
    const hint = () => page.locator('#status-number-hint').innerText();
    await page.goto(`${env.server.url}/status`);
    await waitForApp(page);
    assert.equal(await hint(), `Tertera pada bukti permohonan Anda. Contoh: ${SEED.meta.registration_number_example}`);
    assert.equal(await page.locator('#status-number').getAttribute('aria-describedby'), 'status-number-hint');

    // Another office's format, then none at all: the portal never shows a format of its own.
    for (const [example, expected] of [
      ['REG/0042/PPID-KAB/2027', 'Tertera pada bukti permohonan Anda. Contoh: REG/0042/PPID-KAB/2027'],
      [undefined, 'Tertera pada bukti permohonan Anda.'],
      ['   ', 'Tertera pada bukti permohonan Anda.'],
    ]) {
      await page.unroute('**/api/v1/meta');
      await page.route('**/api/v1/meta', (route) =>
        route.fulfill({ json: { ...SEED.meta, registration_number_example: example } }));
      await page.goto(`${env.server.url}/status`);
      await waitForApp(page);
      assert.equal(await hint(), expected, String(example));
      assert.doesNotMatch(await page.locator('main').innerText(), example ? /PPID-2026/ : /Contoh/, 'no format of its own');
    }
    await assertNoAxeViolations(page, 'status form without a number example');
    // The objection form's request-number hint shows no format either.
    await page.goto(`${env.server.url}/keberatan/ajukan`);
    await waitForApp(page);
    assert.doesNotMatch(await page.locator('main').innerText(), /PPID-2026-|KEB-2026-/);
  }, {
    // A service worker would answer /v1/meta itself, past the routes above.
    context: { serviceWorkers: 'block' },
  });
});
