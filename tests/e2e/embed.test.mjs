// Embedding on a regency's page: `public/embed.js` on a fake CMS page (tests/embed/host.html)
// served from a second origin frames the portal, sizes the frame to the page inside on every navigation
// (keeping the last page's height while another bundle's page loads), scrolls the host page only as far as
// a new page's top, opens the host's deep links in it, gives the link back when the portal never answers,
// and ignores messages from any other origin; the portal
// (public/framed.js) ignores deep links from origins not in `embed_origins`, and opens its home page
// for a deep link that is not one of its own paths. Without scripts the host page keeps a plain link
// to the portal.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, DIST, AXE_PATH, NOW_ARGS, SEED, HOST_PAGE, useServers, startStaticServer, waitForApp, assertNoAxeViolations } from './harness.mjs';
import { pageRunner } from './page.mjs';

const ITEM = SEED.catalogue.find((i) => i.id === 'dip-2026-001');

/** A third origin: a page that is neither the portal nor the host (an ad, a compromised widget). */
let foreign;
/** The regency's page on a second origin. */
let host;

const env = useServers(
  {
    portal: () => ({ config: { api_base: '/api', embed_origins: [host.url] }, args: NOW_ARGS, frameAncestors: `'self' ${host.url}` }),
    plainPortal: () => ({ config: { api_base: '/api' }, args: NOW_ARGS, frameAncestors: `'self' ${host.url}` }),
  },
  {
    // The host knows the portal's origin only once the portal runs, the portal the host's only once
    // the host runs: the host reads it late, when a page is asked for.
    async setup() {
      foreign = await startStaticServer((p) => {
        if (p === '/') return ['text/html; charset=utf-8', '<!DOCTYPE html><html lang="id"><title>Iklan</title><p>Iklan</p></html>'];
        // The regency's page on a site the portal's frame-ancestors does not name (a typo in the policy).
        if (p === '/embed') return ['text/html; charset=utf-8', HOST_PAGE.html(env.portal.url)];
        if (p === '/host.css') return ['text/css; charset=utf-8', HOST_PAGE.css];
        if (p === '/framing') return ['text/html; charset=utf-8', `<!DOCTYPE html><html lang="id"><title>Bukan situs kabupaten</title><iframe title="Portal" src="${env.portal.url}/"></iframe></html>`];
        return null;
      });
      host = await startStaticServer((p) => {
        const portalOrigin = env.portal.url;
        // A strict policy like a careful regency site: scripts and frames from the portal only.
        const csp = `default-src 'self'; script-src ${portalOrigin}; style-src 'self'; frame-src ${portalOrigin} ${foreign.url}; object-src 'none'; base-uri 'none'`;
        if (p === '/') return ['text/html; charset=utf-8', HOST_PAGE.html(portalOrigin), { 'Content-Security-Policy': csp }];
        if (p === '/tall') return ['text/html; charset=utf-8', HOST_PAGE.html(portalOrigin).replace('<body>', '<body class="tall">'), { 'Content-Security-Policy': csp }];
        // The same page with a portal whose config.json has no `embed_origins`.
        const plainOrigin = env.plainPortal.url;
        if (p === '/plain') return ['text/html; charset=utf-8', HOST_PAGE.html(plainOrigin), { 'Content-Security-Policy': csp.split(portalOrigin).join(plainOrigin) }];
        if (p === '/host.css') return ['text/css; charset=utf-8', HOST_PAGE.css];
        if (p === '/favicon.ico') return ['image/x-icon', ''];
        return null;
      });
    },
    async teardown() {
      await host?.stop();
      await foreign?.stop();
    },
  },
);
/** Pages that check for themselves what the host page and the frame may log. */
const withPage = pageRunner('embed', env, { errors: 'none' });

/** Opens the host page at `pathname`; returns the frame's element once embed.js has put it in. */
async function hostFrame(page, pathname = '/') {
  await page.goto(`${host.url}${pathname}`);
  return page.waitForSelector('iframe.ppid-embed-frame', { state: 'attached', timeout: 10000 });
}

/** Waits until the iframe is as tall as the portal's page inside it (within 2 px); returns that height. */
async function settledHeight(iframe, frame) {
  let last;
  for (let i = 0; i < 100; i += 1) {
    const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => document.documentElement.offsetHeight);
    if (Math.abs(outer - inner) <= 2) {
      // Measured apart from the two heights: a page still drawing (a bundle's page replacing the
      // loading shell) can grow in between, so only a page that never comes to fit fails.
      const overflow = await frame.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      last = { outer, inner, overflow };
      if (overflow <= 2) return outer;
    } else {
      last = { outer, inner };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`the iframe does not follow the page's height, or the page inside does not fit it (no scrollbar): ${JSON.stringify(last)}`);
}

async function heading(frame) {
  await frame.waitForSelector('main#main h1', { timeout: 20000 });
  return (await frame.textContent('main#main h1')).trim();
}

/** How long embed.js waits for the portal to answer before it gives the link back: its own figure. */
const WAIT_MS = Number(fs.readFileSync(path.join(ROOT, 'public', 'embed.js'), 'utf8').match(/const WAIT = (\d+);/)[1]);

/**
 * Records, every animation frame of the host page, the frame's height and the host page's scrollY;
 * returns a function that stops and returns them.
 */
async function sampleHost(page) {
  await page.evaluate(() => {
    const frame = document.querySelector('iframe.ppid-embed-frame');
    const samples = [];
    window.ppidSamples = samples;
    const tick = () => {
      if (window.ppidSamples !== samples) return;
      samples.push({ height: frame.getBoundingClientRect().height, y: scrollY });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () =>
    page.evaluate(() => {
      const samples = window.ppidSamples;
      window.ppidSamples = null;
      return samples;
    });
}

test('embed.js is at most 2 KB gzip', () => {
  const gzip = zlib.gzipSync(fs.readFileSync(path.join(DIST, 'embed.js')), { level: 9 }).length;
  assert.ok(gzip <= 2000, `embed.js is ${gzip} bytes gzip`);
});

test('the frame replaces the link, follows the page height on every navigation, and is accessible', { timeout: 120_000 }, async () => {
  await withPage('height', async (page) => {
    const iframe = await hostFrame(page);
    assert.equal(await page.locator('a.ppid-embed').count(), 0, 'the link became the frame');
    assert.equal(await iframe.getAttribute('title'), 'Portal PPID Kabupaten Sukamaju', "the frame's title is the link's words");
    assert.equal(await iframe.getAttribute('loading'), 'lazy');
    const frame = await iframe.contentFrame();
    await waitForApp(frame);
    assert.equal(new URL(frame.url()).origin, env.portal.url);
    const heights = [await settledHeight(iframe, frame)];

    await frame.click('nav a[href="/informasi"]');
    await frame.waitForSelector('main#main a[href^="/informasi/"]', { timeout: 20000 });
    heights.push(await settledHeight(iframe, frame));

    const first = frame.locator('main#main a[href^="/informasi/"]').first();
    const id = (await first.getAttribute('href')).split('/').pop();
    await first.click();
    assert.equal(await heading(frame), SEED.catalogue.find((i) => i.id === id).title);
    heights.push(await settledHeight(iframe, frame));

    // The about page is in another bundle: the path changes at once, then the frame loads that bundle.
    // Its heading is there only when the new page is, so nothing below measures a page being replaced.
    await frame.click('nav a[href="/tentang"]');
    await frame.getByRole('heading', { level: 1, name: 'Tentang layanan ini' }).waitFor({ timeout: 20000 });
    heights.push(await settledHeight(iframe, frame));
    assert.ok(new Set(heights.map(Math.round)).size >= 3, `the height changes with the page: ${heights.join(', ')}`);

    // Axe on the host page, the portal's frame included, and on the portal page inside.
    const axe = fs.readFileSync(AXE_PATH, 'utf8');
    await frame.evaluate(axe);
    await assertNoAxeViolations(page, 'host page with the portal');
    await assertNoAxeViolations(frame, 'the portal in the frame');
    assert.deepEqual(page.consoleErrors, [], 'no errors on the host page or in the frame');
  });
});

test("the host's deep links open the item, the request form and the status page in the frame", { timeout: 120_000 }, async () => {
  await withPage('deep-links', async (page) => {
    const iframe = await hostFrame(page);
    const frame = await iframe.contentFrame();
    await waitForApp(frame);
    await settledHeight(iframe, frame);
    const opened = [
      ['#open-item', `/informasi/${ITEM.id}`, ITEM.title],
      ['#open-request', '/permohonan', 'Ajukan permohonan informasi'],
      ['#open-status', '/status', 'Cek status permohonan'],
      ['#open-item', `/informasi/${ITEM.id}`, ITEM.title],
    ];
    for (const [link, pathname, title] of opened) {
      await page.click(link);
      // The request form and the status page are other bundles: the frame loads them (a new document).
      const current = await iframe.contentFrame();
      await current.waitForFunction((p) => location.pathname === p, pathname, { timeout: 20000 });
      await current.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.trim() === t, title, { timeout: 20000 });
      assert.equal(new URL(page.url()).origin, host.url, 'the host page stays');
      await settledHeight(iframe, current);
    }
    // PPID.open refuses anything but a path of the portal.
    const refused = await page.evaluate(() => ['//evil.example/', 'https://evil.example/', 'javascript:alert(1)', '/\\evil.example'].map((p) => window.PPID.open(p)));
    assert.deepEqual(refused, [false, false, false, false]);
  });
});

test('a page of another bundle loading in the frame keeps the last height in between, and the host page stays put', { timeout: 120_000 }, async () => {
  await withPage('between-bundles', async (page) => {
    const iframe = await hostFrame(page);
    const frame = await iframe.contentFrame();
    await waitForApp(frame);
    await settledHeight(iframe, frame);
    // The reader has scrolled down a little: the frame's top, with the portal's menu, is in view.
    await page.evaluate(() => scrollTo(0, document.querySelector('iframe.ppid-embed-frame').getBoundingClientRect().top + scrollY - 60));
    const y = await page.evaluate(() => scrollY);
    assert.ok(y > 100, `the host page is scrolled: ${y}`);
    // The request form, the status page and back to the catalogue: each is another bundle, a new document.
    for (const pathname of ['/permohonan', '/status', '/informasi']) {
      const before = await iframe.evaluate((f) => f.getBoundingClientRect().height);
      const stop = await sampleHost(page);
      await frame.click(`nav a[href="${pathname}"]`);
      await frame.waitForURL((u) => u.pathname === pathname, { timeout: 20000 });
      await waitForApp(frame);
      const after = await settledHeight(iframe, frame);
      await page.waitForTimeout(300);
      const samples = await stop();
      assert.ok(samples.length > 5, `sampled the host page: ${samples.length} frames`);
      const lowest = Math.min(...samples.map((s) => s.height));
      assert.ok(lowest >= Math.min(before, after) - 1, `to ${pathname}: the frame was ${lowest}px tall in between, ${before}px before and ${after}px after`);
      assert.deepEqual([...new Set(samples.map((s) => s.y))], [y], `to ${pathname}: the host page did not scroll`);
    }
  });
});

test("after a navigation inside the frame the host page scrolls only as far as the new page's top", { timeout: 90_000 }, async () => {
  await withPage('scroll', async (page) => {
    const iframe = await hostFrame(page);
    const frame = await iframe.contentFrame();
    await waitForApp(frame);
    await settledHeight(iframe, frame);
    const top = () => iframe.evaluate((f) => f.getBoundingClientRect().top);
    const hostY = () => page.evaluate(() => scrollY);
    assert.equal(await hostY(), 0, 'the first load does not scroll the host page');
    assert.ok((await top()) > 0, "the frame's top is in view");

    // With the frame's top in view, a new page in the frame leaves the host page where it is.
    let stop = await sampleHost(page);
    await frame.click('nav a[href="/informasi"]');
    await frame.waitForSelector('main#main a[href^="/informasi/"]', { timeout: 20000 });
    await settledHeight(iframe, frame);
    // The portal moves focus to the new page's heading, far down under the portal's header: the host page
    // stays where it is all the same.
    await frame.waitForFunction(() => document.activeElement?.matches('main#main h1'));
    await page.waitForTimeout(300);
    assert.deepEqual([...new Set((await stop()).map((s) => s.y))], [0], 'the host page did not scroll');

    // An item low in the tall catalogue: the frame's top is far above the screen.
    const link = frame.locator('main#main a[href^="/informasi/"]').last();
    const id = (await link.getAttribute('href')).split('/').pop();
    await link.scrollIntoViewIfNeeded();
    assert.ok((await top()) < -500, `the host page is scrolled well into the frame: its top at ${await top()}px`);
    stop = await sampleHost(page);
    await link.click();
    assert.equal(await heading(frame), SEED.catalogue.find((i) => i.id === id).title);
    await settledHeight(iframe, frame);
    // Nothing after the new page is drawn (the focus the portal moves to a heading) moves the host page again.
    await page.waitForTimeout(500);
    const samples = await stop();
    const shown = await top();
    assert.ok(Math.abs(shown) <= 1, `the new page's top is at the top of the screen, no further: ${shown}px`);
    const y = await hostY();
    assert.ok(Math.min(...samples.map((s) => s.y)) >= y - 1, `the host page never scrolled past the frame's top: ${JSON.stringify([...new Set(samples.map((s) => s.y))])}`);

    // The item's request link, low on its page, opens the request form: another bundle, a page load.
    const request = frame.locator('main#main a[href^="/permohonan?item="]');
    await request.scrollIntoViewIfNeeded();
    assert.ok((await top()) < -300, `the frame's top is above the screen: ${await top()}px`);
    const before = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    stop = await sampleHost(page);
    await request.click();
    await frame.waitForURL((u) => u.pathname === '/permohonan', { timeout: 20000 });
    await waitForApp(frame);
    const after = await settledHeight(iframe, frame);
    await page.waitForTimeout(500);
    const loading = await stop();
    assert.ok(Math.abs(await top()) <= 1, `the request form's top is at the top of the screen: ${await top()}px`);
    const lowest = Math.min(...loading.map((s) => s.height));
    assert.ok(lowest >= Math.min(before, after) - 1, `the frame was ${lowest}px tall in between, ${before}px before and ${after}px after`);
    assert.ok(Math.min(...loading.map((s) => s.y)) >= (await hostY()) - 1, `the host page never scrolled past the frame's top: ${JSON.stringify([...new Set(loading.map((s) => s.y))])}`);

    // Typing in the search box replaces the address, it is no new page: the host page does not move.
    await frame.click('nav a[href="/informasi"]');
    await frame.waitForURL((u) => u.pathname === '/informasi', { timeout: 20000 });
    await waitForApp(frame);
    const search = frame.locator('main#main input[type="search"]');
    await search.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const still = await hostY();
    await search.type('angg');
    await page.waitForTimeout(800);
    assert.equal(await hostY(), still, 'typing does not scroll the host page');
  }, { context: { viewport: { width: 1000, height: 500 } } });
});

test('messages from another origin are ignored by embed.js and by the portal', { timeout: 120_000 }, async () => {
  await withPage('foreign', async (page) => {
    const iframe = await hostFrame(page);
    const frame = await iframe.contentFrame();
    await waitForApp(frame);
    const height = await settledHeight(iframe, frame);
    // A third origin's frame on the host page posts a height to the host and a deep link to the portal.
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.title = 'Iklan';
      document.body.append(f);
      return new Promise((resolve) => f.addEventListener('load', resolve));
    }, `${foreign.url}/`);
    const other = page.frames().find((f) => f.url().startsWith(foreign.url));
    assert.ok(other, 'the foreign frame is there');
    const stop = await sampleHost(page);
    await other.evaluate(() => {
      parent.postMessage({ type: 'ppid:height', height: 4321 }, '*');
      parent.frames[0].postMessage({ type: 'ppid:navigate', path: '/tentang' }, '*');
    });
    // The host itself is no portal either: its own message about heights is not the frame's.
    await page.evaluate(() => window.postMessage({ type: 'ppid:height', height: 1234 }, '*'));
    // The host's origin is allowed, but not a path that leaves the portal.
    await page.evaluate((origin) => {
      document.querySelector('iframe.ppid-embed-frame').contentWindow.postMessage({ type: 'ppid:navigate', path: '//127.0.0.1/' }, origin);
    }, env.portal.url);
    await page.waitForTimeout(1000);
    // Every frame of the host page in that second: the portal's own page may still grow (a late answer
    // of the backend), and the frame follows it, but it never takes a height from those messages.
    const heights = [...new Set((await stop()).map((x) => Math.round(x.height)))];
    assert.ok(heights.length > 0 && !heights.includes(4321) && !heights.includes(1234), `the frame kept the portal's own height (${height} px before; then ${heights.join(', ')} px)`);
    assert.ok(![4321, 1234].includes(Math.round(await settledHeight(iframe, frame))), "the frame still follows the portal's page");
    assert.equal(await frame.evaluate(() => location.pathname), '/', 'the portal did not navigate');

    // The same deep link from the host (an allowed origin) is followed: the check above is not vacuous.
    await page.evaluate((origin) => {
      document.querySelector('iframe.ppid-embed-frame').contentWindow.postMessage({ type: 'ppid:navigate', path: '/tentang' }, origin);
    }, env.portal.url);
    await frame.waitForFunction(() => location.pathname === '/tentang', null, { timeout: 10000 });
  });
});

test('a hostile deep link from an allowed origin opens the home page: never another origin, a script or a path out of the portal', { timeout: 120_000 }, async () => {
  await withPage('hostile-deep-links', async (page) => {
    const iframe = await hostFrame(page);
    const frame = await iframe.contentFrame();
    await waitForApp(frame);
    // What embed.js would never send, as a compromised or careless host page could.
    const post = (path) =>
      page.evaluate(([p, origin]) => {
        document.querySelector('iframe.ppid-embed-frame').contentWindow.postMessage({ type: 'ppid:navigate', path: p }, origin);
      }, [path, env.portal.url]);
    const at = () => frame.evaluate(() => ({ origin: location.origin, path: location.pathname }));
    const opensHome = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.domain)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/',
      '///evil.example/',
      'https://evil.example/informasi',
      'http:evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/\\/evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n//evil.example',
      ' /informasi',
      '/informasi\u0000',
      '/informasi\u007f',
      '/%2e%2e/%2e%2e/',
      'informasi',
      '',
      `/${'a'.repeat(600)}`,
      42,
      null,
      ['/tentang'],
    ];
    for (const path of opensHome) {
      // From another page of the portal's bundle (no page load), so that "opens the home page" can be seen.
      await post('/informasi');
      await frame.waitForFunction(() => location.pathname === '/informasi', null, { timeout: 10000 });
      await post(path);
      await frame.waitForFunction(() => location.pathname === '/', null, { timeout: 10000 }).catch(() => {});
      assert.deepEqual(await at(), { origin: env.portal.url, path: '/' }, `${JSON.stringify(path)} opens the home page`);
    }
    // Paths of the portal that only look like a scheme or another site stay paths of the portal.
    for (const path of ['/javascript:alert(1)', '/https://evil.example/']) {
      await post(path);
      await frame.waitForFunction((p) => location.pathname === p, path, { timeout: 10000 });
      assert.equal((await at()).origin, env.portal.url, `${path} stays on the portal`);
    }
    await heading(frame);
    assert.deepEqual(page.dialogs, [], 'no script ran');
    assert.equal(new URL(page.url()).origin, host.url, 'the host page stays');
    assert.deepEqual(page.pageErrors, [], 'no errors on the host page or in the frame');
  });
});

test('the frame loads lazily: a portal far below the fold starts only when scrolled near', { timeout: 60_000 }, async () => {
  await withPage('lazy', async (page) => {
    const documents = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'document' && r.url().startsWith(env.portal.url)) documents.push(r.url());
    });
    const iframe = await hostFrame(page, '/tall');
    await page.waitForTimeout(1500);
    assert.deepEqual(documents, [], 'nothing is fetched from the portal before the frame is near');
    await iframe.scrollIntoViewIfNeeded();
    const frame = await iframe.contentFrame();
    await waitForApp(frame);
    assert.equal(documents.length, 1);
  });
});

test('a deep link before the frame has loaded opens that page in it', { timeout: 60_000 }, async () => {
  await withPage('early-deep-link', async (page) => {
    const iframe = await hostFrame(page, '/tall');
    await page.click('#open-item');
    const frame = await iframe.contentFrame();
    assert.equal(await heading(frame), ITEM.title);
    assert.equal(await frame.evaluate(() => location.pathname), `/informasi/${ITEM.id}`);
    assert.equal(new URL(page.url()).origin, host.url, 'the host page stays');
  });
});

test("frame-ancestors: a site not in the portal's policy cannot frame it", { timeout: 30_000 }, async () => {
  await withPage('frame-ancestors', async (page) => {
    const refused = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 10000 });
    await page.goto(`${foreign.url}/framing`);
    await refused;
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    assert.equal(await frame.locator('main#main').count(), 0, 'no portal in the frame');
  });
});

test('a frame the portal refuses (frame-ancestors) turns back into the link within the stated time', { timeout: 60_000 }, async () => {
  await withPage('refused', async (page) => {
    const refused = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 10000 });
    const start = Date.now();
    await page.goto(`${foreign.url}/embed`);
    await page.waitForSelector('iframe.ppid-embed-frame', { state: 'attached', timeout: 10000 });
    await refused;
    const link = page.locator('a.ppid-embed');
    await link.waitFor({ timeout: WAIT_MS + 4000 });
    const took = Date.now() - start;
    assert.ok(took <= WAIT_MS + 4000, `the link is back after ${took} ms`);
    assert.equal(await page.locator('iframe.ppid-embed-frame').count(), 0, 'the frame is gone');
    assert.equal((await link.textContent()).trim(), 'Portal PPID Kabupaten Sukamaju', "the link's own words");
    assert.equal(await link.getAttribute('href'), `${env.portal.url}/`, 'the link to the portal');
    // The host's deep links are plain links again: PPID.open leaves them to the browser.
    assert.equal(await page.evaluate(() => window.PPID.open('/informasi')), false);
    await assertNoAxeViolations(page, 'the host page with the link given back');
    const errors = page.consoleErrors.filter((m) => !/frame-ancestors/.test(m));
    assert.deepEqual(errors, [], 'nothing logged on the host page but the refusal');
  });
});

test('a frame that cannot reach the portal (offline) turns back into the link', { timeout: 60_000 }, async () => {
  await withPage('offline', async (page) => {
    // embed.js arrives (from the browser's cache, say), the portal's page does not.
    await page.route((u) => u.href === `${env.portal.url}/`, (r) => r.abort('internetdisconnected'));
    await page.goto(`${host.url}/`);
    await page.waitForSelector('iframe.ppid-embed-frame', { state: 'attached', timeout: 10000 });
    const link = page.locator('a.ppid-embed');
    await link.waitFor({ timeout: WAIT_MS + 4000 });
    assert.equal(await link.getAttribute('href'), `${env.portal.url}/`);
    assert.equal(await page.locator('iframe.ppid-embed-frame').count(), 0, 'the frame is gone');
    assert.deepEqual(page.consoleErrors, [], 'nothing logged on the host page');
  });
});

test('a portal without embed_origins never talks to the page that frames it, which gives the link back', { timeout: 60_000 }, async () => {
  await withPage('plain', async (page) => {
    const iframe = await hostFrame(page, '/plain');
    const frame = await iframe.contentFrame();
    await waitForApp(frame);
    await page.evaluate((origin) => {
      document.querySelector('iframe.ppid-embed-frame').contentWindow.postMessage({ type: 'ppid:navigate', path: '/tentang' }, origin);
    }, env.plainPortal.url);
    await page.waitForTimeout(1000);
    assert.equal(await iframe.evaluate((f) => f.getBoundingClientRect().height), 800, 'the frame keeps its initial height');
    assert.equal(await frame.evaluate(() => location.pathname), '/', 'the deep link is not followed');
    assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('ppid-embedded')), false);
    // The portal does not answer the host (as with the host's origin missing from `embed_origins`).
    await page.locator('a.ppid-embed').waitFor({ timeout: WAIT_MS + 2000 });
    assert.equal(await page.getAttribute('a.ppid-embed', 'href'), `${env.plainPortal.url}/`);
    assert.equal(await page.locator('iframe.ppid-embed-frame').count(), 0);
  });
});

test('without JavaScript the host page keeps a plain link to the portal', { timeout: 30_000 }, async () => {
  await withPage('no-js', async (page) => {
    await page.goto(`${host.url}/`);
    const link = page.locator('a.ppid-embed');
    assert.equal(await link.count(), 1);
    assert.equal(await link.getAttribute('href'), `${env.portal.url}/`);
    assert.equal((await link.textContent()).trim(), 'Portal PPID Kabupaten Sukamaju');
    assert.equal(await page.locator('iframe').count(), 0);
    assert.equal(await page.getAttribute('#open-item', 'href'), `${env.portal.url}/informasi/${ITEM.id}`, 'deep links are plain links too');
  }, { context: { javaScriptEnabled: false } });
});
