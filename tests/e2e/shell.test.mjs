// The portal's shell with the demo backend (default config.json): home, navigation, language switch,
// 404, skip link, the excepted-information catalogue and item pages, and the status lookup.
//
// Expectations come from the demo data (src/reference/seed.json), never from the rendered page itself.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, useServers, assertNoAxeViolations, SEED, PASAL17_ID } from './harness.mjs';
import { pageRunner, waitLoaded, waitResults, h1Text, activeDescription, expectFocus } from './page.mjs';

const CLASSES = ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan'];
const ID_WEEKDAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];

function classCounts() {
  const counts = Object.fromEntries(CLASSES.map((c) => [c, 0]));
  for (const item of SEED.catalogue) counts[item.class] += 1;
  return counts;
}

const env = useServers({ server: {} });
const withPage = pageRunner('shell', env, { demoClock: true });

test('home opens in Bahasa Indonesia with the backend’s identity, class counts and the announcement', { timeout: 60_000 }, async () => {
  await withPage('home', async (page) => {
    const response = await page.goto(`${env.server.url}/`);
    assert.equal(response?.status(), 200);
    await waitLoaded(page);
    await page.waitForSelector('.class-card .count', { timeout: 10000 });
    await page.waitForSelector('.announcement h2', { timeout: 10000 });

    assert.equal(await page.getAttribute('html', 'lang'), 'id', '<html lang> is Indonesian');
    assert.equal(await h1Text(page), 'Informasi publik untuk semua warga');
    const title = await page.title();
    assert.ok(title.endsWith('Portal PPID'), `document title "${title}" ends with "Portal PPID"`);
    assert.ok(title.startsWith('Informasi publik untuk semua warga'), `document title "${title}" names the page`);

    const body = SEED.meta.public_body;
    assert.equal(await page.locator('header .brand-name').innerText(), body.name, 'header shows the public body');
    assert.equal(body.name, 'Pemerintah Kabupaten Sukamaju');

    // Footer: contact and office hours, from the backend's metadata.
    const footer = page.locator('footer');
    const footerText = await footer.innerText();
    assert.match(footerText, /Kontak/);
    assert.ok(footerText.includes(body.address), 'footer shows the address');
    assert.equal(await footer.locator(`a[href="mailto:${body.email}"]`).innerText(), body.email);
    assert.equal(await footer.locator(`a[href="tel:${body.phone.replace(/[^\d+]/g, '')}"]`).innerText(), body.phone);
    assert.match(footerText, /Jam layanan/);
    for (const h of SEED.meta.office_hours) {
      const days = h.weekdays.length > 1
        ? `${ID_WEEKDAYS[h.weekdays[0] - 1]}–${ID_WEEKDAYS[h.weekdays.at(-1) - 1]}`
        : ID_WEEKDAYS[h.weekdays[0] - 1];
      const time = (t) => t.replace(':', '[:.]');
      assert.match(footerText, new RegExp(`${days} ${time(h.opens)}–${time(h.closes)}`), `footer lists ${days} hours`);
    }

    // The four class cards with the seed's counts.
    const counts = classCounts();
    assert.equal(await page.locator('.class-card').count(), 4);
    for (const c of CLASSES) {
      const card = page.locator(`.class-card.${c}`);
      assert.equal(await card.locator('.count').innerText(), `${counts[c]} informasi`, `count on the ${c} card`);
      assert.equal(await card.locator('a').getAttribute('href'), `/informasi?class=${c}`);
    }

    // The serta-merta announcement, visible with its title.
    const announcement = page.locator('section.announcement');
    assert.equal(await announcement.count(), SEED.announcements.length);
    assert.ok(await announcement.first().isVisible(), 'the announcement is visible');
    assert.equal(await announcement.locator('h2').first().innerText(), SEED.announcements[0].title);
    assert.match(await announcement.first().innerText(), /pengumuman serta-merta/i);

    await assertNoAxeViolations(page, 'home');
  });
});

test('navigation: each menu link changes page (client-side within a bundle), marks itself current and moves focus to the h1', { timeout: 60_000 }, async () => {
  // The third column: the link leads into the other bundle (app::Bundle), so it is a page load.
  const steps = [
    ['Beranda', '/', 'Informasi publik untuk semua warga', false],
    ['Informasi Publik', '/informasi', 'Daftar Informasi Publik', false],
    ['Ajukan Permohonan', '/permohonan', 'Ajukan permohonan informasi', true],
    ['Cek Status', '/status', 'Cek status permohonan', true],
    ['Keberatan', '/keberatan', 'Keberatan', true],
    ['Tentang', '/tentang', 'Tentang layanan ini', true],
  ];
  await withPage('navigation', async (page) => {
    // Start on a page of the main bundle that no link below leads to, so that every click, the first
    // one included, changes the path and the first ones stay in the bundle.
    await page.goto(`${env.server.url}/informasi/dip-2026-001`);
    await waitLoaded(page);
    await page.evaluate(() => {
      window.__noFullReload = true;
    });
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    // Focus problems are collected so that every page still gets its other checks and axe.
    const focusProblems = [];
    for (const [name, pathname, h1, otherBundle] of steps) {
      const link = nav.getByRole('link', { name, exact: true });
      await link.click();
      await page.waitForURL((u) => u.pathname === pathname, { timeout: 5000 });
      await page.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.trim() === t, h1, { timeout: 15000 });
      await waitLoaded(page);
      if (otherBundle) {
        // A fresh page: its own bundle, everything else as after a client-side move.
        assert.equal(await page.evaluate(() => window.__noFullReload), undefined, `"${name}" loads the other bundle`);
        await page.evaluate(() => {
          window.__noFullReload = true;
        });
        assert.equal(await link.getAttribute('aria-current'), 'page');
        await assertNoAxeViolations(page, pathname);
        continue;
      }
      assert.equal(await page.evaluate(() => window.__noFullReload), true, `clicking "${name}" must not reload the page`);
      assert.equal(await link.getAttribute('aria-current'), 'page', `"${name}" has aria-current="page"`);
      const current = await nav.locator('[aria-current="page"]').allInnerTexts();
      assert.deepEqual(current, [name], `only "${name}" is marked current on ${pathname}`);
      assert.ok((await page.title()).startsWith(h1), `title names the page on ${pathname}`);
      await expectFocus(page, 'main#main h1', `after clicking "${name}"`).catch((e) => focusProblems.push(e.message));
      await assertNoAxeViolations(page, pathname);
    }
    assert.deepEqual(focusProblems, [], 'keyboard focus moves to the new page’s h1 after each client-side navigation');
  });
});

test('language switch: English from the keyboard, same URL and results, focus kept, remembered, and back', { timeout: 60_000 }, async () => {
  const berkala = classCounts().berkala;
  await withPage('language', async (page) => {
    await page.goto(`${env.server.url}/informasi?class=berkala`);
    await waitLoaded(page);
    await waitResults(page);
    assert.equal(await page.locator('.result-count').innerText(), `${berkala} informasi ditemukan`);
    const url = page.url();

    const toggle = page.locator('header .lang-switch');
    assert.equal((await toggle.innerText()).trim(), 'English', 'the switch offers English');
    await toggle.focus();
    await page.keyboard.press('Enter');

    await page.waitForFunction(() => document.querySelector('main#main h1')?.textContent.trim() === 'Public Information List', null, { timeout: 5000 });
    await waitLoaded(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', '<html lang="en"> after switching');
    assert.equal(page.url(), url, 'the URL does not change');
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    assert.deepEqual(
      (await nav.getByRole('link').allInnerTexts()).map((s) => s.trim()),
      ['Home', 'Public Information', 'Request Information', 'Check Status', 'Objection', 'About', 'Complaints (SP4N-LAPOR!)'],
    );
    // Still the filtered list.
    await waitResults(page);
    assert.equal(await page.locator('.result-count').innerText(), `${berkala} items found`);
    const tags = await page.locator('.result .tag').allInnerTexts();
    assert.equal(tags.length, Math.min(berkala, 20));
    assert.ok(tags.every((t) => t === 'Periodic information'), `every result is periodic information: ${tags.join(', ')}`);
    assert.equal(await page.title(), 'Public Information List – PPID Portal');
    await expectFocus(page, 'header .lang-switch', 'after switching the language');
    assert.equal((await toggle.innerText()).trim(), 'Bahasa Indonesia', 'the switch now offers Indonesian');
    await assertNoAxeViolations(page, 'catalogue in English');

    // Remembered across a reload.
    await page.reload();
    await waitLoaded(page);
    assert.equal(await h1Text(page), 'Public Information List', 'still English after a reload');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');

    // And back.
    await page.locator('header .lang-switch').click();
    await page.waitForFunction(() => document.querySelector('main#main h1')?.textContent.trim() === 'Daftar Informasi Publik', null, { timeout: 5000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.equal((await page.locator('header .lang-switch').innerText()).trim(), 'English');
    await waitLoaded(page);
    await waitResults(page);
    assert.equal(await page.locator('.result-count').innerText(), `${berkala} informasi ditemukan`);
  });
});

test('without JavaScript the page names the office from config.json, in plain text', { timeout: 30_000 }, async () => {
  const office = JSON.parse(fs.readFileSync(path.join(DIST, 'config.json'), 'utf8')).office;
  await withPage('noscript', async (page) => {
    await page.goto(`${env.server.url}/permohonan`);
    const noscript = page.locator('main.noscript');
    assert.equal(await noscript.locator('h1').innerText(), 'Portal PPID membutuhkan JavaScript');
    const lines = (await noscript.locator('#noscript-office').innerText()).split('\n').map((l) => l.trim());
    assert.deepEqual(lines, [office.name, office.address, office.hours, office.phone, office.email]);
    // axe-core needs JavaScript: it checks the same markup, with the title and language of index.html.
    const shown = await noscript.evaluate((m) => m.outerHTML);
    const title = await page.title();
    await page.context().close();
    await withPage('noscript-axe', async (check) => {
      await check.setContent(`<!DOCTYPE html><html lang="id"><head><title>${title}</title></head><body>${shown}</body></html>`);
      await assertNoAxeViolations(check, 'the page without JavaScript');
    }, { errors: 'none' });
  }, { context: { javaScriptEnabled: false }, errors: 'none' });
});

test('an unknown address shows the not-found page with a link home', { timeout: 60_000 }, async () => {
  await withPage('not-found', async (page) => {
    await page.goto(`${env.server.url}/halaman-yang-tidak-ada`);
    await waitLoaded(page);
    assert.equal(await h1Text(page), 'Halaman tidak ditemukan');
    const home = page.locator('main#main').getByRole('link', { name: 'Kembali ke beranda' });
    assert.equal(await home.getAttribute('href'), '/');
    await assertNoAxeViolations(page, '404');
    await home.click();
    await page.waitForURL((u) => u.pathname === '/', { timeout: 5000 });
    await page.waitForFunction(() => document.querySelector('main#main h1')?.textContent.trim() === 'Informasi publik untuk semua warga', null, { timeout: 5000 });
  });
});

test('skip link: the first Tab reaches it, visibly, and it moves focus to the main content of the same page', { timeout: 60_000 }, async () => {
  await withPage('skip-link', async (page) => {
    // The home page and another one: the skip link must keep the citizen on the page they are on.
    const problems = [];
    for (const [address, h1] of [['/', 'Informasi publik untuk semua warga'], ['/informasi?class=berkala', 'Daftar Informasi Publik']]) {
      await page.goto(`${env.server.url}${address}`);
      await waitLoaded(page);
      await page.keyboard.press('Tab');
      await expectFocus(page, 'a.skip-link', `the first Tab on ${address}`);
      const skip = page.locator('a.skip-link');
      assert.equal((await skip.innerText()).trim(), 'Langsung ke konten utama');
      const box = await skip.boundingBox();
      assert.ok(box && box.width > 1 && box.height > 1 && box.y >= 0 && box.y < 800, `the focused skip link is visible on screen: ${JSON.stringify(box)}`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      const url = new URL(page.url());
      if (`${url.pathname}${url.search}` !== address || (await h1Text(page)) !== h1) {
        problems.push(`on ${address}: the skip link led to ${url.pathname}${url.search} ("${await h1Text(page)}")`);
        continue;
      }
      try {
        // Focus on main itself or on its heading: either way the next Tab continues in the content.
        await expectFocus(page, 'main#main, main#main h1', `on ${address}, after activating the skip link`);
        // The next Tab continues inside the main content, not back in the header.
        await page.keyboard.press('Tab');
        assert.ok(await page.evaluate(() => !!document.activeElement?.closest('main#main')), `on ${address}, Tab after the skip link stays in main (focus on ${await activeDescription(page)})`);
      } catch (e) {
        problems.push(e.message);
      }
    }
    assert.deepEqual(problems, [], 'the skip link moves focus to main#main on the same page');
  });
});

test('excepted information: the list has every excepted item and an item explains Pasal 17 without any download', { timeout: 60_000 }, async () => {
  const excepted = SEED.catalogue.filter((i) => i.class === 'dikecualikan');
  assert.ok(excepted.length > 0, 'the seed has excepted items');
  const item = excepted[0];
  await withPage('excepted', async (page) => {
    await page.goto(`${env.server.url}/informasi?class=dikecualikan`);
    await waitLoaded(page);
    await waitResults(page);
    assert.equal(await page.locator('.result-count').innerText(), `${excepted.length} informasi ditemukan`);
    const titles = await page.locator('ul.results > li.result h2').allInnerTexts();
    assert.equal(titles.length, Math.min(excepted.length, 20), 'first page lists up to 20 excepted items');
    assert.deepEqual([...titles].sort(), excepted.map((i) => i.title).sort().slice(0, titles.length));
    const tags = await page.locator('ul.results .tag').allInnerTexts();
    assert.ok(tags.every((t) => t === 'Informasi yang dikecualikan'), 'every result is excepted');
    await assertNoAxeViolations(page, 'excepted list');

    await page.goto(`${env.server.url}/informasi/${encodeURIComponent(item.id)}`);
    await waitLoaded(page);
    assert.equal(await h1Text(page), item.title);
    const main = page.locator('main#main');
    const letter = item.exemption.pasal17;
    assert.equal(
      await main.locator('.exemption dd').first().innerText(),
      `Pasal 17 huruf ${letter} — ${PASAL17_ID[letter]}`,
      'the Pasal 17 ground in words',
    );
    assert.match(await main.innerText(), /Isi informasi ini tidak ditampilkan/);
    assert.equal(await main.locator('ul.files').count(), 0, 'no file list');
    assert.doesNotMatch(await main.innerText(), /\bBerkas\b/, 'no "Berkas" (files) section');
    const hrefs = await main.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const downloads = hrefs.filter((h) => /\/files\/|\.(pdf|xlsx?|csv|docx?|jpe?g|png|zip)(\?|#|$)/i.test(h));
    assert.deepEqual(downloads, [], 'no link to a file');
    // Request first, then object if refused: the request action comes before the objection link.
    assert.match(await main.innerText(), /Anda tetap dapat mengajukan permohonan untuk informasi ini/);
    const requestHref = `/permohonan?item=${encodeURIComponent(item.id)}&unit=${encodeURIComponent(item.unit_id)}`;
    const request = main.getByRole('link', { name: 'Ajukan permohonan untuk informasi ini' });
    assert.equal(await request.getAttribute('href'), requestHref, 'the excepted item can be requested');
    const objection = main.getByRole('link', { name: 'Cara mengajukan keberatan bila permohonan ditolak' });
    assert.equal(await objection.getAttribute('href'), '/keberatan', 'a link to the objection page');
    assert.ok(hrefs.indexOf(requestHref) < hrefs.indexOf('/keberatan'), 'the request comes first');
    assert.equal(await main.locator('a[download]').count(), 0);
    assert.equal(await h1Text(page), item.title);
    assert.equal(await page.title(), `${item.title} – Portal PPID`);
    await assertNoAxeViolations(page, 'excepted item');
  });
});

test('excepted information: a download link is withheld even when the backend lists files for it', { timeout: 60_000 }, async () => {
  const item = SEED.catalogue.find((i) => i.class === 'dikecualikan');
  const fileUrl = 'https://ppid.sukamajukab.go.id/files/rahasia.pdf';
  await withPage('excepted-files', async (page) => {
    // The demo backend reads its data from /seed.json: give the excepted item a file.
    const seed = JSON.parse(fs.readFileSync(path.join(DIST, 'seed.json'), 'utf8'));
    seed.catalogue.find((i) => i.id === item.id).files = [
      { name: 'rahasia.pdf', media_type: 'application/pdf', size_bytes: 1000, url: fileUrl },
    ];
    await page.route('**/seed.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(seed) }),
    );
    await page.goto(`${env.server.url}/informasi/${encodeURIComponent(item.id)}`);
    await waitLoaded(page);
    assert.equal(await h1Text(page), item.title, 'the item page renders (the backend accepted the data)');
    assert.equal(await page.locator(`a[href="${fileUrl}"]`).count(), 0, 'the file of an excepted item is never linked');
    assert.ok(!(await page.locator('main#main').innerText()).includes('rahasia.pdf'), 'the file is not even named');
  });
});

test('status lookup: error summary for empty fields, generic not-found, and a seeded request’s timeline', { timeout: 60_000 }, async () => {
  const request = SEED.requests[0];
  const number = request.receipt.number;
  const email = request.submission.requester.email;
  await withPage('status', async (page) => {
    await page.goto(`${env.server.url}/status`);
    await waitLoaded(page);
    const main = page.locator('main#main');
    const submit = main.getByRole('button', { name: 'Cek status' });
    const numberInput = page.getByLabel('Nomor registrasi');
    const verifierInput = page.getByLabel('Surel atau 4 angka terakhir nomor telepon');

    // Empty submit.
    await submit.click();
    const summary = main.locator('.error-summary');
    await summary.waitFor({ timeout: 5000 });
    assert.equal(await summary.locator('[role="alert"]').count(), 1, 'the summary holds a role=alert');
    assert.match(await summary.innerText(), /Ada yang perlu diperbaiki/);
    const targets = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(targets, ['#status-number', '#status-verifier'], 'the summary links to both fields');
    await expectFocus(page, '.error-summary', 'after an empty submit');
    await page.waitForFunction(() => document.title.startsWith('Galat: '), null, { timeout: 2000 }).catch(() => {});
    assert.ok((await page.title()).startsWith('Galat: '), `title "${await page.title()}" starts with "Galat: "`);
    assert.equal(await numberInput.getAttribute('aria-invalid'), 'true');
    assert.equal(await verifierInput.getAttribute('aria-invalid'), 'true');
    await assertNoAxeViolations(page, 'status with errors');

    // A number that does not exist: the generic answer.
    await numberInput.fill('PPID-2026-999999');
    await verifierInput.fill(email);
    await submit.click();
    const notFound = main.locator('[role="alert"]', { hasText: 'Kami tidak menemukan permohonan dengan nomor dan data tersebut.' });
    await notFound.waitFor({ timeout: 5000 });
    assert.equal(await summary.count(), 0, 'the error summary is gone once both fields are filled');
    assert.equal(await numberInput.getAttribute('aria-invalid'), null);
    assert.ok(!(await page.title()).startsWith('Galat: '), 'title no longer says Galat');

    // The seeded request with its requester's e-mail.
    await numberInput.fill(number);
    await submit.click();
    const panel = main.locator('section.panel', { has: page.locator('#status-heading') });
    await panel.waitFor({ timeout: 5000 });
    assert.equal(await panel.locator('h2').innerText(), number);
    const timeline = await panel.locator('ol.timeline').innerText();
    assert.match(timeline, /Permohonan diterima/);
    assert.equal(await main.locator('.error-panel').count(), 0, 'the not-found message is gone');
    await assertNoAxeViolations(page, 'status found');
  });
});

test('status lookup: each link in the error summary moves keyboard focus to its field on the same page', { timeout: 60_000 }, async () => {
  await withPage('status-summary-links', async (page) => {
    await page.goto(`${env.server.url}/status`);
    await waitLoaded(page);
    await page.getByLabel('Nomor registrasi').fill('PPID-2026-000101');
    await page.locator('main#main').getByRole('button', { name: 'Cek status' }).click();
    const summary = page.locator('main#main .error-summary');
    await summary.waitFor({ timeout: 5000 });
    // Only the verifier is missing; from the keyboard, as a keyboard or screen-reader user would.
    await summary.locator('a[href="#status-verifier"]').focus({ timeout: 2000 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).pathname, '/status', 'the summary link stays on the status page');
    assert.equal(await page.getByLabel('Nomor registrasi').inputValue(), 'PPID-2026-000101', 'what the citizen typed is kept');
    await expectFocus(page, 'input#status-verifier', 'after activating the summary link');
  });
});

