// A hostile backend: ppid-server's fault switches (`--fault-control`, `/__faults`) make the API answer
// 500, slowly, malformed or wrong-shaped JSON, another contract version, 429 with Retry-After, field errors, a
// huge catalogue page, or text filled with script-injection payloads. For each, the citizen gets a sentence in
// Bahasa Indonesia and a next step, loses no answer, submits nothing twice, runs no payload, and the portal
// recovers when the backend does. Every error state passes axe-core.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, SEED, NOW_ARGS, OFFICE, faultSwitches } from './harness.mjs';
import { pageRunner, assertDownPage, HOME_TITLE, SAY as DOWN } from './page.mjs';
import { DRAFT_KEY, T, begin, fillAll, answerUntil, checkRows, heading, expectStep, next, pdf } from './wizard.mjs';
import { probeNumber, serial, sentPage, sendRequest } from './wizard.mjs';

/** The portal gives up on a call after this long; `slow` faults answer later than that. */
const TIMEOUT_MS = 2000;
const SLOW = `slow:${TIMEOUT_MS + 2500}`;

const SAY = {
  ...DOWN,
  limited30: 'Terlalu banyak percobaan. Coba lagi setelah 30 detik.',
  limited2min: 'Terlalu banyak percobaan. Coba lagi setelah 2 menit.',
  tooLong: 'Isian terlalu panjang. Persingkat isian ini.',
  unknown: 'Isian ini tidak diterima. Periksa kembali.',
};

/** The faults tried on reads, with what the citizen must read. */
const READ_FAULTS = [
  ['500', 'status:500', SAY.server],
  ['malformed JSON', 'malformed', SAY.contract],
  ['JSON of the wrong shape', 'wrong-shape', SAY.contract],
  ['too slow', SLOW, SAY.timeout],
  ['429 with Retry-After', 'rate-limit:30', SAY.limited30],
];

const env = useServers({
  server: { config: { api_base: '/api', timeout_ms: TIMEOUT_MS, office: OFFICE }, args: [...NOW_ARGS, '--fault-control'] },
});
const fault = (...specs) => faultSwitches(env.server).fault(...specs);
const healthy = () => faultSwitches(env.server).healthy();

/** Failed API answers are logged by the browser as failed resources; those are expected here. */
const failedApi = (e) => /Failed to load resource: the server responded with a status of (4|5)\d\d/.test(e) && e.includes('/api/v1/');
/** A submit the test makes fail is also logged as an aborted or failed fetch. */
const failedSubmit = (e) => failedApi(e) || /net::ERR_ABORTED|Failed to fetch/.test(e);

/**
 * Fresh pages that record any sign of a payload running: calls to `window.__pwned` (every payload calls it),
 * dialogs, and Content-Security-Policy violations (a payload the portal let into the DOM as markup). After
 * the test, no payload may have run nor be in the DOM; faults are switched off.
 */
const withPage = pageRunner('hostile', env, {
  tolerated: failedApi,
  setup: async (page) => {
    page.executed = [];
    await page.context().exposeBinding('__pwned', (_source, where) => {
      page.executed.push(`payload ran: ${where}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__pwned(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
      });
    });
  },
  check: (page) => assertNothingRan(page),
  cleanup: healthy,
});

/** No payload ran, and the DOM holds no element or attribute a payload could have planted. */
async function assertNothingRan(page) {
  assert.deepEqual([...page.executed, ...page.dialogs], [], 'no payload ran, no dialog, no CSP violation');
  const planted = await page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
        if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc'].includes(a.name.toLowerCase())) {
          const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          // The receipt's own calendar file is a data:text/calendar link; nothing else may be a data: URL.
          const script = /^(javascript|vbscript):/.test(v) || (/^data:/.test(v) && !v.startsWith('data:text/calendar'));
          if (script || a.name === 'srcdoc') found.push(`<${el.localName} ${a.name}="${a.value}">`);
        }
      }
    }
    for (const sel of ['iframe', 'object', 'embed', 'math', 'mglyph', 'details[open] summary', 'body style', 'body meta', 'main script', 'main svg circle', 'main input[autofocus]']) {
      for (const el of document.querySelectorAll(sel)) found.push(`${sel}: ${el.outerHTML.slice(0, 80)}`);
    }
    return found;
  });
  assert.deepEqual(planted, [], 'nothing planted in the DOM');
}

/** Waits for an error box with `sentence` in main and returns its locator. */
async function expectErrorPanel(page, sentence, label) {
  const panel = page.locator('main#main .error-panel[role="alert"]');
  await panel.waitFor({ timeout: 10000 });
  assert.equal((await panel.innerText()).split('\n')[0].trim(), sentence, `${label}: the sentence`);
  return panel;
}

// ------------------------------------------------------------------ start-up (/v1/meta)

for (const [label, spec, reason] of [
  ...READ_FAULTS.map(([l, s, r]) => [l, s, r]),
  ['another contract major version', 'version:2.0.0', SAY.version],
  ['429 with a long Retry-After', 'rate-limit:90', SAY.limited2min],
]) {
  test(`start-up, ${label}: the service-down page with the office contact, and "Coba lagi" recovers`, { timeout: 60_000 }, async () => {
    await withPage(`boot-${spec}`, async (page) => {
      await fault(`/v1/meta=${spec}`);
      await page.goto(`${env.server.url}/`);
      await assertDownPage(page, reason, { label: `start-up ${label}` });
      assert.equal(await page.locator('nav').count(), 0, 'no menu into pages that cannot work');
      // Still broken: "Coba lagi" says so again (not a blank page).
      await page.locator('main#main').getByRole('button', { name: 'Coba lagi', exact: true }).click();
      await assertDownPage(page, reason, { label: `start-up ${label}, tried again` });
      await healthy();
      await page.locator('main#main').getByRole('button', { name: 'Coba lagi', exact: true }).click();
      await page.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.trim() === t, HOME_TITLE, { timeout: 10000 });
      await page.waitForFunction(() => document.querySelectorAll('.class-card .count').length === 4, null, { timeout: 10000 });
      assert.ok(!(await page.title()).startsWith('Galat: '), 'the title no longer says Galat');
      assert.equal(await page.locator('header .brand-name').innerText(), SEED.meta.public_body.name);
    });
  });
}

// ------------------------------------------------------------------ the catalogue and an item

for (const [label, spec, sentence] of READ_FAULTS) {
  test(`catalogue, ${label}: a sentence and "Coba lagi", filters kept, and it recovers`, { timeout: 60_000 }, async () => {
    await withPage(`catalogue-${spec}`, async (page) => {
      await page.goto(`${env.server.url}/informasi`);
      await waitForApp(page);
      await page.waitForFunction(() => document.querySelector('main#main .result-count')?.textContent.trim());
      await fault(`/v1/catalogue=${spec}`);
      // A search the citizen typed: it must survive the failure.
      await page.getByLabel('Cari informasi').fill('anggaran');
      await page.waitForURL(/q=anggaran/);
      const panel = await expectErrorPanel(page, sentence, `catalogue ${label}`);
      assert.ok(await panel.getByRole('button', { name: 'Coba lagi', exact: true }).isVisible(), 'a "Coba lagi" button');
      assert.equal(await page.locator('main#main h1').innerText(), 'Daftar Informasi Publik');
      await assertNoAxeViolations(page, `catalogue ${label}`);
      await healthy();
      await panel.getByRole('button', { name: 'Coba lagi', exact: true }).click();
      await page.waitForFunction(() => /\d/.test(document.querySelector('main#main .result-count')?.textContent ?? ''), null, { timeout: 10000 });
      assert.equal(await page.getByLabel('Cari informasi').inputValue(), 'anggaran', 'the search is kept');
      assert.match(new URL(page.url()).search, /q=anggaran/);
      assert.ok((await page.locator('main#main ol.results > li, main#main .results li').count()) > 0, 'results are listed');
    });
  });
}

test('an item page, 500 then healthy: a sentence, "Coba lagi" fetches it again', { timeout: 60_000 }, async () => {
  const item = SEED.catalogue.find((i) => i.class === 'berkala');
  await withPage('item-500', async (page) => {
    await fault(`/v1/catalogue/*=status:500`);
    await page.goto(`${env.server.url}/informasi/${encodeURIComponent(item.id)}`);
    await waitForApp(page, 'main#main .error-panel');
    const panel = await expectErrorPanel(page, SAY.server, 'item 500');
    assert.equal(await page.locator('main#main a.back-link').getAttribute('href'), '/informasi', 'a way back to the catalogue');
    await healthy();
    await panel.getByRole('button', { name: 'Coba lagi', exact: true }).click();
    await page.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.trim() === t, item.title, { timeout: 10000 });
  });
});

// An item page that failed to load (src/pages/item.rs) still has its <h1>, as the catalogue and home pages do:
// without one axe finds `page-has-heading-one`, and a screen-reader user lands on a page with no title.
test('an item page that failed to load has a level-one heading (axe)', async () => {
  const item = SEED.catalogue.find((i) => i.class === 'berkala');
  await withPage('item-500-axe', async (page) => {
    await fault(`/v1/catalogue/*=status:500`);
    await page.goto(`${env.server.url}/informasi/${encodeURIComponent(item.id)}`);
    await waitForApp(page, 'main#main .error-panel');
    await assertNoAxeViolations(page, 'item 500');
  });
});

test('a huge catalogue page (5000 items for 20 asked) is listed without hanging the page', { timeout: 90_000 }, async () => {
  await withPage('huge', async (page) => {
    await fault('/v1/catalogue=huge:5000');
    const t0 = Date.now();
    await page.goto(`${env.server.url}/informasi`);
    await waitForApp(page);
    await page.waitForFunction(() => /\d/.test(document.querySelector('main#main .result-count')?.textContent ?? ''), null, { timeout: 30000 });
    const elapsed = Date.now() - t0;
    assert.ok(elapsed < 20000, `the page was listed in ${elapsed} ms`);
    // The portal asked for 20: it lists 20, not the 5000 the backend sent.
    const listed = await page.locator('main#main ol.results > li, main#main ul.results > li').count();
    assert.ok(listed > 0 && listed <= 20, `${listed} items listed on the page`);
    // The page still answers to the citizen: typing a search is taken at once.
    const t1 = Date.now();
    await page.getByLabel('Cari informasi').fill('x');
    assert.ok(Date.now() - t1 < 3000, 'typing is not blocked');
    await healthy();
  });
});

// ------------------------------------------------------------------ hostile text everywhere

test('hostile text in every answer is shown as text and never runs', { timeout: 120_000 }, async () => {
  const withFiles = SEED.catalogue.find((i) => i.files.length > 0 && i.class !== 'dikecualikan');
  const excepted = SEED.catalogue.find((i) => i.class === 'dikecualikan');
  const request = SEED.requests[0];
  await withPage('payloads', async (page) => {
    // Every API answer: the public body, units, catalogue, items, announcements, calendars, status events.
    await fault('/v1/*=hostile');
    const visible = new Set();
    const look = async (label) => {
      await assertNothingRan(page);
      const text = await page.locator('body').innerText();
      for (const probe of ["<script>window.__pwned('script')</script>", "<img src=x onerror=", '<svg onload=', '&lt;b&gt;tebal', '\u202Efdp.exe']) {
        if (text.includes(probe)) visible.add(probe);
      }
      await assertNoAxeViolations(page, `hostile text: ${label}`);
    };

    await page.goto(`${env.server.url}/`);
    await page.waitForFunction(() => document.querySelectorAll('.class-card .count').length === 4, null, { timeout: 15000 });
    await page.waitForSelector('section.announcement');
    await look('home with the announcement');

    await page.goto(`${env.server.url}/informasi`);
    await page.waitForFunction(() => /\d/.test(document.querySelector('main#main .result-count')?.textContent ?? ''), null, { timeout: 15000 });
    await look('catalogue');

    await page.goto(`${env.server.url}/informasi/${encodeURIComponent(withFiles.id)}`);
    await page.waitForSelector('main#main .summary-list', { timeout: 15000 });
    await look('item with files (javascript: links)');
    assert.equal(await page.locator('ul.files a').count(), 0, 'no file link with a javascript:/data: URL is offered');

    await page.goto(`${env.server.url}/informasi/${encodeURIComponent(excepted.id)}`);
    await page.waitForSelector('.exemption', { timeout: 15000 });
    await look('excepted item');

    await page.goto(`${env.server.url}/tentang`);
    await waitForApp(page);
    await page.waitForSelector('main#main dl', { timeout: 15000 });
    await look('about');

    await page.goto(`${env.server.url}/status`);
    await waitForApp(page);
    await page.getByLabel('Nomor registrasi').fill(request.receipt.number);
    await page.getByLabel('Surel atau 4 angka terakhir nomor telepon').fill(request.submission.requester.email);
    await page.locator('main#main').getByRole('button', { name: 'Cek status' }).click();
    await page.waitForSelector('#status-heading', { timeout: 15000 });
    assert.ok((await page.locator('ol.timeline li').count()) >= 1);
    const notes = await page.locator('ol.timeline').innerText();
    assert.ok(notes.includes('__pwned'), 'the event notes are the payloads, shown as text');
    await look('status with hostile event notes');

    // The unit picker of the request wizard lists hostile unit names as options' text.
    await begin(page, env.server.url);
    await page.getByLabel(T.kinds.individual, { exact: true }).check();
    await look('request wizard');

    assert.ok(visible.size >= 3, `the payloads were visible as plain text: ${[...visible].join(' | ')}`);
  });
});

// ------------------------------------------------------------------ the request: faults at submit

/** The draft as stored, without the idempotency key (set by the first attempt). */
async function storedDraft(page) {
  return page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
}

const PROVISIONAL = 'Permohonan disimpan, belum terdaftar';

/** Waits for the provisional receipt of a request that waits in the outbox. */
async function expectProvisional(page, label) {
  await page.getByRole('heading', { name: PROVISIONAL, level: 1 }).waitFor({ timeout: 10000 });
  assert.match(await page.locator('.confirmation .reference').innerText(), /^SMT-[0-9A-F]{4}-[0-9A-F]{4}$/, `${label}: a temporary number`);
}

/** Presses "Kirim sekarang" and waits until that attempt at POST /v1/requests has ended, one way or another. */
async function sendNowAndWait(page) {
  const ended = new Promise((resolve) => {
    const done = (r) => {
      const req = r.request ? r.request() : r;
      if (req.method() === 'POST' && req.url().endsWith('/api/v1/requests')) {
        page.off('response', done);
        page.off('requestfailed', done);
        resolve();
      }
    };
    page.on('response', done);
    page.on('requestfailed', done);
  });
  await page.getByRole('button', { name: 'Kirim sekarang' }).click();
  await ended;
}

test('submit fails before the backend stores it: a 429 keeps the answers on the check page (a reload too); 500, 503 and too slow leave it waiting in the outbox under the same key; one request at the end', { timeout: 120_000 }, async () => {
  await withPage('submit-before', async (page) => {
    await begin(page, env.server.url);
    await fillAll(page, 'proxy');
    const rows = await checkRows(page);
    const keys = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/requests')) keys.push(r.headers()['idempotency-key']);
    });
    const before = serial(await probeNumber(env.server));

    // Too many attempts: the citizen is told to wait; nothing is lost, a reload neither.
    await fault('/v1/requests=rate-limit:30,times=1');
    await page.getByRole('button', { name: T.submit }).click();
    await page.getByRole('button', { name: T.sendAgain }).waitFor({ timeout: 10000 });
    await expectErrorPanel(page, SAY.limited30, 'submit 429');
    assert.equal(await heading(page), T.check, '429: still on the check page');
    assert.deepEqual(await checkRows(page), rows, '429: every answer is still there');
    const key = JSON.parse(await storedDraft(page)).idempotency_key;
    assert.ok(key, 'the draft keeps the submission key');
    await assertNoAxeViolations(page, 'submit 429');
    await page.reload();
    await expectStep(page, 'periksa', T.check, { moved: false });
    assert.deepEqual(await checkRows(page), rows, 'the answers survive a reload');
    assert.equal(JSON.parse(await storedDraft(page)).idempotency_key, key, 'the same key after a reload');

    // The backend fails: the request waits in the outbox with the same key.
    await fault('/v1/requests=status:500,times=1');
    await page.getByRole('button', { name: T.submit }).click();
    await expectProvisional(page, 'submit 500');
    assert.equal(await storedDraft(page), null, 'the draft is gone: the outbox holds the request now');
    await assertNoAxeViolations(page, 'submit 500: provisional receipt');
    for (const [label, spec] of [['503', 'status:503'], ['too slow', SLOW]]) {
      await fault(`/v1/requests=${spec},times=1`);
      await sendNowAndWait(page);
      await expectProvisional(page, label);
    }
    // The slow one reached the backend late; wait until it has been stored, then send again.
    await new Promise((r) => setTimeout(r, 3000));
    await page.getByRole('button', { name: 'Kirim sekarang' }).click();
    await page.getByRole('heading', { name: T.sent, level: 1 }).waitFor({ timeout: 10000 });
    const number = (await page.locator('.confirmation .reference').innerText()).trim();
    assert.ok(keys.length >= 5 && keys.every((k) => k === key), `every attempt under one key: ${keys.join(', ')}`);
    assert.equal(serial(number), before + 1, 'the request got the next number');
    assert.equal(serial(await probeNumber(env.server)), serial(number) + 1, 'exactly one request was created');
  }, { tolerated: failedSubmit });
});

test('the backend stores the request but its answer is lost (malformed, wrong shape, 500, too slow): retries give the same number', { timeout: 120_000 }, async () => {
  await withPage('submit-after', async (page) => {
    await begin(page, env.server.url);
    await fillAll(page, 'individual');
    const rows = await checkRows(page);
    const before = serial(await probeNumber(env.server));
    // An answer the portal cannot read: the citizen is told, and sends again.
    for (const [i, [label, spec]] of [['malformed JSON', 'malformed,after'], ['JSON of the wrong shape', 'wrong-shape,after']].entries()) {
      await fault(`/v1/requests=${spec},times=1`);
      await page.getByRole('button', { name: i === 0 ? T.submit : T.sendAgain }).click();
      await page.getByRole('button', { name: T.sendAgain }).waitFor({ timeout: 10000 });
      await expectErrorPanel(page, SAY.contract, `answer lost: ${label}`);
      assert.deepEqual(await checkRows(page), rows, `${label}: every answer is still there`);
      await assertNoAxeViolations(page, `answer lost: ${label}`);
    }
    // A failure or no answer: the outbox takes it over.
    await fault('/v1/requests=status:500,after,times=1');
    await page.getByRole('button', { name: T.sendAgain }).click();
    await expectProvisional(page, 'answer lost: 500');
    await fault(`/v1/requests=${SLOW},after,times=1`);
    await sendNowAndWait(page);
    await expectProvisional(page, 'answer lost: too slow');
    await page.getByRole('button', { name: 'Kirim sekarang' }).click();
    await page.getByRole('heading', { name: T.sent, level: 1 }).waitFor({ timeout: 10000 });
    const number = (await page.locator('.confirmation .reference').innerText()).trim();
    assert.equal(serial(number), before + 1, 'the number of the first, stored attempt');
    assert.equal(serial(await probeNumber(env.server)), serial(number) + 1, 'five attempts, one request');
  }, { tolerated: failedSubmit });
});

test('field errors from the backend land on their questions with the portal\'s own words; the backend\'s text never shows', { timeout: 90_000 }, async () => {
  await withPage('field-errors', async (page) => {
    await begin(page, env.server.url);
    await fillAll(page, 'individual');
    const rows = await checkRows(page);
    const before = serial(await probeNumber(env.server));
    await fault('/v1/requests=field-errors:/requester/name:too_long+/purpose:unknown_value,times=1');
    await page.getByRole('button', { name: T.submit }).click();
    await expectStep(page, 'identitas', T.identity);
    await page.waitForSelector('.error-summary');
    assert.deepEqual(await page.locator('.error-summary li').allInnerTexts(), [SAY.tooLong]);
    assert.equal(await page.getAttribute('.error-summary a', 'href'), '#f-name');
    assert.equal(await page.locator('#f-name-error').innerText(), SAY.tooLong, 'the same words under the field');
    assert.equal(await page.getAttribute('#f-name', 'aria-invalid'), 'true');
    assert.match(await page.title(), /^Galat: /);
    assert.equal(await page.getByLabel('Nama lengkap').inputValue(), 'Siti Rahmawati', 'the answer is kept');
    assert.ok(!(await page.locator('body').innerText()).includes('__pwned'), 'the backend\'s own messages are not shown');
    await assertNoAxeViolations(page, 'backend field error on identity');
    // The citizen shortens the name and goes on: the second error waits on its own question.
    await page.getByLabel('Nama lengkap').fill('Siti R.');
    for (const [slug, title] of [['dokumen', T.document], ['kontak', T.contact], ['informasi', T.information], ['tujuan', T.purpose]]) {
      await next(page);
      await expectStep(page, slug, title);
    }
    await page.waitForSelector('.error-summary');
    assert.deepEqual(await page.locator('.error-summary li').allInnerTexts(), [SAY.unknown]);
    assert.equal(await page.getAttribute('#f-purpose', 'aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Tujuan penggunaan informasi').inputValue(), 'Bahan pengawasan anggaran oleh warga', 'the answer is kept');
    await assertNoAxeViolations(page, 'backend field error on purpose');
    for (const [slug, title] of [['cara', T.obtain], ['pengiriman', T.delivery], ['periksa', T.check]]) {
      await next(page);
      await expectStep(page, slug, title);
    }
    const after = await checkRows(page);
    assert.deepEqual(after.filter(([l]) => l !== 'Nama lengkap'), rows.filter(([l]) => l !== 'Nama lengkap'), 'the other answers are kept');
    assert.deepEqual(after.find(([l]) => l === 'Nama lengkap'), ['Nama lengkap', 'Siti R.']);
    const number = await sendRequest(page);
    assert.equal(serial(number), before + 1);
    assert.equal(serial(await probeNumber(env.server)), serial(number) + 1, 'one request');
  });
});

test('a 422 without field errors: answers stay and "Kirim lagi" sends once', { timeout: 90_000 }, async () => {
  await withPage('field-errors-empty', async (page) => {
    await begin(page, env.server.url);
    await fillAll(page, 'individual');
    const rows = await checkRows(page);
    const before = serial(await probeNumber(env.server));
    await fault('/v1/requests=field-errors:,times=1');
    await page.getByRole('button', { name: T.submit }).click();
    await page.getByRole('button', { name: T.sendAgain }).waitFor({ timeout: 10000 });
    const text = (await page.locator('main#main .error-panel[role="alert"]').innerText()).trim();
    assert.ok(text.length > 10, 'a sentence');
    assert.equal(await heading(page), T.check);
    assert.deepEqual(await checkRows(page), rows);
    await assertNoAxeViolations(page, '422 without field errors');
    await page.getByRole('button', { name: T.sendAgain }).click();
    const number = await sentPage(page);
    assert.equal(serial(number), before + 1);
    assert.equal(serial(await probeNumber(env.server)), serial(number) + 1, 'one request');
  });
});

// A 422 with no field errors is ApiError::Invalid([]): its sentence must not say "Periksa kembali isian yang
// ditandai" while nothing is marked, or the citizen goes looking for a mark that is not there.
test('a 422 without field errors does not point to marked fields that do not exist', async () => {
  await withPage('field-errors-empty-words', async (page) => {
    await begin(page, env.server.url);
    await fillAll(page, 'individual');
    await fault('/v1/requests=field-errors:,times=1');
    await page.getByRole('button', { name: T.submit }).click();
    await page.getByRole('button', { name: T.sendAgain }).waitFor({ timeout: 10000 });
    const text = (await page.locator('main#main .error-panel[role="alert"]').innerText()).trim();
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0, 'nothing is marked');
    assert.doesNotMatch(text, /ditandai/, `"${text}" refers to marked fields`);
  });
});

test('part-way through the wizard the unit list fails: the question still works and the chosen unit is kept', { timeout: 90_000 }, async () => {
  const unit = SEED.units[4];
  await withPage('units-fail', async (page) => {
    await begin(page, env.server.url);
    const answers = { files: [pdf('ktp.pdf')], address: 'Jl. Melati 3', phone: null, information: 'Data stunting 2025', unit: unit.name };
    await answerUntil(page, 'tujuan', answers);
    // The unit list now fails; the citizen reloads the question and comes back to it.
    await fault('/v1/units=status:500');
    await page.reload();
    await expectStep(page, 'tujuan', T.purpose, { moved: false });
    await page.getByRole('link', { name: 'Kembali' }).click();
    await expectStep(page, 'informasi', T.information);
    assert.equal(await page.getByLabel('Rincian informasi').inputValue(), 'Data stunting 2025');
    await page.getByText('Daftar unit tidak dapat dimuat saat ini.', { exact: false }).waitFor();
    await assertNoAxeViolations(page, 'information question without the unit list');
    await next(page);
    await expectStep(page, 'tujuan', T.purpose);
    const stored = JSON.parse(await storedDraft(page));
    assert.equal(stored.unit_id, unit.id, 'the chosen unit is still in the draft');
    await healthy();
    await page.getByRole('link', { name: 'Kembali' }).click();
    await expectStep(page, 'informasi', T.information);
    await page.waitForFunction((name) => document.querySelector('#f-unit')?.selectedOptions[0]?.textContent === name, unit.name);
  });
});

test('the confirmation when the calendar fails: the number is shown and kept, one request', { timeout: 90_000 }, async () => {
  await withPage('sent-calendar', async (page) => {
    await begin(page, env.server.url);
    await fillAll(page, 'individual');
    const before = serial(await probeNumber(env.server));
    await fault('/v1/calendar/*=status:500');
    await page.getByRole('button', { name: T.submit }).click();
    await page.waitForURL(/\/permohonan\/terkirim$/);
    const number = (await page.locator('.confirmation .reference').innerText()).trim();
    assert.equal(serial(number), before + 1);
    await expectErrorPanel(page, SAY.server, 'confirmation without the calendar');
    await assertNoAxeViolations(page, 'confirmation without the calendar');
    assert.equal(serial(await probeNumber(env.server)), serial(number) + 1, 'one request');
    await healthy();
    await page.reload();
    await page.waitForSelector('dl.deadlines', { timeout: 10000 });
    assert.equal((await page.locator('.confirmation .reference').innerText()).trim(), number, 'the same number after a reload');
  });
});

// The confirmation (src/pages/request/sent.rs) offers "Coba lagi" when the calendar fails: a bare sentence
// would leave a reload as the only way to the deadlines.
test('the confirmation offers "Coba lagi" when the deadlines could not be computed', async () => {
  await withPage('sent-calendar-retry', async (page) => {
    await begin(page, env.server.url);
    await fillAll(page, 'individual');
    await fault('/v1/calendar/*=status:500');
    await page.getByRole('button', { name: T.submit }).click();
    await page.waitForURL(/\/permohonan\/terkirim$/);
    await expectErrorPanel(page, SAY.server, 'confirmation without the calendar');
    assert.equal(await page.locator('main#main').getByRole('button', { name: 'Coba lagi' }).count(), 1);
    // The backend recovers: "Coba lagi" brings the deadlines, the number never changed.
    const number = await page.locator('.confirmation .reference').innerText();
    await healthy();
    await page.locator('main#main').getByRole('button', { name: 'Coba lagi' }).click();
    await page.locator('dl.deadlines').waitFor();
    assert.equal(await page.locator('.confirmation .reference').innerText(), number);
  });
});

// ------------------------------------------------------------------ the status lookup

for (const [label, spec, sentence] of [...READ_FAULTS, ['429 with a long Retry-After', 'rate-limit:90', SAY.limited2min]]) {
  test(`status lookup, ${label}: a sentence, the typed number and verifier stay, and "Cek status" works again`, { timeout: 60_000 }, async () => {
    const request = SEED.requests[0];
    await withPage(`status-${spec}`, async (page) => {
      await page.goto(`${env.server.url}/status`);
      await waitForApp(page);
      await fault(`/v1/request-lookups=${spec}`);
      await page.getByLabel('Nomor registrasi').fill(request.receipt.number);
      await page.getByLabel('Surel atau 4 angka terakhir nomor telepon').fill(request.submission.requester.email);
      const check = page.locator('main#main').getByRole('button', { name: 'Cek status' });
      await check.click();
      await expectErrorPanel(page, sentence, `status ${label}`);
      assert.equal(await page.getByLabel('Nomor registrasi').inputValue(), request.receipt.number);
      assert.equal(await page.getByLabel('Surel atau 4 angka terakhir nomor telepon').inputValue(), request.submission.requester.email);
      assert.ok(await check.isEnabled(), '"Cek status" can be pressed again');
      await assertNoAxeViolations(page, `status ${label}`);
      await healthy();
      await check.click();
      await page.waitForSelector('#status-heading', { timeout: 10000 });
      assert.equal(await page.locator('#status-heading').innerText(), request.receipt.number);
    });
  });
}
