// Who may ask and how the portal reads them: a group of people acting through its mandated member, a NIK whose
// date part is no real date (a warning, never a refusal), a phone written 0062..., and an office outside WIB
// whose times say their zone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, withServer, assertNoAxeViolations, SEED, NOW_ARGS } from './harness.mjs';
import { pageRunner } from './page.mjs';
import { T, VIEW, DRAFT_KEY, begin, next, expectStep, attach, answerUntil, pdf, checkRows, heading } from './wizard.mjs';
import { sendRequest, probeNumber, serial } from './wizard.mjs';

const GROUP = {
  kind: 'Kelompok orang',
  groupName: 'Kelompok Tani Sri Rejeki, Desa Cibodas',
  member: 'Budi Santoso',
  // Day 32 of month 08: no real date, yet a NIK the holder may well carry.
  nik: '3201013208900001',
  phone: '0062 812-3456-7890',
};
const LABEL = {
  groupName: 'Nama kelompok',
  member: 'Nama lengkap Anda',
  mandate: 'Surat mandat kelompok (tidak wajib)',
  identityCard: 'KTP atau paspor',
  contact: 'Isi paling sedikit satu: nomor telepon atau surel.',
};
const NIK_WARNING =
  'Angka ke-7 sampai ke-12 NIK ini bukan tanggal yang mungkin. Cocokkan dengan KTP Anda. Jika sudah sama dengan KTP, Anda tetap dapat melanjutkan: NIK tetap berlaku.';

const HTTP = { api_base: '/api', timeout_ms: 15000 };
const env = useServers({
  demo: { args: NOW_ARGS },
  http: { config: HTTP, args: NOW_ARGS },
  wita: { config: HTTP, args: [...NOW_ARGS, '--time-zone', 'Asia/Makassar'] },
});
const withPage = pageRunner('requesters', env, { demoClock: true });

/** The shortest valid answers from the contact question on (see only, no copy), with `phone`. */
const SHORT = {
  address: 'Dusun Pasirkaliki RT 001/RW 003, Desa Cibodas',
  email: null,
  information: 'Daftar penerima bantuan benih padi Desa Cibodas 2026',
  unit: null,
  purpose: 'Memastikan anggota kelompok tercatat',
  obtain: VIEW,
};

/** From the contact question on: the shortest valid answers up to the check page. */
async function answerFromContact(page, phone) {
  await expectStep(page, 'kontak', T.contact);
  await answerUntil(page, 'periksa', { ...SHORT, phone }, { from: 'kontak' });
}

for (const adapter of ['http', 'demo']) {
  test(`a group through its mandated member, with an odd NIK date and a 0062 phone, to its receipt (${adapter})`, async () => {
    await withPage(`group-${adapter}`, async (page) => {
      const server = env[adapter];
      const axe = adapter === 'http';
      const bodies = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/v1/requests')) bodies.push(r.postData());
      });
      await begin(page, server.url);
      // Four kinds of requester, the group among them.
      const kinds = await page.locator('#f-kind').locator('xpath=ancestor::fieldset').locator('.choice label').allInnerTexts();
      assert.deepEqual(kinds, [...Object.values(T.kinds), GROUP.kind]);
      await page.getByLabel(GROUP.kind, { exact: true }).check();
      await next(page);

      // The identity question asks what a group needs: its name, the member's own name and NIK.
      await expectStep(page, 'identitas', T.identity);
      await page.getByLabel(LABEL.groupName, { exact: true }).fill(GROUP.groupName);
      await page.getByLabel(LABEL.member, { exact: true }).fill(GROUP.member);
      await page.getByLabel('NIK', { exact: true }).fill(GROUP.nik);
      // The warning comes as the NIK is typed, at the field, described by it; nothing is marked invalid.
      const warning = page.locator('#f-nik-warning');
      await warning.waitFor();
      // Read out as "Peringatan: ..."; the "!" icon is hidden from assistive technology.
      assert.ok((await warning.textContent()).includes(`Peringatan: ${NIK_WARNING}`));
      assert.equal(await warning.locator('.warning-text-icon').getAttribute('aria-hidden'), 'true');
      assert.match(await page.getAttribute('#f-nik', 'aria-describedby'), /\bf-nik-warning\b/);
      assert.equal(await page.getAttribute('#f-nik', 'aria-invalid'), null);
      if (axe) await assertNoAxeViolations(page, 'group identity with a NIK warning');
      // A NIK with a real date has no warning.
      await page.getByLabel('NIK', { exact: true }).fill('3201010508900001');
      await warning.waitFor({ state: 'detached' });
      await page.getByLabel('NIK', { exact: true }).fill(GROUP.nik);
      await warning.waitFor();

      // "Continue" is not held back by the warning.
      await next(page);
      await expectStep(page, 'dokumen', T.document);
      assert.equal(await page.locator('.error-summary').count(), 0, 'no error for the date part');
      // The member's KTP, as the backend asks for identity documents; the mandate letter offered, optional.
      await attach(page, LABEL.identityCard, pdf('ktp-budi.pdf'));
      await attach(page, LABEL.mandate, pdf('mandat-kelompok.pdf'));
      if (axe) await assertNoAxeViolations(page, 'group documents');
      await next(page);
      await answerFromContact(page, GROUP.phone);

      // Check your answers: the group, its member, the NIK and its warning, the phone as +62.
      const rows = Object.fromEntries(await checkRows(page));
      assert.equal(rows[T.kind], GROUP.kind);
      assert.equal(rows[LABEL.groupName], GROUP.groupName);
      assert.equal(rows[LABEL.member], GROUP.member);
      assert.ok(rows[T.identity].includes(GROUP.nik), 'the NIK as typed');
      assert.equal(rows[T.document], 'ktp-budi.pdf, mandat-kelompok.pdf');
      assert.equal(rows[LABEL.contact], '+6281234567890', 'a 0062 phone is shown as it is sent, +62');
      assert.ok((await page.locator('main .warning-text').innerText()).includes(NIK_WARNING), 'the warning on the check page');
      if (axe) await assertNoAxeViolations(page, 'group check page with the NIK warning');

      // "Ubah" on the group's name goes to the identity question and comes back.
      await page.getByRole('link', { name: `Ubah ${LABEL.groupName}` }).click();
      await page.waitForURL(/\/permohonan\/identitas\?ubah=1$/);
      assert.equal(await page.getByLabel(LABEL.groupName, { exact: true }).inputValue(), GROUP.groupName, 'kept in the draft');
      const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY));
      assert.equal(stored.group_name, GROUP.groupName, 'the draft keeps the group name');
      await page.getByLabel(LABEL.groupName, { exact: true }).fill(`${GROUP.groupName} `);
      await next(page);
      await expectStep(page, 'periksa', T.check);

      const number = await sendRequest(page);
      assert.equal(await heading(page), T.sent);
      assert.ok((await page.locator('main').innerText()).includes('23 November 2026 09.00 WIB'), 'the time received, in WIB');
      if (axe) await assertNoAxeViolations(page, 'group receipt');

      if (adapter === 'http') {
        assert.equal(bodies.length, 1);
        const body = JSON.parse(bodies[0]);
        assert.deepEqual(body.requester, {
          kind: 'group',
          name: GROUP.member,
          group_name: GROUP.groupName,
          nik: GROUP.nik,
          address: 'Dusun Pasirkaliki RT 001/RW 003, Desa Cibodas',
          phone: '+6281234567890',
        });
        assert.deepEqual(body.attachments.map((a) => a.role), ['identity_card', 'mandate']);
        assert.equal(serial(await probeNumber(env.http)), serial(number) + 1, 'exactly one request was created');
      }
    });
  });
}

test('the mandate letter is optional: a group goes on with the KTP alone', async () => {
  await withPage('group-no-mandate', async (page) => {
    await begin(page, env.http.url);
    await page.getByLabel(GROUP.kind, { exact: true }).check();
    await next(page);
    await expectStep(page, 'identitas', T.identity);
    // Without the group's name: its own message, at its field.
    await page.getByLabel(LABEL.member, { exact: true }).fill(GROUP.member);
    await page.getByLabel('NIK', { exact: true }).fill('3201010508900001');
    await next(page);
    await page.waitForSelector('.error-summary');
    assert.deepEqual(await page.locator('.error-summary li').allInnerTexts(), ['Masukkan nama kelompok.']);
    assert.equal(await page.getAttribute('#f-group-name', 'aria-invalid'), 'true');
    await assertNoAxeViolations(page, 'group name missing');
    await page.getByLabel(LABEL.groupName, { exact: true }).fill(GROUP.groupName);
    await next(page);
    await expectStep(page, 'dokumen', T.document);
    await attach(page, LABEL.identityCard, pdf('ktp.pdf'));
    await next(page);
    await answerFromContact(page, '081234567890');
    assert.equal(await page.locator('main .warning-text').count(), 0, 'no warning for a real date');
    await sendRequest(page);
  });
});

/** Sends a short request from `server` and returns the receipt page's text, checking the footer on the way. */
async function receiptText(page, server, footerPattern) {
  await begin(page, server.url);
  assert.match(await page.locator('footer').innerText(), footerPattern, 'office hours carry their zone');
  const answers = { ...SHORT, name: 'Andi Wijaya', nik: '7371010101990003', files: [pdf('ktp.pdf')], phone: '+62 812 3456 7890' };
  await answerUntil(page, 'periksa', answers);
  await sendRequest(page);
  return page.locator('main').innerText();
}

test('an office in WITA: the receipt and the office hours say WITA, on the office clock', async () => {
  assert.equal(SEED.meta.deadline_rules.time_zone, 'Asia/Jakarta', 'the demo seed itself stays in WIB');
  const meta = await (await fetch(`${env.wita.url}/api/v1/meta`)).json();
  assert.equal(meta.deadline_rules.time_zone, 'Asia/Makassar');
  await withPage('wita', async (page) => {
    const main = await receiptText(page, env.wita, /\d{2}\.\d{2}–\d{2}\.\d{2} WITA/);
    // 09.00 WIB is 10.00 WITA: the office's clock, whatever the browser's.
    assert.ok(main.includes('23 November 2026 10.00 WITA'), `the time received in WITA:\n${main}`);
    assert.ok(!main.includes(' WIB'), 'nothing says WIB');
    await assertNoAxeViolations(page, 'receipt of an office in WITA');
  });
});

test('an office in a zone the portal cannot name: never passed off as WIB, its offset and name are shown', async () => {
  await withServer({ config: HTTP, args: [...NOW_ARGS, '--time-zone', 'Asia/Kuala_Lumpur'] }, async (server) => {
    await withPage('unknown-zone', async (page) => {
      const main = await receiptText(page, server, /\d{2}\.\d{2}–\d{2}\.\d{2} Asia\/Kuala_Lumpur/);
      // The reference backend writes this instant at +07:00; the portal says so instead of "WIB".
      assert.ok(main.includes('23 November 2026 09.00 UTC+07:00'), `the time received with its offset:\n${main}`);
      assert.ok(!main.includes(' WIB'), 'nothing says WIB');
    });
  });
});
