// The built app runs under a strict Content-Security-Policy: no inline script or style, no eval,
// only 'wasm-unsafe-eval' for the WebAssembly module. Every other end-to-end test also
// runs under this policy (harness.mjs startServer); this one checks the policy is really in force
// and that no page triggers a violation. Then the whole set of response headers the README
// recommends, as `scripts/serve.sh` sends them: the same pages run under them, the README lists the
// same, and each header does what it is there for.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, SERVER_BIN, STRICT_CSP, useServers, spawnListening, waitForApp } from './harness.mjs';
import { pageRunner } from './page.mjs';

const env = useServers({ server: {} });
/** Pages that record every CSP violation in `window.__cspViolations`; the console holds the refusals the tests cause. */
const withPage = pageRunner('csp', env, {
  errors: 'none',
  setup: (page) =>
    page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    }),
});

test('every page runs under the strict CSP without a single violation', { timeout: 90_000 }, async () => {
  await withPage('pages', async (page) => {
    const response = await page.goto(`${env.server.url}/`);
    const header = response.headers()['content-security-policy'] ?? '';
    assert.ok(header.startsWith(STRICT_CSP), `the policy is sent: ${header}`);
    const html = await response.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'index.html has no inline script');
    assert.doesNotMatch(html, /\sstyle=/, 'index.html has no inline style');
    await waitForApp(page);
    const seen = [];
    for (const href of ['/informasi', '/informasi?q=angg', '/informasi/dip-2026-001', '/permohonan', '/status', '/keberatan', '/tentang', '/tidak-ada']) {
      await page.goto(`${env.server.url}${href}`);
      await waitForApp(page);
      await page.waitForTimeout(100);
      seen.push(...(await page.evaluate(() => window.__cspViolations)).map((v) => `${href}: ${v}`));
    }
    assert.deepEqual(seen, [], 'no page triggers a CSP violation');
    // A test of the detector itself: an inline script added now must be refused and recorded.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.body.append(s);
    });
    await page.waitForTimeout(200);
    const violations = await page.evaluate(() => window.__cspViolations);
    const inlineRan = await page.evaluate(() => window.__inlineRan === true);
    assert.equal(inlineRan, false, 'an inline script does not run');
    assert.equal(violations.length, 1, `only the deliberate inline script is refused: ${violations.join('; ')}`);
    assert.match(violations[0], /^script-src/);
  });
});

/** `scripts/serve.sh` on the build already made, on a free port: its own headers, nothing added. */
async function serveSh() {
  const { child, url, exited } = await spawnListening(path.join(ROOT, 'scripts', 'serve.sh'), ['--port', '0', '--dist', DIST], {
    cwd: ROOT,
    env: { ...process.env, PPID_SKIP_BUILD: '1', CARGO_TARGET_DIR: path.dirname(path.dirname(SERVER_BIN)) },
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A policy's directives by name. */
const directives = (policy) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values.join(' ')]));

test('scripts/serve.sh sends the README\'s security headers; every page runs under them; each does its job', { timeout: 120_000 }, async () => {
  const server = await serveSh();
  try {
    await withPage('serve-sh', async (page) => {
      const sent = (await fetch(`${server.url}/informasi`)).headers;
      const csp = sent.get('content-security-policy') ?? '';
      assert.ok(csp.startsWith(STRICT_CSP), `the strict policy the other tests run under: ${csp}`);
      const policy = directives(csp);
      assert.equal(policy.get('frame-ancestors'), "'none'", 'no site may frame the portal when none is allowed to embed it');
      assert.equal(policy.get('form-action'), "'self'", 'forms post to the portal only');
      assert.equal(sent.get('referrer-policy'), 'no-referrer', 'the status link (its number in the URL) never leaks in a Referer');
      assert.equal(sent.get('x-content-type-options'), 'nosniff');
      const permissions = sent.get('permissions-policy') ?? '';
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
        assert.match(permissions, new RegExp(`(^|, )${feature}=\\(\\)`), `${feature} is off`);
      }
      // The portal copies links to the clipboard and reads aloud: neither may be switched off.
      assert.doesNotMatch(permissions, /clipboard-write|speaker-selection/);
      for (const file of ['/', '/sw.js', '/config.json']) {
        const h = (await fetch(`${server.url}${file}`)).headers;
        // The policy governs pages and workers; on data it would only add bytes to each response.
        assert.equal(h.get('content-security-policy'), file.endsWith('.json') ? null : csp, `${file}: the policy where it applies`);
        assert.equal(h.get('referrer-policy'), 'no-referrer', `${file} carries Referrer-Policy`);
      }

      // The README recommends the same headers (its policy names an example API and regency site).
      const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
      const recommended = (name) => readme.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1];
      const documented = directives(recommended('Content-Security-Policy') ?? '');
      for (const [name, value] of policy) {
        if (name !== 'connect-src' && name !== 'frame-ancestors') assert.equal(documented.get(name), value, `the README's ${name}`);
      }
      assert.deepEqual([...documented.keys()].sort(), [...policy.keys()].sort(), "the README's policy has the same directives");
      assert.equal(recommended('Referrer-Policy'), sent.get('referrer-policy'));
      assert.equal(recommended('X-Content-Type-Options'), 'nosniff');
      assert.equal(recommended('Permissions-Policy'), permissions);

      // Every page under them: no violation, no complaint about a header, no Referer sent anywhere.
      const complaints = [];
      page.on('console', (m) => {
        if (/Permissions-Policy|Referrer|Content Security Policy|Content-Security-Policy/i.test(m.text())) complaints.push(m.text());
      });
      const referers = [];
      page.context().on('request', (r) => {
        const referer = r.headers().referer;
        if (referer) referers.push(`${r.url()} <- ${referer}`);
      });
      const seen = [];
      for (const href of ['/', '/informasi', '/informasi/dip-2026-001', '/permohonan', '/status?nomor=PPID-2026-000123', '/keberatan', '/tentang']) {
        await page.goto(`${server.url}${href}`);
        await waitForApp(page);
        await page.waitForTimeout(100);
        seen.push(...(await page.evaluate(() => window.__cspViolations)).map((v) => `${href}: ${v}`));
      }
      assert.deepEqual(seen, [], 'no page triggers a violation');
      assert.deepEqual(complaints, [], 'the browser accepts every header as sent');
      assert.deepEqual(referers, [], 'no request carries a Referer');

      // form-action: a form that would post elsewhere is refused.
      await page.evaluate(() => {
        const form = Object.assign(document.createElement('form'), { method: 'post', action: 'https://evil.example/' });
        document.body.append(form);
        form.submit();
      });
      await page.waitForFunction(() => window.__cspViolations.length > 0, null, { timeout: 5000 });
      assert.match((await page.evaluate(() => window.__cspViolations))[0], /^form-action https:\/\/evil\.example/);
      assert.equal(new URL(page.url()).origin, server.url, 'the page stays');

      // frame-ancestors 'none': another site cannot frame the portal.
      await withPage('serve-sh-framing', async (framing) => {
        const refused = framing.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 10000 });
        await framing.setContent(`<iframe title="Portal" src="${server.url}/"></iframe>`);
        await refused;
        const frame = await (await framing.waitForSelector('iframe')).contentFrame();
        assert.equal(await frame.locator('main#main').count(), 0, 'no portal in the frame');
      });
    });
  } finally {
    await server.stop();
  }
});
