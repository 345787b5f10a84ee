// The page a test drives: one runner that opens it, checks it stayed clean and keeps its screenshot when
// the test fails, and what several files read on the portal's pages (the service-down page, the catalogue's
// results, focus, the status lookup, the outbox on the device).

import assert from 'node:assert/strict';
import { newPage, saveArtifacts, pinDemoClock, waitForApp, assertNoAxeViolations, OFFICE } from './harness.mjs';

/** The page's console errors, two lines each (a Rust panic says where on its second line). */
export const consoleSummary = (page) =>
  `\nconsole errors seen on the page:\n  ${page.consoleErrors.map((m) => m.split('\n').slice(0, 2).join(' ').slice(0, 300)).join('\n  ')}`;

/**
 * The runner of a test file's pages: `withPage(name, fn, options)` opens fresh pages in `env.browser`,
 * runs `fn(...pages)`, then checks each stayed clean; when anything fails it saves their screenshots and
 * DOM (and those of other tabs the test opened) as `<prefix>-<name>` and adds the console errors to the
 * message; the pages' contexts are closed in any case. `defaults` are the file's options, and a call's
 * `options` change them:
 *
 *   context    browser context options (merged), e.g. { serviceWorkers: 'block' }
 *   config     a config.json served to the page instead of the server's (an object, merged; see routeConfig)
 *   demoClock  the demo backend's worker believes it is DEMO_NOW_MS (pinDemoClock)
 *   fixedTime  the page's own clock stands at this instant (ms)
 *   errors     what fails a page after `fn`: 'console' (any console error or uncaught exception, the
 *              default), 'uncaught' (uncaught exceptions only) or 'none' (the test checks for itself)
 *   tolerated  console errors the test causes on purpose (a predicate)
 *   pages      how many pages `fn` gets (1)
 *   setup(page)    before `fn`;  check(page)  after it, on success;  cleanup(page)  always, before closing
 */
export function pageRunner(prefix, env, defaults = {}) {
  return async function withPage(name, fn, options = {}) {
    const o = {
      ...defaults,
      ...options,
      context: { ...defaults.context, ...options.context },
      config: defaults.config && options.config ? { ...defaults.config, ...options.config } : options.config ?? defaults.config,
    };
    const pages = [];
    try {
      for (let i = 0; i < (o.pages ?? 1); i++) {
        const page = await newPage(env.browser, o.context);
        pages.push(page);
        if (o.config !== undefined) await routeConfig(page, o.config);
        if (o.fixedTime !== undefined) await page.clock.setFixedTime(new Date(o.fixedTime));
        if (o.demoClock) await pinDemoClock(page);
        await o.setup?.(page);
      }
      await fn(...pages);
      for (const page of pages) {
        await o.check?.(page);
        assertClean(page, o.errors ?? 'console', o.tolerated);
      }
    } catch (e) {
      for (const [i, page] of pages.entries()) {
        // The page, and any other the test opened beside it (a second tab).
        const open = [page, ...page.context().pages().filter((p) => p !== page)].filter((p) => !p.isClosed());
        for (const [k, p] of open.entries()) {
          await saveArtifacts(p, `${prefix}-${name}${pages.length > 1 ? `-${i}` : ''}${k > 0 ? `-tab${k}` : ''}`);
          // The saved DOM is the page's own: what its frames showed is printed.
          for (const f of p.frames().slice(1)) console.error('frame', f.url(), await f.evaluate(() => document.body.innerText.slice(0, 600)).catch(() => ''));
        }
      }
      for (const page of pages) {
        if (page.consoleErrors.length > 0 && e instanceof Error) e.message += consoleSummary(page);
      }
      throw e;
    } finally {
      for (const page of pages) {
        await o.cleanup?.(page);
        await page.context().close();
      }
    }
  };
}

function assertClean(page, errors, tolerated = () => false) {
  if (errors === 'console') assert.deepEqual(page.consoleErrors.filter((e) => !tolerated(e)), [], 'no console or page errors');
  else if (errors === 'uncaught') assert.deepEqual(page.pageErrors, [], 'no uncaught page errors');
}

/**
 * Serves the page its own config.json: `config` (an object, sent as JSON, or a string sent as it is) with
 * `status`. `page.setConfig(more)` changes it for the next load. Block the service worker in such a page:
 * it would fetch config.json itself, past the route.
 */
export async function routeConfig(page, config, { status = 200 } = {}) {
  let current = config;
  page.setConfig = (more) => {
    current = { ...current, ...more };
  };
  await page.route('**/config.json', (route) =>
    route.fulfill({
      status,
      contentType: 'application/json',
      headers: { 'Cache-Control': 'no-cache' },
      body: typeof current === 'string' ? current : JSON.stringify(current),
    }),
  );
}

// ------------------------------------------------------------------ reading the portal's pages

export const HOME_TITLE = 'Informasi publik untuk semua warga';
export const DOWN_TITLE = 'Layanan daring sedang tidak dapat digunakan';

/** What the service-down page and the error panels say, by cause. */
export const SAY = {
  unreachable: 'Server kami tidak dapat dihubungi saat ini.',
  server: 'Server kami sedang mengalami gangguan.',
  contract: 'Server kami mengirim jawaban yang tidak dapat dibaca portal ini.',
  timeout: 'Server kami terlalu lama menjawab. Coba lagi beberapa saat lagi.',
  version: 'Server kami memakai versi layanan yang belum didukung portal ini. Pengelola situs perlu memperbarui portal.',
};

export const h1Text = (page) => page.locator('main#main h1').innerText();

/** Waits until main has its h1 and no loading line. */
export async function waitLoaded(page, timeout = 15000) {
  await waitForApp(page, 'main#main h1', { timeout });
  await page.waitForSelector('main#main .loading', { state: 'detached', timeout });
}

/** Waits until the portal's home page is up, its class counts in. */
export async function homeIsUp(page, timeout = 10000) {
  await page.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.trim() === t, HOME_TITLE, { timeout });
  await page.waitForFunction(() => document.querySelectorAll('.class-card .count').length === 4, null, { timeout: 10000 });
}

/**
 * Checks the "service down" page: its h1, the `reason` in plain words, "Coba lagi", "Galat: " in the title,
 * the office's contact (`office`, none when null), and axe.
 */
export async function assertDownPage(page, reason, { office = OFFICE, label }) {
  await page.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.trim() === t, DOWN_TITLE, { timeout: 10000 });
  const main = page.locator('main#main');
  assert.equal((await main.locator('.down-reason').innerText()).trim(), reason, `${label}: the reason, in plain words`);
  assert.ok(await main.getByRole('button', { name: 'Coba lagi', exact: true }).isVisible(), `${label}: a "Coba lagi" button`);
  const title = await page.title();
  assert.ok(title.startsWith('Galat: '), `${label}: document title "${title}" starts with "Galat: "`);
  if (office) {
    const text = await main.innerText();
    for (const part of [office.name, office.address, office.hours, office.phone, office.email]) assert.ok(text.includes(part), `${label}: office contact ${part}`);
    assert.equal(await main.locator(`a[href="tel:${office.phone.replace(/[^\d+]/g, '')}"]`).innerText(), office.phone, `${label}: a tel: link`);
    assert.equal(await main.locator(`a[href="mailto:${office.email}"]`).innerText(), office.email, `${label}: a mailto: link`);
  }
  await assertNoAxeViolations(page, label);
}

/** The catalogue's count sentence and the titles listed now. */
export const readResults = (page) =>
  page.evaluate(() => ({
    count: document.querySelector('main#main .result-count')?.textContent.trim() ?? '',
    titles: [...document.querySelectorAll('main#main ul.results > li.result h2')].map((h) => h.textContent.trim()),
  }));

/** Waits until the catalogue's result count has text (the results have arrived). */
export async function waitResults(page) {
  await page.waitForFunction(() => document.querySelector('main#main .result-count')?.textContent.trim(), null, { timeout: 10000 });
}

/** The focused element, described for a failure message. */
export const activeDescription = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (!a) return 'nothing';
    return `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.className ? `.${String(a.className).split(' ').join('.')}` : ''} "${(a.textContent || '').trim().slice(0, 60)}"`;
  });

/** Waits (briefly) until document.activeElement matches `selector`; fails naming what has focus instead. */
export async function expectFocus(page, selector, message, timeout = 2000) {
  try {
    await page.waitForFunction((s) => document.activeElement?.matches(s), selector, { timeout });
  } catch {
    assert.fail(`${message}: expected focus on ${selector}, but it is on ${await activeDescription(page)}`);
  }
}

/** Predicates on the focused element for tabber: it has id `id`, or its text is `t`. */
export const byId = (id) => document.activeElement?.id === id;
export const byText = (t) => document.activeElement?.textContent?.trim() === t;

/** `tabTo(describe, predicate, arg)` for `page`: presses Tab until `predicate(arg)` holds in the page (at most `limit` times). */
export function tabber(page, limit) {
  return async (describe, predicate, arg) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(predicate, arg)) return;
    }
    throw new Error(`Tab never reached ${describe}`);
  };
}

/** Opens the status page for `number` at `base` and looks it up with `verifier` (the button named `button`). */
export async function lookUpStatus(page, base, number, verifier, button = 'Cek status') {
  await page.goto(`${base}/status?nomor=${number}`);
  await waitForApp(page);
  await page.locator('#status-verifier').fill(verifier);
  await page.locator('main#main').getByRole('button', { name: button }).click();
}

/** The outbox's entries as stored in IndexedDB, parsed (none when it has no database); the page must be on the portal's origin. */
export function outboxEntries(page) {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'ppid-outbox')) return [];
    return new Promise((resolve, reject) => {
      const open = indexedDB.open('ppid-outbox');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('entries')) {
          db.close();
          return resolve([]);
        }
        const all = db.transaction('entries').objectStore('entries').getAll();
        all.onsuccess = () => {
          db.close();
          resolve(all.result.map((s) => JSON.parse(s)));
        };
        all.onerror = () => reject(all.error);
      };
    });
  });
}
