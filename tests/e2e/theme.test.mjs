// Theming through config.json: the regency's name, logo, primary and accent colours and
// base font scale apply in every bundle and on the service-down page; a palette that fails WCAG AA
// falls back to the default colours with a console warning; a hostile theme stays text and runs nothing.
//
// One ppid-server (the HTTP reference backend) under the strict CSP; each page gets its own
// config.json through a route, without a service worker (it would fetch config.json itself).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServers, waitForApp, assertNoAxeViolations, NOW_ARGS } from './harness.mjs';
import { pageRunner } from './page.mjs';

const BASE = { api_base: '/api', timeout_ms: 15000 };
const NAME = 'PPID Kabupaten Sukamaju';
const THEME = { name: NAME, logo_url: 'favicon.svg', primary: '#14532d', accent: '#a16207', font_scale: 1.25 };
const GREEN = 'rgb(20, 83, 45)';
const DEFAULT_PRIMARY = 'rgb(11, 83, 148)';
const DEFAULT_ACCENT = '#b45309';

const env = useServers({ server: { config: BASE, args: NOW_ARGS } });
const run = pageRunner('theme', env, {
  context: { serviceWorkers: 'block' },
  config: BASE,
  setup: (page) => {
    page.warnings = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning') page.warnings.push(msg.text());
    });
  },
  check: (page) => assert.deepEqual(page.dialogs, [], 'no dialog opened'),
});
/**
 * A page whose config.json is `BASE` with `overrides`. `page.warnings` collects console warnings, and a
 * dialog (a script that ran) fails the test, as any console error does unless `allowErrors`.
 */
const withPage = (name, overrides, fn, { allowErrors = false } = {}) =>
  run(name, fn, { config: overrides, errors: allowErrors ? 'uncaught' : 'console' });

/** Computed style properties of the first element matching `selector`. */
function computed(page, selector, ...props) {
  return page.locator(selector).first().evaluate((el, props) => {
    const s = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
  }, props);
}

const rootFontSize = (page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
const themeWarnings = (page) => page.warnings.filter((w) => w.includes('config.json theme'));

test('a valid theme applies: colours, name, logo, font scale, title; no axe violations', async () => {
  await withPage('valid', { theme: THEME }, async (page) => {
    await page.goto(env.server.url + '/');
    await waitForApp(page);
    assert.equal((await computed(page, 'main a.button', 'background-color'))['background-color'], GREEN, 'primary button');
    assert.equal((await computed(page, 'nav a:not([aria-current])', 'color')).color, GREEN, 'link colour');
    assert.equal((await computed(page, '.site-header', 'border-bottom-color'))['border-bottom-color'], GREEN, 'header rule');
    const root = await page.evaluate(() => {
      const s = getComputedStyle(document.documentElement);
      return { dark: s.getPropertyValue('--primary-dark').trim(), accent: s.getPropertyValue('--accent').trim() };
    });
    assert.deepEqual(root, { dark: '#0d371e', accent: '#a16207' });
    assert.equal(await rootFontSize(page), '20px', '1.25 × 16px');
    assert.equal((await page.locator('.brand-name').textContent()).trim(), NAME);
    const logo = page.locator('img.brand-logo');
    assert.equal(await logo.getAttribute('alt'), NAME);
    assert.equal(await logo.getAttribute('src'), `${env.server.url}/favicon.svg`);
    await page.waitForFunction(() => document.querySelector('img.brand-logo')?.complete);
    assert.ok((await logo.evaluate((img) => img.naturalWidth)) > 0, 'the logo loads under the CSP');
    assert.match(await page.title(), new RegExp(` – ${NAME}$`));
    assert.deepEqual(themeWarnings(page), []);
    await assertNoAxeViolations(page, 'themed home');

    // Another bundle (the forms) is themed the same way.
    await page.goto(env.server.url + '/permohonan');
    await waitForApp(page);
    assert.equal((await computed(page, 'main .button', 'background-color'))['background-color'], GREEN, 'forms bundle button');
    assert.equal(await rootFontSize(page), '20px');
    assert.match(await page.title(), new RegExp(` – ${NAME}$`));
    await assertNoAxeViolations(page, 'themed request start');
  });
});

test('without a theme the defaults stay', async () => {
  await withPage('none', {}, async (page) => {
    await page.goto(env.server.url + '/');
    await waitForApp(page);
    assert.equal((await computed(page, 'main a.button', 'background-color'))['background-color'], DEFAULT_PRIMARY);
    assert.equal(await rootFontSize(page), '16px');
    assert.equal(await page.locator('img.brand-logo').count(), 0);
    assert.match(await page.title(), / – Portal PPID$/);
    assert.deepEqual(themeWarnings(page), []);
  });
});

test('a low-contrast palette falls back to the default colours with a console warning', async () => {
  await withPage('low-contrast', { theme: { ...THEME, primary: '#9ecbff' } }, async (page) => {
    await page.goto(env.server.url + '/');
    await waitForApp(page);
    assert.equal((await computed(page, 'main a.button', 'background-color'))['background-color'], DEFAULT_PRIMARY);
    assert.equal((await computed(page, 'nav a:not([aria-current])', 'color')).color, DEFAULT_PRIMARY);
    // The whole palette falls back: the (good) accent too.
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    assert.equal(accent, DEFAULT_ACCENT);
    const warnings = themeWarnings(page);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /theme\.primary #9ecbff has a contrast of 1\.53:1 against #f3f4f6/);
    assert.match(warnings[0], /needs 4\.50:1/);
    // The rest of the theme is not a colour and still applies.
    assert.equal((await page.locator('.brand-name').textContent()).trim(), NAME);
    assert.equal(await rootFontSize(page), '20px');
    await assertNoAxeViolations(page, 'fallback palette');
  });
  // An accent too light for a border also sends the palette back.
  await withPage('low-contrast-accent', { theme: { primary: '#14532d', accent: '#fde68a' } }, async (page) => {
    await page.goto(env.server.url + '/');
    await waitForApp(page);
    assert.equal((await computed(page, 'main a.button', 'background-color'))['background-color'], DEFAULT_PRIMARY);
    assert.match(themeWarnings(page).join('\n'), /theme\.accent #fde68a has a contrast of 1\.\d\d:1 .* needs 3\.00:1/);
  });
});

test('a hostile theme is shown as text or ignored, and nothing runs', async () => {
  const name = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2;alert(2)">';
  const theme = { name, logo_url: 'javascript:alert(1)', primary: '#000;background:url(https://evil.example/x)', accent: 'expression(alert(3))', font_scale: '9e9' };
  await withPage('hostile', { theme }, async (page) => {
    await page.goto(env.server.url + '/');
    await waitForApp(page);
    assert.equal(await page.locator('.brand-name').textContent(), name, 'the name is text');
    assert.equal(await page.locator('header img').count(), 0, 'no logo and no injected image');
    assert.equal(await page.locator('header script').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal((await computed(page, 'main a.button', 'background-color'))['background-color'], DEFAULT_PRIMARY);
    assert.equal(await rootFontSize(page), '16px');
    // Unusable values are the defaults, silently (only a failing contrast check warns).
    assert.deepEqual(themeWarnings(page), []);
    assert.ok((await page.title()).endsWith(name), 'the title holds the text as it is');
  });
  // A theme that is not even an object never stops the portal.
  await withPage('not-an-object', { theme: 'green' }, async (page) => {
    await page.goto(env.server.url + '/');
    await waitForApp(page);
    assert.equal((await computed(page, 'main a.button', 'background-color'))['background-color'], DEFAULT_PRIMARY);
    assert.equal(await rootFontSize(page), '16px');
  });
});

test('the service-down page is themed too', async () => {
  await withPage(
    'down',
    { theme: THEME },
    async (page) => {
      await page.route('**/api/v1/meta', (route) => route.fulfill({ status: 503, body: 'down' }));
      await page.goto(env.server.url + '/');
      await waitForApp(page);
      assert.equal((await computed(page, 'main .button', 'background-color'))['background-color'], GREEN, 'retry button');
      assert.equal((await page.locator('.brand-name').textContent()).trim(), NAME);
      assert.equal(await page.locator('img.brand-logo').getAttribute('alt'), NAME);
      assert.equal(await rootFontSize(page), '20px');
      await assertNoAxeViolations(page, 'themed service-down page');
    },
    // The 503 itself is logged by the browser.
    { allowErrors: true },
  );
});

test('the theme applies with the demo backend', async () => {
  await withPage('demo', { api_base: 'demo', theme: THEME }, async (page) => {
    await page.goto(env.server.url + '/');
    await waitForApp(page);
    assert.equal((await computed(page, 'main a.button', 'background-color'))['background-color'], GREEN);
    assert.equal((await page.locator('.brand-name').textContent()).trim(), NAME);
    assert.equal(await rootFontSize(page), '20px');
  });
});
