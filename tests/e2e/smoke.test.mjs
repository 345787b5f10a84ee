// Smoke test: the built app loads from the release server, renders its main heading without errors,
// and passes axe-core's WCAG 2.1 A/AA and best-practice rules.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPage, waitForApp, assertNoAxeViolations, saveArtifacts } from './harness.mjs';

const env = useServerAndBrowser();

test('home page renders without errors and passes axe', { timeout: 90_000 }, async () => {
  const page = await newPage(env.browser);
  try {
    const response = await page.goto(`${env.server.url}/`);
    assert.equal(response?.status(), 200, 'GET / answers 200');
    await waitForApp(page, 'main#main h1');
    assert.notEqual((await page.textContent('main#main h1'))?.trim(), '', 'the main heading has text');
    assert.deepEqual(page.consoleErrors, [], 'no console or page errors');
    await assertNoAxeViolations(page, 'home page');
  } catch (e) {
    await saveArtifacts(page, 'smoke-home');
    throw e;
  } finally {
    await page.context().close();
  }
});
