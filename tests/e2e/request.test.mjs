// The request wizard: one question per page, validation, the draft, the idempotent submit and the
// confirmation with its deadlines, on both backend adapters.
//
// Expected deadlines are worked out here from the seed's calendar (an oracle independent of the app's Rust code).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { useServers, waitForApp, assertNoAxeViolations, SEED, NOW_ARGS, addWorkingDays, isWorking, longDate } from './harness.mjs';
import { pageRunner, lookUpStatus, tabber, byId, byText } from './page.mjs';
import { T, DOCS, PEOPLE, DRAFT_KEY, FILES_KEY, pdf, attach, begin, next, expectStep, heading } from './wizard.mjs';
import { answer, answerUntil, fillAll, checkRows, probeNumber, serial, sentPage, sendRequest } from './wizard.mjs';
const JOURNAL_KEY = 'ppid.demo.journal';

const MSG = {
  kind: 'Pilih siapa yang mengajukan permohonan.',
  name: 'Masukkan nama lengkap.',
  nik: 'Masukkan NIK.',
  decree: 'Masukkan nomor SK pengesahan badan hukum.',
  principal: 'Masukkan nama yang Anda wakili.',
  address: 'Masukkan alamat.',
  contact: 'Isi nomor telepon atau surel.',
  information: 'Tuliskan informasi yang Anda butuhkan.',
  purpose: 'Tuliskan tujuan penggunaan informasi.',
  obtain: 'Pilih paling sedikit satu cara memperoleh informasi.',
  delivery: 'Pilih cara pengiriman salinan.',
  deliveryAddress: 'Masukkan alamat pengiriman.',
  deliveryEmail: 'Masukkan alamat surel pengiriman.',
  nikDigits: 'NIK hanya berisi angka, tanpa huruf atau tanda baca.',
  nikLength: 'NIK harus tepat 16 angka.',
  nikRegion: 'Enam angka pertama NIK bukan kode wilayah yang dikenal. Periksa kembali KTP Anda.',
  nikSerial: 'Empat angka terakhir NIK tidak boleh 0000.',
  phone: 'Nomor telepon tidak dikenali. Tulis seperti 0812 3456 7890 atau +62 812 3456 7890.',
  email: 'Alamat surel tidak dikenali. Tulis seperti nama@contoh.id.',
  unknown: 'Isian ini tidak diterima. Periksa kembali.',
  docIdentity: 'Lampirkan foto atau PDF KTP (atau paspor).',
  docDeed: 'Lampirkan akta badan hukum yang telah disahkan.',
  docProxy: 'Lampirkan surat kuasa khusus.',
  fileTooBig: 'Berkas lebih dari 5 MB setelah diproses. Pilih foto lain atau PDF yang lebih kecil.',
  fileType: 'Berkas harus berupa foto (JPG atau PNG) atau PDF.',
  fileUnreadable: 'Berkas tidak dapat dibaca. Coba foto atau berkas lain.',
};

/** A marker written into the photo's EXIF: it must not survive the browser's re-encoding. */
const EXIF_MARKER = 'GPS -6.9175 107.6191 rumah Siti';

/**
 * A 3000 x 2000 JPEG (drawn by the browser) with an EXIF block (APP1) holding an ImageDescription
 * with `EXIF_MARKER` and a GPS IFD pointer, as phone cameras write them.
 */
async function cameraPhoto(page) {
  const base64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 3000;
    c.height = 2000;
    const g = c.getContext('2d');
    for (let i = 0; i < 30; i++) {
      g.fillStyle = `hsl(${i * 12} 60% 50%)`;
      g.fillRect(i * 100, 0, 100, 2000);
    }
    return c.toDataURL('image/jpeg', 0.9).split(',')[1];
  });
  const jpeg = Buffer.from(base64, 'base64');
  const text = Buffer.from(`${EXIF_MARKER}\0`, 'latin1');
  // TIFF (little endian): IFD0 with ImageDescription (0x010e) and GPSInfo (0x8825) -> an empty GPS IFD.
  const ifd0 = 8;
  const entries = 2;
  const ifdSize = 2 + entries * 12 + 4;
  const gpsIfd = ifd0 + ifdSize;
  const textAt = gpsIfd + 6;
  const tiff = Buffer.alloc(textAt + text.length);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(ifd0, 4);
  tiff.writeUInt16LE(entries, ifd0);
  let e = ifd0 + 2;
  tiff.writeUInt16LE(0x010e, e); tiff.writeUInt16LE(2, e + 2); tiff.writeUInt32LE(text.length, e + 4); tiff.writeUInt32LE(textAt, e + 8);
  e += 12;
  tiff.writeUInt16LE(0x8825, e); tiff.writeUInt16LE(4, e + 2); tiff.writeUInt32LE(1, e + 4); tiff.writeUInt32LE(gpsIfd, e + 8);
  tiff.writeUInt32LE(0, ifd0 + 2 + entries * 12);
  tiff.writeUInt16LE(0, gpsIfd);
  tiff.writeUInt32LE(0, gpsIfd + 2);
  text.copy(tiff, textAt);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(payload.length + 2, 2);
  const photo = Buffer.concat([jpeg.subarray(0, 2), app1, payload, jpeg.subarray(2)]);
  assert.ok(photo.includes(Buffer.from(EXIF_MARKER, 'latin1')), 'the test photo carries its EXIF marker');
  return { name: 'IMG_20261123_090000.jpg', mimeType: 'image/jpeg', buffer: photo };
}

/** Width and height from a JPEG's start-of-frame segment. */
function jpegSize(buf) {
  let i = 2;
  while (i + 9 < buf.length) {
    if (buf[i] !== 0xff) return null;
    const marker = buf[i + 1];
    const len = buf.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  return null;
}

/** The test clock is Monday 23 Nov 2026 09:00 WIB: a working day in office hours, so day zero is that day. */
const COUNTS_FROM = '2026-11-23';
assert.ok(isWorking(COUNTS_FROM), 'the pinned clock falls on a working day');

const env = useServers({
  demo: { args: NOW_ARGS },
  http: { config: { api_base: '/api', timeout_ms: 15000 }, args: NOW_ARGS },
  kiosk: { config: { api_base: '/api', timeout_ms: 15000, kiosk: true }, args: NOW_ARGS },
});
const withPage = pageRunner('request', env, { demoClock: true });

/** From the first question, the shortest valid answers up to the information question. */
const answerUpToInformation = (page) =>
  answerUntil(page, 'informasi', { name: 'Siti', address: 'Jl. Melati 3', phone: null, files: [pdf()] });

// ------------------------------------------------------------------ tests

for (const adapter of ['demo', 'http']) {
  for (const kind of ['individual', 'legal_entity', 'proxy']) {
    test(`happy path: ${kind} on the ${adapter} adapter`, async () => {
      await withPage(`happy-${adapter}-${kind}`, async (page) => {
        const base = env[adapter].url;
        await begin(page, base);
        const photo = kind === 'individual' ? await cameraPhoto(page) : undefined;
        const bodies = [];
        page.on('request', (r) => {
          if (r.method() === 'POST' && r.url().endsWith('/api/v1/requests')) bodies.push(r.postData());
        });
        await fillAll(page, kind, { axe: adapter === 'http' && kind === 'proxy', files: photo && [photo] });

        const rows = Object.fromEntries(await checkRows(page));
        const who = PEOPLE[kind];
        assert.equal(rows['Nama lengkap'], who.name);
        assert.equal(rows[T.kind], T.kinds[kind]);
        for (const part of [who.nik, who.decree, who.principal].filter(Boolean)) {
          assert.ok(rows[T.identity].includes(part), `identity row shows ${part}`);
        }
        assert.ok(rows['Isi paling sedikit satu: nomor telepon atau surel.'].includes('+6281234567890'), 'phone shown as stored, +62');
        assert.equal(rows['Rincian informasi'], 'Laporan realisasi APBD 2025 per kecamatan');
        assert.equal(rows[T.delivery], 'Surel siti@contoh.id');
        assert.equal(rows[T.document], DOCS[kind].map((_, i) => (photo && i === 0 ? photo.name : `dokumen-${i}.pdf`)).join(', '));

        const number = await sendRequest(page);
        assert.equal(await heading(page), T.sent);
        assert.ok((await page.locator('main').innerText()).includes('23 November 2026 09.00'), 'time received');

        // The deadlines, and how each was computed, match the seed's calendar.
        const notice = addWorkingDays(COUNTS_FROM, SEED.meta.service_standards.notice_days);
        const extended = addWorkingDays(notice.due, SEED.meta.service_standards.extension_days);
        const dues = await page.$$eval('dl.deadlines .row dd strong', (s) => s.map((x) => x.textContent.trim()));
        assert.deepEqual(dues, [longDate(notice.due), longDate(extended.due)]);
        const details = page.locator('dl.deadlines details');
        await details.nth(1).locator('summary').click();
        const skipped = await details.nth(1).locator('li').allInnerTexts();
        const expectedSkipped = [...new Set([...notice.skipped, ...extended.skipped])];
        assert.deepEqual(skipped.map((s) => s.split(' — ')[0]), expectedSkipped.map(longDate), 'every skipped day, in order');
        await assertNoAxeViolations(page, `${kind} on ${adapter}: confirmation`);

        // The draft and its documents are gone; the backend holds the request once.
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), null, 'draft deleted after submit');
        assert.equal(await page.evaluate((k) => localStorage.getItem(k), FILES_KEY), null, 'documents deleted after submit');
        if (adapter === 'http') {
          assert.equal(bodies.length, 1);
          const sent = JSON.parse(bodies[0]).attachments;
          assert.deepEqual(sent.map((a) => a.role), kind === 'proxy' ? ['identity_card', 'power_of_attorney'] : [kind === 'legal_entity' ? 'deed' : 'identity_card']);
          if (photo) {
            // The photo was scaled to 1600 px and re-encoded: no EXIF, no location.
            assert.equal(sent[0].media_type, 'image/jpeg');
            const bytes = Buffer.from(sent[0].content_base64, 'base64');
            assert.equal(bytes.readUInt16BE(0), 0xffd8, 'a JPEG');
            assert.equal(bytes.includes(Buffer.from(EXIF_MARKER, 'latin1')), false, 'the EXIF text is gone');
            assert.equal(bytes.includes(Buffer.from('Exif\0\0', 'latin1')), false, 'no EXIF block at all');
            assert.deepEqual(jpegSize(bytes), { width: 1600, height: 1067 });
            assert.ok(bytes.length < photo.buffer.length, 'smaller than the original');
          } else {
            assert.equal(sent[0].media_type, 'application/pdf');
            assert.ok(Buffer.from(sent[0].content_base64, 'base64').toString('latin1').startsWith('%PDF-1.4'), 'a PDF is sent as it is');
          }
        }
        if (adapter === 'http') {
          assert.equal(serial(await probeNumber(env.http)), serial(number) + 1, 'exactly one request was created');
        } else {
          const journal = await page.evaluate((k) => localStorage.getItem(k), JOURNAL_KEY);
          assert.equal(journal.split(number).length - 1 >= 1, true, 'the demo backend kept the request');
        }
      });
    });
  }
}

test('every validation message, in the summary and inline, with focus and "Galat: " in the title', async () => {
  await withPage('validation', async (page) => {
    const base = env.http.url;
    await begin(page, base);

    /** Continues and expects exactly `messages`, each in the summary and inline, and the rest of the pattern. */
    async function expectErrors(messages, label) {
      await next(page);
      await page.waitForSelector('.error-summary');
      const summary = await page.locator('.error-summary li').allInnerTexts();
      assert.deepEqual(summary, messages, `${label}: summary`);
      const inline = await page.locator('.error-message').allInnerTexts();
      assert.deepEqual(inline, messages, `${label}: inline messages use the same words`);
      await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
      assert.match(await page.title(), /^Galat: /, `${label}: title`);
      const invalid = await page.$$eval('[aria-invalid="true"]', (els) => els.length);
      assert.ok(invalid >= messages.length - 1, `${label}: fields marked aria-invalid`);
      await assertNoAxeViolations(page, `error state: ${label}`);
    }

    // Before any "Continue", nothing is marked invalid.
    assert.equal(await page.$$eval('[aria-invalid]', (els) => els.length), 0);
    await expectErrors([MSG.kind], 'jenis');
    await page.getByLabel(T.kinds.individual).check();
    await next(page);
    await expectStep(page, 'identitas', T.identity);
    assert.equal(await page.$$eval('[aria-invalid]', (els) => els.length), 0, 'a new question starts clean');
    await expectErrors([MSG.name, MSG.nik], 'identitas');

    // The summary's link moves focus to the field.
    await page.locator('.error-summary a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-name');

    // Typing neither moves focus nor changes the messages: they change on "Continue" only.
    await page.getByLabel('NIK', { exact: true }).focus();
    await page.keyboard.type('320101');
    await page.waitForTimeout(150);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-nik', 'focus stays where the citizen types');
    assert.deepEqual(await page.locator('.error-summary li').allInnerTexts(), [MSG.name, MSG.nik]);

    await page.getByLabel('Nama lengkap').fill('Siti');
    for (const [nik, msg] of [
      ['32010145O8900001', MSG.nikDigits],
      ['320101450890001', MSG.nikLength],
      ['0001014508900001', MSG.nikRegion],
      ['3201014508900000', MSG.nikSerial],
    ]) {
      await page.getByLabel('NIK', { exact: true }).fill(nik);
      await expectErrors([msg], `NIK ${nik}`);
    }
    await page.getByLabel('NIK', { exact: true }).fill('3201014508900001');
    await next(page);
    await expectStep(page, 'dokumen', T.document);
    await expectErrors([MSG.docIdentity], 'dokumen');
    for (const [file, msg] of [
      [{ name: 'ktp.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan foto') }, MSG.fileType],
      [{ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a jpeg') }, MSG.fileUnreadable],
      [pdf('besar.pdf', 5 * 1024 * 1024), MSG.fileTooBig],
    ]) {
      await page.getByLabel(DOCS.individual[0], { exact: true }).setInputFiles(file);
      await page.waitForFunction((m) => document.querySelector('.error-message')?.textContent === m, msg);
      assert.deepEqual(await page.locator('.error-summary li').allInnerTexts(), [msg], `${file.name}: summary`);
      assert.equal(await page.getAttribute('#f-doc-identity_card', 'aria-invalid'), 'true');
      await assertNoAxeViolations(page, `document refused: ${file.name}`);
    }
    await attach(page, DOCS.individual[0], pdf('ktp.pdf'));
    assert.equal(await page.locator('.error-message').count(), 0, 'a good file clears the error');
    await assertNoAxeViolations(page, 'document attached');
    await next(page);
    await expectStep(page, 'kontak', T.contact);
    await expectErrors([MSG.address, MSG.contact], 'kontak');
    await page.getByLabel('Alamat', { exact: true }).fill('Jl. Melati 3');
    await page.getByLabel('Nomor telepon atau HP').fill('12345');
    await page.getByLabel('Surel (e-mail)').fill('siti@');
    await expectErrors([MSG.phone, MSG.email], 'bad phone and e-mail');
    for (const phone of ['+62 812 3456 7890', '62812-3456-7890']) {
      await page.getByLabel('Nomor telepon atau HP').fill(phone);
      await page.getByLabel('Surel (e-mail)').fill('');
      await next(page);
      await expectStep(page, 'informasi', T.information);
      await page.getByRole('link', { name: T.back }).click();
      await expectStep(page, 'kontak', T.contact);
    }
    await next(page);
    await expectStep(page, 'informasi', T.information);
    await expectErrors([MSG.information], 'informasi');
    await page.getByLabel('Rincian informasi').fill('Data stunting 2025');
    await next(page);
    await expectStep(page, 'tujuan', T.purpose);
    await expectErrors([MSG.purpose], 'tujuan');
    await page.getByLabel('Tujuan penggunaan informasi').fill('Penelitian');
    await next(page);
    await expectStep(page, 'cara', T.obtain);
    await expectErrors([MSG.obtain], 'cara');
    await page.getByLabel('Salinan cetak (hardcopy)').check();
    await next(page);
    await expectStep(page, 'pengiriman', T.delivery);
    await expectErrors([MSG.delivery], 'pengiriman');
    await page.getByLabel('Pos', { exact: true }).check();
    await expectErrors([MSG.deliveryAddress], 'post without an address');
    await page.getByLabel('Surel', { exact: true }).check();
    await expectErrors([MSG.deliveryEmail], 'e-mail delivery without an address');
    await page.getByLabel('Alamat surel pengiriman').fill('bukan surel');
    await expectErrors([MSG.email], 'e-mail delivery with a bad address');
    await page.getByLabel('Alamat surel pengiriman').fill('siti@contoh.id');
    await next(page);
    await expectStep(page, 'periksa', T.check);
  });
});

test('a field error from the backend (problem+json) lands on its question', async () => {
  await withPage('backend-field-error', async (page) => {
    await begin(page, env.http.url);
    await fillAll(page, 'individual');
    // A unit the backend does not know: the client cannot tell, the backend answers 422 with /unit_id.
    await page.evaluate((k) => {
      const d = JSON.parse(localStorage.getItem(k));
      d.unit_id = 'unit-yang-tidak-ada';
      localStorage.setItem(k, JSON.stringify(d));
    }, DRAFT_KEY);
    await page.reload();
    await expectStep(page, 'periksa', T.check, { moved: false });
    await page.getByRole('button', { name: T.submit }).click();
    await expectStep(page, 'informasi', T.information);
    assert.deepEqual(await page.locator('.error-summary li').allInnerTexts(), [MSG.unknown]);
    assert.equal(await page.getAttribute('.error-summary a', 'href'), '#f-unit');
    assert.match(await page.title(), /^Galat: /);
    await assertNoAxeViolations(page, 'backend field error');
  }, { tolerated: (e) => e.includes('422') });
});

test('a reload or a closed tab resumes at the same question with every answer', async () => {
  await withPage('reload', async (page) => {
    await begin(page, env.http.url);
    await page.getByLabel(T.kinds.proxy).check();
    await next(page);
    await expectStep(page, 'identitas', T.identity);
    await page.getByLabel('Nama lengkap').fill('Budi');
    await page.getByLabel('NIK', { exact: true }).type('32010105');
    await page.reload();
    await expectStep(page, 'identitas', T.identity, { moved: false });
    assert.equal(await page.getByLabel('Nama lengkap').inputValue(), 'Budi');
    assert.equal(await page.getByLabel('NIK', { exact: true }).inputValue(), '32010105');
    assert.equal(await page.getByLabel('Nama yang Anda wakili').inputValue(), '', 'proxy question kept');

    // Attached documents survive a reload too.
    await page.getByLabel('NIK', { exact: true }).fill('3201010508900001');
    await page.getByLabel('Nama yang Anda wakili').fill('Kelompok Tani Makmur');
    await next(page);
    await expectStep(page, 'dokumen', T.document);
    await attach(page, DOCS.proxy[0], pdf('ktp-budi.pdf'));
    await attach(page, DOCS.proxy[1], pdf('kuasa.pdf'));
    await page.reload();
    await expectStep(page, 'dokumen', T.document, { moved: false });
    await page.getByText('ktp-budi.pdf').waitFor();
    await page.getByText('kuasa.pdf').waitFor();
    await page.getByRole('button', { name: 'Hapus Surat kuasa khusus' }).click();
    await page.getByText('kuasa.pdf').waitFor({ state: 'detached' });
    await page.reload();
    await expectStep(page, 'dokumen', T.document, { moved: false });
    await page.getByText('ktp-budi.pdf').waitFor();
    assert.equal(await page.getByText('kuasa.pdf').count(), 0, 'a removed document stays removed');
    // The browser's back button goes to the previous question.
    await page.goBack();
    await expectStep(page, 'identitas', T.identity);
    assert.equal(await page.getByLabel('Nama yang Anda wakili').inputValue(), 'Kelompok Tani Makmur');

    // A new tab (same browser profile) offers to continue, and continues at the first unanswered question:
    // the answers are there, the documents are not (a photo of a KTP never outlives its tab).
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), FILES_KEY), null, 'documents are never in localStorage');
    assert.match(await page.evaluate((k) => sessionStorage.getItem(k), FILES_KEY), /ktp-budi\.pdf/, 'documents are kept for the tab');
    const tab = await page.context().newPage();
    await tab.goto(`${env.http.url}/permohonan`);
    await waitForApp(tab);
    await tab.getByRole('button', { name: T.resume }).click();
    await expectStep(tab, 'dokumen', T.document);
    assert.equal(await tab.getByText('ktp-budi.pdf').count(), 0, 'the other tab\'s documents are not here');

    // Discarding deletes the draft.
    await tab.goto(`${env.http.url}/permohonan`);
    await waitForApp(tab);
    await tab.getByRole('button', { name: T.discard }).click();
    await tab.getByRole('button', { name: T.start }).waitFor();
    assert.equal(await tab.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), null);
    assert.equal(await tab.evaluate((k) => localStorage.getItem(k), FILES_KEY), null);
  });
});

test('a lost answer at submit: the request waits in the outbox and goes again with the same key: exactly one request', async () => {
  await withPage('retry', async (page) => {
    await begin(page, env.http.url);
    await fillAll(page, 'individual');
    // The request reaches the backend, but the answer is lost on the way back.
    const keys = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/requests')) keys.push(r.headers()['idempotency-key']);
    });
    await page.route('**/api/v1/requests', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: T.submit }).click();
    // Not registered as far as the citizen can know: a provisional receipt, plainly marked.
    await page.getByRole('heading', { name: 'Permohonan disimpan, belum terdaftar', level: 1 }).waitFor();
    assert.match(await page.locator('.confirmation .reference').innerText(), /^SMT-/);
    await page.unroute('**/api/v1/requests');
    await page.getByRole('button', { name: 'Kirim sekarang' }).click();
    await page.getByRole('heading', { name: T.sent, level: 1 }).waitFor();
    const number = (await page.locator('.confirmation .reference').innerText()).trim();
    assert.match(number, /^PPID-2026-\d{6}$/);
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1], 'sent again with the same key');
    assert.equal(serial(await probeNumber(env.http)), serial(number) + 1, 'the retry did not create a second request');
  }, { tolerated: (e) => /ERR_CONNECTION_RESET|Failed to fetch|net::/.test(e) });
});

// Offline at submit: tests/e2e/outbox.test.mjs.

test('a double click submits once', async () => {
  await withPage('double-click', async (page) => {
    await begin(page, env.http.url);
    await fillAll(page, 'individual');
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/requests')) posts += 1;
    });
    await page.getByRole('button', { name: T.submit }).dblclick();
    const number = await sentPage(page);
    assert.equal(posts, 1, 'one POST');
    assert.equal(serial(await probeNumber(env.http)), serial(number) + 1);
  });
});

test('"Ubah" on the check page goes to the question and comes back', async () => {
  await withPage('change', async (page) => {
    await begin(page, env.demo.url);
    await fillAll(page, 'individual');
    await page.getByRole('link', { name: 'Ubah Tujuan penggunaan informasi' }).click();
    await expectStep(page, 'tujuan\\?ubah=1', T.purpose);
    await page.getByLabel('Tujuan penggunaan informasi').fill('Skripsi tentang anggaran desa');
    await next(page);
    await expectStep(page, 'periksa', T.check);
    const rows = Object.fromEntries(await checkRows(page));
    assert.equal(rows['Tujuan penggunaan informasi'], 'Skripsi tentang anggaran desa');
  });
});

test('"Ajukan permohonan" on a catalogue item fills in the item and its unit', async () => {
  await withPage('from-item', async (page) => {
    const item = SEED.catalogue.find((i) => i.class === 'setiap_saat' && i.unit_id) ?? SEED.catalogue[0];
    const unit = SEED.units.find((u) => u.id === item.unit_id);
    await page.goto(`${env.demo.url}/informasi/${encodeURIComponent(item.id)}`);
    await waitForApp(page);
    await page.getByRole('link', { name: 'Ajukan permohonan untuk informasi ini' }).click();
    await page.getByRole('button', { name: T.start }).click();
    await answerUpToInformation(page);
    await page.waitForFunction((name) => {
      const s = document.querySelector('#f-unit');
      return s && s.selectedOptions[0]?.textContent === name;
    }, unit.name);
    assert.ok((await page.locator('main').innerText()).includes(item.id), 'the catalogue item is named');
  });
});

test('the whole request by keyboard alone', async () => {
  await withPage('keyboard', async (page) => {
    // Playwright catches the file dialog only once a listener has switched that on, which it does
    // asynchronously: listened for from the start, the dialog that Space opens later is never missed.
    const chosen = new Promise((resolve) => page.once('filechooser', resolve));
    await page.goto(`${env.http.url}/permohonan`);
    await waitForApp(page);

    const tabTo = tabber(page, 60);
    const press = async (key) => page.keyboard.press(key);
    const type = async (text) => page.keyboard.type(text);

    await tabTo('start button', byText, T.start);
    await press('Enter');
    await expectStep(page, 'jenis', T.kind);
    await tabTo('first kind radio', byId, 'f-kind');
    await press('Space');
    await press('Enter'); // submits the form
    await expectStep(page, 'identitas', T.identity);
    await tabTo('name', byId, 'f-name');
    await type('Siti Rahmawati');
    await press('Tab');
    await type('3201014508900001');
    await press('Enter');
    await expectStep(page, 'dokumen', T.document);
    await tabTo('the KTP file input', byId, 'f-doc-identity_card');
    await press('Space');
    let timer;
    const chooser = await Promise.race([
      chosen,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('Space on the KTP file input opened no file dialog')), 30000);
      }),
    ]).finally(() => clearTimeout(timer));
    await chooser.setFiles(pdf('ktp-keyboard.pdf'));
    await page.getByText('ktp-keyboard.pdf').waitFor();
    await tabTo('continue', byText, T.next);
    await press('Enter');
    await expectStep(page, 'kontak', T.contact);
    await tabTo('address', byId, 'f-address');
    await type('Jl. Melati 3');
    await tabTo('e-mail', byId, 'f-email');
    await type('siti@contoh.id');
    await press('Enter');
    await expectStep(page, 'informasi', T.information);
    await tabTo('information', byId, 'f-information');
    await type('Data stunting 2025');
    await tabTo('continue', byText, T.next);
    await press('Enter');
    await expectStep(page, 'tujuan', T.purpose);
    await tabTo('purpose', byId, 'f-purpose');
    await type('Penelitian');
    await tabTo('continue', byText, T.next);
    await press('Enter');
    await expectStep(page, 'cara', T.obtain);
    await tabTo('first obtain checkbox', byId, 'f-obtain');
    await press('Space');
    await press('Enter');
    // Seeing only: no copy, so no delivery question.
    await expectStep(page, 'periksa', T.check);
    await tabTo('submit', byText, T.submit);
    await press('Enter');
    await sentPage(page);
  });
});

test('the receipt: a QR code of the status link, an .ics of both dates, and a print layout', async () => {
  await withPage('receipt', async (page) => {
    await begin(page, env.http.url);
    await fillAll(page, 'individual');
    const number = await sendRequest(page);
    const link = `${env.http.url}/status?nomor=${number}`;

    // The QR code (loaded only now) decodes to the status link with the receipt's access token
    // (contract 1.4.0, tests/e2e/access-token.test.mjs), which is also written out.
    const qr = page.locator('figure.qr svg[role="img"]');
    await qr.waitFor();
    assert.equal(await qr.getAttribute('aria-label'), 'Kode QR tautan cek status permohonan ini');
    const href = await page.locator('figure.qr a').getAttribute('href');
    assert.ok(href.startsWith(`${link}#akses=`), href);
    const png = PNG.sync.read(await qr.screenshot({ scale: 'css' }));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(decoded, 'the QR code can be read');
    assert.equal(decoded.data, href);

    // The .ics: both deadlines as all-day events, each described as it was computed.
    const notice = addWorkingDays(COUNTS_FROM, SEED.meta.service_standards.notice_days);
    const extended = addWorkingDays(notice.due, SEED.meta.service_standards.extension_days);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Simpan tanggal ke kalender (.ics)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `${number}.ics`);
    const ics = fs.readFileSync(await download.path(), 'utf8');
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
    const starts = [...ics.matchAll(/DTSTART;VALUE=DATE:(\d{8})/g)].map((m) => m[1]);
    assert.deepEqual(starts, [notice.due, extended.due].map((d) => d.replaceAll('-', '')));
    const unfolded = ics.replace(/\r\n /g, '').replace(/\\([,;\\])/g, '$1');
    assert.ok(unfolded.includes(`SUMMARY:Batas pemberitahuan tertulis — ${number}`));
    assert.ok(unfolded.includes(`10 hari kerja setelah ${longDate(COUNTS_FROM)}.`), 'how it was computed');
    for (const day of notice.skipped) assert.ok(unfolded.includes(longDate(day)), `skipped ${day} is explained`);

    // Printed: the receipt without navigation, buttons or the alert; the QR code stays.
    await page.emulateMedia({ media: 'print' });
    const shown = async (sel) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).display !== 'none');
    assert.equal(await shown('.site-header nav'), false);
    assert.equal(await shown('.announcement'), false);
    assert.equal(await shown('button'), false);
    assert.equal(await shown('figure.qr'), true);
    assert.equal(await shown('.confirmation .reference'), true);
    await page.emulateMedia({ media: 'screen' });
    await assertNoAxeViolations(page, 'receipt');

    // The link without its token opens the status lookup with the number filled in (never the second factor).
    await page.goto(link);
    await waitForApp(page);
    assert.equal(await page.locator('#status-number').inputValue(), number);
    assert.equal(await page.locator('#status-verifier').inputValue(), '');
  });
});

test('kiosk mode keeps the draft in memory only', async () => {
  await withPage('kiosk', async (page) => {
    await begin(page, env.kiosk.url);
    await answerUntil(page, 'dokumen');
    await answer(page, 'dokumen', { files: [pdf()] });
    const stored = await page.evaluate(() => Object.keys(localStorage).concat(Object.keys(sessionStorage)));
    assert.deepEqual(stored.filter((k) => k.startsWith('ppid.request')), [], 'nothing of the request in browser storage');
    const everything = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    assert.equal(everything.includes('3201014508900001'), false, 'the NIK is nowhere in storage');
    // In memory, the answers survive moving between questions.
    await page.getByRole('link', { name: T.back }).click();
    await expectStep(page, 'identitas', T.identity);
    assert.equal(await page.getByLabel('Nama lengkap').inputValue(), 'Siti Rahmawati');
    // A reload (the next citizen at the counter) starts clean.
    await page.reload();
    await expectStep(page, 'identitas', T.identity, { moved: false });
    assert.equal(await page.getByLabel('Nama lengkap').inputValue(), '');
  });
});

test('a request submitted in demo mode is found by the status lookup, also after a reload', async () => {
  await withPage('demo-status', async (page) => {
    await begin(page, env.demo.url);
    await fillAll(page, 'individual');
    const number = await sendRequest(page);
    for (const pass of ['after the submit', 'after a reload']) {
      if (pass === 'after a reload') await page.reload();
      await lookUpStatus(page, env.demo.url, number, 'siti@contoh.id');
      const panel = page.locator('section.panel', { has: page.locator('#status-heading') });
      await panel.waitFor();
      assert.equal(await panel.locator('h2').innerText(), number, pass);
      assert.match(await panel.locator('ol.timeline').innerText(), /Permohonan diterima/, pass);
    }
  });
});

test('the unit picker narrows its list as the citizen types, ignoring case and accents', async () => {
  await withPage('unit-search', async (page) => {
    await begin(page, env.http.url);
    await answerUpToInformation(page);
    const options = () => page.locator('#f-unit option').allInnerTexts();
    await page.waitForFunction((n) => document.querySelectorAll('#f-unit option').length === n, SEED.units.length + 1);
    await page.getByLabel('Cari unit').fill('KESEH');
    const health = SEED.units.filter((u) => /(^|\s)keseh/i.test(u.name)).map((u) => u.name);
    assert.ok(health.length >= 1);
    await page.waitForFunction((n) => document.querySelectorAll('#f-unit option').length === n, health.length + 1);
    assert.deepEqual(await options(), ['Saya tidak tahu', ...health]);
    await page.getByLabel('Unit yang menguasai informasi').selectOption({ label: health[0] });
    // The chosen unit stays in the list whatever is typed next.
    await page.getByLabel('Cari unit').fill('pendidikan');
    await page.waitForFunction((name) => [...document.querySelectorAll('#f-unit option')].some((o) => o.textContent === name && o.selected), health[0]);
    assert.ok((await options()).some((o) => /Pendidikan/.test(o)));
    await assertNoAxeViolations(page, 'unit search');
  });
});
