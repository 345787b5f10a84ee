// The built app runs under a strict Content-Security-Policy: no inline script or style, no eval,
// only 'wasm-unsafe-eval' for the WebAssembly module (issue 9). Every other end-to-end test also
// runs under this policy (harness.mjs startServer); this one checks the policy is really in force
// and that no page triggers a violation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STRICT_CSP, useServerAndBrowser, newPage, waitForApp, saveArtifacts } from './harness.mjs';

const env = useServerAndBrowser();

test('every page runs under the strict CSP without a single violation', { timeout: 90_000 }, async () => {
  const page = await newPage(env.browser);
  try {
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
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
  } catch (e) {
    await saveArtifacts(page, 'csp');
    throw e;
  } finally {
    await page.context().close();
  }
});
