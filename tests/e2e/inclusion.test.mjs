// The portal speaks to everyone: the service charter on Tentang from the backend's metadata,
// with the six elements of PerKI 1/2021 Pasal 47(2), read aloud and in large print; any page read aloud from the header; easy mode (larger text, stronger
// contrast) remembered and honoured on every page; no sideways scrolling at 320 px (400 % zoom of a
// 1280 px window, WCAG 1.4.10) and at 640 px (200 % zoom), in both modes.
//
// Speech synthesis is replaced by an init script that records what it was asked to say (text and
// language) and each cancel; a browser without it is simulated by removing it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, SEED, NOW_ARGS } from './harness.mjs';
import { pageRunner } from './page.mjs';

const env = useServers({
  server: { config: { api_base: '/api' }, args: NOW_ARGS },
  // The service-down page: a backend that does not answer.
  down: { config: { api_base: 'http://127.0.0.1:9/api' } },
});
const ITEM = SEED.catalogue[0];
const REQUEST = SEED.requests[0].receipt.number;
/** A published request of the seed, as the register lists it. */
const REGISTER_ENTRY = SEED.requests.find((r) => r.publication && r.submission.publish).publication.id;

/** Replaces speech synthesis with a recorder: window.__spoken [{text, lang}], __cancels, __queue. */
function fakeSpeech() {
  window.__spoken = [];
  window.__cancels = 0;
  window.__queue = [];
  window.SpeechSynthesisUtterance = class {
    constructor(text) {
      this.text = text;
      this.lang = '';
      this.onend = null;
      this.onerror = null;
    }
  };
  const synth = {
    speak(u) {
      window.__spoken.push({ text: u.text, lang: u.lang });
      window.__queue.push(u);
    },
    cancel() {
      window.__cancels++;
      // As browsers do: what was queued ends with an error ("interrupted").
      for (const u of window.__queue.splice(0)) u.onerror?.({ error: 'interrupted' });
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
}
/** Ends the last utterance, as if it had been read to the end. */
const finishSpeaking = (page) => page.evaluate(() => window.__queue.splice(0).at(-1)?.onend?.({}));
const spoken = (page) => page.evaluate(() => window.__spoken);
/** A browser without speech synthesis. */
function noSpeech() {
  Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
}

/** Pages whose speech synthesis is the recorder, unless a test sets up another. */
const withPage = pageRunner('inclusion', env, { setup: (page) => page.addInitScript(fakeSpeech) });

/** The charter's element headings, in the order of PerKI 1/2021 Pasal 47(2) (objections belong to the time limits). */
const CHARTER_HEADINGS = [
  'Dasar hukum',
  'Cara mengajukan permohonan',
  'Standar waktu layanan',
  'Jika tidak puas',
  'Biaya',
  'Jaminan pelayanan',
  'Evaluasi kinerja pelaksana',
];
const NOT_PUBLISHED = 'Kantor PPID belum mengumumkan bagian maklumat ini. Tanyakan langsung ke kantor PPID.';

test('Tentang is the service charter from the backend: all six elements, read aloud in Indonesian, stopped, and in large print', async () => {
  // Other time limits than the seed's: what is shown and read comes from the backend, not the portal.
  const standards = { ...SEED.meta.service_standards, notice_days: 9, extension_days: 6, objection_filing_days: 25 };
  await withPage('charter', async (page) => {
    await page.route('**/api/v1/meta', (route) =>
      route.fulfill({ json: { ...SEED.meta, service_standards: standards } }));
    await page.goto(`${env.server.url}/tentang`);
    await waitForApp(page);
    const charter = page.getByRole('region', { name: 'Maklumat pelayanan' });
    await charter.waitFor();
    const text = await charter.innerText();
    for (const expected of [
      'Dasar hukum',
      'Undang-Undang',
      'Cara mengajukan permohonan',
      'Simpan nomor registrasi',
      'paling lambat 9 hari kerja, dapat diperpanjang 6 hari kerja',
      'Keberatan diajukan paling lambat 25 hari kerja',
      'tidak dipungut biaya',
    ]) assert.ok(text.includes(expected), `the charter says "${expected}"`);
    assert.deepEqual(await charter.locator('h3').allInnerTexts(), CHARTER_HEADINGS, 'all six elements');
    // The guarantee and the evaluation are the office's own words and documents.
    const { service_guarantee: guarantee, performance_evaluation: evaluation } = SEED.meta.charter;
    assert.ok(text.includes(guarantee.text), 'the service guarantee');
    assert.ok(text.includes(evaluation.text), 'the performance evaluation');
    assert.equal(await charter.getByRole('link', { name: 'Dokumen jaminan pelayanan' }).getAttribute('href'), guarantee.url);
    assert.equal(await charter.getByRole('link', { name: 'Dokumen evaluasi kinerja pelaksana' }).getAttribute('href'), evaluation.url);
    assert.ok(!text.includes(NOT_PUBLISHED), 'nothing reported missing');
    await assertNoAxeViolations(page, 'service charter');

    const listen = charter.getByRole('button', { name: 'Dengarkan maklumat' });
    await listen.click();
    const said = await spoken(page);
    assert.ok(said.length > 5, 'read line by line');
    assert.ok(said.every((u) => u.lang === 'id-ID'), 'in Indonesian');
    const all = said.map((u) => u.text).join('\n');
    assert.ok(all.startsWith('Maklumat pelayanan'), 'from the charter heading');
    assert.ok(all.includes('paling lambat 9 hari kerja'), 'the time limits');
    for (const element of CHARTER_HEADINGS) assert.ok(all.includes(element), `"${element}" is read`);
    assert.ok(all.includes(guarantee.text) && all.includes(evaluation.text), 'the guarantee and the evaluation are read');
    assert.ok(!all.includes('Dengarkan maklumat') && !all.includes('Huruf besar'), 'not its own controls');
    assert.ok(!all.includes('Kontak'), 'only the charter, not the rest of the page');
    const stop = charter.getByRole('button', { name: 'Berhenti membacakan' });
    await stop.click();
    assert.equal(await page.evaluate(() => window.__cancels), 2, 'cancelled (once before speaking, once to stop)');
    await listen.waitFor();
    // Read to the end: the button is ready again.
    await listen.click();
    await stop.waitFor();
    await finishSpeaking(page);
    await listen.waitFor();

    const large = charter.getByRole('button', { name: 'Huruf besar' });
    assert.equal(await large.getAttribute('aria-pressed'), 'false');
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#maklumat p')).fontSize));
    const before = await size();
    await large.click();
    assert.equal(await large.getAttribute('aria-pressed'), 'true');
    assert.ok((await size()) >= before * 1.4, `large print: ${before}px -> ${await size()}px`);
    const guaranteeSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#jaminan p')).fontSize));
    assert.ok(guaranteeSize >= before * 1.4, `the guarantee in large print too: ${guaranteeSize}px`);
    await assertNoAxeViolations(page, 'service charter in large print');
  });
});

test('a backend that states no guarantee or evaluation: Tentang says the office has not published them and makes none up', async () => {
  for (const [name, charter] of [
    ['absent', undefined],
    // Unusable: a link that is not http(s), and blank text.
    ['unusable', { service_guarantee: { url: 'javascript:alert(1)' }, performance_evaluation: { text: ' \n ' } }],
    // One stated, one not.
    ['half', { performance_evaluation: { url: 'https://ppid.example.go.id/evaluasi-2025.pdf' } }],
  ]) {
    await withPage(`charter-${name}`, async (page) => {
      await page.route('**/api/v1/meta', (route) => route.fulfill({ json: { ...SEED.meta, charter } }));
      await page.goto(`${env.server.url}/tentang`);
      await waitForApp(page);
      const region = page.getByRole('region', { name: 'Maklumat pelayanan' });
      await region.waitFor();
      assert.deepEqual(await region.locator('h3').allInnerTexts(), CHARTER_HEADINGS, `${name}: still six elements`);
      assert.deepEqual(await page.locator('#jaminan p').allInnerTexts(), [NOT_PUBLISHED], name);
      assert.equal(await page.locator('#jaminan a').count(), 0, `${name}: no link`);
      const evaluation = page.locator('#evaluasi');
      if (name === 'half') {
        assert.equal(await evaluation.getByRole('link', { name: 'Dokumen evaluasi kinerja pelaksana' }).getAttribute('href'),
          'https://ppid.example.go.id/evaluasi-2025.pdf');
        assert.ok(!(await evaluation.innerText()).includes(NOT_PUBLISHED), 'a link alone is published');
      } else {
        assert.deepEqual(await evaluation.locator('p').allInnerTexts(), [NOT_PUBLISHED], name);
      }
      await assertNoAxeViolations(page, `charter without the office's elements (${name})`);
      await region.getByRole('button', { name: 'Dengarkan maklumat' }).click();
      const all = (await spoken(page)).map((u) => u.text).join('\n');
      assert.ok(all.includes(NOT_PUBLISHED), `${name}: the missing element is read as missing`);
      if (name !== 'absent') return;
      // In English too.
      await page.locator('.lang-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const en = page.getByRole('region', { name: 'Service charter' });
      await en.waitFor();
      const headings = await en.locator('h3').allInnerTexts();
      assert.equal(headings.length, 7);
      assert.deepEqual(headings.slice(-3), ['Fees', 'Service guarantee', 'Performance evaluation of the service']);
      assert.ok((await en.innerText()).includes('The PPID office has not published this part of the charter yet.'));
      await assertNoAxeViolations(page, 'charter in English without the office\'s elements');
    });
  }
});

test('any page is read aloud from the header, in the page language, and stops when the page changes', async () => {
  await withPage('listen-page', async (page) => {
    await page.goto(`${env.server.url}/informasi/${ITEM.id}`);
    await waitForApp(page);
    await page.getByRole('button', { name: 'Dengarkan halaman ini' }).click();
    let all = (await spoken(page)).map((u) => u.text).join('\n');
    const lines = all.split('\n');
    assert.ok(lines.slice(0, 3).includes(ITEM.title), `the page from the top, its heading included: ${all.slice(0, 80)}`);
    assert.ok(!all.includes('Menu utama') && !all.includes('Dengarkan halaman ini'), 'the main content only');
    await page.getByRole('button', { name: 'Berhenti membacakan' }).waitFor();
    const cancels = await page.evaluate(() => window.__cancels);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Informasi Publik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daftar Informasi Publik' }).waitFor();
    assert.equal(await page.evaluate(() => window.__cancels), cancels + 1, 'stopped on the new page');
    await page.getByRole('button', { name: 'Dengarkan halaman ini' }).waitFor();
    // In English.
    await page.locator('.lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.evaluate(() => { window.__spoken = []; });
    await page.getByRole('button', { name: 'Listen to this page' }).click();
    const said = await spoken(page);
    assert.ok(said.length > 0 && said.every((u) => u.lang === 'en-US'), 'in English');
    all = said.map((u) => u.text).join('\n');
    assert.ok(all.split('\n').slice(0, 3).includes('Public Information List'), all.slice(0, 60));
    await assertNoAxeViolations(page, 'reading aloud');
  });
});

test('a browser without speech synthesis shows no read-aloud button at all', async () => {
  await withPage('no-speech', async (page) => {
    for (const path of ['/tentang', '/permohonan/jenis']) {
      await page.goto(`${env.server.url}${path}`);
      await waitForApp(page);
      assert.equal(await page.getByRole('button', { name: /Dengarkan/ }).count(), 0, path);
      assert.equal(await page.getByRole('button', { name: 'Mode mudah' }).count(), 1, `${path}: easy mode is still there`);
    }
  }, { setup: (page) => page.addInitScript(noSpeech) });
});

/** Every page a citizen can reach, and what must be on it before it is checked: a text, or a field's value. */
const PAGES = [
  ['/', null],
  ['/informasi', null],
  [`/informasi/${ITEM.id}`, null],
  ['/tentang', 'Maklumat pelayanan'],
  ['/permohonan', null],
  ['/permohonan/jenis', null],
  ['/status', null],
  [`/status?nomor=${REQUEST}`, { field: '#status-number', value: REQUEST }],
  ['/keberatan', null],
  [`/keberatan/ajukan?nomor=${REQUEST}`, { field: '#obj-number', value: REQUEST }],
  ['/keberatan/sengketa', null],
  ['/statistik', null],
  ['/register', null],
  [`/register/${REGISTER_ENTRY}`, null],
  ['/halaman-yang-tidak-ada', null],
];

async function open(page, url, text) {
  await page.goto(url);
  await waitForApp(page);
  if (typeof text === 'string') await page.locator('main').getByText(text).first().waitFor();
  else if (text) await page.waitForFunction(({ field, value }) => document.querySelector(field)?.value === value, text);
}
const overflow = (page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));

test('easy mode: set once, remembered on every page and after a reload, larger text and stronger contrast, no axe violations', async () => {
  await withPage('easy', async (page) => {
    await open(page, `${env.server.url}/`);
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const muted = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--muted').trim());
    const normal = await fontSize();
    const easy = page.getByRole('button', { name: 'Mode mudah' });
    assert.equal(await easy.getAttribute('aria-pressed'), 'false');
    await easy.click();
    assert.equal(await easy.getAttribute('aria-pressed'), 'true');
    assert.ok((await fontSize()) >= normal * 1.2, `larger text: ${normal}px -> ${await fontSize()}px`);
    assert.equal(await muted(), '#1f2328', 'secondary text as dark as body text');
    for (const [path, text] of PAGES) {
      await open(page, `${env.server.url}${path}`, text);
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-easy')), true, `${path}: easy mode`);
      assert.equal(await page.getByRole('button', { name: 'Mode mudah' }).getAttribute('aria-pressed'), 'true', path);
      assert.ok((await fontSize()) >= normal * 1.2, `${path}: larger text`);
      await assertNoAxeViolations(page, `${path} in easy mode`);
    }
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-easy')), true, 'after a reload');
    // Off again, everywhere.
    await page.getByRole('button', { name: 'Mode mudah' }).click();
    await open(page, `${env.server.url}/informasi`);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-easy')), false, 'off');
    assert.equal(await fontSize(), normal);
  });
});

for (const [width, height, zoom] of [[320, 640, '400 %'], [640, 400, '200 %']]) {
  test(`${width} px wide (${zoom} zoom): no page scrolls sideways, in normal and in easy mode`, async () => {
    await withPage(`width-${width}`, async (page) => {
      const wide = [];
      for (const easy of [false, true]) {
        await page.evaluate((on) => (on ? localStorage.setItem('ppid.easy', '1') : localStorage.removeItem('ppid.easy')), easy)
          .catch(() => {});
        for (const [path, text] of PAGES) {
          await open(page, `${env.server.url}${path}`, text);
          const { scroll, width: w } = await overflow(page);
          if (scroll > w) wide.push(`${path}${easy ? ' (easy)' : ''}: ${scroll}px in ${w}px`);
        }
      }
      await page.goto(`${env.down.url}/`);
      await waitForApp(page);
      const { scroll, width: w } = await overflow(page);
      if (scroll > w) wide.push(`service down: ${scroll}px in ${w}px`);
      assert.deepEqual(wide, [], 'pages wider than the screen');
    }, {
      context: { viewport: { width, height } },
      // The service-down page's failed requests to the backend are what that page is about.
      tolerated: (e) => e.includes('127.0.0.1:9/') || /ERR_CONNECTION_REFUSED|Failed to load resource/.test(e),
    });
  });
}
